// Territories: the COG loaded and reloaded (what was there stays, what left is retired), found by
// name with or without accents, and each territory's page with where it lies and what lies in it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "demo/demo.hpp"
#include "integration/site.hpp"
#include "territories/store.hpp"
#include "territories/use_cases.hpp"

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
