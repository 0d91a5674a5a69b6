// Open by default: absolute links that name the host asked for (and never another client's),
// conditional requests, CORS and the licence on data documents, the sitemap and robots.txt.
#include "http/open_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "demo/demo.hpp"
#include "http/compress.hpp"
#include "http/page_cache.hpp"
#include "integration/site.hpp"
#include "territories/use_cases.hpp"

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

// What a real parser (Python's standard library) prints about `documents`, each in a file of its
// own: `script` reads the files named by sys.argv[1:] and prints a line "#" before each document's
// lines. One run for all of them, since starting Python costs more than parsing. Fails the test
// when the script fails (a document that is not well-formed CSV or XML, an assertion about its
// shape). Gives each document's lines.
std::vector<std::vector<std::string>> parsed_by_python(const std::string& script,
                                                       const std::vector<std::string>& documents) {
  static int counter = 0;
  std::vector<std::filesystem::path> paths;
  std::string command = "python3 -S -c '" + script + "'";
  for (const auto& document : documents) {
    paths.push_back(std::filesystem::temp_directory_path() /
                    ("fabrique-doc-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)));
    std::ofstream(paths.back(), std::ios::binary) << document;
    command += " " + paths.back().string();
  }
  std::string text;
  if (FILE* p = ::popen((command + " 2>&1").c_str(), "r")) {
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, p)) text += buffer;
    EXPECT_EQ(::pclose(p), 0) << text;
  } else {
    ADD_FAILURE() << "cannot run python3";
  }
  for (const auto& path : paths) std::filesystem::remove(path);
  std::vector<std::vector<std::string>> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line == "#")
      out.emplace_back();
    else if (!out.empty())
      out.back().push_back(line);
  }
  EXPECT_EQ(out.size(), documents.size()) << text;
  out.resize(documents.size());
  return out;
}

// CSV files as a spreadsheet reads them (Python's csv module, RFC 4180 quoting, the BOM taken as
// the encoding's mark): per file, one line per row, its cells joined by a tab; a cell holding a
// line break keeps it as \n.
std::vector<std::vector<std::string>> csv_rows(const std::vector<std::string>& documents) {
  for (const auto& document : documents)
    EXPECT_TRUE(document.starts_with("\xEF\xBB\xBF")) << "a byte-order mark, for Excel";
  return parsed_by_python(
      "\n"
      "import csv, sys\n"
      "for name in sys.argv[1:]:\n"
      "    with open(name, encoding=\"utf-8-sig\", newline=\"\") as f:\n"
      "        rows = list(csv.reader(f))\n"
      "    assert rows, \"no header\"\n"
      "    assert all(len(r) == len(rows[0]) for r in rows), \"rows of unequal length\"\n"
      "    print(\"#\")\n"
      "    for r in rows: print(\"\\t\".join(c.replace(\"\\n\", \"\\\\n\").replace(\"\\t\", \" \") for c in r))\n",
      documents);
}

// Atom feeds as a feed reader reads them (xml.etree): checks what RFC 4287 requires of a feed and
// of each entry (id, title, updated, a link; the feed's self, alternate and license links), then
// prints, per feed, its title, and one line per entry: its category, a tab, its link.
std::vector<std::vector<std::string>> atom_entries(const std::vector<std::string>& documents) {
  return parsed_by_python(
      "\n"
      "import sys, xml.etree.ElementTree as ET\n"
      "a = \"{http://www.w3.org/2005/Atom}\"\n"
      "for name in sys.argv[1:]:\n"
      "    feed = ET.parse(name).getroot()\n"
      "    assert feed.tag == a + \"feed\", feed.tag\n"
      "    for n in (\"id\", \"title\", \"updated\", \"rights\"): assert feed.find(a + n) is not None, n\n"
      "    rels = [l.get(\"rel\") for l in feed.findall(a + \"link\")]\n"
      "    assert \"self\" in rels and \"license\" in rels and \"alternate\" in rels, rels\n"
      "    print(\"#\")\n"
      "    print(feed.find(a + \"title\").text)\n"
      "    ids = set()\n"
      "    for e in feed.findall(a + \"entry\"):\n"
      "        for n in (\"id\", \"title\", \"updated\"): assert e.find(a + n) is not None, n\n"
      "        assert e.find(a + \"id\").text not in ids, \"an id twice\"\n"
      "        ids.add(e.find(a + \"id\").text)\n"
      "        c = e.find(a + \"category\")\n"
      "        print((c.get(\"term\") if c is not None else \"\") + \"\\t\" + e.find(a + \"link\").get(\"href\"))\n",
      documents);
}

