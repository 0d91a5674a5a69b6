// Reuses of the register's datasets over real HTTP: declared by any member (bad input refused next
// to its field, nothing written), the producing organisation's members told on the site and by mail,
// answered by those members only, shown on the dataset's page, filtered, exported as JSON and CSV,
// linked to their datasets in the DCAT catalogue, and counted on the producer's data page.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "integration/mail_support.hpp"
#include "integration/site.hpp"
#include "territories/store.hpp"
#include "territories/use_cases.hpp"

// A namespace of its own: the integration tests are compiled in unity batches.
namespace fabrique::test::reuses_of_datasets {
namespace {

namespace bj = boost::json;

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

bj::object json(Browser& b, const std::string& target) {
  auto r = b.get(target);
  EXPECT_EQ(r.status, 200) << target;
  return bj::parse(r.body).as_object();
}

// What a Python program prints, as JSON, given `files` (written to a scratch folder) as arguments.
bj::value python(const std::string& program, const std::vector<std::string>& files) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("fabrique-reuses-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "program.py") << program;
  std::string command = "/usr/bin/python3 " + (dir / "program.py").string();
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto name = dir / ("file-" + std::to_string(i));
    std::ofstream(name, std::ios::binary) << files[i];
    command += " " + name.string();
  }
  command += " 2>&1";
  FILE* p = ::popen(command.c_str(), "r");
  std::string output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, p)) output.append(buffer, n);
  const int status = ::pclose(p);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(status, 0) << output;
  return bj::parse(output);
}

// Air Breizh (Anne is a member, her address confirmed) produces two datasets; Rita belongs to no
// organisation and reuses them.
struct Reuses {
  Site site;
  Browser anne{site}, rita{site};
  Reuses() {
    {
      auto c = site.db().acquire();
      territories::load_territories(
          *c, territories::read_cog(std::filesystem::path(__FILE__).parent_path() / "cog" / "a" / "data"));
    }
    site.add_user("air@example.org", "Anne Air", kPassword);
    site.add_user("rita@example.org", "Rita Reuse", kPassword);
    {
      auto c = site.db().acquire();
      c->execute("UPDATE users SET email_confirmed_at = 1, show_name = 1");
    }
    anne.sign_in("air@example.org", kPassword);
    rita.sign_in("rita@example.org", kPassword);
    anne.get("/organisations/nouvelle");
    EXPECT_EQ(anne.post("/organisations/nouvelle",
                        {{"name", "Air Breizh"}, {"kind", "association-tech"}, {"website", ""}, {"description", ""}})
                  .status,
              303);
    anne.get("/donnees/nouvelle");
    for (const auto& [title, place] :
         {std::pair{"Indice de la qualité de l'air", "29019"}, std::pair{"Carte du bruit routier", "35238"}}) {
      auto r = anne.post("/donnees/nouvelle", {{"title", title},
                                               {"description", "Des mesures."},
                                               {"producer", "air-breizh"},
                                               {"territoires", place},
                                               {"licence", "etalab-2.0"},
                                               {"distributions", "1"},
                                               {"dist-1-url", "https://data.example.org/mesures.csv"}});
      EXPECT_EQ(r.status, 303) << r.body;
    }
    rita.get("/donnees/reutilisations/nouvelle");
  }
};

Fields kit() {
  return {{"title", "Un kit de classe sur l'air"},
          {"description", "Des fiches pour lire l'indice du jour avec les élèves."},
          {"kind", "pedagogie"},
          {"jeux", "indice-de-la-qualite-de-l-air"},
          {"purposes", "enseigner"},
          {"purposes", "sensibiliser"},
          {"purpose_text", "Apprendre à lire une donnée publique"},
          {"audiences", "enseignement"},
          {"url", "https://kit.example.org/air"},
          {"territoires", "29019"}};
}

std::string declared(Reuses& s, const Fields& f) {
  auto r = s.rita.post("/donnees/reutilisations/nouvelle", f);
  EXPECT_EQ(r.status, 303) << r.body;
  const std::string location = r.header("location");
  EXPECT_TRUE(location.starts_with("/donnees/reutilisations/")) << location;
  return location.substr(0, location.find('?'));
}

