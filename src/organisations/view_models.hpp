// What the organisation pages show, read by each page's loader in one place and handed to its
// template (src/organisations/templates/): plain values, no database, no request.
#pragma once
#include <string>
#include <vector>

#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "organisations/model.hpp"
#include "organisations/use_cases.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"

namespace fabrique::organisations {

// The list of organisations (/organisations), loaded by pages::load_list().
struct ListPage {
  std::string kind;                   // the kind filtered on, empty for all
  territories::ListFilter territory;  // the territory filtered on (and what lies within)
  std::vector<views::Option> kinds;
  std::vector<Organisation> organisations;  // one page of them (kOrganisationsPerPage)
  std::int64_t total = 0, page = 1, pages = 1;
  std::string query_string, pager_base;  // the filters ("" or "?type=…"), kept by the pager
  bool signed_in = false, animateur = false;
};

// An organisation's page (/organisations/{slug}), loaded by pages::load_show().
struct ShowPage {
  Organisation organisation;
  std::vector<coalitions::Named> coalitions;  // one page of them (kCoalitionsPerPage)
  std::int64_t coalition_count = 0, page = 1, pages = 1;
  std::string pager_base;
  std::vector<std::string> named_members;  // the latest to join who show their name (kMembersNamed)
  std::int64_t members = 0;
  bool editor = false;
  html::Html follow;                                   // the follow button, for a signed-in person (src/follows/)
  std::vector<territories::TerritoryRef> territories;  // where it acts
};

// The form adding (`organisation` empty) or editing an organisation, loaded by pages::load_form().
struct FormPage {
  const Organisation* organisation = nullptr;  // the one edited, or none when adding
  OrganisationInput input;
  FieldErrors errors;
  std::vector<views::Option> kinds;
  territories::Picker places;
  std::string csrf;
};

}  // namespace fabrique::organisations
