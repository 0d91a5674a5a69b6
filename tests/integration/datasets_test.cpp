// The register of environmental datasets over real HTTP: entries added and edited as revisions by
// the producer's members, refused to others, found by territory (and what lies within it), theme,
// producer, format, licence and words; bad input refused next to its field with nothing written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>

#include "accounts/store.hpp"
#include "datasets/use_cases.hpp"
#include "integration/mail_support.hpp"
#include "integration/site.hpp"
#include "storage/batches.hpp"
#include "territories/store.hpp"
#include "territories/use_cases.hpp"

// A namespace of its own: the integration tests are compiled in unity batches, where another
// file's helpers of the same name (has, with, Fields) would collide.
namespace fabrique::test::register_of_datasets {
namespace {

namespace bj = boost::json;

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

void load_territories(Site& site) {
  auto c = site.db().acquire();
  territories::load_territories(
      *c, territories::read_cog(std::filesystem::path(__FILE__).parent_path() / "cog" / "a" / "data"));
}

// Where a save led, without the "saved" marker of its address.
std::string saved_at(const HttpResponse& r) {
  const std::string location = r.header("location");
  return location.substr(0, location.find('?'));
}

bj::object json(Browser& b, const std::string& target) {
  auto r = b.get(target);
  EXPECT_EQ(r.status, 200) << target;
  return bj::parse(r.body).as_object();
}

// A member of Air Breizh (an organisation they add), signed in.
struct Register {
  Site site;
  Browser member{site};
  Register() {
    load_territories(site);
    site.add_user("air@example.org", "Anne Air", kPassword);
    member.sign_in("air@example.org", kPassword);
    member.get("/organisations/nouvelle");
    auto r = member.post("/organisations/nouvelle",
                         {{"name", "Air Breizh"}, {"kind", "association-tech"}, {"website", ""}, {"description", ""}});
    EXPECT_EQ(r.status, 303);
  }
};

Fields air_quality() {
  return {{"title", "Indice de la qualité de l'air à Brest"},
          {"description", "L'indice ATMO calculé chaque jour pour l'agglomération brestoise."},
          {"producer", "air-breizh"},
          {"themes", "air"},
          {"themes", "climat"},
          {"territoires", "29019"},
          {"licence", "ODbL-1.0"},
          {"frequency", "DAILY"},
          {"temporal_start", "2020-01-01"},
          {"keywords", "ATMO, pollution"},
          {"contact", "contact@example.org"},
          {"distributions", "2"},
          {"dist-1-url", "https://data.example.org/indice.csv"},
          {"dist-1-format", "CSV"},
          {"dist-1-media", "text/csv"},
          {"dist-1-size", "12345"},
          {"dist-2-url", ""}};
}

// The register's CSV is written a batch of datasets at a time (storage::kExportBatch), each after the
// last one's place in the title order: every dataset once, in the list's order, across batches, with
// titles that tie (the id then orders them) and each its own distribution and territory.
TEST(Datasets, TheCsvHoldsEveryDatasetOnceInOrderAcrossBatches) {
  Register r;
  const auto member = [&] {
    auto c = r.site.db().acquire();
    return *accounts::store::user_by_email(*c, "air@example.org");
  }();
  const int n = static_cast<int>(storage::kExportBatch) + 7;
  {
    auto c = r.site.db().acquire();
    for (int i = 0; i < n; ++i) {
      datasets::DatasetInput in;
      in.title = fmt::format("Relevé {:03}", i / 3);  // three per title: the 499th to 501st share one
      in.description = "Un relevé.";
      in.producer = "air-breizh";
      in.licence = "ODbL-1.0";
      in.frequency = "DAILY";
      in.territories = {i % 2 ? "29019" : "35238"};
      in.distributions = {{fmt::format("https://data.example.org/{}.csv", i), "CSV", "text/csv", ""}};
      ASSERT_TRUE(datasets::create_dataset(*c, member, in, r.site.now()).dataset) << i;
    }
  }
  auto csv = r.member.get("/donnees.csv");
  ASSERT_EQ(csv.status, 200);
  std::vector<std::string> slugs;
  std::size_t from = csv.body.find('\n') + 1;
  while (from < csv.body.size()) {
    const std::size_t end = csv.body.find('\n', from);
    slugs.push_back(csv.body.substr(from, csv.body.find(',', from) - from));
    from = end + 1;
  }
  std::vector<std::string> want;
  {
    auto c = r.site.db().acquire();
    for (const auto& row : c->query("SELECT slug FROM datasets ORDER BY title_key, id")) want.push_back(row.text(0));
  }
  ASSERT_EQ(want.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(slugs, want);
  for (int i : {0, 499, 500, n - 1}) EXPECT_TRUE(has(csv.body, fmt::format("https://data.example.org/{}.csv", i))) << i;
  EXPECT_EQ(count_of(csv.body, "29019 Brest"), static_cast<std::size_t>(n / 2));
}

TEST(Datasets, AMemberAddsOneForTheirOrganisationFoundByItsTerritoryAndWhatContainsIt) {
  Register reg;
  auto& b = reg.member;
  ASSERT_EQ(b.get("/donnees/nouvelle").status, 200);
  auto created = b.post("/donnees/nouvelle", air_quality());
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string location = saved_at(created);
  EXPECT_TRUE(location.starts_with("/donnees/indice-de-la-qualite-de-l-air-a-brest")) << location;
  auto page = b.get(location).body;
  EXPECT_TRUE(has(page, "<h1>Indice de la qualité de l&#39;air à Brest</h1>") ||
              has(page, "<h1>Indice de la qualité de l&#x27;air à Brest</h1>"))
      << page;
  EXPECT_TRUE(has(page, "href=\"/territoires/29019\">Brest</a>"));
  EXPECT_TRUE(has(page, "href=\"https://data.example.org/indice.csv\""));
  EXPECT_TRUE(has(page, "href=\"/organisations/air-breizh\">Air Breizh</a>"));
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM dataset_revisions"), 1);

  // Within Bretagne, Finistère and Brest; not in Ille-et-Vilaine.
  for (const std::string within : {"region-53", "29", "29019", "finistere"})
    EXPECT_TRUE(has(b.get("/donnees?territoire=" + within).body, "qualité de l")) << within;
  EXPECT_FALSE(has(b.get("/donnees?territoire=35").body, "qualité de l"));
  // By theme, producer, format (any case), licence and words.
  EXPECT_TRUE(has(b.get("/donnees?theme=air").body, "qualité de l"));
  EXPECT_FALSE(has(b.get("/donnees?theme=eau").body, "qualité de l"));
  EXPECT_TRUE(has(b.get("/donnees?producteur=air-breizh").body, "qualité de l"));
  // The producer is typed (issue #19), not chosen in a list of every producer: its slug, as links carry
  // it, or words of its name; words naming none say so next to the field, and list no dataset.
  auto by_words = b.get("/donnees?producteur=BREIZH");
  EXPECT_TRUE(has(by_words.body, "qualité de l"));
  EXPECT_TRUE(has(by_words.body, "produits par Air Breizh</a>"));
  EXPECT_FALSE(has(by_words.body, R"(<select id="f-producteur")"));
  auto none = b.get("/donnees?producteur=personne+ici");
  EXPECT_EQ(none.status, 200);
  EXPECT_FALSE(has(none.body, "qualité de l"));
  EXPECT_TRUE(has(none.body, R"(id="f-producteur-error")"));
  EXPECT_TRUE(has(none.body, R"(value="personne ici")"));
  EXPECT_TRUE(has(b.get("/donnees.json?producteur=breizh").body, "qualite-de-l"));
  EXPECT_FALSE(has(b.get("/donnees.json?producteur=personne+ici").body, "qualite-de-l"));
  EXPECT_TRUE(has(b.get("/donnees?format=csv").body, "qualité de l"));
  EXPECT_TRUE(has(b.get("/donnees?licence=ODbL-1.0").body, "qualité de l"));
  EXPECT_FALSE(has(b.get("/donnees?licence=etalab-2.0").body, "qualité de l"));
  EXPECT_TRUE(has(b.get("/donnees?q=pollution").body, "qualité de l"));
  EXPECT_FALSE(has(b.get("/donnees?q=bruit").body, "qualité de l"));

  // The same in JSON and CSV.
  EXPECT_EQ(json(b, "/donnees.json?territoire=region-53").at("total").as_int64(), 1);
  EXPECT_EQ(json(b, "/donnees.json?territoire=35").at("total").as_int64(), 0);
  auto one = json(b, location + ".json");
  EXPECT_EQ(one.at("producer").at("slug").as_string(), "air-breizh");
  EXPECT_EQ(one.at("distributions").at(0).at("byte_size").as_int64(), 12345);
  EXPECT_EQ(one.at("territories").at(0).at("key").as_string(), "29019");
  auto csv = b.get("/donnees.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_TRUE(has(csv.body, "https://data.example.org/indice.csv"));
  // The territory's page counts it.
  EXPECT_EQ(json(b, "/territoires/region-53.json").at("placed").at("dataset").as_int64(), 1);
  // Reached from the main menu's public registers.
  EXPECT_TRUE(has(b.get("/").body, "href=\"/registres\""));
  EXPECT_TRUE(has(b.get("/registres").body, "href=\"/donnees\""));

  // The format filter offers each format once, in order of its key, spelled the smallest way.
  auto noise = with(with(with(with(with(air_quality(), "title", "Bruit routier à Brest"), "dist-1-format", "csv"),
                              "dist-2-url", "https://data.example.org/bruit.geojson"),
                         "dist-2-format", "GeoJSON"),
                    "dist-2-media", "application/geo+json");
  ASSERT_EQ(b.post("/donnees/nouvelle", noise).status, 303);
  const auto listed = b.get("/donnees").body;
  const auto csv_option = listed.find(R"(<option value="CSV">CSV</option>)");
  const auto geojson = listed.find(R"(<option value="GeoJSON">GeoJSON</option>)");
  ASSERT_NE(csv_option, std::string::npos) << listed;
  ASSERT_NE(geojson, std::string::npos);
  EXPECT_LT(csv_option, geojson);
  EXPECT_FALSE(has(listed, R"(<option value="csv">)"));
  EXPECT_EQ(listed.find(R"(<option value="CSV">)", csv_option + 1), std::string::npos);
}

TEST(Datasets, EditsAreRevisionsComparedWordByWordAndOnlyTheProducersMembersMakeThem) {
  Register reg;
  auto& b = reg.member;
  b.get("/donnees/nouvelle");
  const std::string location = saved_at(b.post("/donnees/nouvelle", air_quality()));
  const std::string slug = location.substr(location.rfind('/') + 1);

  auto form = b.get(location + "/modifier");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, "value=\"29019\" checked"));
  EXPECT_TRUE(has(form.body, "value=\"https://data.example.org/indice.csv\""));
  // Saved unchanged: no revision.
  auto same = with(air_quality(), "base_revision", "1");
  ASSERT_EQ(b.post(location + "/modifier", same).status, 303);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM dataset_revisions"), 1);
  // A second distribution added, the first removed, Rennes added: revision 2.
  auto edit = with(with(with(same, "dist-1-remove", "1"), "dist-2-url", "https://api.example.org/atmo"),
                   "dist-2-format", "API");
  edit.push_back({"territoires", "35238"});
  auto saved = b.post(location + "/modifier", edit);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(reg.site.count("SELECT revision FROM datasets"), 2);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM dataset_distributions"), 1);
  EXPECT_TRUE(has(b.get("/donnees?territoire=35").body, "qualité de l"));
  auto compared = b.get(location + "/historique/comparer?de=1&a=2");
  EXPECT_EQ(compared.status, 200);
  EXPECT_TRUE(has(compared.body, "atmo")) << compared.body;
  EXPECT_TRUE(has(compared.body, "Comment obtenir les données"));
  EXPECT_FALSE(has(compared.body, "<h2>Titre"));
  EXPECT_EQ(b.get(location + "/historique/comparer?de=1&a=9").status, 400);

  // Someone who does not belong to Air Breizh may not edit it, nor add a dataset in its name.
  reg.site.add_user("autre@example.org", "Oscar Autre", kPassword);
  Browser other(reg.site);
  other.sign_in("autre@example.org", kPassword);
  EXPECT_EQ(other.get(location + "/modifier").status, 403);
  other.get("/donnees/nouvelle");
  EXPECT_EQ(other.post(location + "/modifier", with(edit, "title", "Pris")).status, 403);
  auto refused = other.post("/donnees/nouvelle", with(air_quality(), "title", "Autre chose"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused.body, "id=\"f-producer-error\""));
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM datasets"), 1);
  EXPECT_EQ(reg.site.count("SELECT revision FROM datasets"), 2);
  // An animateur may.
  reg.site.add_user("anim@example.org", "Ada Animatrice", kPassword, true);
  Browser anim(reg.site);
  anim.sign_in("anim@example.org", kPassword);
  EXPECT_EQ(anim.get(location + "/modifier").status, 200);
  (void)slug;
}

TEST(Datasets, AFormFromAnOlderRevisionIsMergedAndAFieldBothChangedIsToSettle) {
  Register reg;
  auto& b = reg.member;
  b.get("/donnees/nouvelle");
  const std::string location = saved_at(b.post("/donnees/nouvelle", air_quality()));
  auto from1 = with(air_quality(), "base_revision", "1");
  // One changes the title, the other (from the same revision) the description: both kept.
  ASSERT_EQ(b.post(location + "/modifier", with(from1, "title", "Qualité de l'air à Brest")).status, 303);
  auto merged = b.post(location + "/modifier", with(from1, "description", "L'indice ATMO, chaque jour."));
  ASSERT_EQ(merged.status, 303) << merged.body;
  EXPECT_TRUE(has(merged.header("location"), "fusion=2"));
  auto page = b.get(location).body;
  EXPECT_TRUE(has(page, "Qualité de l&#39;air à Brest") || has(page, "Qualité de l&#x27;air à Brest"));
  EXPECT_TRUE(has(page, "chaque jour."));
  // Both change the licence from revision 1: the second is to settle, nothing written.
  auto conflict = b.post(location + "/modifier", with(from1, "licence", "etalab-2.0"));
  EXPECT_EQ(conflict.status, 303);
  auto second = b.post(location + "/modifier", with(from1, "licence", "CC-BY-4.0"));
  EXPECT_EQ(second.status, 409);
  EXPECT_TRUE(has(second.body, "name=\"merge_field\" value=\"licence\""));
  EXPECT_EQ(reg.site.count("SELECT revision FROM datasets"), 4);
}

TEST(Datasets, BadInputIsRefusedNextToItsFieldWithTheTextKeptAndNothingWritten) {
  Register reg;
  auto& b = reg.member;
  b.get("/donnees/nouvelle");
  const std::vector<std::pair<Fields, std::string>> cases = {
      {with(air_quality(), "title", ""), "title"},
      {with(air_quality(), "description", "  "), "description"},
      {with(air_quality(), "territoires", "99999"), "territoires"},
      {with(air_quality(), "dist-1-url", "ftp://data.example.org/indice.csv"), "dist-1-url"},
      {with(air_quality(), "dist-1-url", "javascript:alert(1)"), "dist-1-url"},
      {with(air_quality(), "dist-1-size", "douze"), "dist-1-size"},
      {with(air_quality(), "licence", ""), "licence"},
      {with(air_quality(), "themes", "cuisine"), "themes"},
      {with(air_quality(), "temporal_start", "2020-02-30"), "temporal_start"},
      {with(air_quality(), "producer", "inconnue"), "producer"},
  };
  for (const auto& [fields, field] : cases) {
    auto r = b.post("/donnees/nouvelle", fields);
    EXPECT_EQ(r.status, 422) << field;
    EXPECT_TRUE(has(r.body, "id=\"f-" + field + "-error\"")) << field;
    EXPECT_TRUE(has(r.body, "value=\"ATMO, pollution\"")) << field << ": what was typed is kept";
  }
  // No territory at all.
  Fields none;
  for (const auto& kv : air_quality())
    if (kv.first != "territoires") none.push_back(kv);
  EXPECT_EQ(b.post("/donnees/nouvelle", none).status, 422);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM datasets"), 0);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM dataset_revisions"), 0);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM territory_links WHERE subject = 'dataset'"), 0);
  // The picker's search and a distribution asked for draw the form again, nothing saved.
  auto searched = with(air_quality(), "territoire_q", "rennes");
  auto drawn = b.post("/donnees/nouvelle", searched);
  EXPECT_EQ(drawn.status, 200);
  EXPECT_TRUE(has(drawn.body, "name=\"territoires\" value=\"35238\">"));
  auto more = b.post("/donnees/nouvelle", with(with(air_quality(), "ajouter_distribution", "1"), "dist-2-url",
                                               "https://data.example.org/indice.json"));
  EXPECT_EQ(more.status, 200);
  EXPECT_TRUE(has(more.body, "value=\"https://data.example.org/indice.json\""));
  EXPECT_TRUE(has(more.body, "id=\"f-dist-3-url\""));
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM datasets"), 0);
}