TEST(Reuses, BadInputIsRefusedNextToItsFieldWithNothingWritten) {
  Reuses s;
  const std::vector<std::pair<Fields, std::string>> cases = {
      {without(kit(), "jeux"), "jeux"},
      {with(kit(), "jeux", "inconnu"), "jeux"},
      {with(kit(), "url", "ftp://kit.example.org/air"), "url"},
      {with(kit(), "url", "javascript:alert(1)"), "url"},
      {with(kit(), "territoires", "99999"), "territoires"},
      {with(kit(), "title", "  "), "title"},
      {with(kit(), "description", ""), "description"},
      {with(kit(), "kind", "recette"), "kind"},
      {with(kit(), "audiences", "martiens"), "audiences"},
  };
  for (const auto& [fields, field] : cases) {
    auto r = s.rita.post("/donnees/reutilisations/nouvelle", fields);
    EXPECT_EQ(r.status, 422) << field;
    EXPECT_TRUE(has(r.body, "id=\"f-" + field + "-error\"")) << field << r.body;
    EXPECT_TRUE(has(r.body, "Apprendre à lire une donnée publique")) << field << ": what was typed is kept";
  }
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM reuses"), 0);
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM reuse_datasets"), 0);
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM territory_links WHERE subject = 'reuse'"), 0);
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM notifications"), 0);
  // The dataset picker's search draws the form again with what matches, nothing saved.
  auto drawn = s.rita.post("/donnees/reutilisations/nouvelle", with(without(kit(), "jeux"), "jeux_q", "bruit"));
  EXPECT_EQ(drawn.status, 200);
  EXPECT_TRUE(has(drawn.body, "name=\"jeux\" value=\"carte-du-bruit-routier\">")) << drawn.body;
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM reuses"), 0);
  // Visitors are sent to sign in.
  Browser visitor(s.site);
  EXPECT_EQ(visitor.get("/donnees/reutilisations/nouvelle").status, 303);
}

TEST(Reuses, TheProducersMembersAreToldAndOnlyTheyAnswerOncePerOrganisation) {
  Reuses s;
  const std::string location = declared(s, kit());
  ASSERT_TRUE(location.starts_with("/donnees/reutilisations/")) << location;
  // Anne is told on the site and by mail; Rita, who declared it, is not.
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id "
                         "WHERE u.email = 'air@example.org' AND n.link = '" +
                         location + "'"),
            1);
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id "
                         "WHERE u.email = 'rita@example.org'"),
            0);
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM outbox WHERE recipient = 'air@example.org' AND kind = 'reuses'"), 1);
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM outbox WHERE recipient = 'rita@example.org'"), 0);

  auto page = s.rita.get(location);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "href=\"/donnees/indice-de-la-qualite-de-l-air\""));
  EXPECT_TRUE(has(page.body, "href=\"/territoires/29019\">Brest</a>"));
  EXPECT_TRUE(has(page.body, "Apprendre à lire une donnée publique"));
  // Rita may not answer (no form, and the POST refused); Anne may.
  EXPECT_FALSE(has(page.body, "name=\"body\""));
  EXPECT_EQ(s.rita.post(location + "/reponse", {{"organisation", "air-breizh"}, {"body", "Merci !"}}).status, 403);
  auto anne_page = s.anne.get(location);
  EXPECT_TRUE(has(anne_page.body, "name=\"body\""));
  auto empty = s.anne.post(location + "/reponse", {{"organisation", "air-breizh"}, {"body", " "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(has(empty.body, "id=\"f-body-error\""));
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM reuse_answers"), 0);
  ASSERT_EQ(s.anne.post(location + "/reponse", {{"organisation", "air-breizh"}, {"body", "Merci, bel usage."}}).status,
            303);
  ASSERT_EQ(
      s.anne.post(location + "/reponse", {{"organisation", "air-breizh"}, {"body", "Merci ; l'indice change en 2027."}})
          .status,
      303);
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM reuse_answers"), 1);
  page = s.rita.get(location);
  EXPECT_TRUE(has(page.body, "change en 2027")) << page.body;
  EXPECT_FALSE(has(page.body, "bel usage"));
  // Rita is told of the answers.
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id "
                         "WHERE u.email = 'rita@example.org'"),
            2);
  auto one = json(s.rita, location + ".json");
  EXPECT_EQ(one.at("answers").at(0).at("organisation").at("slug").as_string(), "air-breizh");
  EXPECT_EQ(one.at("datasets").at(0).at("slug").as_string(), "indice-de-la-qualite-de-l-air");
  EXPECT_EQ(one.at("type").at("code").as_string(), "pedagogie");

  // Only Rita (and animateurs) edit it; a dataset newly used tells its producers again.
  EXPECT_EQ(s.anne.get(location + "/modifier").status, 403);
  auto form = s.rita.get(location + "/modifier");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, "value=\"enseigner\" checked"));
  auto edited = with(kit(), "title", "Un kit sur l'air et le bruit");
  edited.push_back({"jeux", "carte-du-bruit-routier"});
  ASSERT_EQ(s.rita.post(location + "/modifier", edited).status, 303);
  EXPECT_EQ(s.site.count("SELECT COUNT(*) FROM reuse_datasets"), 2);
  EXPECT_EQ(s.anne.post(location + "/modifier", edited).status, 403);
}

