// The navigation between pages of a long list: the C++ face of src/views/templates/pager.html.
#include "views/pager.hpp"

#include "views/templates/pager.hpp"

namespace fabrique::views {

html::Html pager(const http::Context& ctx, const std::string& base, std::int64_t page, std::int64_t pages) {
  return html::render(*ctx.t, templates::Pager{.base = base, .page = page, .pages = pages});
}

}  // namespace fabrique::views
