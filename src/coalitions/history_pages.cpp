// A booklet's history: every revision, one revision as it was, two revisions compared word by word,
// and restoring an old revision.
#include "coalitions/pages.hpp"
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "coalitions/views.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "text/diff.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/revisions.hpp"

namespace fabrique::coalitions::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

std::string section_title(const Context& ctx, std::string_view key) {
  for (const auto& s : kSections)
    if (key == s.key) return ctx.tr(s.title);
  return std::string(key);
}

std::int64_t number_param(const Context& ctx, const char* name, std::int64_t fallback) {
  return numbers::whole(ctx.query.get(name), 0, numbers::kMaxId).value_or(fallback);
}

}  // namespace

Response history(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto revisions = store::revisions(ctx.db, k->id);
  bool editor = can_edit(ctx.db, ctx.actor(), k->id);

  Html rows;
  std::vector<fv::Option> options;
  for (const auto& r : revisions) {
    std::string changed;
    for (const auto& s : r.sections) changed += (changed.empty() ? "" : ", ") + section_title(ctx, s);
    std::string note = r.comment;
    if (r.restored_from)
      note = fmt::format(fmt::runtime(ctx.tr(N_("Restores revision {}"))), *r.restored_from) +
             (note.empty() ? "" : " — " + note);
    Html restore;
    if (editor && r.number != k->booklet_revision)
      restore = render(
          R"(<form method="post" action="/coalitions/{}/historique/{}/restaurer">{}<button type="submit" class="link">{}<span class="visually-hidden"> {}</span></button></form>)",
          k->slug, r.number, fv::csrf_field(ctx), ctx.tr(N_("Restore")), r.number);
    rows += render(
        R"(<tr><th scope="row"><a href="/coalitions/{}/historique/{}">{}</a></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
        k->slug, r.number, r.number, ctx.t->datetime(r.created_at),
        views::public_name(ctx, r.author.name, r.author.organisation), changed, note, restore);
    options.push_back({std::to_string(r.number), std::to_string(r.number)});
  }
  Html compare;
  if (revisions.size() >= 2) {
    std::string from = std::to_string(revisions[1].number), to = std::to_string(revisions[0].number);
    compare = render(
        R"(<form method="get" action="/coalitions/{}/historique/comparer" class="filters">{}{}<button type="submit">{}</button></form>)",
        k->slug, fv::select(ctx, {"de", ctx.tr(N_("Compare revision")), from, "", "", "", true, 0}, options, {}),
        fv::select(ctx, {"a", ctx.tr(N_("with revision")), to, "", "", "", true, 0}, options, {}),
        ctx.tr(N_("Compare")));
  }
  Html table = revisions.empty()
                   ? render("<p>{}</p>", ctx.tr(N_("The booklet has no revision yet.")))
                   : render(R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col"><span class="visually-hidden">{}</span></th></tr></thead><tbody>{}</tbody></table></div>)",
                            ctx.tr(N_("Revisions, newest first")), ctx.tr(N_("Revision")), ctx.tr(N_("Date")),
                            ctx.tr(N_("Author")), ctx.tr(N_("Sections changed")), ctx.tr(N_("Note")),
                            ctx.tr(N_("Actions")), rows);
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("History of the booklet of coalition {}"))), k->number);
  Html body = render(R"(<p class="meta"><a href="/coalitions/{}">{}</a></p><h1>{}</h1>{}{})", k->slug,
                     views::full_title(*k), title, compare, table);
  return fv::page(ctx, title, body);
}

Response compare(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  std::int64_t from = number_param(ctx, "de", -1), to = number_param(ctx, "a", -1);
  if (from < 0 || to < 0 || from > k->booklet_revision || to > k->booklet_revision)
    return fv::no_such_revisions(ctx, "/coalitions/" + k->slug + "/historique");
  Booklet a = store::booklet_at(ctx.db, k->id, from), b = store::booklet_at(ctx.db, k->id, to);
  std::vector<fv::FieldChange> fields;
  for (const auto& s : kSections)
    fields.push_back({ctx.tr(s.title), a.count(s.key) ? a[s.key] : "", b.count(s.key) ? b[s.key] : ""});
  return fv::compare_revisions(
      ctx,
      render(R"(<a href="/coalitions/{}">{}</a> › <a href="/coalitions/{}/historique">{}</a>)", k->slug,
             views::full_title(*k), k->slug, ctx.tr(N_("History"))),
      from, to, fields);
}

Response show_revision(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto number = ctx.param_int("number");
  auto r = store::revision(ctx.db, k->id, number);
  if (!r) return fv::not_found(ctx);
  Booklet b = store::booklet_at(ctx.db, k->id, number);
  Html sections;
  for (const auto& s : kSections) {
    auto it = b.find(s.key);
    sections += render(R"(<section class="prose"><h2>{}</h2>{}</section>)", ctx.tr(s.title),
                       it == b.end() || it->second.empty()
                           ? render(R"(<p class="meta">{}</p>)", ctx.tr(N_("Not written yet.")))
                           : text::render_markdown(it->second, 2));
  }
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Revision {} of the booklet"))), number);
  Html body = render(
      R"(<p class="meta"><a href="/coalitions/{}">{}</a> › <a href="/coalitions/{}/historique">{}</a></p><h1>{}</h1><p class="meta">{} — {}</p>{})",
      k->slug, views::full_title(*k), k->slug, ctx.tr(N_("History")), title, ctx.t->datetime(r->created_at),
      views::public_name(ctx, r->author.name, r->author.organisation), sections);
  return fv::page(ctx, title, body);
}

Response restore(Context& ctx) {
  restore_revision(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("number"), ctx.now);
  return Response::redirect("/coalitions/" + ctx.param("slug") + "/historique");
}

}  // namespace fabrique::coalitions::pages
