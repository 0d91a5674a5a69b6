// Mail over real HTTP and a real SMTP server (aiosmtpd): the outbox written in the same transaction
// as the change, delivery, retries and refusals, account confirmation and recovery by mailed links,
// notices by mail with one-click unsubscription. Every received mail is parsed by Python's `email`.
#include <date/date.h>
#include <gtest/gtest.h>

#include "integration/mail_support.hpp"
#include "integration/site.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::test {
namespace {

HttpResponse sign_up(Browser& b, const std::string& email, const std::string& name = "Camille Martin") {
  b.get("/inscription");
  return b.post("/inscription", {{"name", name},
                                 {"email", email},
                                 {"password", kPassword},
                                 {"password_confirmation", kPassword},
                                 {"organisation", ""},
                                 {"organisation_kind", ""}});
}

std::string outbox_status(Site& site, std::int64_t id) {
  auto c = site.db().acquire();
  return c->query_one("SELECT status FROM outbox WHERE id = ?", {id})->text(0);
}

TEST(Mail, SignUpMailsAConfirmationLinkWhoseMessageAMailClientReads) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-1"));
  Site site(Site::small_limits(), through(smtp));
  Browser b(site);
  auto r = sign_up(b, "elodie@example.org", "Élodie Müller");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/inscription/envoyee");
  EXPECT_TRUE(b.cookie("fabrique_session").empty());  // signed in once the address is confirmed
  EXPECT_EQ(b.get("/inscription/envoyee").status, 200);

  EXPECT_EQ(site.deliver_mail(), 1);
  auto mails = smtp.received();
  ASSERT_EQ(mails.size(), 1u);
  const auto& m = mails[0];
  EXPECT_EQ(header(m, "to"), "Élodie Müller <elodie@example.org>");
  EXPECT_EQ(header(m, "from"), "Programme Reset <programme@fabrique.example>");
  EXPECT_EQ(header(m, "subject"), "Confirmez votre adresse électronique");
  EXPECT_EQ(header(m, "auto-submitted"), "auto-generated");
  EXPECT_EQ(header(m, "content-language"), "fr");
  EXPECT_FALSE(header(m, "date").empty());
  EXPECT_TRUE(header(m, "list-unsubscribe").empty());  // about the account itself: always sent
  {
    auto c = site.db().acquire();
    EXPECT_EQ(header(m, "message-id"), c->query_one("SELECT message_id FROM outbox")->text(0));
  }
  EXPECT_TRUE(m.at("seven_bit").as_bool());
  EXPECT_TRUE(m.at("defects").as_array().empty());
  EXPECT_EQ(boost::json::serialize(m.at("structure")), R"(["multipart/alternative","text/plain","text/html"])");
  EXPECT_NE(text_of(m, "text").find("Bonjour Élodie Müller,"), std::string::npos);
  EXPECT_NE(text_of(m, "html").find("<p>Bonjour Élodie Müller,</p>"), std::string::npos);
  EXPECT_EQ(text_of(m, "html").find("<img"), std::string::npos);
  const std::string link = link_in(m, "/inscription/confirmer");
  ASSERT_FALSE(link.empty());
  EXPECT_NE(text_of(m, "html").find(link), std::string::npos);

  // A GET only shows the button (mail scanners follow links); the POST confirms and signs in.
  auto form = b.get(link);
  EXPECT_EQ(form.status, 200);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE email_confirmed_at IS NOT NULL"), 0);
  auto confirmed = b.post("/inscription/confirmer", {{"jeton", link.substr(link.find('=') + 1)}});
  EXPECT_EQ(confirmed.status, 303);
  EXPECT_EQ(confirmed.header("location"), "/compte");
  EXPECT_EQ(b.get("/compte").status, 200);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE email_confirmed_at IS NOT NULL"), 1);
  // Used once: the same link again changes nothing and says why.
  auto again = b.post("/inscription/confirmer", {{"jeton", link.substr(link.find('=') + 1)}});
  EXPECT_EQ(again.status, 400);
  EXPECT_NE(again.body.find("Ce lien a déjà servi."), std::string::npos);
}

