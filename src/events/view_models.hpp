// What the event pages show, read by each page's loader in one place and handed to its template
// (src/events/templates/): plain values, no database, no request.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <ranges>
#include <string>
#include <utility>
#include <vector>

#include "coalitions/filter.hpp"
#include "common/errors.hpp"
#include "events/groups.hpp"
#include "events/model.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "files/files.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/picker.hpp"

namespace fabrique::events {

// The events section of a coalition's page, loaded by load_coalition_section() for the coalition
// page's loader (coalitions/show_pages.cpp).
struct CoalitionSection {
  std::string coalition_slug;
  std::vector<Event> events;            // every event of the coalition, in date order
  std::vector<MinutesItem> next_steps;  // decided at events, linked to the coalition
  std::vector<Proposal> origins;        // the proposals adopted as, or merged into, the coalition
};

// The choices of a programme slot's form (add and edit), loaded by load_slot_choices().
struct SlotChoices {
  std::vector<fabrique::views::Option> kinds;  // translated
  fabrique::views::Picker organisations;       // the picker of "speaker_organisations"
  fabrique::views::Picker coalition;           // the picker of "slot_coalition": one at most
};

// The list of events (/evenements), loaded by pages::load_list() (list_pages.cpp).
struct ListPage {
  std::string kind;                   // the kind chosen, empty when unknown or none
  coalitions::ListFilter coalition;   // ?coalition=: a slug, a number or words of its title
  territories::ListFilter territory;  // ?territoire=: what lies within it counts too
  std::vector<fabrique::views::Option> kinds;
  bool past_only = false;                           // ?quand=passes: the past events, paged
  std::vector<Event> upcoming, past;                // past: the newest first
  std::int64_t upcoming_total = 0, past_total = 0;  // how many match the filters
  std::int64_t page = 1, pages = 1;                 // of the list paged (upcoming or past)
  std::string filters;                              // "?type=…&coalition=…": the filters chosen
  std::string pager_base;                           // the paged list's address, ending in "page="
  std::map<std::int64_t, std::vector<territories::TerritoryRef>> places;  // of both, by event id
  bool signed_in = false;
  bool animateur = false;   // may create events and edit the kinds of event
  bool co_porteur = false;  // may create events for the coalitions they co-port
};

// A person's registrations and private calendar (/evenements/mes-inscriptions), loaded by
// pages::load_mine() (list_pages.cpp).
struct MinePage {
  std::vector<std::pair<Event, Status>> events;
  std::vector<MinutesItem> next_steps;  // those the person was named on, with their event
  bool has_token = false;               // a private calendar address exists
  std::string calendar_address;         // the new address, shown once right after it was made; else empty
};

// The coalition proposals (/propositions), loaded by pages::load_proposals() (proposal_pages.cpp).
struct ProposalsPage {
  std::vector<Proposal> proposals;
  bool signed_in = false;
  bool animateur = false;                         // sees the forms deciding each undecided proposal
  std::vector<fabrique::views::Option> families;  // the choices of adoption, for animateurs
  // Per undecided proposal (by id), for animateurs: the pickers of the event to present it at
  // ("event-ID") and of the coalition to merge it into ("coalition-ID").
  std::map<std::int64_t, fabrique::views::Picker> present_at, merge_into;
  // A refused decision: its proposal, its errors (field names carry the proposal's id, as the form's
  // fields do) and what was typed, by field name without the id.
  std::int64_t failed = 0;
  FieldErrors errors;
  std::map<std::string, std::string> typed;
};

// One event's page (/evenements/{slug}), loaded by pages::load_show() (show_pages.cpp).
struct ShowPage {
  Event event;
  std::vector<Slot> programme;
  std::optional<std::int64_t> user_id;                 // the signed-in person, to offer them their speaker consent
  std::optional<Registration> mine;                    // the person's registration or waiting-list place
  bool organiser = false;                              // sees the organisers' sections (Section), each on its page
  bool reveals_link = false;                           // the online link is for people with a place and organisers
  bool registration_closed = false;                    // the event has started or its registration closing date passed
  bool has_minutes = false;                            // written, or to be written (organisers, or once it ended)
  std::vector<territories::TerritoryRef> territories;  // where it takes place
  html::Html follow_series;                            // the series' follow button, for a signed-in person
  FieldErrors registration_errors;

