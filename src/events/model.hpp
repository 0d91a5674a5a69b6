// Events: Reset Days, coalition workshops, framing meetings, seminars, assemblies and fests, with
// their programme, registrations and waiting list, attendance, minutes, and coalition proposals.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"

namespace fabrique::events {

using std::chrono::sys_seconds;

// The kinds of programme slot (a fixed list: the programme's vocabulary).
struct SlotKindDef {
  const char* slug;
  const char* label;  // English msgid
};
inline constexpr std::array<SlotKindDef, 6> kSlotKinds = {{
    {"pleniere", i18n::N_("Plenary")},
    {"temoignage", i18n::N_("Testimony")},
    {"atelier", i18n::N_("Workshop")},
    {"presentation", i18n::N_("Presentation")},
    {"pause", i18n::N_("Break")},
    {"autre", i18n::N_("Other")},
}};
const SlotKindDef* slot_kind(std::string_view slug);  // nullptr when unknown

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxPlace = 300;
inline constexpr std::size_t kMaxUrl = 500;
inline constexpr std::size_t kMaxDescriptionBytes = 50 * 1024;
inline constexpr std::size_t kMaxMinutesBytes = 200 * 1024;
inline constexpr std::size_t kMaxItem = 2000;  // a question, answer, decision or next step
inline constexpr std::size_t kMaxShort = 200;  // who asked, to whom, speakers
inline constexpr std::int64_t kMaxCapacity = 100000;
inline constexpr std::size_t kMaxOccurrences = 60;  // of one series

struct Ref {  // a coalition or organisation as shown next to an event
  std::int64_t id = 0;
  std::string slug;
  std::string name;
};

// Whether an event takes place: confirmed; tentative ("date à confirmer": shown so, registration
// closed until confirmed); cancelled (registered people are told).
enum class EventStatus { confirmed, tentative, cancelled };
struct EventStatusDef {
  EventStatus status;
  const char* slug;   // stored, in forms and in JSON
  const char* label;  // English msgid
};
inline constexpr std::array<EventStatusDef, 3> kEventStatuses = {{
    {EventStatus::confirmed, "confirmed", i18n::N_("Confirmed")},
    {EventStatus::tentative, "tentative", i18n::N_("Date to be confirmed")},
    {EventStatus::cancelled, "cancelled", i18n::N_("Cancelled")},
}};
const EventStatusDef& event_status(EventStatus s);
const EventStatusDef* event_status(std::string_view slug);  // nullptr when unknown

struct Event {
  std::int64_t id = 0;
  std::string slug;
  std::int64_t kind_id = 0;
  std::string kind_slug, kind_label;
  std::string title;
  EventStatus status = EventStatus::confirmed;
  sys_seconds starts_at{}, ends_at{};
  std::string place;
  std::string online_url;
  std::optional<std::int64_t> capacity;
  std::string description;
  std::optional<sys_seconds> registration_closes_at;
  std::optional<std::int64_t> series_id;
  std::string minutes;
  std::int64_t minutes_revision = 0;
  std::optional<std::int64_t> created_by;
  std::int64_t registered = 0, waiting = 0;  // counts, filled by the store
  sys_seconds created_at{}, updated_at{};
  std::vector<Ref> coalitions, organisers;  // filled by the store where a page needs them
};

// A speaker of a slot: an organisation, or a person with an account who may speak for one.
struct Speaker {
  std::int64_t id = 0;
  std::optional<std::int64_t> user_id;  // a person; nothing for an organisation
  std::string name;                     // the person's real name: for organisers, or public if named
  std::string email;                    // the person's address: only for the organisers' edit form
  std::optional<Ref> organisation;      // the organisation speaking, or the one the person speaks for
  std::optional<bool> consent;          // the person's own choice for this slot, if given
  bool named = false;                   // the person may be named publicly (consent, else account choice)
};

struct Slot {
  std::int64_t id = 0;
  sys_seconds starts_at{}, ends_at{};
  std::string title;
  std::string kind;
  std::vector<Speaker> speakers;  // organisations and people, in the order given
  std::string other_speakers;     // free text: outside speakers without an account
  std::optional<Ref> coalition;
  std::int64_t version = 1;  // raised by every edit, so that a stale edit form is refused
};

enum class Status { registered, waiting };

struct Registration {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;          // real name: for organisers only…
  bool show_name = false;    // …or publicly when the person chose so
  std::string email;         // for organisers only
  std::string organisation;  // first organisation, or ""
  Status status = Status::registered;
  std::int64_t position = 0;  // on the waiting list (1 = next), 0 when registered
  bool attended = false;
  sys_seconds created_at{};
};

struct MinutesRevision {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string comment;
  std::optional<std::int64_t> restored_from;
  std::string author;  // public name or organisation, or ""
  std::string body;
  std::optional<std::int64_t> merged_with;  // the revision saved meanwhile that this one merged with
};

enum class ItemKind { question, decision, next_step, idea };  // idea: in a breakout group's notes
std::string_view item_kind_slug(ItemKind k);

struct MinutesItem {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  ItemKind kind = ItemKind::question;
  std::string body;      // the question, the decision, or what to do
  std::string asked_by;  // question: who asked; next step: who
  std::string asked_to;  // question: to whom
  std::string answer;
  std::optional<sys_seconds> due_at;
  std::optional<Ref> coalition;
  std::optional<std::int64_t> assignee_id;  // next step: the person with an account who does it
  std::string assignee_name;                // their public name, or empty
  std::string event_slug, event_title;      // for lists outside the event (coalition page)
  std::int64_t version = 1;                 // moves on at each edit: two organisers never write over each other
  std::optional<std::int64_t> group_id;     // written in a breakout group's notes (events/groups.hpp)
};

enum class ProposalStatus { proposed, adopted, merged, declined };
std::string_view proposal_status_slug(ProposalStatus s);

struct Proposal {
  std::int64_t id = 0;
  std::string title, intention, why_now, actors;
  std::optional<std::int64_t> proposed_by;
  std::string proposer;
  std::optional<Ref> proposed_at, presented_at;  // events (slug, title)
  std::string presented_by;
  ProposalStatus status = ProposalStatus::proposed;
  std::string reason;
  std::optional<Ref> coalition;  // adopted as / merged into
  std::optional<sys_seconds> decided_at;
  sys_seconds created_at{};
};

}  // namespace fabrique::events
