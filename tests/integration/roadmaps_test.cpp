// Roadmaps and impact over real HTTP: actions with revisions and conflicts, progress from sub-actions,
// the programme roadmap with its filters and CSV, indicators with their charts and measurements, the
// actors × levers matrix on the coalition page, the public dashboard and its constant query count,
// permissions and bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "demo/demo.hpp"
#include "integration/coalition_filter.hpp"
#include "integration/site.hpp"
#include "organisations/use_cases.hpp"
#include "roadmaps/dashboard.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "search/search.hpp"
#include "storage/batches.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::test {
namespace {

constexpr const char* kSlug = "donnees-environnementales";

// A site with an animateur, a co-porteur (of Métropole de Lyon, a collectivité), a member (of
// Atmo France, an association) and the environmental-data coalition.
struct Programme {
  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  accounts::User porteur = site.add_user("porteur@example.org", "Porteur", kPassword);
  accounts::User member = site.add_user("membre@example.org", "Membre", kPassword);

  Programme() {
    auto c = site.db().acquire();
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Communs, données et territoires");
    open(*c, "19", "Pour l'appropriation des données environnementales", kSlug);
    coalitions::set_member_role(*c, anim, kSlug, porteur.id, coalitions::RoleChange::co_porteur, site.now());
    organisations::create_organisation(*c, porteur, {"Métropole de Lyon", "collectivite", "", ""}, site.now());
    organisations::create_organisation(*c, member, {"Atmo France", "association", "", ""}, site.now());
  }

  void open(storage::Connection& c, const std::string& number, const std::string& title, const std::string& slug) {
    coalitions::CoalitionInput in;
    in.number = number;
    in.title = title;
    in.slug = slug;
    in.family = "communs-donnees-et-territoires";
    in.stage = "feuille-de-route";
    if (!coalitions::create_coalition(c, anim, in, site.now()).coalition)
      throw std::runtime_error("could not open a test coalition");
  }

  static std::string page(const std::string& rest = "") { return std::string("/coalitions/") + kSlug + rest; }

  using Fields = std::vector<std::pair<std::string, std::string>>;
  // `f` with the values of `extra` replacing or added to its own.
  static Fields with(Fields f, const Fields& extra) {
    for (auto& [k, v] : extra) {
      bool replaced = false;
      for (auto& [fk, fv] : f)
        if (fk == k) fv = v, replaced = true;
      if (!replaced) f.emplace_back(k, v);
    }
    return f;
  }
  static Fields action(const std::string& title, Fields extra = {}) {
    return with({{"title", title},
                 {"lever", "usages"},
                 {"scale", "local"},
                 {"status", "engagee"},
                 {"starts_on", "2021-06-22"},
                 {"due_on", "2021-12-15"},
                 {"progress", "20"}},
                extra);
  }
  HttpResponse add(Browser& b, const std::string& title, Fields extra = {}) {
    b.get(page("/feuille-de-route"));
    return b.post(page("/feuille-de-route"), action(title, std::move(extra)));
  }
  std::int64_t last_action() { return site.count("SELECT MAX(id) FROM actions"); }
  // An action saved twice (progress 20, then 50) by the co-porteur signed in on `b`: its page.
  std::string action_with_two_revisions(Browser& b, const std::string& title) {
    add(b, title);
    const std::string path = page("/feuille-de-route/" + std::to_string(last_action()));
    b.get(path);
    b.post(path, action(title, {{"base_revision", "1"}, {"progress", "50"}}));
    return path;
  }
};

bool has(const HttpResponse& r, const std::string& s) { return r.body.find(s) != std::string::npos; }

// Issue #19: the organisations were a Ctrl-click list of every one, the events six "Reset Day" with no
// date. A search of either picker draws the form again (200) with what matches, nothing saved.
TEST(Roadmaps, TheActionFormChoosesOrganisationsAndEventsWithPickersThatSearch) {
  Programme p;
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  for (const char* day : {"2030-01-15", "2030-02-19"}) {
    anim.get("/evenements/nouveau");
    ASSERT_EQ(anim.post("/evenements/nouveau", {{"kind", "reset-day"},
                                                {"title", "Reset Day"},
                                                {"slug", std::string("reset-") + day},
                                                {"starts", std::string(day) + "T14:00"},
                                                {"ends", std::string(day) + "T16:00"},
                                                {"coalitions", kSlug}})
                  .status,
              303);
  }
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  auto form = b.get(p.page("/feuille-de-route"));
  EXPECT_FALSE(has(form, R"(name="organisations" multiple)"));
  EXPECT_FALSE(has(form, R"(name="organisations" value="atmo-france")")) << "no box per organisation before a search";
  EXPECT_TRUE(has(form, R"(<input type="search" id="f-organisations_q" name="organisations_q")"));

  auto found =
      b.post(p.page("/feuille-de-route"),
             p.action("Capteurs citoyens", {{"organisations", "metropole-de-lyon"}, {"organisations_q", "atmo"}}));
  EXPECT_EQ(found.status, 200);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions"), 0);
  EXPECT_TRUE(has(found, R"(name="organisations" value="metropole-de-lyon" checked>)")) << "the chosen one stays";
  EXPECT_TRUE(has(found, R"(name="organisations" value="atmo-france">)")) << "the match, to tick";
  EXPECT_TRUE(has(found, R"(value="Capteurs citoyens")")) << "what was typed stays";

  // Each event is offered with its date: the two "Reset Day" are told apart.
  auto events = b.post(p.page("/feuille-de-route"), p.action("Capteurs citoyens", {{"events_q", "reset"}}));
  EXPECT_EQ(events.status, 200);
  EXPECT_TRUE(has(events, "Reset Day <span class=\"meta\">15 janvier 2030</span>")) << events.body;
  EXPECT_TRUE(has(events, "Reset Day <span class=\"meta\">19 février 2030</span>"));
  EXPECT_TRUE(has(b.post(p.page("/feuille-de-route"), p.action("Capteurs citoyens", {{"events_q", "février"}})),
                  R"(name="events" value="reset-2030-02-19">)"));

  auto saved =
      b.post(p.page("/feuille-de-route"),
             p.action("Capteurs citoyens", {{"organisations", "atmo-france"}, {"events", "reset-2030-02-19"}}));
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto page = b.get(saved.header("location"));
  EXPECT_TRUE(has(page, "Atmo France"));
  EXPECT_TRUE(has(page, "/evenements/reset-2030-02-19"));
}

// The proposal form's "born at the event" is the event picker too: a search gives the form again.
TEST(Roadmaps, TheProposalFormChoosesItsEventWithThePicker) {
  Programme p;
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get("/evenements/nouveau");
  ASSERT_EQ(anim.post("/evenements/nouveau", {{"kind", "reset-day"},
                                              {"title", "Reset Day"},
                                              {"slug", "reset-2030"},
                                              {"starts", "2030-01-15T14:00"},
                                              {"ends", "2030-01-15T16:00"}})
                .status,
            303);
  Browser b(p.site);
  b.sign_in("membre@example.org", kPassword);
  b.get("/propositions/nouvelle");
  const std::vector<std::pair<std::string, std::string>> typed = {{"title", "Capteurs"},
                                                                  {"intention", "Mesurer l'air."}};
  auto found = b.post("/propositions/nouvelle", Programme::with(typed, {{"event_q", "reset"}}));
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found, "Reset Day <span class=\"meta\">15 janvier 2030</span>"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_proposals"), 0);
  auto two = b.post("/propositions/nouvelle", Programme::with(typed, {{"event", "reset-2030"}}));
  ASSERT_EQ(two.status, 303) << two.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_proposals WHERE proposed_at_event_id IS NOT NULL"), 1);
}

TEST(Roadmaps, CoPorteurAddsAnActionThatAppearsOnBothRoadmapsAndAsJson) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  auto r = p.add(b, "Atelier territorial avec le CNES",
                 {{"qualities", "capacitant"}, {"organisations", "metropole-de-lyon"}, {"victory", "1"}});
  ASSERT_EQ(r.status, 303);
  auto id = std::to_string(p.last_action());
  EXPECT_EQ(r.header("location"), p.page("/feuille-de-route/" + id + "?enregistre=action"));
  EXPECT_TRUE(has(b.get(r.header("location")), "<p class=\"notice\" role=\"status\">L’action est enregistrée.</p>"));
  auto page = b.get(p.page("/feuille-de-route/" + id));
  EXPECT_TRUE(has(page, "Atelier territorial avec le CNES"));
  EXPECT_TRUE(has(page, "Capacitant"));
  EXPECT_TRUE(has(page, "Métropole de Lyon"));
  Browser visitor(p.site);
  EXPECT_TRUE(has(visitor.get(p.page("/feuille-de-route")), "Atelier territorial avec le CNES"));
  EXPECT_TRUE(has(visitor.get("/feuille-de-route"), "Atelier territorial avec le CNES"));
  auto json = visitor.get(p.page("/feuille-de-route.json"));
  EXPECT_EQ(json.header("content-type"), "application/json; charset=utf-8");
  EXPECT_TRUE(has(json, R"("lever":"usages")"));
  EXPECT_TRUE(has(json, R"("qualities":["capacitant"])"));
  EXPECT_TRUE(has(json, R"("victory":true)"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions"), 1);
}

TEST(Roadmaps, EditingAnActionMakesARevisionAndTheHistoryShowsWhatChanged) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.add(b, "Guide de bonnes pratiques");
  auto id = std::to_string(p.last_action());
  b.get(p.page("/feuille-de-route/" + id));
  auto r = b.post(
      p.page("/feuille-de-route/" + id),
      Programme::action(
          "Guide de bonnes pratiques",
          {{"base_revision", "1"}, {"status", "en-cours"}, {"progress", "60"}, {"comment", "Rédaction lancée"}}));
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(p.site.count("SELECT revision FROM actions"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions"), 2);
  auto page = b.get(p.page("/feuille-de-route/" + id));
  EXPECT_TRUE(has(page, "Rédaction lancée"));
  EXPECT_TRUE(has(page, "Engagée → En cours"));  // the labels the form shows, not the stored values
  EXPECT_TRUE(has(page, "20 → 60"));
  // Saving the same values again makes no revision.
  b.post(p.page("/feuille-de-route/" + id),
         Programme::action("Guide de bonnes pratiques",
                           {{"base_revision", "2"}, {"status", "en-cours"}, {"progress", "60"}}));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions"), 2);
}

TEST(Roadmaps, AStaleFormIsMergedFieldByFieldAndAFieldBothChangedIsSettledFirst) {
  Programme p;
  Browser first(p.site), second(p.site);
  first.sign_in("porteur@example.org", kPassword);
  second.sign_in("anim@example.org", kPassword);
  p.add(first, "Registre des réutilisations");
  auto id = std::to_string(p.last_action());
  const std::string path = p.page("/feuille-de-route/" + id);
  first.get(path);
  second.get(path);
  EXPECT_EQ(
      first.post(path, Programme::action("Registre des réutilisations", {{"base_revision", "1"}, {"progress", "40"}}))
          .status,
      303);
  // From revision 1, only the title: merged with revision 2, whose progress is kept.
  auto merged = second.post(path, Programme::action("Registre des réutilisations déclarées", {{"base_revision", "1"}}));
  ASSERT_EQ(merged.status, 303) << merged.body;
  EXPECT_EQ(merged.header("location"), path + "?fusion=2");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions WHERE title = 'Registre des réutilisations déclarées' AND "
                         "progress = 40"),
            1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions WHERE number = 3 AND merged_with = 2"), 1);
  auto page = second.get(merged.header("location"));
  EXPECT_TRUE(has(page, "Enregistré. La version 2 a été enregistrée"));
  EXPECT_TRUE(has(page, "Fusionnée avec la version 2"));

  // Both choose another lever from revision 3: shown by their labels, one to keep, nothing saved
  // until it is chosen; the progress only the first changed is merged.
  first.get(path);
  second.get(path);
  const std::string title = "Registre des réutilisations déclarées";
  ASSERT_EQ(first.post(path, Programme::action(title, {{"base_revision", "3"}, {"progress", "40"}, {"lever", "offre"}}))
                .status,
            303);
  auto refused =
      second.post(path, Programme::action(title, {{"base_revision", "3"}, {"progress", "60"}, {"lever", "commande"}}));
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(has(refused, R"(name="merge_choice_lever" value="theirs")"));
  EXPECT_FALSE(has(refused, R"(name="merge_choice_lever" value="by_hand")"));  // a choice, not a text
  EXPECT_TRUE(has(refused, "La commande"));                                    // by its label
  EXPECT_FALSE(has(refused, R"(name="merge_choice_progress")"));
  EXPECT_TRUE(has(refused, R"(name="base_revision" value="4")"));
  EXPECT_EQ(p.site.count("SELECT revision FROM actions WHERE id = " + id), 4);
  const Programme::Fields answered{{"base_revision", "4"},
                                   {"progress", "60"},
                                   {"merge_base", "3"},
                                   {"merge_field", "lever"},
                                   {"merge_mine_lever", "commande"}};
  auto unsettled = second.post(path, Programme::action(title, answered));
  EXPECT_EQ(unsettled.status, 422);
  EXPECT_TRUE(has(unsettled, R"(id="f-merge_choice_lever-error")"));
  EXPECT_EQ(p.site.count("SELECT revision FROM actions WHERE id = " + id), 4);
  auto settled =
      second.post(path, Programme::action(title, Programme::with(answered, {{"merge_choice_lever", "mine"}})));
  ASSERT_EQ(settled.status, 303) << settled.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions WHERE revision = 5 AND lever = 'commande' AND progress = 60"),
            1);
}

TEST(Roadmaps, ProgressIsTheMeanOfTheSubActionsWhenThereAreSome) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.add(b, "Cartographier les données", {{"progress", "5"}});
  auto parent = std::to_string(p.last_action());
  p.add(b, "Inventaire breton", {{"parent", parent}, {"progress", "50"}});
  p.add(b, "Inventaire lyonnais", {{"parent", parent}, {"status", "realisee"}, {"progress", "80"}});
  p.add(b, "Inventaire abandonné",
        {{"parent", parent}, {"status", "abandonnee"}, {"abandon_reason", "Pas de partenaire local."}});
  auto json = b.get(p.page("/feuille-de-route.json"));
  // (50 + 100) / 2: an achieved sub-action counts 100, an abandoned one does not count.
  EXPECT_TRUE(has(
      json,
      R"("title":"Cartographier les données","description":"","lever":"usages","scale":"local","status":"engagee","abandon_reason":null,"starts_on":"2021-06-22","due_on":"2021-12-15","progress":75,"progress_from_sub_actions":true)"));
  // A sub-action cannot have sub-actions of its own.
  auto child = std::to_string(p.last_action());
  auto r = p.add(b, "Trop profond", {{"parent", child}});
  EXPECT_EQ(r.status, 422);
}

