// Use case: a member proposes a coalition (an intention de coalition), possibly born at an event.
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"

namespace fabrique::events {

using i18n::N_;

ProposalResult propose_coalition(storage::Connection& c, const User& actor, const ProposalInput& in, sys_seconds now) {
  ProposalResult out;
  Proposal p;
  p.title = check_line(out.errors, "title", in.title, kMaxTitle, N_("The title is too long (200 characters at most)."));
  if (p.title.empty() && !out.errors.find("title"))
    out.errors.add("title", N_("Enter the title of the coalition you propose."));
  p.intention = check_text(out.errors, "intention", in.intention, kMaxItem,
                           N_("This text is too long (2000 characters at most)."));
  if (p.intention.empty() && !out.errors.find("intention"))
    out.errors.add("intention", N_("Describe the transformative intention."));
  p.why_now =
      check_text(out.errors, "why_now", in.why_now, kMaxItem, N_("This text is too long (2000 characters at most)."));
  p.actors =
      check_text(out.errors, "actors", in.actors, kMaxItem, N_("This text is too long (2000 characters at most)."));
  storage::Transaction tx(c, true);
  if (!in.event.empty()) {
    auto e = store::by_slug(c, in.event);
    if (!e)
      out.errors.add("event", N_("Choose an event from the list."));
    else
      p.proposed_at = Ref{e->id, e->slug, e->title};
  }
  if (!out.errors.empty()) return out;
  p.proposed_by = actor.id;
  // Shown publicly: the person's name if they agreed, else their organisation.
  auto orgs = organisations::store::of_user(c, actor.id);
  p.proposer = actor.show_name ? actor.name : orgs.empty() ? "" : orgs.front().name;
  p.created_at = now;
  out.id = store::insert_proposal(c, p);
  tx.commit();
  return out;
}

}  // namespace fabrique::events
