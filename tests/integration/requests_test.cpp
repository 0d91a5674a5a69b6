// Data requests over real HTTP: a member asks for data (bad input refused next to its field, nothing
// written), others say "me too" once each, the producers of data on its themes or territories are
// told and answer it or link the dataset that serves it, others may not (403), and the requester and
// the "me too" people are told (notification and mail in the outbox). Filters, JSON and CSV.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "integration/site.hpp"
#include "territories/store.hpp"
#include "territories/use_cases.hpp"

// A namespace of its own: the integration tests are compiled in unity batches.
namespace fabrique::test::data_requests {
namespace {

namespace bj = boost::json;

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

// A member of a new organisation `org` that produces one dataset on `territory` and `theme`.
void producer(Site& site, Browser& b, const std::string& email, const std::string& org, const std::string& org_slug,
              const std::string& territory, const std::string& theme, const std::string& title) {
  site.add_user(email, "Producteur " + org, kPassword);
  ASSERT_EQ(b.sign_in(email, kPassword).status, 303);
  b.get("/organisations/nouvelle");
  ASSERT_EQ(b.post("/organisations/nouvelle",
                   {{"name", org}, {"kind", "association-tech"}, {"website", ""}, {"description", ""}})
                .status,
            303);
  b.get("/donnees/nouvelle");
  auto r = b.post("/donnees/nouvelle", {{"title", title},
                                        {"description", "Des mesures, chaque jour."},
                                        {"producer", org_slug},
                                        {"themes", theme},
                                        {"territoires", territory},
                                        {"licence", "ODbL-1.0"},
                                        {"distributions", "1"},
                                        {"dist-1-url", "https://data.example.org/" + org_slug + ".csv"},
                                        {"dist-1-format", "CSV"}});
  ASSERT_EQ(r.status, 303) << r.body;
}

struct Register {
  Site site;
  Browser air{site}, bruit{site}, asker{site}, other{site};
  Register() {
    auto c = site.db().acquire();
    territories::load_territories(
        *c, territories::read_cog(std::filesystem::path(__FILE__).parent_path() / "cog" / "a" / "data"));
    // Air Breizh measures the air in Brest; Bruit 35 the noise in Ille-et-Vilaine.
    producer(site, air, "air@example.org", "Air Breizh", "air-breizh", "29019", "air", "Qualité de l'air à Brest");
    producer(site, bruit, "bruit@example.org", "Bruit 35", "bruit-35", "35", "bruit", "Cartes du bruit");
    site.add_user("demande@example.org", "Dana Demande", kPassword);
    site.add_user("aussi@example.org", "Oscar Aussi", kPassword);
    c->execute("UPDATE users SET email_confirmed_at = 1, show_name = 1");
    EXPECT_EQ(asker.sign_in("demande@example.org", kPassword).status, 303);
    EXPECT_EQ(other.sign_in("aussi@example.org", kPassword).status, 303);
  }
  std::int64_t told(const std::string& email, const std::string& message_start) {
    auto c = site.db().acquire();
    return c->query_integer(
        "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ? AND n.message LIKE ?",
        {email, message_start + "%"});
  }
  std::int64_t mailed(const std::string& email) {
    auto c = site.db().acquire();
    return c->query_integer("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND kind = 'data_requests'", {email});
  }
};

Fields school_air() {
  return {{"title", "Pollution de l'air près des écoles du Finistère"},
          {"description", "Des mesures de dioxyde d'azote au plus près des écoles, pas seulement en ville."},
          {"themes", "air"},
          {"territoires", "29"},
          {"purpose", "Montrer aux parents d'élèves ce que respirent leurs enfants."},
          {"audience", "Parents, enseignants et élus"},
          {"link", "https://exemple.org/ecoles"}};
}

bj::object json(Browser& b, const std::string& target) {
  auto r = b.get(target);
  EXPECT_EQ(r.status, 200) << target;
  return bj::parse(r.body).as_object();
}

TEST(DataRequests, BadInputIsRefusedNextToItsFieldAndNothingIsWritten) {
  Register reg;
  auto& b = reg.asker;
  ASSERT_EQ(b.get("/donnees/demandes/nouvelle").status, 200);
  for (const auto& [fields, field] :
       std::vector<std::pair<Fields, std::string>>{{with(school_air(), "title", "  "), "title"},
                                                   {with(school_air(), "territoires", "99999"), "territoires"},
                                                   {with(school_air(), "link", "javascript:alert(1)"), "link"},
                                                   {with(school_air(), "link", "ftp://exemple.org/x"), "link"},
                                                   {with(school_air(), "purpose", ""), "purpose"},
                                                   {with(school_air(), "themes", "inconnu"), "themes"}}) {
    auto r = b.post("/donnees/demandes/nouvelle", fields);
    EXPECT_EQ(r.status, 422) << field;
    EXPECT_TRUE(has(r.body, "id=\"f-" + field + "-error\"")) << field << r.body;
    EXPECT_TRUE(has(r.body, "Des mesures de dioxyde d&#39;azote") || has(r.body, "Des mesures de dioxyde d&#x27;azote"))
        << "the input is kept";
  }
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM data_requests"), 0);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM territory_links WHERE subject = 'data_request'"), 0);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM notifications"), 0);
  // Only members ask.
  Browser visitor(reg.site);
  EXPECT_NE(visitor.get("/donnees/demandes/nouvelle").status, 200);
}

