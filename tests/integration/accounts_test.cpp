// Accounts over real HTTP: sign up (confirmed by the mailed link), sign in, change password, sign out, CSRF, slow-down,
// bad input.
#include <gtest/gtest.h>

#include <cstdlib>

#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"
#include "integration/mail_support.hpp"
#include "integration/site.hpp"
#include "storage/migrations.hpp"

namespace fabrique::test {
namespace {

HttpResponse sign_up(Browser& b, const std::string& email, const std::string& name = "Camille Martin",
                     const std::string& password = kPassword) {
  b.get("/inscription");
  return b.post("/inscription", {{"name", name},
                                 {"email", email},
                                 {"password", password},
                                 {"password_confirmation", password},
                                 {"organisation", ""},
                                 {"organisation_kind", ""}});
}

// Follows the link of the latest confirmation mail (an .eml file: the test site has no SMTP server),
// which signs the person in; returns the response of that last step.
HttpResponse confirm_by_mail(Site& site, Browser& b) {
  site.deliver_mail();
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(site.options().mail_dir))
    if (e.path().extension() == ".eml") files.push_back(e.path().string());
  auto mails = SmtpServer::parse_mails(files);
  const std::string link = mails.empty() ? std::string() : link_in(mails.back(), "/inscription/confirmer");
  b.get(link);
  return b.post("/inscription/confirmer", {{"jeton", link.substr(link.find('=') + 1)}});
}

// Signs up, then confirms the address by the mailed link.
HttpResponse sign_up_and_confirm(Site& site, Browser& b, const std::string& email) {
  sign_up(b, email);
  return confirm_by_mail(site, b);
}

TEST(Accounts, SignUpThenTheMailedLinkSignsInAndShowsTheAccount) {
  Site site;
  Browser b(site);
  auto sent = sign_up(b, "camille@example.org");
  EXPECT_EQ(sent.status, 303);
  EXPECT_EQ(sent.header("location"), "/inscription/envoyee");
  EXPECT_TRUE(b.cookie("fabrique_session").empty());
  auto r = sign_up_and_confirm(site, b, "camille@example.org");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/compte");
  auto cookie = r.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  auto account = b.get("/compte");
  EXPECT_EQ(account.status, 200);
  EXPECT_NE(account.body.find("camille@example.org"), std::string::npos);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users"), 1);
}

TEST(Accounts, SessionTokenIsStoredOnlyAsAHash) {
  Site site;
  Browser b(site);
  sign_up_and_confirm(site, b, "camille@example.org");
  std::string token = b.cookie("fabrique_session");
  ASSERT_FALSE(token.empty());
  auto c = site.db().acquire();
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", {token}), 0);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM sessions"), 1);
}

