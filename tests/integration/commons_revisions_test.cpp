// The commons' revisions over real HTTP: resources and boussole cards compared word by word between
// any two revisions and restored as a new revision; a charter draft edited until its consultation
// opens, then frozen.
#include <gtest/gtest.h>

#include "integration/commons_site.hpp"

namespace fabrique::test {
namespace {

const std::string kResource = "/ressources/boite-a-outils";
const char* kCommons = "developper-et-maintenir-les-communs-numeriques";

// A resource of coalition 8.a proposed by a member, then edited once by them (revisions 1 and 2).
void resource_with_two_revisions(CommonsSite& p) {
  auto member = p.signed_in("membre@example.org");
  ASSERT_EQ(CommonsSite::propose(member, "Boîte à outils", "Des outils pour les communs.", "CC-BY-4.0", "guide",
                                 kCommons, "outils")
                .status,
            303);
  member.get(kResource + "/modifier");
  ASSERT_EQ(member
                .post(kResource + "/modifier", {{"base_revision", "1"},
                                                {"title", "Boîte à outils"},
                                                {"url", "https://example.org/outils"},
                                                {"kind", "outil"},
                                                {"licence", "MIT"},
                                                {"coalitions", kCommons},
                                                {"description", "Des outils libres pour les communs numériques."}})
                .status,
            303);
}

TEST(ResourceRevisions, AnyTwoRevisionsAreComparedWordByWord) {
  CommonsSite p;
  resource_with_two_revisions(p);
  auto anim = p.signed_in("anim@example.org");
  auto page = anim.get(kResource);
  EXPECT_NE(page.body.find(R"(action="/ressources/boite-a-outils/historique/comparer")"), std::string::npos);
  auto diff = anim.get(kResource + "/historique/comparer?de=1&a=2");
  EXPECT_EQ(diff.status, 200);
  EXPECT_NE(diff.body.find("<ins>"), std::string::npos);
  EXPECT_NE(diff.body.find("libres"), std::string::npos);
  EXPECT_NE(diff.body.find("MIT License"), std::string::npos);  // the licence, by its name
  EXPECT_NE(diff.body.find("Outil"), std::string::npos);        // the kind, by its label
  // The other way round, and a revision that does not exist.
  EXPECT_NE(anim.get(kResource + "/historique/comparer?de=2&a=1").body.find("<del>"), std::string::npos);
  EXPECT_EQ(anim.get(kResource + "/historique/comparer?de=1&a=9").status, 400);
  EXPECT_EQ(anim.get(kResource + "/historique/comparer?de=x&a=2").status, 400);
}

TEST(ResourceRevisions, ACoPorteurRestoresAnOldRevisionAsANewOne) {
  CommonsSite p;
  resource_with_two_revisions(p);
  auto porteur = p.signed_in("porteur@example.org");
  auto page = porteur.get(kResource);
  EXPECT_NE(page.body.find(R"(action="/ressources/boite-a-outils/historique/1/restaurer")"), std::string::npos);
  EXPECT_EQ(porteur.post(kResource + "/historique/1/restaurer", {{"base_revision", "2"}}).status, 303);
  EXPECT_EQ(
      p.site.count("SELECT COUNT(*) FROM resources WHERE revision = 3 AND licence = 'CC-BY-4.0' AND kind = 'guide' "
                   "AND description = 'Des outils pour les communs.'"),
      1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resource_revisions"), 3);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resource_coalitions"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resource_tags WHERE tag = 'outils'"), 1);
  // Revision 2 is still in the history, and 3 has the same text as 1.
  auto same = porteur.get(kResource + "/historique/comparer?de=1&a=3");
  EXPECT_NE(same.body.find("Ces deux versions ont le même texte."), std::string::npos);
}

TEST(ResourceRevisions, ARestoreFromAStaleHistoryIsAConflictAndMembersMayNotRestore) {
  CommonsSite p;
  resource_with_two_revisions(p);
  auto anim = p.signed_in("anim@example.org");
  anim.get(kResource);
  auto stale = anim.post(kResource + "/historique/1/restaurer", {{"base_revision", "1"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Rien n’a été restauré"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resource_revisions"), 2);
  // The submitter may edit but not restore; nobody restores a revision that does not exist.
  auto member = p.signed_in("membre@example.org");
  member.get(kResource);
  EXPECT_EQ(member.post(kResource + "/historique/1/restaurer", {{"base_revision", "2"}}).status, 403);
  EXPECT_EQ(anim.post(kResource + "/historique/7/restaurer", {{"base_revision", "2"}}).status, 404);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources WHERE revision = 2"), 1);
}

TEST(ResourceRevisions, AStaleFormIsMergedFieldByFieldAndAFieldBothChangedIsSettledFirst) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(CommonsSite::propose(member, "Boîte à outils", "Des outils pour les communs.", "CC-BY-4.0", "guide",
                                 kCommons, "outils")
                .status,
            303);
  using Fields = std::vector<std::pair<std::string, std::string>>;
  // The form as each of them sends it: every field, as drawn from `base` with their own changes.
  auto form = [&](const std::string& base, const std::string& title, const std::string& description,
                  const std::string& tags, const Fields& extra = {}) {
    Fields f{{"base_revision", base}, {"title", title},         {"url", "https://example.org/14"},
             {"kind", "guide"},       {"licence", "CC-BY-4.0"}, {"description", description},
             {"tags", tags},          {"coalitions", kCommons}};
    f.insert(f.end(), extra.begin(), extra.end());
    return f;
  };
  member.get(kResource + "/modifier");
  anim.get(kResource + "/modifier");
  // The animatrice changes the tags and the licence; the member, from revision 1, only the description.
  Fields licence = form("1", "Boîte à outils", "Des outils pour les communs.", "outils, communs");
  licence[4].second = "MIT";
  ASSERT_EQ(anim.post(kResource + "/modifier", licence).status, 303);
  auto merged = member.post(kResource + "/modifier",
                            form("1", "Boîte à outils", "Des outils libres pour les communs.", "outils"));
  ASSERT_EQ(merged.status, 303) << merged.body;
  EXPECT_EQ(merged.header("location"), kResource + "?fusion=2");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources WHERE revision = 3 AND licence = 'MIT' AND description = "
                         "'Des outils libres pour les communs.'"),
            1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resource_tags WHERE tag IN ('outils', 'communs')"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resource_revisions WHERE number = 3 AND merged_with = 2"), 1);
  auto page = member.get(kResource + "?fusion=2");
  EXPECT_NE(page.body.find("Enregistré. La version 2 a été enregistrée"), std::string::npos);
  EXPECT_NE(page.body.find("Fusionnée avec la version 2"), std::string::npos);  // in its history

