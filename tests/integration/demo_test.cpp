// The demo programme loaded into a real site, then read over HTTP as a visitor and as its animateur.
#include "demo/demo.hpp"

#include <gtest/gtest.h>

#include "integration/site.hpp"

namespace fabrique::test {
namespace {

demo::Summary load(Site& site) {
  auto c = site.db().acquire();
  return demo::load(*c);
}

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

std::size_t occurrences(const std::string& body, const std::string& text) {
  std::size_t n = 0;
  for (auto at = body.find(text); at != std::string::npos; at = body.find(text, at + text.size())) ++n;
  return n;
}

// The part of `body` from `from` to the next `to` (empty when absent).
std::string between(const std::string& body, const std::string& from, const std::string& to) {
  auto a = body.find(from);
  if (a == std::string::npos) return {};
  auto b = body.find(to, a + from.size());
  return body.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

// Every table the demo writes to, counted: a refused load must leave them all as they were.
std::map<std::string, std::int64_t> counts(Site& site) {
  std::map<std::string, std::int64_t> out;
  for (const char* table : {"users", "organisations", "user_organisations", "coalition_families", "coalition_cohorts",
                            "coalitions", "coalition_stage_changes", "booklet_revisions", "booklet_revision_sections",
                            "booklet_current", "coalition_members", "interest_declarations", "sessions"})
    out[table] = site.count(std::string("SELECT COUNT(*) FROM ") + table);
  return out;
}

TEST(Demo, LoadsTheWholeProgrammeThroughTheUseCases) {
  Site site;
  auto s = load(site);
  EXPECT_EQ(s.coalitions, 13);
  EXPECT_EQ(s.families, 3);
  EXPECT_EQ(s.cohorts, 2);
  EXPECT_GE(s.organisations, 30);
  EXPECT_GE(s.co_porteurs, 4);
  EXPECT_GE(s.declarations, 8);
  ASSERT_GE(s.accounts.size(), 5u);
  EXPECT_EQ(s.accounts.front().email, demo::kAnimateurEmail);
  EXPECT_TRUE(s.accounts.front().animateur);

  EXPECT_EQ(site.count("SELECT COUNT(*) FROM coalitions"), 13);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM users WHERE role = 'animateur'"), 1);
  // The Reset Fest Bretagne workshop in its three groups, each with a facilitator, members and notes.
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM breakout_groups WHERE facilitator_id IS NOT NULL"), 3);
  EXPECT_EQ(site.count("SELECT COUNT(DISTINCT group_id) FROM breakout_members"), 3);
  EXPECT_EQ(site.count("SELECT COUNT(DISTINCT group_id) FROM minutes_items WHERE kind = 'idea'"), 3);
  // Every demo person belongs to exactly one organisation; the others have no member.
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM user_organisations"), site.count("SELECT COUNT(*) FROM users"));
  EXPECT_GE(site.count("SELECT COUNT(*) FROM users WHERE show_name = 1"), 2);
  EXPECT_GE(site.count("SELECT COUNT(*) FROM users WHERE show_name = 0"), 1);
  // Stages were lived at the dates of the source, not all at load time.
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM coalition_stage_changes WHERE changed_at > 1640995200"), 0);
  EXPECT_GE(site.count("SELECT COUNT(DISTINCT changed_at) FROM coalition_stage_changes"), 8);
  // At least six booklets have three revisions by two people or more.
  EXPECT_GE(site.count("SELECT COUNT(*) FROM (SELECT coalition_id FROM booklet_revisions GROUP BY coalition_id "
                       "HAVING COUNT(*) >= 3 AND COUNT(DISTINCT author_id) >= 2) AS t"),
            6);
  // Every coalition has at least its intention and its problem.
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM coalitions WHERE (SELECT COUNT(*) FROM booklet_current b WHERE "
                       "b.coalition_id = coalitions.id AND b.section IN ('intention', 'probleme')) = 2"),
            13);
  EXPECT_GE(site.count("SELECT COUNT(*) FROM coalition_members WHERE role = 'co-porteur'"), 4);
  // One newsletter was sent in June 2021, to the members: the digest of the journal's posts by then.
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM newsletters WHERE content = 'digest' AND audience = 'members' AND "
                       "recipients > 0 AND sent_at < 1625097600"),
            1);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM newsletter_items"),
            site.count("SELECT COUNT(*) FROM posts WHERE published_at < 1625097600"));
  EXPECT_GE(site.count("SELECT COUNT(*) FROM newsletter_items"), 2);
  EXPECT_GE(site.count("SELECT COUNT(*) FROM interest_declarations WHERE organisation_id IS NOT NULL AND "
                       "message <> '' AND (lever_commande + lever_offre + lever_usages) > 0"),
            8);
  // The journal's posts, published on their historical dates, each linked to the programme's events.
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM posts WHERE status = 'published' AND published_at < 1640995200"), 5);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM posts p WHERE NOT EXISTS (SELECT 1 FROM post_links l WHERE l.post_id = "
                       "p.id AND l.event_id IS NOT NULL)"),
            0);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM search_documents WHERE type = 'post'"), 5);
}

