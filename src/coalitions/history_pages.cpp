// A booklet's history: every revision, one revision as it was, two revisions compared word by word,
// and restoring an old revision.
#include "coalitions/json.hpp"
#include "coalitions/pages.hpp"
#include "coalitions/store.hpp"
#include "coalitions/templates/history.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/use_cases.hpp"
#include "coalitions/view_models.hpp"
#include "coalitions/views.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "views/layout.hpp"
#include "views/revisions.hpp"
#include "views/saved.hpp"

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

// Every revision of the booklet, newest first, with what each changed and, for an editor, which
// ones may be restored.
HistoryPage load_history(Context& ctx, const Coalition& k) {
  HistoryPage page;
  page.coalition = k;
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("History of the booklet of coalition {}"))), k.number);
  bool editor = can_edit(ctx.db, ctx.actor(), k.id);
  for (const auto& r : store::revisions(ctx.db, k.id)) {
    HistoryPage::Row row{.number = r.number,
                         .created_at = r.created_at,
                         .author = views::public_name(ctx, r.author.name, r.author.organisation)};
    for (const auto& s : r.sections) row.changed += (row.changed.empty() ? "" : ", ") + section_title(ctx, s);
    row.note = r.comment;
    if (r.merged_with)
      row.note = fmt::format(fmt::runtime(ctx.tr(N_("Merged with revision {}"))), *r.merged_with) +
                 (row.note.empty() ? "" : " — " + row.note);
    if (r.restored_from)
      row.note = fmt::format(fmt::runtime(ctx.tr(N_("Restores revision {}"))), *r.restored_from) +
                 (row.note.empty() ? "" : " — " + row.note);
    row.restorable = editor && r.number != k.booklet_revision;
    page.restorable = page.restorable || row.restorable;
    page.numbers.push_back({std::to_string(r.number), std::to_string(r.number)});
    page.rows.push_back(std::move(row));
  }
  return page;
}

// Revision `number` of the booklet as it was, or nothing when there is no such revision.
std::optional<RevisionPage> load_revision(Context& ctx, const Coalition& k, std::int64_t number) {
  auto r = store::revision(ctx.db, k.id, number);
  if (!r) return std::nullopt;
  return RevisionPage{.coalition = k,
                      .title = fmt::format(fmt::runtime(ctx.tr(N_("Revision {} of the booklet"))), number),
                      .created_at = r->created_at,
                      .author = views::public_name(ctx, r->author.name, r->author.organisation),
                      .booklet = store::booklet_at(ctx.db, k.id, number)};
}

}  // namespace

Response history(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  HistoryPage page = load_history(ctx, *k);
  // Only an editor sees a restore button; asking for the token makes the page personal.
  std::string csrf = page.restorable ? ctx.csrf_token() : std::string();
  return fv::page(ctx, page.title, render(*ctx.t, templates::History{.page = page, .csrf = csrf}));
}

Response compare(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  std::int64_t from = number_param(ctx, "de", -1), to = number_param(ctx, "a", -1);
  if (from < 0 || to < 0 || from > k->booklet_revision || to > k->booklet_revision)
    return fv::no_such_revisions(ctx, urls::history(k->slug));
  Booklet a = store::booklet_at(ctx.db, k->id, from), b = store::booklet_at(ctx.db, k->id, to);
  std::vector<fv::FieldChange> fields;
  for (const auto& s : kSections)
    fields.push_back({ctx.tr(s.title), a.count(s.key) ? a[s.key] : "", b.count(s.key) ? b[s.key] : ""});
  return fv::compare_revisions(ctx,
                               render(R"(<a href="{}">{}</a> › <a href="{}">{}</a>)", urls::coalition(k->slug),
                                      views::full_title(*k), urls::history(k->slug), ctx.tr(N_("History"))),
                               from, to, fields);
}

Response show_revision(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto page = load_revision(ctx, *k, ctx.param_int("number"));
  if (!page) return fv::not_found(ctx);
  return fv::page(ctx, page->title, render(*ctx.t, templates::Revision{.page = *page}));
}

namespace {

// The name a revision's author is shown under in data documents: the public name and organisation,
// or nothing (null) where the page says "a member".
std::string shown_author(const PublicPerson& p) {
  if (!p.name.empty() && !p.organisation.empty()) return p.name + " (" + p.organisation + ")";
  return p.name.empty() ? p.organisation : p.name;
}

}  // namespace

Response history_json(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return json::not_found(ctx);
  boost::json::array revisions;
  for (const auto& r : store::revisions(ctx.db, k->id)) {
    const std::string author = shown_author(r.author);
    auto o = json::revision({r.number, r.created_at, author, r.comment, r.restored_from, r.merged_with});
    boost::json::array changed;
    for (const auto& s : r.sections) changed.push_back(boost::json::string(s));
    o["changed"] = std::move(changed);
    o["url"] = ctx.base_url + urls::revision(k->slug, r.number);
    revisions.push_back(std::move(o));
  }
  return json::response(ctx, {{"coalition", json::summary(ctx, *k)}, {"revisions", std::move(revisions)}});
}

Response revision_json(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return json::not_found(ctx);
  const std::int64_t number = ctx.param_int("number");
  auto r = store::revision(ctx.db, k->id, number);
  if (!r) return json::not_found(ctx);
  const std::string author = shown_author(r->author);
  auto o = json::revision({r->number, r->created_at, author, r->comment, r->restored_from, r->merged_with});
  boost::json::object booklet;
  const Booklet b = store::booklet_at(ctx.db, k->id, number);
  for (const auto& s : kSections) booklet[s.key] = b.count(s.key) ? b.at(s.key) : "";
  o["booklet"] = std::move(booklet);
  return json::response(ctx, {{"coalition", json::summary(ctx, *k)}, {"revision", std::move(o)}});
}

Response restore(Context& ctx) {
  restore_revision(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("number"), ctx.now);
  return fv::redirect_saved(urls::history(ctx.param("slug")), fv::Saved::restored);
}

}  // namespace fabrique::coalitions::pages
