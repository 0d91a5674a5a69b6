// Paris wall-clock times to UTC instants and back, across both daylight-saving changes.
#include "events/times.hpp"

#include <gtest/gtest.h>

namespace fabrique::events::times {
namespace {

std::int64_t utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  using namespace std::chrono;
  const sys_seconds t = sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
  return t.time_since_epoch().count();
}

std::int64_t parsed(std::string_view text) {
  auto t = parse_paris(text);
  return t ? t->time_since_epoch().count() : -1;
}

TEST(ParisTimes, TwoPmInWinterIsOnePmUtcAndInSummerNoonUtc) {
  EXPECT_EQ(parsed("2027-01-12T14:00"), utc(2027, 1, 12, 13));
  EXPECT_EQ(parsed("2027-07-13T14:00"), utc(2027, 7, 13, 12));
  EXPECT_EQ(parsed("2027-07-13 14:00"), utc(2027, 7, 13, 12));  // a space works as well as a T
  EXPECT_EQ(parsed("2027-07-13T14:00:00"), utc(2027, 7, 13, 12));
}

TEST(ParisTimes, ATimeSkippedInSpringIsRefusedAsNonexistent) {
  ParseError e{};
  EXPECT_FALSE(parse_paris("2027-03-28T02:30", &e));
  EXPECT_EQ(e, ParseError::nonexistent);
  EXPECT_EQ(parsed("2027-03-28T03:00"), utc(2027, 3, 28, 1));
}

TEST(ParisTimes, ATimeThatHappensTwiceInAutumnIsTakenAtItsFirstOccurrence) {
  EXPECT_EQ(parsed("2027-10-31T02:30"), utc(2027, 10, 31, 0, 30));
}

TEST(ParisTimes, MalformedTextIsRefused) {
  for (const char* bad :
       {"", "demain", "2027-13-01T10:00", "2027-02-30T10:00", "2027-01-01T25:00", "2027-01-01T10:00Z", "2027-01-01"}) {
    ParseError e{};
    EXPECT_FALSE(parse_paris(bad, &e)) << bad;
    EXPECT_EQ(e, ParseError::malformed) << bad;
  }
}

TEST(ParisTimes, InstantsAreShownInParisAndReadBackTheSame) {
  const sys_seconds summer{std::chrono::seconds(utc(2027, 7, 13, 12))};
  EXPECT_EQ(input_value(summer), "2027-07-13T14:00");
  EXPECT_EQ(hour(summer), "14:00");
  EXPECT_EQ(date_value(sys_seconds{std::chrono::seconds(utc(2027, 7, 13, 22, 30))}), "2027-07-14");
  EXPECT_EQ(parse_paris(input_value(summer)), summer);
  EXPECT_EQ(parse_paris_date("2027-07-14")->time_since_epoch().count(), utc(2027, 7, 13, 22));
}

}  // namespace
}  // namespace fabrique::events::times
