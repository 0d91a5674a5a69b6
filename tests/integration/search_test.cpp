// Search over real HTTP: French-aware matching (accents, plurals, prefixes), ranking, facets and
// pages, freshness after a deletion, privacy of drafts, and hostile query strings.
#include <gtest/gtest.h>

#include "integration/commons_site.hpp"

namespace fabrique::test {
namespace {

std::string search(Browser& b, const std::string& q, const std::string& extra = "") {
  auto r = b.get("/recherche?q=" + form_encode(q) + extra);
  EXPECT_EQ(r.status, 200) << q;
  return r.body;
}

TEST(Search, EveryPageHasALabelledSearchBox) {
  CommonsSite p;
  Browser b(p.site);
  for (const char* page : {"/", "/coalitions", "/ressources", "/charte", "/boussole"}) {
    auto body = b.get(page).body;
    EXPECT_NE(body.find(R"(<form method="get" action="/recherche" role="search")"), std::string::npos) << page;
    EXPECT_NE(body.find(R"(<label for="recherche-site")"), std::string::npos) << page;
  }
}

TEST(Search, NumeriqueWithoutAccentFindsNumeriqueAndHighlightsTheOriginalWord) {
  CommonsSite p;
  Browser b(p.site);
  auto body = search(b, "numerique");
  EXPECT_NE(body.find("/coalitions/developper-et-maintenir-les-communs-numeriques"), std::string::npos);
  EXPECT_NE(body.find("<mark>numériques</mark>"), std::string::npos);
}

TEST(Search, CoalitionFindsCoalitionsThroughTheFrenchStemmer) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  CommonsSite::propose(anim, "Kit d'appropriation", "Un guide pour lancer des coalitions locales.");
  Browser b(p.site);
  auto body = search(b, "coalition", "&type=resource");
  EXPECT_NE(body.find("/ressources/kit-d-appropriation"), std::string::npos);
  EXPECT_NE(body.find("<mark>coalitions</mark>"), std::string::npos);
}

TEST(Search, TheLastWordTypedMatchesAsAPrefix) {
  CommonsSite p;
  Browser b(p.site);
  EXPECT_NE(search(b, "communs numéri").find("/coalitions/developper-et-maintenir-les-communs-numeriques"),
            std::string::npos);
}

TEST(Search, ALongPrefixFindsEveryWordItBeginsHoweverManyThereAre) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  // A few words begun by "zorglu" (completed to those words), and more than the completion cap
  // begun by "bidulo" (matched by the engine's own prefix query): both ways find every document.
  CommonsSite::propose(anim, "Premier", "Le zorglub des territoires.");
  CommonsSite::propose(anim, "Second", "Les zorgluons et la zorglumachine.");
  std::string many;
  for (char c = 'a'; c <= 'l'; ++c) many += std::string(" bidulo") + c + c + "x";
  CommonsSite::propose(anim, "Troisième", "Beaucoup de mots :" + many);
  CommonsSite::propose(anim, "Quatrième", "Un seul : bidulozzx.");
  Browser b(p.site);
  auto zorglu = search(b, "zorglu");
  EXPECT_NE(zorglu.find("/ressources/premier"), std::string::npos);
  EXPECT_NE(zorglu.find("/ressources/second"), std::string::npos);
  EXPECT_EQ(zorglu.find("/ressources/troisieme"), std::string::npos);
  auto bidulo = search(b, "bidulo");
  EXPECT_NE(bidulo.find("/ressources/troisieme"), std::string::npos);
  EXPECT_NE(bidulo.find("/ressources/quatrieme"), std::string::npos);
  // With another word before it, and a prefix that begins no indexed word.
  EXPECT_NE(search(b, "territoires zorglu").find("/ressources/premier"), std::string::npos);
  EXPECT_EQ(search(b, "territoires zorglu").find("/ressources/second"), std::string::npos);
  EXPECT_NE(search(b, "xqwzvtk").find("Rien ne correspond à tous ces mots"), std::string::npos);
}

TEST(Search, TheResultsPageSaysHowLongTheServerTookInAServerTimingHeader) {
  CommonsSite p;
  Browser b(p.site);
  auto r = b.get("/recherche?q=communs");
  EXPECT_EQ(r.status, 200);
  const std::string timing = r.header("server-timing");
  EXPECT_NE(timing.find("search;dur="), std::string::npos) << timing;
  EXPECT_NE(timing.find("page;dur="), std::string::npos) << timing;
  // The next visitor gets the page from the cache, which took no search: no stale timing with it.
  auto again = b.get("/recherche?q=communs");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, r.body);
  EXPECT_EQ(again.header("server-timing"), "");
}

TEST(Search, EnvironmentalDataFindsTheEnvironmentalDataCoalitionFirst) {
  CommonsSite p;
  Browser b(p.site);
  auto body = search(b, "donnees environnementales");
  auto env = body.find("/coalitions/faciliter-l-appropriation-des-donnees-environnementales");
  auto purchasing = body.find("/coalitions/pour-un-achat-public-numerique-responsable");
  ASSERT_NE(env, std::string::npos);
  ASSERT_NE(purchasing, std::string::npos);  // it mentions both words too, in its summary only
  EXPECT_LT(env, purchasing);
}

