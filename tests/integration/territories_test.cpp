// Territories: the COG loaded and reloaded (what was there stays, what left is retired), found by
// name with or without accents, and each territory's page with where it lies and what lies in it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "accounts/store.hpp"
#include "commons/use_cases.hpp"
#include "demo/demo.hpp"
#include "events/use_cases.hpp"
#include "integration/site.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/links.hpp"
#include "territories/placed.hpp"
#include "territories/store.hpp"
#include "territories/use_cases.hpp"
#include "views/html.hpp"

namespace fabrique::test {
namespace {

namespace bj = boost::json;

std::filesystem::path cog_dir(const char* version) {
  return std::filesystem::path(__FILE__).parent_path() / "cog" / version / "data";
}

territories::LoadResult load(Site& site, const char* version) {
  auto c = site.db().acquire();
  return territories::load_territories(*c, territories::read_cog(cog_dir(version)));
}

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

bj::object json(Site& site, const std::string& target) {
  auto r = request(site.port(), "GET", target, {});
  EXPECT_EQ(r.status, 200) << target;
  return bj::parse(r.body).as_object();
}

TEST(Territories, LoadedWithTheirParentsAndFoundWithOrWithoutAccents) {
  Site site;
  auto r = load(site, "a");
  EXPECT_EQ(r.added, 2 + 4 + 1 + 5);  // régions, départements, the EPCI, current communes (not the former one)
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM territories WHERE source = '@etalab/decoupage-administratif 6.0.0'"), 12);
  // Région and département codes overlap: each has its own address.
  EXPECT_TRUE(has(request(site.port(), "GET", "/territoires/region-53", {}).body, "<h1>Bretagne</h1>"));
  EXPECT_TRUE(has(request(site.port(), "GET", "/territoires/53", {}).body, "<h1>Mayenne</h1>"));

  // Brest lies in Brest Métropole, Finistère and Bretagne; the page says so, its JSON too.
  auto brest = json(site, "/territoires/29019.json");
  EXPECT_EQ(brest.at("level").as_string(), "commune");
  EXPECT_EQ(brest.at("siren").as_string(), "212900195");
  std::vector<std::string> parents;
  for (const auto& p : brest.at("parents").as_array()) parents.push_back(std::string(p.at("key").as_string()));
  EXPECT_EQ(parents, (std::vector<std::string>{"region-53", "29", "242900314"}));
  // Finistère holds the EPCI and three communes; Bretagne holds its départements.
  auto finistere = json(site, "/territoires/29.json");
  EXPECT_EQ(finistere.at("children").at("commune").at("total").as_int64(), 3);
  EXPECT_EQ(finistere.at("children").at("epci").at("total").as_int64(), 1);
  EXPECT_EQ(json(site, "/territoires/region-53.json").at("children").at("departement").at("total").as_int64(), 2);
  // Corsica's codes have letters; the address is in lower case.
  EXPECT_TRUE(has(request(site.port(), "GET", "/territoires/2a004", {}).body, "<h1>Ajaccio</h1>"));

  // Found by name with or without accents, by code; the search form works without JavaScript.
  for (const std::string q : {"finistere", "Finist%C3%A8re", "FINIST%C3%88RE", "ille+et+vilaine"}) {
    auto page = request(site.port(), "GET", "/territoires?q=" + q, {}).body;
    EXPECT_TRUE(has(page, q.starts_with("ille") ? "href=\"/territoires/35\"" : "href=\"/territoires/29\"")) << q;
  }
  auto by_code = json(site, "/territoires.json?q=29019");
  ASSERT_FALSE(by_code.at("results").as_array().empty());
  EXPECT_EQ(by_code.at("results").as_array()[0].at("name").as_string(), "Brest");
  auto list = request(site.port(), "GET", "/territoires", {}).body;
  EXPECT_TRUE(has(list, "<label for=\"f-q\""));
  EXPECT_TRUE(has(list, "href=\"/territoires/region-94\""));
  EXPECT_EQ(request(site.port(), "GET", "/territoires/99999", {}).status, 404);
  EXPECT_EQ(request(site.port(), "GET", "/territoires/99999.json", {}).status, 404);
}

TEST(Territories, AReloadUpdatesInPlaceAndRetiresWhatLeftTheGeography) {
  Site site;
  load(site, "a");
  const std::int64_t guipavas = site.count("SELECT id FROM territories WHERE key = '29075'");
  const std::int64_t quimper = site.count("SELECT id FROM territories WHERE key = '29232'");
  auto r = load(site, "b");
  EXPECT_EQ(r.added, 1);  // Nouvelle-Commune
  ASSERT_EQ(r.retired.size(), 1u);
  EXPECT_EQ(r.retired[0].key, "29075");
  // The same rows: whatever was placed on Quimper is still on it, under its new name.
  EXPECT_EQ(site.count("SELECT id FROM territories WHERE key = '29232' AND name = 'Quimper-Corentin'"), quimper);
  EXPECT_EQ(site.count("SELECT retired FROM territories WHERE id = " + std::to_string(guipavas)), 1);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM territories WHERE source = '@etalab/decoupage-administratif 7.0.0'"),
            12 - 1 + 1);
  // A retired territory's page still answers, and says it.
  EXPECT_TRUE(has(request(site.port(), "GET", "/territoires/29075", {}).body, "plus dans la géographie officielle"));
  // Brest left… nothing; Guipavas is no longer in Brest Métropole's current communes, but kept.
  EXPECT_EQ(json(site, "/territoires/242900314.json").at("population").as_int64(), 200000);
  // A COG without communes is refused, and nothing is written.
  auto c = site.db().acquire();
  territories::Cog empty;
  empty.regions.push_back({"53", "Bretagne"});
  EXPECT_THROW(territories::load_territories(*c, empty), std::runtime_error);
}

TEST(Territories, ATerritoryListsTheAlgorithmsOfItsPublicBodiesBySiren) {
  Site site;
  {
    auto c = site.db().acquire();
    demo::load(*c);
  }
  load(site, "a");
  {
    auto c = site.db().acquire();
    c->execute("UPDATE observatory_bodies SET siren = '212900195' WHERE siren = '130005481'");  // as if Brest's
  }
  const std::string entry =
      std::to_string(site.count("SELECT COUNT(*) FROM observatory_entries e JOIN observatory_bodies b ON b.id = "
                                "e.body_id WHERE b.siren = '212900195'"));
  ASSERT_NE(entry, "0");
  for (const std::string key : {"29019", "242900314", "29", "region-53"})
    EXPECT_EQ(std::to_string(json(site, "/territoires/" + key + ".json").at("algorithms").as_array().size()), entry)
        << key;
  EXPECT_TRUE(json(site, "/territoires/35.json").at("algorithms").as_array().empty());
}

TEST(Territories, AnOrganisationPlacedOnBrestIsFoundUnderBretagneAndTheFormSearchesWithoutJavaScript) {
  Site site;
  load(site, "a");
  site.add_user("membre@example.org", "Marc Membre", kPassword);
  Browser b(site);
  b.sign_in("membre@example.org", kPassword);
  b.get("/organisations/nouvelle");
  std::vector<std::pair<std::string, std::string>> form = {
      {"name", "Tiers-lieu du Ponant"}, {"kind", "association-tech"}, {"website", ""}, {"description", ""}};
  // The picker's search: the form comes back with what matches to tick, what was typed kept, nothing saved.
  auto searched = form;
  searched.push_back({"territoire_q", "bres"});
  searched.push_back({"chercher_territoire", "1"});
  auto found = b.post("/organisations/nouvelle", searched);
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found.body, "name=\"territoires\" value=\"29019\">")) << "Brest offered, not ticked";
  EXPECT_TRUE(has(found.body, "value=\"Tiers-lieu du Ponant\""));
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisations"), 0);
  // An address made up is refused next to the picker, nothing written.
  auto wrong = form;
  wrong.push_back({"territoires", "99999"});
  EXPECT_EQ(b.post("/organisations/nouvelle", wrong).status, 422);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisations"), 0);
  // Ticked and saved.
  auto placed = form;
  placed.push_back({"territoires", "29019"});
  auto created = b.post("/organisations/nouvelle", placed);
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string page = b.get(created.header("location")).body;
  EXPECT_TRUE(has(page, "href=\"/territoires/29019\">Brest</a>"));

  // Every list narrowed to a territory finds what lies within it: Bretagne and Finistère find Brest.
  for (const std::string within : {"region-53", "29", "242900314", "29019", "finistere"})
    EXPECT_TRUE(has(b.get("/organisations?territoire=" + within).body, "Tiers-lieu du Ponant")) << within;
  EXPECT_FALSE(has(b.get("/organisations?territoire=35").body, "Tiers-lieu du Ponant"));
  EXPECT_EQ(json(site, "/organisations.json?territoire=region-53").at("total").as_int64(), 1);
  EXPECT_EQ(json(site, "/organisations.json?territoire=35").at("total").as_int64(), 0);
  // The territory's page counts it and links to the list.
  auto bretagne = json(site, "/territoires/region-53.json");
  EXPECT_EQ(bretagne.at("placed").at("organisation").as_int64(), 1);
  EXPECT_TRUE(has(request(site.port(), "GET", "/territoires/29", {}).body, "/organisations?territoire=29"));
  // The edit form starts from where it is; unticking removes it.
  const std::string shown = created.header("location").substr(0, created.header("location").find('?'));
  const std::string slug = shown.substr(shown.rfind('/') + 1);
  EXPECT_TRUE(has(b.get("/organisations/" + slug + "/modifier").body, "value=\"29019\" checked"));
  ASSERT_EQ(b.post("/organisations/" + slug + "/modifier", form).status, 303);
  EXPECT_EQ(json(site, "/organisations.json?territoire=region-53").at("total").as_int64(), 0);
}

