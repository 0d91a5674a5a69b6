// Personal access tokens over real HTTP: made and revoked on /compte, shown once, kept hashed; the
// same forms sent as JSON with `Authorization: Bearer`, answered in JSON with the same refusals as
// the pages (403, 404, 409 with the current revision, 422 with each field's message in the owner's
// language); scopes, expiry, revocation, the rate limit, CSRF still asked of cookies, and no token in
// the request log.
#include <date/date.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "accounts/crypto.hpp"
#include "accounts/store.hpp"
#include "common/log.hpp"
#include "integration/commons_site.hpp"

namespace fabrique::test {
namespace {

namespace bj = boost::json;

constexpr const char* kApiBooklet = "/coalitions/developper-et-maintenir-les-communs-numeriques";

struct Scopes {
  bool read = true;
  bool write = true;
  std::string days = "30";
};

// Makes a token through the account page as `b`'s person; returns it as the page shows it, once.
std::string api_token_from_page(Browser& b, const std::string& name, const Scopes& scopes = {}) {
  b.get("/compte");
  std::vector<std::pair<std::string, std::string>> fields{{"token_name", name}, {"token_lifetime", scopes.days}};
  if (scopes.read) fields.emplace_back("token_read", "1");
  if (scopes.write) fields.emplace_back("token_write", "1");
  auto r = b.post("/compte/jetons", fields);
  EXPECT_EQ(r.status, 200) << r.body;
  static const std::regex kToken("fabrique_[A-Za-z0-9_-]{43}");
  std::smatch m;
  return std::regex_search(r.body, m, kToken) ? m.str() : std::string();
}

// A request as a script makes it: the token, and a JSON body for a POST.
HttpResponse api_call(Site& site, const std::string& method, const std::string& target, const std::string& token,
                      const std::string& json = "", Headers extra = {}) {
  if (!token.empty()) extra.emplace_back("Authorization", "Bearer " + token);
  if (method == "POST") extra.emplace_back("Content-Type", "application/json");
  return request(site.port(), method, target, extra, json);
}

bj::object api_json(const HttpResponse& r) {
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8") << r.status << " " << r.body;
  return bj::parse(r.body).as_object();
}

// What the server writes on standard error (its request log among it) from construction until take().
class ApiLogCapture {
 public:
  ApiLogCapture() {
    ::testing::internal::CaptureStderr();
    log::set_quiet(false);
  }
  ~ApiLogCapture() {
    if (!taken_) take();
  }
  std::string take() {
    taken_ = true;
    log::set_quiet(true);
    return ::testing::internal::GetCapturedStderr();
  }

 private:
  bool taken_ = false;
};

std::int64_t api_booklet_revision(Site& site) {
  return site.count(
      "SELECT booklet_revision FROM coalitions WHERE slug = 'developper-et-maintenir-les-communs-numeriques'");
}

TEST(ApiTokens, MadeOnTheAccountPageShownOnceKeptHashedAndUsedToReadAndWrite) {
  CommonsSite p;
  Browser porteur = p.signed_in("porteur@example.org");
  porteur.get("/compte");
  const std::string token = api_token_from_page(porteur, "Script du livret");
  ASSERT_FALSE(token.empty());
  // Only its hash is kept; the account page lists it by name and never shows it again.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM access_tokens WHERE token_hash = '" + accounts::token_hash(token) + "'"),
            1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM access_tokens WHERE token_hash = '" + token + "'"), 0);
  auto account = porteur.get("/compte");
  EXPECT_NE(account.body.find("Script du livret"), std::string::npos);
  EXPECT_NE(account.body.find("jamais utilisé"), std::string::npos);
  EXPECT_EQ(account.body.find(token), std::string::npos);

  // Reading: the owner's own data, as the owner, never cached.
  auto data = api_call(p.site, "GET", "/compte/donnees.json", token);
  ASSERT_EQ(data.status, 200);
  EXPECT_EQ(api_json(data).at("account").at("email").as_string(), "porteur@example.org");
  EXPECT_NE(data.header("cache-control").find("no-store"), std::string::npos);
  // A page is for browsers.
  EXPECT_EQ(api_call(p.site, "GET", "/compte", token).status, 403);

  // Writing: the booklet's form as JSON, answered with the coalition's document.
  const std::int64_t base = api_booklet_revision(p.site);
  auto saved =
      api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token,
               R"({"base_revision": )" + std::to_string(base) +
                   R"(, "intention": "Des communs numériques entretenus par leurs usagers.", "comment": "API"})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto coalition = api_json(saved);
  EXPECT_EQ(coalition.at("booklet").at("intention").as_string(),
            "Des communs numériques entretenus par leurs usagers.");
  EXPECT_EQ(coalition.at("booklet_revision").as_int64(), base + 1);
  EXPECT_EQ(api_booklet_revision(p.site), base + 1);

  // The same edit again from the old revision: refused as the page refuses it, with the revision to start from.
  auto stale = api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token,
                        R"({"base_revision": )" + std::to_string(base) + R"(, "intention": "Autre chose."})");
  EXPECT_EQ(stale.status, 409);
  auto conflict = api_json(stale);
  EXPECT_EQ(conflict.at("current_revision").as_int64(), base + 1);
  EXPECT_NE(std::string(conflict.at("error").as_string()).find("rien n'a été enregistré"), std::string::npos);
  EXPECT_EQ(api_booklet_revision(p.site), base + 1);

