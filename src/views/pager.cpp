// The navigation between pages of a long list: the C++ face of src/views/templates/pager.html.
#include "views/pager.hpp"

#include <algorithm>

#include "common/numbers.hpp"
#include "views/templates/pager.hpp"

namespace fabrique::views {

html::Html pager(const http::Context& ctx, const std::string& base, std::int64_t page, std::int64_t pages) {
  return html::render(*ctx.t, templates::Pager{.base = base, .page = page, .pages = pages});
}

PageOf page_of(const http::Context& ctx, std::int64_t total, std::int64_t per_page) {
  PageOf out;
  out.pages = std::max<std::int64_t>(1, (total + per_page - 1) / per_page);
  out.page =
      std::clamp<std::int64_t>(numbers::whole(ctx.query.get("page"), 1, numbers::kMaxPage).value_or(1), 1, out.pages);
  out.limit = per_page;
  out.offset = (out.page - 1) * per_page;
  return out;
}

std::string pager_base(const std::string& address, const std::string& query_string) {
  return address + (query_string.empty() ? "?" : query_string + "&") + "page=";
}

}  // namespace fabrique::views