// The Link header of a list's page with that relation (rel="next"…), as a path under `base`; empty
// when there is none.
std::string paging_link(const HttpResponse& r, const std::string& rel, const std::string& base) {
  for (const auto& value : r.header_values("link")) {
    std::size_t at = 0;
    while ((at = value.find('<', at)) != std::string::npos) {
      const std::size_t close = value.find('>', at);
      const std::size_t next = value.find('<', close);
      const std::string params = value.substr(close, next == std::string::npos ? std::string::npos : next - close);
      if (has(params, "rel=\"" + rel + "\"")) return path_under(base, value.substr(at + 1, close - at - 1));
      at = close;
    }
  }
  return {};
}

std::string first_slug(Site& site, const std::string& sql) {
  auto c = site.db().acquire();
  return c->query_one(sql)->text(0);
}

// The page of the demo's first action, and of its first indicator.
std::string first_action(Site& site) {
  return first_slug(site,
                    "SELECT '/coalitions/' || k.slug || '/feuille-de-route/' || CAST(a.id AS TEXT) "
                    "FROM actions a JOIN coalitions k ON k.id = a.coalition_id ORDER BY a.id");
}
std::string first_indicator(Site& site) {
  return first_slug(site,
                    "SELECT '/coalitions/' || k.slug || '/impact/' || CAST(i.id AS TEXT) "
                    "FROM indicators i JOIN coalitions k ON k.id = i.coalition_id ORDER BY i.id");
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

  // A kept document keeps each form's tag: the hash of the bytes sent, the first time as the next.
  for (const char* encoding : {"identity", "gzip", "br"}) {
    for (int i = 0; i < 2; ++i) {
      auto r = get(site, "/coalitions.json", {{"Accept-Encoding", encoding}});
      EXPECT_EQ(r.header("etag"), http::open_data::strong_etag(r.body)) << encoding << ", request " << i + 1;
    }
  }

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

TEST(DataDocuments, EveryPublicPageHasItsJsonWithTheLicenceAnd304) {
  Site site;
  load_demo(site);
  const std::string organisation = first_slug(site, "SELECT slug FROM organisations ORDER BY id");
  const std::string resource = first_slug(site, "SELECT slug FROM resources WHERE status = 'published' ORDER BY id");
  const std::string card = first_slug(site, "SELECT slug FROM boussole_cards WHERE status = 'published' ORDER BY id");
  const std::string version = first_slug(
      site, "SELECT CAST(number AS TEXT) FROM charter_versions WHERE adopted_at IS NOT NULL ORDER BY number");
  const std::string action = first_action(site), indicator = first_indicator(site);
  std::map<std::string, boost::json::object> documents;
  for (const std::string& target : std::vector<std::string>{
           action + ".json", indicator + ".json", "/organisations.json", "/organisations/" + organisation + ".json",
           "/recherche.json?q=numerique", "/charte.json", "/charte/versions.json",
           "/charte/versions/" + version + ".json", "/charte/signataires.json", "/ressources/" + resource + ".json",
           "/boussole/" + card + ".json"}) {
    auto r = get(site, target, {{"Host", "fabrique.example.org"}});
    ASSERT_EQ(r.status, 200) << target;
    EXPECT_TRUE(r.header("content-type").starts_with("application/json")) << target;
    auto document = boost::json::parse(r.body).as_object();
    EXPECT_EQ(document.begin()->key(), "licence") << target;
    EXPECT_EQ(document.at("licence").at("id").as_string(), "etalab-2.0") << target;
    EXPECT_EQ(r.header("access-control-allow-origin"), "*") << target;
    EXPECT_EQ(get(site, target, {{"Host", "fabrique.example.org"}, {"If-None-Match", r.header("etag")}}).status, 304)
        << target;
    documents[target.substr(0, target.find('?'))] = std::move(document);
  }
  // What each holds, as the page shows it.
  const auto& organisations = documents["/organisations.json"];
  EXPECT_EQ(organisations.at("total").as_int64(), site.count("SELECT COUNT(*) FROM organisations"));
  const auto& one = documents["/organisations/" + organisation + ".json"];
  EXPECT_EQ(one.at("slug").as_string(), organisation);
  EXPECT_EQ(one.at("url").as_string(), "http://fabrique.example.org/organisations/" + organisation);
  EXPECT_TRUE(one.at("coalitions").is_array());
  const auto& search = documents["/recherche.json"];
  ASSERT_FALSE(search.at("results").as_array().empty());
  for (const auto& hit : search.at("results").as_array())
    EXPECT_TRUE(hit.at("url").as_string().starts_with("http://fabrique.example.org/"));
  const auto& charter = documents["/charte.json"];
  ASSERT_TRUE(charter.at("version").is_object());
  EXPECT_EQ(charter.at("sections").as_array().size(), 6u);
  EXPECT_FALSE(charter.at("sections").as_array()[0].at("text").as_string().empty()) << "the Markdown as written";
  EXPECT_EQ(documents["/charte/versions/" + version + ".json"].at("state").as_string(), "adopted");
  EXPECT_FALSE(documents["/charte/signataires.json"].at("versions").as_array().empty());
  const auto& one_resource = documents["/ressources/" + resource + ".json"].at("resource");
  EXPECT_EQ(one_resource.at("slug").as_string(), resource);
  EXPECT_TRUE(one_resource.at("licence").at("id").is_string()) << "its own licence, apart from the document's";
  EXPECT_EQ(documents["/boussole/" + card + ".json"].at("slug").as_string(), card);
  EXPECT_EQ(documents[action + ".json"].at("url").as_string(), "http://fabrique.example.org" + action);
  EXPECT_TRUE(documents[indicator + ".json"].at("measurements").is_array());

  // Unknown things answer 404 in JSON; a draft is nobody's open data.
  for (const std::string target :
       {"/organisations/inconnue.json", "/ressources/inconnue.json", "/boussole/inconnue.json",
        "/charte/versions/999.json", "/coalitions/inconnue/impact/1.json",
        "/coalitions/inconnue/feuille-de-route/1.json"}) {
    auto r = get(site, target);
    EXPECT_EQ(r.status, 404) << target;
  }
  EXPECT_EQ(
      get(site, "/organisations/inconnue.json").body,
      R"({"licence":{"id":"etalab-2.0","url":"https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},"error":"not found"})");
}