TEST(Mail, SigningUpWithATakenAddressAnswersLikeANewOneAndMailsTheOwner) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-2"));
  Site site(Site::small_limits(), through(smtp));
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser fresh(site), taken(site);
  auto a = sign_up(fresh, "nouvelle@example.org");
  auto b = sign_up(taken, "CAMILLE@example.org", "Quelqu’un d’autre");
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.header("location"), b.header("location"));
  EXPECT_EQ(a.header_values("set-cookie").size(), b.header_values("set-cookie").size());
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users"), 2);

  EXPECT_EQ(site.deliver_mail(), 2);
  auto mails = smtp.received();
  ASSERT_EQ(mails.size(), 2u);
  const auto& owner = header(mails[0], "to").find("camille@") != std::string::npos ? mails[0] : mails[1];
  EXPECT_EQ(header(owner, "to"), "Camille <camille@example.org>");
  EXPECT_EQ(header(owner, "subject"), "Quelqu’un a essayé de créer un compte avec votre adresse");
  EXPECT_FALSE(link_in(owner, "/mot-de-passe-oublie").empty());
}

TEST(Mail, ForgottenPasswordMailsASingleUseLinkThatEndsEverySession) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-3"));
  Site site(Site::small_limits(), through(smtp));
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser elsewhere(site), b(site), stranger(site);
  ASSERT_EQ(elsewhere.sign_in("camille@example.org", kPassword).status, 303);

  EXPECT_NE(b.get("/connexion").body.find(R"(href="/mot-de-passe-oublie")"), std::string::npos);
  b.get("/mot-de-passe-oublie");
  auto asked = b.post("/mot-de-passe-oublie", {{"email", "Camille@example.org"}});
  stranger.get("/mot-de-passe-oublie");
  auto unknown = stranger.post("/mot-de-passe-oublie", {{"email", "personne@example.org"}});
  // The same answer whether or not the address has an account.
  EXPECT_EQ(asked.status, 303);
  EXPECT_EQ(unknown.status, asked.status);
  EXPECT_EQ(unknown.header("location"), asked.header("location"));
  EXPECT_EQ(unknown.body, asked.body);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM outbox"), 1);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM account_tokens WHERE purpose = 'password'"), 1);

  site.deliver_mail();
  auto mails = smtp.received();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(header(mails[0], "subject"), "Choisissez un nouveau mot de passe");
  const std::string link = link_in(mails[0], "/mot-de-passe-oublie/nouveau");
  ASSERT_FALSE(link.empty());
  const std::string token = link.substr(link.find('=') + 1);
  {
    auto c = site.db().acquire();  // only the token's hash is kept
    EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM account_tokens WHERE token_hash = ?", {token}), 0);
  }

  EXPECT_EQ(b.get(link).status, 200);
  auto short_one = b.post("/mot-de-passe-oublie/nouveau",
                          {{"jeton", token}, {"password", "court"}, {"password_confirmation", "court"}});
  EXPECT_EQ(short_one.status, 422);
  const std::string next = "un tout nouveau mot de passe";
  auto saved =
      b.post("/mot-de-passe-oublie/nouveau", {{"jeton", token}, {"password", next}, {"password_confirmation", next}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("location"), "/connexion?mot-de-passe=1");
  EXPECT_EQ(elsewhere.get("/compte").status, 303);  // the session opened before is over
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM sessions"), 0);
  Browser later(site);
  EXPECT_EQ(later.sign_in("camille@example.org", kPassword).status, 422);
  EXPECT_EQ(later.sign_in("camille@example.org", next).status, 303);

  // Used once: the link is refused, in the person's language, and nothing changes.
  auto reused = b.post("/mot-de-passe-oublie/nouveau",
                       {{"jeton", token}, {"password", kPassword}, {"password_confirmation", kPassword}});
  EXPECT_EQ(reused.status, 400);
  EXPECT_NE(reused.body.find("Ce lien a déjà servi."), std::string::npos);
  EXPECT_EQ(later.get("/compte").status, 200);
}

