// Coalitions over real HTTP: opening one, interest declarations, roles, booklet revisions, the
// history and its diff, concurrent edits, restore, permissions and bad input.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "coalitions/use_cases.hpp"
#include "integration/site.hpp"
#include "organisations/use_cases.hpp"
#include "storage/changes.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::test {
namespace {

// A site with an animateur, a co-porteur, a member, one family and one coalition.
struct Programme {
  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  accounts::User porteur = site.add_user("porteur@example.org", "Porteur", kPassword);
  accounts::User member = site.add_user("membre@example.org", "Membre", kPassword);

  Programme() {
    auto c = site.db().acquire();
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Communs et territoires");
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionCohorts, "Coalitions pilotes");
    coalitions::CoalitionInput in;
    in.number = "8.a";
    in.title = "Développer et maintenir les communs numériques";
    in.family = "communs-et-territoires";
    in.cohort = "coalitions-pilotes";
    in.stage = "cadrage";
    auto r = coalitions::create_coalition(*c, anim, in, site.now());
    if (!r.coalition) throw std::runtime_error("could not open the test coalition");
    coalitions::set_member_role(*c, anim, "developper-et-maintenir-les-communs-numeriques", porteur.id,
                                coalitions::RoleChange::co_porteur, site.now());
  }
  // A second coalition, 8.b, at /coalitions/mesurer-les-communs.
  void add_other_coalition() {
    auto c = site.db().acquire();
    coalitions::CoalitionInput in;
    in.number = "8.b";
    in.title = "Mesurer les communs";
    in.family = "communs-et-territoires";
    in.stage = "cadrage";
    if (!coalitions::create_coalition(*c, anim, in, site.now()).coalition)
      throw std::runtime_error("could not open the second test coalition");
  }
  static constexpr const char* kPage = "/coalitions/developper-et-maintenir-les-communs-numeriques";
  std::string page(const std::string& rest = "") { return std::string(kPage) + rest; }

  HttpResponse save(Browser& b, const std::string& base, const std::string& intention,
                    const std::string& comment = "") {
    b.get(page("/modifier"));
    return b.post(page("/modifier"), {{"base_revision", base}, {"intention", intention}, {"comment", comment}});
  }
};

TEST(Coalitions, ListAndPageShowTheCoalitionWithItsStage) {
  Programme p;
  Browser b(p.site);
  auto list = b.get("/coalitions");
  EXPECT_NE(list.body.find("Coalition 8.a — Développer et maintenir les communs numériques"), std::string::npos);
  EXPECT_NE(list.body.find("Cadrage"), std::string::npos);
  EXPECT_EQ(b.get("/coalitions?etape=idee").body.find("8.a"), std::string::npos);
  EXPECT_NE(b.get("/coalitions?famille=communs-et-territoires").body.find("8.a"), std::string::npos);
  auto page = b.get(p.page());
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Historique des étapes"), std::string::npos);
  EXPECT_NE(page.body.find("Intention transformatrice"), std::string::npos);
  EXPECT_NE(b.get("/").body.find("Communs et territoires"), std::string::npos);
}

TEST(Coalitions, MemberDeclaresInterestEditsAndWithdrawsIt) {
  Programme p;
  Browser b(p.site);
  b.sign_in("membre@example.org", kPassword);
  b.get(p.page());
  auto r = b.post(p.page("/interet"), {{"organisation", ""},
                                       {"commande", "1"},
                                       {"usages", "1"},
                                       {"message", "Un terrain d'expérimentation à Rennes."}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM interest_declarations WHERE lever_commande = 1 AND lever_usages = 1 "
                         "AND lever_offre = 0"),
            1);
  auto account = b.get("/compte");
  EXPECT_NE(account.body.find("Un terrain d&#39;expérimentation à Rennes."), std::string::npos);
  // A second declaration updates the first.
  b.get(p.page());
  b.post(p.page("/interet"), {{"offre", "1"}, {"message", "Plutôt sur l'offre."}});
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM interest_declarations"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM interest_declarations WHERE lever_offre = 1 AND lever_commande = 0"), 1);
  b.get(p.page());
  EXPECT_EQ(b.post(p.page("/interet/retirer"), {}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM interest_declarations"), 0);
}

// An interest declaration names its coalition (storage::Rows): visitors' cached pages of that
// coalition, and the list (its activity moved), are rendered again; another coalition's page stays
// cached. (Titles changed behind the site's back tell a page rendered again from one kept.)
TEST(Coalitions, AnInterestDeclarationRendersAgainItsCoalitionsPagesAndKeepsTheOthers) {
  Programme p;
  p.add_other_coalition();
  const std::string other = "/coalitions/mesurer-les-communs";
  Browser visitor(p.site);
  for (const std::string& page : {p.page(), other, std::string("/coalitions")})
    ASSERT_EQ(visitor.get(page).status, 200) << page;
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE coalitions SET title = 'Titre changé ' || number");
  }
  Browser member(p.site);
  member.sign_in("membre@example.org", kPassword);
  member.get(p.page());
  p.site.advance(std::chrono::seconds(10));  // the declaration moves the coalition's activity (never back)
  ASSERT_EQ(member.post(p.page("/interet"), {{"usages", "1"}, {"message", "Volontaires."}}).status, 303);
  EXPECT_TRUE(visitor.get(p.page()).body.find("Titre changé 8.a") != std::string::npos) << "the coalition declared";
  EXPECT_EQ(visitor.get(other).body.find("Titre changé"), std::string::npos) << "another coalition's page";
  EXPECT_NE(visitor.get("/coalitions").body.find("Titre changé 8.b"), std::string::npos)
      << "the list shows the coalition declared";
}

