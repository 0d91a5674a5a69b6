// Pieces of HTML the commons pages share.
#include "common/numbers.hpp"
#include "commons/views.hpp"

#include <fmt/format.h>

#include "commons/store.hpp"
#include "i18n/i18n.hpp"
#include "text/diff.hpp"
#include "views/layout.hpp"

namespace fabrique::commons::views {

using html::render;
using i18n::N_;

Html subnav(const Context& ctx, std::string_view current) {
  struct Link {
    const char* href;
    const char* label;
  };
  static constexpr Link kLinks[] = {
      {"/ressources", N_("Resources")}, {"/charte", N_("Charter")}, {"/boussole", N_("Boussole")}};
  Html items;
  for (const auto& l : kLinks) {
    if (current == l.href)
      items += render(R"(<li><a href="{}" aria-current="page">{}</a></li>)", l.href, ctx.tr(l.label));
    else
      items += render(R"(<li><a href="{}">{}</a></li>)", l.href, ctx.tr(l.label));
  }
  return render(R"(<nav aria-label="{}"><ul class="tags">{}</ul></nav>)", ctx.tr(N_("Commons")), items);
}

std::string kind_label(const Context& ctx, std::string_view slug) {
  const Choice* k = kind(slug);
  return k ? ctx.tr(k->label) : std::string(slug);
}

std::string outcome_label(const Context& ctx, std::string_view slug) {
  const Choice* o = outcome(slug);
  return o ? ctx.tr(o->label) : std::string(slug);
}

std::string coalition_title(const CoalitionRef& k) { return "Coalition " + k.number + " — " + k.title; }

std::vector<fabrique::views::Option> kind_options(const Context& ctx) {
  std::vector<fabrique::views::Option> out;
  for (const auto& k : kKinds) out.push_back({k.slug, ctx.tr(k.label)});
  return out;
}

std::vector<fabrique::views::Option> licence_options() {
  std::vector<fabrique::views::Option> out;
  for (const auto& l : kLicences) out.push_back({l.id, l.name});
  return out;
}

std::vector<fabrique::views::Option> outcome_options(const Context& ctx) {
  std::vector<fabrique::views::Option> out;
  for (const auto& o : kOutcomes) out.push_back({o.slug, ctx.tr(o.label)});
  return out;
}

std::vector<fabrique::views::Option> coalition_options(const std::vector<CoalitionRef>& all) {
  std::vector<fabrique::views::Option> out;
  for (const auto& k : all) out.push_back({k.slug, coalition_title(k)});
  return out;
}

Html draft_notice(const Context& ctx, Status s) {
  if (s == Status::published) return {};
  return render(R"(<p class="notice">{}</p>)",
                ctx.tr(N_("Proposal awaiting publication: only its author, the co-porteurs concerned and the animateurs see it.")));
}

std::int64_t page_number(const Context& ctx) {
  return numbers::whole(ctx.query.get("page"), 1, numbers::kMaxPage).value_or(1);  // absent or not a page: the first
}

std::optional<std::int64_t> coalition_filter(Context& ctx, std::string& slug) {
  if (slug.empty()) return std::nullopt;
  for (const auto& k : store::coalitions(ctx.db))
    if (k.slug == slug) return k.id;
  slug.clear();
  return std::nullopt;
}

std::int64_t integer_field(const std::string& value, std::int64_t fallback) {
  return numbers::whole(value, 0, numbers::kMaxId).value_or(fallback);
}

http::Response form_page(Context& ctx, const FormPage& p, const FieldErrors& errors, int status) {
  Html conflict;
  if (p.conflict)
    conflict = render(R"(<div class="error-summary" role="alert" tabindex="-1"><h2>{}</h2><p>{}</p></div>)",
                      ctx.tr(p.conflict_title), ctx.tr(p.conflict_text));
  Html body = render(
      R"({}<h1>{}</h1>{}{}<form method="post" action="{}"{} novalidate>{}{}{}<button type="submit">{}</button></form>)",
      p.intro.empty() ? Html() : p.intro, p.title, conflict, fabrique::views::error_summary(ctx, errors), p.action,
      p.multipart ? html::trusted(R"( enctype="multipart/form-data")") : Html(), fabrique::views::csrf_field(ctx),
      p.base_revision ? render(R"(<input type="hidden" name="base_revision" value="{}">)", *p.base_revision) : Html(),
      p.fields, ctx.tr(p.submit));
  return fabrique::views::page(ctx, status, p.title, body);
}

Html revision_history(Context& ctx, const std::string& base, const std::vector<RevisionLine>& lines,
                      std::int64_t current, bool can_restore) {
  Html rows;
  std::vector<fabrique::views::Option> options;
  for (const auto& r : lines) {
    Html restore;
    if (can_restore && r.number != current)
      restore = render(
          R"(<form method="post" action="{}/historique/{}/restaurer">{}<input type="hidden" name="base_revision" value="{}"><button type="submit" class="link">{}<span class="visually-hidden"> {}</span></button></form>)",
          base, r.number, fabrique::views::csrf_field(ctx), current, ctx.tr(N_("Restore")),
          fmt::format(fmt::runtime(ctx.tr(N_("revision {}"))), r.number));
    rows += render(R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>)", r.number,
                   ctx.t->datetime(r.created_at), r.author_name, restore);
    options.push_back({std::to_string(r.number), std::to_string(r.number)});
  }
  Html compare;
  if (lines.size() >= 2)
    compare = render(
        R"(<form method="get" action="{}/historique/comparer" class="filters">{}{}<button type="submit">{}</button></form>)",
        base,
        fabrique::views::select(ctx, {"de", ctx.tr(N_("Compare revision")), std::to_string(lines[1].number), "", "", "", true, 0},
                                options, {}),
        fabrique::views::select(ctx, {"a", ctx.tr(N_("with revision")), std::to_string(lines[0].number), "", "", "", true, 0},
                                options, {}),
        ctx.tr(N_("Compare")));
  return render(
      R"(<h2 id="historique">{}</h2>{}<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col"><span class="visually-hidden">{}</span></th></tr></thead><tbody>{}</tbody></table></div>)",
      ctx.tr(N_("History")), compare, ctx.tr(N_("Revisions, newest first")), ctx.tr(N_("Revision")), ctx.tr(N_("Date")),
      ctx.tr(N_("Author")), ctx.tr(N_("Actions")), rows);
}

