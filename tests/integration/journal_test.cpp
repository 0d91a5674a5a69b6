// The journal over real HTTP: posts written, previewed, kept as drafts, scheduled and published;
// edited as revisions (history, comparison, concurrent edits merged); co-porteurs limited to their
// coalition; the list's filters, its JSON and Atom feeds; bad input refused next to its field.
// A post's links (coalitions, events, territories, datasets, attached resources) saved, shown and
// filtering the list; the latest posts on the home, coalition and event pages; a "Retour sur"
// started from an event with its minutes' decisions and next steps.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "commons/use_cases.hpp"
#include "events/times.hpp"
#include "events/use_cases.hpp"
#include "integration/coalition_filter.hpp"
#include "integration/commons_site.hpp"
#include "journal/store.hpp"
#include "territories/use_cases.hpp"

namespace fabrique::test {
namespace journal_tests {

const char* kOtherCoalition = "faciliter-l-appropriation-des-donnees-environnementales";

bool has(const HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

// The number of posts the list says it holds (its pager's), or -1 when the page has no such line.
std::int64_t listed(Browser& b) {
  static const std::regex kTotal(R"(<p role="status">(\d+) billets?)");
  const std::string body = b.get("/journal").body;
  std::smatch m;
  return std::regex_search(body, m, kTotal) ? std::stoll(m[1]) : -1;
}

// Writes a post through the form; `action` is apercu, brouillon or publier.
HttpResponse write(Browser& b, const std::string& title, const std::string& action, Fields more = {}) {
  b.get("/journal/ecrire");
  Fields fields{{"title", title},
                {"kind", "retour-sur"},
                {"summary", "Ce qui s’est dit."},
                {"body", "Une **journée** de travail."},
                {"action", action}};
  const std::size_t given = fields.size();  // those `more` replaces; the others (links) may repeat
  for (auto& f : more) {
    auto it = std::find_if(fields.begin(), fields.begin() + given, [&](const auto& x) { return x.first == f.first; });
    if (it != fields.begin() + given)
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
  Browser visitor(p.site);
  const std::int64_t before = listed(visitor);
  ASSERT_GE(before, 0);
  p.site.advance(std::chrono::days(4));
  EXPECT_EQ(member.get("/journal/appel-a-venir").status, 200);
  EXPECT_TRUE(has(member.get("/journal"), "Appel à venir"));
  EXPECT_EQ(listed(visitor), before + 1);  // counted from its date on, though nothing was written since
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
  auto elsewhere = write(porteur, "Ailleurs", "publier", {{"coalitions", kOtherCoalition}});
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_TRUE(has(elsewhere, R"(id="f-coalitions-error")"));
  EXPECT_EQ(write(porteur, "Sans coalition", "publier").status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM posts"), 0);
  ASSERT_EQ(write(porteur, "Chez nous", "publier", {{"coalitions", kCommonsCoalition}}).status, 303);
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
      write(anim, "Des communs", "publier", {{"coalitions", kCommonsCoalition}, {"publish_on", "2021-06-20"}}).status,
      303);
  Browser visitor(p.site);
  auto podcasts = visitor.get("/journal?type=podcast");
  EXPECT_TRUE(has(podcasts, "Un podcast"));
  EXPECT_FALSE(has(podcasts, "Des communs"));
  auto commons = visitor.get(std::string("/journal?coalition=") + kCommonsCoalition);
  EXPECT_TRUE(has(commons, "Des communs"));
  EXPECT_FALSE(has(commons, "Un podcast"));
  expect_coalition_filter(visitor, {"/journal", kCommonsCoalition, "8.a", "communs numeriques", "Des communs"});
  EXPECT_TRUE(has(visitor.get(std::string("/journal.json?coalition=") + kCommonsCoalition), R"("total":1)"));
  EXPECT_TRUE(has(visitor.get("/journal.json?coalition=zzz"), R"("total":0)"));
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

// A site with territories, an event of the commons' coalition with minutes, a published resource
// and a dataset, to link posts to.
struct LinkedSite {
  CommonsSite p;
  Browser anim = p.signed_in("anim@example.org");
  LinkedSite() {
    auto c = p.site.db().acquire();
    territories::load_territories(
        *c, territories::read_cog(std::filesystem::path(__FILE__).parent_path() / "cog" / "a" / "data"));
    events::EventInput e;
    e.kind = "reset-day";
    e.title = "Reset Day des communs";
    e.slug = "reset-day-des-communs";
    const std::string day = events::times::date_value(p.site.now() - std::chrono::days(2));
    e.starts = day + "T14:00";
    e.ends = day + "T17:00";
    e.coalitions = {kCommonsCoalition};
    if (!events::create_event(*c, p.anim, e, p.site.now()).event) throw std::runtime_error("no event");
    events::ItemInput decision;
    decision.kind = events::ItemKind::decision;
    decision.body = "Publier le guide des communs en septembre";
    events::ItemInput next;
    next.kind = events::ItemKind::next_step;
    next.body = "Relire le guide avec les collectivités";
    next.asked_by = "Camille";
    if (!events::add_minutes_item(*c, p.anim, e.slug, decision, p.site.now()).empty() ||
        !events::add_minutes_item(*c, p.anim, e.slug, next, p.site.now()).empty())
      throw std::runtime_error("no minutes");
    commons::ResourceInput r;
    r.title = "Diaporama du Reset Day";
    r.url = "https://example.org/diaporama.pdf";
    r.kind = "guide";
    r.licence = "CC-BY-4.0";
    if (!commons::propose_resource(*c, p.anim, r, p.site.now()).errors.empty()) throw std::runtime_error("no resource");
  }
  // A dataset of Fing, through the register's form (its producer's member).
  std::string dataset() {
    auto member = p.signed_in("membre@example.org");
    member.get("/donnees/nouvelle");
    auto r = member.post("/donnees/nouvelle", {{"title", "Inventaire des communs"},
                                               {"description", "Les communs numériques recensés."},
                                               {"producer", "fing"},
                                               {"themes", "air"},
                                               {"territoires", "29019"},
                                               {"licence", "ODbL-1.0"},
                                               {"frequency", "DAILY"},
                                               {"distributions", "1"},
                                               {"dist-1-url", "https://data.example.org/communs.csv"},
                                               {"dist-1-format", "CSV"},
                                               {"dist-1-media", "text/csv"},
                                               {"dist-1-size", "10"}});
    EXPECT_EQ(r.status, 303) << r.body;
    const std::string at = r.header("location");
    return at.substr(std::string("/donnees/").size(), at.find('?') - std::string("/donnees/").size());
  }
};

// The resources to attach are searched in the library through the site's search, not offered from a
// list of all of them: a published one is found by a word of its title, a draft is not, and the one
// already chosen stays chosen.
TEST(Journal, TheResourcePickerSearchesThePublishedLibrary) {
  LinkedSite s;
  {
    auto c = s.p.site.db().acquire();
    commons::ResourceInput r;
    r.title = "Diaporama en brouillon";
    r.url = "https://example.org/brouillon.pdf";
    r.kind = "guide";
    r.licence = "CC-BY-4.0";
    ASSERT_TRUE(commons::propose_resource(*c, s.p.member, r, s.p.site.now()).errors.empty());
    ASSERT_EQ(s.p.site.count("SELECT COUNT(*) FROM resources WHERE status = 'draft'"), 1);
  }
  auto found = write(s.anim, "Retour", "publier", {{"resources_q", "diaporama"}});
  ASSERT_EQ(found.status, 200);
  EXPECT_TRUE(has(found, R"(name="resources" value="diaporama-du-reset-day")")) << found.body;
  EXPECT_FALSE(has(found, "diaporama-en-brouillon"));
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM posts"), 0) << "a search saves nothing";
  auto kept = write(s.anim, "Retour", "publier", {{"resources", "diaporama-du-reset-day"}, {"resources_q", "reset"}});
  ASSERT_EQ(kept.status, 200);
  EXPECT_TRUE(has(kept, R"(value="diaporama-du-reset-day" checked)")) << "chosen, not offered again";
  EXPECT_FALSE(has(write(s.anim, "Retour", "publier", {{"resources_q", "introuvable"}}), "Diaporama"));
}

TEST(Journal, APostLinksToWhatItSpeaksOfShownOnItAndFilteringTheList) {
  LinkedSite s;
  const std::string dataset = s.dataset();
  auto r = write(s.anim, "Retour sur le Reset Day", "publier",
                 {{"coalitions", kCommonsCoalition},
                  {"coalitions", kOtherCoalition},
                  {"events", "reset-day-des-communs"},
                  {"territoires", "29019"},
                  {"datasets", dataset},
                  {"resources", "diaporama-du-reset-day"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM post_links"), 5);
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM territory_links WHERE subject = 'post'"), 1);
  Browser visitor(s.p.site);
  auto page = visitor.get("/journal/retour-sur-le-reset-day").body;
  for (const std::string& link :
       {std::string("/coalitions/") + kCommonsCoalition, std::string("/coalitions/") + kOtherCoalition,
        std::string("/evenements/reset-day-des-communs"), std::string("/territoires/29019"), "/donnees/" + dataset,
        std::string("/ressources/diaporama-du-reset-day")})
    EXPECT_TRUE(has(visitor.get("/journal/retour-sur-le-reset-day"), "href=\"" + link + "\"")) << link << page;
  // Another post, linked to nothing: the filters go through the links.
  ASSERT_EQ(write(s.anim, "Un appel", "publier", {{"kind", "appel"}}).status, 303);
  for (const std::string within : {"region-53", "29", "29019"}) {
    auto list = visitor.get("/journal?territoire=" + within);
    EXPECT_TRUE(has(list, "Retour sur le Reset Day")) << within;
    EXPECT_FALSE(has(list, "Un appel")) << within;
  }
  EXPECT_FALSE(has(visitor.get("/journal?territoire=35"), "Retour sur le Reset Day"));
  auto other = visitor.get(std::string("/journal?coalition=") + kOtherCoalition);
  EXPECT_TRUE(has(other, "Retour sur le Reset Day"));
  EXPECT_FALSE(has(other, "Un appel"));
  auto feed = visitor.get(std::string("/journal/coalitions/") + kOtherCoalition + ".atom");
  EXPECT_TRUE(has(feed, "<title>Retour sur le Reset Day</title>"));
  EXPECT_FALSE(has(feed, "Un appel"));
  EXPECT_TRUE(has(visitor.get("/journal/retour-sur-le-reset-day.json"), R"("events":["reset-day-des-communs"])"));
  // Edited: the links the form sends replace the others, and the form starts from them.
  auto form = s.anim.get("/journal/retour-sur-le-reset-day/modifier");
  EXPECT_TRUE(has(form, R"(value="reset-day-des-communs" checked)")) << form.body;
  auto edited = s.anim.post("/journal/retour-sur-le-reset-day/modifier", {{"base_revision", "1"},
                                                                          {"title", "Retour sur le Reset Day"},
                                                                          {"kind", "retour-sur"},
                                                                          {"summary", "Ce qui s’est dit."},
                                                                          {"body", "Une **journée** de travail."},
                                                                          {"coalitions", kCommonsCoalition},
                                                                          {"action", "publier"}});
  ASSERT_EQ(edited.status, 303) << edited.body;
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM post_links"), 1);
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM territory_links WHERE subject = 'post'"), 0);
  EXPECT_FALSE(has(visitor.get(std::string("/journal?coalition=") + kOtherCoalition), "Retour sur le Reset Day"));
}

TEST(Journal, UnknownLinksAreRefusedNextToTheirFieldAndNothingIsWritten) {
  LinkedSite s;
  for (const auto& [field, value] : std::vector<std::pair<std::string, std::string>>{{"coalitions", "inconnue"},
                                                                                     {"events", "inconnu"},
                                                                                     {"territoires", "99999"},
                                                                                     {"datasets", "inconnu"},
                                                                                     {"resources", "inconnue"}}) {
    auto r = write(s.anim, "Lié à rien", "publier", {{field, value}});
    EXPECT_EQ(r.status, 422) << field;
    EXPECT_TRUE(has(r, "id=\"f-" + field + "-error\"")) << field << r.body;
    EXPECT_TRUE(has(r, R"(value="Lié à rien")")) << field;
  }
  // More coalitions than a post may link are refused as such, before any is looked up.
  Fields many;
  for (int i = 1; i <= 21; ++i) many.emplace_back("coalitions", fmt::format("coalition-{}", i));
  auto r = write(s.anim, "Lié à trop", "publier", many);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "Liez au plus 20 coalitions.")) << r.body;
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM posts"), 0);
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM post_links"), 0);
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM territory_links WHERE subject = 'post'"), 0);
}

TEST(Journal, TheLatestPostsAreOnTheHomeCoalitionAndEventPagesOnceVisible) {
  LinkedSite s;
  const Fields linked{{"coalitions", kCommonsCoalition}, {"events", "reset-day-des-communs"}};
  ASSERT_EQ(write(s.anim, "Billet publié", "publier", linked).status, 303);
  ASSERT_EQ(write(s.anim, "Billet en brouillon", "brouillon", linked).status, 303);
  Fields later = linked;
  later.push_back({"publish_on", events::times::date_value(s.p.site.now() + std::chrono::days(5))});
  ASSERT_EQ(write(s.anim, "Billet programmé", "publier", later).status, 303);
  ASSERT_EQ(write(s.anim, "Billet ailleurs", "publier", {{"coalitions", kOtherCoalition}}).status, 303);
  ASSERT_EQ(write(s.anim, "Billet quatre", "publier").status, 303);
  Browser visitor(s.p.site);
  const std::string coalition = std::string("/coalitions/") + kCommonsCoalition;
  for (const std::string& at : {std::string("/"), coalition, std::string("/evenements/reset-day-des-communs")}) {
    auto page = visitor.get(at);
    EXPECT_EQ(page.status, 200) << at;
    EXPECT_TRUE(has(page, "Billet publié")) << at;
    EXPECT_FALSE(has(page, "Billet en brouillon")) << at;
    EXPECT_FALSE(has(page, "Billet programmé")) << at;
  }
  EXPECT_TRUE(has(visitor.get("/"), "Billet ailleurs"));
  EXPECT_FALSE(has(visitor.get(coalition), "Billet ailleurs"));
  EXPECT_FALSE(has(visitor.get("/evenements/reset-day-des-communs"), "Billet ailleurs"));
  // Its date reached, the scheduled post is shown (to a member: visitors' pages are cached a minute).
  s.p.site.advance(std::chrono::days(6));
  auto member = s.p.signed_in("membre@example.org");
  EXPECT_TRUE(has(member.get(coalition), "Billet programmé"));
  EXPECT_TRUE(has(member.get("/evenements/reset-day-des-communs"), "Billet programmé"));
  // Three at most: the oldest of the four now visible is left out of the home page.
  auto home = member.get("/");
  EXPECT_TRUE(has(home, "Billet programmé"));
  EXPECT_TRUE(has(home, "Billet quatre"));
  EXPECT_TRUE(has(home, "Billet ailleurs"));
  EXPECT_FALSE(has(home, "Billet publié"));
}

TEST(Journal, ARetourSurStartsFromTheEventWithItsMinutesDecisionsAndNextSteps) {
  LinkedSite s;
  const std::string start = "/journal/ecrire?evenement=reset-day-des-communs";
  EXPECT_TRUE(has(s.anim.get("/evenements/reset-day-des-communs"), "href=\"" + start + "\""));
  EXPECT_TRUE(has(s.anim.get("/evenements/reset-day-des-communs/compte-rendu"), "href=\"" + start + "\""));
  Browser visitor(s.p.site);
  EXPECT_FALSE(has(visitor.get("/evenements/reset-day-des-communs"), start));
  auto member = s.p.signed_in("membre@example.org");
  EXPECT_FALSE(has(member.get("/evenements/reset-day-des-communs"), start));
  auto form = s.anim.get(start);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, R"(value="Retour sur Reset Day des communs")")) << form.body;
  EXPECT_TRUE(has(form, R"(<option value="retour-sur" selected)")) << form.body;
  EXPECT_TRUE(has(form, R"(value="reset-day-des-communs" checked)"));
  EXPECT_TRUE(has(form, std::string("value=\"") + kCommonsCoalition + "\" checked"));
  EXPECT_TRUE(has(form, "- Publier le guide des communs en septembre"));
  EXPECT_TRUE(has(form, "- Relire le guide avec les collectivités (Camille)"));
  EXPECT_EQ(s.p.site.count("SELECT COUNT(*) FROM posts"), 0);  // nothing written until saved
}

TEST(Journal, SearchFindsPublishedPostsOnlyOnceTheirDateIsReached) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  const Fields about{{"body", "Un atelier de permaculture numérique."}};
  ASSERT_EQ(write(anim, "Billet publié", "publier", about).status, 303);
  ASSERT_EQ(write(anim, "Billet en brouillon", "brouillon", about).status, 303);
  Fields later = about;
  later.push_back({"publish_on", events::times::date_value(p.site.now() + std::chrono::days(3))});
  ASSERT_EQ(write(anim, "Billet programmé", "publier", later).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM search_documents WHERE type = 'post'"), 2);  // not the draft
  auto member = p.signed_in("membre@example.org");
  for (Browser* b : {&member, &anim}) {
    auto found = b->get("/recherche?q=permaculture");
    EXPECT_EQ(found.status, 200);
    EXPECT_TRUE(has(found, "/journal/billet-publie")) << found.body;
    EXPECT_FALSE(has(found, "/journal/billet-en-brouillon"));
    EXPECT_FALSE(has(found, "/journal/billet-programme"));
  }
  p.site.advance(std::chrono::days(4));
  EXPECT_TRUE(has(member.get("/recherche?q=permaculture"), "/journal/billet-programme"));
  // Back to a draft: out of the search.
  anim.get("/journal/billet-publie/modifier");
  ASSERT_EQ(anim.post("/journal/billet-publie/modifier", {{"base_revision", "1"},
                                                          {"title", "Billet publié"},
                                                          {"kind", "retour-sur"},
                                                          {"summary", "Ce qui s’est dit."},
                                                          {"body", "Un atelier de permaculture numérique."},
                                                          {"action", "brouillon"}})
                .status,
            303);
  EXPECT_FALSE(has(member.get("/recherche?q=permaculture"), "/journal/billet-publie"));
}

// The list's order and pages, read in parts from the indexes, against the rule they implement: undated
// posts first (newest first), then the newest publication first, ties by the newest post; a visitor sees
// the published posts whose date has come, a member also their own, an animateur every post.
TEST(Journal, EveryPageOfTheListFollowsTheOrderForEachReader) {
  CommonsSite p;
  const std::int64_t author = p.member.id, other = p.other.id;
  const std::int64_t coalition =
      p.site.count(std::string("SELECT id FROM coalitions WHERE slug = '") + kCommonsCoalition + "'");
  const auto now = std::chrono::floor<std::chrono::seconds>(p.site.now());
  const std::vector<std::optional<std::chrono::sys_seconds>> dates{
      std::nullopt, now - std::chrono::days(400), now - std::chrono::days(2), now, now + std::chrono::days(3)};
  auto lease = p.site.db().acquire();
  auto& c = *lease;
  std::vector<journal::Post> all;
  int n = 0;
  for (int round = 0; round < 2; ++round)  // each combination twice: ties broken by the id
    for (auto status : {journal::Status::draft, journal::Status::published})
      for (const auto& date : dates)
        for (std::optional<std::int64_t> by : {std::optional<std::int64_t>{author}, {other}, {}}) {
          journal::Post post;
          post.slug = post.title = "billet-" + std::to_string(++n);
          post.kind = n % 3 == 0 ? "appel" : "annonce";
          post.status = status;
          post.published_at = date;
          post.author_id = by;
          post.created_at = post.updated_at = now;
          post.id = journal::store::insert_post(c, post);
          if (n % 4 == 0)
            c.execute("INSERT INTO post_links (post_id, coalition_id, position) VALUES (?, ?, 0)",
                      {post.id, coalition});
          all.push_back(post);
        }
  auto before = [](const journal::Post& a, const journal::Post& b) {
    if (a.published_at.has_value() != b.published_at.has_value()) return !a.published_at.has_value();
    if (a.published_at != b.published_at) return *a.published_at > *b.published_at;
    return a.id > b.id;
  };
  std::sort(all.begin(), all.end(), before);
  const auto year = events::times::from_paris(2026, 1, 1, 0, 0);
  struct Reader {
    const char* name;
    std::optional<std::int64_t> editable_by;
    bool animateur;
  };
  // A count made with a clock ahead (another node's, or later) is shared: counts made at `now` below
  // must still be exact.
  {
    journal::store::PostFilter ahead;
    ahead.now = now + std::chrono::days(5);
    EXPECT_EQ(journal::store::count_posts(c, ahead),
              std::count_if(all.begin(), all.end(), [&](const auto& post) { return post.visible_at(ahead.now); }));
  }
  int checked = 0;
  for (const Reader& reader :
       {Reader{"visitor", {}, false}, Reader{"member", author, false}, Reader{"animateur", other, true}})
    for (const std::string kind : {"", "appel"})
      for (bool in_year : {false, true})
        for (bool of_coalition : {false, true}) {
          journal::store::PostFilter f;
          f.now = now;
          f.kind = kind;
          f.editable_by = reader.editable_by;
          f.all_unpublished = reader.animateur;
          if (in_year) f.from = year;
          if (of_coalition) f.coalition_id = coalition;
          std::vector<std::string> expected;
          for (const auto& post : all) {
            const bool seen =
                reader.animateur || post.visible_at(now) || (f.editable_by && post.author_id == f.editable_by);
            const bool linked =
                c.query_integer("SELECT COUNT(*) FROM post_links WHERE post_id = ? AND coalition_id = ?",
                                {post.id, coalition}) > 0;
            if (seen && (kind.empty() || post.kind == kind) &&
                (!in_year || (post.published_at && *post.published_at >= year)) && (!of_coalition || linked))
              expected.push_back(post.slug);
          }
          const std::string what =
              fmt::format("{} kind={} year={} coalition={}", reader.name, kind, in_year, of_coalition);
          EXPECT_EQ(journal::store::count_posts(c, f), static_cast<std::int64_t>(expected.size())) << what;
          for (std::int64_t limit : {-1, 1, 4, 7}) {
            for (std::int64_t offset = 0; offset <= static_cast<std::int64_t>(expected.size()) + 1;
                 offset += limit < 0 ? 1000 : limit) {
              f.limit = limit;
              f.offset = offset;
              std::vector<std::string> got;
              for (const auto& post : journal::store::posts(c, f)) got.push_back(post.slug);
              const auto from =
                  std::min<std::size_t>(static_cast<std::size_t>(limit < 0 ? 0 : offset), expected.size());
              const auto to =
                  limit < 0 ? expected.size() : std::min(expected.size(), from + static_cast<std::size_t>(limit));
              EXPECT_EQ(got, std::vector<std::string>(expected.begin() + from, expected.begin() + to))
                  << what << " limit=" << limit << " offset=" << offset;
              ++checked;
            }
          }
        }
  EXPECT_GT(checked, 500);
}

}  // namespace journal_tests
}  // namespace fabrique::test
