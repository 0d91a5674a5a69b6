// Use cases and SQL of the date poll of an event whose date is to be confirmed (date_poll.hpp).
#include "events/date_poll.hpp"

#include "coalitions/store.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "invitations/store.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::events {

using i18n::N_;

std::optional<PollAnswer> poll_answer(std::string_view slug) {
  if (slug == "yes") return PollAnswer::yes;
  if (slug == "maybe") return PollAnswer::maybe;
  if (slug == "no") return PollAnswer::no;
  return std::nullopt;
}

std::string_view poll_answer_slug(PollAnswer a) {
  return a == PollAnswer::yes ? "yes" : a == PollAnswer::maybe ? "maybe" : "no";
}

DatePoll load_date_poll(storage::Connection& c, const Event& e) {
  DatePoll poll;
  poll.open = e.status == EventStatus::tentative;
  std::map<std::int64_t, std::size_t> index;
  poll.slots = store::poll_slots(c, e.id);
  for (std::size_t i = 0; i < poll.slots.size(); ++i) index[poll.slots[i].id] = i;
  std::map<std::int64_t, std::size_t> people;
  for (const auto& a : store::poll_answers(c, e.id)) {
    PollSlot& slot = poll.slots[index.at(a.slot_id)];
    (a.answer == PollAnswer::yes ? slot.yes : a.answer == PollAnswer::maybe ? slot.maybe : slot.no) += 1;
    auto [it, added] = people.emplace(a.user_id, poll.respondents.size());
    if (added) poll.respondents.push_back({.user_id = a.user_id, .name = a.name, .answers = {}});
    poll.respondents[it->second].answers[a.slot_id] = a.answer;
  }
  return poll;
}

bool may_answer_poll(storage::Connection& c, const accounts::User& actor, const Event& e, sys_seconds now) {
  if (can_organise(c, &actor, e)) return true;
  return store::member_of_event_coalition(c, e.id, actor.id) ||
         invitations::store::invited_to_event(c, e.id, actor.id, actor.email, now);
}

FieldErrors add_poll_slot(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                          std::string_view starts, std::string_view ends, sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  const Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can change its date poll."));
  if (e.status != EventStatus::tentative) {
    errors.add("poll_starts", N_("The date of this event is confirmed: the poll is closed."));
    return errors;
  }
  times::ParseError problem = times::ParseError::none;
  auto from = times::parse_paris(starts, &problem);
  if (!from)
    errors.add("poll_starts", problem == times::ParseError::nonexistent
                                  ? N_("This time does not exist in Paris (the clocks move forward).")
                                  : N_("Enter a date and time like 2026-12-15 14:00."));
  auto to = times::parse_paris(ends, &problem);
  if (!to)
    errors.add("poll_ends", problem == times::ParseError::nonexistent
                                ? N_("This time does not exist in Paris (the clocks move forward).")
                                : N_("Enter a date and time like 2026-12-15 14:00."));
  else if (from && *to <= *from)
    errors.add("poll_ends", N_("The end must come after the start."));
  if (store::poll_slots(c, e.id).size() >= kMaxPollSlots)
    errors.add("poll_starts", N_("Twenty candidate dates at most."));
  if (!errors.empty()) return errors;
  store::insert_poll_slot(c, e.id, *from, *to, now);
  tx.commit();
  return errors;
}

void remove_poll_slot(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                      std::int64_t slot_id) {
  storage::Transaction tx(c, true);
  const Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can change its date poll."));
  if (e.status != EventStatus::tentative || !store::poll_slot(c, e.id, slot_id)) throw NotFound();
  store::delete_poll_slot(c, slot_id);
  tx.commit();
}

FieldErrors answer_date_poll(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                             const std::map<std::int64_t, std::string>& answers, sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  if (!may_answer_poll(c, actor, *e, now))
    throw Forbidden(N_("Only the people invited to this event and the members of its coalitions answer its poll."));
  // Serialised with the organiser's choice: an answer never lands after the poll closed.
  store::lock(c, e->id);
  if (store::by_id(c, e->id)->status != EventStatus::tentative) {
    errors.add("answers", N_("The poll is closed: the date is chosen, answers are no longer taken."));
    return errors;
  }
  if (answers.empty()) errors.add("answers", N_("Answer for at least one date."));
  for (const auto& [slot_id, answer] : answers)
    if (!poll_answer(answer) || !store::poll_slot(c, e->id, slot_id)) {
      errors.add("answers", N_("Answer yes, if need be or no for the dates listed."));
      break;
    }
  if (!errors.empty()) return errors;
  for (const auto& [slot_id, answer] : answers) store::set_poll_answer(c, slot_id, actor.id, *poll_answer(answer), now);
  tx.commit();
  return errors;
}

FieldErrors choose_date(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                        std::int64_t slot_id, sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  const Event found =
      event_to_organise(c, actor, slug, N_("Only the organisers of this event can change its date poll."));
  store::lock(c, found.id);
  Event e = *store::by_id(c, found.id);
  if (e.status != EventStatus::tentative) {
    errors.add("slot", N_("The poll is closed: the date is already chosen."));
    return errors;
  }
  auto slot = store::poll_slot(c, e.id, slot_id);
  if (!slot) {
    errors.add("slot", N_("Choose one of the candidate dates."));
    return errors;
  }
  e.starts_at = slot->starts_at;
  e.ends_at = slot->ends_at;
  e.status = EventStatus::confirmed;
  if (e.registration_closes_at && *e.registration_closes_at > e.starts_at) e.registration_closes_at.reset();
  e.updated_at = now;
  store::update(c, e);
  store::choose_poll_slot(c, slot_id);
  std::vector<std::int64_t> answered;
  for (const auto& a : store::poll_answers(c, e.id)) answered.push_back(a.user_id);
  // The notice an organiser's confirmation of the date gives (update_event.cpp), to those who answered.
  notifications::notify_each(c, answered, 0, notifications::kEvents, N_("The date of the event “{}” is confirmed."),
                             urls::event(e.slug), now, e.title);
  index_event(c, e);
  tx.commit();
  return errors;
}

}  // namespace fabrique::events