// The territories a JSON document says the thing is placed on.
std::vector<std::string> keys_in(const bj::object& o) {
  std::vector<std::string> out;
  for (const auto& t : o.at("territories").as_array()) out.push_back(std::string(t.at("key").as_string()));
  return out;
}

// A territory's page counts each kind once per thing placed within it (a thing on two of its communes
// counted once), only what anyone may see, and names the first ones in the kind's order.
TEST(Territories, WhatIsPlacedWithinIsCountedOnceAndTheFirstAreNamedInOrder) {
  Site site;
  load(site, "a");
  auto c = site.db().acquire();
  auto id_of = [&](const std::string& key) {
    const auto t = territories::store::by_key(*c, key);
    EXPECT_TRUE(t.has_value()) << key;
    return t ? t->id : 0;
  };
  const std::int64_t finistere = id_of("29"), brest = id_of("29019"), quimper = id_of("29232"), rennes = id_of("35238");
  const std::int64_t now = 1'800'000'000;
  auto resource = [&](const std::string& slug, const char* status, std::vector<std::int64_t> on) {
    const std::int64_t id =
        c->query_one(
             "INSERT INTO resources (slug, title, kind, licence, status, created_at, updated_at) VALUES "
             "(?, ?, 'guide', 'CC-BY-4.0', ?, ?, ?) RETURNING id",
             {slug, "Ressource " + slug, std::string(status), now, now})
            ->integer(0);
    territories::place(*c, territories::subject::resource, id, on);
  };
  // Placed on the département, on one commune, on two of its communes; elsewhere; not published.
  resource("f", "published", {finistere});
  resource("b", "published", {brest});
  resource("d", "published", {brest, quimper});
  resource("e", "published", {quimper});
  resource("a", "published", {brest});
  resource("c", "published", {quimper, finistere});
  resource("r", "published", {rennes});
  resource("z", "draft", {brest});
  const auto placed = territories::placed_within(*c, finistere, "29", 5);
  int kinds = 0;
  for (const auto& p : placed) {
    if (p.subject != territories::subject::resource) {
      EXPECT_EQ(p.total, 0) << p.subject;
      EXPECT_TRUE(p.first.empty()) << p.subject;
      continue;
    }
    ++kinds;
    EXPECT_EQ(p.total, 6);
    std::vector<std::string> names;
    for (const auto& item : p.first) names.push_back(item.name);
    EXPECT_EQ(names,
              (std::vector<std::string>{"Ressource a", "Ressource b", "Ressource c", "Ressource d", "Ressource e"}));
    ASSERT_FALSE(p.first.empty());
    EXPECT_EQ(p.first.front().url, "/ressources/a");
  }
  EXPECT_EQ(kinds, 1);
  EXPECT_EQ(placed.size(), 7u) << "every kind, even with nothing placed";
  for (const auto& p : territories::placed_within(*c, brest, "29019", 2))
    if (p.subject == territories::subject::resource) {
      EXPECT_EQ(p.total, 3);  // a, b, d: not the draft
      EXPECT_EQ(p.first.size(), 2u);
    }
}