TEST(Mail, ARecoveryLinkLastsOneHour) {
  Site site;
  site.add_user("camille@example.org", "Camille", kPassword);
  Browser b(site);
  b.get("/mot-de-passe-oublie");
  b.post("/mot-de-passe-oublie", {{"email", "camille@example.org"}});
  site.deliver_mail();  // no smtp_url: an .eml file in mail_dir
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(site.options().mail_dir))
    if (e.path().extension() == ".eml") files.push_back(e.path().string());
  auto mails = SmtpServer::parse_mails(files);
  ASSERT_EQ(mails.size(), 1u);
  const std::string link = link_in(mails[0], "/mot-de-passe-oublie/nouveau");
  site.advance(std::chrono::minutes(61));
  auto expired = b.get(link);
  EXPECT_EQ(expired.status, 400);
  EXPECT_NE(expired.body.find("Ce lien a expiré."), std::string::npos);
  auto refused = b.post("/mot-de-passe-oublie/nouveau", {{"jeton", link.substr(link.find('=') + 1)},
                                                         {"password", "un tout nouveau mot de passe"},
                                                         {"password_confirmation", "un tout nouveau mot de passe"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(b.sign_in("camille@example.org", kPassword).status, 303);
}

TEST(Mail, BadInputIsRefusedInThePersonsLanguage) {
  Site site;
  Browser b(site);
  b.get("/mot-de-passe-oublie");
  auto invalid = b.post("/mot-de-passe-oublie", {{"email", "pas-une-adresse"}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_NE(invalid.body.find("Saisissez une adresse électronique de la forme nom@exemple.org."), std::string::npos);
  auto forged = b.get("/mot-de-passe-oublie/nouveau?jeton=nimporte-quoi");
  EXPECT_EQ(forged.status, 400);
  Browser en(site);
  auto english = en.get("/mot-de-passe-oublie/nouveau?jeton=x", {{"Accept-Language", "en"}});
  EXPECT_EQ(english.status, 400);
  EXPECT_NE(english.body.find("This link is not valid."), std::string::npos);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM outbox"), 0);
}

TEST(Mail, AnAddressRefusedForGoodIsListedForAnimateursWithTheServersAnswer) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-4"));
  Site site(Site::small_limits(), through(smtp));
  site.add_user("refuse@example.org", "Refusé", kPassword);
  site.add_user("anim@example.org", "Anim", kPassword, true);
  site.add_user("membre@example.org", "Membre", kPassword);
  Browser b(site);
  b.get("/mot-de-passe-oublie");
  b.post("/mot-de-passe-oublie", {{"email", "refuse@example.org"}});
  EXPECT_EQ(site.deliver_mail(), 1);
  EXPECT_EQ(site.deliver_mail(), 0);  // never tried again
  EXPECT_TRUE(smtp.received().empty());
  EXPECT_EQ(outbox_status(site, 1), "failed");

  Browser anim(site), member(site);
  anim.sign_in("anim@example.org", kPassword);
  auto page = anim.get("/animation/courriels");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("refuse@example.org"), std::string::npos);
  EXPECT_NE(page.body.find("550 5.1.1"), std::string::npos);
  EXPECT_NE(page.body.find("1 courriel refusé définitivement"), std::string::npos);
  member.sign_in("membre@example.org", kPassword);
  EXPECT_EQ(member.get("/animation/courriels").status, 403);
}

TEST(Mail, TheMailsOfARoundGoOverOneConnection) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-10"));
  Site site(Site::small_limits(), through(smtp));
  for (const char* who : {"alix@example.org", "bao@example.org", "chris@example.org", "refuse@example.org"})
    site.add_user(who, "Personne", kPassword);
  Browser b(site);
  b.get("/mot-de-passe-oublie");
  for (const char* who : {"alix@example.org", "bao@example.org", "chris@example.org"})
    EXPECT_EQ(b.post("/mot-de-passe-oublie", {{"email", who}}).status, 303);
  EXPECT_EQ(site.deliver_mail(), 3);
  EXPECT_EQ(smtp.received().size(), 3u);
  EXPECT_EQ(smtp.sessions(), 1u);  // one EHLO for the three
  // The next round opens its own; a refused recipient ends it (libcurl closes the connection after
  // a refusal), and the mail after it goes over a new one.
  for (const char* who : {"refuse@example.org", "alix@example.org"})
    EXPECT_EQ(b.post("/mot-de-passe-oublie", {{"email", who}}).status, 303);
  EXPECT_EQ(site.deliver_mail(), 2);
  EXPECT_EQ(outbox_status(site, 4), "failed");
  EXPECT_EQ(outbox_status(site, 5), "sent");
  EXPECT_EQ(smtp.received().size(), 4u);
  EXPECT_EQ(smtp.sessions(), 3u);
}

TEST(Mail, AMailWaitsWhileTheServerIsDownAndArrivesOnceItIsBack) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-5"));
  Site site(Site::small_limits(), through(smtp));
  site.add_user("camille@example.org", "Camille", kPassword);
  smtp.stop();
  Browser b(site);
  b.get("/mot-de-passe-oublie");
  EXPECT_EQ(b.post("/mot-de-passe-oublie", {{"email", "camille@example.org"}}).status, 303);
  EXPECT_EQ(site.deliver_mail(), 1);  // connection refused: a temporary failure
  EXPECT_EQ(outbox_status(site, 1), "pending");
  EXPECT_GT(site.count("SELECT COUNT(*) FROM outbox WHERE last_error <> ''"), 0);
  // The animateurs see it waiting, as one that failed once, with why.
  site.add_user("anim@example.org", "Anim", kPassword, true);
  Browser anim(site);
  anim.sign_in("anim@example.org", kPassword);
  const auto outbox = anim.get("/animation/courriels").body;
  EXPECT_NE(outbox.find("1 courriel en attente d’envoi"), std::string::npos) << outbox;
  EXPECT_NE(outbox.find("dont 1 a échoué une fois et sera réessayé"), std::string::npos) << outbox;
  EXPECT_NE(outbox.find("camille@example.org"), std::string::npos) << outbox;

  smtp.start();
  EXPECT_EQ(site.deliver_mail(), 0);  // not before its next attempt is due
  site.advance(std::chrono::minutes(1));
  EXPECT_EQ(site.deliver_mail(), 1);
  EXPECT_EQ(outbox_status(site, 1), "sent");
  ASSERT_EQ(smtp.received().size(), 1u);
  EXPECT_EQ(header(smtp.received()[0], "to"), "Camille <camille@example.org>");
}

