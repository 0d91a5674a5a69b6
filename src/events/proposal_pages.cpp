// Coalition proposals (intentions de coalition): the list with their status, the form to propose
// one, and the animateurs' scheduling and decisions (adopt, merge, decline).
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "events/json.hpp"
#include "events/pages.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::events::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

std::string status_label(const Context& ctx, ProposalStatus s) {
  switch (s) {
    case ProposalStatus::proposed: return ctx.tr(N_("Proposed"));
    case ProposalStatus::adopted: return ctx.tr(N_("Adopted"));
    case ProposalStatus::merged: return ctx.tr(N_("Merged"));
    case ProposalStatus::declined: return ctx.tr(N_("Declined"));
  }
  return {};
}

// The animateurs' forms under an undecided proposal. `errors` belong to proposal `failed`.
Html decision_forms(Context& ctx, const Proposal& p, const std::vector<fv::Option>& events,
                    const std::vector<fv::Option>& families, const std::vector<fv::Option>& coalitions,
                    std::int64_t failed, const FieldErrors& errors) {
  const FieldErrors none;
  const FieldErrors& e = p.id == failed ? errors : none;
  auto field = [&](const char* name) { return fmt::format("{}-{}", name, p.id); };
  auto posted = [&](const char* name) { return p.id == failed ? ctx.form.get(name) : std::string(); };
  // Field names carry the proposal's id so that ids stay unique on the page; the pages read them back.
  FieldErrors renamed;
  for (const auto& [f, m] : e.items()) renamed.add(fmt::format("{}-{}", f, p.id), m);
  return render(
      R"(<details><summary>{}</summary>{}
<form method="post" action="/propositions/{}/programmer" novalidate>{}{}{}<button type="submit">{}</button></form>
<form method="post" action="/propositions/{}/decision" novalidate>{}<input type="hidden" name="decision" value="adopter">{}{}<button type="submit">{}</button></form>
<form method="post" action="/propositions/{}/decision" novalidate>{}<input type="hidden" name="decision" value="fusionner">{}<button type="submit">{}</button></form>
<form method="post" action="/propositions/{}/decision" novalidate>{}<input type="hidden" name="decision" value="decliner">{}<button type="submit">{}</button></form>
</details>)",
      ctx.tr(N_("Decide (animateurs)")), fv::error_summary(ctx, renamed), p.id, fv::csrf_field(ctx),
      fv::select(ctx, {field("event"), ctx.tr(N_("Present it at")), posted("event"), "", "", "", false, 0}, events, renamed, ctx.tr(N_("No event"))),
      fv::input(ctx, {field("presented_by"), ctx.tr(N_("Presented by")), posted("presented_by"), "text", "", "", false, kMaxShort}, renamed),
      ctx.tr(N_("Schedule")), p.id, fv::csrf_field(ctx),
      fv::input(ctx, {field("number"), ctx.tr(N_("Number of the new coalition")), posted("number"), "text", "", "", true, 20}, renamed),
      fv::select(ctx, {field("family"), ctx.tr(N_("Family")), posted("family"), "", "", "", true, 0}, families, renamed),
      ctx.tr(N_("Adopt as a new coalition")), p.id, fv::csrf_field(ctx),
      fv::select(ctx, {field("coalition"), ctx.tr(N_("Merge into")), posted("coalition"), "", "", "", true, 0}, coalitions, renamed),
      ctx.tr(N_("Merge")), p.id, fv::csrf_field(ctx),
      fv::textarea(ctx, {field("reason"), ctx.tr(N_("Reason")), posted("reason"), "", "", "", true, kMaxItem}, renamed, 2),
      ctx.tr(N_("Decline")));
}

Response render_list(Context& ctx, std::int64_t failed, const FieldErrors& errors, int status) {
  const bool animateur = ctx.user && ctx.user->is_animateur();
  std::vector<fv::Option> events, families, coalitions;
  if (animateur) {
    for (const auto& e : store::list(ctx.db, {})) events.push_back({e.slug, e.title});
    for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionFamilies)) families.push_back({t.slug, t.label});
    for (const auto& k : coalitions::store::list(ctx.db)) coalitions.push_back({k.slug, k.number + " — " + k.title});
  }
  Html items;
  for (const auto& p : store::proposals(ctx.db)) {
    Html facts;
    if (!p.proposer.empty()) facts += render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Proposed by")), p.proposer);
    if (p.proposed_at)
      facts += render(R"(<dt>{}</dt><dd><a href="/evenements/{}">{}</a></dd>)", ctx.tr(N_("Born at")), p.proposed_at->slug, p.proposed_at->name);
    if (p.presented_at)
      facts += render(R"(<dt>{}</dt><dd><a href="/evenements/{}">{}</a>{}</dd>)", ctx.tr(N_("Presented at")), p.presented_at->slug,
                      p.presented_at->name, p.presented_by.empty() ? Html() : render(" — {}", p.presented_by));
    if (p.coalition)
      facts += render(R"(<dt>{}</dt><dd><a href="/coalitions/{}">{}</a></dd>)", ctx.tr(N_("Coalition")), p.coalition->slug, p.coalition->name);
    if (!p.reason.empty()) facts += render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Reason")), p.reason);
    items += render(R"(<li id="proposition-{}"><h2>{} <span class="meta">({})</span></h2><p>{}</p>{}{}<dl class="facts">{}</dl>{}</li>)",
                    p.id, p.title, status_label(ctx, p.status), p.intention,
                    p.why_now.empty() ? Html() : render("<p><strong>{}</strong> {}</p>", ctx.tr(N_("Why now:")), p.why_now),
                    p.actors.empty() ? Html() : render("<p><strong>{}</strong> {}</p>", ctx.tr(N_("Actors to involve:")), p.actors),
                    facts,
                    animateur && p.status == ProposalStatus::proposed
                        ? decision_forms(ctx, p, events, families, coalitions, failed, errors)
                        : Html());
  }
  Html body = render(R"(<h1>{}</h1><p>{}</p><p>{}</p>{}<p><a href="/propositions.json">{}</a></p>)",
                     ctx.tr(N_("Coalition proposals")),
                     ctx.tr(N_("An intention of coalition is born at an event, presented at another, then adopted by the animateurs, merged into an existing coalition, or declined.")),
                     ctx.user ? render(R"(<a href="/propositions/nouvelle">{}</a>)", ctx.tr(N_("Propose a coalition")))
                              : render(R"(<a href="/connexion?retour=/propositions/nouvelle">{}</a>)", ctx.tr(N_("Sign in to propose a coalition"))),
                     items.empty() ? render("<p>{}</p>", ctx.tr(N_("No proposal yet."))) : render(R"(<ul class="cards">{}</ul>)", items),
                     ctx.tr(N_("These proposals as JSON")));
  return fv::page(ctx, status, ctx.tr(N_("Coalition proposals")), body);
}