// The places of many things at once come from the territories kept in memory (links.cpp): the same
// territories, in the same order (by name, then id), as the join a connection of its own reads, and
// a territory renamed by a reload of the geography is shown renamed.
TEST(Territories, TheTerritoriesKeptInMemoryPlaceAListAsTheJoinDoes) {
  Site site;
  load(site, "a");
  auto c = site.db().acquire();
  std::vector<std::int64_t> all;
  for (const auto& r : c->query("SELECT id FROM territories ORDER BY key")) all.push_back(r.integer(0));
  ASSERT_GE(all.size(), 10u);
  // Two territories named alike: their order is their ids'.
  c->execute("UPDATE territories SET name_key = 'meme nom' WHERE id IN (?, ?)", {all[3], all[7]});
  std::vector<std::int64_t> things;
  for (std::int64_t thing = 1; thing <= 6; ++thing) {
    std::vector<std::int64_t> on;
    for (std::size_t i = static_cast<std::size_t>(thing) % 3; i < all.size(); i += static_cast<std::size_t>(thing))
      on.push_back(all[i]);
    territories::place(*c, territories::subject::resource, thing, on);
    things.push_back(thing);
  }
  things.push_back(99);  // placed nowhere
  auto names = [](const std::map<std::int64_t, std::vector<territories::TerritoryRef>>& places) {
    std::map<std::int64_t, std::vector<std::string>> out;
    for (const auto& [thing, refs] : places)
      for (const auto& r : refs) out[thing].push_back(r.key + " " + r.name + " (" + r.within + ")");
    return out;
  };
  auto joined = [&] {
    storage::Memos* memos = c->memos;
    c->memos = nullptr;  // as a connection of its own: no memo, the join
    auto out = names(territories::places_of(*c, territories::subject::resource, things));
    c->memos = memos;
    return out;
  };
  const auto kept = names(territories::places_of(*c, territories::subject::resource, things));
  EXPECT_EQ(kept, joined());
  EXPECT_EQ(kept.size(), 6u);
  EXPECT_GE(kept.at(1).size(), all.size() - 1);

  load(site, "b");  // renames and retires some: the reload goes through storage::record_changes
  const auto after = names(territories::places_of(*c, territories::subject::resource, things));
  EXPECT_EQ(after, joined());
  EXPECT_NE(after, kept) << "the kept territories did not follow the reload";
}

