// Coalition proposals (intentions de coalition): the list with their status, the form to propose
// one, and the animateurs' scheduling and decisions (adopt, merge, decline).
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "coalitions/urls.hpp"
#include "events/json.hpp"
#include "events/pages.hpp"
#include "events/picker.hpp"
#include "events/store.hpp"
#include "events/templates/proposals.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/saved.hpp"

namespace fabrique::events::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

// An event as a list of choices names it: its title and its date, since a series repeats its title.
std::string event_label(const Context& ctx, const Event& e) { return e.title + " — " + ctx.t->date(e.starts_at); }

// Everything the proposals page shows, read in one place. `failed` is the proposal whose decision
// was refused with `errors`, shown again with what was typed.
ProposalsPage load_proposals(Context& ctx, std::int64_t failed, const FieldErrors& errors) {
  ProposalsPage page;
  page.proposals = store::proposals(ctx.db);
  page.signed_in = ctx.user.has_value();
  page.animateur = ctx.user && ctx.user->is_animateur();
  if (page.animateur) {
    for (const auto& e : store::list(ctx.db, {})) page.events.push_back({e.slug, event_label(ctx, e)});
    for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionFamilies))
      page.families.push_back({t.slug, t.label});
    for (const auto& k : coalitions::store::list(ctx.db))
      page.coalitions.push_back({k.slug, k.number + " — " + k.title});
  }
  page.failed = failed;
  const std::string suffix = "-" + std::to_string(failed);
  for (const auto& [f, m] : errors.items()) page.errors.add(f + suffix, m);
  if (failed)
    for (const char* name : {"event", "presented_by", "number", "family", "coalition", "reason"})
      page.typed[name] = ctx.form.get(name + suffix);
  return page;
}

Response render_list(Context& ctx, std::int64_t failed, const FieldErrors& errors, int status) {
  ProposalsPage page = load_proposals(ctx, failed, errors);
  // Only animateurs see forms; asking for the token makes the page personal.
  std::string csrf = page.animateur ? ctx.csrf_token() : std::string();
  return fv::page(ctx, status, ctx.tr(N_("Coalition proposals")),
                  html::render(*ctx.t, templates::Proposals{.page = page, .csrf = csrf}));
}

Response render_form(Context& ctx, const FieldErrors& errors, int status) {
  const auto event =
      fabrique::events::picker_of(fabrique::events::choices(ctx.db, *ctx.t), "event", N_("Born at the event"),
                                  ctx.form.all("event"), ctx.form.get("event_q"));
  return fv::page(
      ctx, status, ctx.tr(N_("Propose a coalition")),
      html::render(*ctx.t, templates::ProposeForm{
                               .event = event, .typed = ctx.form, .errors = errors, .csrf = ctx.csrf_token()}));
}

}  // namespace

Response proposals(Context& ctx) { return render_list(ctx, 0, {}, 200); }

Response proposals_json(Context& ctx) {
  boost::json::array items;
  for (const auto& p : store::proposals(ctx.db)) items.push_back(json::proposal(ctx, p));
  return coalitions::json::response(ctx, {{"proposals", std::move(items)}});
}

Response propose_form(Context& ctx) { return render_form(ctx, {}, 200); }

Response propose(Context& ctx) {
  // The event's picker searched: the form again with the events that match, nothing saved.
  if (!ctx.form.get("event_q").empty()) return render_form(ctx, {}, 200);
  if (ctx.form.all("event").size() > 1) {
    FieldErrors errors;
    errors.add("event", N_("Choose one event at most."));
    return render_form(ctx, errors, 422);
  }
  ProposalInput in{ctx.form.get("title"), ctx.form.get("intention"), ctx.form.get("why_now"), ctx.form.get("actors"),
                   ctx.form.get("event")};
  auto r = propose_coalition(ctx.db, *ctx.user, in, ctx.now);
  if (!r.errors.empty()) return render_form(ctx, r.errors, 422);
  return fv::redirect_saved(urls::proposal(r.id), fv::Saved::proposal_sent);
}

Response schedule(Context& ctx) {
  const auto id = ctx.param_int("id");
  const std::string n = std::to_string(id);
  auto errors =
      schedule_proposal(ctx.db, *ctx.user, id, ctx.form.get("event-" + n), ctx.form.get("presented_by-" + n), ctx.now);
  if (!errors.empty()) return render_list(ctx, id, errors, 422);
  return fv::redirect_saved(urls::proposal(id), fv::Saved::proposal_scheduled);
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
  if (!r.coalition_slug.empty())
    return fv::redirect_saved(coalitions::urls::coalition(r.coalition_slug),
                              decision == "adopter" ? fv::Saved::proposal_adopted : fv::Saved::proposal_merged);
  return fv::redirect_saved(urls::proposal(id), fv::Saved::proposal_declined);
}

}  // namespace fabrique::events::pages