TEST(Mail, ATemporaryRefusalIsRetriedWithGrowingDelaysForTwoDaysThenListed) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-6"));
  Site site(Site::small_limits(), through(smtp));
  site.add_user("later@example.org", "Plus Tard", kPassword);
  Browser b(site);
  b.get("/mot-de-passe-oublie");
  b.post("/mot-de-passe-oublie", {{"email", "later@example.org"}});
  std::vector<std::int64_t> waits;
  auto start = site.now();
  while (outbox_status(site, 1) == "pending" && waits.size() < 200) {
    site.deliver_mail();
    auto c = site.db().acquire();
    auto next = c->query_one("SELECT next_attempt_at FROM outbox WHERE id = 1")->integer(0);
    waits.push_back(next - storage::secs(site.now()));
    site.advance(std::chrono::seconds(std::max<std::int64_t>(waits.back(), 1)));
  }
  EXPECT_EQ(outbox_status(site, 1), "failed");
  ASSERT_GE(waits.size(), 3u);
  EXPECT_LT(waits[0], waits[1]);
  EXPECT_LT(waits[1], waits[2]);
  EXPECT_GE(site.now() - start, std::chrono::hours(47));
  EXPECT_LE(site.now() - start, std::chrono::hours(49));
  auto c = site.db().acquire();
  EXPECT_NE(c->query_one("SELECT last_error FROM outbox WHERE id = 1")->text(0).find("451"), std::string::npos);
}