  // From the old revision again, changing only a section nobody changed since: merged with the
  // current revision and answered as a save, the other section kept (issue #19).
  auto merged =
      api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token,
               R"({"base_revision": )" + std::to_string(base) + R"(, "probleme": "Trop peu de mainteneurs."})");
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(api_json(merged).at("booklet").at("probleme").as_string(), "Trop peu de mainteneurs.");
  EXPECT_EQ(api_json(merged).at("booklet").at("intention").as_string(),
            "Des communs numériques entretenus par leurs usagers.");
  EXPECT_EQ(api_booklet_revision(p.site), base + 2);

  // A comment too long: 422 with the field's message, in French, the owner's language; nothing written.
  auto refused = api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token,
                          R"({"base_revision": )" + std::to_string(base + 2) +
                              R"(, "intention": "Encore.", "comment": ")" + std::string(400, 'x') + R"("})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(api_json(refused).at("errors").at("comment").as_string(),
            "Le commentaire est trop long (300 caractères au plus).");
  EXPECT_EQ(api_booklet_revision(p.site), base + 2);

  // Its last use is written by the chores, not by the requests, and shown on the account page.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM access_tokens WHERE last_used_at IS NOT NULL"), 0);
  p.site.run_chores();
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM access_tokens WHERE last_used_at IS NOT NULL"), 1);
  EXPECT_NE(porteur.get("/compte").body.find("dernière utilisation le"), std::string::npos);
}

TEST(ApiTokens, TheSameRefusalsAsTheFormsForAnotherCoalitionAMissingOneAndBadJson) {
  CommonsSite p;
  Browser member = p.signed_in("membre@example.org");
  const std::string token = api_token_from_page(member, "Curieux");
  const std::int64_t base = api_booklet_revision(p.site);
  // A member who is not co-porteur of this coalition: 403 with the page's reason, nothing written.
  auto forbidden = api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token,
                            R"({"base_revision": )" + std::to_string(base) + R"(, "intention": "Pris !"})");
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_NE(std::string(api_json(forbidden).at("error").as_string()).find("co-porteurs"), std::string::npos);
  EXPECT_EQ(api_booklet_revision(p.site), base);
  auto missing =
      api_call(p.site, "POST", "/coalitions/inconnue/modifier", token, R"({"base_revision": 0, "intention": "x"})");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(api_json(missing).at("error").as_string(), "not found");
  // Not a form as JSON, or not JSON at all.
  EXPECT_EQ(
      api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token, R"({"intention": {"x": 1}})").status,
      400);
  EXPECT_EQ(api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token, "[1, 2]").status, 400);
  EXPECT_EQ(api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token, "intention=x",
                     {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            415);
  // The account itself is a browser's business: a token may not make tokens or change the password.
  EXPECT_EQ(api_call(p.site, "POST", "/compte/jetons", token, R"({"token_name": "x", "token_write": true})").status,
            403);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM access_tokens"), 1);
  EXPECT_EQ(api_booklet_revision(p.site), base);
}

