// The conflict page's answers read back from a posted form.
#include "views/merge.hpp"

#include <gtest/gtest.h>

namespace fabrique::views {
namespace {

http::Form form(std::string_view encoded) { return *http::Form::parse(encoded); }

TEST(ReadMerge, AFormNotFromAConflictPageHasNoAnswer) {
  auto answer = read_merge(form("base_revision=3&intention=Texte"));
  EXPECT_TRUE(answer.empty());
  EXPECT_FALSE(answer.base_revision);
}

TEST(ReadMerge, EachFieldToSettleGetsItsChoiceItsOwnTextAndTheTextMergedByHand) {
  auto answer = read_merge(
      form("base_revision=5&merge_base=4&merge_field=impact&merge_mine_impact=Le+mien&merge_choice_impact=by_hand&"
           "impact=Les+deux&merge_field=vision&merge_mine_vision=V&merge_choice_vision=theirs"));
  ASSERT_EQ(answer.settlements.size(), 2u);
  EXPECT_EQ(answer.base_revision, 4);
  const auto& impact = answer.settlements.at("impact");
  EXPECT_EQ(impact.choice, text::Settlement::merge_by_hand);
  EXPECT_EQ(impact.mine, "Le mien");
  EXPECT_EQ(impact.by_hand, "Les deux");
  EXPECT_EQ(answer.settlements.at("vision").choice, text::Settlement::keep_theirs);
}

TEST(ReadMerge, NoChoiceOrAnUnknownOneLeavesTheFieldUnsettled) {
  auto answer = read_merge(form("merge_field=impact&merge_field=vision&merge_choice_vision=all"));
  EXPECT_EQ(answer.settlements.at("impact").choice, text::Settlement::unsettled);
  EXPECT_EQ(answer.settlements.at("vision").choice, text::Settlement::unsettled);
  EXPECT_FALSE(answer.base_revision);  // the caller falls back on base_revision
}

}  // namespace
}  // namespace fabrique::views
