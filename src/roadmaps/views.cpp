// Shared pieces of the roadmap pages.
#include "roadmaps/views.hpp"

#include <date/date.h>

#include "coalitions/json.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "views/forms.hpp"

namespace fabrique::roadmaps::views {

using html::render;
using i18n::N_;

http::Response not_found_json(const Context& ctx) {
  auto r = coalitions::json::response(ctx, {{"error", "not found"}});
  r.status = 404;
  return r;
}

std::int64_t page_of(const Context& ctx, std::int64_t pages) {
  // Absent or not a page number: the first page.
  return std::clamp<std::int64_t>(numbers::whole(ctx.query.get("page"), 1, numbers::kMaxPage).value_or(1), 1, pages);
}

Html pager(const Context& ctx, const std::string& base, const std::string& fragment, std::int64_t page,
           std::int64_t pages) {
  if (pages <= 1) return Html();
  Html links;
  if (page > 1)
    links +=
        render(R"(<li><a href="{}{}{}" rel="prev">{}</a></li>)", base, page - 1, fragment, ctx.tr(N_("Previous page")));
  links +=
      render(R"(<li aria-current="page">{}</li>)", fmt::format(fmt::runtime(ctx.tr(N_("Page {} of {}"))), page, pages));
  if (page < pages)
    links +=
        render(R"(<li><a href="{}{}{}" rel="next">{}</a></li>)", base, page + 1, fragment, ctx.tr(N_("Next page")));
  return render(R"(<nav aria-label="{}" class="pager"><ul>{}</ul></nav>)", ctx.tr(N_("Pages")), links);
}

std::string iso_day(const std::optional<sys_seconds>& t) { return t ? date::format("%F", *t) : ""; }

ActionInput input_of(const Action& a) {
  ActionInput in;
  in.parent = a.parent_id ? std::to_string(*a.parent_id) : "";
  in.title = a.title;
  in.description = a.description;
  in.lever = a.lever;
  in.scale = a.scale;
  in.status = a.status;
  in.abandon_reason = a.abandon_reason;
  in.starts_on = iso_day(a.starts_on);
  in.due_on = iso_day(a.due_on);
  in.progress = std::to_string(a.entered_progress);
  in.victory = a.victory;
  in.qualities = a.qualities;
  for (const auto& o : a.organisations) in.organisations.push_back(o.slug);
  for (const auto& e : a.events) in.events.push_back(e.slug);
  in.resources = a.resources;
  in.base_revision = a.revision;
  return in;
}

ActionInput input_from_form(const Context& ctx) {
  const auto& f = ctx.form;
  ActionInput in;
  in.parent = f.get("parent");
  in.title = f.get("title");
  in.description = f.get("description");
  in.lever = f.get("lever");
  in.scale = f.get("scale");
  in.status = f.get("status");
  in.abandon_reason = f.get("abandon_reason");
  in.starts_on = f.get("starts_on");
  in.due_on = f.get("due_on");
  in.progress = f.get("progress");
  in.victory = f.get("victory") == "1";
  in.qualities = f.all("qualities");
  in.organisations = f.all("organisations");
  in.events = f.all("events");
  in.resources = f.get("resources");
  in.comment = f.get("comment");
  in.base_revision = numbers::whole(f.get("base_revision"), 0, numbers::kMaxId).value_or(0);  // absent on creation
  return in;
}

}  // namespace fabrique::roadmaps::views