TEST(ApiTokens, ScopesRevocationExpiryAndAccountDeletion) {
  CommonsSite p;
  Browser porteur = p.signed_in("porteur@example.org");
  const std::string reader = api_token_from_page(porteur, "Lecture", {.read = true, .write = false, .days = "7"});
  const std::string writer = api_token_from_page(porteur, "Écriture", {.read = false, .write = true, .days = "30"});
  const std::string body = R"({"base_revision": 0, "intention": "Par un script."})";
  // A read token cannot write, a write-only token cannot read.
  auto no_write = api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", reader, body);
  EXPECT_EQ(no_write.status, 403);
  EXPECT_NE(no_write.header("www-authenticate").find("insufficient_scope"), std::string::npos);
  EXPECT_EQ(api_booklet_revision(p.site), 0);
  EXPECT_EQ(api_call(p.site, "GET", "/compte/donnees.json", writer).status, 403);
  EXPECT_EQ(api_call(p.site, "GET", "/compte/donnees.json", reader).status, 200);

  // No scope, a name too long or a lifetime not offered: refused next to the fields.
  porteur.get("/compte");
  auto refused = porteur.post("/compte/jetons", {{"token_name", std::string(101, 'n')}, {"token_lifetime", "1000"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(R"(id="f-token_scopes-error")"), std::string::npos);
  EXPECT_NE(refused.body.find(R"(id="f-token_name-error")"), std::string::npos);
  EXPECT_NE(refused.body.find(R"(id="f-token_lifetime-error")"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM access_tokens"), 2);

  // Expiry: the 7-day token is refused on the eighth day, the 30-day one still works.
  p.site.advance(std::chrono::days(8));
  auto expired = api_call(p.site, "GET", "/compte/donnees.json", reader);
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.header("www-authenticate").find("invalid_token"), std::string::npos);
  EXPECT_EQ(api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", writer, body).status, 200);
  // Revocation from the account page: refused at once.
  const std::int64_t id = p.site.count("SELECT id FROM access_tokens WHERE name = 'Écriture'");
  porteur.get("/compte");
  EXPECT_EQ(porteur.post("/compte/jetons/" + std::to_string(id) + "/revoquer", {}).status, 303);
  EXPECT_EQ(api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", writer, body).status, 401);
  // Deleting the account deletes its tokens.
  const std::string last = api_token_from_page(porteur, "Dernier");
  porteur.get("/compte/supprimer");
  ASSERT_EQ(porteur.post("/compte/supprimer", {{"password", kCommonsPassword}}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM access_tokens"), 0);
  EXPECT_EQ(api_call(p.site, "GET", "/compte/donnees.json", last).status, 401);
}

TEST(ApiTokens, WithoutAValidTokenOrWithACookieAsWell) {
  CommonsSite p;
  Browser porteur = p.signed_in("porteur@example.org");
  const std::string token = api_token_from_page(porteur, "Script");
  const std::string body = R"({"base_revision": 0, "intention": "Sans jeton valide."})";
  for (const std::string& bad :
       {std::string("fabrique_") + std::string(43, 'A'), std::string("n'importe quoi"), std::string()}) {
    auto r = api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", "", body,
                      {{"Authorization", "Bearer " + bad}});
    EXPECT_EQ(r.status, 401) << bad;
    EXPECT_TRUE(api_json(r).contains("error"));
  }
  // A scheme that is not ours (a proxy's Basic) is ignored: the visitor is sent to sign in.
  EXPECT_EQ(api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", "", "intention=x",
                     {{"Authorization", "Basic dXNlcjpwYXNz"}, {"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            403);
  // A token with a session cookie: refused, nothing written.
  auto both = api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", token, body,
                       {{"Cookie", "fabrique_session=" + porteur.cookie("fabrique_session")}});
  EXPECT_EQ(both.status, 400);
  // A cookie still needs the CSRF token, JSON or not.
  porteur.get(std::string(kApiBooklet) + "/modifier");
  EXPECT_EQ(
      porteur.post(std::string(kApiBooklet) + "/modifier", {{"base_revision", "0"}, {"intention", "Sans CSRF"}}, false)
          .status,
      403);
  EXPECT_EQ(api_call(p.site, "POST", std::string(kApiBooklet) + "/modifier", "", body,
                     {{"Cookie", "fabrique_session=" + porteur.cookie("fabrique_session")}})
                .status,
            400);
  EXPECT_EQ(api_booklet_revision(p.site), 0);
}

TEST(ApiTokens, EachTokenHasItsOwnRateLimit) {
  CommonsSite p([](config::Options& o) { o.api_requests_per_minute = 3; });
  Browser member = p.signed_in("membre@example.org");
  const std::string first = api_token_from_page(member, "Premier");
  const std::string second = api_token_from_page(member, "Second");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(api_call(p.site, "GET", "/compte/donnees.json", first).status, 200);
  auto limited = api_call(p.site, "GET", "/compte/donnees.json", first);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("retry-after"), "20");
  EXPECT_EQ(api_call(p.site, "GET", "/compte/donnees.json", second).status, 200);
  p.site.advance(std::chrono::seconds(20));
  EXPECT_EQ(api_call(p.site, "GET", "/compte/donnees.json", first).status, 200);
  EXPECT_EQ(api_call(p.site, "GET", "/compte/donnees.json", first).status, 429);
}

TEST(ApiTokens, AnEventItsRegistrationAResourceAndAnObservatoryEntryAndNoTokenInTheLog) {
  CommonsSite p;
  Browser anim = p.signed_in("anim@example.org");
  Browser member = p.signed_in("membre@example.org");
  const std::string organiser = api_token_from_page(anim, "Agenda");
  const std::string token = api_token_from_page(member, "Mon script");
  ApiLogCapture captured;

  // An event made by the animateur's script: 201, its document, and where it lives.
  const auto day = std::chrono::floor<std::chrono::days>(p.site.now()) + std::chrono::days(7);
  const std::string date = date::format("%F", day);
  auto made = api_call(p.site, "POST", "/evenements/nouveau", organiser,
                       R"({"kind": "reset-day", "title": "Reset Day par API", "slug": "reset-api", "starts": ")" +
                           date + R"(T14:00", "ends": ")" + date + R"(T16:00", "capacity": 20, "coalitions": [")" +
                           kCommonsCoalition + R"("]})");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_TRUE(made.header("location").ends_with("/evenements/reset-api"));
  auto event = api_json(made);
  EXPECT_EQ(event.at("slug").as_string(), "reset-api");
  EXPECT_EQ(event.at("coalitions").as_array().size(), 1u);

  // The member registers: the event's document, with their registration.
  auto registered = api_call(p.site, "POST", "/evenements/reset-api/inscription", token, "{}");
  ASSERT_EQ(registered.status, 200) << registered.body;
  EXPECT_EQ(api_json(registered).at("my_registration").at("status").as_string(), "registered");
  auto again = api_call(p.site, "POST", "/evenements/reset-api/inscription", token, "{}");
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(api_json(again).at("errors").at("registration").as_string(), "Vous êtes déjà inscrit à cet événement.");

  // A resource proposed: 201 and the resource's JSON document, as its page's .json shows it to its author.
  const std::string resource =
      R"({"title": "Guide des communs", "url": "https://example.org/guide", "kind": "guide", "licence": "CC-BY-4.0", )"
      R"("description": "Un guide.", "tags": "communs", "coalitions": [")" +
      std::string(kCommonsCoalition) + R"("]})";
  auto proposed = api_call(p.site, "POST", "/ressources/proposer", token, resource);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  EXPECT_TRUE(proposed.header("location").ends_with("/ressources/guide-des-communs")) << proposed.header("location");
  EXPECT_EQ(api_json(proposed).at("resource").at("slug").as_string(), "guide-des-communs") << proposed.body;
  // In English for an owner who reads English.
  {
    auto c = p.site.db().acquire();
    accounts::store::set_language(*c, p.member.id, i18n::Lang::en);
  }
  auto wrong_licence =
      api_call(p.site, "POST", "/ressources/proposer", token,
               R"({"title": "Autre", "url": "https://example.org/x", "kind": "guide", "licence": "WTFPL-9"})");
  EXPECT_EQ(wrong_licence.status, 422);
  EXPECT_EQ(api_json(wrong_licence).at("errors").at("licence").as_string(), "Choose a licence from the list.");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources"), 1);

  // A file goes as a browser sends it, multipart/form-data (still no CSRF token); its owner reads it back.
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  auto upload = [&](const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields,
                    const std::string& bytes) {
    return request(p.site.port(), "POST", target,
                   {{"Authorization", "Bearer " + token}, {"Content-Type", std::string(kMultipartType)}},
                   multipart_body(fields, {{"file", "rapport.pdf", "application/pdf", bytes}}));
  };
  const std::vector<std::pair<std::string, std::string>> report = {
      {"title", "Rapport en PDF"}, {"kind", "guide"}, {"licence", "CC-BY-4.0"}, {"description", "Le rapport."}};
  auto with_file = upload("/ressources/proposer", report, pdf);
  ASSERT_EQ(with_file.status, 201) << with_file.body;
  const std::string file = std::string(api_json(with_file).at("resource").at("file").as_string());
  ASSERT_TRUE(file.starts_with("http://") && file.find("/ressources/") != std::string::npos) << file;
  auto downloaded = api_call(p.site, "GET", file.substr(file.find("/ressources/")), token);
  EXPECT_EQ(downloaded.status, 200);
  EXPECT_EQ(downloaded.body, pdf);
  EXPECT_EQ(downloaded.header("content-type"), "application/pdf");
  // A form without a file takes JSON only; a file the site refuses is refused as on the page.
  auto elsewhere = upload("/evenements/reset-api/inscription", {}, pdf);
  EXPECT_EQ(elsewhere.status, 415) << elsewhere.body;
  auto executable = upload("/ressources/proposer", report,
                           std::string("\x7f"
                                       "ELF\x02\x01\x01") +
                               std::string(200, '\0'));
  EXPECT_EQ(executable.status, 422) << executable.body;
  EXPECT_TRUE(api_json(executable).at("errors").as_object().contains("file")) << executable.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources"), 2);

  // An observatory entry written by the animateur's script.
  auto entry = api_call(p.site, "POST", "/observatoire/nouvelle", organiser,
                        R"({"name": "Calcul des aides au logement", "summary": "Calcule le montant de l'aide.",
          "organisation": "Caisse nationale des allocations familiales", "organisation_siren": "180035024",
          "contact": "contact@example.org", "status": "in-use", "category": "impactful", "theme": "Logement",
          "purpose": "Calculer le droit.", "decision_role": "Le calcul fixe le montant.",
          "automation": "fully-automated", "affected_public": "Les locataires.", "legal_basis": "Code.",
          "legal_basis_url": "https://www.legifrance.gouv.fr/", "human_oversight": "Des agents.",
          "appeal": "Recours amiable.", "explicit_mention": "no", "algorithm_type": "rules",
          "technical_description": "Un barème.", "risks": "Erreurs.", "source_0_name": "Déclarations du foyer",
          "source_0_url": "https://example.org/donnees", "evidence_O4_level": "current",
          "evidence_O4_url": "https://example.org/code", "evidence_O4_checked_on": "2024-01-10"})");
  ASSERT_EQ(entry.status, 201) << entry.body;
  EXPECT_EQ(api_json(entry).at("slug").as_string(), "calcul-des-aides-au-logement");

  // The request log names the paths, never the tokens.
  const std::string written = captured.take();
  EXPECT_NE(written.find("/evenements/reset-api/inscription"), std::string::npos);
  EXPECT_EQ(written.find(token), std::string::npos);
  EXPECT_EQ(written.find(organiser), std::string::npos);
}

}  // namespace
}  // namespace fabrique::test
