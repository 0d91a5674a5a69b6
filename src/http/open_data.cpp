// Validators, dates and licence links of open data documents.
#include "http/open_data.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <stdexcept>

#include "common/numbers.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::http::open_data {
namespace {

constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// 128 bits: collisions between two versions of one document are out of reach, and the header stays short.

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

namespace {
std::string quoted_hex(const unsigned char* digest, std::size_t size) {
  std::string out = "\"";
  for (std::size_t i = 0; i < size; ++i) out += fmt::format("{:02x}", digest[i]);
  return out + '"';
}
}  // namespace

struct EtagHasher::Context {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(md); }
};

EtagHasher::EtagHasher() : context_(std::make_unique<Context>()) {
  if (context_->md == nullptr || EVP_DigestInit_ex(context_->md, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256: cannot start a digest");
}

EtagHasher::~EtagHasher() = default;

void EtagHasher::update(const void* bytes, std::size_t n) {
  if (EVP_DigestUpdate(context_->md, bytes, n) != 1) throw std::runtime_error("SHA-256: cannot hash");
}

std::string EtagHasher::etag() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> d{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(context_->md, d.data(), &size) != 1 || size < kEtagBytes)
    throw std::runtime_error("SHA-256: cannot end a digest");
  return quoted_hex(d.data(), kEtagBytes);
}

std::string strong_etag(std::string_view body) {
  EtagHasher h;
  h.update(body.data(), body.size());
  return h.etag();
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

std::optional<std::chrono::sys_seconds> parse_iso(std::string_view text) {
  // Fixed widths only: "2021-06-15" or "2021-06-15T12:00:00Z", nothing around them.
  const bool day_only = text.size() == 10;
  if (!day_only && (text.size() != 20 || text[10] != 'T' || text[19] != 'Z')) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    const bool separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == 19;
    if (!separator && !digit) return std::nullopt;
  }
  if (text[4] != '-' || text[7] != '-' || (!day_only && (text[13] != ':' || text[16] != ':'))) return std::nullopt;
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  const std::chrono::year_month_day ymd{std::chrono::year(number(0, 4)),
                                        std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                        std::chrono::day(static_cast<unsigned>(number(8, 2)))};
  if (!ymd.ok()) return std::nullopt;
  std::chrono::sys_seconds t = std::chrono::sys_days(ymd);
  if (day_only) return t;
  const int h = number(11, 2), m = number(14, 2), s = number(17, 2);
  if (h > 23 || m > 59 || s > 59) return std::nullopt;
  return t + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}

std::optional<Paging> paging_of(const Form& query, const char*& error) {
  Paging p;
  // An empty value (a form sent as it is) is as good as none.
  if (!query.get("page").empty()) {
    auto n = numbers::whole(query.get("page"), 1, numbers::kMaxPage);
    if (!n) {
      error = i18n::N_("page must be a whole number from 1.");
      return std::nullopt;
    }
    p.page = *n;
  }
  if (!query.get("per_page").empty()) {
    auto n = numbers::whole(query.get("per_page"), 1, kMaxPerPage);
    if (!n) {
      error = i18n::N_("per_page must be a whole number from 1 to 500.");
      return std::nullopt;
    }
    p.per_page = *n;
  }
  if (!query.get("updated_since").empty()) {
    p.updated_since = parse_iso(query.get("updated_since"));
    if (!p.updated_since) {
      error =
          i18n::N_("updated_since must be a UTC instant such as 2021-06-15T12:00:00Z, or a day such as 2021-06-15.");
      return std::nullopt;
    }
  }
  return p;
}

void set_paging_links(Response& r, std::string_view base_url, std::string_view path, std::string_view query,
                      std::int64_t page, std::int64_t pages) {
  // The query as sent, without its page parameter: the links differ only by the page they name.
  std::string kept;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view field = query.substr(0, amp);
    if (!field.empty() && field != "page" && !field.starts_with("page=")) {
      // What may not stand inside <…> in a header is percent-encoded (a client may send it raw).
      for (char c : field) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '<' || c == '>' || c == '"' || c == '\\')
          kept += fmt::format("%{:02X}", u);
        else
          kept += c;
      }
      kept += '&';
    }
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  auto link = [&](std::int64_t n, std::string_view rel) {
    return fmt::format("<{}{}?{}page={}>; rel=\"{}\"", base_url, path, kept, n, rel);
  };
  std::string value = link(1, "first");
  if (page > 1) value += ", " + link(std::min(page - 1, pages), "prev");
  if (page < pages) value += ", " + link(page + 1, "next");
  value += ", " + link(pages, "last");
  r.set_header("Link", std::move(value));
}

}  // namespace fabrique::http::open_data
