// What the event pages show, read by each page's loader in one place and handed to its template
// (src/events/templates/): plain values, no database, no request.
#pragma once
#include <cstdint>
#include <map>
#include <algorithm>
#include <ranges>
#include <string>
#include <utility>
#include <vector>

#include "common/errors.hpp"
#include "events/model.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "views/forms.hpp"

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
  std::vector<fabrique::views::Option> coalitions, organisations;
};

// The list of events (/evenements), loaded by pages::load_list() (list_pages.cpp).
struct ListPage {
  std::string kind, coalition;  // the filters chosen, empty when unknown or none
  std::vector<fabrique::views::Option> kinds, coalitions;
  std::vector<Event> upcoming, past;  // past: the newest first, kPastShown at most
  bool signed_in = false;
  bool animateur = false;   // may create events and edit the kinds of event
  bool co_porteur = false;  // may create events for the coalitions they co-port
};

// A person's registrations and private calendar (/evenements/mes-inscriptions), loaded by
// pages::load_mine() (list_pages.cpp).
struct MinePage {
  std::vector<std::pair<Event, Status>> events;
  bool has_token = false;        // a private calendar address exists
  std::string calendar_address;  // the new address, shown once right after it was made; else empty
};

// The coalition proposals (/propositions), loaded by pages::load_proposals() (proposal_pages.cpp).
struct ProposalsPage {
  std::vector<Proposal> proposals;
  bool signed_in = false;
  bool animateur = false;  // sees the forms deciding each undecided proposal
  std::vector<fabrique::views::Option> events, families, coalitions;  // their choices, for animateurs
  // A refused decision: its proposal, its errors (field names carry the proposal's id, as the form's
  // fields do) and what was typed, by field name without the id.
  std::int64_t failed = 0;
  FieldErrors errors;
  std::map<std::string, std::string> typed;
};

// What the event templates call to show a value.
// "15 juin 2021, 14:00–16:00" (Paris), or both dates when the event spans several days.
std::string when(const i18n::Translator& t, const Event& e);
// The event's coalitions' names, "A · B"; empty when none.
std::string coalition_names(const Event& e);

}  // namespace fabrique::events
