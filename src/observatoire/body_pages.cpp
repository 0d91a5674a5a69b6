// A public body's page: its entries, its average scores, the distribution of bands (a chart drawn on
// the server with the same figures as a table), and which organisation of the site speaks for it.
#include "i18n/i18n.hpp"
#include "charts/charts.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/views.hpp"
#include "organisations/store.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// Each axis as one bar split into its bands (the table below the chart gives the same counts).
Html band_chart(const Context& ctx, const std::array<std::array<int, 3>, 2>& bands) {
  std::vector<std::string> series;
  for (Band b : {Band::opaque, Band::partial, Band::open}) series.push_back(ctx.tr(band_label(b)));
  std::vector<charts::Stack> rows;
  int axis = 0;
  for (const char* label : {N_("Openness"), N_("Explainability")}) {
    charts::Stack row{ctx.tr(label), {}};
    for (int b = 0; b < 3; ++b) row.values.push_back(bands[axis][b]);
    rows.push_back(std::move(row));
    ++axis;
  }
  charts::Frame f{"bandes", ctx.tr(N_("Number of entries per band, openness and explainability")),
                  ctx.tr(N_("Each bar counts the entries of this public body in each band of one axis.")),
                  ctx.tr(N_("No entry yet.")), "", ctx.lang() == i18n::Lang::fr ? ',' : '.'};
  return charts::stacked_bars(f, series, rows);
}

Response render_body(Context& ctx, const Body& b, const FieldErrors& errors, int status) {
  store::Filter f;
  f.body_id = b.id;
  auto entries = store::list(ctx.db, f);
  Html rows;
  int openness = 0, explainability = 0;
  std::array<std::array<int, 3>, 2> bands{};  // [axis][band]
  for (const auto& e : entries) {
    rows += render(R"(<tr><th scope="row"><a href="/observatoire/{}">{}</a></th><td>{}</td><td>{}</td><td>{}</td></tr>)",
                   e.slug, e.name(), views::axis_text(*ctx.t, e.score.openness),
                   views::axis_text(*ctx.t, e.score.explainability), e.score.total());
    openness += e.score.openness;
    explainability += e.score.explainability;
    ++bands[0][static_cast<int>(band(e.score.openness))];
    ++bands[1][static_cast<int>(band(e.score.explainability))];
  }
  Html summary;
  if (!entries.empty()) {
    double n = static_cast<double>(entries.size());
    Html band_rows;
    for (Band bd : {Band::opaque, Band::partial, Band::open}) {
      band_rows += render(R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>)", ctx.tr(band_label(bd)),
                          bands[0][static_cast<int>(bd)], bands[1][static_cast<int>(bd)]);
    }
    summary = render(
        R"(<h2>{}</h2><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>
<h2>{}</h2>{}
<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
        ctx.tr(N_("Average scores")), ctx.tr(N_("Openness")), fmt::format("{:.1f}/50", openness / n),
        ctx.tr(N_("Explainability")), fmt::format("{:.1f}/50", explainability / n), ctx.tr(N_("Distribution of bands")),
        band_chart(ctx, bands),
        ctx.tr(N_("Number of entries per band")), ctx.tr(N_("Band")), ctx.tr(N_("Openness")),
        ctx.tr(N_("Explainability")), band_rows);
  }
  Html admin;
  if (ctx.user && can_edit(ctx.db, &*ctx.user)) {
    std::vector<fv::Option> orgs;
    std::string current;
    for (const auto& o : organisations::store::list(ctx.db, std::nullopt)) {
      orgs.push_back({o.slug, o.name});
      if (b.organisation_id && *b.organisation_id == o.id) current = o.slug;
    }
    admin = render(
        R"(<section aria-labelledby="porte-parole"><h2 id="porte-parole">{}</h2>{}<form method="post" action="/observatoire/organismes/{}/organisation" class="row" novalidate>{}{}<button type="submit">{}</button></form></section>)",
        ctx.tr(N_("Who answers for this body")), fv::error_summary(ctx, errors), b.slug, fv::csrf_field(ctx),
        fv::select(ctx,
                   {"organisation", ctx.tr(N_("Organisation that speaks for it")), current, "", "",
                    ctx.tr(N_("Its members may publish the body's answer on its entries.")), false, 0},
                   orgs, errors, ctx.tr(N_("None"))),
        ctx.tr(N_("Save")));
  }
  Html body = render(
      R"(<p class="meta"><a href="/observatoire">{}</a></p><h1>{}</h1><p class="meta">SIREN {}{}</p>
<h2>{}</h2>{}
{}{})",
      ctx.tr(N_("Observatory of public algorithms")), b.name, b.siren,
      b.organisation_name.empty() ? Html() : render(" · {} {}", ctx.tr(N_("answers through")), b.organisation_name),
      ctx.tr(N_("Entries")),
      entries.empty()
          ? render("<p>{}</p>", ctx.tr(N_("No entry yet.")))
          : render(R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
                   ctx.tr(N_("Entries of this public body")), ctx.tr(N_("Algorithm")), ctx.tr(N_("Openness")),
                   ctx.tr(N_("Explainability")), ctx.tr(N_("Total /100")), rows),
      summary, admin);
  return fv::page(ctx, status, b.name, body);
}

}  // namespace

Response body(Context& ctx) {
  auto b = store::body_by_slug(ctx.db, ctx.param("slug"));
  if (!b) return fv::not_found(ctx);
  return render_body(ctx, *b, {}, 200);
}

Response link_body(Context& ctx) {
  auto errors = observatoire::link_body(ctx.db, *ctx.user, ctx.param("slug"), ctx.form.get("organisation"));
  if (!errors.empty()) return render_body(ctx, *store::body_by_slug(ctx.db, ctx.param("slug")), errors, 422);
  return Response::redirect("/observatoire/organismes/" + ctx.param("slug"));
}

}  // namespace fabrique::observatoire::pages
