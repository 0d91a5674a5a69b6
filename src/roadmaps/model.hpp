// Roadmaps and impact: a coalition's actions transformatrices on the three levers, its impact
// indicators with dated measurements, and the actors × levers matrix that shows who is missing.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"

namespace fabrique::roadmaps {

using std::chrono::sys_seconds;

// One entry of a fixed list: the stored value and its English msgid.
struct Choice {
  const char* slug;
  const char* label;
};

inline constexpr std::array<Choice, 3> kLevers = {{
    {"commande", i18n::N_("What is ordered (la commande)")},
    {"offre", i18n::N_("What is offered (l'offre)")},
    {"usages", i18n::N_("How it is used (les usages)")},
}};
inline constexpr std::array<Choice, 3> kScales = {{
    {"local", i18n::N_("Local")},
    {"national", i18n::N_("National")},
    {"europeen", i18n::N_("European")},
}};
inline constexpr std::array<Choice, 5> kStatuses = {{
    {"proposee", i18n::N_("Proposed")},
    {"engagee", i18n::N_("Committed")},
    {"en-cours", i18n::N_("Under way")},
    {"realisee", i18n::N_("Achieved")},
    {"abandonnee", i18n::N_("Abandoned")},
}};
// The programme's 7 qualities: what it wants digital technology to be.
inline constexpr std::array<Choice, 7> kQualities = {{
    {"inclusif", i18n::N_("Inclusive")},
    {"frugal", i18n::N_("Frugal")},
    {"democratique", i18n::N_("Democratic")},
    {"protecteur", i18n::N_("Protective")},
    {"innovant", i18n::N_("Innovative")},
    {"capacitant", i18n::N_("Empowering")},
    {"equitable", i18n::N_("Fair")},
}};
inline constexpr std::array<Choice, 5> kImpacts = {{
    {"ethique", i18n::N_("Ethical")},
    {"social", i18n::N_("Social")},
    {"environnemental", i18n::N_("Environmental")},
    {"concurrentiel", i18n::N_("Competitive")},
    {"gouvernance", i18n::N_("Governance and regulation")},
}};

// The entry with that slug, or nullptr.
template <std::size_t N>
const Choice* find(const std::array<Choice, N>& list, std::string_view slug) {
  for (const auto& c : list)
    if (slug == c.slug) return &c;
  return nullptr;
}

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxDescription = 20 * 1024;
inline constexpr std::size_t kMaxReason = 1000;
inline constexpr std::size_t kMaxResources = 4000;
inline constexpr std::size_t kMaxComment = 300;
inline constexpr std::size_t kMaxOrganisations = 30;
inline constexpr std::size_t kMaxName = 200;
inline constexpr std::size_t kMaxUnit = 40;
inline constexpr std::size_t kMaxSource = 500;

struct CarryingOrganisation {
  std::int64_t id = 0;
  std::string slug, name;
};

// An event an action is linked to (migration 0009), chosen among its coalition's events.
struct LinkedEvent {
  std::int64_t id = 0;
  std::string slug, title;
  sys_seconds starts_at{};
};

struct Action {
  std::int64_t id = 0;
  std::int64_t coalition_id = 0;
  std::string coalition_slug, coalition_number, coalition_title;
  std::optional<std::int64_t> parent_id;
  std::string title;
  std::string description;  // Markdown
  std::string lever, scale, status;
  std::string abandon_reason;
  std::optional<sys_seconds> starts_on, due_on;
  int entered_progress = 0;
  int sub_actions = 0;  // how many sub-actions count towards progress (abandoned ones do not)
  int progress = 0;     // entered, or the mean of the sub-actions when there are some
  bool victory = false;
  std::vector<std::string> qualities;  // slugs
  std::string resources;               // one address per line
  std::vector<CarryingOrganisation> organisations;
  std::int64_t revision = 1;
  sys_seconds created_at{}, updated_at{};
  // The next step of an event's minutes this action was made from (migration 0009), and its event.
  std::optional<std::int64_t> origin_next_step_id;
  std::string origin_event_slug, origin_event_title;
  std::vector<LinkedEvent> events;  // by start
};

// An action made from a next step, as the minutes page shows it ("became action X").
struct ActionFromStep {
  std::int64_t next_step_id = 0;
  std::int64_t id = 0;
  std::string coalition_slug, title;
};

// One revision of an action or an indicator: who, when, why, and every field as JSON.
struct Revision {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string author;  // public name, or empty
  std::string comment;
  std::string snapshot;                       // JSON of every field
  std::optional<std::int64_t> restored_from;  // the older revision this one brings back
  std::optional<std::int64_t> merged_with;    // the revision saved meanwhile that this one merged with
};
using ActionRevision = Revision;

struct Measurement {
  std::int64_t id = 0;
  sys_seconds measured_on{};
  double value = 0;
  std::string source;
  std::int64_t revision = 1;  // moves on each correction: a stale correction or removal is refused
};

// A correction or removal of a measurement, with the values it replaced (migration 0009).
struct MeasurementChange {
  std::int64_t measurement_id = 0;
  bool removal = false;
  Measurement before;
  std::optional<Measurement> after;  // none for a removal
  std::string reason, author;        // author: public name, or empty
  sys_seconds at{};
};

struct Indicator {
  std::int64_t id = 0;
  std::int64_t coalition_id = 0;
  std::string name, unit, quality, impact, description;
  std::optional<double> baseline, target;
  std::vector<Measurement> measurements;  // by date
  std::int64_t revision = 1;
  sys_seconds created_at{}, updated_at{};
};

}  // namespace fabrique::roadmaps