TEST(Roadmaps, BadInputGetsAClearMessageA422AndWritesNothing) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  struct Case {
    Programme::Fields fields;
    std::string message;
  };
  std::vector<Case> cases = {
      {{{"progress", "150"}}, "L’avancement est un nombre entier de 0 à 100."},
      {{{"starts_on", "2021-12-01"}, {"due_on", "2021-06-01"}}, "L’échéance ne peut pas précéder le début."},
      {{{"lever", "marketing"}}, "Choisissez un levier dans la liste."},
      {{{"qualities", "rapide"}}, "Choisissez des qualités dans la liste."},
      {{{"status", "abandonnee"}}, "Dites pourquoi l’action est abandonnée."},
      {{{"title", ""}}, "Donnez un titre à l’action."},
      {{{"due_on", "2021-02-30"}}, "Saisissez l’échéance sous forme de date (année-mois-jour)."},
  };
  for (const auto& c : cases) {
    auto r = p.add(b, "Une action mal saisie", c.fields);
    EXPECT_EQ(r.status, 422) << c.message;
    EXPECT_TRUE(has(r, c.message)) << c.message;
    EXPECT_TRUE(has(r, R"(class="error-summary")")) << c.message;
  }
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions"), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions"), 0);
}

TEST(Roadmaps, OnlyCoPorteursAndAnimateursChangeActionsAndIndicators) {
  Programme p;
  Browser porteur(p.site), member(p.site), visitor(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  p.add(porteur, "Atelier");
  auto id = std::to_string(p.last_action());
  porteur.get(p.page("/impact"));
  porteur.post(p.page("/impact"), {{"name", "Participants"}, {"quality", "inclusif"}, {"impact", "social"}});
  auto indicator = std::to_string(p.site.count("SELECT MAX(id) FROM indicators"));

  member.sign_in("membre@example.org", kPassword);
  member.get(p.page("/feuille-de-route"));
  EXPECT_FALSE(has(member.get(p.page("/feuille-de-route")), "Ajouter l’action"));
  EXPECT_EQ(member.post(p.page("/feuille-de-route"), Programme::action("Intrusion")).status, 403);
  EXPECT_EQ(
      member.post(p.page("/feuille-de-route/" + id), Programme::action("Intrusion", {{"base_revision", "1"}})).status,
      403);
  EXPECT_EQ(member.post(p.page("/impact"), {{"name", "X"}, {"quality", "inclusif"}, {"impact", "social"}}).status, 403);
  EXPECT_EQ(
      member.post(p.page("/impact/mesures"), {{"indicator", indicator}, {"measured_on", "2021-06-22"}, {"value", "3"}})
          .status,
      403);
  // A visitor is shown no form, and a post without a form's token is refused.
  EXPECT_FALSE(has(visitor.get(p.page("/feuille-de-route")), "<form method=\"post\""));
  EXPECT_EQ(visitor.post(p.page("/feuille-de-route"), Programme::action("Intrusion")).status, 403);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicators"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurements"), 0);
  // The animateur may, without being a member.
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  EXPECT_EQ(p.add(anim, "Action de l'animation").status, 303);
}

