// Counting the answers of a decision: positions for a consent, votes per option for a choice, and an
// instant run-off for a ranked choice. Pure functions, no storage.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "decisions/model.hpp"

namespace fabrique::decisions {

// How many answers hold each consent position, in the order of kPositions.
std::vector<std::int64_t> consent_counts(const std::vector<Answer>& answers);

// How many answers chose each option (a ranked ballot counts each option it ranks), in the order of
// `options`.
std::vector<std::int64_t> option_counts(const std::vector<Option>& options, const std::vector<Answer>& answers);

// An instant run-off: each round counts every ballot for its highest-ranked option still standing;
// an option holding more than half of the ballots still counted wins, else the option with the
// fewest votes is eliminated (on a tie, the one written last by the opener) and the next round is
// counted. A ballot whose options are all eliminated is exhausted.
struct Runoff {
  // rounds[r][i]: votes of options[i] in round r; nullopt once it is eliminated.
  std::vector<std::vector<std::optional<std::int64_t>>> rounds;
  std::vector<std::int64_t> exhausted;                 // per round
  std::vector<std::optional<std::size_t>> eliminated;  // per round: the option (index) eliminated after it
  std::optional<std::size_t> winner;                   // index in options; none without ballots
};
Runoff instant_runoff(const std::vector<Option>& options, const std::vector<Answer>& answers);

}  // namespace fabrique::decisions
