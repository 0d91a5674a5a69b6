// What the data requests' pages show, read by each page's loader (request_pages.cpp) and handed to
// its template (templates/requests.html, request.html, ask.html): plain values, no database.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "datasets/request_model.hpp"
#include "datasets/view_models.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"

namespace fabrique::datasets {

// The requests (/donnees/demandes) narrowed by their filters.
struct RequestListPage {
  std::string q, theme, status;       // the filters as chosen (empty: any)
  territories::ListFilter territory;  // ?territoire=
  bool mine = false;                  // ?pour=mon-organisation
  std::vector<views::Option> themes, statuses;
  std::vector<DataRequest> requests;
  std::map<std::int64_t, std::vector<territories::TerritoryRef>> places;  // by request id
  std::int64_t total = 0, page = 1, pages = 1;
  std::string pager_base;                    // the list with its filters, up to the page number
  std::string query_string;                  // the filters, for the JSON and CSV links
  bool signed_in = false, producer = false;  // producer: belongs to an organisation that produces datasets
};

// One request (/donnees/demandes/{id}), its "me too" and, for its producers, the answer's form.
struct RequestPage {
  DataRequest request;
  std::vector<territories::TerritoryRef> territories;
  std::vector<Support> supports;
  bool signed_in = false, own = false, supported = false, can_answer = false;
  std::string support_purpose;  // the person's "me too" as saved or as typed
  AnswerInput answer;           // the answer's form
  std::vector<views::Option> statuses, datasets;
  FieldErrors errors;
  std::string csrf;
};

// The form that asks for data.
struct AskPage {
  RequestInput input;
  FieldErrors errors;
  std::vector<ThemeChoice> themes;
  territories::Picker places;
  std::string csrf;
};

}  // namespace fabrique::datasets
