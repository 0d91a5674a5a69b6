// An entry's public page (plain-language summary first, then the details, the score with each
// criterion's evidence, and the public body's reply beside it), its JSON, its history, and the reply form.
#include <boost/json.hpp>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "http/open_data.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/json.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/templates/entry.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/view_models.hpp"
#include "organisations/store.hpp"
#include "territories/placing.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

// Everything an entry's page shows, read in one place: its replies, whether the person may edit
// it or answer for its public body. `reply_errors` is a refused answer, shown again as typed.
ShowPage load_show(Context& ctx, const Entry& e, const FieldErrors& reply_errors) {
  ShowPage page;
  page.entry = e;
  page.editor = can_edit(ctx.db, ctx.actor());
  for (const auto& ev : e.doc.evidence) page.to_verify = page.to_verify || ev.to_verify;
  page.replies = store::replies(ctx.db, e.id);
  page.may_reply = ctx.user && e.body.organisation_id &&
                   organisations::store::is_member(ctx.db, ctx.user->id, *e.body.organisation_id);
  page.reply_errors = reply_errors;
  page.territories = territories::places(ctx.db, territories::subject::observatory_entry, e.id);
  if (!reply_errors.empty()) page.reply = ctx.form.get("reply");
  return page;
}

Response render_show(Context& ctx, const Entry& e, const FieldErrors& reply_errors, int status) {
  ShowPage page = load_show(ctx, e, reply_errors);
  // Only those who may answer see a form; asking for the token makes the page personal.
  std::string csrf = page.may_reply ? ctx.csrf_token() : std::string();
  return fv::page(ctx, status, e.name(), html::render(*ctx.t, templates::Show{.page = page, .csrf = csrf}));
}

// Everything an entry's history shows: its scores over time, as a chart and a table, and its revisions.
HistoryPage load_history(Context& ctx, const Entry& e) {
  HistoryPage page;
  page.entry = e;
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("History of “{}”"))), e.name());
  page.scores = store::score_history(ctx.db, e.id);
  page.revisions = store::revisions(ctx.db, e.id);
  std::vector<charts::Point> points;
  for (const auto& s : page.scores) points.push_back({s.computed_at, static_cast<double>(s.score.total())});
  charts::LineOptions line;
  line.date = [&ctx](sys_seconds t) { return ctx.t->date(t); };
  page.chart = charts::line_chart({"score", ctx.tr(N_("Total score over time")),
                                   ctx.tr(N_("The score out of 100 each time the evidence or the rubric changed.")),
                                   ctx.tr(N_("No score yet.")), "", ctx.lang() == i18n::Lang::fr ? ',' : '.'},
                                  points, line);
  return page;
}

}  // namespace

Response show(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return fv::not_found(ctx);
  return render_show(ctx, *e, {}, 200);
}

Response show_json(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return coalitions::json::not_found(ctx);
  auto o = json::entry(*e, ctx.base_url);
  o["territories"] =
      territories::places_json(ctx, territories::places(ctx.db, territories::subject::observatory_entry, e->id));
  Response r = coalitions::json::response(ctx, std::move(o));
  http::open_data::set_last_modified(r, e->updated_at);
  return r;
}

Response answer(Context& ctx) {
  auto errors = answer_entry(ctx.db, *ctx.user, ctx.param("slug"), ctx.form.get("reply"), ctx.now);
  if (!errors.empty()) return render_show(ctx, *store::by_slug(ctx.db, ctx.param("slug")), errors, 422);
  return Response::redirect(urls::entry(ctx.param("slug")) + "#reponse");
}

Response history(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return fv::not_found(ctx);
  HistoryPage page = load_history(ctx, *e);
  return fv::page(ctx, page.title, html::render(*ctx.t, templates::History{.page = page}));
}

Response history_json(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return coalitions::json::not_found(ctx);
  boost::json::array revisions, scores;
  for (const auto& r : store::revisions(ctx.db, e->id)) {
    auto o = coalitions::json::revision({r.number, r.created_at, r.author, r.comment, std::nullopt, r.merged_with});
    o["source"] = r.source;
    revisions.push_back(std::move(o));
  }
  for (const auto& s : store::score_history(ctx.db, e->id)) {
    auto o = json::score(s.score);
    o["revision"] = s.revision;
    o["computed_at"] = json::iso(s.computed_at);
    scores.push_back(std::move(o));
  }
  Response r = coalitions::json::response(ctx, {{"entry", ctx.base_url + urls::entry(e->slug)},
                                                {"name", e->name()},
                                                {"revisions", std::move(revisions)},
                                                {"scores", std::move(scores)}});
  http::open_data::set_last_modified(r, e->updated_at);
  return r;
}

}  // namespace fabrique::observatoire::pages
