// Atom feeds: what RFC 4287 requires of a feed and its entries, escaping, and characters XML forbids.
#include "opendata/atom.hpp"

#include <gtest/gtest.h>

namespace fabrique::opendata::atom {
namespace {

using namespace std::chrono;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Feed sample() {
  const sys_seconds t = sys_days(year(2021) / June / 15) + hours(12);
  return Feed{.id = "https://f.example/",
              .title = "Les nouvelles <du> programme",
              .alternate = "https://f.example/",
              .self = "https://f.example/actualites.atom",
              .licence = "etalab-2.0",
              .updated = t,
              .entries = {Entry{.id = "https://f.example/coalitions/a#coalition-1",
                                .title = "Nouvelle coalition : « A & B »",
                                .link = "https://f.example/coalitions/a?x=1&y=\"2\"",
                                .updated = t,
                                .summary = "bell\x07 and tab\t kept",
                                .category = "coalition"}}};
}

TEST(Atom, AFeedHasWhatRfc4287RequiresAndItsLicence) {
  const std::string xml = write(sample());
  EXPECT_TRUE(
      xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
  for (const char* part :
       {"<id>https://f.example/</id>", "<updated>2021-06-15T12:00:00Z</updated>",
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://f.example/actualites.atom\"/>",
        "<link rel=\"license\" href=\"https://www.etalab.gouv.fr/licence-ouverte-open-licence/\"/>",
        "<rights>etalab-2.0</rights>", "<author><name>fabrique</name></author>", "<category term=\"coalition\"/>"})
    EXPECT_TRUE(has(xml, part)) << part;
  EXPECT_TRUE(xml.ends_with("</feed>\n"));
}

TEST(Atom, EveryValueIsEscapedAndForbiddenCharactersDropped) {
  const std::string xml = write(sample());
  EXPECT_TRUE(has(xml, "<title>Les nouvelles &lt;du&gt; programme</title>"));
  EXPECT_TRUE(has(xml, "<title>Nouvelle coalition : « A &amp; B »</title>"));
  EXPECT_TRUE(has(xml, "href=\"https://f.example/coalitions/a?x=1&amp;y=&quot;2&quot;\""));
  EXPECT_TRUE(has(xml, "<summary>bell and tab\t kept</summary>"));
}

TEST(Atom, TheResponseIsLastModifiedAtItsLatestEntry) {
  auto r = response(sample());
  EXPECT_TRUE(r.content_type.starts_with("application/atom+xml"));
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Last-Modified", "Tue, 15 Jun 2021 12:00:00 GMT"}));
  Feed empty = sample();
  empty.entries.clear();
  EXPECT_TRUE(response(empty).headers.empty());
}

}  // namespace
}  // namespace fabrique::opendata::atom
