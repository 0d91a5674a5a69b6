// The mails of events: the confirmation of a registration, with the event as an iCalendar file.
#pragma once
#include "events/model.hpp"
#include "storage/database.hpp"

namespace fabrique::events {

// Mails `user_id` that they hold a place at `e` (or wait for one), inside the caller's write
// transaction, with the event as an .ics attachment (its online link only with a place). Nothing
// when the person's address is not confirmed or they turned event mails off.
void mail_registration(storage::Connection& c, std::int64_t user_id, const Event& e, Status status, sys_seconds now);

}  // namespace fabrique::events