http::Response compare_page(Context& ctx, const std::string& base, const std::string& name, std::int64_t from,
                            std::int64_t to, const std::vector<FieldChange>& fields) {
  return fabrique::views::compare_revisions(
      ctx, render(R"(<a href="{}">{}</a> › <a href="{}#historique">{}</a>)", base, name, base, ctx.tr(N_("History"))),
      from, to, fields);
}

http::Response no_such_revisions(Context& ctx, const std::string& base) {
  return fabrique::views::no_such_revisions(ctx, base + "#historique");
}

http::Response restore_refused(Context& ctx, const std::string& base, bool conflict, const FieldErrors& errors) {
  Html reasons;
  for (const auto& e : errors.items()) reasons += render("<li>{}</li>", ctx.tr(e.second));
  const std::string title = ctx.tr(N_("Nothing was restored"));
  Html body = render(
      R"(<h1>{}</h1><p role="alert">{}</p>{}<p><a href="{}#historique">{}</a></p>)", title,
      conflict ? ctx.tr(N_("Someone saved a new revision since you opened the history. Look at it, then restore again if needed."))
               : ctx.tr(N_("This old revision is no longer accepted as it is:")),
      reasons.empty() ? Html() : render("<ul>{}</ul>", reasons), base, ctx.tr(N_("Back to the history")));
  return fabrique::views::page(ctx, conflict ? 409 : 422, title, body);
}

}  // namespace fabrique::commons::views
