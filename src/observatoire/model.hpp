// The observatory of public algorithms: register entries written to the documented schema
// (REGISTERS.md section A, aligned with ATRS, the Dutch register and Etalab's guide), the evidence
// evaluators record for each criterion, the scores computed from it, contributions and replies.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"

namespace fabrique::observatoire {

using std::chrono::sys_seconds;

// The version of the entry schema written in every document and export.
inline constexpr const char* kSchemaVersion = "1";

// The groups of fields, in the order REGISTERS.md gives them.
struct GroupDef {
  const char* key;
  const char* title;  // English msgid
};
inline constexpr std::array<GroupDef, 4> kGroups = {{
    {"identification", i18n::N_("Identification")},
    {"purpose", i18n::N_("Purpose and decision")},
    {"data", i18n::N_("Data and technique")},
    {"risk", i18n::N_("Risk, cost, evaluation")},
}};

enum class Kind { text, longtext, url, contact, choice, month, date, siren, integer, cog };

struct ChoiceDef {
  const char* value;  // stored value (the standards' vocabulary)
  const char* label;  // English msgid
};

// One field of an entry. `key` is the name in the document, the exports and the form; the
// documentation (docs/observatoire.md) maps each to the standards' names.
struct FieldDef {
  const char* key = "";
  const char* group = "";
  const char* label = "";  // English msgid
  Kind kind = Kind::text;
  bool required = false;
  std::size_t max = 0;             // characters
  std::vector<ChoiceDef> choices;  // for Kind::choice
};

// Every scalar field of an entry, in display order. Lists (data sources, impact assessments) and
// the metadata (id, schema version, language, dates) are kept apart.
const std::vector<FieldDef>& fields();
const FieldDef* field(std::string_view key);
// The label of `value` among the choices of field `key`, as an English msgid (the value if unknown).
const char* choice_label(std::string_view key, std::string_view value);

struct DataSource {
  std::string name, description, origin, collection, url;
  bool operator==(const DataSource&) const = default;
};

struct ImpactAssessment {
  std::string type;                // dpia, fria, other
  std::string summary, url, date;  // date: yyyy-mm-dd
  bool operator==(const ImpactAssessment&) const = default;
};
inline constexpr std::array<ChoiceDef, 3> kAssessmentTypes = {{
    {"dpia", i18n::N_("Data protection impact assessment (DPIA)")},
    {"fria", i18n::N_("Fundamental rights impact assessment (FRIA)")},
    {"other", i18n::N_("Other assessment")},
}};

// Public evidence for one criterion of the rubric: what was found, where, and when it was checked.
struct Evidence {
  std::string criterion;   // O1…O11, E1…E9
  std::string level;       // a level key of the criterion
  std::string url;         // public, needs no login
  std::string checked_on;  // yyyy-mm-dd
  std::string note;
  bool to_verify = false;  // the source is secondary: "à vérifier"
  bool operator==(const Evidence&) const = default;
};

// What an entry says: everything an editor writes. Stored as one JSON document per revision.
struct Document {
  std::map<std::string, std::string> fields;
  std::vector<DataSource> data_sources;
  std::vector<ImpactAssessment> impact_assessments;
  std::vector<Evidence> evidence;

  std::string get(const std::string& key) const {
    auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
  }
  const Evidence* evidence_for(std::string_view criterion) const {
    for (const auto& e : evidence)
      if (e.criterion == criterion) return &e;
    return nullptr;
  }
  bool operator==(const Document&) const = default;
};

// The points of one criterion in a computed score.
struct CriterionPoints {
  std::string criterion;
  int points = 0;
  bool operator==(const CriterionPoints&) const = default;
};

enum class Axis { openness, explainability };
enum class Band { opaque, partial, open };

struct Score {
  int rubric_version = 0;
  int openness = 0;
  int explainability = 0;
  std::vector<CriterionPoints> criteria;  // every criterion of the rubric, in its order
  int total() const { return openness + explainability; }
  int points(std::string_view criterion) const {
    for (const auto& c : criteria)
      if (c.criterion == criterion) return c.points;
    return 0;
  }
};

struct Body {
  std::int64_t id = 0;
  std::string slug, name, siren;
  std::optional<std::int64_t> organisation_id;  // the organisation that speaks for it (right of reply)
  std::string organisation_name;
};

struct Entry {
  std::int64_t id = 0;
  std::string uuid, slug;
  std::int64_t revision = 0;
  sys_seconds published_at{}, updated_at{};
  Body body;
  Document doc;
  Score score;  // the latest score, with the rubric version it was computed with

  std::string name() const { return doc.get("name"); }
};

// The latest change of any of `entries`: every change to an entry is a new revision with its date.
inline std::optional<sys_seconds> last_change(const std::vector<Entry>& entries) {
  std::optional<sys_seconds> latest;
  for (const auto& e : entries)
    if (!latest || e.updated_at > *latest) latest = e.updated_at;
  return latest;
}

struct Revision {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string author;  // public name, or empty
  std::string source;
  std::string comment;
  std::optional<std::int64_t> merged_with;  // the revision saved meanwhile it was merged with
};

struct ScoreRecord {
  std::int64_t revision = 0;
  sys_seconds computed_at{};
  Score score;
};

// `correction`: a correction of the whole entry in one submission (issue #19), every field changed and
// every criterion's evidence given; `field` and `evidence`, one of them alone, as corrections were sent
// before.
enum class ContributionKind { entry, field, evidence, correction };
enum class ContributionStatus { pending, accepted, rejected };

// A member's proposal: a new entry, a correction of an entry, or (before) of one field or one
// criterion's evidence.
struct Contribution {
  std::int64_t id = 0;
  std::optional<std::int64_t> entry_id;
  std::string entry_slug, entry_name;
  ContributionKind kind = ContributionKind::field;
  std::string target;  // field key or criterion id; empty for a correction
  // JSON: a document, {"base_revision": n, "changes": {form field: value}} (a correction: what it
  // changes, named as form_fields names them), {"value": …} or an evidence object
  std::string proposal;
  std::string source;
  std::int64_t contributor_id = 0;
  std::string contributor_name;
  ContributionStatus status = ContributionStatus::pending;
  std::string reason;
  sys_seconds created_at{};
  std::optional<sys_seconds> decided_at;
};

// The public body's answer on an entry (right of reply).
struct Reply {
  std::int64_t id = 0;
  std::string organisation;
  std::string text;
  sys_seconds created_at{};
};

// A person who holds the observatory editors' role, given by an animateur.
struct Editor {
  std::int64_t user_id = 0;
  std::string name, email;
  sys_seconds granted_at{};
};

inline constexpr std::size_t kMaxSource = 500;
inline constexpr std::size_t kMaxNote = 1000;
inline constexpr std::size_t kMaxReason = 1000;
inline constexpr std::size_t kMaxReply = 5000;
inline constexpr std::size_t kMaxComment = 300;
inline constexpr std::size_t kMaxListItems = 20;

}  // namespace fabrique::observatoire