TEST(Reuses, TheDatasetShowsItsReusesAndTheListsFilterAndExportThem) {
  Reuses s;
  declared(s, kit());
  declared(s, {{"title", "Note aux élus sur le bruit"},
               {"description", "Une synthèse pour choisir les rues à apaiser."},
               {"kind", "decision-publique"},
               {"jeux", "carte-du-bruit-routier"},
               {"purposes", "decider"},
               {"audiences", "elus"},
               {"territoires", "35238"}});
  // The dataset's page: who reuses it, for what, for whom.
  auto page = s.rita.get("/donnees/indice-de-la-qualite-de-l-air").body;
  EXPECT_TRUE(has(page, "Un kit de classe sur l"));
  EXPECT_TRUE(has(page, "Enseignants et élèves"));
  EXPECT_FALSE(has(page, "Note aux élus"));
  // The register: reused ones only, and the counts in JSON and CSV.
  EXPECT_EQ(json(s.rita, "/donnees.json?reutilise=1").at("total").as_int64(), 2);
  auto counted = json(s.rita, "/donnees.json");
  for (const auto& d : counted.at("datasets").as_array()) EXPECT_EQ(d.at("reuses").as_int64(), 1);
  // The reuses' filters: kind, audience, dataset, territory (and what lies within it).
  auto titles = [&](const std::string& query) {
    std::vector<std::string> out;
    const auto list = json(s.rita, "/donnees/reutilisations.json" + query);
    for (const auto& r : list.at("reuses").as_array()) out.emplace_back(r.at("title").as_string());
    return out;
  };
  EXPECT_EQ(titles("").size(), 2u);
  EXPECT_EQ(titles("?type=pedagogie"), std::vector<std::string>{"Un kit de classe sur l'air"});
  EXPECT_EQ(titles("?public=elus"), std::vector<std::string>{"Note aux élus sur le bruit"});
  EXPECT_EQ(titles("?jeu=carte-du-bruit-routier"), std::vector<std::string>{"Note aux élus sur le bruit"});
  // The dataset also by words of its title, as typed in the page's field; words naming none: nothing,
  // said next to the field.
  EXPECT_EQ(titles("?jeu=bruit+routier"), std::vector<std::string>{"Note aux élus sur le bruit"});
  EXPECT_TRUE(titles("?jeu=zzz+introuvable").empty());
  auto narrowed = s.rita.get("/donnees/reutilisations?jeu=bruit+routier").body;
  EXPECT_TRUE(has(narrowed, "Note aux élus"));
  EXPECT_FALSE(has(narrowed, "Un kit de classe"));
  auto unknown = s.rita.get("/donnees/reutilisations?jeu=zzz+introuvable").body;
  EXPECT_TRUE(has(unknown, "Aucun jeu de données n’a cette adresse ni ces mots.")) << unknown;
  EXPECT_TRUE(has(unknown, "value=\"zzz introuvable\"")) << "the words typed are kept";
  EXPECT_EQ(titles("?territoire=29"), std::vector<std::string>{"Un kit de classe sur l'air"});
  EXPECT_TRUE(titles("?territoire=29&public=elus").empty());
  auto list = s.rita.get("/donnees/reutilisations?type=decision-publique");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(has(list.body, "Note aux élus"));
  EXPECT_FALSE(has(list.body, "Un kit de classe"));

  // The CSVs, as a spreadsheet reads them.
  const auto rows = python(
      "import csv, json, sys\n"
      "out = []\n"
      "for name in sys.argv[1:]:\n"
      "    with open(name, encoding='utf-8-sig', newline='') as f:\n"
      "        out.append(list(csv.DictReader(f)))\n"
      "print(json.dumps(out))\n",
      {s.rita.get("/donnees/reutilisations.csv").body, s.rita.get("/donnees.csv?reutilise=1").body});
  const auto& reuses = rows.at(0).as_array();
  ASSERT_EQ(reuses.size(), 2u);
  for (const auto& r : reuses)
    if (r.at("type").as_string() == "pedagogie") {
      EXPECT_EQ(r.at("datasets").as_string(), "indice-de-la-qualite-de-l-air");
      EXPECT_EQ(r.at("producers").as_string(), "Air Breizh");
      EXPECT_EQ(r.at("audiences").as_string(), "Enseignants et élèves");
      EXPECT_EQ(r.at("territories").as_string(), "29019");
    }
  const auto& datasets = rows.at(1).as_array();
  ASSERT_EQ(datasets.size(), 2u);
  EXPECT_EQ(datasets.at(0).at("reuses").as_string(), "1");
}

