// Validators, dates and licence links of open data documents.
#include "http/open_data.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <cstdio>

namespace fabrique::http::open_data {
namespace {

constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// 128 bits: collisions between two versions of one document are out of reach, and the header stays short.
constexpr std::size_t kEtagBytes = 16;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The opaque part of an entity tag, for the weak comparison If-None-Match uses (W/ ignored).
std::string_view opaque(std::string_view tag) {
  tag = trimmed(tag);
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

}  // namespace

bool is_data(std::string_view content_type) {
  std::string_view type = trimmed(content_type.substr(0, content_type.find(';')));
  return type == "application/json" || type == "text/csv" || type == "text/calendar" ||
         type == "application/atom+xml" || type == "application/xml";
}

std::string strong_etag(std::string_view body) {
  std::array<unsigned char, kEtagBytes> d{};
  crypto_generichash(d.data(), d.size(), reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  std::string out = "\"";
  for (unsigned char b : d) out += fmt::format("{:02x}", b);
  return out + '"';
}

std::string http_date(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss time(t - day);
  const std::chrono::weekday wd(day);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", kDays[wd.c_encoding()],
                     static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<int>(ymd.year()), time.hours().count(), time.minutes().count(),
                     time.seconds().count());
}

std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text) {
  // "Sun, 06 Nov 1994 08:49:37 GMT": exactly 29 characters.
  text = trimmed(text);
  if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT") return std::nullopt;
  const std::string s(text);
  char month[4] = {};
  int day = 0, year = 0, h = 0, m = 0, sec = 0, used = 0;
  if (std::sscanf(s.c_str() + 5, "%2d %3c %4d %2d:%2d:%2d GMT%n", &day, month, &year, &h, &m, &sec, &used) != 6 ||
      used != 24)
    return std::nullopt;
  unsigned month_number = 0;
  for (unsigned i = 0; i < kMonths.size(); ++i)
    if (kMonths[i] == std::string_view(month, 3)) month_number = i + 1;
  const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month_number),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (month_number == 0 || !ymd.ok() || h > 23 || m > 59 || sec > 60) return std::nullopt;
  return std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(sec);
}

bool not_modified(std::string_view if_none_match, std::string_view if_modified_since, std::string_view etag,
                  std::string_view last_modified) {
  if (!trimmed(if_none_match).empty()) {
    std::string_view list = if_none_match;
    while (!list.empty()) {
      const std::size_t comma = list.find(',');
      const std::string_view tag = opaque(list.substr(0, comma));
      if (tag == "*" || (!etag.empty() && tag == opaque(etag))) return true;
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return false;  // If-Modified-Since is ignored when If-None-Match is sent
  }
  if (trimmed(if_modified_since).empty() || last_modified.empty()) return false;
  const auto since = parse_http_date(if_modified_since);
  const auto modified = parse_http_date(last_modified);
  return since && modified && *modified <= *since;
}

void set_last_modified(Response& r, std::chrono::sys_seconds t) { r.set_header("Last-Modified", http_date(t)); }

std::string licence_url(std::string_view spdx_id) {
  // Licence Ouverte 2.0 has its own page at Etalab; SPDX's page names the others.
  if (spdx_id == "etalab-2.0") return "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
  return fmt::format("https://spdx.org/licenses/{}.html", spdx_id);
}

}  // namespace fabrique::http::open_data