// Issue #19: an animateur, who may enter a dataset for any organisation, picks its producer with the
// picker, not a list of every organisation; a search draws the form again, nothing saved; two ticked, or
// one unknown, are refused next to the field with the text kept. A member keeps the select of their own.
TEST(Datasets, AnAnimateurPicksTheProducerAmongEveryOrganisation) {
  Register reg;
  EXPECT_TRUE(has(reg.member.get("/donnees/nouvelle").body, R"(<select id="f-producer")"));
  reg.site.add_user("anim@example.org", "Ada Animatrice", kPassword, true);
  Browser anim(reg.site);
  anim.sign_in("anim@example.org", kPassword);
  auto form = anim.get("/donnees/nouvelle");
  EXPECT_FALSE(has(form.body, R"(<select id="f-producer")"));
  EXPECT_TRUE(has(form.body, R"(<label for="f-producer_q">)"));
  auto found = anim.post("/donnees/nouvelle", with(without(air_quality(), "producer"), "producer_q", "breizh"));
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found.body, R"(name="producer" value="air-breizh")"));
  EXPECT_TRUE(has(found.body, "value=\"ATMO, pollution\""));
  Fields two = air_quality();
  two.emplace_back("producer", "air-breizh");
  for (const auto& fields : {two, with(air_quality(), "producer", "inconnue")}) {
    auto refused = anim.post("/donnees/nouvelle", fields);
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(has(refused.body, R"(id="f-producer-error")"));
    EXPECT_TRUE(has(refused.body, "value=\"ATMO, pollution\""));
  }
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM datasets"), 0);
  auto saved = anim.post("/donnees/nouvelle", air_quality());
  ASSERT_EQ(saved.status, 303) << saved.body;
  const std::string edit = saved.header("location").substr(0, saved.header("location").find('?')) + "/modifier";
  EXPECT_TRUE(has(anim.get(edit).body, R"(name="producer" value="air-breizh" checked)"));
}

