// Choosing a date together (issue #17): an event whose date is to be confirmed carries candidate
// slots; its invited people, the members of its coalitions and its organisers answer yes, if need be
// or no per slot, and may change their answers until the poll closes; an organiser picks a slot, the
// event takes its times and is confirmed, which closes the poll, and everyone who answered is told.
// Use cases (date_poll.cpp, each one transaction with its own permission checks) and pages
// (date_poll_pages.cpp).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "events/model.hpp"
#include "http/context.hpp"
#include "storage/database.hpp"

namespace fabrique::events {

enum class PollAnswer { yes, maybe, no };
// "yes", "maybe", "no" (stored and in forms); nullopt for anything else.
std::optional<PollAnswer> poll_answer(std::string_view slug);
std::string_view poll_answer_slug(PollAnswer a);

inline constexpr std::size_t kMaxPollSlots = 20;

struct PollSlot {
  std::int64_t id = 0;
  sys_seconds starts_at{}, ends_at{};
  bool chosen = false;
  std::int64_t yes = 0, maybe = 0, no = 0;  // counts of answers
};
struct PollRespondent {
  std::int64_t user_id = 0;
  std::string name;
  std::map<std::int64_t, PollAnswer> answers;  // slot id → answer
};
struct DatePoll {
  std::vector<PollSlot> slots;              // by start
  std::vector<PollRespondent> respondents;  // by name
  bool open = false;                        // the event's date is still to be confirmed
};

// The poll of event `e` (one query for the slots, one for the answers).
DatePoll load_date_poll(storage::Connection& c, const Event& e);
// May `actor` answer the poll of `e`: its organisers, the members of its coalitions, the people
// invited to it (an invitation accepted, or one to their address still valid).
bool may_answer_poll(storage::Connection& c, const accounts::User& actor, const Event& e, sys_seconds now);

// Organisers, while the date is to be confirmed: a candidate slot, Paris times ("2026-12-15T14:00").
// Outcomes: added | field errors ("poll_starts", "poll_ends": malformed, end before start; the
// event's date is confirmed; too many slots) | Forbidden | NotFound.
FieldErrors add_poll_slot(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                          std::string_view starts, std::string_view ends, sys_seconds now);
// Organisers, while the poll is open: the slot and its answers removed. Outcomes: removed | Forbidden | NotFound.
void remove_poll_slot(storage::Connection& c, const accounts::User& actor, std::string_view slug, std::int64_t slot_id);
// Those who may answer: their answer per slot (slot id → "yes"/"maybe"/"no"), replacing any earlier
// one; slots left out keep theirs. Outcomes: saved | field error "answers" (the poll is closed,
// an unknown slot or answer, nothing answered), nothing written | Forbidden | NotFound.
FieldErrors answer_date_poll(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                             const std::map<std::int64_t, std::string>& answers, sys_seconds now);
// Organisers, while the poll is open: the event takes the slot's times and is confirmed, and
// everyone who answered is told ("The date of the event … is confirmed."). Outcomes: confirmed |
// field error "slot" (no such slot, the poll is closed) | Forbidden | NotFound.
FieldErrors choose_date(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                        std::int64_t slot_id, sys_seconds now);

// SQL of the poll (date_poll_store.cpp).
namespace store {
std::vector<PollSlot> poll_slots(storage::Connection& c, std::int64_t event_id);  // by start, counts left at 0
std::optional<PollSlot> poll_slot(storage::Connection& c, std::int64_t event_id, std::int64_t slot_id);
void insert_poll_slot(storage::Connection& c, std::int64_t event_id, sys_seconds starts, sys_seconds ends,
                      sys_seconds now);
void delete_poll_slot(storage::Connection& c, std::int64_t slot_id);  // and its answers
void choose_poll_slot(storage::Connection& c, std::int64_t slot_id);
struct PollAnswerRow {
  std::int64_t slot_id = 0, user_id = 0;
  std::string name;
  PollAnswer answer = PollAnswer::no;
};
// Every answer to the poll of `event_id`, by the person's name.
std::vector<PollAnswerRow> poll_answers(storage::Connection& c, std::int64_t event_id);
// The person's answer to the slot, replacing their earlier one.
void set_poll_answer(storage::Connection& c, std::int64_t slot_id, std::int64_t user_id, PollAnswer answer,
                     sys_seconds now);
bool member_of_event_coalition(storage::Connection& c, std::int64_t event_id, std::int64_t user_id);
}  // namespace store

// The poll's page, loaded by date_poll_pages.cpp.
struct DatePollPage {
  Event event;
  DatePoll poll;
  bool organiser = false;                   // adds and removes dates, picks one
  bool may_answer = false;                  // answers
  std::map<std::int64_t, PollAnswer> mine;  // the person's answers (or what they sent, when refused)
  FieldErrors errors;
  std::string typed_starts, typed_ends;  // a refused candidate date, as typed
  std::string done;                      // "reponses", "creneau", "choix" just done, or empty
};

// What the poll's template shows (date_poll_pages.cpp): a candidate date, one person's answer to it
// ("" when none), the three answers with their labels, whether `mine` holds `value` for the slot.
std::string slot_when(const i18n::Translator& t, const PollSlot& s);
std::string answer_label(const i18n::Translator& t, const std::map<std::int64_t, PollAnswer>& answers,
                         std::int64_t slot_id);
std::vector<std::pair<std::string, std::string>> answer_choices(const i18n::Translator& t);
bool answered(const std::map<std::int64_t, PollAnswer>& mine, std::int64_t slot_id, std::string_view value);

namespace pages {
http::Response date_poll(http::Context& ctx);              // GET /evenements/{slug}/dates
http::Response add_date_poll_slot(http::Context& ctx);     // POST /evenements/{slug}/dates/creneaux
http::Response remove_date_poll_slot(http::Context& ctx);  // POST /evenements/{slug}/dates/creneaux/{id:int}/supprimer
http::Response answer_date_poll(
    http::Context& ctx);                         // POST /evenements/{slug}/dates/reponses (creneau-ID=yes|maybe|no)
http::Response choose_date(http::Context& ctx);  // POST /evenements/{slug}/dates/choix (creneau=ID)
}  // namespace pages

}  // namespace fabrique::events
