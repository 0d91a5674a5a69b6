// What the territories' templates show, loaded by pages.cpp.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "observatoire/model.hpp"
#include "territories/model.hpp"
#include "territories/placed.hpp"
#include "views/html.hpp"

namespace fabrique::territories {

// /territoires: the search form and its results, then the régions.
struct ListPage {
  std::string query;
  bool searched = false;
  std::vector<TerritoryRef> results;
  std::vector<TerritoryRef> regions;
};

// /territoires/{key}: the territory, where it lies, what lies in it, and what is placed there.
struct ShowPage {
  Territory territory;
  std::vector<TerritoryRef> parents;
  struct Children {
    Level level;
    std::int64_t total = 0;
    std::vector<TerritoryRef> items;  // one page
    html::Html pager;
  };
  std::vector<Children> children;
  std::vector<observatoire::Entry> algorithms;  // observatory entries of its public bodies (by SIREN)
  std::vector<Placed> placed;                   // per kind, what is placed here or within (placed.hpp)
};

}  // namespace fabrique::territories