// The programme's roadmap is exported a batch of coalitions at a time (about kExportBatch actions):
// every action once and in the order of the whole list (coalitions by number, each main action
// followed by its sub-actions), even for two coalitions whose numbers sort as one ("2" and "02") and
// whose actions were written in turn.
TEST(Roadmaps, TheProgrammeRoadmapExportsHoldEveryActionOnceInOrderAcrossBatches) {
  Programme p;
  constexpr int kActions = 2 * static_cast<int>(storage::kExportBatch) + 61;
  const std::vector<std::string> numbers = {"2", "02", "3", "10", "4", "11", "5"};
  std::vector<std::int64_t> all, ongoing;
  {
    auto c = p.site.db().acquire();
    std::vector<std::int64_t> ids;
    for (const auto& n : numbers) {
      p.open(*c, n, "Coalition " + n, "coalition-" + n);
      ids.push_back(coalitions::store::by_slug(*c, "coalition-" + n)->id);
    }
    storage::Transaction tx(*c, true);
    std::map<std::int64_t, std::int64_t> last_main;  // per coalition
    for (int i = 0; i < kActions; ++i) {
      roadmaps::Action a;
      a.coalition_id = ids[i % ids.size()];
      a.title = "Action " + std::to_string(i);
      a.lever = "usages";
      a.scale = "local";
      a.status = i % 3 ? "engagee" : "en-cours";
      a.created_at = a.updated_at = p.site.now();
      // One action in four a sub-action of its coalition's latest main action.
      if (i % 4 == 3 && last_main.count(a.coalition_id)) a.parent_id = last_main[a.coalition_id];
      const auto id = roadmaps::store::insert_action(*c, a);
      if (!a.parent_id) last_main[a.coalition_id] = id;
    }
    tx.commit();
    for (const auto& a : roadmaps::store::actions(*c, {})) all.push_back(a.id);
    roadmaps::store::ActionFilter f;
    f.status = "en-cours";
    for (const auto& a : roadmaps::store::actions(*c, f)) ongoing.push_back(a.id);
  }
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kActions));

  Browser v(p.site);
  auto ids_of_json = [&](const std::string& path) {
    const auto doc = boost::json::parse(v.get(path).body).as_object();
    std::vector<std::int64_t> ids;
    for (const auto& a : doc.at("actions").as_array()) ids.push_back(a.at("id").as_int64());
    EXPECT_EQ(doc.at("count").as_int64(), static_cast<std::int64_t>(ids.size())) << path;
    return ids;
  };
  EXPECT_EQ(ids_of_json("/feuille-de-route.json"), all);
  EXPECT_EQ(ids_of_json("/feuille-de-route.json?statut=en-cours"), ongoing);
  // The CSV's third column: no field before it holds a comma.
  const std::string csv = v.get("/feuille-de-route.csv").body;
  std::vector<std::int64_t> in_csv;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos && at + 2 < csv.size();
       at = csv.find("\r\n", at + 2)) {
    const auto first = csv.find(',', at + 2), second = csv.find(',', first + 1);
    in_csv.push_back(std::stoll(csv.substr(second + 1, csv.find(',', second + 1) - second - 1)));
  }
  EXPECT_EQ(in_csv, all);
}

TEST(Roadmaps, ProgrammeRoadmapFiltersAndExportsCsv) {
  Programme p;
  {
    auto c = p.site.db().acquire();
    p.open(*c, "6", "Pour des algorithmes et systèmes d'IA publics exemplaires", "algorithmes");
  }
  Browser b(p.site);
  b.sign_in("anim@example.org", kPassword);
  p.add(b, "Guide des données", {{"lever", "usages"}, {"qualities", "capacitant"}, {"organisations", "atmo-france"}});
  b.get("/coalitions/algorithmes/feuille-de-route");
  b.post("/coalitions/algorithmes/feuille-de-route",
         Programme::action("Identifier quatre cas d'usage",
                           {{"lever", "commande"}, {"status", "en-cours"}, {"qualities", "democratique"}}));
  Browser v(p.site);
  auto all = v.get("/feuille-de-route");
  EXPECT_TRUE(has(all, "Guide des données"));
  EXPECT_TRUE(has(all, "Identifier quatre cas d&#39;usage"));
  auto only = [&](const std::string& q, const std::string& yes, const std::string& no) {
    auto r = v.get("/feuille-de-route?" + q);
    EXPECT_TRUE(has(r, yes)) << q;
    EXPECT_FALSE(has(r, no)) << q;
  };
  only("levier=commande", "Identifier quatre", "Guide des données");
  only("statut=engagee", "Guide des données", "Identifier quatre");
  only("qualite=democratique", "Identifier quatre", "Guide des données");
  only("coalition=algorithmes", "Identifier quatre", "Guide des données");
  expect_coalition_filter(v, {"/feuille-de-route", "algorithmes", "6", "algorithmes systemes", "Identifier quatre"});
  only("coalition=19", "Guide des données", "Identifier quatre");
  only("organisation=atmo-france", "Guide des données", "Identifier quatre");
  auto csv = v.get("/feuille-de-route.csv?levier=usages");
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF"
                           "coalition,coalition_title,id,parent,title,lever",
                           0),
            0u);
  EXPECT_TRUE(has(csv, "Guide des données"));
  EXPECT_FALSE(has(csv, "Identifier quatre"));
  EXPECT_TRUE(has(v.get("/feuille-de-route.json?statut=en-cours"), R"("count":1)"));

  // Every filter is a control: the coalition a search field, the carrying organisations the picker.
  // Its search draws the list again with the organisations matching to tick, the chosen ones kept.
  auto searched = v.get("/feuille-de-route?organisation=atmo-france&organisation_q=lyon");
  EXPECT_EQ(searched.status, 200);
  EXPECT_TRUE(has(searched, R"(<input type="search" id="f-coalition" name="coalition" value="")"));
  EXPECT_FALSE(has(searched, R"(<option value="algorithmes")")) << "no select of every coalition";
  EXPECT_TRUE(has(searched, R"(name="organisation" value="atmo-france" checked>)"));
  EXPECT_TRUE(has(searched, R"(name="organisation" value="metropole-de-lyon">)")) << "offered, not ticked";
  EXPECT_TRUE(has(searched, "Guide des données"));
  EXPECT_FALSE(has(searched, "Identifier quatre"));
  // Two organisations: the actions either carries; the downloads keep both.
  auto both = v.get("/feuille-de-route?organisation=atmo-france&organisation=metropole-de-lyon");
  EXPECT_TRUE(has(both, "organisation=atmo-france&amp;organisation=metropole-de-lyon"));
  EXPECT_TRUE(has(both, "Guide des données"));
  // Unticked (the box not sent): no filter.
  EXPECT_TRUE(has(v.get("/feuille-de-route?organisation_q="), "Identifier quatre"));
}

