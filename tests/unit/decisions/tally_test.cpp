// Counting a decision's answers: consent positions, votes per option, and the instant run-off.
#include "decisions/tally.hpp"

#include <gtest/gtest.h>

namespace fabrique::decisions {
namespace {

const std::vector<Option> kOptions = {{10, 1, "A"}, {20, 2, "B"}, {30, 3, "C"}};

Answer ballot(std::vector<std::int64_t> ranked) {
  Answer a;
  std::int64_t rank = 0;
  for (auto id : ranked) a.choices.push_back({id, ++rank});
  return a;
}

TEST(Tally, ConsentCountsEachPositionInTheOrderOfThePositions) {
  std::vector<Answer> answers(4);
  answers[0].position = "agree";
  answers[1].position = "block";
  answers[2].position = "agree";
  answers[3].position = "disagree";
  EXPECT_EQ(consent_counts(answers), (std::vector<std::int64_t>{2, 0, 1, 1}));
}

TEST(Tally, OptionCountsCountEveryOptionChosen) {
  std::vector<Answer> answers = {ballot({10, 20}), ballot({20}), ballot({})};
  EXPECT_EQ(option_counts(kOptions, answers), (std::vector<std::int64_t>{1, 2, 0}));
}

TEST(Tally, AMajorityOfFirstChoicesWinsInTheFirstRound) {
  auto r = instant_runoff(kOptions, {ballot({10}), ballot({10, 20}), ballot({30})});
  ASSERT_EQ(r.rounds.size(), 1u);
  EXPECT_EQ(r.winner, 0u);
  EXPECT_EQ(r.rounds[0][0], 2);
}

TEST(Tally, TheLastOptionIsEliminatedAndItsBallotsGoToTheirNextChoice) {
  // A, B and C have one first choice each: C (written last) goes, its ballot moves to B, which wins.
  auto r = instant_runoff(kOptions, {ballot({10, 20}), ballot({20, 10}), ballot({30, 20})});
  ASSERT_EQ(r.rounds.size(), 2u);
  EXPECT_EQ(r.eliminated[0], 2u);
  EXPECT_FALSE(r.rounds[1][2].has_value());
  EXPECT_EQ(r.rounds[1][1], 2);
  EXPECT_EQ(r.winner, 1u);
}

TEST(Tally, ABallotWithNoOptionLeftIsExhausted) {
  auto r = instant_runoff(kOptions, {ballot({10}), ballot({20}), ballot({30}), ballot({10})});
  // Round 1: A 2 of 4, no majority; C goes; its ballot is exhausted; round 2: A 2 of 3 wins.
  ASSERT_EQ(r.rounds.size(), 2u);
  EXPECT_EQ(r.exhausted[1], 1);
  EXPECT_EQ(r.winner, 0u);
}

TEST(Tally, NoBallotNoRoundAndNoWinner) {
  auto r = instant_runoff(kOptions, {});
  EXPECT_TRUE(r.rounds.empty());
  EXPECT_FALSE(r.winner.has_value());
}

}  // namespace
}  // namespace fabrique::decisions
