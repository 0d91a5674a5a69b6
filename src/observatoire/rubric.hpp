// The scoring rubric of the observatory (REGISTERS.md section A): openness O1–O11 and
// explainability E1–E9, 50 points each, as ONE versioned definition, and the computation of a
// score from recorded evidence. Nobody types a score: anyone can recompute it from the evidence.
#pragma once
#include <string_view>
#include <vector>

#include "observatoire/model.hpp"

namespace fabrique::observatoire {

struct LevelDef {
  const char* key;    // stored value
  const char* label;  // English msgid
  int points;
};

struct CriterionDef {
  const char* id;  // O1…O11, E1…E9
  Axis axis;
  const char* label;  // English msgid
  int max_points;
  std::vector<LevelDef> levels;  // at least one; a criterion without graded levels has "met"
};

struct Rubric {
  int version = 0;
  std::vector<CriterionDef> criteria;
  const CriterionDef* criterion(std::string_view id) const;
};

// The rubric in force. Changing any criterion, level or points means a new `version`: scores
// already computed keep the version (and the points) they were computed with.
const Rubric& rubric();

// The score of `evidence` under `r`: a criterion scores the points of its recorded level; evidence
// for an unknown criterion or level scores nothing (validation refuses it before it is stored).
Score compute_score(const Rubric& r, const std::vector<Evidence>& evidence);

// Bands per axis (out of 50): 0–19 opaque, 20–34 partial, 35–50 open.
Band band(int axis_points);
const char* band_key(Band b);    // "opaque", "partial", "open"
const char* band_label(Band b);  // English msgid
bool parse_band(std::string_view key, Band& out);

}  // namespace fabrique::observatoire
