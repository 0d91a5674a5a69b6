// The actors × levers matrix and its diversity figure, on fixed fixtures.
#include "roadmaps/matrix.hpp"

#include <gtest/gtest.h>

namespace fabrique::roadmaps {
namespace {

const std::vector<KindDef> kKinds = {{1, "entreprise", "Entreprise"},
                                     {4, "association", "Association non-tech"},
                                     {5, "collectivite", "Collectivité / territoire"},
                                     {7, "recherche", "Recherche / enseignement"}};

ActorRecord record(std::int64_t org, std::int64_t kind, Involvement how, bool c, bool o, bool u) {
  return {org, "o" + std::to_string(org), "Org " + std::to_string(org), kind, how, {c, o, u}};
}

TEST(GiniSimpson, IsZeroForNobodyAndForASingleKind) {
  EXPECT_DOUBLE_EQ(gini_simpson({}), 0);
  EXPECT_DOUBLE_EQ(gini_simpson({5}), 0);
}

TEST(GiniSimpson, IsOneMinusTheSumOfSquaredShares) {
  EXPECT_DOUBLE_EQ(gini_simpson({1, 1}), 0.5);
  EXPECT_DOUBLE_EQ(gini_simpson({1, 1, 1, 1}), 0.75);
  // Shares 2/4, 1/4, 1/4: 1 − (0.25 + 0.0625 + 0.0625).
  EXPECT_DOUBLE_EQ(gini_simpson({2, 1, 1}), 0.625);
}

TEST(Matrix, PlacesEachOrganisationOnItsLeversUnderItsKind) {
  auto m = build_matrix(kKinds, {record(10, 5, Involvement::co_porteur, true, false, true),
                                 record(11, 1, Involvement::interesse, false, true, false)});
  ASSERT_EQ(m.rows.size(), 4u);
  const auto& collectivite = m.rows[2];
  EXPECT_EQ(collectivite.kind.slug, "collectivite");
  ASSERT_EQ(collectivite.by_lever[0].size(), 1u);
  EXPECT_EQ(collectivite.by_lever[0][0].name, "Org 10");
  EXPECT_TRUE(collectivite.by_lever[1].empty());
  EXPECT_EQ(collectivite.by_lever[2].size(), 1u);
  EXPECT_EQ(m.rows[0].by_lever[1][0].name, "Org 11");
  EXPECT_EQ(m.lever_covered, (std::array<bool, 3>{true, true, true}));
}

TEST(Matrix, ListsTheMissingKindsAndTheLeverWithoutActor) {
  auto m = build_matrix(kKinds, {record(10, 5, Involvement::co_porteur, true, false, false),
                                 record(11, 1, Involvement::membre, true, false, false)});
  ASSERT_EQ(m.missing_kinds.size(), 2u);
  EXPECT_EQ(m.missing_kinds[0].slug, "association");
  EXPECT_EQ(m.missing_kinds[1].slug, "recherche");
  EXPECT_EQ(m.lever_covered, (std::array<bool, 3>{true, false, false}));
}

TEST(Matrix, MergesTheRecordsOfOneOrganisationKeepingItsStrongestRoleAndEveryLever) {
  auto m = build_matrix(kKinds, {record(10, 5, Involvement::interesse, true, false, false),
                                 record(10, 5, Involvement::co_porteur, false, false, false),
                                 record(10, 5, Involvement::porteur_action, false, true, false)});
  EXPECT_EQ(m.organisations, 1);
  EXPECT_EQ(m.rows[2].count, 1);
  ASSERT_EQ(m.rows[2].by_lever[1].size(), 1u);
  EXPECT_EQ(m.rows[2].by_lever[1][0].involvement, Involvement::co_porteur);
  EXPECT_EQ(m.rows[2].by_lever[0][0].levers, (std::array<bool, 3>{true, true, false}));
}

TEST(Matrix, AnOrganisationWithoutLeverIsPresentButOnNoLever) {
  auto m = build_matrix(kKinds, {record(12, 7, Involvement::membre, false, false, false)});
  EXPECT_TRUE(m.rows[3].present());
  EXPECT_EQ(m.rows[3].without_lever.size(), 1u);
  EXPECT_EQ(m.lever_covered, (std::array<bool, 3>{false, false, false}));
}

TEST(Matrix, DiversityCountsDistinctOrganisationsPerKind) {
  // Two collectivités, one entreprise, one laboratory: shares 2/4, 1/4, 1/4 → 0.625, three kinds.
  auto m = build_matrix(
      kKinds,
      {record(1, 5, Involvement::membre, true, false, false), record(2, 5, Involvement::membre, true, false, false),
       record(2, 5, Involvement::interesse, false, true, false), record(3, 1, Involvement::membre, false, true, false),
       record(4, 7, Involvement::interesse, false, false, true)});
  EXPECT_EQ(m.organisations, 4);
  EXPECT_EQ(m.distinct_kinds, 3);
  EXPECT_DOUBLE_EQ(m.diversity, 0.625);
}

TEST(Matrix, AnEmptyCoalitionHasEveryKindMissingAndNoDiversity) {
  auto m = build_matrix(kKinds, {});
  EXPECT_EQ(m.missing_kinds.size(), 4u);
  EXPECT_EQ(m.distinct_kinds, 0);
  EXPECT_DOUBLE_EQ(m.diversity, 0);
}

}  // namespace
}  // namespace fabrique::roadmaps