// Coalitions, events, resources, boussole cards and observatory entries are placed like organisations:
// each shown on its page and in its JSON, each list narrowed to a territory and what lies within it,
// and the territory's page counting each kind with a link to its list.
TEST(Territories, EveryKindPlacedOnBrestIsFoundUnderBretagneAndCountedOnItsPage) {
  Site site;
  load(site, "a");  // before the demo: the demo places some of its things on what is loaded
  auto anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  std::string entry, name;
  {
    auto c = site.db().acquire();
    demo::load(*c);
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Famille du Ponant");
    events::EventInput e;
    e.kind = "reset-day";
    e.title = "Rencontre du Ponant";
    e.slug = "rencontre-du-ponant";
    e.starts = "2027-03-10T14:00";
    e.ends = "2027-03-10T17:00";
    e.territories = {"29019"};
    ASSERT_TRUE(events::create_event(*c, anim, e, site.now()).errors.empty());
    commons::ResourceInput r;
    r.title = "Guide du Ponant";
    r.url = "https://example.org/ponant";
    r.kind = "guide";
    r.licence = "CC-BY-4.0";
    r.territories = std::vector<std::string>{"29019"};
    ASSERT_TRUE(commons::propose_resource(*c, anim, r, site.now()).errors.empty());
    commons::CardInput k;
    k.title = "Carte du Ponant";
    k.outcome = "mitige";
    k.tried = "Un atelier.";
    k.territories = std::vector<std::string>{"29019"};
    ASSERT_TRUE(commons::propose_card(*c, anim, k, site.now()).errors.empty());
    // An entry placed without a change of its text: no new revision, but placed.
    auto first = observatoire::store::list(*c).front();
    entry = first.slug;
    name = first.name();
    observatoire::EntryEdit edit{.base_revision = first.revision, .doc = first.doc};
    edit.territories = std::vector<std::string>{"29019"};
    auto saved = observatoire::update_entry(*c, anim, entry, edit, site.now());
    ASSERT_TRUE(saved.errors.empty());
    EXPECT_TRUE(saved.unchanged);
  }

  // A coalition through its form: search, tick, save; an unknown key is refused, nothing written.
  Browser b(site);
  b.sign_in("anim@example.org", kPassword);
  b.get("/coalitions/nouvelle");
  std::vector<std::pair<std::string, std::string>> form = {
      {"number", "99"}, {"title", "Coalition du Ponant"}, {"family", "famille-du-ponant"}, {"stage", "idee"}};
  const std::int64_t coalitions = site.count("SELECT COUNT(*) FROM coalitions");
  auto searched = form;
  searched.push_back({"territoire_q", "brest"});
  auto found = b.post("/coalitions/nouvelle", searched);
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found.body, "name=\"territoires\" value=\"29019\">"));
  EXPECT_TRUE(has(found.body, "value=\"Coalition du Ponant\""));
  auto wrong = form;
  wrong.push_back({"territoires", "99999"});
  auto refused = b.post("/coalitions/nouvelle", wrong);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused.body, "id=\"f-territoires-error\""));
  EXPECT_TRUE(has(refused.body, "value=\"Coalition du Ponant\""));
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM coalitions"), coalitions);
  auto placed = form;
  placed.push_back({"territoires", "29019"});
  ASSERT_EQ(b.post("/coalitions/nouvelle", placed).status, 303);

  struct Kind {
    std::string page, json, list, list_json, name;
  };
  const std::string resource = "/ressources/guide-du-ponant", card = "/boussole/carte-du-ponant";
  const std::string coalition = "/coalitions/coalition-du-ponant", event = "/evenements/rencontre-du-ponant";
  const Kind kinds[] = {
      {coalition, coalition + ".json", "/coalitions", "/coalitions.json", "Coalition du Ponant"},
      {event, event + ".json", "/evenements", "/evenements.json", "Rencontre du Ponant"},
      {resource, resource + ".json", "/ressources", "/ressources.json", "Guide du Ponant"},
      {card, card + ".json", "/boussole", "/boussole.json", "Carte du Ponant"},
      {"/observatoire/" + entry, "/observatoire/" + entry + ".json", "/observatoire", "", name},
  };
  for (const auto& k : kinds) {
    EXPECT_TRUE(has(b.get(k.page).body, "href=\"/territoires/29019\">Brest</a>")) << k.page;
    auto doc = bj::parse(request(site.port(), "GET", k.json, {}).body).as_object();
    if (doc.contains("resource")) doc = doc.at("resource").as_object();
    EXPECT_EQ(keys_in(doc), std::vector<std::string>{"29019"}) << k.json;
    // Bretagne, Finistère, Brest Métropole and its words find it; Ille-et-Vilaine does not.
    for (const std::string within : {"region-53", "29", "242900314", "finistere"})
      EXPECT_TRUE(has(request(site.port(), "GET", k.list + "?territoire=" + within, {}).body, html::escape(k.name)))
          << k.list << " " << within;
    auto elsewhere = request(site.port(), "GET", k.list + "?territoire=35", {}).body;
    EXPECT_FALSE(has(elsewhere, html::escape(k.name))) << k.list;
    EXPECT_TRUE(has(elsewhere, "Ille-et-Vilaine")) << "the filter is said: " << k.list;
    EXPECT_TRUE(has(elsewhere, "name=\"territoire\"")) << k.list;
    if (!k.list_json.empty()) {
      auto narrowed = json(site, k.list_json + "?territoire=region-53");
      bool listed = false;
      for (const auto& [key, value] : narrowed)
        if (value.is_array())
          for (const auto& item : value.as_array())
            if (item.as_object().contains("territories") &&
                keys_in(item.as_object()) == std::vector<std::string>{"29019"})
              listed = true;
      EXPECT_TRUE(listed) << k.list_json;
      EXPECT_FALSE(has(request(site.port(), "GET", k.list_json + "?territoire=35", {}).body, k.name)) << k.list_json;
    }
  }
  const auto observatory = json(site, "/observatoire.json?territoire=35");
  EXPECT_EQ(observatory.at("count").as_int64(), 0);

  // The territory's page: each kind counted, the first named, and a link to its list narrowed to it.
  auto finistere = json(site, "/territoires/29.json");
  for (const std::string subject : {"coalition", "event", "resource", "boussole_card", "observatory_entry"})
    EXPECT_GE(finistere.at("placed").at(subject).as_int64(), 1) << subject;
  EXPECT_TRUE(
      finistere.at("placed_lists").at("coalition").at("list").as_string().ends_with("/coalitions?territoire=29"));
  const auto page = request(site.port(), "GET", "/territoires/29", {}).body;
  for (const std::string list : {"/coalitions?territoire=29", "/evenements?territoire=29", "/ressources?territoire=29",
                                 "/boussole?territoire=29", "/observatoire?territoire=29"})
    EXPECT_TRUE(has(page, "href=\"" + list + "\"")) << list;
  EXPECT_TRUE(has(page, "Coalition du Ponant"));
  // What a département's page counts is shared until it changes: a coalition placed since is counted.
  auto another = form;
  another[0].second = "98";
  another[1].second = "Seconde coalition du Ponant";
  another.push_back({"territoires", "29019"});
  ASSERT_EQ(b.post("/coalitions/nouvelle", another).status, 303);
  EXPECT_EQ(json(site, "/territoires/29.json").at("placed").at("coalition").as_int64(),
            finistere.at("placed").at("coalition").as_int64() + 1);
  EXPECT_TRUE(has(request(site.port(), "GET", "/territoires/29", {}).body, "Seconde coalition du Ponant"));
  // The demo placed its own on what was loaded: Rennes has a coalition of the demo; Ajaccio nothing.
  EXPECT_GE(json(site, "/territoires/35238.json").at("placed").at("coalition").as_int64(), 1);
  EXPECT_EQ(json(site, "/territoires/2a004.json").at("placed").at("coalition").as_int64(), 0);

  // The edit form starts from where it is; a resource's places survive a revision restored.
  EXPECT_TRUE(has(b.get(coalition + "/modifier").body, "value=\"29019\" checked"));
  EXPECT_TRUE(has(b.get(resource + "/modifier").body, "value=\"29019\" checked"));
  EXPECT_TRUE(has(b.get(card + "/modifier").body, "value=\"29019\" checked"));
  EXPECT_TRUE(has(b.get(event + "/modifier").body, "value=\"29019\" checked"));
}