TEST(Search, ADeletedResourceLeavesTheResultsAtOnce) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(CommonsSite::propose(anim, "Cartographie des tiers-lieux", "Une carte collaborative.").status, 303);
  EXPECT_NE(search(anim, "cartographie").find("/ressources/cartographie-des-tiers-lieux"), std::string::npos);
  anim.get("/ressources/cartographie-des-tiers-lieux");
  EXPECT_EQ(anim.post("/ressources/cartographie-des-tiers-lieux/supprimer", {}).status, 303);
  EXPECT_EQ(search(anim, "cartographie").find("/ressources/cartographie-des-tiers-lieux"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM search_documents WHERE type = 'resource'"), 0);
}

TEST(Search, AProposalIsFoundOnlyByThoseWhoMaySeeIt) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  ASSERT_EQ(CommonsSite::propose(member, "Guide confidentiel de la médiation", "Brouillon.").status, 303);
  const std::string url = "/ressources/guide-confidentiel-de-la-mediation";
  EXPECT_NE(search(member, "confidentiel").find(url), std::string::npos);  // its author
  auto anim = p.signed_in("anim@example.org");
  EXPECT_NE(search(anim, "confidentiel").find(url), std::string::npos);  // an animateur
  Browser visitor(p.site);
  auto body = search(visitor, "confidentiel");
  EXPECT_EQ(body.find(url), std::string::npos);
  EXPECT_EQ(body.find("confidentiel</mark>"), std::string::npos);
  auto other = p.signed_in("autre@example.org");
  EXPECT_EQ(search(other, "confidentiel").find(url), std::string::npos);
  EXPECT_EQ(visitor.get(url).status, 404);
  // Once published, everyone finds it.
  anim.get(url);
  EXPECT_EQ(anim.post(url + "/publier", {}).status, 303);
  EXPECT_NE(search(visitor, "confidentiel").find(url), std::string::npos);
}

TEST(Search, ACharterDraftIsFoundByAnimateursOnly) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  anim.get("/charte/versions/nouvelle");
  ASSERT_EQ(
      anim.post("/charte/versions/nouvelle", {{"label", "bêta"}, {"principes", "Une gouvernance équilibrée."}}).status,
      303);
  EXPECT_NE(search(anim, "gouvernance").find("/charte/versions/1"), std::string::npos);
  Browser visitor(p.site);
  EXPECT_EQ(search(visitor, "gouvernance").find("/charte/versions/1"), std::string::npos);
}

TEST(Search, ResultsHaveFacetsByTypeWithCountsAndPages) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  for (int i = 0; i < 25; ++i)
    ASSERT_EQ(CommonsSite::propose(anim, "Atelier numéro " + std::to_string(i), "Un atelier sur les communs.").status,
              303);
  Browser b(p.site);
  auto body = search(b, "communs");
  EXPECT_NE(body.find("Ressources (25)"), std::string::npos);
  EXPECT_NE(body.find("Livrets de coalition (1)"), std::string::npos);
  EXPECT_NE(body.find("26 résultats"), std::string::npos);
  EXPECT_NE(body.find("Page 1 sur 2"), std::string::npos);
  auto second = search(b, "communs", "&page=2");
  EXPECT_NE(second.find("Page 2 sur 2"), std::string::npos);
  auto only = search(b, "communs", "&type=booklet");
  EXPECT_NE(only.find("1 résultat"), std::string::npos);
  EXPECT_EQ(only.find("/ressources/atelier"), std::string::npos);
}

// (Queries up to the server's header limit: 8 KB in these tests, so 6 KB of query string.)
TEST(Search, HostileOrStrangeQueriesGiveAnOrdinaryPage) {
  CommonsSite p;
  Browser b(p.site);
  for (const std::string& q :
       {std::string(""), std::string("\""), std::string("*"), std::string("communs*"), std::string("(communs"),
        std::string("communs NEAR numériques"), std::string("communs AND OR NOT"), std::string("'; DROP TABLE x; --"),
        std::string("a:b"), std::string("communs:*"), std::string("!&|"), std::string("^communs"),
        std::string("\xff\xfe invalid"), std::string("<script>alert(1)</script>"), std::string(6 * 1024, 'a'),
        std::string("la les des"), std::string("é"), std::string("{\"$ne\":1}")}) {
    auto r = b.get("/recherche?q=" + form_encode(q));
    EXPECT_EQ(r.status, 200) << q.substr(0, 40);
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos);
  }
  EXPECT_EQ(b.get("/recherche?q=communs&page=-5").status, 200);
  EXPECT_EQ(b.get("/recherche?q=communs&page=99999999999999999999").status, 200);
  EXPECT_EQ(b.get("/recherche?q=communs&type=%22%3E").status, 200);
}

TEST(Search, AnEditedBookletIsFoundByItsNewWords) {
  CommonsSite p;
  auto porteur = p.signed_in("porteur@example.org");
  const std::string page = "/coalitions/developper-et-maintenir-les-communs-numeriques";
  porteur.get(page + "/modifier");
  ASSERT_EQ(
      porteur.post(page + "/modifier", {{"base_revision", "0"}, {"intention", "Soutenir les CHATONs locaux."}}).status,
      303);
  EXPECT_NE(search(porteur, "chatons").find(page), std::string::npos);
}

TEST(Search, OrganisationsAreFound) {
  CommonsSite p;
  Browser b(p.site);
  EXPECT_NE(search(b, "fing").find("/organisations/fing"), std::string::npos);
}

}  // namespace
}  // namespace fabrique::test
