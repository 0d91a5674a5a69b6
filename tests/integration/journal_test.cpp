// The journal over real HTTP: posts written, previewed, kept as drafts, scheduled and published;
// edited as revisions (history, comparison, concurrent edits merged); co-porteurs limited to their
// coalition; the list's filters, its JSON and Atom feeds; bad input refused next to its field.
#include <gtest/gtest.h>

#include "events/times.hpp"
#include "integration/commons_site.hpp"

namespace fabrique::test {
namespace journal_tests {

using Fields = std::vector<std::pair<std::string, std::string>>;
const char* kOtherCoalition = "faciliter-l-appropriation-des-donnees-environnementales";

bool has(const HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

// Writes a post through the form; `action` is apercu, brouillon or publier.
HttpResponse write(Browser& b, const std::string& title, const std::string& action, Fields more = {}) {
  b.get("/journal/ecrire");
  Fields fields{{"title", title},
                {"kind", "retour-sur"},
                {"summary", "Ce qui s’est dit."},
                {"body", "Une **journée** de travail."},
                {"action", action}};
  for (auto& f : more) {
    auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& x) { return x.first == f.first; });
    if (it != fields.end())
      it->second = f.second;
    else
      fields.push_back(f);
  }
  return b.post("/journal/ecrire", fields);
}

TEST(Journal, AnAnimateurPublishesAPostEveryoneReads) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  auto r = write(anim, "Retour sur le Reset Day de juin", "publier");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location").rfind("/journal/retour-sur-le-reset-day-de-juin", 0), 0u);
  Browser visitor(p.site);
  auto list = visitor.get("/journal");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(has(list, "Retour sur le Reset Day de juin"));
  EXPECT_TRUE(has(list, R"(type="application/atom+xml")"));  // the feed announced
  auto page = visitor.get("/journal/retour-sur-le-reset-day-de-juin");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "<strong>journée</strong>"));  // the Markdown rendered
  auto json = visitor.get("/journal.json");
  EXPECT_TRUE(has(json, R"("slug":"retour-sur-le-reset-day-de-juin")")) << json.body;
  EXPECT_TRUE(has(visitor.get("/journal/retour-sur-le-reset-day-de-juin.json"), R"("status":"published")"));
}

TEST(Journal, ADraftIsSeenOnlyByThoseWhoMayEditIt) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(write(anim, "Brouillon secret", "brouillon").status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM posts WHERE status = 'draft' AND published_at IS NULL"), 1);
  Browser visitor(p.site);
  EXPECT_EQ(visitor.get("/journal/brouillon-secret").status, 404);
  EXPECT_FALSE(has(visitor.get("/journal"), "Brouillon secret"));
  auto member = p.signed_in("membre@example.org");
  EXPECT_EQ(member.get("/journal/brouillon-secret").status, 404);
  EXPECT_TRUE(has(anim.get("/journal"), "Brouillon secret"));
  EXPECT_EQ(anim.get("/journal/brouillon-secret").status, 200);
}

TEST(Journal, APreviewShowsThePostAndWritesNothing) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  auto r = write(anim, "Aperçu", "apercu");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(has(r, "<strong>journée</strong>"));
  EXPECT_TRUE(has(r, R"(value="Aperçu")"));  // the form kept
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM posts"), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM post_revisions"), 0);
}

TEST(Journal, AScheduledPostIsSeenFromItsDateOn) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  const std::string later = events::times::date_value(p.site.now() + std::chrono::days(3));
  ASSERT_EQ(write(anim, "Appel à venir", "publier", {{"kind", "appel"}, {"publish_on", later}}).status, 303);
  auto member = p.signed_in("membre@example.org");
  EXPECT_EQ(member.get("/journal/appel-a-venir").status, 404);
  EXPECT_FALSE(has(member.get("/journal"), "Appel à venir"));
  EXPECT_FALSE(has(member.get("/journal.atom"), "Appel à venir"));
  EXPECT_TRUE(has(anim.get("/journal/appel-a-venir"), later.substr(0, 4)));  // its writers see it, scheduled
  p.site.advance(std::chrono::days(4));
  EXPECT_EQ(member.get("/journal/appel-a-venir").status, 200);
  EXPECT_TRUE(has(member.get("/journal"), "Appel à venir"));
  Browser visitor(p.site);
  EXPECT_EQ(visitor.get("/journal/appel-a-venir").status, 200);
  EXPECT_TRUE(has(visitor.get("/journal.atom"), "<title>Appel à venir</title>"));
}

