// Coalition proposals (intentions de coalition): the list with their status, the form to propose
// one, and the animateurs' scheduling and decisions (adopt, merge, decline).
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/picker.hpp"
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

// Everything the proposals page shows, read in one place. `failed` is the proposal whose decision
// was refused with `errors`, shown again with what was typed.
ProposalsPage load_proposals(Context& ctx, std::int64_t failed, const FieldErrors& errors) {
  ProposalsPage page;
  page.proposals = store::proposals(ctx.db);
  page.signed_in = ctx.user.has_value();
  page.animateur = ctx.user && ctx.user->is_animateur();
  if (page.animateur) {
    for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionFamilies))
      page.families.push_back({t.slug, t.label});
    const auto event_choices = fabrique::events::choices(ctx.db, *ctx.t);
    const auto coalition_choices = coalitions::choices(ctx.db);
    // The pickers of the proposal whose form was sent hold what it chose and searched; the others are empty.
    for (const auto& p : page.proposals) {
      if (p.status != ProposalStatus::proposed) continue;
      const std::string n = std::to_string(p.id);
      const bool sent = p.id == failed;
      auto chosen = [&](const std::string& name) {
        return sent ? fv::picked(ctx.form.all(name)) : std::vector<std::string>{};
      };
      auto query = [&](const std::string& name) { return sent ? ctx.form.get(name + "_q") : std::string(); };
      page.present_at[p.id] = fabrique::events::picker_of(*event_choices, "event-" + n, N_("Present it at"),
                                                          chosen("event-" + n), query("event-" + n));
      page.merge_into[p.id] = coalitions::picker_of(*coalition_choices, "coalition-" + n, N_("Merge into"),
                                                    chosen("coalition-" + n), query("coalition-" + n));
    }
  }
  page.failed = failed;
  const std::string suffix = "-" + std::to_string(failed);
  for (const auto& [f, m] : errors.items()) page.errors.add(f + suffix, m);
  if (failed)
    for (const char* name : {"presented_by", "number", "family", "reason"})
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
      fabrique::events::picker_of(*fabrique::events::choices(ctx.db, *ctx.t), "event", N_("Born at the event"),
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
  FieldErrors errors;
  fv::one_at_most(errors, "event", ctx.form.all("event"), N_("Choose one event at most."));
  if (!errors.empty()) return render_form(ctx, errors, 422);
  ProposalInput in{ctx.form.get("title"), ctx.form.get("intention"), ctx.form.get("why_now"), ctx.form.get("actors"),
                   ctx.form.get("event")};
  auto r = propose_coalition(ctx.db, *ctx.user, in, ctx.now);
  if (!r.errors.empty()) return render_form(ctx, r.errors, 422);
  return fv::redirect_saved(urls::proposal(r.id), fv::Saved::proposal_sent);
}

Response schedule(Context& ctx) {
  const auto id = ctx.param_int("id");
  const std::string n = std::to_string(id);
  // The event's picker searched: the list again with this proposal's form open on the matches, nothing saved.
  if (!ctx.form.get("event-" + n + "_q").empty()) return render_list(ctx, id, {}, 200);
  FieldErrors errors;
  fv::one_at_most(errors, "event", ctx.form.all("event-" + n), N_("Choose one event at most."));
  if (!errors.empty()) return render_list(ctx, id, errors, 422);
  errors =
      schedule_proposal(ctx.db, *ctx.user, id, ctx.form.get("event-" + n), ctx.form.get("presented_by-" + n), ctx.now);
  if (!errors.empty()) return render_list(ctx, id, errors, 422);
  return fv::redirect_saved(urls::proposal(id), fv::Saved::proposal_scheduled);
}

Response decide(Context& ctx) {
  const auto id = ctx.param_int("id");
  const std::string n = std::to_string(id), decision = ctx.form.get("decision");
  // The coalition's picker searched: the list again with this proposal's form open on the matches, nothing saved.
  if (!ctx.form.get("coalition-" + n + "_q").empty()) return render_list(ctx, id, {}, 200);
  if (decision == "fusionner") {
    FieldErrors errors;
    fv::one_at_most(errors, "coalition", ctx.form.all("coalition-" + n), N_("Choose one coalition at most."));
    if (!errors.empty()) return render_list(ctx, id, errors, 422);
  }
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
