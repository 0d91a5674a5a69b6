// Breakout groups (issue #17): a workshop's organiser splits the registered participants into
// groups, each with a topic and a facilitator (a registered person), each person in one group at
// most; each group writes its own notes in the minutes (questions, ideas, next steps: minutes items
// carrying the group), written by the organisers or the group's facilitator, and shown together in
// the minutes, their JSON and the "Retour sur" post.
// Use cases (groups.cpp, each one transaction with its own permission checks), SQL
// (groups_store.cpp) and pages (groups_pages.cpp, templates/groups.html).
#pragma once
#include <boost/json/array.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "events/model.hpp"
#include "http/context.hpp"
#include "storage/database.hpp"
#include "views/forms.hpp"
#include "views/picker.hpp"

namespace fabrique::events {

inline constexpr std::size_t kMaxGroups = 30;

struct BreakoutGroup {
  std::int64_t id = 0;
  std::int64_t position = 0;  // 1, 2, 3… in the order shown
  std::string topic;
  std::optional<std::int64_t> facilitator_id;
  std::string facilitator_name;       // their real name: for the organisers' page
  std::string facilitator_public;     // their name if they show it, else their organisation, else ""
  std::vector<std::int64_t> members;  // user ids, each in this group only
  std::vector<MinutesItem> notes;     // questions, ideas and next steps, in the order written
};

// The form of an event's groups as sent (what `save_groups` reads).
struct GroupInput {
  std::int64_t id = 0;  // 0: a new group (left out when its topic and facilitator are empty)
  std::string topic;
  std::vector<std::string> facilitator;  // the person picker's chosen keys (user ids): one at most
  bool remove = false;
};
struct GroupsInput {
  std::vector<GroupInput> groups;
  // Each registered person sent: the id of the group they are in, or "" for none.
  std::map<std::int64_t, std::string> members;
};
struct GroupsResult {
  FieldErrors errors;        // "topic-ID", "facilitator-ID" ("new" for the new group), "members", "count"
  bool conflict = false;     // saved meanwhile by someone else: nothing written
  std::int64_t version = 0;  // the version saved, or on conflict the current one
};

// Field names of group `id`'s fields in the groups' form ("topic-12", "topic-new").
std::string group_field(const char* field, std::int64_t id);

// groups.cpp. Organisers, from the version their form showed: topics, facilitators (registered
// people), groups added and removed, and who is in which group. Outcomes: saved | field errors (an
// empty or too long topic, a facilitator not registered or more than one, an unknown group, a person
// not registered, too many groups), nothing written | conflict | Forbidden | NotFound.
GroupsResult save_groups(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                         const GroupsInput& in, std::int64_t version, sys_seconds now);
// groups.cpp. Organisers: everyone registered spread evenly over the first `count` groups (in the
// order they registered, dealt in turn), groups added up to `count` with the topic `new_topic` made
// from their number ("Group {}").
// Outcomes: saved | field error "count" (not a number from 1 to kMaxGroups) | conflict | Forbidden | NotFound.
GroupsResult spread_into_groups(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                                std::string_view count, std::int64_t version, std::string_view new_topic,
                                sys_seconds now);

// May `actor` write the notes of group `g` of event `e`: its organisers and the group's facilitator.
bool may_write_group_notes(storage::Connection& c, const accounts::User* actor, const Event& e, const BreakoutGroup& g);
// groups.cpp. The organisers or the group's facilitator: a question, an idea or a next step in the
// group's notes. Outcomes: added | field errors "kind" (none, or a decision), "body" (empty, too
// long) | Forbidden | NotFound.
FieldErrors add_group_note(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                           std::int64_t group_id, std::optional<ItemKind> kind, std::string_view body, sys_seconds now);
// groups.cpp. The same people remove one of the group's notes. Outcomes: removed | Forbidden | NotFound.
void remove_group_note(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                       std::int64_t group_id, std::int64_t item_id);

namespace store {
// The groups of an event by position, with their facilitators' names and members (two queries).
std::vector<BreakoutGroup> groups(storage::Connection& c, std::int64_t event_id);
// The groups of an event with their notes (three queries), for everything that shows the minutes:
// their page, their JSON, and the "Retour sur" post of the journal, which lists each group's topic,
// facilitator (`facilitator_public` only: the public name), members count and notes.
std::vector<BreakoutGroup> groups_with_notes(storage::Connection& c, std::int64_t event_id);
std::int64_t groups_version(storage::Connection& c, std::int64_t event_id);  // 0 before any save
void set_groups_version(storage::Connection& c, std::int64_t event_id, std::int64_t version);
std::int64_t insert_group(storage::Connection& c, std::int64_t event_id, std::int64_t position,
                          const std::string& topic, std::optional<std::int64_t> facilitator, sys_seconds now);
void update_group(storage::Connection& c, std::int64_t group_id, std::int64_t position, const std::string& topic,
                  std::optional<std::int64_t> facilitator);
void delete_group(storage::Connection& c, std::int64_t group_id);  // its members out, its notes kept without group
// Who is in which group, replacing the event's whole assignment (user id → group id).
void set_members(storage::Connection& c, std::int64_t event_id, const std::map<std::int64_t, std::int64_t>& members);
}  // namespace store

// One group in the groups' form, as saved or as sent.
struct GroupRow {
  std::int64_t id = 0;      // 0: the row adding a group
  std::int64_t number = 0;  // its place in the list, 1, 2… (0 for the new one)
  std::string topic;
  fabrique::views::Picker facilitator;  // the person picker over the people registered
  bool remove = false;
};
// The groups' page (/evenements/{slug}/groupes, organisers), loaded by groups_pages.cpp.
struct GroupsPage {
  Event event;
  std::string title;                                   // translated
  std::int64_t version = 0;                            // the groups' version the form was drawn from
  std::vector<GroupRow> rows;                          // the groups, then the row adding one
  std::vector<Registration> people;                    // registered, in the order of the registration list
  std::map<std::int64_t, std::string> member_of;       // user id → their group's id ("" for none)
  std::vector<fabrique::views::Option> group_options;  // the groups as saved, for each person's select
  std::string count;                                   // the "assign everyone in N groups" form's number, as typed
  bool conflict = false;  // someone saved meanwhile: `current` shows their groups, the form is kept
  std::vector<BreakoutGroup> current;
  std::string done;  // "enregistre" after a save, else ""
  FieldErrors errors;
};
// One group's notes (/evenements/{slug}/groupes/{id}): everyone reads; organisers and its facilitator write.
struct GroupNotesPage {
  Event event;
  BreakoutGroup group;
  std::string title;  // translated
  bool may_write = false;
  std::string kind, body;  // a refused note, as typed
  std::vector<fabrique::views::Option> kinds;
  FieldErrors errors;
};

// What the groups' templates show: "Question", "Idea", "Next step"; "Facilitated by …, 5 people"
// (the facilitator's real name when `real_name`, else their public name or organisation); "Group 2:
// topic — facilitated by …, 5 people".
std::string note_kind_label(const i18n::Translator& t, ItemKind k);
std::string group_people(const i18n::Translator& t, const BreakoutGroup& g, bool real_name);
std::string group_summary(const i18n::Translator& t, const BreakoutGroup& g);

namespace json {
// The groups in the minutes' JSON (docs/api.md): position, topic, facilitator (public name or
// organisation, or null), members (a count) and notes (each as json::item, kind "question", "idea"
// or "next_step").
boost::json::array groups(const std::vector<BreakoutGroup>& groups);
}  // namespace json

namespace pages {
http::Response groups(http::Context& ctx);          // GET /evenements/{slug}/groupes (organisers)
http::Response save_groups(http::Context& ctx);     // POST /evenements/{slug}/groupes (version=…)
http::Response spread_groups(http::Context& ctx);   // POST /evenements/{slug}/groupes/repartir (count=N, version=…)
http::Response group(http::Context& ctx);           // GET /evenements/{slug}/groupes/{id:int}
http::Response add_group_note(http::Context& ctx);  // POST /evenements/{slug}/groupes/{id:int}/notes
http::Response remove_group_note(
    http::Context& ctx);  // POST /evenements/{slug}/groupes/{id:int}/notes/{note:int}/supprimer
}  // namespace pages

}  // namespace fabrique::events