TEST(Journal, AnEditIsANewRevisionComparedInTheHistory) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(write(anim, "Lancement", "publier", {{"kind", "lancement"}}).status, 303);
  anim.get("/journal/lancement/modifier");
  auto r = anim.post("/journal/lancement/modifier", {{"base_revision", "1"},
                                                     {"title", "Lancement"},
                                                     {"kind", "lancement"},
                                                     {"summary", "Ce qui s’est dit."},
                                                     {"body", "Une **journée** de travail partagé."},
                                                     {"action", "publier"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(p.site.count("SELECT revision FROM posts"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM post_revisions"), 2);
  auto page = anim.get("/journal/lancement");
  EXPECT_TRUE(has(page, R"(id="historique")"));
  auto diff = anim.get("/journal/lancement/historique/comparer?de=1&a=2");
  EXPECT_EQ(diff.status, 200);
  EXPECT_TRUE(has(diff, R"(<ins><span class="visually-hidden">)")) << diff.body;
  EXPECT_TRUE(has(diff, " partagé<span"));
  EXPECT_EQ(anim.get("/journal/lancement/historique/comparer?de=1&a=9").status, 400);
  // Published again without a date: it keeps the date it was first published on.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM posts WHERE published_at = created_at"), 1);
}

TEST(Journal, ConcurrentEditsAreMergedAndAClashWritesNothing) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(write(anim, "Annonce", "publier", {{"kind", "annonce"}}).status, 303);
  Fields base{{"base_revision", "1"},
              {"title", "Annonce"},
              {"kind", "annonce"},
              {"summary", "Ce qui s’est dit."},
              {"body", "Une **journée** de travail."},
              {"action", "publier"}};
  auto with = [&](const std::string& name, const std::string& value) {
    Fields f = base;
    for (auto& x : f)
      if (x.first == name) x.second = value;
    return f;
  };
  anim.get("/journal/annonce/modifier");
  ASSERT_EQ(anim.post("/journal/annonce/modifier", with("title", "Annonce importante")).status, 303);
  // A second form drawn from revision 1 changes the summary: merged with revision 2.
  auto merged = anim.post("/journal/annonce/modifier", with("summary", "Un résumé neuf."));
  ASSERT_EQ(merged.status, 303);
  EXPECT_EQ(merged.header("location"), "/journal/annonce?fusion=2");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM posts WHERE title = 'Annonce importante' AND summary = 'Un résumé "
                         "neuf.' AND revision = 3"),
            1);
  EXPECT_EQ(p.site.count("SELECT merged_with FROM post_revisions WHERE number = 3"), 2);
  // A third, from revision 1 too, changes the title otherwise: nothing is written, the text kept.
  auto clash = anim.post("/journal/annonce/modifier", with("title", "Annonce modifiée"));
  EXPECT_EQ(clash.status, 409);
  EXPECT_TRUE(has(clash, R"(value="Annonce modifiée")"));
  EXPECT_EQ(p.site.count("SELECT revision FROM posts"), 3);
}

TEST(Journal, ACoPorteurWritesOnlyForTheirCoalition) {
  CommonsSite p;
  auto porteur = p.signed_in("porteur@example.org");
  auto elsewhere = write(porteur, "Ailleurs", "publier", {{"coalition", kOtherCoalition}});
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_TRUE(has(elsewhere, R"(id="f-coalition-error")"));
  EXPECT_EQ(write(porteur, "Sans coalition", "publier").status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM posts"), 0);
  ASSERT_EQ(write(porteur, "Chez nous", "publier", {{"coalition", kCommonsCoalition}}).status, 303);
  // An animateur's post for the whole programme is not theirs to edit.
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(write(anim, "Programme", "publier").status, 303);
  EXPECT_EQ(porteur.get("/journal/programme/modifier").status, 403);
  EXPECT_EQ(porteur.get("/journal/chez-nous/modifier").status, 200);
  // A member writes nothing.
  auto member = p.signed_in("membre@example.org");
  EXPECT_EQ(member.get("/journal/ecrire").status, 403);
  member.get("/journal");
  EXPECT_EQ(member.post("/journal/ecrire", {{"title", "Moi"}, {"kind", "autre"}, {"action", "publier"}}).status, 403);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM posts"), 2);
}

TEST(Journal, BadInputIsRefusedNextToItsField) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  auto empty = write(anim, "", "publier");
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(has(empty, R"(id="f-title-error")"));
  auto script = write(anim, "Podcast", "publier", {{"kind", "podcast"}, {"link", "javascript:alert(1)"}});
  EXPECT_EQ(script.status, 422);
  EXPECT_TRUE(has(script, R"(id="f-link-error")"));
  EXPECT_TRUE(has(script, R"(value="Podcast")"));  // what was typed kept
  auto no_link = write(anim, "Podcast", "publier", {{"kind", "podcast"}});
  EXPECT_TRUE(has(no_link, R"(id="f-link-error")"));
  auto date = write(anim, "Daté", "publier", {{"publish_on", "demain"}});
  EXPECT_EQ(date.status, 422);
  EXPECT_TRUE(has(date, R"(id="f-publish_on-error")"));
  EXPECT_EQ(write(anim, "Genre", "publier", {{"kind", "inconnu"}}).status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM posts"), 0);
}

TEST(Journal, TheListIsFilteredByKindCoalitionAndYear) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(write(anim, "Un podcast", "publier", {{"kind", "podcast"}, {"link", "https://example.org/podcast"}}).status,
            303);
  ASSERT_EQ(
      write(anim, "Des communs", "publier", {{"coalition", kCommonsCoalition}, {"publish_on", "2021-06-20"}}).status,
      303);
  Browser visitor(p.site);
  auto podcasts = visitor.get("/journal?type=podcast");
  EXPECT_TRUE(has(podcasts, "Un podcast"));
  EXPECT_FALSE(has(podcasts, "Des communs"));
  auto commons = visitor.get(std::string("/journal?coalition=") + kCommonsCoalition);
  EXPECT_TRUE(has(commons, "Des communs"));
  EXPECT_FALSE(has(commons, "Un podcast"));
  auto y2021 = visitor.get("/journal?annee=2021");
  EXPECT_TRUE(has(y2021, "Des communs"));
  EXPECT_FALSE(has(y2021, "Un podcast"));
  auto json = visitor.get("/journal.json?type=podcast");
  EXPECT_TRUE(has(json, R"("total":1)")) << json.body;
  auto feed = visitor.get(std::string("/journal/coalitions/") + kCommonsCoalition + ".atom");
  EXPECT_EQ(feed.status, 200);
  EXPECT_TRUE(has(feed, "<title>Des communs</title>"));
  EXPECT_FALSE(has(feed, "Un podcast"));
  EXPECT_EQ(visitor.get("/journal/coalitions/inconnue.atom").status, 404);
}

}  // namespace journal_tests
}  // namespace fabrique::test
