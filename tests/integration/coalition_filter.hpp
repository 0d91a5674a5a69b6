// The coalition filter every list shares (coalitions/filter.hpp), as a visitor uses it: typing the
// coalition's address, its number or words of its title, or words naming none.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include "integration/site.hpp"

namespace fabrique::test {

struct FilteredList {
  std::string list;    // "/evenements"
  std::string slug;    // the coalition's
  std::string number;  // "8.a"
  std::string words;   // words of its title as a person types them, accents aside: "communs numeriques"
  std::string listed;  // what the list shows only when narrowed to that coalition (or unfiltered)
};

// Checks `l.list` filtered by slug, by number and by words (the thing listed, the coalition named and
// linked), and by words naming no coalition (200, the message next to the field, an empty list);
// the filter is a search field, the page holds no option naming a coalition.
inline void expect_coalition_filter(Browser& b, const FilteredList& l) {
  auto encoded = [](std::string s) {
    for (std::size_t at = s.find(' '); at != std::string::npos; at = s.find(' ')) s.replace(at, 1, "%20");
    return s;
  };
  const std::string named = R"( — <a href="/coalitions/)" + l.slug + R"(">coalition )" + l.number + " · ";
  for (const std::string& typed : {l.slug, l.number, l.words}) {
    auto r = b.get(l.list + "?coalition=" + encoded(typed));
    SCOPED_TRACE(l.list + "?coalition=" + typed);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find(l.listed), std::string::npos) << r.body;
    EXPECT_NE(r.body.find(named), std::string::npos) << r.body;
    EXPECT_NE(r.body.find(R"(<input type="search" id="f-coalition" name="coalition" value=")"), std::string::npos);
    EXPECT_EQ(r.body.find(R"(<option value=")" + l.slug), std::string::npos);
    EXPECT_LT(count_of(r.body, "<option"), 40u) << "the other filters' choices only (licences: 32)";
  }
  auto none = b.get(l.list + "?coalition=" + encoded("zzz introuvable"));
  SCOPED_TRACE(l.list + "?coalition=zzz introuvable");
  EXPECT_EQ(none.status, 200);
  EXPECT_EQ(none.body.find(l.listed), std::string::npos) << none.body;
  EXPECT_NE(none.body.find("aucune coalition ne correspond à « zzz introuvable »"), std::string::npos) << none.body;
  EXPECT_NE(none.body.find(R"(<p class="error" id="f-coalition-error">)"), std::string::npos) << none.body;
  EXPECT_NE(none.body.find(R"(value="zzz introuvable")"), std::string::npos);
}

}  // namespace fabrique::test