  // Both change the title from revision 3: shown side by side, nothing saved until it is settled.
  member.get(kResource + "/modifier");
  anim.get(kResource + "/modifier");
  const std::string description = "Des outils libres pour les communs.";
  ASSERT_EQ(
      anim.post(kResource + "/modifier", form("3", "Boîte à outils libres", description, "outils, communs")).status,
      303);
  auto conflict =
      member.post(kResource + "/modifier", form("3", "La boîte à outils des communs", description, "outils, communs"));
  ASSERT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("Tel qu’il était (version 3)"), std::string::npos);
  EXPECT_NE(conflict.body.find(R"(name="merge_choice_title" value="theirs")"), std::string::npos);
  EXPECT_EQ(conflict.body.find(R"(name="merge_choice_description")"), std::string::npos);  // only what both changed
  EXPECT_EQ(p.site.count("SELECT revision FROM resources"), 4);
  const Fields answered{
      {"merge_base", "3"}, {"merge_field", "title"}, {"merge_mine_title", "La boîte à outils des communs"}};
  auto unsettled =
      member.post(kResource + "/modifier", form("4", "Retouché à la main", description, "outils, communs", answered));
  EXPECT_EQ(unsettled.status, 422);
  EXPECT_NE(unsettled.body.find(R"(id="f-merge_choice_title-error")"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT revision FROM resources"), 4);
  Fields by_hand = answered;
  by_hand.emplace_back("merge_choice_title", "by_hand");
  auto settled =
      member.post(kResource + "/modifier", form("4", "Retouché à la main", description, "outils, communs", by_hand));
  ASSERT_EQ(settled.status, 303) << settled.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resource_revisions WHERE number = 5 AND merged_with = 4 AND title = "
                         "'Retouché à la main'"),
            1);
}