TEST(DataDocuments, CsvFilesOpenInASpreadsheetWithTheRowsOfTheJson) {
  Site site;
  load_demo(site);
  // Accents survive, and a cell that a spreadsheet would run as a formula is defused.
  {
    auto c = site.db().acquire();
    c->execute("UPDATE organisations SET description = ? WHERE id = (SELECT MIN(id) FROM organisations)",
               {std::string("=1+1, \"cité\"\nligne")});
  }
  struct List {
    std::string csv, json, key, first_column;
  };
  const std::vector<List> lists = {List{"/coalitions.csv", "/coalitions.json", "coalitions", "number"},
                                   List{"/organisations.csv", "/organisations.json", "organisations", "slug"},
                                   List{"/evenements.csv", "/evenements.json", "events", "slug"},
                                   List{"/ressources.csv", "/ressources.json", "resources", "slug"},
                                   List{"/boussole.csv", "/boussole.json", "cards", "slug"}};
  std::vector<std::string> documents;
  for (const auto& list : lists) {
    auto r = get(site, list.csv);
    ASSERT_EQ(r.status, 200) << list.csv;
    EXPECT_TRUE(r.header("content-type").starts_with("text/csv")) << list.csv;
    EXPECT_TRUE(has(r.header("content-disposition"), "attachment")) << list.csv;
    EXPECT_TRUE(has(r.header("link"), "rel=\"license\"")) << list.csv;
    EXPECT_EQ(get(site, list.csv, {{"If-None-Match", r.header("etag")}}).status, 304) << list.csv;
    documents.push_back(r.body);
  }
  const auto files = csv_rows(documents);
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto& rows = files[i];
    ASSERT_GT(rows.size(), 1u) << lists[i].csv;
    EXPECT_TRUE(rows[0].starts_with(lists[i].first_column + "\t")) << rows[0];
    auto json = boost::json::parse(get(site, lists[i].json + "?per_page=500").body).as_object();
    EXPECT_EQ(static_cast<std::int64_t>(rows.size()) - 1, json.at("total").as_int64()) << lists[i].csv;
  }
  EXPECT_TRUE(std::any_of(files[1].begin(), files[1].end(),
                          [](const std::string& row) { return has(row, "\t'=1+1, \"cité\"\\nligne\t"); }));

  // The programme's indicators and every measurement, one row each, linked from the dashboard.
  const std::string dashboard = get(site, "/tableau-de-bord").body;
  std::vector<std::string> impact;
  for (const std::string table : {"indicateurs", "mesures"}) {
    const std::string path = "/tableau-de-bord/" + table + ".csv";
    EXPECT_TRUE(has(dashboard, "href=\"" + path + "\"")) << path;
    auto r = get(site, path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_TRUE(r.header("content-type").starts_with("text/csv")) << path;
    impact.push_back(r.body);
  }
  const auto impact_rows = csv_rows(impact);
  ASSERT_EQ(impact_rows.size(), 2u);
  EXPECT_TRUE(impact_rows[0][0].starts_with("coalition\tcoalition_title\tindicator\tname\t")) << impact_rows[0][0];
  EXPECT_EQ(static_cast<std::int64_t>(impact_rows[0].size()) - 1, site.count("SELECT COUNT(*) FROM indicators"));
  EXPECT_EQ(static_cast<std::int64_t>(impact_rows[1].size()) - 1, site.count("SELECT COUNT(*) FROM measurements"));
  ASSERT_GT(impact_rows[1].size(), 1u) << "the demo measures its impact";
}