TEST(Impact, IndicatorWithMeasurementsIsDrawnAsAnAccessibleChartWithItsTableAndCsv) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  b.get(p.page("/impact"));
  ASSERT_EQ(b.post(p.page("/impact"), {{"name", "Jeux de données réutilisés"},
                                       {"unit", "jeux"},
                                       {"quality", "capacitant"},
                                       {"impact", "environnemental"},
                                       {"baseline", "2"},
                                       {"target", "12,5"}})
                .status,
            303);
  auto id = std::to_string(p.site.count("SELECT MAX(id) FROM indicators"));
  // The empty chart says so.
  EXPECT_TRUE(has(b.get(p.page("/impact")), "Aucune mesure pour l’instant."));
  for (auto [day, value] : {std::pair{"2021-07-01", "3"}, {"2021-09-01", "5,5"}, {"2021-11-01", "8"}}) {
    b.get(p.page("/impact"));
    EXPECT_EQ(b.post(p.page("/impact/mesures"),
                     {{"indicator", id}, {"measured_on", day}, {"value", value}, {"source", "Enquête de la coalition"}})
                  .status,
              303);
  }
  Browser v(p.site);
  auto page = v.get(p.page("/impact"));
  EXPECT_TRUE(has(page, R"(role="img")"));
  EXPECT_TRUE(has(page, "<title id=\"indicateur-" + id + "-graphique-title\">Jeux de données réutilisés</title>"));
  EXPECT_TRUE(has(page, "<polyline"));
  EXPECT_TRUE(has(page, ">Cible 12,5</text>"));
  EXPECT_TRUE(has(page, "<td>5,5</td>"));
  EXPECT_TRUE(has(page, "Enquête de la coalition"));
  auto csv = v.get(p.page("/impact/" + id + "/mesures.csv"));
  EXPECT_TRUE(has(csv, "2021-09-01,5.5,Enquête de la coalition"));
  EXPECT_TRUE(has(v.get(p.page("/impact.json")), R"("target":1.25E1)") ||
              has(v.get(p.page("/impact.json")), R"("target":12.5)"));
}

TEST(Impact, AMeasurementWithoutDateOrValueIsRefusedAndNothingIsWritten) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  b.get(p.page("/impact"));
  b.post(p.page("/impact"), {{"name", "Participants"}, {"quality", "inclusif"}, {"impact", "social"}});
  auto id = std::to_string(p.site.count("SELECT MAX(id) FROM indicators"));
  b.get(p.page("/impact"));
  auto no_date = b.post(p.page("/impact/mesures"), {{"indicator", id}, {"value", "12"}});
  EXPECT_EQ(no_date.status, 422);
  EXPECT_TRUE(has(no_date, "Indiquez la date de la mesure."));
  EXPECT_TRUE(has(no_date, R"(value="12")"));  // the input is kept
  auto no_value = b.post(p.page("/impact/mesures"), {{"indicator", id}, {"measured_on", "2021-06-22"}});
  EXPECT_EQ(no_value.status, 422);
  EXPECT_TRUE(has(no_value, "Indiquez la valeur mesurée."));
  auto words =
      b.post(p.page("/impact/mesures"), {{"indicator", id}, {"measured_on", "2021-06-22"}, {"value", "beaucoup"}});
  EXPECT_EQ(words.status, 422);
  auto bad_quality = b.post(p.page("/impact"), {{"name", "X"}, {"quality", "rapide"}, {"impact", "social"}});
  EXPECT_EQ(bad_quality.status, 422);
  EXPECT_TRUE(has(bad_quality, "Choisissez une qualité dans la liste."));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurements"), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicators"), 1);
}

// 1e308 used to be accepted and the chart drawn with y="-inf": a value is a plain decimal, within ±10^12.
TEST(Impact, AbsurdMeasurementsAreRefusedNextToTheFieldWithTheInputKept) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  b.get(p.page("/impact"));
  b.post(p.page("/impact"), {{"name", "Participants"}, {"quality", "inclusif"}, {"impact", "social"}});
  auto id = std::to_string(p.site.count("SELECT MAX(id) FROM indicators"));
  EXPECT_EQ(
      b.post(p.page("/impact/mesures"), {{"indicator", id}, {"measured_on", "2021-06-22"}, {"value", "12"}}).status,
      303);
  for (std::string value : {"1e308", "-1e308", "1 000 000 000 001", "12 OR 1=1", "inf", "0x10"}) {
    SCOPED_TRACE(value);
    auto refused =
        b.post(p.page("/impact/mesures"), {{"indicator", id}, {"measured_on", "2021-07-22"}, {"value", value}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(has(refused, "La valeur doit être un nombre compris entre -1 000 000 000 000 et 1 000 000 000 000."));
    EXPECT_TRUE(has(refused, "value=\"" + value + "\""));  // the input is kept
  }
  EXPECT_EQ(
      b.post(p.page("/impact"), {{"name", "X"}, {"quality", "inclusif"}, {"impact", "social"}, {"target", "1e308"}})
          .status,
      422);
  // An indicator chosen as "2 OR 1=1" is not indicator 2.
  EXPECT_EQ(
      b.post(p.page("/impact/mesures"), {{"indicator", id + " OR 1=1"}, {"measured_on", "2021-07-22"}, {"value", "3"}})
          .status,
      400);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurements"), 1);
  const auto impact = b.get(p.page("/impact"));
  EXPECT_FALSE(has(impact, "\"-inf\"") || has(impact, "\"inf\"") || has(impact, "nan\""));
}

// base_revision=1 OR 1=1 used to be read as 1: the edit went through as if made from revision 1.
TEST(Roadmaps, ARevisionNumberWithTextAfterItIsNotReadAsTheNumber) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.add(b, "Registre des réutilisations");
  const std::string path = p.page("/feuille-de-route/" + std::to_string(p.last_action()));
  b.get(path);
  auto refused = b.post(path, Programme::action("Registre modifié", {{"base_revision", "1 OR 1=1"}}));
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions WHERE title = 'Registre modifié'"), 0);
}

TEST(Matrix, CoalitionPageShowsKindsOnLeversTheKindsToInvolveAndTheDiversity) {
  Programme p;
  Browser member(p.site), porteur(p.site);
  member.sign_in("membre@example.org", kPassword);
  member.get(p.page());
  member.post(p.page("/interet"), {{"organisation", "atmo-france"}, {"offre", "1"}});
  porteur.sign_in("porteur@example.org", kPassword);
  porteur.get(p.page());
  porteur.post(p.page("/interet"), {{"organisation", "metropole-de-lyon"}, {"commande", "1"}});
  Browser v(p.site);
  auto page = v.get(p.page());
  EXPECT_TRUE(has(page, "Acteurs et leviers"));
  EXPECT_TRUE(has(page, "Collectivité / territoire"));
  EXPECT_TRUE(has(page, "Atmo France"));
  // Kinds absent are listed to involve; "usages" has no actor.
  EXPECT_TRUE(has(page, "Entreprise, PME / ETI"));
  EXPECT_TRUE(has(page, "<dt>Leviers sans acteur</dt><dd>Usages</dd>"));
  // Two organisations of two kinds: 1 − (½² + ½²) = 0,5.
  EXPECT_TRUE(has(page, "<dt>Indice de diversité</dt><dd>0,5</dd>"));
  EXPECT_TRUE(has(page, "tirées au hasard"));
}

// Wraps a connection and counts the statements sent through it.
class CountingConnection : public storage::Connection {
 public:
  explicit CountingConnection(storage::Connection& c) : c_(c) {}
  std::vector<storage::Row> query(std::string_view sql, const storage::Params& p) override {
    ++statements;
    return c_.query(sql, p);
  }
  std::int64_t execute(std::string_view sql, const storage::Params& p) override {
    ++statements;
    return c_.execute(sql, p);
  }
  void execute_script(std::string_view sql) override {
    ++statements;
    c_.execute_script(sql);
  }
  void begin(bool write) override { c_.begin(write); }
  void commit() override { c_.commit(); }
  void rollback() override { c_.rollback(); }
  storage::Engine engine() const override { return c_.engine(); }
  int statements = 0;

 private:
  storage::Connection& c_;
};

TEST(Dashboard, IsPublicWithItsChartsTablesAndCsv) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.add(b, "Premier guide", {{"status", "realisee"}, {"victory", "1"}});
  Browser v(p.site);
  auto page = v.get("/tableau-de-bord");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Coalitions par étape"));
  EXPECT_TRUE(has(page, R"(role="img")"));
  EXPECT_TRUE(has(page, "1 victoire remportée."));
  EXPECT_TRUE(has(page, "Premier guide"));
  EXPECT_TRUE(has(page, "Pour l&#39;appropriation des données environnementales"));
  auto stages = v.get("/tableau-de-bord/etapes.csv");
  EXPECT_TRUE(has(stages, "feuille-de-route,1"));
  EXPECT_TRUE(has(v.get("/tableau-de-bord/actions.csv"), "realisee,0,0,1"));
  EXPECT_TRUE(has(v.get("/tableau-de-bord/coalitions.csv"), "days_since_last_activity"));
  EXPECT_EQ(v.get("/tableau-de-bord/inconnu.csv").status, 404);
  EXPECT_TRUE(has(v.get("/tableau-de-bord.json"), R"("victories_achieved":1)"));
}

