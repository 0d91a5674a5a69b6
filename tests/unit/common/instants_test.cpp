#include "common/instants.hpp"

#include <date/date.h>
#include <gtest/gtest.h>

namespace fabrique {
namespace {

using std::chrono::sys_seconds;

sys_seconds at(std::int64_t seconds) { return sys_seconds{std::chrono::seconds{seconds}}; }

TEST(Instants, AreWrittenInUtcToTheSecond) {
  EXPECT_EQ(instants::iso(at(0)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(instants::iso(at(1'795'370'400)), "2026-11-22T18:00:00Z");
  EXPECT_EQ(instants::iso(at(951'782'399)), "2000-02-28T23:59:59Z");
  EXPECT_EQ(instants::iso(at(951'868'800)), "2000-03-01T00:00:00Z");  // 2000 was a leap year
  EXPECT_EQ(instants::iso(at(-1)), "1969-12-31T23:59:59Z");
  std::string out = "at ";
  instants::append_iso(out, at(253'402'300'799));
  EXPECT_EQ(out, "at 9999-12-31T23:59:59Z");
}

// What date::format("%FT%TZ") wrote before: the same text for every second of a span of years.
TEST(Instants, MatchDateFormatOverYears) {
  for (std::int64_t s = -2'000'000'000; s < 4'000'000'000; s += 7'919'731)
    ASSERT_EQ(instants::iso(at(s)), date::format("%FT%TZ", at(s))) << s;
}

}  // namespace
}  // namespace fabrique
