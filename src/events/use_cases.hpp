// What people do with events and coalition proposals. Each use case is one transaction, checks
// permissions itself and knows nothing of HTTP: pages, the JSON API, the demo and tests call these.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "events/model.hpp"
#include "files/files.hpp"
#include "storage/database.hpp"
#include "text/merge.hpp"

namespace fabrique::events {

using accounts::User;

// May `actor` organise this event (edit it, see the registration list and the online link, mark
// attendance, write the minutes)? Animateurs, the event's creator, and the co-porteurs of its coalitions.
bool can_organise(storage::Connection& c, const User* actor, const Event& e);

enum class Repeat { none, monthly, dates };

struct EventInput {
  std::string kind;  // event kind slug
  std::string title;
  std::string slug;          // optional on creation (made from the title and date); ignored on update
  std::string starts, ends;  // Paris wall-clock time, "2026-12-15T14:00"
  std::string place;
  std::string online_url;
  std::string capacity;                  // digits, or empty for no limit
  std::string description;               // Markdown
  std::string closes;                    // registration closing time (Paris), or empty: until the start
  std::string status;                    // a kEventStatuses slug; empty: confirmed
  std::vector<std::string> coalitions;   // coalition slugs
  std::vector<std::string> organisers;   // organisation slugs
  std::vector<std::string> territories;  // the keys of the territories it takes place on (territories/links.hpp)
  // Creation only: a series. Monthly: the `week`-th (1–4, or 5 for the last) `weekday` (1 Monday …
  // 7 Sunday) of each month, `count` times, starting with the month of `starts` at its hour.
  // Dates: one "YYYY-MM-DD" per line, each at the hours of `starts` and `ends`.
  Repeat repeat = Repeat::none;
  int week = 0, weekday = 0, count = 0;
  std::string dates;
};

struct EventResult {
  FieldErrors errors;
  std::optional<Event> event;    // the (first) event created or the one updated
  std::int64_t occurrences = 0;  // events created or updated
};

// create_event.cpp. Animateurs, and co-porteurs for events of their own coalitions (ateliers de
// coalition, réunions de cadrage…). Outcomes: one event, or every occurrence of a series | field
// errors (no title, unknown kind, end before start, a time that does not exist in Paris, bad
// capacity, closing after the start, unknown coalition or organisation, too many occurrences; for a
// co-porteur: no coalition of theirs, or another coalition) | Forbidden (neither animateur nor co-porteur).
EventResult create_event(storage::Connection& c, const User& actor, const EventInput& in, sys_seconds now);

enum class Scope { this_one, following };
// update_event.cpp. Organisers. With Scope::following on an occurrence of a series, the same
// changes apply to every later occurrence, each keeping its own day (times move by the same amount).
// Setting the status to cancelled notifies everyone registered or waiting (src/notifications).
// A co-porteur may add only coalitions they co-port and must leave one of theirs (unless they
// created the event). Outcomes: saved | field errors (as for creation, and a capacity below the
// number of people already registered) | Forbidden | NotFound.
EventResult update_event(storage::Connection& c, const User& actor, std::string_view slug, const EventInput& in,
                         Scope scope, sys_seconds now);

struct RegistrationResult {
  FieldErrors errors;  // field "registration"
  Status status = Status::registered;
  std::int64_t position = 0;  // on the waiting list
};

// register_for_event.cpp. Any signed-in person, in one action: a place while there is one, else
// the end of the waiting list. Concurrent registrations to one event are serialised on the event
// row, so places are never oversold. Outcomes: registered | waiting (with position) | field error
// (already registered, registration closed, event over, date to be confirmed, cancelled) | NotFound.
RegistrationResult register_for_event(storage::Connection& c, const User& actor, std::string_view slug,
                                      sys_seconds now);
// register_for_event.cpp too: the same inside the caller's write transaction (an accepted invitation
// registers this way). Nothing is written on a field error.
RegistrationResult register_within(storage::Connection& c, const User& actor, const Event& e, sys_seconds now);

// cancel_registration.cpp. The person themself, or an organiser for anyone. Frees the place and,
// in the same transaction, gives it to the first person waiting, who is told. Returns the promoted person's id.
// Outcomes: cancelled | field error (not registered) | Forbidden (someone else's, not organiser) | NotFound.
std::optional<std::int64_t> cancel_registration(storage::Connection& c, const User& actor, std::string_view slug,
                                                std::int64_t user_id, FieldErrors& errors, sys_seconds now);

// The registration list (organisers only; Forbidden otherwise).
std::vector<Registration> registration_list(storage::Connection& c, const User& actor, const Event& e);

// mark_attendance.cpp. Organisers, once the event has started: exactly `present` came (people with a
// place), plus the organisations marked present. Outcomes: saved | field error (not started) | Forbidden.
FieldErrors mark_attendance(storage::Connection& c, const User& actor, std::string_view slug,
                            const std::set<std::int64_t>& present, const std::vector<std::string>& organisations,
                            sys_seconds now);

inline constexpr std::size_t kMaxSpeakers = 20;  // organisations plus people, per slot

struct SlotInput {
  std::string starts, ends;  // "14:00" on the event's day, or full "2026-12-15T14:00"
  std::string title;
  std::string kind;                        // a kSlotKinds slug
  std::string speakers;                    // free text: outside speakers without an account
  std::string coalition;                   // coalition slug, or empty
  std::vector<std::string> organisations;  // speaking organisations (slugs)
  std::string people;                      // e-mail addresses of speakers with an account, one per line
};
// add_slot.cpp. Organisers. A person named as a speaker is shown publicly only if they consent (their
// own choice for the slot, else their account's public-name choice); otherwise the public sees "a
// speaker from <their organisation>" or nothing. Outcomes: added | field errors (no title, bad
// time, end before start, unknown kind, coalition, organisation or e-mail, too many speakers) |
// Forbidden | NotFound.
FieldErrors add_slot(storage::Connection& c, const User& actor, std::string_view slug, const SlotInput& in,
                     sys_seconds now);
// add_slot.cpp too. Organisers change a slot's times, title, kind, speakers and coalition, from the
// version their form showed. A person who stays a speaker keeps their own consent. Outcomes: saved |
// field errors (as add_slot; nothing written) | conflict (saved meanwhile by someone else: `current`
// is the slot as it now is; nothing written) | Forbidden | NotFound.
struct SlotEdit {
  FieldErrors errors;
  bool conflict = false;
  std::optional<Slot> current;
};
SlotEdit edit_slot(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t slot_id,
                   const SlotInput& in, std::int64_t base_version, sys_seconds now);
void remove_slot(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t slot_id,
                 sys_seconds now);
// add_slot.cpp too. A speaker, and only they, agrees or refuses to be named publicly for one slot.
// Outcomes: saved | Forbidden (not a speaker of that slot) | NotFound.
void consent_to_speak(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t slot_id,
                      bool named);

struct MinutesEdit {
  std::int64_t base_revision = 0;
  std::string body;  // Markdown
  std::string comment;
  text::MergeAnswer merge;  // from the conflict page: how the text was settled
};
struct MinutesResult {
  FieldErrors errors;
  // Someone saved since base_revision and the person changed the text too, differently: nothing
  // written; the text is to settle (base, current, mine), then saved again from current_revision.
  // Also set, with errors, when it was left unsettled.
  bool conflict = false;
  bool unchanged = false;
  std::int64_t revision = 0;          // the new revision
  std::int64_t merged_with = 0;       // the revision saved meanwhile it was merged with, if any
  std::int64_t current_revision = 0;  // on conflict
  std::int64_t merge_base = 0;        // on conflict: the revision both started from
  std::string current, base, mine;    // on conflict: the text now, at merge_base, and the person's
};
// save_minutes.cpp. Organisers. A text sent from an older revision is merged with what was saved
// since (text::merge_fields): kept when only one side changed it. Outcomes: new revision | unchanged
// | conflict | field errors (also: a conflict left unsettled) | Forbidden | NotFound.
MinutesResult save_minutes(storage::Connection& c, const User& actor, std::string_view slug, const MinutesEdit& edit,
                           sys_seconds now);
// restore_minutes.cpp. A new revision with the text of revision `number` (0 if already current).
std::int64_t restore_minutes(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t number,
                             sys_seconds now);

struct ItemInput {
  ItemKind kind = ItemKind::question;
  std::string body, asked_by, asked_to, answer;
  std::string due;        // next step: "YYYY-MM-DD" or empty
  std::string coalition;  // coalition slug, or empty
  std::string assignee;   // next step: the id of a person registered to the event who does it, or empty
};
// add_minutes_item.cpp. Organisers: a question, a decision or a next step beside the minutes; a
// next step may name a person registered to the event, who is told.
// Outcomes: added | field errors | Forbidden | NotFound.
FieldErrors add_minutes_item(storage::Connection& c, const User& actor, std::string_view slug, const ItemInput& in,
                             sys_seconds now);
void remove_minutes_item(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t item_id,
                         sys_seconds now);

struct ItemEditResult {
  FieldErrors errors;
  bool conflict = false;               // edited by someone else since `version`: nothing written
  std::optional<MinutesItem> current;  // on conflict: the item as it is now
};
// add_minutes_item.cpp. Organisers change an item in place, checked as when it was added; `version`
// is the one their form was drawn from. A person newly named on a next step is told.
// Outcomes: saved | conflict | field errors | Forbidden | NotFound (event or item).
ItemEditResult edit_minutes_item(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t item_id,
                                 const ItemInput& in, std::int64_t version, sys_seconds now);

// attach_file.cpp. Organisers attach a file (slides, documents) to the minutes: at most 20 MB, its
// type checked from its content (files::check). Outcomes: attached | field error on "file" (none,
// empty, too big, forbidden type, content not matching the name) with nothing written | Forbidden | NotFound.
FieldErrors attach_file(storage::Connection& c, const User& actor, std::string_view slug, const files::Upload* upload,
                        sys_seconds now);
// Removes an attachment and its file. Outcomes: removed | Forbidden | NotFound.
void remove_attachment(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t file_id);

struct ProposalInput {
  std::string title, intention, why_now, actors;
  std::string event;  // slug of the event where it was born, or empty
};
struct ProposalResult {
  FieldErrors errors;
  std::int64_t id = 0;
};
// propose_coalition.cpp. Any signed-in member. Outcomes: proposed | field errors.
ProposalResult propose_coalition(storage::Connection& c, const User& actor, const ProposalInput& in, sys_seconds now);
// schedule_proposal.cpp. Animateurs: to be presented at an event, by someone. Outcomes: saved |
// field errors (unknown event) | Forbidden | NotFound.
FieldErrors schedule_proposal(storage::Connection& c, const User& actor, std::int64_t id, std::string_view event,
                              std::string_view presented_by, sys_seconds now);

struct AdoptInput {
  std::string number;  // the new coalition's number
  std::string family;  // family slug
};
struct DecisionResult {
  FieldErrors errors;
  std::string coalition_slug;  // adopted as / merged into
};
// adopt_proposal.cpp. Tells the person who made proposal `p` (if they still have an account) how it
// was decided, inside the caller's transaction.
void tell_proposer(storage::Connection& c, const Proposal& p, const char* message, const std::string& link,
                   sys_seconds now);

// adopt_proposal.cpp. Animateurs. The proposal becomes a coalition at stage idée whose booklet
// starts with its intention and actors; the coalition page remembers where it was proposed and
// presented, and by whom. Outcomes: adopted | field errors (number, family) | already decided |
// Forbidden | NotFound.
DecisionResult adopt_proposal(storage::Connection& c, const User& actor, std::int64_t id, const AdoptInput& in,
                              sys_seconds now);
// adopt_proposal.cpp too. Animateurs: folded into an existing coalition. Outcomes as above.
DecisionResult merge_proposal(storage::Connection& c, const User& actor, std::int64_t id, std::string_view coalition,
                              sys_seconds now);
// adopt_proposal.cpp too. Animateurs, with a reason. Outcomes as above (reason required).
DecisionResult decline_proposal(storage::Connection& c, const User& actor, std::int64_t id, std::string_view reason,
                                sys_seconds now);

// calendar_token.cpp. The private address of a member's calendar: a new token replaces the old
// one (which stops working); only its hash is stored. Returns the token, shown once.
std::string renew_calendar_token(storage::Connection& c, const User& actor, sys_seconds now);
void revoke_calendar_token(storage::Connection& c, const User& actor);
// The person a calendar token belongs to, if it is still valid.
std::optional<std::int64_t> calendar_owner(storage::Connection& c, std::string_view token);

// index_event.cpp. Puts the event (type "event") and its minutes once written (type "minutes",
// "Retour sur …") in the search index, both public.
void index_event(storage::Connection& c, const Event& e);

}  // namespace fabrique::events
