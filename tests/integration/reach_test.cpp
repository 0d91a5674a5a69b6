// Reaching people, through real HTTP and a real SMTP server (aiosmtpd): a freed place goes to the
// first person waiting, who is told; the reminder a day before an event, once; sessions listed with
// their last use and ended one by one; deleting one's account; the notices of coalitions, of
// moderation and of the charter.
#include <date/date.h>
#include <gtest/gtest.h>

#include <regex>

#include "accounts/use_cases.hpp"
#include "events/use_cases.hpp"
#include "integration/commons_site.hpp"
#include "integration/mail_support.hpp"
#include "integration/site.hpp"

namespace fabrique::test {
namespace {

// An event made through the organisers' form, `days` from now at 14:00 (UTC), for two hours.
void make_event(Browser& anim, Site& site, const std::string& slug, int days, int capacity) {
  anim.get("/evenements/nouveau");
  const auto day = std::chrono::floor<std::chrono::days>(site.now()) + std::chrono::days(days);
  const std::string date = date::format("%F", day);
  auto made = anim.post("/evenements/nouveau", {{"kind", "reset-day"},
                                                {"title", "Reset Day " + slug},
                                                {"slug", slug},
                                                {"starts", date + "T14:00"},
                                                {"ends", date + "T16:00"},
                                                {"capacity", std::to_string(capacity)},
                                                {"place", "La Paillasse, Paris"},
                                                {"online_url", "https://visio.example.org/" + slug}});
  ASSERT_EQ(made.status, 303) << made.body;
}

int register_to(Browser& b, const std::string& slug) {
  b.get("/evenements/" + slug);
  return b.post("/evenements/" + slug + "/inscription", {}).status;
}

// Mail through a real SMTP server; an animateur, Alice and Bruno signed in; an event a week ahead
// with one place, which Alice holds while Bruno waits.
struct FullEvent {
  SmtpServer smtp;
  Site site;
  Browser anim{site}, alice{site}, bruno{site};

