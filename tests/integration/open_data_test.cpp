// Open by default: absolute links that name the host asked for (and never another client's),
// conditional requests, CORS and the licence on data documents, the sitemap and robots.txt.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <set>

#include "demo/demo.hpp"
#include "integration/site.hpp"

namespace fabrique::test {
namespace {

void load_demo(Site& site) {
  auto c = site.db().acquire();
  demo::load(*c);
}

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

HttpResponse get(Site& site, const std::string& target, Headers headers = {}) {
  return request(site.port(), "GET", target, headers);
}

// What a real XML parser (Python's xml.etree) reads in a sitemap document: the root element's name
// (urlset or sitemapindex, in the sitemaps.org namespace) and every <loc>. Fails the test when the
// document is not well-formed XML or not a sitemap.
struct Parsed {
  std::string root;
  std::vector<std::string> locations;
  std::size_t lastmods = 0;
};

Parsed parse_sitemap(const std::string& xml) {
  const auto path =
      std::filesystem::temp_directory_path() / ("fabrique-sitemap-" + std::to_string(::getpid()) + ".xml");
  std::ofstream(path, std::ios::binary) << xml;
  const std::string command =
      "python3 -c '\n"
      "import sys, xml.etree.ElementTree as ET\n"
      "ns = \"{http://www.sitemaps.org/schemas/sitemap/0.9}\"\n"
      "root = ET.parse(sys.argv[1]).getroot()\n"
      "assert root.tag in (ns + \"urlset\", ns + \"sitemapindex\"), root.tag\n"
      "print(root.tag[len(ns):])\n"
      "print(len(list(root.iter(ns + \"lastmod\"))))\n"
      "for loc in root.iter(ns + \"loc\"): print(loc.text)\n"
      "' " +
      path.string() + " 2>&1";
  Parsed out;
  std::string text;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, p)) text += buffer;
    EXPECT_EQ(::pclose(p), 0) << "not a sitemap:\n" << text << "\n" << xml.substr(0, 500);
  } else {
    ADD_FAILURE() << "cannot run python3";
  }
  std::filesystem::remove(path);
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, out.root);
  if (std::getline(lines, line)) out.lastmods = std::stoul(line);
  while (std::getline(lines, line)) out.locations.push_back(line);
  return out;
}

// The path of an absolute address under `base` ("http://h/p" → "/p"); fails when it is elsewhere.
std::string path_under(const std::string& base, const std::string& url) {
  EXPECT_TRUE(url.starts_with(base + "/")) << url << " is not under " << base;
  return url.substr(base.size());
}

TEST(AbsoluteLinks, EachHostGetsLinksToItself) {
  Site site;
  load_demo(site);
  for (const std::string target :
       {"/coalitions.json", "/evenements.ics", "/observatoire/changements.atom", "/sitemap.xml"}) {
    auto one = get(site, target, {{"Host", "one.example:8080"}});
    auto two = get(site, target, {{"Host", "two.example"}});
    ASSERT_EQ(one.status, 200) << target;
    ASSERT_EQ(two.status, 200) << target;
    EXPECT_TRUE(has(one.body, "http://one.example:8080/")) << target;
    EXPECT_FALSE(has(one.body, "two.example")) << target;
    EXPECT_TRUE(has(two.body, "http://two.example/")) << target;
    EXPECT_FALSE(has(two.body, "one.example")) << target;
    EXPECT_FALSE(has(one.body + two.body, "127.0.0.1:8080")) << target;
  }
}

// Regression: the visitors' page cache was keyed by language and target only, so a document built
// for a forged Host was served to everyone who asked for the same address within a minute.
TEST(AbsoluteLinks, APoisonedHostNeverReachesAnotherClientThroughTheCache) {
  Site site;
  load_demo(site);
  for (const std::string target : {"/coalitions.json", "/evenements.ics", "/sitemap.xml", "/robots.txt"}) {
    for (int i = 0; i < 2; ++i) ASSERT_EQ(get(site, target, {{"Host", "evil.example"}}).status, 200);
    auto honest = get(site, target, {{"Host", "fabrique.example.org"}});
    ASSERT_EQ(honest.status, 200);
    EXPECT_FALSE(has(honest.body, "evil.example")) << target;
    EXPECT_TRUE(has(honest.body, "http://fabrique.example.org/")) << target;
  }
}