TEST(Demo, DecisionsTakenTogetherAreShownWhereTheyDecidedAndFoundBySearch) {
  Site site;
  load(site);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM decisions"), 4);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM decisions WHERE outcome <> ''"), 3);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM decision_answers WHERE position = 'block' AND reason <> ''"), 1);
  // The open choice, answered by several people.
  EXPECT_GE(site.count("SELECT COUNT(DISTINCT a.user_id) FROM decision_answers a JOIN decisions d ON d.id = "
                       "a.decision_id WHERE d.outcome = '' AND d.process = 'several'"),
            3);
  Browser visitor(site);
  EXPECT_TRUE(has(visitor.get("/decisions?etat=ouvertes").body, "Quels sujets pour l"));
  // The charter version and the coalition say which decision decided them.
  const std::string version = visitor.get("/charte/versions/2").body;
  EXPECT_TRUE(has(version, "Décidé par : <a href=\"/decisions/2\">Consentons-nous")) << version;
  const std::string coalition = visitor.get("/coalitions/donnees-environnementales").body;
  EXPECT_TRUE(has(coalition, "Décidé par : <a href=\"/decisions/3\">")) << coalition;
  // The block and its reason, for the programme's members.
  Browser member(site);
  member.sign_in("noa@demo.fabrique", demo::kPassword);
  EXPECT_TRUE(has(member.get("/decisions/2").body, "personne ne sait s"));
  EXPECT_TRUE(has(visitor.get("/recherche?q=gouvernance").body, "href=\"/decisions/1\""));
}