const std::string kCard = "/boussole/un-portail-de-donnees";

// The card both tests edit, proposed through its form: revision 1.
HttpResponse propose_card(Browser& b) {
  b.get("/boussole/proposer");
  return b.post("/boussole/proposer", {{"title", "Un portail de données"},
                                       {"outcome", "mitige"},
                                       {"coalition", kCommons},
                                       {"tried", "Ouvrir un portail."}});
}

TEST(CardRevisions, EditsAreRevisionsComparedAndRestored) {
  CommonsSite p;
  auto porteur = p.signed_in("porteur@example.org");
  ASSERT_EQ(propose_card(porteur).status, 303);
  porteur.get(kCard + "/modifier");
  auto edit = [&](const std::string& base, const std::string& tried) {
    return porteur.post(kCard + "/modifier", {{"base_revision", base},
                                              {"title", "Un portail de données"},
                                              {"outcome", "n-a-pas-marche"},
                                              {"coalition", kCommons},
                                              {"tried", tried}});
  };
  ASSERT_EQ(edit("1", "Ouvrir un portail trop technique.").status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM boussole_card_revisions"), 2);
  // Saving the same text again writes no revision; a stale form is a conflict.
  porteur.get(kCard + "/modifier");
  EXPECT_EQ(edit("2", "Ouvrir un portail trop technique.").status, 303);
  EXPECT_EQ(edit("1", "Autre chose.").status, 409);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM boussole_card_revisions"), 2);

  auto page = Browser(p.site).get(kCard);
  EXPECT_NE(page.body.find(R"(<th scope="row">2</th>)"), std::string::npos);
  EXPECT_EQ(page.body.find("/restaurer"), std::string::npos);  // visitors see the history, not the buttons
  auto diff = Browser(p.site).get(kCard + "/historique/comparer?de=1&a=2");
  EXPECT_EQ(diff.status, 200);
  EXPECT_NE(diff.body.find("trop technique"), std::string::npos);
  EXPECT_NE(diff.body.find("Cela n’a pas marché"), std::string::npos);

  porteur.get(kCard);
  EXPECT_EQ(porteur.post(kCard + "/historique/1/restaurer", {{"base_revision", "2"}}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM boussole_cards WHERE revision = 3 AND outcome = 'mitige' AND "
                         "tried = 'Ouvrir un portail.'"),
            1);
  auto other = p.signed_in("autre@example.org");
  other.get(kCard);
  EXPECT_EQ(other.post(kCard + "/historique/2/restaurer", {{"base_revision", "3"}}).status, 403);
}

// Issue #19, for the boussole: a stale form never undoes the fields someone else saved meanwhile.
TEST(CardRevisions, AStaleFormIsMergedFieldByFieldAndAFieldBothChangedIsSettledFirst) {
  CommonsSite p;
  auto porteur = p.signed_in("porteur@example.org");
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(propose_card(porteur).status, 303);
  using Fields = std::vector<std::pair<std::string, std::string>>;
  auto form = [&](const std::string& base, const std::string& tried, const std::string& learned,
                  const Fields& extra = {}) {
    Fields f{{"base_revision", base}, {"title", "Un portail de données"},
             {"outcome", "mitige"},   {"coalition", kCommons},
             {"tried", tried},        {"learned", learned}};
    f.insert(f.end(), extra.begin(), extra.end());
    return f;
  };
  porteur.get(kCard + "/modifier");
  anim.get(kCard + "/modifier");
  ASSERT_EQ(porteur.post(kCard + "/modifier", form("1", "Ouvrir un portail, puis l'animer.", "")).status, 303);
  // From revision 1, a field nobody else changed: merged, the other's "tried" kept.
  auto merged = anim.post(kCard + "/modifier", form("1", "Ouvrir un portail.", "Il faut des animateurs."));
  ASSERT_EQ(merged.status, 303) << merged.body;
  EXPECT_EQ(merged.header("location"), kCard + "?fusion=2");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM boussole_cards WHERE revision = 3 AND tried = 'Ouvrir un portail, "
                         "puis l''animer.' AND learned = 'Il faut des animateurs.'"),
            1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM boussole_card_revisions WHERE number = 3 AND merged_with = 2"), 1);
  EXPECT_NE(anim.get(kCard + "?fusion=2").body.find("Enregistré. La version 2 a été enregistrée"), std::string::npos);

  // Both change "tried" from revision 3: shown side by side, nothing saved until settled.
  porteur.get(kCard + "/modifier");
  anim.get(kCard + "/modifier");
  const std::string learned = "Il faut des animateurs.";
  ASSERT_EQ(porteur.post(kCard + "/modifier", form("3", "Le texte du co-porteur.", learned)).status, 303);
  auto conflict = anim.post(kCard + "/modifier", form("3", "Le texte de l'animatrice.", learned));
  ASSERT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("Tel qu’il était (version 3)"), std::string::npos);
  EXPECT_NE(conflict.body.find(R"(name="merge_choice_tried" value="theirs")"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT revision FROM boussole_cards"), 4);
  const Fields answered{
      {"merge_base", "3"}, {"merge_field", "tried"}, {"merge_mine_tried", "Le texte de l'animatrice."}};
  EXPECT_EQ(anim.post(kCard + "/modifier", form("4", "Le texte de l'animatrice.", learned, answered)).status, 422);
  EXPECT_EQ(p.site.count("SELECT revision FROM boussole_cards"), 4);
  Fields mine = answered;
  mine.emplace_back("merge_choice_tried", "mine");
  ASSERT_EQ(anim.post(kCard + "/modifier", form("4", "Retouché à la main.", learned, mine)).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM boussole_cards WHERE revision = 5 AND tried = 'Le texte de "
                         "l''animatrice.'"),
            1);
}

