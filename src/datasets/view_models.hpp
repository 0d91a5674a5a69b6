// What the register's pages show, read by each page's loader in one place and handed to its
// template (src/datasets/templates/): plain values, no database, no request.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "datasets/model.hpp"
#include "datasets/reuse_model.hpp"
#include "datasets/use_cases.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"
#include "views/merge.hpp"
#include "views/picker.hpp"

namespace fabrique::datasets {

// The register (/donnees) narrowed by its filters, loaded by pages::load_list().
struct ListPage {
  std::string q, theme, format, licence;  // the filters as chosen (empty: any)
  // ?producteur=: typed, never a list of every producer: its slug (what links carry) or words of its
  // name; the producer they name, or the error said next to the field when they name none.
  std::string producer_words;
  std::optional<views::Choice> producer;
  FieldErrors producer_errors;
  bool reused = false;                                 // only those reused
  std::map<std::int64_t, std::int64_t> reuse_counts;   // by dataset id (none: not reused)
  std::optional<territories::TerritoryRef> territory;  // the territory filtered on (and what lies within)
  std::string territory_words;                         // as typed in the filter
  std::vector<views::Option> themes, formats, licences;
  std::vector<Dataset> datasets;
  std::map<std::int64_t, std::vector<territories::TerritoryRef>> places;  // by dataset id
  std::string query_string;                                               // the filters, for the JSON and CSV links
  bool signed_in = false, animateur = false;
  std::int64_t total = 0, page = 1, pages = 1;  // how many match; the page shown, of how many
  std::string pager_base;                       // the list's address with its filters, ending in "page="
};

// A line of an entry's history.
struct HistoryLine {
  std::int64_t number = 0;
  std::chrono::sys_seconds created_at{};
  std::string author_name;
  std::int64_t merged_with = 0;
};

// An entry's page (/donnees/{slug}), loaded by pages::load_show().
struct ShowPage {
  Dataset dataset;
  std::vector<territories::TerritoryRef> territories;
  std::string licence_name, licence_url;
  const char* frequency = nullptr;  // msgid, or none
  std::vector<std::string> keywords;
  std::vector<HistoryLine> history;  // newest first
  std::vector<Reuse> reuses;         // who reuses it, for what, for whom
  bool editor = false;
  std::int64_t merged_with = 0;  // the save just made was merged with this revision
};

// A theme offered in the form, ticked or not.
struct ThemeChoice {
  std::string slug, label;
  bool checked = false;
};

// A distribution's fields in the form, numbered from 1 ("dist-1-url"…); the last row is blank.
struct DistributionRow {
  std::string n;
  DistributionInput value;
  bool blank = false;
};

// The form adding (`dataset` empty) or editing an entry, loaded by pages::render_form().
struct FormPage {
  const Dataset* dataset = nullptr;
  DatasetInput input;
  FieldErrors errors;
  // "producer": an animateur picks among every organisation (one exactly); anyone else chooses in a
  // select among their own organisations, bounded by their memberships (the picker left unnamed).
  views::Picker producer;
  std::vector<views::Option> producers, licences, frequencies;
  std::vector<ThemeChoice> themes;
  territories::Picker places;
  std::vector<DistributionRow> distributions;
  std::string csrf;
  bool conflict = false;       // saved meanwhile, nothing written
  views::Conflicts conflicts;  // the fields to settle, when there are
};

}  // namespace fabrique::datasets