TEST(DataDocuments, HistoriesAndPublicBodiesHaveTheirJson) {
  Site site;
  load_demo(site);
  const std::string coalition =
      first_slug(site, "SELECT k.slug FROM coalitions k WHERE k.booklet_revision > 1 ORDER BY k.id");
  const std::string minutes = first_slug(site,
                                         "SELECT e.slug FROM events e WHERE EXISTS (SELECT 1 FROM minutes_revisions m "
                                         "WHERE m.event_id = e.id) ORDER BY e.id");
  const std::string action = first_action(site), indicator = first_indicator(site);
  const std::string entry = first_slug(site, "SELECT slug FROM observatory_entries ORDER BY id");
  const std::string body = first_slug(
      site, "SELECT b.slug FROM observatory_bodies b JOIN observatory_entries e ON e.body_id = b.id ORDER BY b.id");
  const std::string resource = first_slug(site, "SELECT slug FROM resources WHERE status = 'published' ORDER BY id");
  const std::string card = first_slug(site, "SELECT slug FROM boussole_cards WHERE status = 'published' ORDER BY id");
  std::map<std::string, boost::json::object> documents;
  for (const std::string& target :
       {"/coalitions/" + coalition + "/historique.json", "/coalitions/" + coalition + "/historique/1.json",
        "/evenements/" + minutes + "/compte-rendu/historique.json", action + "/historique.json", indicator + ".json",
        "/observatoire/" + entry + "/historique.json", "/observatoire/organismes/" + body + ".json",
        "/ressources/" + resource + ".json", "/boussole/" + card + ".json"}) {
    auto r = get(site, target, {{"Host", "fabrique.example.org"}});
    ASSERT_EQ(r.status, 200) << target;
    EXPECT_TRUE(r.header("content-type").starts_with("application/json")) << target;
    auto document = boost::json::parse(r.body).as_object();
    EXPECT_EQ(document.begin()->key(), "licence") << target;
    EXPECT_EQ(get(site, target, {{"Host", "fabrique.example.org"}, {"If-None-Match", r.header("etag")}}).status, 304)
        << target;
    documents[target] = std::move(document);
  }
  // Every history lists its revisions newest first, each with its number, date and author (or null).
  auto revisions_of = [&](const std::string& target, const boost::json::object& holder) {
    const auto& list = holder.at("revisions").as_array();
    EXPECT_FALSE(list.empty()) << target;
    std::int64_t last = std::numeric_limits<std::int64_t>::max();
    for (const auto& r : list) {
      EXPECT_LT(r.at("number").as_int64(), last) << target;
      last = r.at("number").as_int64();
      EXPECT_TRUE(r.at("created_at").as_string().ends_with("Z")) << target;
      EXPECT_TRUE(r.at("author").is_string() || r.at("author").is_null()) << target;
    }
    return list;
  };
  const std::string booklet = "/coalitions/" + coalition + "/historique.json";
  const auto& booklet_revisions = revisions_of(booklet, documents[booklet]);
  EXPECT_EQ(
      booklet_revisions.size(),
      static_cast<std::size_t>(site.count("SELECT booklet_revision FROM coalitions WHERE slug = '" + coalition + "'")));
  EXPECT_TRUE(booklet_revisions[0].at("changed").is_array());
  EXPECT_TRUE(booklet_revisions[0].at("url").as_string().starts_with("http://fabrique.example.org/coalitions/"));
  const auto& first = documents["/coalitions/" + coalition + "/historique/1.json"];
  EXPECT_EQ(first.at("revision").at("number").as_int64(), 1);
  EXPECT_TRUE(first.at("revision").at("booklet").as_object().contains("impact"));
  const std::string minutes_history = "/evenements/" + minutes + "/compte-rendu/historique.json";
  EXPECT_TRUE(revisions_of(minutes_history, documents[minutes_history])[0].at("text").is_string());
  const std::string action_history = action + "/historique.json";
  EXPECT_TRUE(revisions_of(action_history, documents[action_history])[0].at("fields").at("title").is_string());
  EXPECT_TRUE(revisions_of(indicator, documents[indicator + ".json"])[0].at("fields").at("name").is_string());
  const std::string observatory = "/observatoire/" + entry + "/historique.json";
  revisions_of(observatory, documents[observatory]);
  EXPECT_FALSE(documents[observatory].at("scores").as_array().empty());
  EXPECT_TRUE(documents[observatory].at("scores").as_array()[0].at("total").is_int64());
  const auto& public_body = documents["/observatoire/organismes/" + body + ".json"];
  EXPECT_EQ(public_body.at("slug").as_string(), body);
  EXPECT_EQ(public_body.at("count").as_int64(), static_cast<std::int64_t>(public_body.at("entries").as_array().size()));
  EXPECT_GT(public_body.at("count").as_int64(), 0);
  const std::string resource_json = "/ressources/" + resource + ".json";
  revisions_of(resource_json, documents[resource_json].at("resource").as_object());
  const std::string card_json = "/boussole/" + card + ".json";
  EXPECT_TRUE(revisions_of(card_json, documents[card_json])[0].at("fields").at("title").is_string());

  for (const std::string& target : std::vector<std::string>{
           "/coalitions/inconnue/historique.json", "/coalitions/" + coalition + "/historique/999.json",
           "/evenements/inconnu/compte-rendu/historique.json", "/observatoire/inconnue/historique.json",
           "/observatoire/organismes/inconnu.json"}) {
    auto r = get(site, target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_TRUE(r.header("content-type").starts_with("application/json")) << target;
  }
}

TEST(Paging, LinkHeadersWalkEachListWithNoDuplicateOrGap) {
  Site site;
  load_demo(site);
  const std::string base = "http://fabrique.example.org";
  for (const auto& [path, key] :
       std::vector<std::pair<std::string, std::string>>{{"/coalitions.json", "coalitions"},
                                                        {"/organisations.json", "organisations"},
                                                        {"/evenements.json", "events"},
                                                        {"/ressources.json", "resources"},
                                                        {"/boussole.json", "cards"}}) {
    std::vector<std::string> whole;
    const auto everything = boost::json::parse(get(site, path + "?per_page=500").body);
    for (const auto& item : everything.at(key).as_array()) whole.push_back(std::string(item.at("slug").as_string()));
    ASSERT_GT(whole.size(), 2u) << path;

    std::vector<std::string> walked;
    std::string target = path + "?per_page=2&page=1";
    std::string previous;
    int pages = 0;
    while (!target.empty()) {
      auto r = get(site, target, {{"Host", "fabrique.example.org"}});
      ASSERT_EQ(r.status, 200) << target;
      auto page = boost::json::parse(r.body).as_object();
      EXPECT_EQ(page.at("total").as_int64(), static_cast<std::int64_t>(whole.size()));
      EXPECT_LE(page.at(key).as_array().size(), 2u);
      for (const auto& item : page.at(key).as_array()) walked.push_back(std::string(item.at("slug").as_string()));
      if (++pages > 1) EXPECT_EQ(paging_link(r, "prev", base), previous) << "prev leads back";
      EXPECT_TRUE(has(paging_link(r, "first", base), "page=1"));
      previous = target;
      target = paging_link(r, "next", base);
      ASSERT_LE(pages, 100) << "the walk ends";
    }
    EXPECT_EQ(walked, whole) << path << ": every item once, in the same order";
    EXPECT_EQ(pages, static_cast<int>((whole.size() + 1) / 2));
  }

  // updated_since keeps what changed since then; a date that is not one is refused, not ignored.
  {
    auto c = site.db().acquire();
    c->execute("UPDATE organisations SET updated_at = 4102444800 WHERE id = (SELECT MIN(id) FROM organisations)");
  }
  auto recent = boost::json::parse(get(site, "/organisations.json?updated_since=2100-01-01").body).as_object();
  ASSERT_EQ(recent.at("total").as_int64(), 1);
  EXPECT_EQ(recent.at("organisations").as_array()[0].at("updated_at").as_string(), "2100-01-01T00:00:00Z");
  EXPECT_EQ(boost::json::parse(get(site, "/organisations.json?updated_since=2100-01-01T00:00:01Z").body)
                .at("total")
                .as_int64(),
            0);
  for (const std::string target : {"/coalitions.json?updated_since=hier", "/evenements.json?per_page=0",
                                   "/ressources.json?page=abc", "/organisations.json?updated_since=2021-13-01"}) {
    auto r = get(site, target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_TRUE(boost::json::parse(r.body).as_object().contains("error")) << target;
  }
}

TEST(AtomFeeds, TheProgrammeCoalitionsOrganisationsAndSeriesHaveFeedsThatPagesAnnounce) {
  Site site;
  load_demo(site);
  const std::string base = "http://fabrique.example.org";
  const std::string coalition = first_slug(site, "SELECT slug FROM coalitions ORDER BY id");
  const std::string organisation =
      first_slug(site,
                 "SELECT o.slug FROM organisations o JOIN event_organisations e ON e.organisation_id = o.id "
                 "AND e.role = 'organiser' ORDER BY o.id");
  const std::string in_series = first_slug(site, "SELECT slug FROM events WHERE series_id IS NOT NULL ORDER BY id");
  const std::vector<std::string> targets = {
      "/actualites.atom", "/coalitions/" + coalition + ".atom", "/organisations/" + organisation + ".atom",
      "/evenements/" + in_series + "/serie.atom", "/observatoire/changements.atom"};
  std::vector<std::string> documents;
  for (const std::string& target : targets) {
    auto r = get(site, target, {{"Host", "fabrique.example.org"}});
    ASSERT_EQ(r.status, 200) << target;
    EXPECT_TRUE(r.header("content-type").starts_with("application/atom+xml")) << target;
    EXPECT_EQ(get(site, target, {{"Host", "fabrique.example.org"}, {"If-None-Match", r.header("etag")}}).status, 304);
    EXPECT_EQ(get(site, target, {{"If-Modified-Since", r.header("last-modified")}}).status, 304) << target;
    documents.push_back(r.body);
  }
  std::map<std::string, std::vector<std::string>> feeds;
  auto parsed = atom_entries(documents);
  for (std::size_t f = 0; f < targets.size(); ++f) {
    const auto& entries = parsed[f];
    ASSERT_GT(entries.size(), 1u) << targets[f] << ": a title and entries";
    for (std::size_t i = 1; i < entries.size(); ++i) {
      const std::string link = entries[i].substr(entries[i].find('\t') + 1);
      EXPECT_TRUE(link.starts_with(base + "/")) << targets[f] << ": " << link;
    }
    feeds[targets[f]] = entries;
  }
  auto categories = [](const std::vector<std::string>& entries) {
    std::set<std::string> out;
    for (std::size_t i = 1; i < entries.size(); ++i) out.insert(entries[i].substr(0, entries[i].find('\t')));
    return out;
  };
  const auto programme = categories(feeds["/actualites.atom"]);
  for (const std::string kind : {"coalition", "event", "resource", "charter_adopted"})
    EXPECT_EQ(programme.count(kind), 1u) << kind;
  for (const auto& kind : categories(feeds["/evenements/" + in_series + "/serie.atom"]))
    EXPECT_TRUE(kind == "event" || kind == "minutes") << kind;
  // An organisation's feed tells when it signed the charter, and only its own signatures.
  const std::string signatory = first_slug(
      site, "SELECT o.slug FROM organisations o JOIN charter_signatures s ON s.organisation_id = o.id ORDER BY o.id");
  const std::string unsigned_one =
      first_slug(site,
                 "SELECT o.slug FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM charter_signatures s WHERE "
                 "s.organisation_id = o.id) ORDER BY o.id");
  const auto signatures = atom_entries({get(site, "/organisations/" + signatory + ".atom").body,
                                        get(site, "/organisations/" + unsigned_one + ".atom").body});
  EXPECT_EQ(categories(signatures[0]).count("charter_signed"), 1u) << signatory;
  EXPECT_EQ(categories(signatures[1]).count("charter_signed"), 0u) << unsigned_one;
  EXPECT_EQ(get(site, "/coalitions/inconnue.atom").status, 404);

  // Autodiscovery: the page names its feed in its head, and that address answers.
  for (const auto& [page, feed] : std::vector<std::pair<std::string, std::string>>{
           {"/", "/actualites.atom"},
           {"/coalitions/" + coalition, "/coalitions/" + coalition + ".atom"},
           {"/organisations/" + organisation, "/organisations/" + organisation + ".atom"},
           {"/evenements/" + in_series, "/evenements/" + in_series + "/serie.atom"},
           {"/observatoire", "/observatoire/changements.atom"}}) {
    auto html = get(site, page).body;
    const std::string head = html.substr(0, html.find("</head>"));
    EXPECT_TRUE(std::regex_search(
        head,
        std::regex("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"" + feed + "\">")))
        << page;
  }
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

// A member signs up and adds "Atelier partagé de Quimper" (/organisations/atelier-partage-de-quimper),
// a public page, through the site.
void add_an_organisation_through_the_site(Site& site) {
  site.add_user("m@example.org", "M", "un mot de passe solide");
  Browser member(site);
  member.sign_in("m@example.org", "un mot de passe solide");
  member.get("/organisations/nouvelle");
  ASSERT_EQ(
      member.post("/organisations/nouvelle", {{"name", "Atelier partagé de Quimper"}, {"kind", "association-tech"}})
          .status,
      303);
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

  // The index (each file's latest date, kept between requests) follows a page added through the site.
  const std::string before = get(site, "/sitemap.xml").body;
  add_an_organisation_through_the_site(site);
  const std::string after = get(site, "/sitemap.xml").body;
  EXPECT_NE(after, before);
  EXPECT_EQ(parse_sitemap(after).locations.size(), (all.size() + 1 + 39) / 40);
}

// A sitemap larger than the page cache holds in memory is written to a file once and sent from it,
// even with the page cache off: whole, gzipped or not, each form with the tag of its bytes, and with
// a page added through the site at once.
TEST(Sitemap, OneLargerThanThePageCacheHoldsIsSentWholeFromAFileAndFollowsTheSite) {
  Site site(Site::small_limits(), [](config::Options& o) { o.page_cache = false; });
  load_demo(site);
  {
    auto c = site.db().acquire();
    c->execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000) "
        "INSERT INTO organisations (slug, name, name_key, kind_id, created_at, updated_at) "
        "SELECT 'organisation-' || i, 'Organisation ' || i, 'organisation ' || i, 1, 0, 0 FROM n");
  }
  auto plain = get(site, "/sitemap.xml");
  ASSERT_EQ(plain.status, 200);
  ASSERT_GT(plain.body.size(), http::PageCache::kMaxBodyBytes);
  auto has = [](const std::string& xml, const std::string& path) {
    const auto locations = parse_sitemap(xml).locations;
    return std::any_of(locations.begin(), locations.end(), [&](const auto& l) { return l.ends_with(path); });
  };
  EXPECT_TRUE(has(plain.body, "/organisations/organisation-1"));
  EXPECT_TRUE(has(plain.body, "/organisations/organisation-8000"));
  EXPECT_EQ(plain.header("content-length"), std::to_string(plain.body.size()));
  const std::vector<std::pair<std::string, std::string>> gzip = {{"Accept-Encoding", "gzip"}};
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(get(site, "/sitemap.xml").body, plain.body) << "request " << i + 1;
    auto gzipped = get(site, "/sitemap.xml", gzip);
    ASSERT_EQ(gzipped.header("content-encoding"), "gzip");
    EXPECT_EQ(http::gunzip(gzipped.body), plain.body);
    EXPECT_EQ(gzipped.header("etag"), http::open_data::strong_etag(gzipped.body));
  }
  EXPECT_EQ(plain.header("etag"), http::open_data::strong_etag(plain.body));
  EXPECT_EQ(get(site, "/sitemap.xml", {{"If-None-Match", plain.header("etag")}}).status, 304);

  add_an_organisation_through_the_site(site);
  EXPECT_TRUE(has(get(site, "/sitemap.xml").body, "/organisations/atelier-partage-de-quimper"));
  EXPECT_TRUE(has(http::gunzip(get(site, "/sitemap.xml", gzip).body), "/organisations/atelier-partage-de-quimper"));
}

