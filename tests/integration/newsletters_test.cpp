// The journal's newsletters (issue #17) over real HTTP with a real SMTP server: whom a newsletter
// reaches (all members or a coalition's followers, never those who turned newsletters off), the test
// mailed to its sender only, the send confirmed then mailed to each with the one-click
// unsubscription, which the next newsletter honours; nobody to reach and non-animateurs refused.
#include <date/date.h>
#include <gtest/gtest.h>

#include "coalitions/use_cases.hpp"
#include "events/use_cases.hpp"
#include "follows/follows.hpp"
#include "integration/mail_support.hpp"
#include "integration/site.hpp"
#include "journal/use_cases.hpp"
#include "notifications/notifications.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::test {
namespace {

// An animateur and three members: Ana follows the coalition, Bob follows nothing, Chloé follows it
// but turned newsletters off. Two published posts and an event in ten days.
struct Readers {
  SmtpServer smtp;
  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  accounts::User ana = site.add_user("ana@example.org", "Ana Abonnée", kPassword);
  accounts::User bob = site.add_user("bob@example.org", "Bob Membre", kPassword);
  accounts::User chloe = site.add_user("chloe@example.org", "Chloé Sanslettre", kPassword);
  std::vector<std::string> posts;  // their slugs
  Browser animateur{site};         // signed in, on the form

  explicit Readers(const std::string& test) : smtp(smtp_folder(test)), site(Site::small_limits(), through(smtp)) {
    auto c = site.db().acquire();
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Communs et territoires");
    for (const auto& [number, title] : {std::pair{"8.a", "Communs numériques"}, std::pair{"9.b", "Données ouvertes"}}) {
      coalitions::CoalitionInput in;
      in.number = number;
      in.title = title;
      in.family = "communs-et-territoires";
      in.stage = "cadrage";
      if (!coalitions::create_coalition(*c, anim, in, site.now()).coalition)
        throw std::runtime_error("could not open a test coalition");
    }
    const std::int64_t communs = site.count("SELECT id FROM coalitions WHERE slug = 'communs-numeriques'");
    follows::follow(*c, ana.id, follows::Subject::coalition, communs, site.now());
    follows::follow(*c, chloe.id, follows::Subject::coalition, communs, site.now());
    notifications::set_mail_enabled(*c, chloe.id, "newsletters", false, site.now());
    for (const char* title : {"Retour sur l’atelier breton", "Lancement de la coalition communs"}) {
      journal::PostInput p;
      p.title = title;
      p.kind = "retour-sur";
      p.summary = std::string("Résumé : ") + title;
      p.body = "Le texte de l’article.";
      p.publish = true;
      auto written = journal::write_post(*c, anim, p, site.now() - std::chrono::days(1));
      if (!written.post) throw std::runtime_error("could not write a test post");
      posts.push_back(written.post->slug);
    }
    events::EventInput e;
    e.kind = "atelier-de-coalition";
    e.title = "Atelier territorial";
    e.slug = "atelier-territorial";
    const auto day = std::chrono::floor<std::chrono::days>(site.now()) + std::chrono::days(10);
    e.starts = date::format("%F", day) + "T14:00";
    e.ends = date::format("%F", day) + "T17:00";
    e.status = "confirmed";
    e.coalitions = {"communs-numeriques"};
    auto made = events::create_event(*c, anim, e, site.now());
    if (!made.event) throw std::runtime_error("could not make the test event: " + made.errors.items().front().first);
    site.deliver_mail();
    animateur.sign_in("anim@example.org", kPassword);
    animateur.get("/journal/lettres/ecrire");
  }

