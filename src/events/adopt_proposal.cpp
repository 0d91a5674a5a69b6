// Use case: animateurs adopt a proposal — it becomes a coalition at stage idée whose booklet starts
// with its intention and the actors to involve, and which remembers where it came from.
#include "coalitions/store.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/validation.hpp"
#include "common/text.hpp"
#include "events/store.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::events {

using i18n::N_;

namespace {

// The undecided proposal `id`, for an animateur.
Proposal open_proposal(storage::Connection& c, const User& actor, std::int64_t id, FieldErrors& errors) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only animateurs can decide on a proposal."));
  auto p = store::proposal(c, id);
  if (!p) throw NotFound();
  if (p->status != ProposalStatus::proposed) errors.add("decision", N_("This proposal has already been decided."));
  return *p;
}

}  // namespace

void tell_proposer(storage::Connection& c, const Proposal& p, const char* message, const std::string& link,
                   sys_seconds now) {
  if (p.proposed_by) notifications::notify(c, *p.proposed_by, notifications::kCoalitions, message, link, now, p.title);
}

DecisionResult adopt_proposal(storage::Connection& c, const User& actor, std::int64_t id, const AdoptInput& in,
                              sys_seconds now) {
  DecisionResult out;
  storage::Transaction tx(c, true);
  const Proposal p = open_proposal(c, actor, id, out.errors);
  if (!out.errors.empty()) return out;
  coalitions::CoalitionInput k_in;
  k_in.number = in.number;
  k_in.title = p.title;
  k_in.family = in.family;
  k_in.stage = "idee";
  coalitions::Coalition k = coalitions::validate(c, k_in, out.errors, std::nullopt);
  k.slug = text::slugify(k.title);
  for (int n = 2; !k.slug.empty() && coalitions::store::slug_taken(c, k.slug); ++n)
    k.slug = text::slugify(k.title) + "-" + std::to_string(n);
  if (!out.errors.empty()) return out;
  k.stage_since = k.created_at = k.updated_at = k.last_activity_at = now;
  k.id = coalitions::store::insert(c, k);
  coalitions::store::insert_stage_change(c, k.id, "", k.stage, now, actor.id);
  coalitions::Booklet first{{"intention", p.intention}};
  if (!p.actors.empty()) first["acteurs"] = p.actors;
  coalitions::store::insert_revision(c, k.id, 1, actor.id, now, "", std::nullopt, first);
  if (!store::decide_proposal(c, id, ProposalStatus::adopted, k.id, "", actor.id, now)) {
    out.errors.add("decision", N_("This proposal has already been decided."));
    return out;
  }
  tell_proposer(c, p, N_("Your proposal “{}” was adopted: it is now a coalition"), coalitions::urls::coalition(k.slug),
                now);
  tx.commit();
  out.coalition_slug = k.slug;
  return out;
}

DecisionResult merge_proposal(storage::Connection& c, const User& actor, std::int64_t id, std::string_view coalition,
                              sys_seconds now) {
  DecisionResult out;
  storage::Transaction tx(c, true);
  const Proposal p = open_proposal(c, actor, id, out.errors);
  auto k = coalitions::store::by_slug(c, coalition);
  if (!k) out.errors.add("coalition", N_("Choose coalitions from the list."));
  if (!out.errors.empty()) return out;
  store::decide_proposal(c, id, ProposalStatus::merged, k->id, "", actor.id, now);
  coalitions::store::touch(c, k->id, now);
  tell_proposer(c, p, N_("Your proposal “{}” was adopted: it joins an existing coalition"),
                coalitions::urls::coalition(k->slug), now);
  tx.commit();
  out.coalition_slug = k->slug;
  return out;
}

DecisionResult decline_proposal(storage::Connection& c, const User& actor, std::int64_t id, std::string_view reason,
                                sys_seconds now) {
  DecisionResult out;
  std::string why = text::trim(reason);
  if (why.empty())
    out.errors.add("reason", N_("Say why the proposal is declined."));
  else if (!text::valid_utf8(why) || text::length(why) > kMaxItem)
    out.errors.add("reason", N_("This text is too long (2000 characters at most)."));
  storage::Transaction tx(c, true);
  const Proposal p = open_proposal(c, actor, id, out.errors);
  if (!out.errors.empty()) return out;
  store::decide_proposal(c, id, ProposalStatus::declined, std::nullopt, why, actor.id, now);
  tell_proposer(c, p, N_("Your proposal “{}” was declined"), urls::proposals(), now);
  tx.commit();
  return out;
}

}  // namespace fabrique::events
