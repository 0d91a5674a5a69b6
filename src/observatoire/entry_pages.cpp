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
#include "observatoire/use_cases.hpp"
#include "observatoire/views.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

Html link_or_text(const std::string& value) {
  if (value.starts_with("https://") || value.starts_with("http://"))
    return render(R"(<a href="{}">{}</a>)", value, value);
  return render("{}", value);
}

Html details(const Context& ctx, const Entry& e) {
  Html out;
  for (const auto& g : kGroups) {
    Html rows;
    for (const auto& f : fields()) {
      if (std::string_view(f.group) != g.key || std::string_view(f.key) == "name" ||
          std::string_view(f.key) == "summary")
        continue;
      std::string v = e.doc.get(f.key);
      Html value;
      if (v.empty())
        value = render(R"(<span class="meta">{}</span>)", ctx.tr(N_("not published")));
      else if (f.kind == Kind::choice)
        value = render("{}", views::choice_text(*ctx.t, f.key, v));
      else if (std::string_view(f.key) == "organisation")
        value = render(R"(<a href="/observatoire/organismes/{}">{}</a>)", e.body.slug, v);
      else
        value = link_or_text(v);
      rows += render("<dt>{}</dt><dd>{}</dd>", ctx.tr(f.label), value);
    }
    Html lists;
    if (std::string_view(g.key) == "data") {
      Html items;
      for (const auto& s : e.doc.data_sources)
        items += render("<li><strong>{}</strong>{}{}{}{}</li>", s.name,
                        s.description.empty() ? Html() : render(" — {}", s.description),
                        s.origin.empty() ? Html() : render(" ({})", s.origin),
                        s.collection.empty() ? Html() : render(" · {}", s.collection),
                        s.url.empty() ? Html() : render(R"( · <a href="{}">{}</a>)", s.url, ctx.tr(N_("link"))));
      lists = render("<h3>{}</h3><ul>{}</ul>", ctx.tr(N_("Data sources")), items);
    }
    if (std::string_view(g.key) == "risk") {
      Html items;
      for (const auto& a : e.doc.impact_assessments)
        items += render("<li><strong>{}</strong>{}{}{}</li>", views::choice_text(*ctx.t, "assessment_type", a.type),
                        a.date.empty() ? Html() : render(" ({})", a.date),
                        a.summary.empty() ? Html() : render(" — {}", a.summary),
                        a.url.empty() ? Html() : render(R"( · <a href="{}">{}</a>)", a.url, ctx.tr(N_("link"))));
      lists = render("<h3>{}</h3>{}", ctx.tr(N_("Impact assessments")),
                     items.empty() ? render("<p>{}</p>", ctx.tr(N_("None published."))) : render("<ul>{}</ul>", items));
    }
    out += render(R"(<section><h2>{}</h2><dl class="facts">{}</dl>{}</section>)", ctx.tr(g.title), rows, lists);
  }
  return out;
}

Html score_table(const Context& ctx, const Entry& e) {
  Html rows[2];
  for (const auto& c : rubric().criteria) {
    const Evidence* ev = e.doc.evidence_for(c.id);
    Html evidence = render(R"(<span class="meta">{}</span>)", ctx.tr(N_("no public evidence found")));
    if (ev) {
      std::string level;
      for (const auto& l : c.levels)
        if (ev->level == l.key && c.levels.size() > 1) level = ctx.tr(l.label);
      evidence = render(R"({}<a href="{}">{}</a> <span class="meta">({})</span>{}{})",
                        level.empty() ? Html() : render("{} — ", level), ev->url, ev->url,
                        fmt::format(fmt::runtime(ctx.tr(N_("checked on {}"))), ev->checked_on),
                        ev->note.empty() ? Html() : render("<br>{}", ev->note),
                        ev->to_verify ? render(R"( <strong>{}</strong>)", ctx.tr(N_("(to verify: secondary source)"))) : Html());
    }
    rows[c.axis == Axis::openness ? 0 : 1] +=
        render(R"(<tr><th scope="row">{} — {}</th><td>{}/{}</td><td>{}</td></tr>)", c.id, ctx.tr(c.label),
               e.score.points(c.id), c.max_points, evidence);
  }
  Html out;
  int i = 0;
  for (const char* caption : {N_("Openness criteria"), N_("Explainability criteria")}) {
    out += render(
        R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
        ctx.tr(caption), ctx.tr(N_("Criterion")), ctx.tr(N_("Points")), ctx.tr(N_("Evidence")), rows[i++]);
  }
  return out;
}

bool speaks_for_body(Context& ctx, const Entry& e) {
  if (!ctx.user || !e.body.organisation_id) return false;
  return ctx.db.query_integer("SELECT COUNT(*) FROM user_organisations WHERE user_id = ? AND organisation_id = ?",
                              {ctx.user->id, *e.body.organisation_id}) > 0;
}