// What a coalition's page shows everyone alike (its people, events, places and stages) is kept between
// changes (storage::settings::fragment): a declaration renders the page again without reading them
// again; a change to its people through the site reads them again. (A name changed behind the site's
// back tells a part read again from one kept.)
TEST(Coalitions, AnInterestDeclarationRendersThePageAgainButKeepsWhatItShowsEveryoneAlike) {
  Programme p;
  Browser member(p.site), porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  ASSERT_NE(porteur.get(p.page()).body.find("<tr><td>Porteur</td>"), std::string::npos) << "the people, by name";
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE users SET name = 'Porteuse renommée' WHERE email = 'porteur@example.org'");
    c->execute("UPDATE coalitions SET title = 'Titre changé ' || number");
  }
  member.sign_in("membre@example.org", kPassword);
  member.get(p.page());
  ASSERT_EQ(member.post(p.page("/interet"), {{"usages", "1"}, {"message", "Volontaires."}}).status, 303);
  std::string page = porteur.get(p.page()).body;
  EXPECT_NE(page.find("Titre changé 8.a"), std::string::npos) << "the page was not rendered again";
  EXPECT_NE(page.find("Volontaires."), std::string::npos);
  EXPECT_NE(page.find("<tr><td>Porteur</td>"), std::string::npos) << "its people were read again";

  ASSERT_EQ(porteur.post(p.page("/membres/" + std::to_string(p.member.id)), {{"role", "co-porteur"}}).status, 303);
  page = porteur.get(p.page()).body;
  EXPECT_NE(page.find("<tr><td>Porteuse renommée</td>"), std::string::npos) << "a change to its people kept them";
  EXPECT_NE(page.find("<tr><td>Membre</td>"), std::string::npos);
}

// A person's account lists their declarations by coalition title: it reads their own declarations
// and notifications (named by their person too, storage::kKeyedTables) and what names the
// coalitions, so another person's declaration keeps it, and their own, or a notice to them, shows
// at once. (Titles changed behind the site's back
// tell a page rendered again from one kept.)
TEST(Coalitions, AnAccountIsKeptWhenOthersDeclareAndRenderedAgainWhenItsOwnerDoes) {
  Programme p;
  p.add_other_coalition();
  p.site.add_user("autre@example.org", "Autre", kPassword);
  Browser member(p.site), other(p.site), porteur(p.site);
  member.sign_in("membre@example.org", kPassword);
  other.sign_in("autre@example.org", kPassword);
  porteur.sign_in("porteur@example.org", kPassword);
  member.get(p.page());
  ASSERT_EQ(member.post(p.page("/interet"), {{"usages", "1"}, {"message", "Volontaires."}}).status, 303);
  ASSERT_NE(member.get("/compte").body.find("Développer et maintenir les communs numériques"), std::string::npos);
  porteur.get("/compte");
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE coalitions SET title = 'Titre changé ' || number");
  }
  other.get(p.page());
  ASSERT_EQ(other.post(p.page("/interet"), {{"usages", "1"}, {"message", "Nous aussi."}}).status, 303);
  EXPECT_EQ(member.get("/compte").body.find("Titre changé"), std::string::npos)
      << "rendered again after another's declaration";
  EXPECT_NE(porteur.get("/compte").body.find("Titre changé"), std::string::npos)
      << "the co-porteur told of it (storage::kKeyedTables: notifications by person)";
  const std::string second = "/coalitions/mesurer-les-communs";
  member.get(second);
  ASSERT_EQ(member.post(second + "/interet", {{"usages", "1"}, {"message", "Ici aussi."}}).status, 303);
  const std::string account = member.get("/compte").body;
  EXPECT_NE(account.find("Titre changé 8.b"), std::string::npos) << "the owner's new declaration";
  EXPECT_NE(account.find("Ici aussi."), std::string::npos);
}

