// Validators and dates of open data documents: HTTP dates, ETag and If-None-Match/If-Modified-Since,
// and the paging of data lists (parameters and Link headers).
#include "http/open_data.hpp"

#include <gtest/gtest.h>

namespace fabrique::http::open_data {
namespace {

using namespace std::chrono;

TEST(OpenData, HttpDatesAreImfFixdateAndReadBack) {
  const sys_seconds t = sys_days(year(1994) / November / 6) + hours(8) + minutes(49) + seconds(37);
  EXPECT_EQ(http_date(t), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), t);
  EXPECT_EQ(parse_http_date(http_date(sys_days(year(2026) / December / 31) + hours(23))),
            sys_days(year(2026) / December / 31) + hours(23));
}

TEST(OpenData, OtherDateFormsAndNonsenseAreIgnored) {
  EXPECT_FALSE(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"));  // RFC 850, obsolete
  EXPECT_FALSE(parse_http_date("Sun Nov  6 08:49:37 1994"));        // asctime
  EXPECT_FALSE(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"));
  EXPECT_FALSE(parse_http_date("Sun, 31 Feb 1994 08:49:37 GMT"));
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 25:49:37 GMT"));
  EXPECT_FALSE(parse_http_date(""));
}

TEST(OpenData, IfNoneMatchComparesTagsWeaklyAndWinsOverIfModifiedSince) {
  const std::string tag = strong_etag("body");
  EXPECT_EQ(tag, strong_etag("body"));
  EXPECT_NE(tag, strong_etag("body!"));
  EXPECT_TRUE(not_modified(tag, "", tag, ""));
  EXPECT_TRUE(not_modified("W/" + tag, "", tag, ""));
  EXPECT_TRUE(not_modified("\"a\", " + tag + " , \"b\"", "", tag, ""));
  EXPECT_TRUE(not_modified("*", "", tag, ""));
  EXPECT_FALSE(not_modified("\"a\"", "", tag, ""));
  const std::string date = "Sun, 06 Nov 1994 08:49:37 GMT";
  EXPECT_FALSE(not_modified("\"a\"", date, tag, date));
}

TEST(OpenData, IfModifiedSinceCountsOnlyWhereTheDocumentHasADate) {
  const std::string modified = "Sun, 06 Nov 1994 08:49:37 GMT";
  EXPECT_TRUE(not_modified("", modified, "\"t\"", modified));
  EXPECT_TRUE(not_modified("", "Mon, 07 Nov 1994 00:00:00 GMT", "\"t\"", modified));
  EXPECT_FALSE(not_modified("", "Sat, 05 Nov 1994 00:00:00 GMT", "\"t\"", modified));
  EXPECT_FALSE(not_modified("", modified, "\"t\"", ""));
  EXPECT_FALSE(not_modified("", "not a date", "\"t\"", modified));
}

TEST(OpenData, DataDocumentsAreKnownByTheirMediaType) {
  for (const char* type : {"application/json; charset=utf-8", "text/csv; charset=utf-8", "text/calendar; charset=utf-8",
                           "application/atom+xml; charset=utf-8", "application/xml; charset=utf-8", "application/json"})
    EXPECT_TRUE(is_data(type)) << type;
  for (const char* type : {"text/html; charset=utf-8", "text/plain", "application/pdf", "application/jsonp", ""})
    EXPECT_FALSE(is_data(type)) << type;
}

TEST(OpenData, LicenceTextsAreFoundFromTheirIdentifier) {
  EXPECT_EQ(licence_url("etalab-2.0"), "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
  EXPECT_EQ(licence_url("ODbL-1.0"), "https://spdx.org/licenses/ODbL-1.0.html");
}

TEST(OpenData, UpdatedSinceIsAnInstantInUtcOrADayAndNothingElse) {
  EXPECT_EQ(parse_iso("2021-06-15T12:00:05Z"), sys_days(year(2021) / June / 15) + hours(12) + seconds(5));
  EXPECT_EQ(parse_iso("2021-06-15"), sys_days(year(2021) / June / 15));
  for (const char* bad : {"", "hier", "2021-06-15T12:00:00", "2021-06-15T12:00:00+02:00", "2021-02-30",
                          "2021-06-15T24:00:00Z", "2021-6-15", " 2021-06-15", "2021-06-15T12:00:00.5Z"})
    EXPECT_FALSE(parse_iso(bad)) << bad;
}

TEST(OpenData, PagingReadsItsParametersStrictly) {
  const char* error = nullptr;
  auto p = paging_of(*Form::parse("page=3&per_page=20&updated_since=2021-06-15"), error);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->offset(), 40);
  EXPECT_EQ(p->pages(41), 3);
  EXPECT_EQ(p->pages(0), 1);
  EXPECT_TRUE(p->updated_since);
  EXPECT_EQ(paging_of(*Form::parse("page=&famille="), error)->per_page, kDefaultPerPage);
  for (const char* bad : {"page=0", "page=1.5", "per_page=501", "per_page=-1", "updated_since=yesterday"}) {
    error = nullptr;
    EXPECT_FALSE(paging_of(*Form::parse(bad), error)) << bad;
    EXPECT_NE(error, nullptr) << bad;
  }
}

TEST(OpenData, PagingLinksKeepTheQueryAndChangeOnlyThePage) {
  Response r;
  set_paging_links(r, "https://f.example", "/organisations.json", "type=collectivite&page=2&per_page=5", 2, 3);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second,
            "<https://f.example/organisations.json?type=collectivite&per_page=5&page=1>; rel=\"first\", "
            "<https://f.example/organisations.json?type=collectivite&per_page=5&page=1>; rel=\"prev\", "
            "<https://f.example/organisations.json?type=collectivite&per_page=5&page=3>; rel=\"next\", "
            "<https://f.example/organisations.json?type=collectivite&per_page=5&page=3>; rel=\"last\"");
  Response one;
  set_paging_links(one, "", "/x.json", "q=<a>", 1, 1);
  EXPECT_EQ(one.headers[0].second,
            "</x.json?q=%3Ca%3E&page=1>; rel=\"first\", </x.json?q=%3Ca%3E&page=1>; rel=\"last\"");
}

}  // namespace
}  // namespace fabrique::http::open_data
