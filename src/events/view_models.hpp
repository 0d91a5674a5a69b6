// What the event pages show, read by each page's loader in one place and handed to its template
// (src/events/templates/): plain values, no database, no request.
#pragma once
#include <cstdint>
#include <algorithm>
#include <ranges>
#include <string>
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

// What the event templates call to show a value.
// "15 juin 2021, 14:00–16:00" (Paris), or both dates when the event spans several days.
std::string when(const i18n::Translator& t, const Event& e);
// The event's coalitions' names, "A · B"; empty when none.
std::string coalition_names(const Event& e);

}  // namespace fabrique::events
