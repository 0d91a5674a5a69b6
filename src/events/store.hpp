// SQL for events, their coalitions and organisations, programme slots, registrations, minutes with
// their revisions and items, coalition proposals and calendar tokens.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "events/model.hpp"
#include "files/files.hpp"
#include "storage/database.hpp"

namespace fabrique::events::store {

using storage::Connection;

// The events `e` not over at a time given twice: ending after it, and so started after it less the
// longest event's duration, which the index on the start then reads from (migration 0043 indexes the
// durations) instead of walking every past event.
inline constexpr const char* kNotOver =
    "e.ends_at > ? AND e.starts_at > ? - (SELECT COALESCE(MAX(x.ends_at - x.starts_at), 0) FROM events x)";

struct Filter {
  std::optional<std::int64_t> kind_id;
  std::optional<std::int64_t> coalition_id;
  std::optional<std::int64_t> territory_id;  // placed on it or on a territory within it
  std::optional<sys_seconds> ends_after;     // upcoming: ends after now
  std::optional<sys_seconds> ends_before;    // past
  std::optional<sys_seconds> starts_before;  // within a window ahead (a newsletter's weeks)
  std::optional<sys_seconds> updated_since;  // changed at or after (the open data's harvesters)
  bool newest_first = false;
  // Registered and waiting counted for each event (the JSON and CSV lists); false for lists that do
  // not show them (0), which then do not depend on registrations (storage::Rows).
  bool counts = true;
  std::int64_t limit = -1;
  std::int64_t offset = 0;
  std::optional<std::int64_t> after_id;  // those after this one in the list's order (storage/batches.hpp)
};

// Events with their kind, counts (unless not asked for) and coalitions (three queries whatever the
// number of events).
std::vector<Event> list(Connection& c, const Filter& f);
// How many events match (ignoring limit and offset).
std::int64_t count(Connection& c, const Filter& f);
// One event with its counts, coalitions and organisers.
std::optional<Event> by_slug(Connection& c, std::string_view slug);
std::optional<Event> by_id(Connection& c, std::int64_t id);
bool slug_taken(Connection& c, std::string_view slug);
std::int64_t insert(Connection& c, const Event& e);
void update(Connection& c, const Event& e);
void set_coalitions(Connection& c, std::int64_t event_id, const std::vector<std::int64_t>& coalition_ids);
void set_organisations(Connection& c, std::int64_t event_id, const std::vector<std::int64_t>& organisation_ids,
                       const char* role);  // "organiser" or "present"
// Organisations that came: those marked present, and those of the people marked as attended.
std::vector<Ref> present_organisations(Connection& c, std::int64_t event_id);
// The events of a series starting at or after `from`, in order.
std::vector<Event> series_from(Connection& c, std::int64_t series_id, sys_seconds from);
std::int64_t insert_series(Connection& c, const std::string& title, const std::string& rule, sys_seconds now);

// Takes the write lock on one event row until the transaction ends, on both engines: SQLite's
// write transactions are already serialised (BEGIN IMMEDIATE); on PostgreSQL SELECT FOR UPDATE locks
// the row, so concurrent registrations to one event queue here and each one counts the places after
// the previous one committed (READ COMMITTED takes a new snapshot per statement).
void lock(Connection& c, std::int64_t event_id);
std::int64_t count(Connection& c, std::int64_t event_id, Status s);
std::optional<Registration> registration(Connection& c, std::int64_t event_id, std::int64_t user_id);
void insert_registration(Connection& c, std::int64_t event_id, std::int64_t user_id, Status s, sys_seconds now);
void delete_registration(Connection& c, std::int64_t event_id, std::int64_t user_id);
// Moves the longest-waiting person to a place; returns their user id, or nothing if nobody waits.
std::optional<std::int64_t> promote_first_waiting(Connection& c, std::int64_t event_id);
// Everyone registered then everyone waiting, in order, with names, e-mails and organisations.
std::vector<Registration> registrations(Connection& c, std::int64_t event_id);
void set_attended(Connection& c, std::int64_t event_id, const std::set<std::int64_t>& user_ids);
// Events a person registered to or waits for (the personal calendar), by start; their counts of
// registrations are left at 0.
std::vector<std::pair<Event, Status>> events_of_user(Connection& c, std::int64_t user_id);
// May this person organise the event? The creator, and the co-porteurs of its coalitions.
bool is_organiser(Connection& c, std::int64_t event_id, std::int64_t user_id);
// The coalitions a person co-ports (ids).
std::set<std::int64_t> co_ported(Connection& c, std::int64_t user_id);

// The programme with every slot's speakers (two queries whatever the number of slots).
std::vector<Slot> slots(Connection& c, std::int64_t event_id);
// One slot of the event with its speakers, or nothing.
std::optional<Slot> slot(Connection& c, std::int64_t event_id, std::int64_t slot_id);
// Inserts the slot and its speakers (organisation and/or user of each), in their order.
void insert_slot(Connection& c, std::int64_t event_id, const Slot& s);
// Rewrites slot `s.id` and its speakers if it is still at `base_version` (then raises it); false if
// not. People who stay speakers keep their consent.
bool update_slot(Connection& c, std::int64_t event_id, const Slot& s, std::int64_t base_version);
// A person's own choice to be named, or not, as a speaker of one slot; false if they are not one.
bool set_speaker_consent(Connection& c, std::int64_t event_id, std::int64_t slot_id, std::int64_t user_id,
                         bool consent);
// The organisation a person speaks for by default: the first of theirs by name.
std::optional<Ref> first_organisation(Connection& c, std::int64_t user_id);
bool delete_slot(Connection& c, std::int64_t event_id, std::int64_t slot_id);

// Records minutes revision `number` with its whole text and makes it current, only if the event's
// minutes_revision still equals number - 1 (returns false otherwise: someone saved meanwhile).
// `merged_with` is the revision saved meanwhile that this one was merged with, if any.
bool insert_minutes_revision(Connection& c, std::int64_t event_id, std::int64_t number,
                             std::optional<std::int64_t> author, sys_seconds at, const std::string& comment,
                             std::optional<std::int64_t> restored_from, const std::string& body,
                             std::optional<std::int64_t> merged_with = std::nullopt);
std::vector<MinutesRevision> minutes_revisions(Connection& c, std::int64_t event_id);  // newest first
std::optional<MinutesRevision> minutes_revision(Connection& c, std::int64_t event_id, std::int64_t number);

std::vector<MinutesItem> items(Connection& c, std::int64_t event_id);
void insert_item(Connection& c, const MinutesItem& item, sys_seconds now);
std::optional<MinutesItem> item(Connection& c, std::int64_t event_id, std::int64_t item_id);
// Writes `item` over the stored one if it is still at item.version, moving it to the next version;
// false when someone edited it meanwhile (nothing written).
bool update_item(Connection& c, const MinutesItem& item);
bool delete_item(Connection& c, std::int64_t event_id, std::int64_t item_id);
// The next steps linked to a coalition, with their event, soonest due first.
// The next steps a person was named on, soonest due first (those without a date last).
std::vector<MinutesItem> next_steps_of_person(Connection& c, std::int64_t user_id);
std::vector<MinutesItem> next_steps_of_coalition(Connection& c, std::int64_t coalition_id);

std::vector<Proposal> proposals(Connection& c);
std::optional<Proposal> proposal(Connection& c, std::int64_t id);
// Proposals adopted as, or merged into, this coalition (its provenance).
std::vector<Proposal> proposals_of_coalition(Connection& c, std::int64_t coalition_id);
std::int64_t insert_proposal(Connection& c, const Proposal& p);
void schedule_proposal(Connection& c, std::int64_t id, std::optional<std::int64_t> event_id, const std::string& by);
// Moves a proposal out of 'proposed' (compare-and-set: false if it was decided meanwhile).
bool decide_proposal(Connection& c, std::int64_t id, ProposalStatus s, std::optional<std::int64_t> coalition_id,
                     const std::string& reason, std::int64_t by, sys_seconds at);

// The files attached to an event's minutes (without their bytes), oldest first.
std::vector<files::StoredFile> attachments(Connection& c, std::int64_t event_id);
void insert_attachment(Connection& c, std::int64_t event_id, std::int64_t file_id);
bool is_attachment(Connection& c, std::int64_t event_id, std::int64_t file_id);

void set_calendar_token(Connection& c, std::int64_t user_id, const std::string& token_hash, sys_seconds now);
void delete_calendar_token(Connection& c, std::int64_t user_id);
bool has_calendar_token(Connection& c, std::int64_t user_id);
std::optional<std::int64_t> user_of_calendar_token(Connection& c, const std::string& token_hash);

}  // namespace fabrique::events::store