  FullEvent(const std::string& test, const std::string& slug)
      : smtp(smtp_folder(test)), site(Site::small_limits(), through(smtp)) {
    site.add_user("anim@example.org", "Anim", kPassword, true);
    site.add_user("alice@example.org", "Alice Martin", kPassword);
    site.add_user("bruno@example.org", "Bruno", kPassword);
    anim.sign_in("anim@example.org", kPassword);
    make_event(anim, site, slug, 7, 1);
    alice.sign_in("alice@example.org", kPassword);
    bruno.sign_in("bruno@example.org", kPassword);
    EXPECT_EQ(register_to(alice, slug), 303);
    EXPECT_EQ(register_to(bruno, slug), 303);  // waiting
  }
};

TEST(Reach, AFreedPlaceGoesToTheFirstPersonWaitingWhoIsToldOnTheSiteAndByMail) {
  FullEvent f("reach-1", "reset-petit");
  auto& [smtp, site, anim, alice, bruno] = f;
  site.deliver_mail();
  ASSERT_EQ(mails_to(smtp, "bruno@example.org").size(), 1u);

  alice.get("/evenements/reset-petit");
  ASSERT_EQ(alice.post("/evenements/reset-petit/annulation", {}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM registrations WHERE status = 'registered' AND user_id = "
                       "(SELECT id FROM users WHERE email = 'bruno@example.org')"),
            1);
  auto account = bruno.get("/compte");
  EXPECT_NE(account.body.find("Une place s’est libérée pour vous à « Reset Day reset-petit »"), std::string::npos)
      << account.body;

  site.deliver_mail();
  auto mails = mails_to(smtp, "bruno@example.org");
  ASSERT_EQ(mails.size(), 2u);
  const auto& m = mails[1];
  EXPECT_EQ(header(m, "subject"), "Une place s’est libérée pour vous à « Reset Day reset-petit »");
  std::string calendar(m.at("attachments").as_array().at(0).as_object().at("text").as_string());
  EXPECT_NE(calendar.find("https://visio.example.org/reset-petit"), std::string::npos);  // a place: the link
}

TEST(Reach, TheReminderGoesOnceADayBeforeToThoseWithAPlace) {
  SmtpServer smtp(smtp_folder("reach-2"));
  Site site(Site::small_limits(), through(smtp));
  site.add_user("anim@example.org", "Anim", kPassword, true);
  site.add_user("alice@example.org", "Alice", kPassword);
  site.add_user("bruno@example.org", "Bruno", kPassword);
  site.add_user("chloe@example.org", "Chloé", kPassword);
  Browser anim(site), alice(site), bruno(site), chloe(site);
  anim.sign_in("anim@example.org", kPassword);
  make_event(anim, site, "reset-rappel", 3, 2);
  alice.sign_in("alice@example.org", kPassword);
  ASSERT_EQ(register_to(alice, "reset-rappel"), 303);  // a place, three days ahead
  site.deliver_mail();
  EXPECT_EQ(site.run_chores(), 0);
  site.deliver_mail();
  EXPECT_EQ(mails_to(smtp, "alice@example.org").size(), 1u);  // the confirmation only: too early

  // 23 hours before the start, Chloé registers and takes the last place, Bruno waits: neither is
  // reminded (her confirmation is fresh, he has no place).
  const auto starts = site.count("SELECT starts_at FROM events WHERE slug = 'reset-rappel'");
  site.advance(std::chrono::seconds(starts - site.now().time_since_epoch().count()) - std::chrono::hours(23));
  chloe.sign_in("chloe@example.org", kPassword);
  bruno.sign_in("bruno@example.org", kPassword);
  ASSERT_EQ(register_to(chloe, "reset-rappel"), 303);
  ASSERT_EQ(register_to(bruno, "reset-rappel"), 303);
  EXPECT_EQ(site.run_chores(), 0);
  site.deliver_mail();
  auto reminders = mails_to(smtp, "alice@example.org");
  ASSERT_EQ(reminders.size(), 2u);
  const auto& m = reminders[1];
  EXPECT_EQ(header(m, "subject"), "Rappel : « Reset Day reset-rappel »");
  EXPECT_NE(text_of(m, "text").find("La Paillasse, Paris"), std::string::npos) << text_of(m, "text");
  EXPECT_NE(text_of(m, "text").find("https://visio.example.org/reset-rappel"), std::string::npos);
  EXPECT_EQ(header(m, "list-unsubscribe-post"), "List-Unsubscribe=One-Click");
  EXPECT_NE(alice.get("/compte").body.find("Rappel : « Reset Day reset-rappel »"), std::string::npos);
  EXPECT_EQ(mails_to(smtp, "chloe@example.org").size(), 1u);  // her confirmation
  EXPECT_EQ(mails_to(smtp, "bruno@example.org").size(), 1u);  // the waiting-list mail

  // Once only, whichever node runs the chores next.
  site.advance(std::chrono::minutes(1));
  site.run_chores();
  site.deliver_mail();
  EXPECT_EQ(mails_to(smtp, "alice@example.org").size(), 2u);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM registrations WHERE reminded_at IS NOT NULL"), 1);
}

// The handles of the sessions listed on /compte, in order, and which is this browser's.
std::vector<std::string> session_handles(const std::string& page) {
  std::vector<std::string> out;
  std::regex form(R"(action="/compte/sessions/([0-9a-f]{16})/fin")");
  for (std::sregex_iterator it(page.begin(), page.end(), form), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

TEST(Reach, SessionsAreListedWithTheirLastUseAndEachCanBeEnded) {
  Site site;
  site.add_user("alice@example.org", "Alice", kPassword);
  site.add_user("bruno@example.org", "Bruno", kPassword);
  Browser laptop(site), phone(site), other(site);
  laptop.sign_in("alice@example.org", kPassword);
  site.advance(std::chrono::minutes(1));
  phone.sign_in("alice@example.org", kPassword);
  other.sign_in("bruno@example.org", kPassword);

  // An hour later the phone reads a page: its last use is written by the chores, not by the page.
  site.advance(std::chrono::hours(1));
  const auto read_at = site.now();
  ASSERT_EQ(phone.get("/compte").status, 200);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM sessions WHERE last_seen_at = " +
                       std::to_string(read_at.time_since_epoch().count())),
            0);
  EXPECT_EQ(site.run_chores(), 0);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM sessions WHERE last_seen_at = " +
                       std::to_string(read_at.time_since_epoch().count())),
            1);

