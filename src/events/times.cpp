// Conversions between Paris wall-clock time and UTC instants for events.
#include "events/times.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <cstdio>

namespace fabrique::events::times {
namespace {

const date::time_zone* paris() {
  static const date::time_zone* kParis = date::locate_zone("Europe/Paris");
  return kParis;
}

date::local_seconds local(sys_seconds t) { return date::make_zoned(paris(), t).get_local_time(); }

std::optional<sys_seconds> to_utc(date::local_seconds l, ParseError* error) {
  const auto info = paris()->get_info(l);
  if (info.result == date::local_info::nonexistent) {
    if (error) *error = ParseError::nonexistent;
    return std::nullopt;
  }
  // Ambiguous (the autumn hour that happens twice): the first one, in summer time.
  return sys_seconds{l.time_since_epoch()} - info.first.offset;
}

}  // namespace

std::optional<sys_seconds> from_paris(int y, unsigned m, unsigned d, int hh, int mm) {
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok() || hh < 0 || hh > 23 || mm < 0 || mm > 59) return std::nullopt;
  return to_utc(date::local_days{ymd} + std::chrono::hours{hh} + std::chrono::minutes{mm}, nullptr);
}

std::optional<sys_seconds> parse_paris(std::string_view text, ParseError* error) {
  if (error) *error = ParseError::none;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  char sep = 0;
  char rest = 0;
  const std::string s(text.substr(0, 40));
  if (s.size() < 16 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c%2d:%2d%c", &y, &mo, &d, &sep, &h, &mi, &rest) < 6 ||
      (sep != 'T' && sep != ' ') || y < 1900 || y > 2200) {
    if (error) *error = ParseError::malformed;
    return std::nullopt;
  }
  if (s.size() > 16 && !(s.size() == 19 && s[16] == ':')) {  // seconds are allowed, nothing else
    if (error) *error = ParseError::malformed;
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || h < 0 || mi < 0) {
    if (error) *error = ParseError::malformed;
    return std::nullopt;
  }
  return to_utc(date::local_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi}, error);
}

std::optional<sys_seconds> parse_paris_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return parse_paris(std::string(text) + "T00:00");
}

namespace {
// Paris's calendar day and time of day at `t`. Written with fmt below: date::format builds a stream
// for each value, which was 16 % of the events list's CPU under perf (three values an event).
struct ParisParts {
  date::year_month_day day;
  date::hh_mm_ss<std::chrono::seconds> time;
};
ParisParts paris_parts(sys_seconds t) {
  const auto at = local(t);
  const auto day = date::floor<date::days>(at);
  return {date::year_month_day(day), date::make_time(at - day)};
}
std::string paris_day(const date::year_month_day& d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}
}  // namespace

std::string input_value(sys_seconds t) {
  const auto p = paris_parts(t);
  return fmt::format("{}T{:02}:{:02}", paris_day(p.day), p.time.hours().count(), p.time.minutes().count());
}
std::string date_value(sys_seconds t) { return paris_day(paris_parts(t).day); }
std::string hour(sys_seconds t) {
  const auto p = paris_parts(t);
  return fmt::format("{:02}:{:02}", p.time.hours().count(), p.time.minutes().count());
}

}  // namespace fabrique::events::times