TEST(AbsoluteLinks, BaseUrlWinsOverWhateverHostIsSent) {
  Site site(Site::small_limits(), [](config::Options& o) { o.base_url = "https://fabrique.example.org"; });
  load_demo(site);
  auto r = get(site, "/coalitions.json", {{"Host", "evil.example"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "https://fabrique.example.org/coalitions/"));
  EXPECT_FALSE(has(r.body, "evil.example"));
}

TEST(AbsoluteLinks, OnlyATrustedProxyNamesTheHostAndScheme) {
  const Headers forwarded = {
      {"Host", "127.0.0.1:8080"}, {"X-Forwarded-Host", "public.example"}, {"X-Forwarded-Proto", "https"}};
  {
    Site site(Site::small_limits(), [](config::Options& o) { o.trusted_proxies = {"127.0.0.1"}; });
    auto r = get(site, "/robots.txt", forwarded);
    EXPECT_TRUE(has(r.body, "Sitemap: https://public.example/sitemap.xml")) << r.body;
  }
  {
    Site site;  // the same headers from a client that is not a trusted proxy prove nothing
    auto r = get(site, "/robots.txt", forwarded);
    EXPECT_TRUE(has(r.body, "Sitemap: http://127.0.0.1:8080/sitemap.xml")) << r.body;
    EXPECT_FALSE(has(r.body, "public.example"));
  }
}

TEST(AbsoluteLinks, AllowedHostsAnswer421ToOthersAnd400WithoutAHost) {
  Site site(Site::small_limits(), [](config::Options& o) { o.allowed_hosts = {"fabrique.example.org"}; });
  EXPECT_EQ(get(site, "/", {{"Host", "fabrique.example.org"}}).status, 200);
  EXPECT_EQ(get(site, "/", {{"Host", "FABRIQUE.example.org:8443"}}).status, 200);
  EXPECT_EQ(get(site, "/", {{"Host", "evil.example"}}).status, 421);
  EXPECT_EQ(get(site, "/robots.txt", {{"Host", "fabrique.example.org.evil.example"}}).status, 421);
  EXPECT_EQ(parse_response(send(site.port(), "GET / HTTP/1.0\r\n\r\n")).status, 400);
  EXPECT_EQ(get(site, "/", {{"Host", "bad host/"}}).status, 400);
}

TEST(ConditionalRequests, AStrongEtagGives304ToAClientHoldingTheSameBytes) {
  Site site;
  load_demo(site);
  auto first = get(site, "/coalitions.json");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_NE(etag.front(), 'W') << "strong, not weak";
  EXPECT_EQ(get(site, "/coalitions.json").header("etag"), etag) << "the same bytes, the same tag";

  auto again = get(site, "/coalitions.json", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  EXPECT_EQ(get(site, "/coalitions.json", {{"If-None-Match", "\"other\", " + etag}}).status, 304);
  EXPECT_EQ(get(site, "/coalitions.json", {{"If-None-Match", "\"other\""}}).status, 200);

  // Each encoding is its own representation, with its own tag.
  auto gzipped = get(site, "/coalitions.json", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(gzipped.header("content-encoding"), "gzip");
  EXPECT_NE(gzipped.header("etag"), etag);
  EXPECT_EQ(
      get(site, "/coalitions.json", {{"Accept-Encoding", "gzip"}, {"If-None-Match", gzipped.header("etag")}}).status,
      304);

  // CSV and iCalendar too; HTML pages are not data documents.
  for (const std::string target : {"/feuille-de-route.csv", "/evenements.ics", "/observatoire.csv"}) {
    auto r = get(site, target);
    ASSERT_EQ(r.status, 200) << target;
    ASSERT_FALSE(r.header("etag").empty()) << target;
    EXPECT_EQ(get(site, target, {{"If-None-Match", r.header("etag")}}).status, 304) << target;
  }
  EXPECT_FALSE(get(site, "/coalitions").has_header("etag"));
}

TEST(ConditionalRequests, LastModifiedWhereTheDataHaveADate) {
  Site site;
  load_demo(site);
  for (const std::string target : {"/observatoire/changements.atom", "/observatoire.json", "/sitemap.xml"}) {
    auto r = get(site, target);
    ASSERT_EQ(r.status, 200) << target;
    const std::string modified = r.header("last-modified");
    ASSERT_TRUE(modified.ends_with(" GMT")) << target << ": " << modified;
    EXPECT_EQ(get(site, target, {{"If-Modified-Since", modified}}).status, 304) << target;
    EXPECT_EQ(get(site, target, {{"If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}}).status, 200) << target;
    EXPECT_EQ(get(site, target, {{"If-Modified-Since", "yesterday"}}).status, 200) << target;
    // If-None-Match decides when both are sent.
    EXPECT_EQ(get(site, target, {{"If-Modified-Since", modified}, {"If-None-Match", "\"other\""}}).status, 200);
  }
}

TEST(Cors, PublicDataAreOpenToAnyOriginButNothingThatDependsOnTheSession) {
  Site site;
  load_demo(site);
  for (const std::string target : {"/coalitions.json", "/feuille-de-route.csv", "/evenements.ics", "/sitemap.xml",
                                   "/observatoire/changements.atom"})
    EXPECT_EQ(get(site, target).header("access-control-allow-origin"), "*") << target;
  EXPECT_FALSE(get(site, "/coalitions").has_header("access-control-allow-origin"));

  site.add_user("membre@example.org", "Membre", kPassword);
  Browser b(site);
  ASSERT_EQ(b.sign_in("membre@example.org", kPassword).status, 303);
  auto signed_in = b.get("/evenements.json");
  ASSERT_EQ(signed_in.status, 200);
  EXPECT_FALSE(signed_in.has_header("access-control-allow-origin"));
}

TEST(Licence, EveryJsonDocumentStatesItAndEveryDataDocumentLinksIt) {
  Site site;
  load_demo(site);
  const std::string slug = [&] {
    auto c = site.db().acquire();
    return c->query_one("SELECT slug FROM coalitions ORDER BY id")->text(0);
  }();
  for (const std::string& target : std::vector<std::string>{
           "/coalitions.json", "/coalitions/" + slug + ".json", "/evenements.json", "/propositions.json",
           "/feuille-de-route.json", "/tableau-de-bord.json", "/ressources.json", "/boussole.json",
           "/observatoire.json", "/coalitions/" + slug + "/impact.json"}) {
    auto r = get(site, target);
    ASSERT_EQ(r.status, 200) << target;
    auto document = boost::json::parse(r.body).as_object();
    ASSERT_TRUE(document.contains("licence")) << target;
    EXPECT_EQ(document.at("licence").at("id").as_string(), "etalab-2.0") << target;
    EXPECT_EQ(document.begin()->key(), "licence") << target << ": the licence comes first";
    EXPECT_TRUE(has(r.header("link"), "rel=\"license\"")) << target;
  }
  auto atom = get(site, "/observatoire/changements.atom");
  EXPECT_TRUE(has(atom.body, "<rights>etalab-2.0</rights>"));
  EXPECT_TRUE(has(get(site, "/observatoire.csv").header("link"), "etalab.gouv.fr"));

  Site other(Site::small_limits(), [](config::Options& o) { o.data_licence = "ODbL-1.0"; });
  auto r = get(other, "/coalitions.json");
  EXPECT_EQ(boost::json::parse(r.body).at("licence").at("id").as_string(), "ODbL-1.0");
  EXPECT_TRUE(has(r.header("link"), "https://spdx.org/licenses/ODbL-1.0.html"));
}

TEST(Sitemap, ListsEveryPublicPageAndEachAnswers200) {
  Site site;
  load_demo(site);
  const std::string base = "http://fabrique.example.org";
  auto r = get(site, "/sitemap.xml", {{"Host", "fabrique.example.org"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.header("content-type").starts_with("application/xml"));
  auto parsed = parse_sitemap(r.body);
  ASSERT_EQ(parsed.root, "urlset");
  std::set<std::string> paths;
  for (const auto& url : parsed.locations) paths.insert(path_under(base, url));
  EXPECT_EQ(paths.size(), parsed.locations.size()) << "no address twice";
  EXPECT_GT(parsed.lastmods, parsed.locations.size() / 2);
  for (const std::string kind : {"/coalitions/", "/organisations/", "/evenements/", "/ressources/", "/boussole/",
                                 "/charte/versions/", "/observatoire/", "/observatoire/organismes/"}) {
    EXPECT_TRUE(std::any_of(paths.begin(), paths.end(), [&](const auto& p) { return p.starts_with(kind); })) << kind;
  }
  EXPECT_EQ(std::count_if(paths.begin(), paths.end(),
                          [](const std::string& p) {
                            return p.starts_with("/coalitions/") && p.find('/', 12) == std::string::npos;
                          }),
            site.count("SELECT COUNT(*) FROM coalitions"));
  EXPECT_EQ(paths.count("/compte"), 0u);
  for (const auto& path : paths) EXPECT_EQ(get(site, path).status, 200) << path;
}

TEST(Sitemap, PastTheLimitBecomesAnIndexOfFilesThatHoldEveryPage) {
  Site whole;
  load_demo(whole);
  const auto all = parse_sitemap(get(whole, "/sitemap.xml").body).locations;

  Site site(Site::small_limits(), [](config::Options& o) { o.sitemap_max_urls = 40; });
  load_demo(site);
  auto index = parse_sitemap(get(site, "/sitemap.xml").body);
  ASSERT_EQ(index.root, "sitemapindex");
  ASSERT_EQ(index.locations.size(), (all.size() + 39) / 40);
  std::vector<std::string> joined;
  for (const auto& part_url : index.locations) {
    const std::string part = path_under("http://127.0.0.1", part_url);
    auto r = get(site, part);
    ASSERT_EQ(r.status, 200) << part;
    auto parsed = parse_sitemap(r.body);
    EXPECT_EQ(parsed.root, "urlset");
    EXPECT_LE(parsed.locations.size(), 40u);
    joined.insert(joined.end(), parsed.locations.begin(), parsed.locations.end());
  }
  EXPECT_EQ(joined, all);
  EXPECT_EQ(get(site, "/sitemaps/" + std::to_string(index.locations.size() + 1) + ".xml").status, 404);
  EXPECT_EQ(get(whole, "/sitemaps/1.xml").status, 404) << "a sitemap in one file has no parts";
}

TEST(Robots, PointsAtTheSitemapAndClosesAccountsAndAdministration) {
  Site site;
  auto r = get(site, "/robots.txt", {{"Host", "fabrique.example.org"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.header("content-type").starts_with("text/plain"));
  EXPECT_TRUE(has(r.body, "Sitemap: http://fabrique.example.org/sitemap.xml\n"));
  for (const std::string closed : {"Disallow: /compte\n", "Disallow: /connexion\n", "Disallow: /*/modifier\n",
                                   "Disallow: /observatoire/contributions\n", "Disallow: /langue/\n",
                                   "Disallow: /evenements/agenda.ics\n", "Disallow: /organisations/types\n"})
    EXPECT_TRUE(has(r.body, closed)) << closed;
  EXPECT_FALSE(has(r.body, "Disallow: /\n"));
}

}  // namespace
}  // namespace fabrique::test