  // For organisers only, on their sections' pages.
  SlotInput slot_typed;  // a refused slot, shown with what was typed
  SlotChoices slot_choices;
  FieldErrors slot_errors;
  std::vector<Registration> registrations;
  bool attendance_open = false;           // the event has started: who came can be recorded
  fabrique::views::Picker came, present;  // the registered people ("present", ids) and organisations recorded as there
  FieldErrors attendance_errors;
};

// The organisers' sections of an event, each a page of its own, linked by OrganiserNav (shared.html).
enum class Section { event, programme, new_slot, registrations, attendance, groups, minutes };

// The fields of the forms creating and editing an event, loaded by pages::load_event_form()
// (edit_pages.cpp): what they hold and what they offer to choose from, translated.
struct EventForm {
  EventInput typed;       // the event as saved, or what was typed when the form was refused
  bool creating = false;  // the address and the series are chosen on creation only
  std::vector<fabrique::views::Option> kinds, statuses;
  fabrique::views::Picker coalitions, organisers;                 // the pickers of "coalitions" and "organisers"
  std::vector<fabrique::views::Option> repeats, weeks, weekdays;  // a series, on creation
  std::vector<fabrique::views::Option> scopes;                    // which occurrences an edit applies to, for a series
  territories::Picker places;
};

// Characters of the minutes' text that its organisers see as the summary of the folded text.
inline constexpr std::size_t kMinutesSummary = 160;

// The minutes of an event (/evenements/{slug}/compte-rendu), loaded by pages::load_minutes()
// (minutes_pages.cpp).
struct MinutesPage {
  Event event;
  std::string title;                // "Retour sur …", translated
  bool organiser = false;           // may edit the minutes, add and remove items and files
  std::int64_t viewer = 0;          // the signed-in person's id (their own next steps link to their list), or 0
  std::vector<Ref> organisations;   // present
  std::vector<std::string> people;  // who came and chose to show their name, with their organisation
  std::vector<MinutesItem> questions, decisions;
  struct NextStep {
    MinutesItem item;
    html::Html action;  // the roadmap action made from it, or the button making one (roadmaps module)
  };
  std::vector<NextStep> next_steps;
  std::vector<BreakoutGroup> groups;  // with their notes, which the lists above leave out
  std::vector<files::StoredFile> attachments;
  std::string open;  // the organisers' fold drawn open ("questions", "decisions", "suites", "pieces"), or none
};

// What the item form offers to choose from (organisers only).
struct ItemChoices {
  std::vector<fabrique::views::Option> kinds;
  bool anyone_registered = false;     // else the person picker is left out: nobody to choose
  fabrique::views::Picker assignee;   // "assignee": who does a next step, one of the people registered at most
  fabrique::views::Picker coalition;  // "coalition": the linked coalition, one at most
};

// The page adding (`item_id` 0) or editing one question, decision or next step of the minutes.
struct ItemEditPage {
  Event event;
  std::string title;  // translated
  std::int64_t item_id = 0;
  std::int64_t version = 0;  // the item's, which the form sends back
  // After a refused save because another organiser changed it meanwhile: the item as it is now.
  std::optional<MinutesItem> current;
  ItemChoices choices;
  FieldErrors errors;
};

// What the event templates call to show a value.
// "15 juin 2021, 14:00–16:00" (Paris), or both dates when the event spans several days.
std::string when(const i18n::Translator& t, const Event& e);
// The event's coalitions' names, "A · B"; empty when none.
std::string coalition_names(const Event& e);
// The speakers of a slot: organisations as links to their pages; people by name where they consented
// (organisers see every name, marked when it is not public), otherwise "a speaker from <their
// organisation>" or nothing; then the outside speakers' free text.
html::Html speakers(const i18n::Translator& t, const Slot& s, bool organiser);
// The same as plain text, as the public sees it (for iCalendar).
std::string speakers_text(const i18n::Translator& t, const Slot& s);
// "1.2 MB", "34 KB".
std::string size_text(std::int64_t bytes);
// The revisions of minutes as the options of a select, by number.
std::vector<fabrique::views::Option> revision_options(const std::vector<MinutesRevision>& revisions);
// The label of a slot kind, translated.
std::string slot_kind_label(const i18n::Translator& t, std::string_view slug);

}  // namespace fabrique::events