// The dashboard's programme-wide figures (coalitions per stage, actions, victories) are kept between
// changes (storage::settings::memo): a declaration changes a coalition's activity alone, by its row,
// so they are not read again; a change to the coalitions table that names no row reads them again.
TEST(Coalitions, AnInterestDeclarationKeepsTheDashboardsProgrammeFigures) {
  Programme p;
  Browser visitor(p.site);
  auto in_cadrage = [&] {
    auto r = visitor.get("/tableau-de-bord.json");
    EXPECT_EQ(r.status, 200);
    return boost::json::parse(r.body).at("coalitions_per_stage").at("cadrage").as_int64();
  };
  ASSERT_EQ(in_cadrage(), 1);
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE coalitions SET stage = 'diagnostic'");  // behind the site's back: no change recorded
  }
  Browser member(p.site);
  member.sign_in("membre@example.org", kPassword);
  member.get(p.page());
  ASSERT_EQ(member.post(p.page("/interet"), {{"usages", "1"}, {"message", "Volontaires."}}).status, 303);
  EXPECT_EQ(in_cadrage(), 1) << "the figures were read again after a declaration";
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE coalitions SET stage = 'diagnostic'");
    storage::record_changes(*c);  // as the site does after a change it does not name by rows
  }
  EXPECT_EQ(in_cadrage(), 0) << "a change to the coalitions table";
}

// A booklet save changes its coalition's rows alone (storage::kKeyedTables): the pages of the other
// coalitions, which read their own booklets, are kept.
TEST(Coalitions, ABookletSaveRendersAgainItsCoalitionsPagesAndKeepsTheOthers) {
  Programme p;
  p.add_other_coalition();
  const std::string other = "/coalitions/mesurer-les-communs";
  Browser visitor(p.site);
  for (const std::string& page : {p.page(), other}) ASSERT_EQ(visitor.get(page).status, 200) << page;
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE coalitions SET title = 'Titre changé ' || number");  // behind the site's back
  }
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  ASSERT_EQ(p.save(porteur, "0", "Une intention nouvelle.").status, 303);
  const std::string saved = visitor.get(p.page()).body;
  EXPECT_NE(saved.find("Une intention nouvelle."), std::string::npos) << "the booklet saved";
  EXPECT_NE(saved.find("Titre changé 8.a"), std::string::npos);
  EXPECT_EQ(visitor.get(other).body.find("Titre changé"), std::string::npos) << "another coalition's page";
}

TEST(Coalitions, DeclarationOnAMissingCoalitionIsA404AndWritesNothing) {
  Programme p;
  Browser b(p.site);
  b.sign_in("membre@example.org", kPassword);
  b.get(p.page());
  EXPECT_EQ(b.post("/coalitions/nexiste-pas/interet", {{"message", "x"}}).status, 404);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM interest_declarations"), 0);
}

