// The whole site over real HTTP: protections against abusive requests, static assets, headers,
// language, and that the server keeps answering after all of it.
#include "integration/site.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "http/compress.hpp"
#include "http/page_cache.hpp"

namespace fabrique::test {
namespace {

TEST(Site, SurvivesAbusiveRequestsAndKeepsAnswering) {
  Site site;
  auto big_header = send(site.port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  EXPECT_EQ(parse_response(big_header).status, 431);

  std::string body(100 * 1024, 'a');
  auto big_body = send(site.port(),
                       "POST /connexion HTTP/1.1\r\nHost: x\r\nContent-Type: "
                       "application/x-www-form-urlencoded\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(parse_response(big_body).status, 413);

  EXPECT_EQ(parse_response(send(site.port(), "GARBAGE\r\n\r\n")).status, 400);
  EXPECT_EQ(parse_response(send(site.port(), "GET /\x01\x02 HTTP/9.9\r\n\r\n")).status, 400);
  EXPECT_EQ(parse_response(send(site.port(), std::string("\0\xff\xfe\r\n\r\n", 7))).status, 400);

  // A form body that is not valid percent-encoding or UTF-8 gets a clear 400, not a crash.
  Browser b(site);
  b.get("/connexion");
  auto bad_form = request(site.port(), "POST", "/connexion",
                          {{"Cookie", "fabrique_browser=" + b.cookie("fabrique_browser")},
                           {"Content-Type", "application/x-www-form-urlencoded"}},
                          "csrf=%ZZ&email=%FF%FE");
  EXPECT_EQ(bad_form.status, 400);

  // A slow client holding a half-sent request does not block anybody else.
  HttpConnection slow(site.port());
  slow.write("GET / HTTP/1.1\r\nHost: x\r\n");
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(request(site.port(), "GET", "/").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  // …and it is cut off after the read timeout (2 s in tests).
  EXPECT_TRUE(slow.wait_closed(std::chrono::seconds(4)));

  EXPECT_EQ(request(site.port(), "GET", "/").status, 200);
}

TEST(Site, EveryResponseCarriesTheSecurityHeaders) {
  Site site;
  for (const char* target : {"/", "/connexion", "/nexiste-pas", "/static/nexiste-pas.css"}) {
    auto r = request(site.port(), "GET", target);
    auto csp = r.header("content-security-policy");
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << target;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << target;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << target;
    EXPECT_FALSE(r.header("referrer-policy").empty()) << target;
  }
}

TEST(Site, PagesHaveNoInlineScriptOrStyle) {
  Site site;
  for (const char* target : {"/", "/connexion", "/inscription", "/organisations"}) {
    auto r = request(site.port(), "GET", target);
    EXPECT_EQ(r.body.find("<script"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("style="), std::string::npos) << target;
    EXPECT_EQ(r.body.find("<style"), std::string::npos) << target;
  }
}

TEST(Site, StylesheetIsContentHashedImmutableAndPrecompressed) {
  Site site;
  auto home = request(site.port(), "GET", "/");
  std::smatch m;
  static const std::regex kCss(R"re(href="(/static/style\.[0-9a-f]{12}\.css)")re");
  ASSERT_TRUE(std::regex_search(home.body, m, kCss));
  std::string url = m[1];
  auto plain = request(site.port(), "GET", url);
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(plain.header("cache-control").find("immutable"), std::string::npos);
  auto br = request(site.port(), "GET", url, {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_LT(br.body.size(), plain.body.size());
  auto gz = request(site.port(), "GET", url, {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_EQ(http::gunzip(gz.body), plain.body);
}

TEST(Site, HtmlIsCompressedOnTheFlyWhenAccepted) {
  Site site;
  auto plain = request(site.port(), "GET", "/");
  auto gz = request(site.port(), "GET", "/", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(plain.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_LT(gz.body.size(), plain.body.size());
}

TEST(Site, LanguageComesFromTheBrowserAndTheSwitchKeepsThePage) {
  Site site;
  EXPECT_NE(request(site.port(), "GET", "/").body.find(R"(<html lang="fr">)"), std::string::npos);
  EXPECT_NE(request(site.port(), "GET", "/", {{"Accept-Language", "en-US,en;q=0.8,fr;q=0.5"}})
                .body.find(R"(<html lang="en">)"),
            std::string::npos);
  Browser b(site);
  auto r = b.get("/langue/en?retour=/organisations%3Ftype%3Dmedia");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/organisations?type=media");
  EXPECT_NE(b.get("/organisations").body.find("Organisations"), std::string::npos);
  EXPECT_NE(b.get("/connexion").body.find(R"(<html lang="en">)"), std::string::npos);
  // The switch never sends anyone off the site.
  EXPECT_EQ(b.get("/langue/fr?retour=//evil.example").header("location"), "/");
}

// The main menu keeps to a few entries: the four public registers share one, which leads to a page
// gathering them and stays marked on each register's pages.
TEST(Site, ThePublicRegistersShareOneEntryOfTheMenu) {
  Site site;
  Browser b(site);
  auto page = b.get("/registres");
  ASSERT_EQ(page.status, 200);
  for (const char* link : {R"(<a href="/observatoire">)", R"(<a href="/donnees">)", R"(<a href="/territoires">)",
                           R"(<a href="/organisations">)"})
    EXPECT_NE(page.body.find(link), std::string::npos) << link;
  EXPECT_NE(page.body.find("0 jeu de données"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<a href="/registres" aria-current="page">Registres publics</a>)"), std::string::npos);
  for (const char* path : {"/observatoire", "/donnees", "/territoires", "/organisations"}) {
    auto r = b.get(path);
    EXPECT_NE(r.body.find(R"(<a href="/registres" aria-current="true">Registres publics</a>)"), std::string::npos)
        << path;
  }
  // Not on a page that only starts with the same letters, nor on the others.
  EXPECT_EQ(b.get("/coalitions").body.find(R"(aria-current="true")"), std::string::npos);
  EXPECT_NE(b.get("/decisions").body.find(R"(<a href="/decisions" aria-current="page">Décisions</a>)"),
            std::string::npos);
}

TEST(Site, UnknownPathIsA404AndWrongMethodA405) {
  Site site;
  EXPECT_EQ(request(site.port(), "GET", "/nulle-part").status, 404);
  auto r = request(site.port(), "GET", "/deconnexion");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "POST");
}

TEST(Site, HeadAnswersLikeGetWithoutABody) {
  Site site;
  auto r = request(site.port(), "HEAD", "/organisations");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
}

}  // namespace
}  // namespace fabrique::test

namespace fabrique::test {
namespace {

void add_organisation_behind_the_sites_back(Site& site, const std::string& name) {
  auto c = site.db().acquire();
  c->execute(
      "INSERT INTO organisations (slug, name, name_key, kind_id, created_at, updated_at) "
      "VALUES (?, ?, ?, 1, 0, 0)",
      {name, name, name});
}

TEST(PageCache, VisitorsShareAPageUntilATableItReadChangesThroughTheSite) {
  Site site;
  Browser visitor(site);
  EXPECT_EQ(visitor.get("/organisations").body.find("zeta-org"), std::string::npos);
  // A write that did not go through the site is not seen yet: the page came from the cache…
  add_organisation_behind_the_sites_back(site, "zeta-org");
  EXPECT_EQ(visitor.get("/organisations").body.find("zeta-org"), std::string::npos);
  // …while a signed-in person always gets a fresh page.
  site.add_user("m@example.org", "M", "un mot de passe solide");
  Browser member(site);
  member.sign_in("m@example.org", "un mot de passe solide");
  EXPECT_NE(member.get("/organisations").body.find("zeta-org"), std::string::npos);
  // Signing in changed the sessions, which the list of organisations does not read: still cached.
  EXPECT_EQ(visitor.get("/organisations").body.find("zeta-org"), std::string::npos);
  // A change through the site to what the page reads renders it again, on the next visit.
  member.get("/organisations/nouvelle");
  EXPECT_EQ(member.post("/organisations/nouvelle", {{"name", "Wikimédia France"}, {"kind", "association-tech"}}).status,
            303);
  const std::string page = visitor.get("/organisations").body;
  EXPECT_NE(page.find("Wikimédia France"), std::string::npos);
  EXPECT_NE(page.find("zeta-org"), std::string::npos);
}

// What a change deletes goes with what the schema deletes with it: a page that read only the rows
// removed by ON DELETE CASCADE is rendered again too.
TEST(PageCache, ADeletionRendersAgainThePagesOfWhatItDeletedWithIt) {
  Site site;
  auto c = site.db().acquire();
  site.db().changes().learn(*c);
  const auto tables = site.db().changes().tables_of("DELETE FROM coalitions WHERE id = ?");
  const auto names = site.db().changes().names(tables.writes);
  auto has = [&](const char* n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  EXPECT_TRUE(has("coalitions"));
  EXPECT_TRUE(has("coalition_members")) << "cascades from coalitions";
  EXPECT_FALSE(has("organisations")) << "not deleted with a coalition";
  const auto insert = site.db().changes().tables_of(
      "INSERT INTO registrations (event_id, user_id) SELECT id, ? FROM events WHERE slug = ? "
      "ON CONFLICT (event_id, user_id) DO UPDATE SET cancelled_at = NULL");
  EXPECT_EQ(site.db().changes().names(insert.writes), std::vector<std::string>{"registrations"});
  const auto read = site.db().changes().names(insert.reads);
  EXPECT_NE(std::find(read.begin(), read.end(), "events"), read.end());
}

// A signed-in person's pages are kept for their session in their browser, never shown to anyone else,
// and rendered again once a table they read changes through the site.
TEST(PageCache, ASignedInPersonsPagesAreKeptForThemAloneUntilWhatTheyReadChanges) {
  Site site;
  site.add_user("alice@example.org", "Alice Martin", "un mot de passe solide");
  site.add_user("bruno@example.org", "Bruno Petit", "un autre mot de passe solide");
  Browser alice(site), bruno(site);
  alice.sign_in("alice@example.org", "un mot de passe solide");
  bruno.sign_in("bruno@example.org", "un autre mot de passe solide");
  EXPECT_NE(alice.get("/compte").body.find("alice@example.org"), std::string::npos);
  const std::string theirs = bruno.get("/compte").body;
  EXPECT_NE(theirs.find("bruno@example.org"), std::string::npos);
  EXPECT_EQ(theirs.find("alice@example.org"), std::string::npos) << "one person's page served to another";

  EXPECT_EQ(alice.get("/organisations").body.find("zeta-org"), std::string::npos);
  add_organisation_behind_the_sites_back(site, "zeta-org");
  EXPECT_EQ(alice.get("/organisations").body.find("zeta-org"), std::string::npos) << "kept for her";
  EXPECT_NE(bruno.get("/organisations").body.find("zeta-org"), std::string::npos) << "rendered for him now";
  alice.get("/organisations/nouvelle");
  EXPECT_EQ(alice.post("/organisations/nouvelle", {{"name", "Wikimédia France"}, {"kind", "association-tech"}}).status,
            303);
  const std::string page = alice.get("/organisations").body;
  EXPECT_NE(page.find("Wikimédia France"), std::string::npos) << "her own change must show at once";
  EXPECT_NE(page.find("zeta-org"), std::string::npos);
}

// The benchmark turns the cache off to measure what rendering each page costs: then a visitor's page
// is rendered on every request, and shows at once a change made outside the site.
TEST(PageCache, OffEveryVisitorsPageIsRenderedAgain) {
  Site site(Site::small_limits(), [](config::Options& o) { o.page_cache = false; });
  Browser visitor(site);
  EXPECT_EQ(visitor.get("/organisations").body.find("zeta-org"), std::string::npos);
  add_organisation_behind_the_sites_back(site, "zeta-org");
  EXPECT_NE(visitor.get("/organisations").body.find("zeta-org"), std::string::npos);
}

TEST(PageCache, PagesWithAFormAreNeverSharedAndGiveTheBrowserItsSecret) {
  Site site;
  auto a = request(site.port(), "GET", "/connexion");
  auto b = request(site.port(), "GET", "/connexion");
  EXPECT_FALSE(a.header("set-cookie").empty());
  EXPECT_FALSE(b.header("set-cookie").empty());
  std::regex token(R"re(name="csrf" value="([^"]+)")re");
  std::smatch ma, mb;
  ASSERT_TRUE(std::regex_search(a.body, ma, token));
  ASSERT_TRUE(std::regex_search(b.body, mb, token));
  EXPECT_NE(ma[1].str(), mb[1].str());
}

TEST(PageCache, PagesWithoutFormsSetNoCookieAndServeCompressedCopies) {
  Site site;
  auto first = request(site.port(), "GET", "/", {{"Accept-Encoding", "gzip"}});
  auto second = request(site.port(), "GET", "/", {{"Accept-Encoding", "gzip"}});
  EXPECT_TRUE(first.header("set-cookie").empty());
  EXPECT_EQ(second.header("content-encoding"), "gzip");
  EXPECT_EQ(http::gunzip(first.body), http::gunzip(second.body));
  EXPECT_NE(http::gunzip(second.body).find("<h1>"), std::string::npos);
}

}  // namespace
}  // namespace fabrique::test