TEST(CharterDrafts, ADraftIsEditableUntilItsConsultationOpensThenFrozen) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  anim.get("/charte/versions/nouvelle");
  ASSERT_EQ(anim.post("/charte/versions/nouvelle", {{"label", "bêta"}, {"principes", "S'engager."}}).status, 303);
  auto form = anim.get("/charte/versions/1/modifier");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("S&#39;engager."), std::string::npos);
  const std::string base = std::to_string(p.site.count("SELECT updated_at FROM charter_versions WHERE number = 1"));
  auto save = [&](const std::string& b, const std::string& principles) {
    return anim.post("/charte/versions/1/modifier",
                     {{"base_revision", b}, {"label", "bêta"}, {"principes", principles}});
  };
  EXPECT_EQ(save(base, "S'engager ensemble.").status, 303);
  EXPECT_EQ(p.site.count(
                "SELECT COUNT(*) FROM charter_sections WHERE section = 'principes' AND body = 'S''engager ensemble.'"),
            1);
  // A form made before that save is stale; too long a section is refused; both keep the input.
  auto stale = save(base, "Version concurrente.");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Version concurrente."), std::string::npos);
  const std::string now = std::to_string(p.site.count("SELECT updated_at FROM charter_versions WHERE number = 1"));
  EXPECT_EQ(save(now, std::string(60 * 1024, 'x')).status, 422);
  // Members may not edit it.
  auto member = p.signed_in("membre@example.org");
  member.get("/charte");
  EXPECT_EQ(member.post("/charte/versions/1/modifier", {{"base_revision", now}, {"principes", "x"}}).status, 403);

  anim.get("/charte/versions/1");
  ASSERT_EQ(anim.post("/charte/versions/1/consultation", {{"days", "10"}}).status, 303);
  EXPECT_EQ(anim.get("/charte/versions/1").body.find("/charte/versions/1/modifier"), std::string::npos);
  auto frozen_form = anim.get("/charte/versions/1/modifier");
  EXPECT_EQ(frozen_form.status, 409);
  const std::string opened = std::to_string(p.site.count("SELECT updated_at FROM charter_versions WHERE number = 1"));
  auto frozen = save(opened, "Changer le texte consulté.");
  EXPECT_EQ(frozen.status, 409);
  EXPECT_NE(frozen.body.find("consultation est ouverte"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM charter_sections WHERE body = 'Changer le texte consulté.'"), 0);
}

}  // namespace
}  // namespace fabrique::test
