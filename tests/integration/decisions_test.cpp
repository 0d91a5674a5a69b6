// Deciding together (issue #17): consent decisions and choices among options, their answers, their
// result and their outcome, through the real server.
#include <date/date.h>
#include <gtest/gtest.h>

#include "decisions/store.hpp"
#include "events/times.hpp"
#include "integration/commons_site.hpp"
#include "search/search.hpp"

namespace fabrique::test {
namespace {

using std::chrono::days;
using std::chrono::seconds;

constexpr const char* kOtherCoalition = "pour-un-achat-public-numerique-responsable";

// The commons' site, with the member and `other` in the co-porteur's coalition besides the porteur.
struct DecisionsSite : CommonsSite {
  DecisionsSite() {
    auto c = site.db().acquire();
    coalitions::set_member_role(*c, anim, kCommonsCoalition, member.id, coalitions::RoleChange::membre, site.now());
  }
  void join(const accounts::User& u) {
    auto c = site.db().acquire();
    coalitions::set_member_role(*c, anim, kCommonsCoalition, u.id, coalitions::RoleChange::membre, site.now());
  }
  std::string in_days(int n) { return events::times::input_value(site.now() + days(n)); }
  std::int64_t answers() { return site.count("SELECT COUNT(*) FROM decision_answers"); }
  std::int64_t decisions() { return site.count("SELECT COUNT(*) FROM decisions"); }
};

bool has(const HttpResponse& r, std::string_view text) { return r.body.find(text) != std::string::npos; }

TEST(Decisions, AConsentWithABlockAndItsReasonIsClosedWithAnOutcomeShownOnTheCharterVersion) {
  DecisionsSite p;
  Browser anim = p.signed_in("anim@example.org");
  anim.get("/charte/versions/nouvelle");
  ASSERT_EQ(anim.post("/charte/versions/nouvelle", {{"principes", "S'engager ensemble."}}).status, 303);
  anim.get("/charte/versions/1");
  ASSERT_EQ(anim.post("/charte/versions/1/consultation", {{"days", "10"}}).status, 303);
  // The consultation offers the animateurs a decision on the version, pre-filled with it.
  EXPECT_TRUE(has(anim.get("/charte/versions/1"), "/decisions/nouvelle?sujet=charter:1"));
  auto form = anim.get("/decisions/nouvelle?sujet=charter:1");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, R"(name="about" value="charter:1")"));
  EXPECT_TRUE(has(form, R"(name="group" value="programme" checked>)"));  // the group picker, the programme ticked
  auto opened = anim.post("/decisions/nouvelle", {{"about", "charter:1"},
                                                  {"question", "Adoptons-nous la version 1 de la charte ?"},
                                                  {"group", "programme"},
                                                  {"process", "consent"},
                                                  {"closes_at", p.in_days(7)}});
  ASSERT_EQ(opened.status, 303);
  EXPECT_EQ(opened.header("Location"), "/decisions/1?enregistre=decision");
  // The group is told (everyone but the opener).
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE link = '/decisions/1'"), 3);

  Browser member = p.signed_in("membre@example.org");
  member.get("/decisions/1");
  auto refused = member.post("/decisions/1/repondre", {{"position", "block"}, {"reason", ""}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, R"(id="f-reason-error")"));
  EXPECT_TRUE(has(refused, R"(value="block" checked)"));
  EXPECT_EQ(p.answers(), 0);
  ASSERT_EQ(
      member.post("/decisions/1/repondre", {{"position", "block"}, {"reason", "La section 2 exclut les PME."}}).status,
      303);
  Browser other = p.signed_in("autre@example.org");
  other.get("/decisions/1");
  ASSERT_EQ(other.post("/decisions/1/repondre", {{"position", "agree"}}).status, 303);
  // The group reads the block with its reason; a visitor sees the counts only.
  auto page = other.get("/decisions/1");
  EXPECT_TRUE(has(page, "La section 2 exclut les PME."));
  EXPECT_FALSE(has(Browser(p.site).get("/decisions/1"), "La section 2 exclut les PME."));
  EXPECT_TRUE(has(Browser(p.site).get("/decisions/1"), R"(role="img")"));