TEST(Mail, ANoticeIsMailedInTheSameTransactionAndUnsubscribedInOneClick) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-7"));
  Site site(Site::small_limits(), through(smtp));
  auto camille = site.add_user("camille@example.org", "Camille", kPassword);
  {
    auto c = site.db().acquire();
    c->execute("UPDATE users SET language = 'en' WHERE id = ?", {camille.id});
    // A change that rolls back leaves no mail behind.
    {
      storage::Transaction tx(*c, true);
      notifications::notify(*c, camille.id, notifications::kEvents, "The event “{}” is cancelled.",
                            "/evenements/reset-day", site.now(), "Reset Day");
    }
    EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM outbox"), 0);
    storage::Transaction tx(*c, true);
    notifications::notify(*c, camille.id, notifications::kEvents, "The event “{}” is cancelled.",
                          "/evenements/reset-day", site.now(), "Reset Day");
    tx.commit();
  }
  site.deliver_mail();
  auto mails = smtp.received();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(header(mails[0], "content-language"), "en");
  EXPECT_EQ(header(mails[0], "list-unsubscribe-post"), "List-Unsubscribe=One-Click");
  std::string unsubscribe = header(mails[0], "list-unsubscribe");
  // Without base_url, mails name the listen address, never a Host header a client chose.
  ASSERT_TRUE(unsubscribe.starts_with("<http://" + site.options().listen + "/courriels/desabonnement/")) << unsubscribe;
  unsubscribe = unsubscribe.substr(unsubscribe.find("/courriels"));
  unsubscribe.pop_back();  // >
  EXPECT_FALSE(link_in(mails[0], "/evenements/reset-day").empty());

  // A mail client posts without any cookie or form token (RFC 8058).
  const std::string forged_path =
      unsubscribe.substr(0, unsubscribe.size() - 1) + (unsubscribe.back() == '0' ? "1" : "0");
  auto forged = request(site.port(), "POST", forged_path, {{"Content-Type", "application/x-www-form-urlencoded"}},
                        "List-Unsubscribe=One-Click");
  EXPECT_EQ(forged.status, 400);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM mail_preferences"), 0);
  EXPECT_EQ(request(site.port(), "GET", unsubscribe).status, 200);  // a form: nothing changes yet
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM mail_preferences"), 0);
  auto done = request(site.port(), "POST", unsubscribe, {{"Content-Type", "application/x-www-form-urlencoded"}},
                      "List-Unsubscribe=One-Click");
  EXPECT_EQ(done.status, 200);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM mail_preferences WHERE enabled = 0 AND kind = 'events'"), 1);

  {
    auto c = site.db().acquire();
    storage::Transaction tx(*c, true);
    notifications::notify(*c, camille.id, notifications::kEvents, "The event “{}” is cancelled.",
                          "/evenements/reset-day", site.now(), "Reset Day");
    tx.commit();
  }
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM notifications"), 2);  // still told on the site
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM outbox"), 1);         // but no longer by mail

  // The account page gives the choice back.
  Browser b(site);
  b.sign_in("camille@example.org", kPassword);
  EXPECT_EQ(b.get("/compte/courriels").status, 200);
  EXPECT_EQ(b.post("/compte/courriels", {{"events", "1"}}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM mail_preferences WHERE enabled = 1"), 1);
}

TEST(Mail, AnUnconfirmedAddressGetsNoNotice) {
  Site site;
  Browser b(site);
  sign_up(b, "camille@example.org");
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM outbox"), 1);  // the confirmation
  auto c = site.db().acquire();
  std::int64_t id = c->query_integer("SELECT id FROM users");
  storage::Transaction tx(*c, true);
  notifications::notify(*c, id, notifications::kEvents, "The event “{}” is cancelled.", "/evenements/x", site.now(),
                        "X");
  tx.commit();
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM notifications"), 1);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM outbox"), 1);
}

