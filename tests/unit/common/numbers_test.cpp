// Strict reading of numbers from forms: the whole field, finite, within its range.
#include "common/numbers.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace fabrique::numbers {
namespace {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

TEST(Numbers, WholeNumberIsTheWholeField) {
  EXPECT_EQ(whole("42", 0, 100), 42);
  EXPECT_EQ(whole(" 7\t", 0, 100), 7);
  EXPECT_EQ(whole("-3", -5, 5), -3);
  // What std::stoll and a bare from_chars read as a number.
  EXPECT_EQ(whole("1 OR 1=1", kMin, kMax), std::nullopt);
  EXPECT_EQ(whole("12abc", kMin, kMax), std::nullopt);
  EXPECT_EQ(whole("+5", kMin, kMax), std::nullopt);
  EXPECT_EQ(whole("0x10", kMin, kMax), std::nullopt);
  EXPECT_EQ(whole("1e3", kMin, kMax), std::nullopt);
  EXPECT_EQ(whole("", kMin, kMax), std::nullopt);
  EXPECT_EQ(whole("-", kMin, kMax), std::nullopt);
  EXPECT_EQ(whole("1 2", kMin, kMax), std::nullopt);
}

TEST(Numbers, WholeNumberOutsideItsRangeOrOverflowingIsRefused) {
  EXPECT_EQ(whole("101", 0, 100), std::nullopt);
  EXPECT_EQ(whole("-1", 0, 100), std::nullopt);
  EXPECT_EQ(whole("99999999999999999999", kMin, kMax), std::nullopt);
  EXPECT_EQ(whole("9007199254740991", 0, kMaxId), kMaxId);
  EXPECT_EQ(whole("9007199254740992", 0, kMaxId), std::nullopt);
}

TEST(Numbers, DecimalAsPeopleTypeIt) {
  EXPECT_EQ(decimal("3,5", -10, 10), 3.5);
  EXPECT_EQ(decimal("3.5", -10, 10), 3.5);
  EXPECT_EQ(decimal("1 200", 0, 1e6), 1200);
  EXPECT_EQ(decimal(" -0,25 ", -1, 1), -0.25);
  EXPECT_EQ(decimal("12", 0, 100), 12);
}

TEST(Numbers, DecimalRefusesExponentsInfinitiesAndOutOfRange) {
  EXPECT_EQ(decimal("1e308", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("1E3", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("inf", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("nan", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("1.5.2", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("1,5,2", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("--1", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("1-", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal(",", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("1 000 000 000 001", -kMaxMeasure, kMaxMeasure), std::nullopt);
  EXPECT_EQ(decimal("1 000 000 000 000", -kMaxMeasure, kMaxMeasure), 1e12);
}

}  // namespace
}  // namespace fabrique::numbers