  // The latest answer counts.
  member.get("/decisions/1");
  ASSERT_EQ(member.post("/decisions/1/repondre", {{"position", "agree"}, {"reason", "Corrigé en séance."}}).status,
            303);
  EXPECT_EQ(p.answers(), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM decision_answers WHERE position = 'agree'"), 2);
  EXPECT_FALSE(has(member.get("/decisions/1"), "La section 2 exclut les PME."));

  // After the closing date: the answer is refused and nothing changes; the chore tells the group once.
  p.site.advance(seconds(8 * 86400));
  member.get("/decisions/1");
  auto late = member.post("/decisions/1/repondre", {{"position", "disagree"}, {"reason", "Trop tard."}});
  EXPECT_EQ(late.status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM decision_answers WHERE position = 'disagree'"), 0);
  EXPECT_EQ(p.site.run_chores(), 0);
  EXPECT_EQ(p.site.run_chores(), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE link = '/decisions/1'"), 3 + 4);

  // Only the opener (or an animateur) writes the outcome, shown on the charter version.
  member.get("/decisions/1");
  EXPECT_EQ(member.post("/decisions/1/cloturer", {{"outcome", "Rien."}}).status, 403);
  anim.get("/decisions/1");
  EXPECT_EQ(anim.post("/decisions/1/cloturer", {{"outcome", ""}}).status, 422);
  ASSERT_EQ(anim.post("/decisions/1/cloturer", {{"outcome", "La version 1 est adoptée par consentement."}}).status,
            303);
  auto version = Browser(p.site).get("/charte/versions/1");
  EXPECT_TRUE(has(version, "La version 1 est adoptée par consentement."));
  EXPECT_TRUE(has(version, R"(Décidé par : <a href="/decisions/1">Adoptons-nous la version 1 de la charte ?</a>)"))
      << version.body;
  EXPECT_TRUE(has(Browser(p.site).get("/decisions.json"), R"("outcome":"La version 1 est adoptée par consentement.")"));
  EXPECT_TRUE(has(Browser(p.site).get("/decisions?etat=closes"), "Adoptons-nous la version 1"));
  EXPECT_FALSE(has(Browser(p.site).get("/decisions?etat=ouvertes"), "Adoptons-nous la version 1"));
}

TEST(Decisions, ARankedChoiceShowsItsRunOffRoundByRound) {
  DecisionsSite p;
  p.join(p.other);
  Browser porteur = p.signed_in("porteur@example.org");
  porteur.get("/decisions/nouvelle");
  auto opened = porteur.post("/decisions/nouvelle", {{"question", "Quel chantier d'abord ?"},
                                                     {"group", std::string("coalition:") + kCommonsCoalition},
                                                     {"process", "ranked"},
                                                     {"options", "Annuaire\nBoîte à outils\n\nCartographie\n"},
                                                     {"closes_at", p.in_days(3)}});
  ASSERT_EQ(opened.status, 303);
  ASSERT_EQ(p.site.count("SELECT COUNT(*) FROM decision_options"), 3);
  auto id = [&](const char* label) {
    return std::to_string(p.site.count(std::string("SELECT id FROM decision_options WHERE label = '") + label + "'"));
  };
  const std::string a = id("Annuaire"), b = id("Boîte à outils"), c = id("Cartographie");
  porteur.get("/decisions/1");
  ASSERT_EQ(porteur.post("/decisions/1/repondre", {{"rank-" + a, "1"}, {"rank-" + b, "2"}}).status, 303);
  Browser member = p.signed_in("membre@example.org");
  member.get("/decisions/1");
  // Two options at one rank are refused, the ranks given kept.
  auto twice = member.post("/decisions/1/repondre", {{"rank-" + a, "1"}, {"rank-" + b, "1"}});
  EXPECT_EQ(twice.status, 422);
  EXPECT_TRUE(has(twice, R"(id="f-choice-error")"));
  ASSERT_EQ(member.post("/decisions/1/repondre", {{"rank-" + b, "1"}, {"rank-" + a, "2"}}).status, 303);
  Browser other = p.signed_in("autre@example.org");
  other.get("/decisions/1");
  ASSERT_EQ(other.post("/decisions/1/repondre", {{"rank-" + c, "1"}, {"rank-" + b, "2"}}).status, 303);

  auto page = other.get("/decisions/1");
  EXPECT_TRUE(has(page, "Tour 2"));
  EXPECT_TRUE(has(page, "éliminée"));
  EXPECT_TRUE(has(page, "Option retenue par le vote alternatif : Boîte à outils"));
  auto json = Browser(p.site).get("/decisions/1.json");
  EXPECT_TRUE(has(json, R"("winner":"Boîte à outils")"));
  EXPECT_TRUE(has(json, R"("method":"instant run-off")"));
  // The list filters by group.
  EXPECT_TRUE(has(Browser(p.site).get("/decisions?groupe=coalition"), "Quel chantier d"));
  EXPECT_FALSE(has(Browser(p.site).get("/decisions?groupe=programme"), "Quel chantier d"));
}

TEST(Decisions, OnlyTheGroupAnswersAndACoPorteurOpensOnlyForTheirCoalition) {
  DecisionsSite p;
  Browser porteur = p.signed_in("porteur@example.org");
  porteur.get("/decisions/nouvelle");
  auto elsewhere = porteur.post("/decisions/nouvelle", {{"question", "Et chez les voisins ?"},
                                                        {"group", std::string("coalition:") + kOtherCoalition},
                                                        {"process", "consent"},
                                                        {"closes_at", p.in_days(3)}});
  EXPECT_EQ(elsewhere.status, 403);
  porteur.get("/decisions/nouvelle");
  EXPECT_EQ(porteur
                .post("/decisions/nouvelle", {{"question", "Tout le programme ?"},
                                              {"group", "programme"},
                                              {"process", "consent"},
                                              {"closes_at", p.in_days(3)}})
                .status,
            403);
  EXPECT_EQ(p.decisions(), 0);
  Browser member = p.signed_in("membre@example.org");
  EXPECT_EQ(member.get("/decisions/nouvelle").status, 403);

  porteur.get("/decisions/nouvelle");
  ASSERT_EQ(porteur
                .post("/decisions/nouvelle", {{"question", "Réunion mensuelle le mardi ?"},
                                              {"about", std::string("coalition:") + kCommonsCoalition},
                                              {"group", std::string("coalition:") + kCommonsCoalition},
                                              {"process", "consent"},
                                              {"closes_at", p.in_days(3)}})
                .status,
            303);
  Browser other = p.signed_in("autre@example.org");
  auto page = other.get("/decisions/1");
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(has(page, R"(action="/decisions/1/repondre")"));
  EXPECT_EQ(other.post("/decisions/1/repondre", {{"position", "agree"}}).status, 403);
  EXPECT_EQ(p.answers(), 0);
  member.get("/decisions/1");
  EXPECT_EQ(member.post("/decisions/1/repondre", {{"position", "agree"}}).status, 303);
  EXPECT_EQ(p.answers(), 1);
  // The coalition's page lists the decision about it.
  EXPECT_TRUE(
      has(Browser(p.site).get(std::string("/coalitions/") + kCommonsCoalition), "Réunion mensuelle le mardi ?"));
}

TEST(Decisions, FoundBySearchWithTheirStatusTheProgrammesByAllACoalitionsByItsMembersOnly) {
  DecisionsSite p;
  Browser anim = p.signed_in("anim@example.org");
  anim.get("/decisions/nouvelle");
  ASSERT_EQ(anim.post("/decisions/nouvelle", {{"question", "Quels principes de gouvernance adoptons-nous ?"},
                                              {"details", "Subsidiarité et transparence des comptes."},
                                              {"group", "programme"},
                                              {"process", "consent"},
                                              {"closes_at", p.in_days(5)}})
                .status,
            303);
  Browser porteur = p.signed_in("porteur@example.org");
  porteur.get("/decisions/nouvelle");
  ASSERT_EQ(porteur
                .post("/decisions/nouvelle", {{"question", "Quel jour pour les ateliers mutualisés ?"},
                                              {"group", std::string("coalition:") + kCommonsCoalition},
                                              {"process", "one"},
                                              {"options", "Mardi matin\nJeudi après-midi"},
                                              {"closes_at", p.in_days(5)}})
                .status,
            303);
  auto results = [](Browser& b, const std::string& q) {
    auto r = b.get("/recherche?q=" + form_encode(q));
    EXPECT_EQ(r.status, 200) << q;
    return r;
  };
  // The programme's decision: for anyone, with its status.
  Browser visitor(p.site);
  auto found = results(visitor, "gouvernance");
  EXPECT_TRUE(has(found, R"(href="/decisions/1")")) << found.body;
  EXPECT_TRUE(has(found, "— décision ouverte</a>")) << found.body;
  EXPECT_TRUE(has(found, "Ouverte jusqu’au"));
  EXPECT_TRUE(has(found, "Décisions"));  // its facet
  // The coalition's: its members and the animateurs, not a visitor nor another signed-in person.
  Browser member = p.signed_in("membre@example.org");
  Browser other = p.signed_in("autre@example.org");
  EXPECT_TRUE(has(results(member, "ateliers mutualisés"), R"(href="/decisions/2")"));
  EXPECT_TRUE(has(results(anim, "jeudi"), R"(href="/decisions/2")"));
  EXPECT_FALSE(has(results(visitor, "ateliers mutualisés"), "/decisions/2"));
  EXPECT_FALSE(has(results(other, "ateliers mutualisés"), "/decisions/2"));

  // Closed with its outcome: the outcome is found and the status says closed.
  anim.get("/decisions/1");
  ASSERT_EQ(anim.post("/decisions/1/cloturer", {{"outcome", "Adoptés : subsidiarité, sobriété, transparence."}}).status,
            303);
  auto closed = results(visitor, "sobriété");
  EXPECT_TRUE(has(closed, R"(href="/decisions/1")")) << closed.body;
  EXPECT_TRUE(has(closed, "— décision close</a>")) << closed.body;
  // The coalition's, closed by its date: the chore updates its status.
  p.site.advance(days(6));
  p.site.run_chores();
  EXPECT_TRUE(has(results(member, "ateliers mutualisés"), "— décision close</a>"));
  // Reindexing finds the same.
  {
    auto c = p.site.db().acquire();
    search::reindex(*c, p.site.now());
  }
  EXPECT_TRUE(has(results(visitor, "sobriété"), R"(href="/decisions/1")"));
  EXPECT_FALSE(has(results(visitor, "ateliers mutualisés"), "/decisions/2"));
  EXPECT_TRUE(has(results(member, "ateliers mutualisés"), R"(href="/decisions/2")"));
}

TEST(Decisions, BadInputIsRefusedNextToTheFieldAndNothingIsWritten) {
  DecisionsSite p;
  Browser anim = p.signed_in("anim@example.org");
  anim.get("/decisions/nouvelle");
  auto past = anim.post("/decisions/nouvelle", {{"question", "Trop tard ?"},
                                                {"group", "programme"},
                                                {"process", "consent"},
                                                {"closes_at", events::times::input_value(p.site.now() - days(1))}});
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(has(past, R"(id="f-closes_at-error")"));
  EXPECT_TRUE(has(past, "La date de clôture doit être dans le futur."));
  EXPECT_TRUE(has(past, R"(value="Trop tard ?")"));
  auto one = anim.post("/decisions/nouvelle", {{"question", "Une seule option ?"},
                                               {"group", "programme"},
                                               {"process", "one"},
                                               {"options", "Oui"},
                                               {"closes_at", p.in_days(2)}});
  EXPECT_EQ(one.status, 422);
  EXPECT_TRUE(has(one, R"(id="f-options-error")"));
  auto unknown = anim.post("/decisions/nouvelle", {{"question", "Quel groupe ?"},
                                                   {"group", "coalition:nulle-part"},
                                                   {"process", "consent"},
                                                   {"closes_at", p.in_days(2)}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(has(unknown, R"(id="f-group-error")"));
  // The group is picked (issue #19), not chosen in a list of every coalition and event: a search draws
  // the form again with the groups that match and what was typed, nothing saved; two are refused.
  const Fields asked = {{"question", "Quel groupe ?"}, {"process", "consent"}, {"closes_at", p.in_days(2)}};
  auto found = anim.post("/decisions/nouvelle", with(asked, "group_q", "programme"));
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found, R"(name="group" value="programme")"));
  EXPECT_FALSE(has(found, R"(<select id="f-group")"));
  EXPECT_TRUE(has(found, R"(value="Quel groupe ?")"));
  Fields two = with(asked, "group", "programme");
  two.emplace_back("group", std::string("coalition:") + kCommonsCoalition);
  auto refused = anim.post("/decisions/nouvelle", two);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, R"(id="f-group-error")"));
  EXPECT_TRUE(has(refused, "Choisissez un seul groupe."));
  auto kept = anim.post("/decisions/nouvelle", {{"question", "Une seule option ?"},
                                                {"group", std::string("coalition:") + kCommonsCoalition},
                                                {"process", "one"},
                                                {"options", "Oui"},
                                                {"closes_at", p.in_days(2)}});
  EXPECT_EQ(kept.status, 422);
  EXPECT_TRUE(has(kept, std::string(R"(name="group" value="coalition:)") + kCommonsCoalition + "\""))
      << "the chosen coalition is drawn again, its label read though the form searched nothing";
  EXPECT_TRUE(has(kept, "Les membres de la coalition « "));
  auto by_title = anim.post("/decisions/nouvelle", with(asked, "group_q", "communs numériques"));
  EXPECT_TRUE(has(by_title, std::string(R"(value="coalition:)") + kCommonsCoalition + "\""))
      << "a search looks among every coalition";
  EXPECT_EQ(p.decisions(), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM decision_options"), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE link LIKE '/decisions%'"), 0);
}

}  // namespace
}  // namespace fabrique::test