TEST(Dashboard, PagesThePaceTableTenCoalitionsAtATimeAndItsCsvHasThemAll) {
  Programme p;
  {
    auto c = p.site.db().acquire();
    for (int i = 0; i < 11; ++i)
      p.open(*c, std::to_string(100 + i), "Coalition d'essai " + std::to_string(i), "essai-" + std::to_string(i));
  }
  Browser v(p.site);
  const auto first = v.get("/tableau-de-bord");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(has(first, "Page 1 sur 2"));
  EXPECT_TRUE(has(first, R"(href="/tableau-de-bord?page=2#rythme")"));
  const auto second = v.get("/tableau-de-bord?page=2");
  EXPECT_TRUE(has(second, "Page 2 sur 2"));
  // Twelve coalitions: ten on the first page, two on the second, none on both.
  int shown = 0;
  for (const auto& slug : std::vector<std::string>{kSlug, "essai-0", "essai-1", "essai-2", "essai-3", "essai-4",
                                                   "essai-5", "essai-6", "essai-7", "essai-8", "essai-9", "essai-10"}) {
    const std::string link = "href=\"/coalitions/" + slug + "\"";
    EXPECT_NE(has(first, link), has(second, link)) << slug;
    shown += has(first, link) ? 1 : 0;
  }
  EXPECT_EQ(shown, 10);
  const auto csv = v.get("/tableau-de-bord/coalitions.csv");
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 1 + 12);
  EXPECT_TRUE(has(first, R"(href="/tableau-de-bord/coalitions.csv")"));
}

// A page of the dashboard keeps its coalitions' kinds of actor between changes (a memo named by the
// page's coalitions, storage::settings::memo), and a declaration on one of them shows at once, though
// the page's coalitions are the same; so does the document of every coalition (a memo of its own).
TEST(Dashboard, APagesDiversityFollowsEachDeclarationOnItsCoalitions) {
  Programme p;
  auto other = p.site.add_user("autre@example.org", "Autre", kPassword);
  {
    auto c = p.site.db().acquire();
    organisations::create_organisation(*c, other, {"Berger-Levrault", "entreprise", "", ""}, p.site.now());
    for (int i = 0; i < 11; ++i)
      p.open(*c, std::to_string(100 + i), "Coalition d'essai " + std::to_string(i), "essai-" + std::to_string(i));
  }
  Browser v(p.site);
  auto row = [&] {
    const std::string page = v.get("/tableau-de-bord").body;
    const auto at = page.find("href=\"/coalitions/" + std::string(kSlug) + "\"");
    EXPECT_NE(at, std::string::npos) << "on the first page";
    return at == std::string::npos ? std::string() : page.substr(at, page.find("</tr>", at) - at);
  };
  auto in_document = [&] {
    const auto document = boost::json::parse(v.get("/tableau-de-bord.json").body);
    for (const auto& k : document.at("coalitions").as_array())
      if (k.at("slug") == kSlug)
        return std::pair{k.at("kinds").as_int64(), k.at("diversity_gini_simpson").to_number<double>()};
    ADD_FAILURE() << "not in the document";
    return std::pair<std::int64_t, double>{};
  };
  // Its co-porteur's organisation: one kind.
  EXPECT_NE(row().find("<td>1</td><td>0</td>"), std::string::npos) << row();
  EXPECT_EQ(in_document(), (std::pair<std::int64_t, double>{1, 0.0}));
  Browser declaring(p.site);
  declaring.sign_in("autre@example.org", kPassword);
  declaring.get(p.page());
  ASSERT_EQ(declaring.post(p.page("/interet"), {{"organisation", "berger-levrault"}, {"offre", "1"}}).status, 303);
  // Two organisations of two kinds: 1 − (½² + ½²).
  EXPECT_NE(row().find("<td>2</td><td>0,5</td>"), std::string::npos) << row();
  EXPECT_EQ(in_document(), (std::pair<std::int64_t, double>{2, 0.5}));
}

// The dashboard's first page shows the coalitions longest without activity. What people do in a
// coalition further down only moves it further down (an activity never goes back), so the page is
// kept; what they do in one it shows, or in one before it, renders it again
// (roadmaps::store::quietest_coalitions names the rows read and those before them). Titles changed behind the site's
// back tell a page rendered again from one kept.
TEST(Dashboard, ActivityFurtherDownKeepsThePageAndActivityInItRendersItAgain) {
  Programme p;
  {
    auto c = p.site.db().acquire();
    for (int i = 0; i < 21; ++i)
      p.open(*c, std::to_string(100 + i), "Coalition d'essai " + std::to_string(i), "essai-" + std::to_string(i));
  }
  p.site.advance(std::chrono::hours(1));
  auto shown = [](const HttpResponse& r, int i) {
    return has(r, "href=\"/coalitions/essai-" + std::to_string(i) + "\"");
  };
  auto save = [&](Browser& b, int i) {
    const std::string page = "/coalitions/essai-" + std::to_string(i) + "/modifier";
    b.get(page);
    return b.post(page, {{"base_revision", "0"}, {"intention", "Une intention."}}).status;
  };
  Browser visitor(p.site), anim(p.site), member(p.site);
  anim.sign_in("anim@example.org", kPassword);
  member.sign_in("membre@example.org", kPassword);
  // Ten a page, the longest without activity first: the test's coalition, then essai-0 to 8, 9 to 18, 19 and 20.
  auto page = visitor.get("/tableau-de-bord");
  ASSERT_TRUE(shown(page, 8));
  ASSERT_FALSE(shown(page, 9));
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE coalitions SET title = 'Titre changé ' || number");
  }
  member.get("/coalitions/essai-20");
  ASSERT_EQ(member.post("/coalitions/essai-20/interet", {{"usages", "1"}, {"message", "Volontaires."}}).status, 303);
  EXPECT_FALSE(has(visitor.get("/tableau-de-bord"), "Titre changé")) << "rendered again after activity further down";

  ASSERT_EQ(save(anim, 8), 303);
  page = visitor.get("/tableau-de-bord");
  EXPECT_TRUE(has(page, "Titre changé")) << "kept after activity in a coalition it shows";
  EXPECT_FALSE(shown(page, 8));
  EXPECT_TRUE(shown(page, 9));

  // The third page (essai-8 and 20, active last) though none of its coalitions changed: one of the
  // second comes after them, and essai-8 goes up (ties by number).
  page = visitor.get("/tableau-de-bord?page=3");
  ASSERT_TRUE(shown(page, 8));
  ASSERT_EQ(save(anim, 12), 303);
  page = visitor.get("/tableau-de-bord?page=3");
  EXPECT_FALSE(shown(page, 8)) << "kept after a coalition before it moved";
  EXPECT_TRUE(shown(page, 12));
}

TEST(Dashboard, ItsQueryCountDoesNotGrowWithTheNumberOfCoalitions) {
  Programme p;
  auto statements = [&] {
    auto lease = p.site.db().acquire();
    CountingConnection counting(*lease);
    // What the dashboard page reads: the figures, then the heterogeneity of its first page.
    auto d = roadmaps::load_dashboard(counting, p.site.now());
    roadmaps::fill_heterogeneity(counting, d, 0, 10);
    return std::pair{counting.statements, d.coalitions.size()};
  };
  // Each new coalition has a co-porteur with an organisation, a declaration, an action and stage changes.
  auto grow = [&](int from, int to) {
    auto c = p.site.db().acquire();
    for (int i = from; i < to; ++i) {
      std::string slug = "coalition-" + std::to_string(i);
      p.open(*c, std::to_string(100 + i), "Coalition d'essai " + std::to_string(i), slug);
      coalitions::set_member_role(*c, p.anim, slug, p.porteur.id, coalitions::RoleChange::co_porteur, p.site.now());
      coalitions::declare_interest(*c, p.member, slug, {"atmo-france", true, false, true, "Des mesures."},
                                   p.site.now());
      roadmaps::ActionInput a;
      a.title = "Action " + std::to_string(i);
      a.lever = "offre";
      a.scale = "national";
      a.status = "en-cours";
      a.organisations = {"metropole-de-lyon"};
      if (!roadmaps::create_action(*c, p.anim, slug, a, p.site.now()).errors.empty())
        throw std::runtime_error("test action refused");
    }
  };
  grow(0, 2);
  auto [few, n_few] = statements();
  grow(2, 40);
  auto [many, n_many] = statements();
  EXPECT_EQ(n_few, 3u);
  EXPECT_EQ(n_many, 41u);
  EXPECT_EQ(few, many);
  EXPECT_LE(many, 8);
}