  auto page = laptop.get("/compte");
  auto handles = session_handles(page.body);
  ASSERT_EQ(handles.size(), 2u) << page.body;  // Alice's two, not Bruno's
  EXPECT_NE(page.body.find("Ce navigateur"), std::string::npos);
  // Most recently used first: the phone's, then this laptop's (whose use a minute ago is not yet written).
  const std::string phone_handle = handles[0];

  // Someone else's session cannot be ended through its handle; a made-up one ends nothing.
  auto bruno_page = other.get("/compte");
  const std::string bruno_handle = session_handles(bruno_page.body).at(0);
  EXPECT_EQ(laptop.post("/compte/sessions/" + bruno_handle + "/fin", {}).status, 303);
  EXPECT_EQ(laptop.post("/compte/sessions/zzzzzzzzzzzzzzzz/fin", {}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM sessions"), 3);
  EXPECT_EQ(other.get("/compte").status, 200);

  EXPECT_EQ(laptop.post("/compte/sessions/" + phone_handle + "/fin", {}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM sessions"), 2);
  EXPECT_EQ(phone.get("/compte").status, 303);  // signed out: sent to sign in
  EXPECT_EQ(laptop.get("/compte").status, 200);
}

// An account lists its person's sessions, which are named by their person (storage::kKeyedTables):
// another person signing in, or the chores writing when another's session was last used, keeps the
// account page as it was rendered; the person's own new session shows at once, and so does one
// ended. (A session's start changed behind the site's back tells a page rendered again from one kept.)
TEST(Reach, AnAccountIsKeptWhenOthersSignInAndShowsItsOwnSessionsAtOnce) {
  Site site;
  site.add_user("alice@example.org", "Alice", kPassword);
  site.add_user("bruno@example.org", "Bruno", kPassword);
  site.add_user("chloe@example.org", "Chloé", kPassword);
  Browser laptop(site), phone(site), bruno(site), chloe(site);
  bruno.sign_in("bruno@example.org", kPassword);
  site.advance(accounts::SeenSessions::kEvery + std::chrono::minutes(1));  // Bruno's next use is written
  laptop.sign_in("alice@example.org", kPassword);
  ASSERT_EQ(session_handles(laptop.get("/compte").body).size(), 1u);
  {
    auto c = site.db().acquire();
    c->execute(
        "UPDATE sessions SET created_at = 978307200 WHERE user_id = "  // 2001-01-01
        "(SELECT id FROM users WHERE email = 'alice@example.org')");
  }
  chloe.sign_in("chloe@example.org", kPassword);
  ASSERT_EQ(bruno.get("/compte").status, 200);
  site.run_chores();
  ASSERT_EQ(site.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE "
                       "u.email = 'bruno@example.org' AND s.last_seen_at > s.created_at"),
            1);
  EXPECT_EQ(laptop.get("/compte").body.find("2001"), std::string::npos)
      << "rendered again after another person's sign-in or use";

  phone.sign_in("alice@example.org", kPassword);
  auto page = laptop.get("/compte").body;
  EXPECT_NE(page.find("2001"), std::string::npos) << "kept after a sign-in of its own person";
  ASSERT_EQ(session_handles(page).size(), 2u);
  phone.get("/compte");
  ASSERT_EQ(phone.post("/deconnexion", {}).status, 303);  // a session found by its token
  EXPECT_EQ(session_handles(laptop.get("/compte").body).size(), 1u) << "kept after a session of its own ended";
}

TEST(Reach, DeletingOnesAccountFreesTheirPlacesKeepsWhatTheyGaveAndForgetsTheRest) {
  FullEvent f("reach-4", "reset-plein");
  auto& [smtp, site, anim, alice, bruno] = f;
  alice.get("/compte");
  ASSERT_EQ(alice.post("/compte/profil", {{"name", "Alice Martin"}, {"show_name", "1"}}).status, 303);
  // Alice proposes two resources; the animateurs publish one, the other stays her draft.
  for (const char* title : {"Guide des communs", "Brouillon personnel"}) {
    alice.get("/ressources/proposer");
    ASSERT_EQ(alice
                  .post("/ressources/proposer", {{"title", title},
                                                 {"kind", "guide"},
                                                 {"licence", "CC-BY-4.0"},
                                                 {"url", "https://example.org/guide"},
                                                 {"description", "Un texte."},
                                                 {"tags", ""}})
                  .status,
              303);
  }
  anim.get("/ressources/guide-des-communs");
  ASSERT_EQ(anim.post("/ressources/guide-des-communs/publier", {}).status, 303);
  EXPECT_NE(Browser(site).get("/ressources/guide-des-communs").body.find("Alice Martin"), std::string::npos);
  site.deliver_mail();
  const auto alice_id = site.count("SELECT id FROM users WHERE email = 'alice@example.org'");

  // A wrong password: a clear message, nothing changed.
  auto form = alice.get("/compte/supprimer");
  ASSERT_EQ(form.status, 200);
  auto refused = alice.post("/compte/supprimer", {{"password", "pas le bon mot de passe"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Le mot de passe est faux."), std::string::npos) << refused.body;
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE deleted_at IS NOT NULL"), 0);
  EXPECT_EQ(alice.get("/compte").status, 200);

  auto deleted = alice.post("/compte/supprimer", {{"password", kPassword}});
  ASSERT_EQ(deleted.status, 303);
  EXPECT_EQ(deleted.header("location"), "/compte/supprime");
  EXPECT_EQ(alice.get("/compte/supprime").status, 200);
  EXPECT_EQ(alice.get("/compte").status, 303);  // signed out

  // Her place went to Bruno, who is told.
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM registrations WHERE status = 'registered'"), 1);
  EXPECT_NE(bruno.get("/compte").body.find("Une place s’est libérée"), std::string::npos);
  // What was hers alone is gone; what she gave stays, by "ancien membre".
  const std::string id = std::to_string(alice_id);
  for (const char* table : {"sessions", "registrations", "notifications", "mail_preferences", "account_tokens"})
    EXPECT_EQ(site.count(std::string("SELECT COUNT(*) FROM ") + table + " WHERE user_id = " + id), 0) << table;
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE email LIKE '%alice%' OR name LIKE '%Alice%'"), 0);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM resources"), 1);  // the draft went, the published one stayed
  auto resource = Browser(site).get("/ressources/guide-des-communs");
  EXPECT_EQ(resource.status, 200);
  EXPECT_EQ(resource.body.find("Alice"), std::string::npos);
  EXPECT_NE(resource.body.find("ancien membre"), std::string::npos);
  // She cannot sign in again.
  Browser again(site);
  EXPECT_EQ(again.sign_in("alice@example.org", kPassword).status, 422);

  // The last mail to her address says so; nothing else will go there.
  site.deliver_mail();
  auto to_alice = mails_to(smtp, "alice@example.org");
  ASSERT_FALSE(to_alice.empty());
  EXPECT_EQ(header(to_alice.back(), "subject"), "Votre compte est supprimé");
  EXPECT_TRUE(header(to_alice.back(), "list-unsubscribe").empty());
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM outbox WHERE lower(recipient) = 'alice@example.org' AND kind <> "
                       "'account-deleted'"),
            0);
}

TEST(Reach, TheLastAnimateurCannotDeleteTheirAccount) {
  Site site;
  site.add_user("anim@example.org", "Anim", kPassword, true);
  Browser anim(site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get("/compte/supprimer");
  auto refused = anim.post("/compte/supprimer", {{"password", kPassword}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("dernier animateur"), std::string::npos);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE deleted_at IS NOT NULL"), 0);
}

TEST(Reach, CoalitionNewsReachesThoseItConcerns) {
  SmtpServer smtp(smtp_folder("reach-6"));
  CommonsSite p(through(smtp));
  Browser member = p.signed_in("membre@example.org"), porteur = p.signed_in("porteur@example.org");
  const std::string slug = kCommonsCoalition;

  // A new interest declaration is news for the co-porteurs (an update of it is not).
  for (int i = 0; i < 2; ++i) {
    member.get("/coalitions/" + slug);
    ASSERT_EQ(member.post("/coalitions/" + slug + "/interet", {{"commande", "1"}, {"message", "Nous venons."}}).status,
              303);
  }
  EXPECT_NE(porteur.get("/compte").body.find("Nouvelle déclaration d’intérêt pour « Développer et maintenir les "
                                             "communs numériques »"),
            std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE message LIKE 'New interest%' AND user_id = " +
                         std::to_string(p.porteur.id)),
            1);

  // Becoming co-porteur, and no longer being one.
  {
    auto c = p.site.db().acquire();
    coalitions::set_member_role(*c, p.anim, slug, p.member.id, coalitions::RoleChange::co_porteur, p.site.now());
    coalitions::set_member_role(*c, p.anim, slug, p.member.id, coalitions::RoleChange::remove, p.site.now());
  }
  auto account = member.get("/compte").body;
  EXPECT_NE(account.find("Vous êtes maintenant co-porteur de « Développer"), std::string::npos);
  EXPECT_NE(account.find("Vous n’êtes plus co-porteur de « Développer"), std::string::npos);

  // A proposal adopted: its author is told.
  {
    auto c = p.site.db().acquire();
    auto proposed = events::propose_coalition(*c, p.other,
                                              {"Des données pour le climat local",
                                               "Outiller les "
                                               "territoires.",
                                               "", "", ""},
                                              p.site.now());
    ASSERT_TRUE(proposed.errors.empty());
    auto decided = events::adopt_proposal(*c, p.anim, proposed.id, {"21", "communs-et-territoires"}, p.site.now());
    ASSERT_TRUE(decided.errors.empty());
  }
  EXPECT_NE(p.signed_in("autre@example.org")
                .get("/compte")
                .body.find("Votre proposition « Des données pour le climat local » est adoptée"),
            std::string::npos);

  // Each also by mail, to confirmed addresses, with the one-click unsubscription of that kind.
  p.site.deliver_mail();
  auto to_porteur = mails_to(smtp, "porteur@example.org");
  ASSERT_EQ(to_porteur.size(), 2u);  // made co-porteur when the site was set up, then the declaration
  EXPECT_EQ(header(to_porteur[1], "subject"),
            "Nouvelle déclaration d’intérêt pour « Développer et maintenir les communs numériques »");
  EXPECT_NE(header(to_porteur[1], "list-unsubscribe").find("/coalitions/"), std::string::npos);
  EXPECT_EQ(mails_to(smtp, "membre@example.org").size(), 2u);
  EXPECT_EQ(mails_to(smtp, "autre@example.org").size(), 1u);
}

TEST(Reach, ANextStepNamesSomeoneRegisteredWhoIsTold) {
  FullEvent f("reach-7", "reset-suites");
  auto& [smtp, site, anim, alice, bruno] = f;
  const auto alice_id = site.count("SELECT id FROM users WHERE email = 'alice@example.org'");
  const auto bruno_id = site.count("SELECT id FROM users WHERE email = 'bruno@example.org'");
  const std::string items = "/evenements/reset-suites/compte-rendu/elements";
  // The person picker offers the people registered whose name matches, by name, never by address;
  // a search draws the form again with what was typed, and writes nothing.
  EXPECT_EQ(anim.get(items + "/nouveau").status, 200);
  auto found = anim.post(items, {{"kind", "suite"}, {"body", "Relire la charte"}, {"assignee_q", "alice"}});
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find(R"(name="assignee" value=")" + std::to_string(alice_id) + R"(">)"), std::string::npos);
  EXPECT_NE(found.body.find("Alice Martin"), std::string::npos);
  EXPECT_EQ(found.body.find("alice@example.org"), std::string::npos);
  EXPECT_NE(found.body.find("Relire la charte"), std::string::npos);
  auto waiting = anim.post(items, {{"kind", "suite"}, {"body", "Relire la charte"}, {"assignee_q", "bruno"}});
  EXPECT_EQ(waiting.status, 200);
  EXPECT_EQ(waiting.body.find(R"(name="assignee" value=")" + std::to_string(bruno_id) + "\""), std::string::npos);
  // Two people ticked: refused next to the field, nothing written.
  auto two = anim.post(items, {{"kind", "suite"},
                               {"body", "Relire la charte"},
                               {"assignee", std::to_string(alice_id)},
                               {"assignee", std::to_string(bruno_id)}});
  EXPECT_EQ(two.status, 422);
  EXPECT_NE(two.body.find(R"(id="f-assignee-error")"), std::string::npos);
  // Bruno only waits for a place: he cannot be named; nor can anyone for a decision.
  auto refused =
      anim.post(items, {{"kind", "suite"}, {"body", "Relire la charte"}, {"assignee", std::to_string(bruno_id)}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(R"(id="f-assignee-error")"), std::string::npos);
  EXPECT_NE(refused.body.find("Relire la charte"), std::string::npos);  // what was typed is kept
  EXPECT_EQ(anim.post(items, {{"kind", "decision"}, {"body", "Adopté"}, {"assignee", std::to_string(alice_id)}}).status,
            422);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM minutes_items"), 0);

  ASSERT_EQ(anim.post(items, {{"kind", "suite"}, {"body", "Relire la charte"}, {"assignee", std::to_string(alice_id)}})
                .status,
            303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM minutes_items WHERE assignee_id = " + std::to_string(alice_id)), 1);
  EXPECT_NE(alice.get("/compte").body.find("Une étape suivante vous revient : « Relire la charte »"),
            std::string::npos);
  site.deliver_mail();
  auto mails = mails_to(smtp, "alice@example.org");
  ASSERT_FALSE(mails.empty());
  EXPECT_EQ(header(mails.back(), "subject"), "Une étape suivante vous revient : « Relire la charte »");
}

TEST(Reach, DraftsWaitingForReviewAndTheCharterReachThoseConcerned) {
  CommonsSite p;
  Browser member = p.signed_in("membre@example.org"), anim = p.signed_in("anim@example.org");
  auto told = [&](const accounts::User& who, const std::string& message) {
    return p.site.count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(who.id) +
                        " AND message = '" + message + "'");
  };

  // A member's resource for a coalition waits as a draft: the animateur and that coalition's
  // co-porteur are told, not the member, not anyone else.
  ASSERT_EQ(
      CommonsSite::propose(member, "Guide des communs", "Un guide.", "CC-BY-4.0", "guide", kCommonsCoalition).status,
      303);
  const std::string waiting = "A resource waits for review: “{}”";
  EXPECT_EQ(told(p.anim, waiting), 1);
  EXPECT_EQ(told(p.porteur, waiting), 1);
  EXPECT_EQ(told(p.member, waiting) + told(p.other, waiting), 0);
  EXPECT_NE(anim.get("/compte").body.find("Une ressource attend d’être relue : « Guide des communs »"),
            std::string::npos);

  // A consultation opens: everyone is told once, by the chores; signatories are asked to sign again
  // when a new version is adopted.
  auto open_and_adopt = [&](const std::string& number) {
    anim.get("/charte/versions/nouvelle");
    ASSERT_EQ(anim.post("/charte/versions/nouvelle", {{"principes", "Agir ensemble, version " + number + "."}}).status,
              303);
    anim.get("/charte/versions/" + number);
    ASSERT_EQ(anim.post("/charte/versions/" + number + "/consultation", {{"days", "10"}}).status, 303);
    p.site.run_chores();
    p.site.run_chores();
    ASSERT_EQ(anim.post("/charte/versions/" + number + "/adopter", {}).status, 303);
  };
  open_and_adopt("1");
  const std::string consultation = "The consultation on the charter is open: “{}”. Read it and comment.";
  for (const auto* who : {&p.anim, &p.porteur, &p.member, &p.other}) EXPECT_EQ(told(*who, consultation), 1);
  member.get("/charte");
  ASSERT_EQ(member.post("/charte/versions/1/signer", {{"organisation", ""}}).status, 303);
  p.site.advance(std::chrono::hours(24));
  open_and_adopt("2");
  const std::string again = "A new version of the charter is adopted: “{}”. Sign it again to stay a signatory.";
  EXPECT_EQ(told(p.member, again), 1);
  EXPECT_EQ(told(p.other, again), 0);
}

}  // namespace
}  // namespace fabrique::test