TEST(Reuses, TheCatalogueLinksReusesAndDatasetsBothWaysInJsonLdAndTurtle) {
  Reuses s;
  auto both = kit();
  both.push_back({"jeux", "carte-du-bruit-routier"});
  const std::string location = declared(s, both);
  auto jsonld = s.rita.get("/donnees/catalogue.jsonld");
  auto ttl = s.rita.get("/donnees/catalogue.ttl");
  ASSERT_EQ(jsonld.status, 200);
  ASSERT_EQ(ttl.status, 200);
  // Read by the same real RDF parser as the register's catalogue test.
  std::ifstream check(integration_dir() / "dcat_check.py");
  const std::string program((std::istreambuf_iterator<char>(check)), std::istreambuf_iterator<char>());
  auto graph = python(program, {jsonld.body, ttl.body}).as_object();
  EXPECT_TRUE(graph.at("isomorphic").as_bool());
  std::string noise_iri;
  for (const auto& [iri, d] : graph.at("datasets").as_object()) {
    const auto& by = d.at("referenced_by").as_array();
    ASSERT_EQ(by.size(), 1u) << bj::serialize(d);
    EXPECT_TRUE(std::string(by.at(0).as_string()).ends_with(location)) << bj::serialize(d);
    if (d.at("title").as_string() == "Carte du bruit routier") noise_iri = iri;
  }
  ASSERT_FALSE(noise_iri.empty());
  const auto& references = graph.at("references").as_object();
  bool found = false;
  for (const auto& [reuse, targets] : references)
    if (reuse.ends_with(location)) {
      found = true;
      const auto& to = targets.as_array();
      ASSERT_EQ(to.size(), 2u);
      EXPECT_TRUE(to.at(0).as_string() == noise_iri || to.at(1).as_string() == noise_iri) << bj::serialize(to);
    }
  EXPECT_TRUE(found) << bj::serialize(references);
}

TEST(Reuses, TheProducersDataPageCountsReusesByKindAudienceAndQuarterWithTables) {
  Reuses s;
  declared(s, kit());
  // A hundred days later (signed in again: the session has expired), another quarter.
  s.site.advance(std::chrono::hours(24 * 100));
  s.rita.sign_in("rita@example.org", kPassword);
  s.rita.get("/donnees/reutilisations/nouvelle");
  declared(s, with(with(kit(), "kind", "visualisation"), "audiences", "grand-public"));
  auto org = s.rita.get("/organisations/air-breizh");
  EXPECT_TRUE(has(org.body, "href=\"/organisations/air-breizh/donnees\""));
  auto page = s.rita.get("/organisations/air-breizh/donnees");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "href=\"/donnees/indice-de-la-qualite-de-l-air\""));
  EXPECT_TRUE(has(page.body, "réutilisé 2 fois")) << page.body;
  EXPECT_TRUE(has(page.body, "role=\"img\""));
  EXPECT_TRUE(has(page.body, "<tr><th scope=\"row\">Pédagogie</th><td>1</td></tr>"));
  EXPECT_TRUE(has(page.body, "<tr><th scope=\"row\">Visualisation</th><td>1</td></tr>"));
  EXPECT_TRUE(has(page.body, "<tr><th scope=\"row\">Grand public</th><td>1</td></tr>"));
  EXPECT_TRUE(has(page.body, "<tr><th scope=\"row\">Enseignants et élèves</th><td>1</td></tr>"));
  // Two quarters at least: every one from the first reuse to the latest.
  const std::string quarters = page.body.substr(page.body.find("id=\"t-par-trimestre\""));
  std::size_t rows = 0;
  for (auto at = quarters.find("<th scope=\"row\">"); at != std::string::npos;
       at = quarters.find("<th scope=\"row\">", at + 1))
    ++rows;
  EXPECT_GE(rows, 2u) << quarters;
  EXPECT_EQ(s.rita.get("/organisations/inconnue/donnees").status, 404);
}

}  // namespace
}  // namespace fabrique::test::reuses_of_datasets