// Every list's CSV names the territories of its rows (codes and names) in a "territoires" column,
// its HTML rows show them, and the register of data and its requests are in the sitemap: the demo
// loaded on the official geography (a small extract of it).
TEST(DataDocuments, EachListNamesTheTerritoriesOfItsRowsAndTheRegisterIsInTheSitemap) {
  Site site;
  {
    auto c = site.db().acquire();
    territories::load_territories(
        *c, territories::read_cog(std::filesystem::path(__FILE__).parent_path() / "cog" / "a" / "data"));
    demo::load(*c);
    // The demo places no card nor observatory entry: one of each, on Brest.
    for (const std::string subject : {"boussole_card", "observatory_entry"})
      c->execute("INSERT INTO territory_links (subject, subject_id, territory_id) SELECT ?, (SELECT MIN(x.id) FROM " +
                     std::string(subject == "boussole_card" ? "boussole_cards x WHERE x.status = 'published'"
                                                            : "observatory_entries x") +
                     "), t.id FROM territories t WHERE t.key = '29019'",
                 {subject});
  }
  struct List {
    std::string csv, page, placed;  // the CSV, its HTML list, and a cell one of its rows holds
  };
  const std::vector<List> lists = {{"/coalitions.csv", "/coalitions", "29019 Brest; 35238 Rennes"},
                                   {"/evenements.csv", "/evenements", "29 Finistère"},
                                   {"/ressources.csv", "/ressources", "region-53 Bretagne"},
                                   {"/boussole.csv", "/boussole", "29019 Brest"},
                                   {"/observatoire.csv", "/observatoire", "29019 Brest"},
                                   {"/donnees.csv", "/donnees", "29019 Brest; 35238 Rennes"},
                                   {"/donnees/demandes.csv", "/donnees/demandes", "29019 Brest"}};
  std::vector<std::string> documents;
  for (const auto& list : lists) {
    auto r = get(site, list.csv);
    ASSERT_EQ(r.status, 200) << list.csv;
    documents.push_back(r.body);
  }
  const auto files = csv_rows(documents);
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto& rows = files[i];
    ASSERT_GT(rows.size(), 1u) << lists[i].csv;
    EXPECT_TRUE(has("\t" + rows[0] + "\t", "\tterritoires\t")) << lists[i].csv << ": " << rows[0];
    EXPECT_TRUE(std::any_of(rows.begin() + 1, rows.end(),
                            [&](const std::string& row) { return has(row, "\t" + lists[i].placed + "\t"); }))
        << lists[i].csv << " has no row placed on " << lists[i].placed;
    // The HTML list shows them in its rows.
    EXPECT_TRUE(has(get(site, lists[i].page).body, "Territoires : ")) << lists[i].page;
  }
  const auto sitemap = parse_sitemap(get(site, "/sitemap.xml").body);
  for (const std::string path : {"/donnees", "/donnees/demandes",
                                 "/donnees/indice-quotidien-de-la-qualite-de-l-air-en-bretagne", "/donnees/demandes/1"})
    EXPECT_TRUE(std::any_of(sitemap.locations.begin(), sitemap.locations.end(), [&](const std::string& loc) {
      return loc.ends_with(path);
    })) << path;
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
