// Counting answers (see tally.hpp).
#include "decisions/tally.hpp"

#include <algorithm>

namespace fabrique::decisions {

std::vector<std::int64_t> consent_counts(const std::vector<Answer>& answers) {
  std::vector<std::int64_t> out(std::size(kPositions), 0);
  for (const auto& a : answers)
    for (std::size_t i = 0; i < std::size(kPositions); ++i)
      if (a.position == kPositions[i].key) ++out[i];
  return out;
}

std::vector<std::int64_t> option_counts(const std::vector<Option>& options, const std::vector<Answer>& answers) {
  std::vector<std::int64_t> out(options.size(), 0);
  for (const auto& a : answers)
    for (const auto& c : a.choices)
      for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].id == c.option_id) ++out[i];
  return out;
}

Runoff instant_runoff(const std::vector<Option>& options, const std::vector<Answer>& answers) {
  Runoff out;
  const std::size_t n = options.size();
  // Each ballot as option indexes in rank order.
  std::vector<std::vector<std::size_t>> ballots;
  for (const auto& a : answers) {
    std::vector<Choice> ranked = a.choices;
    std::stable_sort(ranked.begin(), ranked.end(), [](const Choice& x, const Choice& y) { return x.rank < y.rank; });
    std::vector<std::size_t> ballot;
    for (const auto& c : ranked)
      for (std::size_t i = 0; i < n; ++i)
        if (options[i].id == c.option_id) ballot.push_back(i);
    if (!ballot.empty()) ballots.push_back(std::move(ballot));
  }
  if (ballots.empty() || n == 0) return out;
  std::vector<bool> standing(n, true);
  for (std::size_t left = n; left > 0; --left) {
    std::vector<std::int64_t> votes(n, 0);
    std::int64_t exhausted = 0, counted = 0;
    for (const auto& b : ballots) {
      auto top = std::find_if(b.begin(), b.end(), [&](std::size_t i) { return standing[i]; });
      if (top == b.end()) {
        ++exhausted;
      } else {
        ++votes[*top];
        ++counted;
      }
    }
    std::vector<std::optional<std::int64_t>> round(n);
    for (std::size_t i = 0; i < n; ++i)
      if (standing[i]) round[i] = votes[i];
    out.rounds.push_back(round);
    out.exhausted.push_back(exhausted);
    // The leader wins with a majority of the ballots still counted, or as the last one standing.
    std::optional<std::size_t> leader, last;
    for (std::size_t i = 0; i < n; ++i) {
      if (!standing[i]) continue;
      if (!leader || votes[i] > votes[*leader]) leader = i;
      if (!last || votes[i] <= votes[*last]) last = i;  // the fewest; on a tie, the one written last
    }
    if (left == 1 || (counted > 0 && 2 * votes[*leader] > counted)) {
      out.eliminated.push_back(std::nullopt);
      out.winner = leader;
      return out;
    }
    out.eliminated.push_back(last);
    standing[*last] = false;
  }
  return out;
}

}  // namespace fabrique::decisions
