// Sitemap documents: how many files, absolute escaped addresses, dates, and the index's latest dates.
#include "opendata/sitemap.hpp"

#include <gtest/gtest.h>

namespace fabrique::opendata::sitemap {
namespace {

using namespace std::chrono;

TEST(Sitemap, PartsAreCountedByTheLimit) {
  EXPECT_EQ(parts(0, 50000), 1u);
  EXPECT_EQ(parts(50000, 50000), 1u);
  EXPECT_EQ(parts(50001, 50000), 2u);
  EXPECT_EQ(parts(10, 3), 4u);
}

TEST(Sitemap, AddressesAreAbsoluteAndEscapedWithTheirDates) {
  const store::PageList pages = {{"/", std::nullopt}, {"/coalitions/a", sys_days(year(2021) / March / 4) + hours(5)}};
  const std::string xml = urlset("https://x.example/?a&b", pages, 0, pages.size());
  EXPECT_NE(xml.find("<loc>https://x.example/?a&amp;b/</loc></url>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<loc>https://x.example/?a&amp;b/coalitions/a</loc><lastmod>2021-03-04T05:00:00Z</lastmod>"),
            std::string::npos)
      << xml;
}

TEST(Sitemap, AnIndexGivesEachFileTheLatestDateOfItsPages) {
  const auto on = [](unsigned d) { return std::optional<sys_seconds>(sys_days(year(2021) / March / day(d))); };
  const store::PageList pages = {{"/a", on(3)}, {"/b", on(1)}, {"/c", std::nullopt}};
  const std::string xml = index("https://x.example", latest_of_parts(pages, 2));
  EXPECT_NE(
      xml.find("<sitemap><loc>https://x.example/sitemaps/1.xml</loc><lastmod>2021-03-03T00:00:00Z</lastmod></sitemap>"),
      std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<sitemap><loc>https://x.example/sitemaps/2.xml</loc></sitemap>"), std::string::npos) << xml;
}

}  // namespace
}  // namespace fabrique::opendata::sitemap