  std::int64_t queued() { return site.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'"); }

  // A digest of both posts and the events of the next two weeks, to `audience`.
  Fields digest(const std::string& subject, const std::string& audience = "members", const Fields& more = {}) {
    Fields f{{"subject", subject},   {"introduction", "Bonjour à **toutes et à tous**."},
             {"content", "digest"},  {"posts", posts.at(0)},
             {"posts", posts.at(1)}, {"weeks", "2"},
             {"audience", audience}};
    f.insert(f.end(), more.begin(), more.end());
    return f;
  }

  // The newsletters (and their tests) `address` received: their subjects all start "La lettre".
  std::vector<boost::json::object> letters_to(const std::string& address) {
    std::vector<boost::json::object> out;
    for (auto& m : mails_to(smtp, address))
      if (header(m, "subject").find("La lettre") != std::string::npos) out.push_back(std::move(m));
    return out;
  }
};

Fields extended(Fields f, const Fields& more) {
  f.insert(f.end(), more.begin(), more.end());
  return f;
}

TEST(Newsletters, TheFormCountsMembersOrFollowersLeavingOutThoseWhoOptedOut) {
  Readers p("newsletters-1");
  Browser& anim = p.animateur;
  auto form = anim.get("/journal/lettres/ecrire");
  ASSERT_EQ(form.status, 200);
  // Everyone but Chloé, who turned newsletters off: the animateur, Ana and Bob.
  EXPECT_NE(form.body.find("Cette lettre atteint 3 personnes"), std::string::npos) << form.body;
  EXPECT_NE(form.body.find("Retour sur l’atelier breton"), std::string::npos);
  // Upcoming events are searched for, not all listed: hundreds of them at a large programme's size.
  EXPECT_EQ(form.body.find("Atelier territorial"), std::string::npos);
  EXPECT_NE(form.body.find("Aucun coché"), std::string::npos) << "none ticked: every event of the weeks";
  auto searched = anim.post("/journal/lettres/ecrire",
                            extended(p.digest("Lettre"), {{"action", "send"}, {"events_q", "territorial"}}));
  EXPECT_EQ(searched.status, 200);
  EXPECT_NE(searched.body.find("Atelier territorial"), std::string::npos);
  EXPECT_NE(searched.body.find(R"(name="events" value=")"), std::string::npos) << "offered to tick";

  auto followers = anim.post(
      "/journal/lettres/ecrire",
      extended(p.digest("Lettre", "followers", {{"coalitions", "communs-numeriques"}}), {{"action", "count"}}));
  EXPECT_EQ(followers.status, 200);
  EXPECT_NE(followers.body.find("Cette lettre atteint 1 personne"), std::string::npos) << followers.body;  // Ana
  EXPECT_NE(followers.body.find(R"(value="communs-numeriques" checked)"), std::string::npos);

  // The counts are kept between views (storage::settings::memo) and follow each change at once: Bob
  // follows the coalition, then turns newsletters off.
  auto reach = [&](const std::string& audience) {
    Fields f = audience == "members" ? p.digest("Lettre")
                                     : p.digest("Lettre", "followers", {{"coalitions", "communs-numeriques"}});
    return anim.post("/journal/lettres/ecrire", extended(f, {{"action", "count"}})).body;
  };
  Browser bob(p.site);
  bob.sign_in("bob@example.org", kPassword);
  bob.get("/coalitions/communs-numeriques");
  ASSERT_EQ(bob.post("/coalitions/communs-numeriques/suivre", {{"suivre", "1"}}).status, 303);
  EXPECT_NE(reach("followers").find("Cette lettre atteint 2 personnes"), std::string::npos);
  bob.get("/compte/courriels");
  ASSERT_EQ(bob.post("/compte/courriels", {{"events", "1"}}).status, 303);
  EXPECT_NE(reach("followers").find("Cette lettre atteint 1 personne"), std::string::npos);
  EXPECT_NE(reach("members").find("Cette lettre atteint 2 personnes"), std::string::npos);
  EXPECT_EQ(p.queued(), 0);
}

TEST(Newsletters, ATestReachesOnlyItsSenderAndKeepsNothing) {
  Readers p("newsletters-2");
  Browser& anim = p.animateur;
  auto tested = anim.post("/journal/lettres/ecrire", extended(p.digest("La lettre de décembre"), {{"action", "test"}}));
  ASSERT_EQ(tested.status, 200) << tested.body;
  EXPECT_NE(tested.body.find("Un essai a été envoyé à anim@example.org seulement"), std::string::npos);
  EXPECT_NE(tested.body.find(R"(value="La lettre de décembre")"), std::string::npos);  // the form kept
  EXPECT_EQ(p.site.deliver_mail(), 1);
  auto mails = p.letters_to("anim@example.org");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(header(mails[0], "subject"), "[Test] La lettre de décembre");
  EXPECT_NE(text_of(mails[0], "html").find("<strong>toutes et à tous</strong>"), std::string::npos);
  EXPECT_TRUE(p.letters_to("ana@example.org").empty());
  EXPECT_TRUE(p.letters_to("bob@example.org").empty());
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM newsletters"), 0);
}

TEST(Newsletters, ASendIsConfirmedThenMailsEachRecipientWithTheOneClickUnsubscriptionTheNextOneHonours) {
  Readers p("newsletters-3");
  Browser& anim = p.animateur;
  // First the confirmation with the count: nothing is sent yet.
  auto confirm =
      anim.post("/journal/lettres/ecrire", extended(p.digest("La lettre de décembre"), {{"action", "send"}}));
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_NE(confirm.body.find("Envoyer à 3 personnes"), std::string::npos) << confirm.body;
  EXPECT_EQ(p.queued(), 0);
  auto sent = anim.post("/journal/lettres/ecrire",
                        extended(p.digest("La lettre de décembre"), {{"confirmed", "1"}, {"action", "send"}}));
  ASSERT_EQ(sent.status, 303) << sent.body;
  const std::string location = sent.header("location");
  EXPECT_TRUE(location.starts_with("/journal/lettres/") && location.ends_with("?fait=envoi")) << location;
  const std::string letter = location.substr(0, location.find('?'));
  EXPECT_NE(anim.get(location).body.find("La lettre part vers 3 personnes."), std::string::npos);

  // Sent by the outbox's sender, one mail per person, through the SMTP server.
  EXPECT_EQ(p.site.deliver_mail(), 3);
  EXPECT_TRUE(p.letters_to("chloe@example.org").empty());
  EXPECT_EQ(p.letters_to("bob@example.org").size(), 1u);
  EXPECT_EQ(p.letters_to("anim@example.org").size(), 1u);
  auto to_ana = p.letters_to("ana@example.org");
  ASSERT_EQ(to_ana.size(), 1u);
  const auto& m = to_ana[0];
  EXPECT_EQ(header(m, "subject"), "La lettre de décembre");
  EXPECT_EQ(header(m, "list-unsubscribe-post"), "List-Unsubscribe=One-Click");
  EXPECT_NE(
      header(m, "list-unsubscribe").find("/courriels/desabonnement/" + std::to_string(p.ana.id) + "/newsletters/"),
      std::string::npos)
      << header(m, "list-unsubscribe");
  const std::string text = text_of(m, "text");
  EXPECT_NE(text.find("Retour sur l’atelier breton"), std::string::npos) << text;
  EXPECT_NE(text.find("Atelier territorial"), std::string::npos) << text;
  EXPECT_FALSE(link_in(m, "/journal/lettre").empty());
  EXPECT_NE(text_of(m, "html").find(R"(/evenements/atelier-territorial">Atelier territorial</a>)"), std::string::npos);

  // Kept: the list, its web version, and JSON.
  auto list = anim.get("/journal/lettres");
  EXPECT_NE(list.body.find("La lettre de décembre"), std::string::npos);
  EXPECT_NE(list.body.find("2 billets, 1 événement"), std::string::npos) << list.body;
  auto json = Browser(p.site).get(letter + ".json");
  EXPECT_EQ(json.status, 200);
  auto doc = boost::json::parse(json.body).as_object();
  EXPECT_EQ(doc.at("recipients").as_int64(), 3);
  EXPECT_EQ(doc.at("items").as_array().size(), 3u);

  // Ana unsubscribes with one click (a mail client's POST, no cookie nor form token): honoured at once.
  const std::string path = link_in(m, "/courriels/desabonnement/");
  ASSERT_FALSE(path.empty());
  EXPECT_EQ(request(p.site.port(), "POST", path, {{"Content-Type", "application/x-www-form-urlencoded"}},
                    "List-Unsubscribe=One-Click")
                .status,
            200);
  anim.get("/journal/lettres/ecrire");
  auto next = anim.post("/journal/lettres/ecrire",
                        extended(p.digest("La lettre de janvier"), {{"confirmed", "1"}, {"action", "send"}}));
  ASSERT_EQ(next.status, 303);
  EXPECT_EQ(p.site.deliver_mail(), 2);
  EXPECT_EQ(p.letters_to("ana@example.org").size(), 1u);
  EXPECT_EQ(p.letters_to("bob@example.org").size(), 2u);
  EXPECT_EQ(p.site.count("SELECT recipients FROM newsletters WHERE subject = 'La lettre de janvier'"), 2);
}

TEST(Newsletters, ANewsletterReachingNobodyIsRefusedNextToItsFieldAndNothingIsQueued) {
  Readers p("newsletters-4");
  Browser& anim = p.animateur;
  // Nobody follows "Données ouvertes".
  for (const Fields& step : {Fields{{"action", "send"}}, Fields{{"confirmed", "1"}, {"action", "send"}}}) {
    auto refused =
        anim.post("/journal/lettres/ecrire",
                  extended(p.digest("La lettre à personne", "followers", {{"coalitions", "donnees-ouvertes"}}), step));
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("Personne ne recevrait cette lettre"), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find(R"(id="f-coalitions-error")"), std::string::npos);
  }
  // Nor with no coalition chosen, nor with nothing in it.
  auto none = anim.post("/journal/lettres/ecrire",
                        extended(p.digest("La lettre à personne", "followers"), {{"action", "send"}}));
  EXPECT_EQ(none.status, 422);
  auto empty = anim.post(
      "/journal/lettres/ecrire",
      {{"subject", "Vide"}, {"content", "digest"}, {"audience", "members"}, {"confirmed", "1"}, {"action", "send"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("Choisissez au moins un billet"), std::string::npos);
  EXPECT_EQ(p.queued(), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM newsletters"), 0);
}

TEST(Newsletters, OnlyAnimateursSendThem) {
  Readers p("newsletters-5");
  Browser bob(p.site);
  bob.sign_in("bob@example.org", kPassword);
  EXPECT_EQ(bob.get("/journal/lettres/ecrire").status, 403);
  bob.get("/journal/lettres");
  for (const char* action : {"test", "send"})
    EXPECT_EQ(bob.post("/journal/lettres/ecrire",
                       extended(p.digest("La lettre pirate"), {{"confirmed", "1"}, {"action", action}}))
                  .status,
              403);
  EXPECT_EQ(p.queued(), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM newsletters"), 0);
  // Anyone reads those sent.
  EXPECT_EQ(Browser(p.site).get("/journal/lettres").status, 200);
}

}  // namespace
}  // namespace fabrique::test
