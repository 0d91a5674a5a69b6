// Checks of an event's fields, shared by creation and update.
#pragma once
#include "events/use_cases.hpp"

namespace fabrique::events {

struct CheckedEvent {
  Event event;  // kind, title, times, place, link, capacity, description, closing time
  std::vector<std::int64_t> coalitions, organisers;
};

// Reads `in`, adding an error per bad field (field names are those of the form).
CheckedEvent validate(storage::Connection& c, const EventInput& in, FieldErrors& errors);

// A short text: trimmed, valid UTF-8 on one line, at most `max` characters; else an error on `field`.
std::string check_line(FieldErrors& errors, const char* field, std::string_view in, std::size_t max,
                       const char* too_long);
// A longer text (newlines allowed), at most `max` bytes.
std::string check_text(FieldErrors& errors, const char* field, std::string_view in, std::size_t max,
                       const char* too_long);

// May `actor` attach the event to `after` (coalition ids), the event holding `before`? Animateurs:
// any. Others (co-porteurs): only coalitions they co-port may be added, and, when `must_keep_own`,
// one of theirs must stay, so that a co-porteur only makes events of their own coalitions. Adds an
// error on "coalitions" otherwise.
void check_coalition_rights(storage::Connection& c, const User& actor, const std::vector<Ref>& before,
                            const std::vector<std::int64_t>& after, bool must_keep_own, FieldErrors& errors);

// The lines of a textarea (one date, one e-mail address… per line), trimmed, empty ones left out.
std::vector<std::string> nonempty_lines(std::string_view in);

// The event at `slug` if `actor` may organise it: NotFound, or Forbidden with `refusal`.
Event event_to_organise(storage::Connection& c, const User& actor, std::string_view slug, const char* refusal);

}  // namespace fabrique::events
