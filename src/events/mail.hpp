// What events tell people, on the site and by mail: a registration recorded (with the event as an
// iCalendar file), a place freed for someone waiting, and the reminder a day before.
#pragma once
#include "events/model.hpp"
#include "storage/database.hpp"

namespace fabrique::events {

// The mails of an event to one registered person.
enum class Letter {
  place,     // they registered and hold a place
  waiting,   // they registered and wait for a place
  promoted,  // a place freed up and is now theirs
  reminder,  // the event starts within a day
};

// Mails `user_id` about `e`, inside the caller's write transaction, with the event as an .ics
// attachment (its online link only to those with a place). Nothing when the person's address is not
// confirmed or they turned event mails off.
void mail_event(storage::Connection& c, std::int64_t user_id, const Event& e, Letter letter, sys_seconds now);

// Gives the first person waiting for `e` the place that freed up and tells them, on the site and
// by mail, inside the caller's write transaction. Returns who, or nothing when nobody waits.
std::optional<std::int64_t> promote_first_waiting(storage::Connection& c, const Event& e, sys_seconds now);

// Withdraws every registration of `user_id` (their account is being deleted), inside the caller's
// write transaction; each place freed at an event not yet started goes to the first person waiting,
// who is told. Returns how many registrations.
int withdraw_registrations(storage::Connection& c, std::int64_t user_id, sys_seconds now);

// remind.cpp. A chore (src/chores/), in one write transaction: tells each person holding a place
// at an event that starts within 24 hours, once, on the site and by mail with the place or online
// link. Those who registered less than a day before the start are not reminded (their confirmation
// is fresh). Each registration is marked when reminded, so no node sends it twice. Returns how many.
int write_reminders(storage::Connection& c, sys_seconds now);

}  // namespace fabrique::events