namespace fabrique::test {
namespace {

// The events offered as groups: those not over 60 days ago, read from the start index from that day
// less the longest event. A long event begun before is still offered; one over before is not.
TEST(Decisions, TheEventsOfferedAsGroupsAreThoseNotOverSixtyDaysAgo) {
  DecisionsSite p;
  auto c = p.site.db().acquire();
  const std::int64_t since = storage::secs(p.site.now() - days(60));
  auto event = [&](const std::string& slug, std::int64_t starts, std::int64_t ends) {
    c->execute(
        "INSERT INTO events (slug, kind_id, title, starts_at, ends_at, created_at, updated_at) "
        "VALUES (?, (SELECT MIN(id) FROM event_kinds), ?, ?, ?, 0, 0)",
        {slug, slug, starts, ends});
  };
  event("long-cours", since - 30 * 86400, since + 86400);  // a month-long residency, still on then
  event("fini-avant", since - 2 * 86400, since - 86400);
  event("fini-pile", since - 3600, since);  // over at that very second: offered
  event("a-venir", since + 10 * 86400, since + 10 * 86400 + 3600);
  std::vector<std::string> slugs;
  for (const auto& e : decisions::store::recent_events(*c, p.site.now() - days(60))) slugs.push_back(e.slug);
  EXPECT_EQ(slugs, (std::vector<std::string>{"long-cours", "fini-pile", "a-venir"}));
}

// The list shows thirty decisions a page, newest first, its filters kept from page to page.
TEST(Decisions, TheListShowsThirtyAPageAndKeepsItsFilters) {
  DecisionsSite p;
  Browser anim = p.signed_in("anim@example.org");
  anim.get("/decisions/nouvelle");
  for (int i = 1; i <= 31; ++i) {
    auto opened = anim.post("/decisions/nouvelle", {{"question", fmt::format("Question numéro {:02} ?", i)},
                                                    {"group", "programme"},
                                                    {"process", "consent"},
                                                    {"closes_at", p.in_days(7)}});
    ASSERT_EQ(opened.status, 303) << i << opened.body;
    p.site.advance(std::chrono::seconds(1));  // newest first: each one later than the last
  }
  Browser visitor(p.site);
  const auto first = visitor.get("/decisions?etat=ouvertes");
  EXPECT_EQ(count_of(first.body, "Question numéro "), 30u);
  EXPECT_TRUE(has(first, "31 décisions"));
  EXPECT_TRUE(has(first, "Question numéro 31")) << "the newest first";
  EXPECT_TRUE(has(first, R"(href="/decisions?etat=ouvertes&amp;page=2")")) << "the filter is kept";
  const auto second = visitor.get("/decisions?etat=ouvertes&page=2");
  EXPECT_EQ(count_of(second.body, "Question numéro "), 1u);
  EXPECT_TRUE(has(second, "Question numéro 01"));
  EXPECT_EQ(count_of(visitor.get("/decisions?etat=closes").body, "Question numéro "), 0u);
  // The JSON goes a page at a time too, with the same filters and the links to the other pages.
  const auto json = visitor.get("/decisions.json?etat=ouvertes&per_page=20&page=2");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(count_of(json.body, "Question numéro "), 11u);
  EXPECT_TRUE(has(json, R"("count":11,"total":31,"page":2,"pages":2,"per_page":20)")) << json.body.substr(0, 300);
  EXPECT_TRUE(has(json, "Question numéro 11")) << "the eleven oldest on the second page";
  EXPECT_NE(json.header("Link").find(R"(/decisions.json?etat=ouvertes&per_page=20&page=1>; rel="prev")"),
            std::string::npos)
      << json.header("Link");
  EXPECT_EQ(visitor.get("/decisions.json?per_page=100000").status, 400);
  // What changed since a date: the eleven opened in the last eleven seconds.
  const auto since =
      visitor.get("/decisions.json?updated_since=" + date::format("%FT%TZ", p.site.now() - std::chrono::seconds(11)));
  EXPECT_TRUE(has(since, R"("total":11)")) << since.body.substr(0, 300);
}

}  // namespace
}  // namespace fabrique::test