TEST(Accounts, SignOutEndsTheSession) {
  Site site;
  Browser b(site);
  sign_up_and_confirm(site, b, "camille@example.org");
  std::string token = b.cookie("fabrique_session");
  b.get("/compte");
  auto out = b.post("/deconnexion", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM sessions"), 0);
  // Even the old cookie, replayed, no longer works.
  Browser replay(site);
  replay.set_cookie("fabrique_session", token);
  auto r = replay.get("/compte");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location").rfind("/connexion", 0), 0u);
}

// On SQLite, a session read while nothing was committed since is known without a statement
// (accounts::KnownSessions); anything committed by anyone, even another program, has it read again,
// and a session past its end is never taken from what is known.
TEST(Accounts, ASessionIsKnownWithoutAStatementUntilAnythingIsCommitted) {
  log::set_quiet(true);
  TestDatabase database(TestDatabase::Schema::migrated);
  if (database.is_postgresql()) GTEST_SKIP() << "PostgreSQL gives no commit mark: the session is read every time";
  auto db = storage::open(database.location(), 2);
  const std::chrono::sys_seconds now{std::chrono::seconds(1'800'000'000)};
  std::string token;
  {
    auto c = db->acquire();
    storage::migrate(*c);
    db->changes().learn(*c);
    accounts::User ada;
    ada.email = "ada@example.org";
    ada.name = "Ada";
    const std::int64_t id = accounts::store::insert_user(*c, ada, "x", now);
    token = accounts::open_session(*c, id, now, std::chrono::days(30));
  }
  const storage::Tables sessions = db->changes().tables_of("SELECT 1 FROM sessions").reads;
  accounts::KnownSessions known;
  // Who the token's request is (empty: no one), and whether it ran a statement for it.
  auto who = [&](std::chrono::sys_seconds at) {
    auto c = db->acquire();
    c->reads.reset();
    auto user = accounts::current_user(*c, token, at, nullptr, &known);
    return std::pair{user ? user->name : std::string(), (c->reads.tables & sessions).any()};
  };
  auto elsewhere = [&](const std::string& sql) {
    const std::string command = "sqlite3 '" + database.location() + "' \"" + sql + "\"";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  };
  EXPECT_EQ(who(now), std::pair(std::string("Ada"), true));
  EXPECT_EQ(who(now), std::pair(std::string("Ada"), false)) << "nothing committed since";
  EXPECT_EQ(who(now + std::chrono::days(31)), std::pair(std::string(), true)) << "past its end";
  EXPECT_EQ(who(now), std::pair(std::string("Ada"), false));

  elsewhere("UPDATE users SET name = 'Ada L.'");
  EXPECT_EQ(who(now), std::pair(std::string("Ada L."), true)) << "a change by another program is seen at once";
  EXPECT_EQ(who(now), std::pair(std::string("Ada L."), false));
  elsewhere("DELETE FROM sessions");
  EXPECT_EQ(who(now), std::pair(std::string(), true)) << "signed out elsewhere: signed out here at once";
}

TEST(Accounts, SignInWithEmailInAnyCase) {
  Site site;
  site.add_user("Camille@Example.org", "Camille", kPassword);
  Browser b(site);
  auto r = b.sign_in("CAMILLE@example.ORG", kPassword);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(b.get("/compte").status, 200);
}

TEST(Accounts, WrongPasswordIsRefusedWithOneMessageForBothFields) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  auto wrong_password = b.sign_in("camille@example.org", "pas le bon mot de passe");
  auto unknown_email = b.sign_in("personne@example.org", kPassword);
  EXPECT_EQ(wrong_password.status, 422);
  EXPECT_EQ(unknown_email.status, 422);
  EXPECT_NE(wrong_password.body.find("Adresse électronique ou mot de passe incorrect."), std::string::npos);
  EXPECT_NE(unknown_email.body.find("Adresse électronique ou mot de passe incorrect."), std::string::npos);
  // The address typed is kept; the password never is.
  EXPECT_NE(wrong_password.body.find(R"(value="camille@example.org")"), std::string::npos);
  EXPECT_EQ(wrong_password.body.find("pas le bon mot de passe"), std::string::npos);
  EXPECT_TRUE(b.cookie("fabrique_session").empty());
}

TEST(Accounts, ChangePasswordSignsOutOtherSessions) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser laptop(site), phone(site);
  laptop.sign_in("camille@example.org", kPassword);
  phone.sign_in("camille@example.org", kPassword);
  laptop.get("/compte");
  auto r = laptop.post("/compte/mot-de-passe", {{"current_password", kPassword},
                                                {"new_password", "un nouveau mot de passe"},
                                                {"new_password_confirmation", "un nouveau mot de passe"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(laptop.get("/compte").status, 200);
  EXPECT_EQ(phone.get("/compte").status, 303);  // sent to the sign-in page
  Browser other(site);
  EXPECT_EQ(other.sign_in("camille@example.org", kPassword).status, 422);
  EXPECT_EQ(other.sign_in("camille@example.org", "un nouveau mot de passe").status, 303);
}

TEST(Accounts, ChangePasswordWithWrongCurrentPasswordChangesNothing) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  b.sign_in("camille@example.org", kPassword);
  b.get("/compte");
  auto r = b.post("/compte/mot-de-passe", {{"current_password", "ce n'est pas lui"},
                                           {"new_password", "un nouveau mot de passe"},
                                           {"new_password_confirmation", "un nouveau mot de passe"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Le mot de passe actuel est incorrect."), std::string::npos);
  Browser other(site);
  EXPECT_EQ(other.sign_in("camille@example.org", kPassword).status, 303);
}

TEST(Accounts, PostWithoutCsrfTokenIsRefusedAndWritesNothing) {
  Site site;
  Browser b(site);
  b.get("/inscription");
  auto r = b.post(
      "/inscription",
      {{"name", "Camille"}, {"email", "c@example.org"}, {"password", kPassword}, {"password_confirmation", kPassword}},
      /*with_csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users"), 0);
}

TEST(Accounts, CsrfTokenOfAnotherBrowserIsRefused) {
  Site site;
  Browser attacker(site), victim(site);
  attacker.get("/inscription");
  victim.get("/inscription");
  // The victim's browser posts a form carrying the attacker's token.
  std::string body = "csrf=" + form_encode(attacker.csrf()) +
                     "&name=X&email=x%40example.org&password=aaaaaaaaaaaa&password_confirmation=aaaaaaaaaaaa";
  auto r = request(site.port(), "POST", "/inscription",
                   {{"Cookie", "fabrique_browser=" + victim.cookie("fabrique_browser")},
                    {"Content-Type", "application/x-www-form-urlencoded"}},
                   body);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users"), 0);
}

TEST(Accounts, SignOutWithoutCsrfKeepsTheSession) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  b.sign_in("camille@example.org", kPassword);
  auto r = b.post("/deconnexion", {}, /*with_csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM sessions"), 1);
}

TEST(Accounts, BadSignUpKeepsTheInputShowsErrorsAndWritesNothing) {
  Site site;
  Browser b(site);
  b.get("/inscription");
  auto r = b.post("/inscription", {{"name", ""},
                                   {"email", "pas-une-adresse"},
                                   {"password", "court"},
                                   {"password_confirmation", "court"},
                                   {"organisation", "Ville de Rennes"},
                                   {"organisation_kind", ""}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find(R"(value="pas-une-adresse")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(value="Ville de Rennes")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-name-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-email-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-password-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-organisation_kind-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(aria-describedby="f-email-error")"), std::string::npos);
  EXPECT_NE(r.body.find("Saisissez votre nom."), std::string::npos);
  EXPECT_NE(r.body.find("error-summary"), std::string::npos);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisations"), 0);
}

TEST(Accounts, ErrorsAreInEnglishForAnEnglishReader) {
  Site site;
  Browser b(site);
  b.get("/inscription", {{"Accept-Language", "en-GB,en;q=0.9"}});
  std::string body = "csrf=" + form_encode(b.csrf()) + "&name=&email=x&password=a&password_confirmation=a";
  auto r = request(site.port(), "POST", "/inscription",
                   {{"Cookie", "fabrique_browser=" + b.cookie("fabrique_browser")},
                    {"Content-Type", "application/x-www-form-urlencoded"},
                    {"Accept-Language", "en-GB,en;q=0.9"}},
                   body);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Enter your name."), std::string::npos);
  EXPECT_NE(r.body.find(R"(<html lang="en">)"), std::string::npos);
}

TEST(Accounts, EmailIsUniqueWhateverItsCaseAndTheFormNeverSaysItIsTaken) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  auto r = sign_up(b, "CAMILLE@EXAMPLE.ORG");
  EXPECT_EQ(r.status, 303);  // as for a new address: the owner is told by mail (mail_test.cpp)
  EXPECT_EQ(r.header("location"), "/inscription/envoyee");
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users"), 1);
}

TEST(Accounts, SignUpCreatesOrJoinsTheOrganisation) {
  Site site;
  Browser a(site), b(site);
  a.get("/inscription");
  auto r1 = a.post("/inscription", {{"name", "Alix"},
                                    {"email", "alix@example.org"},
                                    {"password", kPassword},
                                    {"password_confirmation", kPassword},
                                    {"organisation", "Ville de Rennes"},
                                    {"organisation_kind", "collectivite"}});
  EXPECT_EQ(r1.status, 303);
  b.get("/inscription");
  auto r2 = b.post("/inscription", {{"name", "Basile"},
                                    {"email", "basile@example.org"},
                                    {"password", kPassword},
                                    {"password_confirmation", kPassword},
                                    {"organisation", "ville de rennes"},
                                    {"organisation_kind", ""}});
  EXPECT_EQ(r2.status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisations"), 1);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM user_organisations"), 2);
  auto page = a.get("/organisations/ville-de-rennes");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("2 membres sur le site"), std::string::npos);
}

TEST(Accounts, PublicNameIsShownOnlyWithConsent) {
  Site site;
  Browser b(site);
  b.get("/inscription");
  b.post("/inscription", {{"name", "Dominique Secret"},
                          {"email", "d@example.org"},
                          {"password", kPassword},
                          {"password_confirmation", kPassword},
                          {"organisation", "Association Alpha"},
                          {"organisation_kind", "association"}});
  EXPECT_EQ(confirm_by_mail(site, b).status, 303);
  Browser visitor(site);
  EXPECT_EQ(visitor.get("/organisations/association-alpha").body.find("Dominique Secret"), std::string::npos);
  b.get("/compte");
  auto r = b.post("/compte/profil", {{"name", "Dominique Secret"}, {"show_name", "1"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_NE(visitor.get("/organisations/association-alpha").body.find("Dominique Secret"), std::string::npos);
}

// Forms that carry a file arrive as multipart/form-data: the same fields, the same CSRF check.
TEST(Accounts, AMultipartFormIsReadLikeAnyOtherForm) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  b.sign_in("camille@example.org", kPassword);
  b.get("/compte");
  EXPECT_EQ(b.post_multipart("/compte/profil", {{"name", "Camille Multipart"}}, {}, false).status, 403);
  auto r = b.post_multipart("/compte/profil", {{"name", "Camille Multipart"}},
                            {{"ignored", "note.txt", "text/plain", "Bonjour"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE name = 'Camille Multipart'"), 1);
  // A body that is not valid multipart is refused without writing anything.
  auto broken = request(site.port(), "POST", "/compte/profil",
                        {{"Content-Type", "multipart/form-data; boundary=zz"}, {"Cookie", "x=y"}}, "garbage");
  EXPECT_EQ(broken.status, 400);
}

TEST(Accounts, FailedSignInsSlowDownThenRecover) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  // Five mistakes are free…
  for (int i = 0; i < 5; ++i) EXPECT_EQ(b.sign_in("camille@example.org", "mauvais mot de passe").status, 422);
  // …then even the right password must wait.
  auto throttled = b.sign_in("camille@example.org", kPassword);
  EXPECT_EQ(throttled.status, 429);
  EXPECT_FALSE(throttled.header("retry-after").empty());
  EXPECT_TRUE(b.cookie("fabrique_session").empty());
  site.advance(std::chrono::seconds(std::stol(throttled.header("retry-after"))));
  // One more mistake doubles the wait.
  EXPECT_EQ(b.sign_in("camille@example.org", "mauvais mot de passe").status, 422);
  auto longer = b.sign_in("camille@example.org", kPassword);
  EXPECT_EQ(longer.status, 429);
  EXPECT_GT(std::stol(longer.header("retry-after")), std::stol(throttled.header("retry-after")));
  site.advance(std::chrono::seconds(std::stol(longer.header("retry-after"))));
  EXPECT_EQ(b.sign_in("camille@example.org", kPassword).status, 303);
}

// Options of a site behind a proxy on this machine: X-Forwarded-For gives each test client its address.
void behind_proxy(config::Options& o) { o.trusted_proxies = {"127.0.0.1"}; }

// The per-account slow-down used to come before the password: five wrong tries from anywhere locked
// the owner out, even from another address with the right password.
TEST(Accounts, WrongPasswordsFromElsewhereNeverLockTheOwnerOut) {
  Site site(Site::small_limits(), behind_proxy);
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser guesser(site);
  guesser.forwarded_for("203.0.113.7");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(guesser.sign_in("camille@example.org", "mauvais mot de passe").status, 422);
  EXPECT_EQ(guesser.sign_in("camille@example.org", "mauvais mot de passe").status, 429);
  // The guesser's address waits, even with the right password…
  EXPECT_EQ(guesser.sign_in("camille@example.org", kPassword).status, 429);
  // …the owner, from an address with no failures, gets in at once.
  Browser owner(site);
  owner.forwarded_for("198.51.100.20");
  EXPECT_EQ(owner.sign_in("camille@example.org", kPassword).status, 303);
  EXPECT_FALSE(owner.cookie("fabrique_session").empty());
}

// One address guessing many accounts is slowed too.
TEST(Accounts, AnAddressGuessingManyAccountsIsSlowedDown) {
  Site site(Site::small_limits(), behind_proxy);
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser guesser(site);
  guesser.forwarded_for("203.0.113.7");
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(guesser.sign_in("personne" + std::to_string(i) + "@example.org", "mauvais mot de passe").status, 422);
  EXPECT_EQ(guesser.sign_in("camille@example.org", kPassword).status, 429);
}

// The owner learns of a burst of failures in one notice, however many tries it held.
TEST(Accounts, TheOwnerIsToldOnceOfABurstOfFailedSignIns) {
  Site site(Site::small_limits(), behind_proxy);
  auto camille = site.add_user("camille@example.org", "Camille", kPassword);
  const std::string notices = "SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(camille.id);
  for (int i = 0; i < 4; ++i) {
    Browser guesser(site);
    guesser.forwarded_for("203.0.113." + std::to_string(i));
    EXPECT_EQ(guesser.sign_in("camille@example.org", "mauvais mot de passe").status, 422);
  }
  EXPECT_EQ(site.count(notices), 0);  // a few mistakes are no news
  for (int i = 4; i < 12; ++i) {
    Browser guesser(site);
    guesser.forwarded_for("203.0.113." + std::to_string(i));
    EXPECT_EQ(guesser.sign_in("camille@example.org", "mauvais mot de passe").status, 422);
  }
  EXPECT_EQ(site.count(notices), 1);
  Browser owner(site);
  owner.sign_in("camille@example.org", kPassword);
  EXPECT_NE(owner.get("/compte").body.find("Plusieurs tentatives de connexion à votre compte ont échoué."),
            std::string::npos);
  // A new burst, after a quiet hour, is told again.
  site.advance(std::chrono::hours(2));
  for (int i = 0; i < 5; ++i) {
    Browser guesser(site);
    guesser.forwarded_for("192.0.2." + std::to_string(i));
    guesser.sign_in("camille@example.org", "mauvais mot de passe");
  }
  EXPECT_EQ(site.count(notices), 2);
}

// Sign-up hashes a password (slow on purpose): one address may not create accounts without end.
TEST(Accounts, SignUpsFromOneAddressAreSlowedDown) {
  Site site(Site::small_limits(), [](config::Options& o) {
    behind_proxy(o);
    o.sign_ups_per_address = 10;
  });
  Browser b(site);
  b.forwarded_for("203.0.113.7");
  for (int i = 0; i < 10; ++i) {
    Browser person(site);
    person.forwarded_for("203.0.113.7");
    EXPECT_EQ(sign_up(person, "personne" + std::to_string(i) + "@example.org").status, 303);
  }
  auto refused = sign_up(b, "encore@example.org");
  EXPECT_EQ(refused.status, 429);
  EXPECT_FALSE(refused.header("retry-after").empty());
  EXPECT_NE(refused.body.find("Trop de comptes ont été créés depuis votre connexion."), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"encore@example.org\""), std::string::npos);  // the input is kept
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users"), 10);
  // Another address signs up as usual.
  Browser other(site);
  other.forwarded_for("198.51.100.20");
  EXPECT_EQ(sign_up(other, "ailleurs@example.org").status, 303);
}

// Tokens taken from the browser secret before signing in (a shared computer, a planted cookie)
// must not serve after it.
TEST(Accounts, SigningInRenewsTheBrowserSecretBehindFormTokens) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  b.get("/connexion");
  const std::string before = b.cookie("fabrique_browser");
  const std::string old_token = b.csrf();
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(b.post("/connexion", {{"email", "camille@example.org"}, {"password", kPassword}}).status, 303);
  EXPECT_FALSE(b.cookie("fabrique_browser").empty());
  EXPECT_NE(b.cookie("fabrique_browser"), before);
  // The token of the page seen before signing in no longer passes.
  EXPECT_EQ(b.post("/compte/profil", {{"name", "Camille Autre"}, {"csrf", old_token}}, false).status, 403);
  b.get("/compte");
  EXPECT_EQ(b.post("/compte/profil", {{"name", "Camille Autre"}}).status, 303);
}

TEST(Accounts, TheCookieThatEndsTheSessionIsSecureWhenCookiesAreSecure) {
  Site site(Site::small_limits(), [](config::Options& o) { o.secure_cookies = true; });
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  b.sign_in("camille@example.org", kPassword);
  b.get("/compte");
  auto out = b.post("/deconnexion", {});
  EXPECT_EQ(out.status, 303);
  bool cleared = false;
  for (const auto& c : out.header_values("set-cookie")) {
    if (!c.starts_with("fabrique_session=")) continue;
    cleared = true;
    EXPECT_NE(c.find("Max-Age=0"), std::string::npos) << c;
    EXPECT_NE(c.find("Secure"), std::string::npos) << c;
    EXPECT_NE(c.find("HttpOnly"), std::string::npos) << c;
  }
  EXPECT_TRUE(cleared);
}

TEST(Accounts, AccountPageNeedsSignIn) {
  Site site;
  Browser b(site);
  auto r = b.get("/compte");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/connexion?retour=/compte");
}

TEST(Accounts, SignInReturnsToThePageAskedForButNeverOffSite) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  b.get("/connexion?retour=/organisations/nouvelle");
  auto r = b.post("/connexion",
                  {{"email", "camille@example.org"}, {"password", kPassword}, {"retour", "/organisations/nouvelle"}});
  EXPECT_EQ(r.header("location"), "/organisations/nouvelle");
  Browser c(site);
  c.get("/connexion");
  auto evil =
      c.post("/connexion", {{"email", "camille@example.org"}, {"password", kPassword}, {"retour", "//evil.example/"}});
  EXPECT_EQ(evil.header("location"), "/compte");
}

}  // namespace
}  // namespace fabrique::test