TEST(Mail, ChangingOnesAddressConfirmsTheNewOneAndTellsTheOldOne) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-8"));
  Site site(Site::small_limits(), through(smtp));
  site.add_user("camille@example.org", "Camille", kPassword);
  site.add_user("autre@example.org", "Autre", kPassword);
  Browser b(site), other(site);
  b.sign_in("camille@example.org", kPassword);
  b.get("/compte/adresse");
  EXPECT_EQ(b.post("/compte/adresse", {{"email", "nouvelle@example.org"}, {"current_password", "faux"}}).status, 422);
  auto asked = b.post("/compte/adresse", {{"email", "nouvelle@example.org"}, {"current_password", kPassword}});
  EXPECT_EQ(asked.status, 303);
  site.deliver_mail();
  auto mails = smtp.received();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(header(mails[0], "to"), "Camille <nouvelle@example.org>");
  const std::string link = link_in(mails[0], "/compte/adresse/confirmer");
  const std::string token = link.substr(link.find('=') + 1);

  // Another account cannot use it.
  other.sign_in("autre@example.org", kPassword);
  other.get(link);
  auto wrong = other.post("/compte/adresse/confirmer", {{"jeton", token}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE email = 'nouvelle@example.org'"), 0);

  b.get(link);
  EXPECT_EQ(b.post("/compte/adresse/confirmer", {{"jeton", token}}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE email = 'nouvelle@example.org'"), 1);
  site.deliver_mail();
  mails = smtp.received();
  ASSERT_EQ(mails.size(), 2u);
  const auto& told = header(mails[0], "to").find("camille@") != std::string::npos ? mails[0] : mails[1];
  EXPECT_EQ(header(told, "subject"), "L’adresse de votre compte a changé");
  Browser again(site);
  EXPECT_EQ(again.sign_in("nouvelle@example.org", kPassword).status, 303);
}

TEST(Mail, ARegistrationIsConfirmedByMailWithTheEventAsAnIcsAttachment) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-10"));
  Site site(Site::small_limits(), through(smtp));
  site.add_user("anim@example.org", "Anim", kPassword, true);
  site.add_user("membre@example.org", "Membre", kPassword);
  Browser anim(site), member(site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get("/evenements/nouveau");
  const auto day = std::chrono::floor<std::chrono::days>(site.now()) + std::chrono::days(7);
  const std::string date = date::format("%F", day);
  auto made = anim.post("/evenements/nouveau", {{"kind", "reset-day"},
                                                {"title", "Reset Day d’hiver"},
                                                {"slug", "reset-hiver"},
                                                {"starts", date + "T14:00"},
                                                {"ends", date + "T16:00"},
                                                {"capacity", "10"},
                                                {"online_url", "https://visio.example.org/reset"}});
  ASSERT_EQ(made.status, 303) << made.body;
  member.sign_in("membre@example.org", kPassword);
  member.get("/evenements/reset-hiver");
  ASSERT_EQ(member.post("/evenements/reset-hiver/inscription", {}).status, 303);

  EXPECT_EQ(site.deliver_mail(), 1);
  auto mails = smtp.received();
  ASSERT_EQ(mails.size(), 1u);
  const auto& m = mails[0];
  EXPECT_EQ(header(m, "subject"), "Votre place à « Reset Day d’hiver »");
  EXPECT_EQ(header(m, "list-unsubscribe-post"), "List-Unsubscribe=One-Click");
  EXPECT_EQ(boost::json::serialize(m.at("structure")),
            R"(["multipart/mixed","multipart/alternative","text/plain","text/html","text/calendar"])");
  const auto& attachments = m.at("attachments").as_array();
  ASSERT_EQ(attachments.size(), 1u);
  const auto& ics = attachments[0].as_object();
  EXPECT_EQ(ics.at("filename").as_string(), "reset-hiver.ics");
  EXPECT_EQ(ics.at("type").as_string(), "text/calendar");
  std::string calendar(ics.at("text").as_string());
  for (std::size_t at; (at = calendar.find("\r\n ")) != std::string::npos;) calendar.erase(at, 3);  // unfolded
  EXPECT_NE(calendar.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_NE(calendar.find("SUMMARY:Reset Day d’hiver"), std::string::npos);
  EXPECT_NE(calendar.find("https://visio.example.org/reset"), std::string::npos);  // a place: the link too
  EXPECT_FALSE(link_in(m, "/evenements/reset-hiver").empty());
}

TEST(Mail, TheSendersThreadDeliversWhileRequestsNeverWait) {
  SmtpServer smtp(std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-9"),
                  1.0);  // a slow server: one second per mail
  Site site(Site::small_limits(), through(smtp));
  site.start_mail_sender();
  Browser b(site);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(sign_up(b, "personne" + std::to_string(i) + "@example.org").status, 303);
  EXPECT_TRUE(eventually([&] { return site.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'") == 3; }));
  EXPECT_EQ(smtp.received().size(), 3u);
}

}  // namespace
}  // namespace fabrique::test