// Two entries: the air in Brest (every field) and noise in Rennes (only what is required).
void add_two(Register& reg) {
  auto& b = reg.member;
  b.get("/donnees/nouvelle");
  ASSERT_EQ(b.post("/donnees/nouvelle", air_quality()).status, 303);
  auto noise = b.post("/donnees/nouvelle", {{"title", "Carte du bruit routier"},
                                            {"description", "Les niveaux de bruit le long des grands axes."},
                                            {"producer", "air-breizh"},
                                            {"territoires", "35238"},
                                            {"licence", "etalab-2.0"},
                                            {"distributions", "1"},
                                            {"dist-1-url", "https://data.example.org/bruit.geojson"}});
  ASSERT_EQ(noise.status, 303) << noise.body;
}

// What a real RDF parser reads in the JSON-LD and the Turtle of the same page (dcat_check.py).
bj::object parsed(const std::string& jsonld, const std::string& turtle) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("fabrique-dcat-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "catalogue.jsonld") << jsonld;
  std::ofstream(dir / "catalogue.ttl") << turtle;
  const std::string command = "/usr/bin/python3 " + (integration_dir() / "dcat_check.py").string() + " " +
                              (dir / "catalogue.jsonld").string() + " " + (dir / "catalogue.ttl").string() + " 2>&1";
  FILE* p = ::popen(command.c_str(), "r");
  std::string output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, p)) output.append(buffer, n);
  const int status = ::pclose(p);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(status, 0) << output;
  return bj::parse(output).as_object();
}