TEST(DemoRoadmaps, FollowTheSourceWithMeasurementsOverSeveralMonths) {
  Site site;
  {
    auto c = site.db().acquire();
    demo::load(*c);
  }
  // The environmental-data coalition: its workshops done, its good-practice guides under way with
  // their sub-actions, its reuse register; the algorithms coalition: its 3–4 use cases.
  EXPECT_EQ(
      site.count("SELECT COUNT(*) FROM actions a JOIN coalitions k ON k.id = a.coalition_id "
                 "WHERE k.slug = 'donnees-environnementales' AND a.title LIKE 'Atelier%' AND a.status = 'realisee'"),
      2);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM actions a JOIN actions p ON p.id = a.parent_id "
                       "WHERE p.title LIKE 'Guides de bonnes pratiques%'"),
            3);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM actions a JOIN actions p ON p.id = a.parent_id "
                       "WHERE p.title LIKE 'Identifier et documenter trois ou quatre cas%'"),
            4);
  EXPECT_EQ(site.count("SELECT COUNT(DISTINCT lever) FROM actions"), 3);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM actions WHERE status = 'abandonnee' AND abandon_reason = ''"), 0);
  EXPECT_GE(site.count("SELECT COUNT(*) FROM action_revisions"), site.count("SELECT COUNT(*) FROM actions") + 5);
  // Every indicator measured at least three times, over at least three months.
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM indicators i WHERE (SELECT COUNT(*) FROM measurements m "
                       "WHERE m.indicator_id = i.id) < 3 OR (SELECT MAX(measured_on) - MIN(measured_on) "
                       "FROM measurements m WHERE m.indicator_id = i.id) < 60 * 86400"),
            0);
  Browser v(site);
  auto impact = v.get("/coalitions/donnees-environnementales/impact");
  EXPECT_EQ(impact.status, 200);
  EXPECT_TRUE(has(impact, "<polyline"));
  auto page = v.get("/coalitions/donnees-environnementales");
  EXPECT_TRUE(has(page, "Acteurs et leviers"));
  EXPECT_TRUE(has(v.get("/tableau-de-bord"), "victoires remportées"));
}

TEST(Roadmaps, AnActionIsFoundByAWordOfItsTitleAndTheCoalitionsActionsAreUnderTheActionFacet) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  ASSERT_EQ(p.add(b, "Cartographie des capteurs citoyens").status, 303);
  const std::string first = p.page("/feuille-de-route/" + std::to_string(p.last_action()));
  ASSERT_EQ(p.add(b, "Atelier capteurs avec Atmo France").status, 303);
  const std::string second = p.page("/feuille-de-route/" + std::to_string(p.last_action()));
  Browser visitor(p.site);
  auto found = visitor.get("/recherche?q=cartographie").body;
  EXPECT_NE(found.find(first), std::string::npos);
  EXPECT_EQ(found.find(second), std::string::npos);
  auto facet = visitor.get("/recherche?q=capteurs").body;
  EXPECT_NE(facet.find("/recherche?q=capteurs&amp;type=action"), std::string::npos);
  EXPECT_NE(facet.find("Actions (2)"), std::string::npos);
  auto only = visitor.get("/recherche?q=capteurs&type=action").body;
  EXPECT_NE(only.find(first), std::string::npos);
  EXPECT_NE(only.find(second), std::string::npos);
}

TEST(Roadmaps, RenamingAnActionReplacesItsSearchEntry) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.add(b, "Guide de bonnes pratiques");
  auto id = std::to_string(p.last_action());
  b.get(p.page("/feuille-de-route/" + id));
  ASSERT_EQ(
      b.post(p.page("/feuille-de-route/" + id), Programme::action("Vademecum des achats", {{"base_revision", "1"}}))
          .status,
      303);
  Browser visitor(p.site);
  EXPECT_NE(visitor.get("/recherche?q=vademecum").body.find(p.page("/feuille-de-route/" + id)), std::string::npos);
  EXPECT_EQ(visitor.get("/recherche?q=guide%20pratiques").body.find(p.page("/feuille-de-route/" + id)),
            std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM search_documents WHERE type = 'action'"), 1);
}

TEST(Roadmaps, ReindexingFindsActionsWrittenBeforeTheIndexExisted) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.add(b, "Cartographie des capteurs citoyens");
  const std::string url = p.page("/feuille-de-route/" + std::to_string(p.last_action()));
  {
    auto c = p.site.db().acquire();
    c->execute("DELETE FROM search_fts");
    c->execute("DELETE FROM search_documents");
  }
  // A direct write skips the page cache, until it is recorded.
  EXPECT_EQ(b.get("/recherche?q=cartographie").body.find(url), std::string::npos);
  {
    auto c = p.site.db().acquire();
    // The action and the coalition's booklet; organisations too.
    EXPECT_GE(search::reindex(*c, p.site.now()), 2);
    storage::record_changes(*c);  // as `fabrique search reindex` does
  }
  EXPECT_NE(b.get("/recherche?q=cartographie").body.find(url), std::string::npos);
  EXPECT_NE(b.get("/recherche?q=environnementales").body.find(p.page()), std::string::npos);
  EXPECT_NE(b.get("/recherche?q=atmo").body.find("/organisations/atmo-france"), std::string::npos);
}

TEST(Roadmaps, RestoringAnOldRevisionMakesANewRevisionWithItsValuesAndTheHistorySaysSo) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  p.add(b, "Guide de bonnes pratiques", {{"description", "Un guide pour les collectivités du territoire."}});
  auto id = std::to_string(p.last_action());
  const std::string action = p.page("/feuille-de-route/" + id);
  b.get(action);
  ASSERT_EQ(b.post(action, Programme::action(
                               "Guide de bonnes pratiques",
                               {{"base_revision", "1"},
                                {"status", "en-cours"},
                                {"progress", "60"},
                                {"description", "Un guide pratique pour les collectivités et les associations."}}))
                .status,
            303);
  auto history = b.get(action + "/historique");
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(has(history, "action=\"" + action + "/historique/1/restaurer\"")) << history.body;
  // Values read as the form says them, not as they are stored.
  EXPECT_TRUE(has(history, "<li>Statut : Engagée → En cours</li>")) << history.body;
  EXPECT_TRUE(has(history, "<li>Victoire : non</li>"));
  EXPECT_TRUE(has(history, "<li>Échelle : Locale</li>"));
  EXPECT_FALSE(has(history, "engagee"));
  EXPECT_FALSE(has(history, "false"));
  EXPECT_FALSE(has(history, "/historique/2/restaurer"));  // the current revision has nothing to restore

  // The word diff between the two revisions marks the words added and removed.
  auto compared = b.get(action + "/historique?de=1&a=2");
  EXPECT_TRUE(has(compared, "Révision 1 comparée à la révision 2"));
  EXPECT_TRUE(has(compared, "<ins>")) << compared.body;
  EXPECT_TRUE(has(compared, "<del>"));
  EXPECT_TRUE(has(compared, "associations"));

  auto r = b.post(action + "/historique/1/restaurer", {});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location"), action + "/historique?enregistre=restauration");
  EXPECT_TRUE(has(b.get(r.header("location")), "La révision est restaurée"));
  EXPECT_EQ(p.site.count("SELECT revision FROM actions WHERE id = " + id), 3);
  EXPECT_EQ(p.site.count("SELECT progress FROM actions WHERE id = " + id), 20);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions WHERE status = 'engagee' AND description = "
                         "'Un guide pour les collectivités du territoire.'"),
            1);
  EXPECT_EQ(p.site.count("SELECT restored_from FROM action_revisions WHERE number = 3"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions"), 3);  // history is never rewritten
  EXPECT_TRUE(has(b.get(action + "/historique"), "Reprend la révision 1"));
  // Restoring the values the action already has makes no revision.
  b.get(action + "/historique");
  EXPECT_EQ(b.post(action + "/historique/1/restaurer", {}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions"), 3);
  EXPECT_EQ(b.post(action + "/historique/3/restaurer", {}).status, 404);  // the current one
  EXPECT_EQ(b.post(action + "/historique/9/restaurer", {}).status, 404);
}

TEST(Roadmaps, OnlyCoPorteursAndAnimateursRestoreARevisionAndOthersSeeTheHistoryWithoutTheButton) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  const std::string action = p.action_with_two_revisions(b, "Registre des réutilisations");
  auto id = std::to_string(p.last_action());
  Browser member(p.site);
  member.sign_in("membre@example.org", kPassword);
  auto seen = member.get(action + "/historique");
  EXPECT_EQ(seen.status, 200);
  EXPECT_FALSE(has(seen, "/restaurer"));
  EXPECT_EQ(member.post(action + "/historique/1/restaurer", {}).status, 403);
  Browser visitor(p.site);
  EXPECT_FALSE(has(visitor.get(action + "/historique"), "/restaurer"));
  EXPECT_EQ(p.site.count("SELECT revision FROM actions WHERE id = " + id), 2);
  EXPECT_EQ(p.site.count("SELECT progress FROM actions WHERE id = " + id), 50);
}

TEST(Roadmaps, ARevisionWhoseEventIsGoneIsNotRestoredAndTheHistorySaysWhy) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  const std::string action = p.action_with_two_revisions(b, "Atelier territorial");
  auto id = std::to_string(p.last_action());
  {
    // Revision 1 as if it had linked an event that has been deleted since.
    auto c = p.site.db().acquire();
    c->execute(
        "UPDATE action_revisions SET snapshot = REPLACE(snapshot, '\"events\":[]', "
        "'\"events\":[\"atelier-disparu\"]') WHERE number = 1");
  }
  b.get(action + "/historique");
  auto refused = b.post(action + "/historique/1/restaurer", {});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "Cette révision ne peut pas être restaurée telle quelle")) << refused.body;
  EXPECT_EQ(p.site.count("SELECT revision FROM actions WHERE id = " + id), 2);
}

