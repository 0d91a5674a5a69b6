// Writing sitemaps (sitemaps.org protocol 0.9) and robots.txt (RFC 9309).
#include "opendata/sitemap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <optional>

#include "accounts/urls.hpp"
#include "coalitions/urls.hpp"
#include "common/instants.hpp"
#include "commons/urls.hpp"
#include "datasets/urls.hpp"
#include "events/urls.hpp"
#include "observatoire/urls.hpp"
#include "opendata/urls.hpp"
#include "organisations/urls.hpp"
#include "programme/urls.hpp"
#include "search/urls.hpp"
#include "views/html.hpp"

namespace fabrique::opendata::sitemap {
namespace {

constexpr const char* kXmlHead = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                                 "\n";
constexpr const char* kNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

// Paths no robot needs: accounts, forms that write, animateurs' pages, personal calendars, and
// the search and language switch, which would make an endless number of addresses: prefixes from
// the modules' addresses, then patterns ("*" stands for any characters).
std::vector<std::string> closed() {
  return {accounts::urls::account(),
          accounts::urls::sign_in(),
          accounts::urls::sign_up(),
          accounts::urls::sign_out(),
          programme::urls::language(""),
          search::urls::search(),
          events::urls::mine(),
          events::urls::personal_calendar(),
          observatoire::urls::contributions(),
          observatoire::urls::editors(),
          observatoire::urls::new_entry(),
          coalitions::urls::create(),
          coalitions::urls::families(),
          coalitions::urls::cohorts(),
          organisations::urls::create(),
          organisations::urls::kinds(),
          events::urls::new_event(),
          events::urls::kinds(),
          events::urls::new_proposal(),
          commons::urls::new_resource(),
          commons::urls::new_card(),
          commons::urls::new_charter_version(),
          datasets::urls::create(),
          datasets::urls::themes(),
          datasets::urls::ask(),
          "/*/modifier",
          "/*/proposer",
          "/*/inscrits.csv"};
}

// Whether `pattern` matches the beginning of `path`, '*' standing for any characters (RFC 9309).
bool matches_prefix(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return true;
  if (pattern.front() == '*') {
    for (std::size_t skip = 0; skip <= path.size(); ++skip)
      if (matches_prefix(pattern.substr(1), path.substr(skip))) return true;
    return false;
  }
  return !path.empty() && path.front() == pattern.front() && matches_prefix(pattern.substr(1), path.substr(1));
}

}  // namespace

bool closed_to_robots(std::string_view path) {
  static const std::vector<std::string> kClosed = closed();
  for (const auto& pattern : kClosed)
    if (matches_prefix(pattern, path)) return true;
  return false;
}

std::size_t parts(std::size_t pages, std::size_t max_urls) {
  return std::max<std::size_t>(1, (pages + max_urls - 1) / max_urls);
}

std::string part_url(const std::string& base_url, std::size_t part) { return base_url + urls::sitemap_part(part); }

std::string urlset(const std::string& base_url, const store::PageList& pages, std::size_t from, std::size_t to) {
  std::string out = kXmlHead;
  out += std::string("<urlset xmlns=\"") + kNamespace + "\">\n";
  const std::string base = html::escape(base_url);
  out.reserve(out.size() + (std::min(to, pages.size()) - std::min(from, to)) * (base.size() + 80));
  for (std::size_t i = from; i < to && i < pages.size(); ++i) {
    out += "<url><loc>";
    out += base;
    html::escape_to(out, pages[i].path);
    out += "</loc>";
    if (pages[i].modified) {
      out += "<lastmod>";
      instants::append_iso(out, *pages[i].modified);
      out += "</lastmod>";
    }
    out += "</url>\n";
  }
  out += "</urlset>\n";
  return out;
}

Modified latest(const store::PageList& pages, std::size_t from, std::size_t to) {
  Modified out;
  for (std::size_t i = from; i < to && i < pages.size(); ++i)
    if (pages[i].modified && (!out || *pages[i].modified > *out)) out = pages[i].modified;
  return out;
}

std::vector<Modified> latest_of_parts(const store::PageList& pages, std::size_t max_urls) {
  std::vector<Modified> out;
  for (std::size_t part = 0; part < parts(pages.size(), max_urls); ++part)
    out.push_back(latest(pages, part * max_urls, (part + 1) * max_urls));
  return out;
}

std::string index(const std::string& base_url, const std::vector<Modified>& parts) {
  std::string out = kXmlHead;
  out += std::string("<sitemapindex xmlns=\"") + kNamespace + "\">\n";
  for (std::size_t part = 1; part <= parts.size(); ++part) {
    out += "<sitemap><loc>" + html::escape(part_url(base_url, part)) + "</loc>";
    if (const Modified& at = parts[part - 1]) {
      out += "<lastmod>";
      instants::append_iso(out, *at);
      out += "</lastmod>";
    }
    out += "</sitemap>\n";
  }
  return out + "</sitemapindex>\n";
}

std::string robots(const std::string& base_url) {
  std::string out = "User-agent: *\n";
  for (const auto& path : closed()) out += "Disallow: " + path + "\n";
  return out + "\nSitemap: " + base_url + urls::sitemap() + "\n";
}

}  // namespace fabrique::opendata::sitemap