Response render_show(Context& ctx, const Entry& e, const FieldErrors& reply_errors, int status) {
  bool editor = can_edit(ctx.db, ctx.actor());
  Html replies;
  for (const auto& r : store::replies(ctx.db, e.id))
    replies += render(R"(<blockquote><p>{}</p><p class="meta">— {}, {}</p></blockquote>)", r.text, r.organisation,
                      ctx.t->date(r.created_at));
  Html reply_form;
  if (speaks_for_body(ctx, e))
    reply_form = render(R"({}<form method="post" action="/observatoire/{}/reponse" novalidate>{}{}<button type="submit">{}</button></form>)",
                        fv::error_summary(ctx, reply_errors), e.slug, fv::csrf_field(ctx),
                        fv::textarea(ctx,
                                     {"reply", ctx.tr(N_("Answer of the public body")),
                                      status == 422 ? ctx.form.get("reply") : "", "", "",
                                      ctx.tr(N_("Shown beside the entry, with your organisation's name (5,000 characters at most).")),
                                      true, 5000},
                                     reply_errors, 4),
                        ctx.tr(N_("Publish the answer")));
  bool to_verify = false;
  for (const auto& ev : e.doc.evidence) to_verify = to_verify || ev.to_verify;
  Html actions = render(R"(<a href="/observatoire/{}/historique">{}</a> · <a href="/observatoire/{}/proposer">{}</a>)",
                        e.slug, ctx.tr(N_("History")), e.slug, ctx.tr(N_("Propose a correction")));
  if (editor) actions += render(R"( · <a href="/observatoire/{}/modifier">{}</a>)", e.slug, ctx.tr(N_("Edit")));
  Html body = render(
      R"(<p class="meta"><a href="/observatoire">{}</a> › <a href="/observatoire/organismes/{}">{}</a></p>
<h1>{}</h1>
<p class="lead">{}</p>
{}
<p>{}</p>
<section aria-labelledby="score"><h2 id="score">{}</h2>{}</section>
<aside aria-labelledby="reponse"><h2 id="reponse">{}</h2>{}{}</aside>
{}
<section aria-labelledby="criteres"><h2 id="criteres">{}</h2>{}</section>
<p class="meta">{}</p>
<p><a href="/observatoire/{}.json">{}</a></p>)",
      ctx.tr(N_("Observatory of public algorithms")), e.body.slug, e.body.name, e.name(), e.doc.get("summary"),
      to_verify ? render(R"(<p class="notice">{}</p>)",
                         ctx.tr(N_("Some evidence of this entry comes from secondary sources and is still to verify.")))
                : Html(),
      actions, ctx.tr(N_("Openness and explainability score")), views::score_summary(ctx, e.score),
      ctx.tr(N_("Right of reply of the public body")),
      replies.empty() ? render("<p>{}</p>", ctx.tr(N_("The public body has not answered yet."))) : replies, reply_form,
      details(ctx, e), ctx.tr(N_("Points and evidence per criterion")), score_table(ctx, e),
      fmt::format(fmt::runtime(ctx.tr(N_("Published on {}, updated on {} (revision {})."))),
                  ctx.t->date(e.published_at), ctx.t->date(e.updated_at), e.revision),
      e.slug, ctx.tr(N_("This entry as JSON")));
  return fv::page(ctx, status, e.name(), body);
}

}  // namespace

Response show(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return fv::not_found(ctx);
  return render_show(ctx, *e, {}, 200);
}

Response show_json(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) {
    Response r = coalitions::json::response(ctx, {{"error", "not found"}});
    r.status = 404;
    return r;
  }
  Response r = coalitions::json::response(ctx, json::entry(*e, ctx.base_url));
  http::open_data::set_last_modified(r, e->updated_at);
  return r;
}

Response answer(Context& ctx) {
  auto errors = answer_entry(ctx.db, *ctx.user, ctx.param("slug"), ctx.form.get("reply"), ctx.now);
  if (!errors.empty()) return render_show(ctx, *store::by_slug(ctx.db, ctx.param("slug")), errors, 422);
  return Response::redirect("/observatoire/" + ctx.param("slug") + "#reponse");
}

Response history(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return fv::not_found(ctx);
  Html rows;
  for (const auto& r : store::revisions(ctx.db, e->id))
    rows += render(R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)", r.number,
                   ctx.t->datetime(r.created_at), r.author.empty() ? ctx.tr(N_("an editor")) : r.author,
                   link_or_text(r.source), r.comment);
  Html scores;
  auto score_history = store::score_history(ctx.db, e->id);
  std::vector<charts::Point> points;
  for (const auto& s : score_history) points.push_back({s.computed_at, static_cast<double>(s.score.total())});
  charts::LineOptions line;
  line.date = [&ctx](sys_seconds t) { return ctx.t->date(t); };
  Html chart = charts::line_chart(
      {"score", ctx.tr(N_("Total score over time")),
       ctx.tr(N_("The score out of 100 each time the evidence or the rubric changed.")), ctx.tr(N_("No score yet.")),
       "", ctx.lang() == i18n::Lang::fr ? ',' : '.'},
      points, line);
  for (const auto& s : score_history)
    scores += render(R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
                     ctx.t->date(s.computed_at), s.revision, views::axis_text(*ctx.t, s.score.openness),
                     views::axis_text(*ctx.t, s.score.explainability), s.score.rubric_version);
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("History of “{}”"))), e->name());
  Html body = render(
      R"(<p class="meta"><a href="/observatoire">{}</a> › <a href="/observatoire/{}">{}</a></p><h1>{}</h1>
<h2>{}</h2>{}<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>
<h2>{}</h2><div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
      ctx.tr(N_("Observatory of public algorithms")), e->slug, e->name(), title, ctx.tr(N_("Score over time")), chart,
      ctx.tr(N_("Each change of score, oldest first")), ctx.tr(N_("Date")), ctx.tr(N_("Revision")),
      ctx.tr(N_("Openness")), ctx.tr(N_("Explainability")), ctx.tr(N_("Rubric version")), scores,
      ctx.tr(N_("Revisions")), ctx.tr(N_("Revisions, newest first")), ctx.tr(N_("Revision")), ctx.tr(N_("Date")),
      ctx.tr(N_("Author")), ctx.tr(N_("Source")), ctx.tr(N_("Note")), rows);
  return fv::page(ctx, title, body);
}

}  // namespace fabrique::observatoire::pages