// Indicators are edited like actions, and measurements corrected or removed, never silently.
struct WithIndicator : Programme {
  Browser porteur{site};
  std::string id, page_path;
  WithIndicator() {
    porteur.sign_in("porteur@example.org", kPassword);
    porteur.get(page("/impact"));
    auto r = porteur.post(page("/impact"), {{"name", "Participants aux ateliers"},
                                            {"unit", "personnes"},
                                            {"quality", "capacitant"},
                                            {"impact", "social"},
                                            {"target", "150"}});
    if (r.status != 303) throw std::runtime_error("could not define the indicator: " + r.body);
    id = std::to_string(site.count("SELECT MAX(id) FROM indicators"));
    page_path = page("/impact/" + id);
    for (auto [day, value] : {std::pair{"2021-04-14", "22"}, {"2021-06-22", "71"}}) {
      porteur.get(page("/impact"));
      porteur.post(page("/impact/mesures"),
                   {{"indicator", id}, {"measured_on", day}, {"value", value}, {"source", "Feuille de présence"}});
    }
  }
  static Fields edit(Fields extra = {}) {
    return with({{"name", "Participants aux ateliers"},
                 {"unit", "personnes"},
                 {"quality", "capacitant"},
                 {"impact", "social"},
                 {"target", "150"},
                 {"base_revision", "1"}},
                extra);
  }
};

