// Three-way merge of fields: each rule of merge.hpp, and the booklet case of issue #19 that made it.
#include "text/merge.hpp"

#include <gtest/gtest.h>

namespace fabrique::text {
namespace {

using Strings = std::vector<std::string>;

TEST(MergeFields, AFieldOnlyIChangedIsTakenFromMine) {
  auto m = merge_fields({{"intention", "A"}}, {{"intention", "A"}}, {{"intention", "B"}});
  EXPECT_EQ(m.fields, (Fields{{"intention", "B"}}));
  EXPECT_TRUE(m.conflicts.empty());
}

TEST(MergeFields, AFieldOnlyTheyChangedIsTakenFromTheirsNeverFromMyStaleForm) {
  auto m = merge_fields({{"impact", ""}}, {{"impact", "Leur texte."}}, {{"impact", ""}});
  EXPECT_EQ(m.fields, (Fields{{"impact", "Leur texte."}}));
  EXPECT_TRUE(m.conflicts.empty());
}

// Issue #19: revision 5 wrote "impact", a form from revision 4 changed only "intention"; saving it
// brought back the empty "impact" of revision 4.
TEST(MergeFields, TwoPeopleChangingDifferentSectionsKeepBothTexts) {
  Fields base{{"intention", "Intention 4."}, {"impact", ""}, {"vision", "Vision."}};
  Fields theirs{{"intention", "Intention 4."}, {"impact", "Impact de A."}, {"vision", "Vision."}};
  Fields mine{{"intention", "Intention de B."}, {"impact", ""}, {"vision", "Vision."}};
  auto m = merge_fields(base, theirs, mine);
  EXPECT_EQ(m.fields, (Fields{{"intention", "Intention de B."}, {"impact", "Impact de A."}, {"vision", "Vision."}}));
  EXPECT_TRUE(m.conflicts.empty());
}

TEST(MergeFields, BothChangingAFieldDifferentlyIsAConflictLeftAtTheirs) {
  Fields base{{"impact", "Avant."}, {"vision", "V"}, {"leviers", "L"}};
  Fields theirs{{"impact", "Le leur."}, {"vision", "V2"}, {"leviers", "L"}};
  Fields mine{{"impact", "Le mien."}, {"vision", "V3"}, {"leviers", "L2"}};
  auto m = merge_fields(base, theirs, mine);
  EXPECT_EQ(m.conflicts, (Strings{"impact", "vision"}));  // in name order
  EXPECT_EQ(m.fields.at("impact"), "Le leur.");
  EXPECT_EQ(m.fields.at("vision"), "V2");
  EXPECT_EQ(m.fields.at("leviers"), "L2");
}

TEST(MergeFields, BothChangingAFieldToTheSameTextIsNoConflict) {
  auto m = merge_fields({{"impact", "Avant."}}, {{"impact", "Pareil."}}, {{"impact", "Pareil."}});
  EXPECT_EQ(m.fields, (Fields{{"impact", "Pareil."}}));
  EXPECT_TRUE(m.conflicts.empty());
}

TEST(MergeFields, AFieldNobodyTouchedKeepsItsText) {
  auto m = merge_fields({{"vision", "Même."}}, {{"vision", "Même."}}, {{"vision", "Même."}});
  EXPECT_EQ(m.fields, (Fields{{"vision", "Même."}}));
  EXPECT_TRUE(m.conflicts.empty());
}

TEST(MergeFields, MissingFieldsAreEmptyExceptInMineWhereTheyAreUnsent) {
  // Not in my form: left as they have it, even though base had another text.
  auto m = merge_fields({{"impact", "Avant."}}, {{"impact", "Après."}}, {});
  EXPECT_EQ(m.fields, (Fields{{"impact", "Après."}}));
  EXPECT_TRUE(m.conflicts.empty());
  // A section new in their revision (absent from base) that I also wrote differently.
  m = merge_fields({}, {{"impact", "Le leur."}}, {{"impact", "Le mien."}});
  EXPECT_EQ(m.conflicts, (Strings{"impact"}));
  // A section I emptied that they left alone: emptied.
  m = merge_fields({{"impact", "Avant."}}, {{"impact", "Avant."}}, {{"impact", ""}});
  EXPECT_EQ(m.fields, (Fields{{"impact", ""}}));
  // A section they emptied that I changed: a conflict, not a silent loss either way.
  m = merge_fields({{"impact", "Avant."}}, {}, {{"impact", "Le mien."}});
  EXPECT_EQ(m.conflicts, (Strings{"impact"}));
  EXPECT_EQ(m.fields.at("impact"), "");
}

TEST(SettledText, EachChoiceGivesItsText) {
  Settlement s{.choice = Settlement::unsettled, .mine = "Le mien.", .by_hand = "Les deux."};
  EXPECT_EQ(settled_text(s, "Le leur."), std::nullopt);
  s.choice = Settlement::keep_mine;
  EXPECT_EQ(settled_text(s, "Le leur."), "Le mien.");
  s.choice = Settlement::keep_theirs;
  EXPECT_EQ(settled_text(s, "Le leur."), "Le leur.");
  s.choice = Settlement::merge_by_hand;
  EXPECT_EQ(settled_text(s, "Le leur."), "Les deux.");
}

}  // namespace
}  // namespace fabrique::text
