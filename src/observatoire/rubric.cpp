// The rubric's one definition and the score computation.
#include "observatoire/rubric.hpp"

namespace fabrique::observatoire {

using i18n::N_;

namespace {

// "met": the criterion has no graded levels; its evidence earns all its points.
std::vector<LevelDef> met(int points) { return {{"met", N_("Published"), points}}; }

}  // namespace

const CriterionDef* Rubric::criterion(std::string_view id) const {
  for (const auto& c : criteria)
    if (id == c.id) return &c;
  return nullptr;
}

const Rubric& rubric() {
  static const Rubric kRubric{
      1,
      {
          {"O1",
           Axis::openness,
           N_("Listed in an inventory"),
           5,
           {{"web-page", N_("On a web page only"), 3}, {"open-data", N_("As open data"), 5}}},
          {"O2", Axis::openness, N_("Public body and contact published"), 4, met(4)},
          {"O3", Axis::openness, N_("Legal basis with a link"), 4, met(4)},
          {"O4",
           Axis::openness,
           N_("Source code published by the administration"),
           8,
           {{"current", N_("Current code published"), 8},
            {"partial", N_("Partial or outdated code"), 4},
            {"third-party", N_("Only obtained by a third party"), 2}}},
          {"O5", Axis::openness, N_("Open licence"), 3, met(3)},
          {"O6", Axis::openness, N_("Data categories and sources described"), 6, met(6)},
          {"O7",
           Axis::openness,
           N_("Impact assessment published"),
           6,
           {{"summary", N_("A summary"), 3}, {"full", N_("The full assessment"), 6}}},
          {"O8", Axis::openness, N_("Risks and mitigations"), 4, met(4)},
          {"O9", Axis::openness, N_("Supplier and contract"), 3, met(3)},
          {"O10", Axis::openness, N_("Evaluation or performance figures"), 4, met(4)},
          {"O11", Axis::openness, N_("Budget"), 3, met(3)},
          {"E1", Axis::explainability, N_("Plain-language summary"), 5, met(5)},
          {"E2", Axis::explainability, N_("Role in the decision and level of automation"), 6, met(6)},
          {"E3", Axis::explainability, N_("Explicit mention on notices and forms (specimen as evidence)"), 6, met(6)},
          {"E4", Axis::explainability, N_("Data used for an individual, with sources"), 5, met(5)},
          {"E5", Axis::explainability, N_("Parameters and weights (scale and formulas, or features and importance)"), 8,
           met(8)},
          {"E6", Axis::explainability, N_("Logic described (diagram, or at least 500 characters)"), 6, met(6)},
          {"E7", Axis::explainability, N_("Channel and deadline for an individual explanation on request"), 5, met(5)},
          {"E8", Axis::explainability, N_("Public simulator or test cases to reproduce one's own result"), 5, met(5)},
          {"E9", Axis::explainability, N_("Human review and appeal route described"), 4, met(4)},
      }};
  return kRubric;
}

Score compute_score(const Rubric& r, const std::vector<Evidence>& evidence) {
  Score s;
  s.rubric_version = r.version;
  for (const auto& c : r.criteria) {
    int points = 0;
    for (const auto& e : evidence) {
      if (e.criterion != c.id || e.url.empty()) continue;
      for (const auto& l : c.levels)
        if (e.level == l.key) points = l.points;
    }
    s.criteria.push_back({c.id, points});
    (c.axis == Axis::openness ? s.openness : s.explainability) += points;
  }
  return s;
}

Band band(int axis_points) {
  if (axis_points >= 35) return Band::open;
  if (axis_points >= 20) return Band::partial;
  return Band::opaque;
}

const char* band_key(Band b) {
  switch (b) {
    case Band::open:
      return "open";
    case Band::partial:
      return "partial";
    case Band::opaque:
      break;
  }
  return "opaque";
}

const char* band_label(Band b) {
  switch (b) {
    case Band::open:
      return N_("open");
    case Band::partial:
      return N_("partial");
    case Band::opaque:
      break;
  }
  return N_("opaque");
}

bool parse_band(std::string_view key, Band& out) {
  for (Band b : {Band::opaque, Band::partial, Band::open})
    if (key == band_key(b)) {
      out = b;
      return true;
    }
  return false;
}

}  // namespace fabrique::observatoire