TEST(Datasets, TheCatalogueInJsonLdAndTurtleIsReadByARealRdfParserAsTheSameGraph) {
  Register reg;
  add_two(reg);
  auto& b = reg.member;
  // Every IRI starts with the address the site was asked at.
  const std::string base =
      std::string(json(b, "/donnees.json").at("datasets").at(0).at("url").as_string())
          .substr(0,
                  std::string(json(b, "/donnees.json").at("datasets").at(0).at("url").as_string()).find("/donnees/"));
  // Content negotiation, and each format at its own address.
  auto turtle = b.get("/donnees/catalogue", {{"Accept", "text/turtle"}});
  EXPECT_EQ(turtle.status, 200);
  EXPECT_TRUE(turtle.header("content-type").starts_with("text/turtle"));
  EXPECT_TRUE(b.get("/donnees/catalogue", {{"Accept", "application/ld+json"}})
                  .header("content-type")
                  .starts_with("application/ld+json"));
  EXPECT_TRUE(b.get("/donnees/catalogue").header("content-type").starts_with("application/ld+json"));
  const auto jsonld = b.get("/donnees/catalogue.jsonld");
  const auto ttl = b.get("/donnees/catalogue.ttl");
  ASSERT_EQ(jsonld.status, 200);
  ASSERT_EQ(ttl.status, 200);
  EXPECT_EQ(ttl.body, turtle.body);

  auto graph = parsed(jsonld.body, ttl.body);
  EXPECT_TRUE(graph.at("isomorphic").as_bool()) << jsonld.body << "\n" << ttl.body;
  EXPECT_GT(graph.at("turtle_triples").as_int64(), 40);
  EXPECT_EQ(graph.at("total").as_int64(), 2);
  const auto& datasets = graph.at("datasets").as_object();
  ASSERT_EQ(datasets.size(), 2u) << ttl.body;
  for (const auto& [iri, d] : datasets) {
    EXPECT_TRUE(d.at("lacks").as_array().empty()) << iri << ": " << bj::serialize(d);
    EXPECT_EQ(d.at("publisher").as_string(), base + "/organisations/air-breizh");
  }
  bool brest = false;
  for (const auto& [iri, d] : datasets)
    if (d.at("title").as_string() == "Indice de la qualité de l'air à Brest") {
      brest = true;
      EXPECT_EQ(d.at("spatial").as_array().at(0).as_string(), base + "/territoires/29019");
      EXPECT_EQ(d.at("access").as_array().at(0).as_string(), "https://data.example.org/indice.csv");
    }
  EXPECT_TRUE(brest);
  // Paged for large catalogues: one per page, the next page named.
  auto first =
      parsed(b.get("/donnees/catalogue.jsonld?per_page=1").body, b.get("/donnees/catalogue.ttl?per_page=1").body);
  EXPECT_TRUE(first.at("isomorphic").as_bool());
  EXPECT_EQ(first.at("datasets").as_object().size(), 1u);
  EXPECT_EQ(first.at("total").as_int64(), 2);
  ASSERT_EQ(first.at("next").as_array().size(), 1u);
  EXPECT_EQ(first.at("next").as_array()[0].as_string(), base + "/donnees/catalogue?page=2&per_page=1");
  EXPECT_EQ(b.get("/donnees/catalogue.ttl?page=zero").status, 400);
}