Response render_form(Context& ctx, const FieldErrors& errors, int status) {
  std::vector<fv::Option> events;
  for (const auto& e : store::list(ctx.db, {})) events.push_back({e.slug, e.title});
  auto v = [&](const char* name) { return ctx.form.get(name); };
  Html body = render(R"(<p class="meta"><a href="/propositions">{}</a></p><h1>{}</h1>{}<form method="post" action="/propositions/nouvelle" novalidate>{}{}{}{}{}{}<button type="submit">{}</button></form>)",
                     ctx.tr(N_("Coalition proposals")), ctx.tr(N_("Propose a coalition")), fv::error_summary(ctx, errors),
                     fv::csrf_field(ctx),
                     fv::input(ctx, {"title", ctx.tr(N_("Title")), v("title"), "text", "", "", true, kMaxTitle}, errors),
                     fv::textarea(ctx, {"intention", ctx.tr(N_("Transformative intention")), v("intention"), "", "", ctx.tr(N_("The change the coalition would bring about")), true, kMaxItem}, errors, 4),
                     fv::textarea(ctx, {"why_now", ctx.tr(N_("Why now")), v("why_now"), "", "", "", false, kMaxItem}, errors, 3),
                     fv::textarea(ctx, {"actors", ctx.tr(N_("Actors to involve")), v("actors"), "", "", "", false, kMaxItem}, errors, 3),
                     fv::select(ctx, {"event", ctx.tr(N_("Born at the event")), v("event"), "", "", "", false, 0}, events, errors, ctx.tr(N_("None"))),
                     ctx.tr(N_("Propose")));
  return fv::page(ctx, status, ctx.tr(N_("Propose a coalition")), body);
}

}  // namespace

Response proposals(Context& ctx) { return render_list(ctx, 0, {}, 200); }

Response proposals_json(Context& ctx) {
  boost::json::array items;
  for (const auto& p : store::proposals(ctx.db)) items.push_back(json::proposal(ctx, p));
  return coalitions::json::response(ctx, {{"proposals", std::move(items)}});
}

Response propose_form(Context& ctx) {
  return render_form(ctx, {}, 200);
}

Response propose(Context& ctx) {
  ProposalInput in{ctx.form.get("title"), ctx.form.get("intention"), ctx.form.get("why_now"), ctx.form.get("actors"),
                   ctx.form.get("event")};
  auto r = propose_coalition(ctx.db, *ctx.user, in, ctx.now);
  if (!r.errors.empty()) return render_form(ctx, r.errors, 422);
  return Response::redirect("/propositions#proposition-" + std::to_string(r.id));
}

Response schedule(Context& ctx) {
  const auto id = ctx.param_int("id");
  const std::string n = std::to_string(id);
  auto errors = schedule_proposal(ctx.db, *ctx.user, id, ctx.form.get("event-" + n), ctx.form.get("presented_by-" + n), ctx.now);
  if (!errors.empty()) return render_list(ctx, id, errors, 422);
  return Response::redirect("/propositions#proposition-" + n);
}

Response decide(Context& ctx) {
  const auto id = ctx.param_int("id");
  const std::string n = std::to_string(id), decision = ctx.form.get("decision");
  DecisionResult r;
  if (decision == "adopter")
    r = adopt_proposal(ctx.db, *ctx.user, id, {ctx.form.get("number-" + n), ctx.form.get("family-" + n)}, ctx.now);
  else if (decision == "fusionner")
    r = merge_proposal(ctx.db, *ctx.user, id, ctx.form.get("coalition-" + n), ctx.now);
  else if (decision == "decliner")
    r = decline_proposal(ctx.db, *ctx.user, id, ctx.form.get("reason-" + n), ctx.now);
  else
    return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  if (!r.errors.empty()) return render_list(ctx, id, r.errors, 422);
  if (!r.coalition_slug.empty()) return Response::redirect("/coalitions/" + r.coalition_slug);
  return Response::redirect("/propositions#proposition-" + n);
}

}  // namespace fabrique::events::pages