TEST(Coalitions, DeclarationForSomeoneElsesOrganisationIsRefused) {
  Programme p;
  Browser owner(p.site);
  owner.sign_in("porteur@example.org", kPassword);
  owner.get("/organisations/nouvelle");
  owner.post("/organisations/nouvelle", {{"name", "Wikimédia France"}, {"kind", "association-tech"}});
  Browser b(p.site);
  b.sign_in("membre@example.org", kPassword);
  b.get(p.page());
  auto r = b.post(p.page("/interet"), {{"organisation", "wikimedia-france"}, {"message", "Je parle pour eux."}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Je parle pour eux."), std::string::npos);  // the input is kept
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM interest_declarations"), 0);
}

TEST(Coalitions, CoPorteurSeesDeclarationsAndMakesAMemberCoPorteur) {
  Programme p;
  Browser member(p.site), porteur(p.site);
  member.sign_in("membre@example.org", kPassword);
  member.get(p.page());
  member.post(p.page("/interet"), {{"message", "Des contacts dans les tiers-lieux."}});
  porteur.sign_in("porteur@example.org", kPassword);
  auto page = porteur.get(p.page());
  EXPECT_NE(page.body.find("Des contacts dans les tiers-lieux."), std::string::npos);
  EXPECT_NE(page.body.find(">Membre<"), std::string::npos);  // the declarant's name
  // A visitor does not see the declarations.
  Browser visitor(p.site);
  EXPECT_EQ(visitor.get(p.page()).body.find("Des contacts dans les tiers-lieux."), std::string::npos);
  auto r = porteur.post(p.page("/membres/" + std::to_string(p.member.id)), {{"role", "co-porteur"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_members WHERE role = 'co-porteur'"), 2);
  // Now the former member may edit the booklet.
  EXPECT_EQ(member.get(p.page("/modifier")).status, 200);
  porteur.get(p.page());
  porteur.post(p.page("/membres/" + std::to_string(p.member.id)), {{"role", "retirer"}});
  EXPECT_EQ(member.get(p.page("/modifier")).status, 403);
}

TEST(Coalitions, CoPorteurEditsTheBookletAndHistoryAndDiffShowTheChange) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  EXPECT_EQ(p.save(b, "0", "Faire des communs numériques un pilier de l'action publique.", "Premier jet").status, 303);
  EXPECT_EQ(p.save(b, "1", "Faire des communs numériques durables un pilier de l'action publique locale.").status, 303);
  auto page = b.get(p.page());
  EXPECT_NE(page.body.find("durables un pilier"), std::string::npos);
  auto history = b.get(p.page("/historique"));
  EXPECT_NE(history.body.find("Premier jet"), std::string::npos);
  EXPECT_NE(history.body.find(p.page("/historique/2")), std::string::npos);
  auto diff = b.get(p.page("/historique/comparer?de=1&a=2"));
  EXPECT_EQ(diff.status, 200);
  EXPECT_NE(diff.body.find("<ins>"), std::string::npos);
  EXPECT_NE(diff.body.find("durables"), std::string::npos);
  EXPECT_NE(diff.body.find("[ajout : "), std::string::npos);  // marked by more than colour
  // The first revision is still there as it was.
  auto first = b.get(p.page("/historique/1"));
  EXPECT_NE(first.body.find("pilier de l'action publique.</p>"), std::string::npos);
}

TEST(Coalitions, SavingTheSameTextMakesNoRevision) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.save(b, "0", "Une intention.");
  EXPECT_EQ(p.save(b, "1", "Une intention.\r\n").status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions"), 1);
}

TEST(Coalitions, TwoEditsOfTheSameSectionFromTheSameRevisionTheSecondIsRefusedAndNothingIsLost) {
  Programme p;
  Browser first(p.site), second(p.site);
  first.sign_in("porteur@example.org", kPassword);
  second.sign_in("anim@example.org", kPassword);
  p.save(first, "0", "Version de départ.");
  // Both start from revision 1.
  EXPECT_EQ(p.save(first, "1", "Version de la première personne.").status, 303);
  auto refused = p.save(second, "1", "Version de la seconde personne.");
  EXPECT_EQ(refused.status, 409);
  // Their own text is kept in the form, and the other person's change is shown.
  EXPECT_NE(refused.body.find("Version de la seconde personne."), std::string::npos);
  EXPECT_NE(refused.body.find("première"), std::string::npos);
  EXPECT_NE(refused.body.find(R"(name="base_revision" value="2")"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_current WHERE body = 'Version de la première personne.'"), 1);
  // Having seen it, they merge and save again from the current revision.
  EXPECT_EQ(p.save(second, "2", "Version fusionnée des deux personnes.").status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions"), 3);
}

// The booklet's form as a browser sends it: every section, those not given empty.
Fields booklet_form(const std::string& base, const std::map<std::string, std::string>& sections,
                    const Fields& extra = {}) {
  Fields f{{"base_revision", base}};
  for (const auto& s : coalitions::kSections) {
    auto it = sections.find(s.key);
    f.emplace_back(s.key, it == sections.end() ? "" : it->second);
  }
  f.emplace_back("comment", "");
  f.insert(f.end(), extra.begin(), extra.end());
  return f;
}

bool shows(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

// Issue #19: A saved "impact" as revision 5 while B edited from revision 4; B's save, which changed
// only "intention", brought back its stale, empty "impact" over A's text.
TEST(Coalitions, AFormFromAnOlderRevisionIsMergedAndNeverUndoesAnotherSave) {
  Programme p;
  Browser a(p.site), b(p.site);
  a.sign_in("porteur@example.org", kPassword);
  b.sign_in("anim@example.org", kPassword);
  for (int n = 1; n <= 4; ++n) p.save(a, std::to_string(n - 1), "Intention " + std::to_string(n) + ".");
  ASSERT_EQ(p.site.count("SELECT booklet_revision FROM coalitions"), 4);
  // Both open the form at revision 4; A saves first.
  a.get(p.page("/modifier"));
  b.get(p.page("/modifier"));
  ASSERT_EQ(a.post(p.page("/modifier"),
                   booklet_form("4", {{"intention", "Intention 4."}, {"impact", "Moins de logiciels abandonnés."}}))
                .status,
            303);
  auto merged = b.post(p.page("/modifier"), booklet_form("4", {{"intention", "Une intention réécrite par B."}}));
  ASSERT_EQ(merged.status, 303) << merged.body;
  EXPECT_EQ(merged.header("location"), p.page("/historique?fusion=5"));
  // Both texts survive; revision 6 wrote only B's section, and says it merged with revision 5.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_current WHERE section = 'impact' AND "
                         "body = 'Moins de logiciels abandonnés.'"),
            1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_current WHERE section = 'intention' AND "
                         "body = 'Une intention réécrite par B.'"),
            1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions WHERE number = 6 AND merged_with = 5"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revision_sections s JOIN booklet_revisions r ON r.id = "
                         "s.revision_id WHERE r.number = 6"),
            1);
  // B is told on the page the save leads to, and the history keeps it.
  auto history = b.get(p.page("/historique?fusion=5"));
  EXPECT_TRUE(shows(history.body, "Enregistré. La version 5 a été enregistrée pendant que vous modifiiez"));
  EXPECT_TRUE(shows(history.body, "Fusionnée avec la version 5"));
  EXPECT_FALSE(shows(Browser(p.site).get(p.page("/historique?fusion=5")).body, "Enregistré."));  // only to B
  EXPECT_TRUE(shows(b.get(p.page("/historique.json")).body, R"("merged_with":5)"));
}

TEST(Coalitions, ASectionBothChangedIsShownSideBySideAndNothingIsSavedUntilSettled) {
  Programme p;
  Browser a(p.site), b(p.site);
  a.sign_in("porteur@example.org", kPassword);
  b.sign_in("anim@example.org", kPassword);
  a.get(p.page("/modifier"));
  a.post(p.page("/modifier"), booklet_form("0", {{"intention", "Une intention."}, {"impact", "Impact de départ."}}));
  a.get(p.page("/modifier"));
  b.get(p.page("/modifier"));
  a.post(p.page("/modifier"), booklet_form("1", {{"intention", "Une intention."}, {"impact", "Impact écrit par A."}}));
  auto conflict =
      b.post(p.page("/modifier"),
             booklet_form("1", {{"intention", "Une intention précisée par B."}, {"impact", "Impact écrit par B."}}));
  ASSERT_EQ(conflict.status, 409);
  // Base, theirs and mine, the choice and the textarea; the section only B changed is merged in.
  EXPECT_TRUE(shows(conflict.body, "Tel qu’il était (version 1)"));
  EXPECT_TRUE(shows(conflict.body, "Impact de départ."));
  EXPECT_TRUE(shows(conflict.body, "L’autre texte (version 2)"));
  EXPECT_TRUE(shows(conflict.body, "écrit par A"));
  EXPECT_TRUE(shows(conflict.body, "écrit par B"));
  EXPECT_TRUE(shows(conflict.body, "<ins>"));
  EXPECT_TRUE(shows(conflict.body, R"(name="merge_choice_impact" value="theirs")"));
  EXPECT_TRUE(shows(conflict.body, R"(name="merge_field" value="impact")"));
  EXPECT_TRUE(shows(conflict.body, R"(name="merge_base" value="1")"));
  EXPECT_TRUE(shows(conflict.body, R"(name="base_revision" value="2")"));
  EXPECT_TRUE(shows(conflict.body, ">Une intention précisée par B.</textarea>"));
  EXPECT_FALSE(shows(conflict.body, R"(name="merge_field" value="intention")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions"), 2);

  // Sent back without a choice: refused next to the choice, still nothing written.
  const Fields answered{{"merge_base", "1"}, {"merge_field", "impact"}, {"merge_mine_impact", "Impact écrit par B."}};
  auto unsettled = b.post(
      p.page("/modifier"),
      booklet_form("2", {{"intention", "Une intention précisée par B."}, {"impact", "Impact écrit par B."}}, answered));
  EXPECT_EQ(unsettled.status, 422);
  EXPECT_TRUE(shows(unsettled.body, "Choisissez le texte à garder, ou fusionnez-les à la main."));
  EXPECT_TRUE(shows(unsettled.body, R"(href="#f-merge_choice_impact")"));
  EXPECT_TRUE(shows(unsettled.body, "Tel qu’il était (version 1)"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions"), 2);

  // Merged by hand: saved, with B's intention, and told.
  Fields by_hand = answered;
  by_hand.emplace_back("merge_choice_impact", "by_hand");
  auto saved =
      b.post(p.page("/modifier"),
             booklet_form("2", {{"intention", "Une intention précisée par B."}, {"impact", "Impact écrit par A et B."}},
                          by_hand));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), p.page("/historique?fusion=2"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_current WHERE body = 'Impact écrit par A et B.'"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_current WHERE body = 'Une intention précisée par B.'"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions WHERE number = 3 AND merged_with = 2"), 1);
}

TEST(Coalitions, SettlingWithEitherTextKeepsExactlyThatText) {
  Programme p;
  Browser a(p.site), b(p.site);
  a.sign_in("porteur@example.org", kPassword);
  b.sign_in("anim@example.org", kPassword);
  p.save(a, "0", "Départ.");
  p.save(a, "1", "Texte de A.");
  b.get(p.page("/modifier"));
  const Fields answered{{"merge_base", "1"}, {"merge_field", "intention"}, {"merge_mine_intention", "Texte de B."}};
  // Theirs: A's text stays, no revision (nothing differs from it).
  auto theirs = b.post(p.page("/modifier"), booklet_form("2", {{"intention", "Texte de B retouché."}}, answered));
  EXPECT_EQ(theirs.status, 422);  // no choice yet
  Fields with_theirs = answered;
  with_theirs.emplace_back("merge_choice_intention", "theirs");
  EXPECT_EQ(b.post(p.page("/modifier"), booklet_form("2", {{"intention", "Texte de B retouché."}}, with_theirs)).status,
            303);
  EXPECT_EQ(p.site.count("SELECT booklet_revision FROM coalitions"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_current WHERE body = 'Texte de A.'"), 1);
  // Mine: B's text as first sent, not what the by-hand textarea holds.
  Fields with_mine = answered;
  with_mine.emplace_back("merge_choice_intention", "mine");
  b.get(p.page("/modifier"));
  EXPECT_EQ(b.post(p.page("/modifier"), booklet_form("2", {{"intention", "Texte de B retouché."}}, with_mine)).status,
            303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_current WHERE body = 'Texte de B.'"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions WHERE number = 3 AND merged_with = 2"), 1);
}

TEST(Coalitions, RestoreCreatesANewRevision) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.save(b, "0", "Texte ancien.");
  p.save(b, "1", "Texte récent.");
  b.get(p.page("/historique"));
  EXPECT_EQ(b.post(p.page("/historique/1/restaurer"), {}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions"), 3);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions WHERE number = 3 AND restored_from = 1"), 1);
  EXPECT_NE(b.get(p.page()).body.find("Texte ancien."), std::string::npos);
  EXPECT_NE(b.get(p.page("/historique/2")).body.find("Texte récent."), std::string::npos);
}

TEST(Coalitions, MemberWhoIsNotCoPorteurGets403OnEveryEditRouteAndNothingChanges) {
  Programme p;
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  p.save(porteur, "0", "Texte du co-porteur.");
  Browser b(p.site);
  b.sign_in("membre@example.org", kPassword);
  b.get(p.page());
  EXPECT_EQ(b.get(p.page("/modifier")).status, 403);
  EXPECT_EQ(b.post(p.page("/modifier"), {{"base_revision", "1"}, {"intention", "Vandalisme"}}).status, 403);
  EXPECT_EQ(
      b.post(p.page("/fiche"),
             {{"number", "8.a"}, {"title", "Vandalisme"}, {"family", "communs-et-territoires"}, {"stage", "atterrie"}})
          .status,
      403);
  EXPECT_EQ(b.post(p.page("/historique/1/restaurer"), {}).status, 403);
  EXPECT_EQ(b.post(p.page("/membres/" + std::to_string(p.member.id)), {{"role", "co-porteur"}}).status, 403);
  EXPECT_EQ(b.get("/coalitions/nouvelle").status, 403);
  EXPECT_EQ(b.post("/coalitions/nouvelle",
                   {{"number", "99"}, {"title", "X"}, {"family", "communs-et-territoires"}, {"stage", "idee"}})
                .status,
            403);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalitions WHERE stage = 'cadrage' AND title NOT LIKE 'Vand%'"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_members WHERE role = 'co-porteur'"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalitions"), 1);
}

TEST(Coalitions, SavingTheBookletOrTheFicheSaysSoAtTheTopOfTheCoalitionPageToThatPersonOnly) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  // The booklet: back to the coalition page, where it is read, not to its history.
  auto saved = p.save(b, "0", "Des communs entretenus par leurs usagers.");
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("location"), p.page("?enregistre=livret"));
  auto page = b.get(saved.header("location"));
  ASSERT_EQ(page.status, 200);
  const auto said = page.body.find("<p class=\"notice\" role=\"status\">Le livret est enregistré.</p>");
  ASSERT_NE(said, std::string::npos) << page.body;
  EXPECT_LT(page.body.find("<main"), said);
  EXPECT_LT(said, page.body.find("<h1"));  // the first thing in main
  EXPECT_NE(page.body.find("Des communs entretenus par leurs usagers."), std::string::npos);

  // The fiche, which said nothing before.
  b.get(p.page("/modifier"));
  auto fiche = b.post(p.page("/fiche"), {{"number", "8.a"},
                                         {"title", "Développer et maintenir les communs numériques"},
                                         {"family", "communs-et-territoires"},
                                         {"cohort", "coalitions-pilotes"},
                                         {"stage", "diagnostic"}});
  ASSERT_EQ(fiche.status, 303);
  EXPECT_EQ(fiche.header("location"), p.page("?enregistre=fiche"));
  EXPECT_NE(b.get(fiche.header("location")).body.find("La fiche de la coalition est enregistrée."), std::string::npos);
  // A marker the site does not know says nothing.
  EXPECT_EQ(b.get(p.page("?enregistre=inconnu")).body.find("role=\"status\">"), std::string::npos);

  // A visitor given the same address reads the page without the message, twice (the second time from
  // the visitors' page cache); the person who saved still reads it there.
  Browser visitor(p.site);
  for (int i = 0; i < 2; ++i) {
    auto shown = visitor.get(p.page("?enregistre=livret"));
    EXPECT_EQ(shown.status, 200);
    EXPECT_EQ(shown.body.find("Le livret est enregistré."), std::string::npos) << i;
  }
  EXPECT_NE(b.get(p.page("?enregistre=livret")).body.find("Le livret est enregistré."), std::string::npos);
}

TEST(Coalitions, StageChangeIsRecordedWithItsDateAndAuthor) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.site.advance(std::chrono::hours(24 * 10));
  b.get(p.page("/modifier"));
  auto r = b.post(p.page("/fiche"), {{"number", "8.a"},
                                     {"title", "Développer et maintenir les communs numériques"},
                                     {"family", "communs-et-territoires"},
                                     {"cohort", "coalitions-pilotes"},
                                     {"stage", "diagnostic"},
                                     {"scale_national", "1"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_stage_changes"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_stage_changes WHERE from_stage = 'cadrage' AND "
                         "to_stage = 'diagnostic' AND changed_by IS NOT NULL"),
            1);
  p.site.advance(std::chrono::hours(24 * 3));
  auto page = b.get(p.page());
  EXPECT_NE(page.body.find("Diagnostic — depuis 3 jours"), std::string::npos);
}

TEST(Coalitions, BadInputGetsMessagesNextToFieldsAndWritesNothing) {
  Programme p;
  Browser b(p.site);
  b.sign_in("anim@example.org", kPassword);
  b.get("/coalitions/nouvelle");
  auto r = b.post("/coalitions/nouvelle", {{"number", "8.a"},
                                           {"title", ""},
                                           {"family", "inconnue"},
                                           {"stage", "quelque-part"},
                                           {"summary", "Résumé gardé"}});
  EXPECT_EQ(r.status, 422);
  for (const char* field : {"number", "title", "family", "stage"})
    EXPECT_NE(r.body.find(std::string("id=\"f-") + field + "-error\""), std::string::npos) << field;
  EXPECT_NE(r.body.find("Résumé gardé"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalitions"), 1);

  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  auto big = p.save(porteur, "0", std::string(100 * 1024 + 1, 'a'));
  // The body limit of the test server is 64 KB: the request itself is refused before any use case.
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM booklet_revisions"), 0);
}

// Issue #19: the animating organisation is picked, not chosen in a list of every organisation: a search
// draws the form again with those that match and what was typed, nothing saved; two, or an unknown one,
// are refused next to the field — when the coalition is opened and when its fiche is edited.
TEST(Coalitions, TheAnimatingOrganisationIsPickedBySearching) {
  Programme p;
  {
    auto c = p.site.db().acquire();
    organisations::create_organisation(*c, p.anim, {"Open Data France", "association", "", ""}, p.site.now());
    organisations::create_organisation(*c, p.anim, {"La Fing", "association", "", ""}, p.site.now());
  }
  Browser b(p.site);
  b.sign_in("anim@example.org", kPassword);
  auto form = b.get("/coalitions/nouvelle");
  EXPECT_EQ(form.body.find(R"(<select id="f-animating_organisation")"), std::string::npos);
  EXPECT_NE(form.body.find(R"(<label for="f-animating_organisation_q">)"), std::string::npos);
  const Fields opened = {{"number", "9"},
                         {"title", "Rivières ouvertes"},
                         {"family", "communs-et-territoires"},
                         {"stage", "idee"},
                         {"summary", "Résumé gardé"}};
  auto found = b.post("/coalitions/nouvelle", with(opened, "animating_organisation_q", "open data"));
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find(R"(name="animating_organisation" value="open-data-france")"), std::string::npos);
  EXPECT_EQ(found.body.find(R"(name="animating_organisation" value="la-fing")"), std::string::npos);
  EXPECT_NE(found.body.find("Résumé gardé"), std::string::npos);
  Fields two = with(opened, "animating_organisation", "open-data-france");
  two.emplace_back("animating_organisation", "la-fing");
  for (const Fields& refused : {two, with(opened, "animating_organisation", "inconnue")}) {
    auto r = b.post("/coalitions/nouvelle", refused);
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find(R"(id="f-animating_organisation-error")"), std::string::npos);
    EXPECT_NE(r.body.find("Résumé gardé"), std::string::npos);
  }
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalitions"), 1);

  // The fiche of the existing coalition: its organisation saved, shown ticked, two refused.
  const Fields fiche = {{"number", "8.a"},
                        {"title", "Développer et maintenir les communs numériques"},
                        {"family", "communs-et-territoires"},
                        {"stage", "cadrage"},
                        {"summary", "Fiche gardée"}};
  b.get(p.page("/modifier"));
  auto saved = b.post(p.page("/fiche"), with(fiche, "animating_organisation", "la-fing"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_NE(b.get(p.page("/modifier")).body.find(R"(name="animating_organisation" value="la-fing" checked)"),
            std::string::npos);
  Fields both = with(fiche, "animating_organisation", "la-fing");
  both.emplace_back("animating_organisation", "open-data-france");
  auto refused = b.post(p.page("/fiche"), both);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(R"(id="f-animating_organisation-error")"), std::string::npos);
  EXPECT_NE(refused.body.find("Fiche gardée"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalitions k JOIN organisations o ON o.id = k.animating_organisation_id "
                         "WHERE o.slug = 'la-fing'"),
            1);
}

TEST(Coalitions, SectionOverOneHundredKilobytesIsRefusedByTheUseCase) {
  Programme p;
  auto c = p.site.db().acquire();
  coalitions::BookletEdit edit;
  edit.base_revision = 0;
  edit.sections["intention"] = std::string(100 * 1024 + 1, 'a');
  auto r =
      coalitions::save_booklet(*c, p.porteur, "developper-et-maintenir-les-communs-numeriques", edit, p.site.now());
  EXPECT_NE(r.errors.find("intention"), nullptr);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM booklet_revisions"), 0);
}

TEST(Coalitions, MarkdownIsRenderedAndScriptsAreNot) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.save(
      b, "0",
      "Un **texte** avec [un lien](https://reset.fing.org) et <script>alert(1)</script> et [x](javascript:alert(1))");
  auto page = b.get(p.page());
  EXPECT_NE(page.body.find("<strong>texte</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("https://reset.fing.org"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.body.find("javascript:"), std::string::npos);
}

TEST(Coalitions, JsonAtTheSameAddress) {
  Programme p;
  Browser b(p.site);
  auto list = b.get("/coalitions.json");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.header("content-type"), "application/json; charset=utf-8");
  EXPECT_NE(list.body.find(R"("number":"8.a")"), std::string::npos);
  auto one = b.get(p.page(".json"));
  EXPECT_NE(one.body.find(R"("stage":"cadrage")"), std::string::npos);
  EXPECT_NE(one.body.find(R"("booklet":{)"), std::string::npos);
  EXPECT_EQ(b.get("/coalitions/nexiste-pas.json").status, 404);
}

TEST(Coalitions, OrganisationPageListsItsCoalitions) {
  Programme p;
  Browser b(p.site);
  b.sign_in("membre@example.org", kPassword);
  b.get("/organisations/nouvelle");
  b.post("/organisations/nouvelle", {{"name", "Framasoft"}, {"kind", "association-tech"}});
  b.get(p.page());
  b.post(p.page("/interet"), {{"organisation", "framasoft"}, {"offre", "1"}});
  EXPECT_NE(b.get("/organisations/framasoft").body.find("8.a"), std::string::npos);
}

TEST(Coalitions, ListSortsNumbersAsPeopleDoAndIsPaged) {
  Programme p;
  {
    auto c = p.site.db().acquire();
    for (int n = 1; n <= 105; ++n) {
      coalitions::CoalitionInput in;
      in.number = std::to_string(n);
      in.title = "Coalition de test " + std::to_string(n);
      in.family = "communs-et-territoires";
      in.stage = "idee";
      ASSERT_TRUE(coalitions::create_coalition(*c, p.anim, in, p.site.now()).coalition);
    }
  }
  Browser b(p.site);
  auto first = b.get("/coalitions");
  EXPECT_NE(first.body.find("106 coalitions"), std::string::npos);
  EXPECT_NE(first.body.find("Page 1 sur 2"), std::string::npos);
  EXPECT_LT(first.body.find("Coalition de test 2<"), first.body.find("Coalition de test 10<"));
  EXPECT_EQ(first.body.find("Coalition de test 105<"), std::string::npos);
  auto second = b.get("/coalitions?page=2");
  EXPECT_NE(second.body.find("Coalition de test 105<"), std::string::npos);
  EXPECT_NE(second.body.find(R"(rel="prev")"), std::string::npos);
  EXPECT_EQ(b.get("/coalitions?page=abc").status, 200);
  EXPECT_LT(first.body.size(), 30u * 1024u);
  // The home page shows a dozen per family and links to the rest.
  auto home = b.get("/");
  EXPECT_NE(home.body.find("Voir les 106 coalitions de cette famille"), std::string::npos);
  EXPECT_NE(home.body.find("Coalition de test 11<"), std::string::npos);
  EXPECT_EQ(home.body.find("Coalition de test 12<"), std::string::npos);
  EXPECT_LT(home.body.size(), 30u * 1024u);
}

}  // namespace
}  // namespace fabrique::test
