// The navigation between pages of a long list.
#include "views/pager.hpp"

#include "i18n/i18n.hpp"

namespace fabrique::views {

using html::Html;
using html::render;
using i18n::N_;

Html pager(const http::Context& ctx, const std::string& base, std::int64_t page, std::int64_t pages) {
  if (pages <= 1) return {};
  Html links;
  if (page > 1) links += render(R"(<li><a href="{}{}" rel="prev">{}</a></li>)", base, page - 1, ctx.tr(N_("Previous page")));
  links += render(R"(<li aria-current="page">{}</li>)", fmt::format(fmt::runtime(ctx.tr(N_("Page {} of {}"))), page, pages));
  if (page < pages) links += render(R"(<li><a href="{}{}" rel="next">{}</a></li>)", base, page + 1, ctx.tr(N_("Next page")));
  return render(R"(<nav aria-label="{}" class="pager"><ul>{}</ul></nav>)", ctx.tr(N_("Pages")), links);
}

}  // namespace fabrique::views
