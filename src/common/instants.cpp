#include "common/instants.hpp"

#include <fmt/format.h>

#include <iterator>

namespace fabrique::instants {

void append_iso(std::string& out, std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss time(t - day);
  fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                 static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), time.hours().count(),
                 time.minutes().count(), time.seconds().count());
}

std::string iso(std::chrono::sys_seconds t) {
  std::string out;
  out.reserve(20);
  append_iso(out, t);
  return out;
}

}  // namespace fabrique::instants
