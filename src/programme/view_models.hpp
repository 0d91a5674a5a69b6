// What the home page shows, read by its loader in one place and handed to its template
// (src/programme/templates/home.html).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "coalitions/view_models.hpp"
#include "programme/store.hpp"

namespace fabrique::programme {

// The home page (/), loaded by pages::load_home().
struct HomePage {
  struct Family {
    std::string label, slug;
    std::vector<coalitions::Coalition> coalitions;  // the first few
    std::int64_t total = 0;                         // all of the family's coalitions
  };
  std::vector<Family> families;
  std::int64_t per_family = 0;  // how many each family shows before "see all"
  store::Figures figures;
  bool signed_in = false;
};

}  // namespace fabrique::programme
