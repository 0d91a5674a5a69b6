// What the reuses' pages show, read by each page's loader (reuse_pages.cpp) and handed to its
// template (templates/reuses.html): plain values, no database, no request.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "charts/charts.hpp"
#include "common/errors.hpp"
#include "datasets/model.hpp"
#include "datasets/reuse_model.hpp"
#include "datasets/reuse_use_cases.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"
#include "views/picker.hpp"

namespace fabrique::datasets {

// A code offered as a box to tick, ticked or not; its label already translated.
struct CodeChoice {
  std::string code, label;
  bool checked = false;
};

// The reuses (/donnees/reutilisations) narrowed by their filters.
struct ReuseListPage {
  std::string kind, audience, dataset;                 // the filters as chosen (empty: any; dataset: its slug)
  std::string dataset_words, dataset_title;            // the dataset filter as typed; the dataset it names
  FieldErrors errors;                                  // words naming no dataset
  std::optional<territories::TerritoryRef> territory;  // the territory filtered on
  std::string territory_words;                         // as typed in the filter
  std::vector<views::Option> kinds, audiences;
  std::vector<Reuse> reuses;
  std::string query_string;  // the filters, for the JSON and CSV links
  bool signed_in = false;
  std::int64_t total = 0, page = 1, pages = 1;  // how many match; the page shown, of how many
  std::string pager_base;                       // the list's address with its filters, ending in "page="
};

// A reuse's page (/donnees/reutilisations/{id}).
struct ReuseShowPage {
  Reuse reuse;
  std::vector<territories::TerritoryRef> territories;
  std::vector<ReuseAnswer> answers;
  bool editor = false;
  // The producers the person may answer for, and the answer form (its text kept on an error).
  std::vector<views::Option> answering_for;
  std::string answer_organisation, answer_body;
  FieldErrors errors;
  std::string csrf;
};

// The form declaring (`id` 0) or editing a reuse.
struct ReuseFormPage {
  std::int64_t id = 0;
  ReuseInput input;
  FieldErrors errors;
  std::vector<views::Option> kinds;
  std::vector<CodeChoice> purposes, audiences;
  views::Picker datasets;
  territories::Picker places;
  std::string csrf;
};

// A row of a count table beside its chart.
struct CountRow {
  std::string label;
  std::int64_t count = 0;
};

// A producer's data (/organisations/{slug}/donnees): its datasets, and their reuses by kind, by
// audience and per quarter, each a chart with its table.
struct ProducerPage {
  std::string slug, name;
  std::vector<Dataset> datasets;
  std::map<std::int64_t, std::int64_t> reuse_counts;  // by dataset id
  std::int64_t reuses = 0;
  std::vector<CountRow> by_kind, by_audience, by_quarter;
  html::Html kind_chart, audience_chart, quarter_chart;
};

}  // namespace fabrique::datasets
