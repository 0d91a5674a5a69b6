// What is placed on a territory or within it, kind by kind, as its page shows it: how many, the first
// few, and the list of that kind narrowed to the territory. The kinds are one table (placed.cpp):
// one line there adds a kind to every territory's page and its JSON.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace fabrique::territories {

struct Placed {
  std::string_view subject;  // as in territory_links (links.hpp)
  const char* heading;       // msgid: "Coalitions"
  const char* see_all;       // msgid: "See them all in the list of coalitions"
  std::string list;          // the list of that kind narrowed to the territory: /coalitions?territoire=29
  std::int64_t total = 0;    // placed on the territory or within it, that anyone may see
  struct Item {
    std::string name, url;
  };
  std::vector<Item> first;  // the first few, by name (events: the latest first)
};

// Every kind, those with nothing placed included, in the table's order.
std::vector<Placed> placed_within(storage::Connection& c, std::int64_t territory_id, std::string_view territory_key,
                                  std::int64_t first);

}  // namespace fabrique::territories