TEST(Demo, VisitorSeesEveryCoalitionBookletAndHistory) {
  Site site;
  load(site);
  Browser b(site);

  auto list = b.get("/coalitions");
  ASSERT_EQ(list.status, 200);
  for (const char* number : {"1", "2", "3", "4", "6", "8.a", "9", "15", "17", "18", "19", "20", "21"})
    EXPECT_TRUE(has(list.body, std::string("Coalition ") + number + " — ")) << "coalition " << number << " missing";
  EXPECT_TRUE(has(list.body, "8.a"));
  EXPECT_TRUE(has(list.body, "Dématérialiser sans déshumaniser"));
  EXPECT_TRUE(has(list.body, "Développer et maintenir les communs numériques"));
  EXPECT_TRUE(has(list.body, "Équité éducative"));

  // A coalition page: its booklet (Markdown rendered) and a stage history of several dated steps.
  auto page = b.get("/coalitions/qualite-democratique");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "boussole"));
  EXPECT_TRUE(has(page.body, "<li>")) << "the booklet's lists are rendered";
  EXPECT_TRUE(has(page.body, R"(href="https://reset.fing.org")"));
  EXPECT_TRUE(has(page.body, "Institut de la concertation et de la participation citoyenne"));
  std::string history = between(page.body, R"(<ol class="history">)", "</ol>");
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(occurrences(history, "<li>"), 4u) << history;
  EXPECT_TRUE(has(history, "2019")) << history;
  EXPECT_TRUE(has(history, "2021")) << history;

  // Its booklet history: three revisions, with their comments, and a comparison that shows changes.
  auto revisions = b.get("/coalitions/qualite-democratique/historique");
  ASSERT_EQ(revisions.status, 200);
  EXPECT_TRUE(has(revisions.body, "Première version"));
  EXPECT_TRUE(has(revisions.body, "Reset Day du 5 novembre 2020"));
  EXPECT_TRUE(has(revisions.body, "Cycle de trois sessions"));
  EXPECT_TRUE(has(revisions.body, "Noa Essai")) << "a co-porteur who shows their name is credited";
  auto compare = b.get("/coalitions/qualite-democratique/historique/comparer?de=1&a=3");
  EXPECT_EQ(compare.status, 200);
  EXPECT_TRUE(has(compare.body, "<ins") || has(compare.body, "<del")) << compare.body.substr(0, 2000);

  // A coalition the source does not number, created at its first workshop and taken to the roadmap.
  auto env = b.get("/coalitions/donnees-environnementales");
  ASSERT_EQ(env.status, 200);
  EXPECT_EQ(occurrences(between(env.body, R"(<ol class="history">)", "</ol>"), "<li>"), 3u);

  // The home page groups the coalitions by family.
  auto home = b.get("/");
  ASSERT_EQ(home.status, 200);
  for (const char* family :
       {"Numérique, démocratie et pouvoir d", "Numérique responsable et soutenable", "Communs, données et territoires"})
    EXPECT_TRUE(has(home.body, std::string("<h3>") + family)) << family;

  // Organisations of the source, with their kinds, and the coalitions they animate.
  auto orgs = b.get("/organisations");
  ASSERT_EQ(orgs.status, 200);
  EXPECT_TRUE(has(orgs.body, "Wikimédia France"));
  EXPECT_TRUE(has(orgs.body, "Métropole Européenne de Lille"));
  auto fing = b.get("/organisations/fing");
  ASSERT_EQ(fing.status, 200);
  EXPECT_TRUE(has(fing.body, "https://fing.org"));
  EXPECT_EQ(b.get("/organisations/le-groupe-la-poste").status, 200);
  EXPECT_TRUE(has(b.get("/organisations?type=collectivite").body, "Métropole de Lyon"));
}

TEST(Demo, AnimateurSignsInWithThePrintedPasswordAndCanEdit) {
  Site site;
  load(site);
  Browser b(site);
  auto r = b.sign_in(demo::kAnimateurEmail, demo::kPassword);
  EXPECT_EQ(r.status, 303);
  EXPECT_FALSE(b.cookie(http::App::kSessionCookie).empty());
  EXPECT_EQ(b.get("/coalitions/dematerialiser-sans-deshumaniser/modifier").status, 200);
  EXPECT_EQ(b.get("/coalitions/familles").status, 200);

  // A demo co-porteur edits their own coalition's booklet, and no other.
  Browser camille(site);
  EXPECT_EQ(camille.sign_in("camille@demo.fabrique", demo::kPassword).status, 303);
  EXPECT_EQ(camille.get("/coalitions/dematerialiser-sans-deshumaniser/modifier").status, 200);
  EXPECT_EQ(camille.get("/coalitions/communs-numeriques/modifier").status, 403);
}

TEST(Demo, SecondLoadIsRefusedAndWritesNothing) {
  Site site;
  load(site);
  auto before = counts(site);
  EXPECT_THROW(load(site), demo::AlreadyLoaded);
  EXPECT_EQ(counts(site), before);
}

TEST(Demo, RefusesADatabaseWhereADemoAddressIsTaken) {
  Site site;
  site.add_user("Camille@demo.fabrique", "Quelqu'un", "un mot de passe solide");
  auto before = counts(site);
  EXPECT_THROW(load(site), demo::AlreadyLoaded);
  EXPECT_EQ(counts(site), before);
}

}  // namespace
}  // namespace fabrique::test