TEST(DataRequests, AskedSupportedOnceEachAnsweredByAProducerWithADatasetAndThePeopleWhoAskedAreTold) {
  Register reg;
  reg.asker.get("/donnees/demandes/nouvelle");
  auto asked = reg.asker.post("/donnees/demandes/nouvelle", school_air());
  ASSERT_EQ(asked.status, 303) << asked.body;
  const std::string location = asked.header("location").substr(0, asked.header("location").find('?'));
  ASSERT_TRUE(location.starts_with("/donnees/demandes/")) << location;
  EXPECT_TRUE(has(reg.asker.get(location).body, "<h1>Pollution de l"));
  // The producer of air data in Brest (within Finistère) is told; the producer of noise in
  // Ille-et-Vilaine is not.
  EXPECT_EQ(reg.told("air@example.org", "A new data request"), 1);
  EXPECT_EQ(reg.mailed("air@example.org"), 1);
  EXPECT_EQ(reg.told("bruit@example.org", "A new data request"), 0);
  EXPECT_EQ(reg.mailed("bruit@example.org"), 0);
  // Each producer's own list.
  EXPECT_TRUE(has(reg.air.get("/donnees/demandes?pour=mon-organisation").body, "Pollution de l"));
  EXPECT_FALSE(has(reg.bruit.get("/donnees/demandes?pour=mon-organisation").body, "Pollution de l"));

  // "Me too", once per person: saying it again edits the purpose.
  auto page = reg.other.get(location);
  EXPECT_TRUE(has(page.body, "name=\"support_purpose\""));
  EXPECT_FALSE(has(page.body, "action=\"" + location + "/reponse\"")) << "not a producer";
  auto empty = reg.other.post(location + "/moi-aussi", {{"support_purpose", " "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(has(empty.body, "id=\"f-support_purpose-error\""));
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM data_request_supports"), 0);
  ASSERT_EQ(reg.other.post(location + "/moi-aussi", {{"support_purpose", "Un atelier au collège."}}).status, 303);
  ASSERT_EQ(reg.other.post(location + "/moi-aussi", {{"support_purpose", "Un atelier au lycée."}}).status, 303);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM data_request_supports"), 1);
  page = reg.other.get(location);
  EXPECT_TRUE(has(page.body, "Un atelier au lycée."));
  EXPECT_FALSE(has(page.body, "Un atelier au collège."));
  // The requester already counts.
  EXPECT_EQ(reg.asker.post(location + "/moi-aussi", {{"support_purpose", "Moi aussi"}}).status, 403);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM data_request_supports"), 1);

  // Someone who produces nothing on its themes or territories may not answer.
  EXPECT_FALSE(has(reg.bruit.get(location).body, "action=\"" + location + "/reponse\""));
  EXPECT_EQ(reg.bruit.post(location + "/reponse", {{"status", "refusee"}, {"answer", "Non."}}).status, 403);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM data_requests WHERE status = 'ouverte'"), 1);
  // The producer: served needs a dataset, refused needs a reason.
  EXPECT_TRUE(has(reg.air.get(location).body, "action=\"" + location + "/reponse\""));
  auto no_dataset = reg.air.post(location + "/reponse", {{"status", "servie"}, {"dataset", ""}, {"answer", ""}});
  EXPECT_EQ(no_dataset.status, 422);
  EXPECT_TRUE(has(no_dataset.body, "id=\"f-dataset-error\""));
  auto no_reason = reg.air.post(location + "/reponse", {{"status", "refusee"}, {"dataset", ""}, {"answer", ""}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(has(no_reason.body, "id=\"f-answer-error\""));
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM data_requests WHERE answered_at IS NOT NULL"), 0);
  EXPECT_EQ(reg.told("demande@example.org", "Your data request"), 0);
  auto served = reg.air.post(location + "/reponse", {{"status", "servie"},
                                                     {"dataset", "qualite-de-l-air-a-brest"},
                                                     {"answer", "Nos capteurs couvrent déjà trois écoles."}});
  ASSERT_EQ(served.status, 303) << served.body;
  page = reg.asker.get(location);
  EXPECT_TRUE(has(page.body, "href=\"/donnees/qualite-de-l-air-a-brest\""));
  EXPECT_TRUE(has(page.body, "Nos capteurs couvrent déjà trois écoles."));
  EXPECT_TRUE(has(page.body, "href=\"/organisations/air-breizh\""));
  // The requester and the "me too" are told, on the site and by mail; not the one who answered.
  EXPECT_EQ(reg.told("demande@example.org", "Your data request"), 1);
  EXPECT_EQ(reg.told("aussi@example.org", "Your data request"), 1);
  EXPECT_EQ(reg.mailed("demande@example.org"), 1);
  EXPECT_EQ(reg.mailed("aussi@example.org"), 1);
  EXPECT_EQ(reg.told("air@example.org", "Your data request"), 0);

  // Taking the "me too" back.
  ASSERT_EQ(reg.other.post(location + "/moi-aussi/retirer", {}).status, 303);
  EXPECT_EQ(reg.site.count("SELECT COUNT(*) FROM data_request_supports"), 0);
}

TEST(DataRequests, FoundByThemeTerritoryStatusAndWordsAsHtmlJsonAndCsv) {
  Register reg;
  reg.asker.get("/donnees/demandes/nouvelle");
  ASSERT_EQ(reg.asker.post("/donnees/demandes/nouvelle", school_air()).status, 303);
  auto& b = reg.other;
  EXPECT_TRUE(has(b.get("/donnees").body, "href=\"/donnees/demandes\""));
  for (const std::string query : {"", "?theme=air", "?territoire=region-53", "?territoire=29", "?territoire=finistere",
                                  "?statut=ouverte", "?q=ecoles", "?q=DIOXYDE"})
    EXPECT_TRUE(has(b.get("/donnees/demandes" + query).body, "Pollution de l")) << query;
  for (const std::string query : {"?theme=eau", "?territoire=35", "?territoire=29019", "?statut=servie", "?q=bruit"})
    EXPECT_FALSE(has(b.get("/donnees/demandes" + query).body, "Pollution de l")) << query;
  // Its territories in the list's row.
  EXPECT_TRUE(has(b.get("/donnees/demandes").body, "Finistère"));

  auto list = json(b, "/donnees/demandes.json?theme=air");
  EXPECT_EQ(list.at("total").as_int64(), 1);
  const auto& item = list.at("requests").at(0).as_object();
  EXPECT_EQ(item.at("territories").at(0).at("key").as_string(), "29");
  EXPECT_EQ(item.at("status").as_string(), "ouverte");
  EXPECT_EQ(json(b, "/donnees/demandes.json?territoire=35").at("total").as_int64(), 0);
  const std::string url = std::string(item.at("url").as_string());
  auto one = json(b, url.substr(url.find("/donnees/")) + ".json");
  EXPECT_EQ(one.at("themes").at(0).at("slug").as_string(), "air");
  EXPECT_EQ(one.at("purpose").as_string(), "Montrer aux parents d'élèves ce que respirent leurs enfants.");
  EXPECT_EQ(b.get("/donnees/demandes/999.json").status, 404);
  EXPECT_EQ(b.get("/donnees/demandes/999").status, 404);

  auto csv = b.get("/donnees/demandes.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.header("content-type").starts_with("text/csv"));
  EXPECT_TRUE(has(csv.body, ",territoires,"));
  EXPECT_TRUE(has(csv.body, "29 Finistère"));
}

}  // namespace
}  // namespace fabrique::test::data_requests
