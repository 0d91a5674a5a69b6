// The demo programme: loads into a new database the coalitions, organisations, booklets and demo
// accounts of the #Reset programme (2019–2022), through the same use cases as the site.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace fabrique::demo {

// Every demo account shares this password; `fabrique demo load` prints it with the e-mails, so it
// is public by design: the demo is for looking around, never for a site with real members.
inline constexpr const char* kPassword = "demo-fabrique-2021";
inline constexpr const char* kAnimateurEmail = "animateur@demo.fabrique";

// The database already holds a programme (or a demo account): nothing was written.
class AlreadyLoaded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Account {
  std::string email;
  std::string name;
  std::string organisation;
  bool animateur = false;
};

// What was loaded, for the command to print.
struct Summary {
  std::vector<Account> accounts;  // the animateur first
  std::int64_t organisations = 0, families = 0, cohorts = 0, coalitions = 0, stage_changes = 0, revisions = 0,
               co_porteurs = 0, declarations = 0;
};

// Loads the demo programme, one use case (one transaction) at a time, with the historical dates of
// the source as the use cases' `now`. Throws AlreadyLoaded, having written nothing, when the
// database already has coalitions or a demo account, so that a second load never duplicates.
// The schema must be current.
Summary load(storage::Connection& c);

}  // namespace fabrique::demo
