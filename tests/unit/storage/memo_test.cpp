// Values kept past their bound: the ones used longest ago go first, so that a walk through many
// coalitions' pages does not take from every page the values they all share.
#include "storage/memo.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fabrique::storage {
namespace {

TEST(Memos, PastTheirBoundTheValuesUsedLongestAgoGoFirst) {
  Memos memos;
  Reads reads;
  int computed = 0;
  auto get = [&](const std::string& name) {
    return memos.get<std::string>(
        name, 1, nullptr, [&] { return ++computed, "value of " + name; }, reads);
  };
  const int bound = 1024;
  EXPECT_EQ(get("shared"), "value of shared");
  for (int i = 1; i < bound; ++i) get("one." + std::to_string(i));
  ASSERT_EQ(computed, bound);
  EXPECT_EQ(get("shared"), "value of shared");  // used again: "one.1" is now the one used longest ago
  EXPECT_EQ(computed, bound);

  get("one more");
  EXPECT_EQ(computed, bound + 1);
  get("shared");
  EXPECT_EQ(computed, bound + 1) << "the value used last was forgotten";
  get("one.2");
  EXPECT_EQ(computed, bound + 1) << "more than one value was forgotten";
  get("one.1");
  EXPECT_EQ(computed, bound + 2) << "the value used longest ago was kept";
}

}  // namespace
}  // namespace fabrique::storage
