// Use cases: the opener closes a decision and writes its outcome; a chore tells the group of each
// decision whose closing date passed.
#include "common/text.hpp"
#include "decisions/store.hpp"
#include "decisions/urls.hpp"
#include "decisions/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "search/search.hpp"

namespace fabrique::decisions {

using i18n::N_;

namespace {

void tell_closed(storage::Connection& c, const Decision& d, std::int64_t except, sys_seconds now) {
  notifications::notify_each(c, store::group_members(c, d), except, notifications::kDecisions,
                             N_("A decision is closed: “{}”. See its result."), urls::decision(d.id), now, d.question);
  store::set_closing_told(c, d.id);
  index_decision(c, d, now);  // its status in search: closed
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
  d->outcome = text;
  if (!d->closed(now)) d->closes_at = now;
  index_decision(c, *d, now);
  tx.commit();
  return errors;
}

void tell_closed_decisions(storage::Connection& c, sys_seconds now) {
  storage::Transaction tx(c, true);
  for (const auto& d : store::closed_untold(c, now)) tell_closed(c, d, 0, now);
  tx.commit();
}

void index_decision(storage::Connection& c, const Decision& d, sys_seconds now) {
  const std::string ref = std::to_string(d.id);
  if (d.group == GroupKind::event) {
    search::remove(c, "decision", ref);
    return;
  }
  // The status in words, in the title that every result shows whole, and its date in the body; in
  // French, as the index holds the programme's French text (events' minutes likewise).
  const bool closed = d.closed(now);
  const std::string title = d.question + (closed ? " — décision close" : " — décision ouverte");
  const std::string day = i18n::translator(i18n::Lang::fr).date(d.closes_at);
  std::string body = closed ? "Close le " + day + "." : "Ouverte jusqu’au " + day + ".";
  if (!d.outcome.empty()) body += "\n\n" + d.outcome;
  if (!d.details.empty()) body += "\n\n" + d.details;
  for (const auto& o : d.options) body += "\n- " + o.label;
  const bool programme = d.group == GroupKind::programme;
  search::index(c, {"decision", ref, title, body, urls::decision(d.id),
                    programme ? search::Audience::everyone : search::Audience::coalition, std::nullopt,
                    programme ? std::nullopt : d.group_coalition_id, d.updated_at});
}

void reindex_decisions(storage::Connection& c, sys_seconds now) {
  for (const auto& listed : store::decisions(c, {}))
    if (auto d = store::decision(c, listed.id)) index_decision(c, *d, now);
}

}  // namespace fabrique::decisions