TEST(Indicators, ACoPorteurEditsAnIndicatorAsANewRevisionAndItsHistoryShowsWhatChanged) {
  WithIndicator p;
  auto page = p.porteur.get(p.page_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Révision 1"));
  EXPECT_TRUE(has(page, R"(name="base_revision" value="1")"));
  auto r = p.porteur.post(p.page_path, WithIndicator::edit({{"name", "Participants aux ateliers de la coalition"},
                                                            {"impact", "gouvernance"},
                                                            {"target", "200,5"},
                                                            {"baseline", "10"},
                                                            {"comment", "Cible revue en comité"}}));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location"), p.page_path + "?enregistre=indicateur");
  EXPECT_TRUE(has(p.porteur.get(r.header("location")), "L’indicateur est enregistré."));
  EXPECT_EQ(p.site.count("SELECT revision FROM indicators WHERE id = " + p.id), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicator_revisions WHERE indicator_id = " + p.id), 2);
  page = p.porteur.get(p.page_path);
  EXPECT_TRUE(has(page, "<h1>Participants aux ateliers de la coalition</h1>"));
  EXPECT_TRUE(has(page, "Révision 2"));
  EXPECT_TRUE(has(page, "Cible revue en comité"));
  EXPECT_TRUE(has(page, "150 → 200,5")) << page.body;
  EXPECT_TRUE(has(page, "Type d’impact : Social → Gouvernance et régulation")) << page.body;  // labels, not slugs
  EXPECT_TRUE(has(page, "— → 10"));
  // The measurements and the impact page follow the new values; saving the same values makes nothing.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurements"), 2);
  EXPECT_TRUE(has(p.porteur.get(p.page("/impact")), "Participants aux ateliers de la coalition"));
  EXPECT_EQ(p.porteur
                .post(p.page_path, WithIndicator::edit({{"name", "Participants aux ateliers de la coalition"},
                                                        {"impact", "gouvernance"},
                                                        {"target", "200.5"},
                                                        {"baseline", "10"},
                                                        {"base_revision", "2"}}))
                .status,
            303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicator_revisions"), 2);
}

TEST(Indicators, AnIndicatorDefinedBeforeRevisionsWereKeptGetsItsOldValuesAsRevision1OnItsFirstEdit) {
  WithIndicator p;
  {
    auto c = p.site.db().acquire();
    c->execute("DELETE FROM indicator_revisions");
  }
  ASSERT_EQ(p.porteur.post(p.page_path, WithIndicator::edit({{"unit", "participants"}})).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicator_revisions"), 2);
  auto page = p.porteur.get(p.page_path);
  EXPECT_TRUE(has(page, "personnes → participants")) << page.body;
}

TEST(Indicators, AStaleFormIsMergedFieldByFieldAndAFieldBothChangedIsSettledFirst) {
  WithIndicator p;
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get(p.page_path);
  p.porteur.get(p.page_path);
  ASSERT_EQ(p.porteur.post(p.page_path, WithIndicator::edit({{"target", "180"}})).status, 303);
  // From revision 1, only the name: merged with revision 2, whose target is kept.
  auto merged = anim.post(p.page_path, WithIndicator::edit({{"name", "Personnes formées"}}));
  ASSERT_EQ(merged.status, 303) << merged.body;
  EXPECT_EQ(merged.header("location"), p.page_path + "?fusion=2");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicators WHERE name = 'Personnes formées' AND target = 180"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicator_revisions WHERE number = 3 AND merged_with = 2"), 1);
  auto page = anim.get(merged.header("location"));
  EXPECT_TRUE(has(page, "Enregistré. La version 2 a été enregistrée"));
  EXPECT_TRUE(has(page, "Fusionnée avec la version 2")) << page.body;

  // Both change the target from revision 3: shown side by side, nothing saved until it is settled.
  anim.get(p.page_path);
  p.porteur.get(p.page_path);
  const Programme::Fields named{{"name", "Personnes formées"}, {"base_revision", "3"}};
  ASSERT_EQ(p.porteur.post(p.page_path, WithIndicator::edit(Programme::with(named, {{"target", "200"}}))).status, 303);
  auto refused = anim.post(p.page_path, WithIndicator::edit(Programme::with(named, {{"target", "210"}})));
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(has(refused, R"(name="merge_choice_target" value="theirs")"));
  EXPECT_FALSE(has(refused, R"(name="merge_choice_name")"));  // only what both changed
  EXPECT_TRUE(has(refused, R"(name="base_revision" value="4")"));
  EXPECT_EQ(p.site.count("SELECT revision FROM indicators WHERE id = " + p.id), 4);
  const Programme::Fields answered{{"name", "Personnes formées"}, {"base_revision", "4"},       {"merge_base", "3"},
                                   {"merge_field", "target"},     {"merge_mine_target", "210"}, {"target", "210"}};
  EXPECT_EQ(anim.post(p.page_path, WithIndicator::edit(answered)).status, 422);
  EXPECT_EQ(p.site.count("SELECT revision FROM indicators WHERE id = " + p.id), 4);
  ASSERT_EQ(
      anim.post(p.page_path, WithIndicator::edit(Programme::with(answered, {{"merge_choice_target", "mine"}}))).status,
      303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicators WHERE revision = 5 AND target = 210 AND name = 'Personnes "
                         "formées'"),
            1);
}

TEST(Indicators, RestoringAnOldRevisionMakesANewRevisionWithItsValuesAndTheHistorySaysSo) {
  WithIndicator p;
  p.porteur.get(p.page_path);
  ASSERT_EQ(p.porteur.post(p.page_path, WithIndicator::edit({{"target", "200,5"}, {"unit", "participants"}})).status,
            303);
  auto page = p.porteur.get(p.page_path);
  EXPECT_TRUE(has(page, "action=\"" + p.page_path + "/historique/1/restaurer\"")) << page.body;
  EXPECT_FALSE(has(page, "/historique/2/restaurer"));  // the current revision has nothing to restore
  auto compared = p.porteur.get(p.page_path + "?de=1&a=2");
  EXPECT_TRUE(has(compared, "Révision 1 comparée à la révision 2")) << compared.body;
  EXPECT_TRUE(has(compared, "personnes → participants"));
  auto r = p.porteur.post(p.page_path + "/historique/1/restaurer", {});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location"), p.page_path + "?enregistre=restauration#historique");
  EXPECT_EQ(p.site.count("SELECT revision FROM indicators WHERE id = " + p.id), 3);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicators WHERE unit = 'personnes' AND target = 150"), 1);
  EXPECT_EQ(p.site.count("SELECT restored_from FROM indicator_revisions WHERE number = 3"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicator_revisions"), 3);  // history is never rewritten
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurements"), 2);
  EXPECT_TRUE(has(p.porteur.get(p.page_path), "Reprend la révision 1"));
  // Restoring the values the indicator already has makes no revision.
  EXPECT_EQ(p.porteur.post(p.page_path + "/historique/1/restaurer", {}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicator_revisions"), 3);
  EXPECT_EQ(p.porteur.post(p.page_path + "/historique/3/restaurer", {}).status, 404);  // the current one
  EXPECT_EQ(p.porteur.post(p.page_path + "/historique/9/restaurer", {}).status, 404);
}

TEST(Indicators, OnlyCoPorteursAndAnimateursRestoreARevisionAndOthersSeeTheHistoryWithoutTheButton) {
  WithIndicator p;
  p.porteur.get(p.page_path);
  ASSERT_EQ(p.porteur.post(p.page_path, WithIndicator::edit({{"target", "180"}})).status, 303);
  Browser member(p.site);
  member.sign_in("membre@example.org", kPassword);
  auto seen = member.get(p.page_path);
  EXPECT_EQ(seen.status, 200);
  EXPECT_FALSE(has(seen, "/restaurer"));
  EXPECT_EQ(member.post(p.page_path + "/historique/1/restaurer", {}).status, 403);
  Browser visitor(p.site);
  EXPECT_FALSE(has(visitor.get(p.page_path), "/restaurer"));
  EXPECT_EQ(p.site.count("SELECT revision FROM indicators WHERE id = " + p.id), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicators WHERE target = 180 AND id = " + p.id), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicator_revisions"), 2);
}

TEST(Indicators, ARevisionWithAValueNoLongerAcceptedIsNotRestoredAndThePageSaysWhy) {
  WithIndicator p;
  p.porteur.get(p.page_path);
  ASSERT_EQ(p.porteur.post(p.page_path, WithIndicator::edit({{"target", "180"}})).status, 303);
  {
    auto c = p.site.db().acquire();
    c->execute(
        "UPDATE indicator_revisions SET snapshot = REPLACE(snapshot, '\"social\"', '\"disparu\"') "
        "WHERE number = 1");
  }
  auto refused = p.porteur.post(p.page_path + "/historique/1/restaurer", {});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "Cette révision ne peut pas être restaurée telle quelle")) << refused.body;
  EXPECT_EQ(p.site.count("SELECT revision FROM indicators WHERE id = " + p.id), 2);
}

TEST(Indicators, BadInputGetsAMessageNextToTheFieldA422AndWritesNothing) {
  WithIndicator p;
  p.porteur.get(p.page_path);
  auto r =
      p.porteur.post(p.page_path, WithIndicator::edit({{"name", ""}, {"impact", "rapide"}, {"target", "beaucoup"}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "Donnez un nom à l’indicateur.")) << r.body;
  EXPECT_TRUE(has(r, "Choisissez un type d’impact dans la liste."));
  EXPECT_TRUE(has(r, R"(id="f-target-error")"));
  EXPECT_TRUE(has(r, R"(value="beaucoup")"));
  auto long_comment = p.porteur.post(p.page_path, WithIndicator::edit({{"comment", std::string(301, 'x')}}));
  EXPECT_EQ(long_comment.status, 422);
  EXPECT_EQ(p.site.count("SELECT revision FROM indicators"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM indicator_revisions"), 1);
}

TEST(Indicators, OnlyCoPorteursAndAnimateursEditIndicatorsOrChangeMeasurements) {
  WithIndicator p;
  const std::string m = std::to_string(p.site.count("SELECT MIN(id) FROM measurements"));
  Browser member(p.site);
  member.sign_in("membre@example.org", kPassword);
  auto page = member.get(p.page_path);
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(has(page, "name=\"base_revision\""));
  EXPECT_FALSE(has(page, "/mesures/" + m));
  EXPECT_EQ(member.post(p.page_path, WithIndicator::edit({{"name", "Autre"}})).status, 403);
  EXPECT_EQ(member.get(p.page_path + "/mesures/" + m).status, 403);
  EXPECT_EQ(
      member
          .post(p.page_path + "/mesures/" + m, {{"measured_on", "2021-04-14"}, {"value", "1"}, {"base_revision", "1"}})
          .status,
      403);
  EXPECT_EQ(member
                .post(p.page_path + "/mesures/" + m + "/suppression",
                      {{"removal_reason", "Pour voir"}, {"base_revision", "1"}})
                .status,
            403);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurements"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurement_changes"), 0);
  EXPECT_EQ(p.site.count("SELECT revision FROM indicators"), 1);
  Browser visitor(p.site);
  EXPECT_EQ(visitor.get(p.page_path).status, 200);
  EXPECT_EQ(visitor.get(p.page_path + "/999999").status, 404);
  EXPECT_EQ(p.porteur.get(p.page_path + "/mesures/999999").status, 404);
}

TEST(Measurements, ACorrectionKeepsTheOldValueInTheHistoryAndAStaleOneIsRefusedWith409) {
  WithIndicator p;
  const std::string m = std::to_string(p.site.count("SELECT MIN(id) FROM measurements"));
  const std::string path = p.page_path + "/mesures/" + m;
  auto form = p.porteur.get(path);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, R"(value="2021-04-14")"));
  EXPECT_TRUE(has(form, R"(value="22")"));
  auto r = p.porteur.post(path, {{"measured_on", "2021-04-15"},
                                 {"value", "24"},
                                 {"source", "Feuille de présence"},
                                 {"reason", "Deux feuilles oubliées"},
                                 {"base_revision", "1"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location"), p.page_path + "?enregistre=mesure");
  EXPECT_TRUE(has(p.porteur.get(r.header("location")), "La mesure est enregistrée."));
  EXPECT_EQ(p.site.count("SELECT CAST(value AS INTEGER) FROM measurements WHERE id = " + m), 24);
  EXPECT_EQ(p.site.count("SELECT revision FROM measurements WHERE id = " + m), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurement_changes WHERE kind = 'correction' AND old_value = 22"), 1);
  auto page = p.porteur.get(p.page_path);
  EXPECT_TRUE(has(page, "Corrigée :")) << page.body;
  EXPECT_TRUE(has(page, "Deux feuilles oubliées"));
  EXPECT_TRUE(has(page, "22 personnes"));

  // A second correction started from the first revision is refused, its input kept, nothing written.
  auto stale = p.porteur.post(path, {{"measured_on", "2021-04-14"}, {"value", "30"}, {"base_revision", "1"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(has(stale, R"(value="30")"));
  EXPECT_EQ(p.site.count("SELECT CAST(value AS INTEGER) FROM measurements WHERE id = " + m), 24);
  // Bad input is refused next to the field.
  auto bad = p.porteur.post(path, {{"measured_on", ""}, {"value", "beaucoup"}, {"base_revision", "2"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "Indiquez la date de la mesure."));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurement_changes"), 1);
}

TEST(Measurements, ARemovalNeedsAReasonAndIsKeptInTheHistoryWithTheRemovedValue) {
  WithIndicator p;
  const std::string m = std::to_string(p.site.count("SELECT MAX(id) FROM measurements"));
  const std::string path = p.page_path + "/mesures/" + m;
  p.porteur.get(path);
  auto no_reason = p.porteur.post(path + "/suppression", {{"removal_reason", " "}, {"base_revision", "1"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(has(no_reason, "Dites pourquoi la mesure est supprimée.")) << no_reason.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurements"), 2);
  auto r = p.porteur.post(path + "/suppression", {{"removal_reason", "Comptée deux fois"}, {"base_revision", "1"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurements"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM measurement_changes WHERE kind = 'removal' AND old_value = 71"), 1);
  auto page = p.porteur.get(p.page_path);
  EXPECT_TRUE(has(page, "Supprimée :"));
  EXPECT_TRUE(has(page, "71 personnes"));
  EXPECT_TRUE(has(page, "Comptée deux fois"));
  EXPECT_EQ(p.porteur.get(path).status, 404);  // gone from the measurements, not from the history
  EXPECT_FALSE(has(p.porteur.get(p.page("/impact/" + p.id + "/mesures.csv")), ",71,"));
}

}  // namespace
}  // namespace fabrique::test
