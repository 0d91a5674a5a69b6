// Use cases: the opener closes a decision and writes its outcome; a chore tells the group of each
// decision whose closing date passed.
#include "common/text.hpp"
#include "decisions/store.hpp"
#include "decisions/urls.hpp"
#include "decisions/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::decisions {

using i18n::N_;

namespace {

void tell_closed(storage::Connection& c, const Decision& d, std::int64_t except, sys_seconds now) {
  notifications::notify_each(c, store::group_members(c, d), except, notifications::kDecisions,
                             N_("A decision is closed: “{}”. See its result."), urls::decision(d.id), now, d.question);
  store::set_closing_told(c, d.id);
}

}  // namespace

FieldErrors close_decision(storage::Connection& c, const User& actor, std::int64_t id, const std::string& outcome,
                           sys_seconds now) {
  FieldErrors errors;
  const std::string text = text::trim(outcome);
  if (text.empty())
    errors.add("outcome", N_("Write the outcome of the decision."));
  else if (text::length(text) > kMaxOutcome || !text::valid_utf8(text))
    errors.add("outcome", N_("The outcome is limited to 10,000 characters."));
  storage::Transaction tx(c, true);
  auto d = store::decision(c, id);
  if (!d) throw NotFound();
  if (!can_close(&actor, *d))
    throw Forbidden(N_("Only the person who opened this decision, or an animateur, can close it."));
  if (!errors.empty()) return errors;
  if (!d->closed(now)) store::update_closing(c, d->id, now, now);
  store::set_outcome(c, d->id, text, now);
  if (!d->closing_told) tell_closed(c, *d, actor.id, now);
  tx.commit();
  return errors;
}

void tell_closed_decisions(storage::Connection& c, sys_seconds now) {
  storage::Transaction tx(c, true);
  for (const auto& d : store::closed_untold(c, now)) tell_closed(c, d, 0, now);
  tx.commit();
}

}  // namespace fabrique::decisions