// The real COG, as `npm ci` installs it: every current commune and EPCI, in about a second.
TEST(Territories, TheWholeOfficialGeographyLoads) {
  const auto data = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "node_modules" /
                    "@etalab" / "decoupage-administratif" / "data";
  if (!std::filesystem::exists(data)) GTEST_SKIP() << "npm ci has not installed " << data;
  Site site;
  auto c = site.db().acquire();
  auto cog = territories::read_cog(data);
  EXPECT_EQ(cog.source, "@etalab/decoupage-administratif 6.0.0");
  auto r = territories::load_territories(*c, cog);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM territories WHERE level = 'commune'"), 34969);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM territories WHERE level = 'epci'"), 1255);
  EXPECT_EQ(r.added, site.count("SELECT COUNT(*) FROM territories"));
  auto brest = territories::store::by_key(*c, "29019");
  ASSERT_TRUE(brest);
  EXPECT_EQ(brest->name, "Brest");
  // Every commune lies in its département and région, and in an EPCI but four islands (Bréhat, Sein,
  // Ouessant, Yeu) and the overseas collectivities (97x and 98x codes past the five DROM).
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM territories WHERE level = 'commune' AND (departement_id IS NULL OR "
                       "region_id IS NULL)"),
            0);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM territories WHERE level = 'commune' AND epci_id IS NULL AND code < '975'"),
            4);
}

}  // namespace
}  // namespace fabrique::test
