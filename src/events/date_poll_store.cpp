// SQL of the date poll: candidate slots and answers (migration 0024).
#include "events/date_poll.hpp"
#include "storage/instants.hpp"

namespace fabrique::events::store {
namespace {

using storage::at;
using storage::secs;

PollSlot read_poll_slot(const storage::Row& r) {
  return {.id = r.integer(0), .starts_at = at(r.integer(1)), .ends_at = at(r.integer(2)), .chosen = r.boolean(3)};
}

}  // namespace

std::vector<PollSlot> poll_slots(storage::Connection& c, std::int64_t event_id) {
  std::vector<PollSlot> out;
  for (const auto& r :
       c.query("SELECT id, starts_at, ends_at, chosen FROM date_poll_slots WHERE event_id = ? ORDER BY starts_at, id",
               {event_id}))
    out.push_back(read_poll_slot(r));
  return out;
}

std::optional<PollSlot> poll_slot(storage::Connection& c, std::int64_t event_id, std::int64_t slot_id) {
  auto r = c.query_one("SELECT id, starts_at, ends_at, chosen FROM date_poll_slots WHERE id = ? AND event_id = ?",
                       {slot_id, event_id});
  if (!r) return std::nullopt;
  return read_poll_slot(*r);
}

void insert_poll_slot(storage::Connection& c, std::int64_t event_id, sys_seconds starts, sys_seconds ends,
                      sys_seconds now) {
  c.execute("INSERT INTO date_poll_slots (event_id, starts_at, ends_at, created_at) VALUES (?, ?, ?, ?)",
            {event_id, secs(starts), secs(ends), secs(now)});
}

void delete_poll_slot(storage::Connection& c, std::int64_t slot_id) {
  c.execute("DELETE FROM date_poll_answers WHERE slot_id = ?", {slot_id});
  c.execute("DELETE FROM date_poll_slots WHERE id = ?", {slot_id});
}

void choose_poll_slot(storage::Connection& c, std::int64_t slot_id) {
  c.execute("UPDATE date_poll_slots SET chosen = 1 WHERE id = ?", {slot_id});
}

std::vector<PollAnswerRow> poll_answers(storage::Connection& c, std::int64_t event_id) {
  std::vector<PollAnswerRow> out;
  for (const auto& r : c.query("SELECT a.slot_id, a.user_id, u.name, a.answer FROM date_poll_answers a "
                               "JOIN date_poll_slots s ON s.id = a.slot_id JOIN users u ON u.id = a.user_id "
                               "WHERE s.event_id = ? ORDER BY u.name, u.id, s.starts_at",
                               {event_id}))
    if (auto answer = poll_answer(r.text(3)))
      out.push_back({.slot_id = r.integer(0), .user_id = r.integer(1), .name = r.text(2), .answer = *answer});
  return out;
}

void set_poll_answer(storage::Connection& c, std::int64_t slot_id, std::int64_t user_id, PollAnswer answer,
                     sys_seconds now) {
  c.execute("DELETE FROM date_poll_answers WHERE slot_id = ? AND user_id = ?", {slot_id, user_id});
  c.execute("INSERT INTO date_poll_answers (slot_id, user_id, answer, answered_at) VALUES (?, ?, ?, ?)",
            {slot_id, user_id, std::string(poll_answer_slug(answer)), secs(now)});
}

bool member_of_event_coalition(storage::Connection& c, std::int64_t event_id, std::int64_t user_id) {
  return c.query_integer(
             "SELECT COUNT(*) FROM event_coalitions ec JOIN coalition_members m ON m.coalition_id = ec.coalition_id "
             "WHERE ec.event_id = ? AND m.user_id = ?",
             {event_id, user_id}) > 0;
}

}  // namespace fabrique::events::store
