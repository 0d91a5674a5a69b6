// What the observatory pages show, read by each page's loader in one place and handed to its
// template (src/observatoire/templates/): plain values, no database, no request.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/body_filter.hpp"
#include "observatoire/model.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/merge.hpp"
#include "views/picker.hpp"

namespace fabrique::observatoire {

// Blank rows offered under the existing items of a list of the entry form.
inline constexpr std::size_t kBlankRows = 2;

// The scoreboard (/observatoire), loaded by pages::load_list().
struct ListPage {
  // The filters chosen, empty when unknown or none; `sort` is "nom" when none was chosen.
  BodyFilter body;  // ?organisme=: a slug, a SIREN or words of its name
  std::string theme, status, category, openness, explainability, sort;
  std::vector<fabrique::views::Option> themes, statuses, categories, bands, sorts;
  territories::ListFilter territory;            // ?territoire=: placed within it, or of its public bodies
  std::vector<Entry> entries;                   // the page shown of those the filters keep, in the order chosen
  std::int64_t total = 0, page = 1, pages = 1;  // how many the filters keep; the page shown, of how many
  std::string query_string;                     // "?organisme=…&theme=…": the filters chosen
  std::string pager_base;                       // the list's address with its filters, ending in "page="
  std::map<std::int64_t, std::vector<territories::TerritoryRef>> places;  // by entry id
  bool signed_in = false;                                                 // sees their contributions
  bool editor = false;                                                    // sees the contributions to moderate instead
  bool animateur = false;                                                 // chooses the editors
};

// An entry's page (/observatoire/{slug}), loaded by pages::load_show().
struct ShowPage {
  Entry entry;
  bool editor = false;     // may edit the entry
  bool to_verify = false;  // some of its evidence comes from secondary sources
  std::vector<Reply> replies;
  // The answer form, for a member of the organisation that speaks for the public body.
  bool may_reply = false;
  std::string reply;  // a refused answer, as typed
  FieldErrors reply_errors;
  std::vector<territories::TerritoryRef> territories;  // where it is placed
};

// An entry's history (/observatoire/{slug}/historique), loaded by pages::load_history().
struct HistoryPage {
  Entry entry;
  std::string title;                // "History of “…”", translated
  std::vector<ScoreRecord> scores;  // oldest first
  std::vector<Revision> revisions;  // newest first
  html::Html chart;                 // the total score over time, drawn by the charts module
};

// Evidence where it is asked in the entry form (issue #19): what was offered from the entry's own
// fields, and the score the form would get, shown when the person asked for a preview.
struct EvidenceForm {
  // The criteria whose evidence the page filled from the entry's own fields, for the person to confirm.
  std::vector<std::string> filled;
  // For each criterion offered evidence, the address offered: sent back with the form, so that one the
  // person cleared is not offered again.
  std::map<std::string, std::string> offers;
  bool preview = false;  // the person asked for the score before sending
  Score score;           // the preview's
  struct Row {
    std::string id, label;  // label translated
    int points = 0, max_points = 0;
    std::string why;  // translated: the level and address that earn the points, or why none
  };
  std::vector<Row> rows;  // every criterion, in the rubric's order
  bool was_filled(std::string_view criterion) const {
    for (const auto& c : filled)
      if (c == criterion) return true;
    return false;
  }
};

// The form that publishes or proposes an entry (/observatoire/nouvelle), loaded by pages::load_new().
struct NewEntryPage {
  std::string title;    // "Publish an entry" or "Propose an entry", translated
  bool editor = false;  // publishes, with the evidence of the score; a member proposes
  Document doc;         // as typed
  std::string source;
  FieldErrors errors;
  territories::Picker places;  // editors place the entry on territories
  EvidenceForm evidence;
};

// The form that edits an entry (/observatoire/{slug}/modifier), loaded by pages::load_edit().
struct EditPage {
  Entry entry;
  std::string title;               // "Edit “…”", translated
  Document doc;                    // as saved, or as typed when it was refused
  std::int64_t base_revision = 0;  // the revision the form started from
  std::string source, comment;
  bool conflict = false;  // someone saved the entry meanwhile
  // The fields both that save and this form changed, drawn side by side to settle.
  fabrique::views::Conflicts conflicts;
  FieldErrors errors;
  territories::Picker places;
  EvidenceForm evidence;
};

// A public body's page (/observatoire/organismes/{slug}), loaded by pages::load_body().
struct BodyPage {
  Body body;
  std::vector<Entry> entries;
  std::string openness_average, explainability_average;  // "38.0/50", when there are entries
  std::array<std::array<int, 3>, 2> bands{};             // the number of entries per [axis][band]
  html::Html chart;                                      // the same counts, drawn by the charts module
  // For editors: which organisation of the site speaks for the body.
  bool editor = false;
  fabrique::views::Picker organisation;  // the picker of "organisation": the one that speaks for it, one at most
  FieldErrors errors;                    // a refused choice
};

// The page where animateurs choose the editors (/observatoire/editeurs), loaded by pages::load_editors().
struct EditorsPage {
  std::vector<Editor> editors;
  std::string email;  // a refused e-mail address, as typed
  FieldErrors errors;
};

// The form that proposes a correction of an entry (/observatoire/{slug}/proposer), the whole entry as
// in the entry form, loaded by pages::load_correction().
struct CorrectionPage {
  Entry entry;
  std::string title;               // "Propose a correction to “…”", translated
  Document doc;                    // the entry as it is, or as typed
  std::int64_t base_revision = 0;  // the revision the form was drawn from
  std::string source;
  FieldErrors errors;
  EvidenceForm evidence;  // evidence offered from the entry's own fields, and the preview of its score
};

// The contributions a person sees (/observatoire/contributions), loaded by pages::load_contributions():
// for editors those waiting for moderation, for members their own.
struct ContributionsPage {
  std::string title;  // "Contributions to moderate" or "My contributions", translated
  bool sent = false;  // the person just sent one
  std::vector<Contribution> contributions;
};

// One contribution (/observatoire/contributions/{id}), loaded by pages::load_contribution().
struct ContributionPage {
  Contribution contribution;
  std::string title;  // "Contribution 12", translated
  // The proposal as the contributor wrote it, label by label (labels translated); not shown when
  // its text could not be read.
  struct Row {
    std::string label, value;
  };
  std::vector<Row> proposal;
  bool proposal_read = true;
  // The moderation forms, for an editor while the contribution waits.
  bool moderate = false;
  Correction shown;  // in the accept form: as proposed, or as the editor corrected it when refused
  // A proposed entry's evidence, reviewed criterion by criterion in the accept form, and the score
  // the entry gets if all of it is accepted.
  struct ReviewItem {
    Evidence evidence;
    std::string label;  // "O3 — Legal basis with a link", translated
    std::string level;  // the level's label, translated ("" for a criterion without levels)
    bool accepted = true;
  };
  std::vector<ReviewItem> review;
  // A correction's pieces, each accepted or not in the same review: a field, a criterion's evidence,
  // a list; with the entry's value now and the one proposed, part by part.
  struct ChangeItem {
    std::string key;    // correction_item(): the decision's name is "review_" + key
    std::string label;  // translated
    struct Part {
      std::string label, now, proposed;  // translated labels; values as shown
    };
    std::vector<Part> parts;
    bool accepted = true;
  };
  std::vector<ChangeItem> changes;
  Score current_score;  // a correction: the entry's score now (proposed_score: with all of it accepted)
  Score proposed_score;
  std::string review_reason;  // as typed, when the review was refused
  FieldErrors accept_errors, reject_errors;
  std::string reason;  // a refused rejection's reason, as typed
};

// What the observatory templates call to show a value.
namespace views {
// "27/50 — partial"
std::string axis_text(const i18n::Translator& t, int points);
// The label of a choice value in the page's language ("" stays "").
std::string choice_text(const i18n::Translator& t, std::string_view key, std::string_view value);
// The criterion label of the current rubric in the page's language, or the id.
std::string criterion_label(const i18n::Translator& t, std::string_view id);
// Choices as the options of a select, their labels translated.
std::vector<fabrique::views::Option> choice_options(const i18n::Translator& t, const std::vector<ChoiceDef>& choices);
// The levels of a criterion as the options of a select: "partial (4 points)".
std::vector<fabrique::views::Option> level_options(const i18n::Translator& t, const CriterionDef& c);
// The levels of every criterion that has levels, as the options of a select: "O4 — partial".
std::vector<fabrique::views::Option> criteria_level_options(const i18n::Translator& t);
// What a contribution is about: "New entry “…”", a criterion or a field, translated.
std::string contribution_subject(const i18n::Translator& t, const Contribution& k);
// The msgid of a contribution's status ("waiting for moderation"…).
const char* status_label(ContributionStatus s);
// The level of `e` as its criterion names it, translated ("" for a criterion without levels).
std::string level_text(const i18n::Translator& t, const Evidence& e);
// The label of the field of the entry a criterion's evidence was offered from, translated.
std::string offer_source(const i18n::Translator& t, const Document& doc, std::string_view criterion);
// The label of a field of the entry form (form_fields.hpp) as the conflict page names it, translated:
// "Purpose", "Data source 2 — Web address", "Criterion O4 — Level".
std::string form_field_label(const i18n::Translator& t, std::string_view name);
// For a field of the entry form chosen from a list, `value` as the list shows it ("" shows as "");
// nothing for a field typed as text.
std::optional<std::string> form_field_choice(const i18n::Translator& t, std::string_view name, std::string_view value);
// The indices of the rows of a list of the entry form: those filled, then blank ones, up to the limit.
std::vector<std::size_t> form_rows(std::size_t filled);
}  // namespace views

}  // namespace fabrique::observatoire
