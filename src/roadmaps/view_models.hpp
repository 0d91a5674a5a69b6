// What the roadmap and impact pages show, read by each page's loader in one place and handed to its
// template (src/roadmaps/templates/): plain values, no database, no request.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coalitions/filter.hpp"
#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/matrix.hpp"
#include "roadmaps/model.hpp"
#include "roadmaps/urls.hpp"
#include "roadmaps/use_cases.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/merge.hpp"
#include "views/picker.hpp"

namespace fabrique::roadmaps {

// The roadmap part of the coalition page: the matrix of who takes part on which lever, loaded by
// pages::load_coalition_section().
struct CoalitionRoadmap {
  std::string slug;  // the coalition's
  Matrix matrix;
  std::string missing;    // the kinds absent, comma-separated; empty when every kind is present
  std::string uncovered;  // the levers without an actor (short names), comma-separated
};

// What the action form offers to choose from, read by the page's loader.
struct ActionChoices {
  std::vector<fabrique::views::Option> parents;  // the main actions it may be a sub-action of
  fabrique::views::Picker organisations;         // the carrying organisations, chosen among every one
  fabrique::views::Picker events;                // the linked events, among the coalition's, with their dates
  bool any_event = false;                        // the coalition has events to link
};

// A coalition's roadmap (/coalitions/{slug}/feuille-de-route), loaded by pages::load_roadmap().
struct RoadmapPage {
  coalitions::Coalition coalition;
  std::string coalition_title;  // "Coalition 8.a — …"
  std::string title;            // "Roadmap of coalition 8.a", translated
  std::vector<Action> actions;
  bool editor = false;  // may add an action: the form below
  ActionInput form;     // what the form shows (kept from a refused one)
  FieldErrors errors;
  ActionChoices choices;
};

// The action form pre-filled from a next step of an event's minutes
// (/evenements/{slug}/compte-rendu/elements/{id}/action), where lever and scale are chosen.
struct FromNextStepPage {
  coalitions::Coalition coalition;
  std::string coalition_title;  // "Coalition 8.a — …"
  std::string title;            // translated
  std::string event_slug, event_title;
  std::int64_t next_step_id = 0;
  std::string step;  // the step's text
  ActionInput form;  // the draft, or what a refused form held
  FieldErrors errors;
  ActionChoices choices;
};

// An action's page (/coalitions/{slug}/feuille-de-route/{id}), loaded by pages::load_action().
struct ActionPage {
  coalitions::Coalition coalition;
  std::string coalition_title;
  Action action;
  struct Resource {
    std::string text;
    bool link = false;  // an http(s) address
  };
  html::Html description;           // its Markdown, rendered and sanitised
  std::vector<Resource> resources;  // the lines of action.resources that are not blank
  html::Html revisions;             // the history's items, newest first
  bool editor = false;              // may edit: the form below
  bool conflict = false;            // someone saved meanwhile (409)
  ActionInput form;
  FieldErrors errors;
  ActionChoices choices;
  fabrique::views::Conflicts conflicts;  // the fields both changed, drawn to settle instead of their controls
};

// An action's history (/coalitions/{slug}/feuille-de-route/{id}/historique), loaded by
// pages::load_action_history().
struct ActionHistoryPage {
  coalitions::Coalition coalition;
  std::string coalition_title;
  Action action;
  std::string title;     // "History of the action "…"", translated
  html::Html refused;    // why a restore was refused (422), or nothing
  html::Html compare;    // the form comparing two revisions, and their comparison
  html::Html revisions;  // every revision, newest first, with the restore buttons
};

// The programme-wide roadmap (/feuille-de-route), loaded by pages::programme_roadmap().
struct ProgrammePage {
  std::string lever, status, quality;     // the filters, as accepted
  coalitions::ListFilter coalition;       // ?coalition=: a slug, a number or words of its title
  fabrique::views::Picker organisations;  // the carrying organisations chosen, "organisation"
  std::string query;                      // the filters as a query string, for the pager and the downloads
  long total = 0;                         // actions matching the filters, on every page
  std::vector<Action> actions;            // this page's
  html::Html pager;
};

// The programme dashboard (/tableau-de-bord), loaded by pages::load_dashboard_page().
struct DashboardPage {
  std::vector<std::pair<std::string, std::int64_t>> stages;  // translated stage → coalitions, in order
  html::Html stages_chart;
  std::vector<std::string> levers;  // short names, the columns of the actions table
  struct StatusRow {
    std::string status;  // translated
    std::vector<std::int64_t> by_lever;
    std::int64_t total = 0;
  };
  std::vector<StatusRow> actions;
  long total_actions = 0;
  html::Html actions_chart;
  long victories = 0;
  std::vector<Action> recent_victories;
  struct Event {
    std::string slug, title;
    sys_seconds starts_at{};
  };
  std::vector<Event> events;  // upcoming, soonest first
  html::Html stuck_chart;     // the coalitions longest without activity
  struct Pace {
    std::string slug, name, stage, stage_times, diversity;  // translated, formatted
    std::int64_t days_in_stage = 0, days_since_activity = 0, kinds = 0;
  };
  std::vector<Pace> pace;  // this page's coalitions, quiet the longest first
  html::Html pager;
};

// A coalition's impact (/coalitions/{slug}/impact), loaded by pages::load_impact().
struct ImpactPage {
  coalitions::Coalition coalition;
  std::string coalition_title;
  std::string title;  // "Impact of coalition 8.a", translated
  struct Section {
    Indicator indicator;
    html::Html chart;  // its measurements over time (charts::line_chart)
  };
  std::vector<Section> indicators;
  bool editor = false;  // may record a measurement and define an indicator: the forms below
  std::vector<fabrique::views::Option> indicator_names;  // the indicators to record a measurement of
  // What the forms show (kept from a refused one).
  IndicatorInput indicator_form;
  FieldErrors indicator_errors;
  std::string measured_indicator;
  MeasurementInput measurement_form;
  FieldErrors measurement_errors;
};

// An indicator's page (/coalitions/{slug}/impact/{id}), loaded by pages::load_indicator().
struct IndicatorPage {
  coalitions::Coalition coalition;
  std::string coalition_title;
  Indicator indicator;
  FieldErrors refused;                     // why an old revision could not be restored (422), else nothing
  html::Html compare;                      // the form comparing two revisions, and their comparison
  html::Html revisions;                    // every revision, newest first, with the restore buttons
  std::vector<MeasurementChange> changes;  // corrections and removals, newest first
  bool editor = false;                     // may edit, correct and restore: the form below, the links in the table
  bool conflict = false;                   // someone saved meanwhile (409)
  IndicatorInput form;
  FieldErrors errors;
  fabrique::views::Conflicts conflicts;  // the fields both changed, drawn to settle instead of their controls
};

// The page correcting or removing one measurement (…/impact/{id}/mesures/{measure}), loaded by
// pages::load_measurement().
struct MeasurementPage {
  coalitions::Coalition coalition;
  std::string coalition_title;
  Indicator indicator;
  Measurement measurement;
  std::string title;                     // "Measurement of 3 March 2026", translated
  bool conflict = false;                 // someone changed it meanwhile (409)
  MeasurementInput correction, removal;  // what each form shows (kept from a refused one)
  FieldErrors correction_errors, removal_errors;
};

// What the roadmap templates call to show a value, in the page's language.
// The translated label of a slug of `list`, or the slug itself when unknown.
template <std::size_t N>
std::string choice_label(const i18n::Translator& t, const std::array<Choice, N>& list, std::string_view slug) {
  const Choice* c = find(list, slug);
  return c ? t.tr(c->label) : std::string(slug);
}
// The entries of a fixed list as form options (value: slug, label: translated).
template <std::size_t N>
std::vector<fabrique::views::Option> choice_options(const i18n::Translator& t, const std::array<Choice, N>& list) {
  std::vector<fabrique::views::Option> out;
  for (const auto& c : list) out.push_back({c.slug, t.tr(c.label)});
  return out;
}
// The decimal separator of the reader's language.
inline char decimal_of(const i18n::Translator& t) { return t.lang() == i18n::Lang::fr ? ',' : '.'; }
// Short lever names for tables ("Commande", "Offre", "Usages").
std::string short_lever(const i18n::Translator& t, std::string_view slug);
std::string involvement_text(const i18n::Translator& t, Involvement i);
std::string day_text(const i18n::Translator& t, const std::optional<sys_seconds>& d);  // "" when unset
std::string qualities_list(const i18n::Translator& t, const std::vector<std::string>& slugs);
std::string organisations_list(const std::vector<CarryingOrganisation>& orgs);
// A value of indicator `i` with its unit ("12,5 people").
std::string figure_text(const i18n::Translator& t, const Indicator& i, double v);
// A measurement as its history shows it: "3 March 2026 : 12,5 people (survey)".
std::string measurement_text(const i18n::Translator& t, const Indicator& i, const Measurement& m);
// A baseline or target of indicator `i` with its unit ("12,5 people"), or "not set".
std::string reference_text(const i18n::Translator& t, const Indicator& i, const std::optional<double>& v);
// Whether `value` is among `chosen` (a checkbox or a multiple select).
bool chosen(const std::vector<std::string>& chosen, std::string_view value);

}  // namespace fabrique::roadmaps
