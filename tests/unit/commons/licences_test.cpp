// The fixed lists of the commons: licences (CC BY 4.0 first, SPDX identifiers), kinds and outcomes.
#include <gtest/gtest.h>

#include <set>

#include "commons/model.hpp"

namespace fabrique::commons {
namespace {

TEST(Licences, CcBy4IsTheDefaultAndEveryIdentifierIsUnique) {
  EXPECT_STREQ(kLicences.front().id, kDefaultLicence);
  std::set<std::string> ids;
  for (const auto& l : kLicences) {
    EXPECT_TRUE(ids.insert(l.id).second) << l.id;
    EXPECT_TRUE(std::string(l.url).starts_with("https://")) << l.id;
  }
  EXPECT_NE(licence("MIT"), nullptr);
  EXPECT_NE(licence("CC0-1.0"), nullptr);
  EXPECT_EQ(licence("cc-by-4.0"), nullptr);  // identifiers are exact
  EXPECT_EQ(licence(""), nullptr);
}

TEST(Lists, KindsOutcomesAndCharterSectionsAreKnown) {
  EXPECT_NE(kind("jeu-de-donnees"), nullptr);
  EXPECT_EQ(kind("executable"), nullptr);
  EXPECT_NE(outcome("mitige"), nullptr);
  EXPECT_EQ(outcome("peut-etre"), nullptr);
  EXPECT_TRUE(is_charter_section("rituels"));
  EXPECT_FALSE(is_charter_section("preambule"));
}

}  // namespace
}  // namespace fabrique::commons