// The entries of a list as JSON without what depends on the site's address or the time of writing.
bj::array comparable(bj::array items) {
  std::function<void(bj::value&)> strip = [&](bj::value& v) {
    if (v.is_object()) {
      v.as_object().erase("url");
      v.as_object().erase("updated_at");
      for (auto& [k, x] : v.as_object()) strip(x);
    } else if (v.is_array()) {
      for (auto& x : v.as_array()) strip(x);
    }
  };
  for (auto& item : items) strip(item);
  return items;
}

TEST(Datasets, AnExportedCatalogueImportedElsewhereGivesTheSameEntriesAndAgainChangesNothing) {
  Register reg;
  add_two(reg);
  const std::string exported = reg.member.get("/donnees/catalogue.jsonld").body;
  const auto before = comparable(json(reg.member, "/donnees.json").at("datasets").as_array());

  // Imported into its own site: nothing changes.
  {
    auto c = reg.site.db().acquire();
    auto again = datasets::import_datasets(*c, exported, reg.site.now());
    EXPECT_TRUE(again.errors.empty()) << again.errors.front();
    EXPECT_EQ(again.unchanged, 2);
    EXPECT_EQ(again.created + again.updated, 0);
  }
  // Into a new site, where the producer is unknown: the same entries, its producer added.
  Site other;
  load_territories(other);
  {
    auto c = other.db().acquire();
    auto r = datasets::import_datasets(*c, exported, other.now());
    ASSERT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_EQ(r.created, 2);
    auto again = datasets::import_datasets(*c, exported, other.now());
    EXPECT_EQ(again.unchanged, 2);
  }
  Browser visitor(other);
  EXPECT_EQ(comparable(json(visitor, "/donnees.json").at("datasets").as_array()), before);
  EXPECT_EQ(other.count("SELECT COUNT(*) FROM organisations WHERE name = 'Air Breizh'"), 1);

  // A file that is not a catalogue, or whose entry is refused: nothing written.
  {
    auto c = other.db().acquire();
    EXPECT_FALSE(datasets::import_datasets(*c, "not json", other.now()).errors.empty());
    std::string broken = exported;
    const std::string url = "https://data.example.org/bruit.geojson";
    broken.replace(broken.find(url), url.size(), "ftp://data.example.org/bruit.geojson");
    auto refused = datasets::import_datasets(*c, broken, other.now());
    EXPECT_FALSE(refused.errors.empty());
  }
  EXPECT_EQ(other.count("SELECT COUNT(*) FROM dataset_revisions"), 2);
}

}  // namespace
}  // namespace fabrique::test::register_of_datasets
