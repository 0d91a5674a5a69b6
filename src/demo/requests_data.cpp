// The demo's data requests, written for the demo, through the requests' use cases: asked by demo
// members, supported by others, answered by the animateur (one served by a demo dataset).
#include "demo/requests_data.hpp"

#include <string>
#include <vector>

#include "accounts/store.hpp"
#include "datasets/request_model.hpp"
#include "datasets/store.hpp"
#include "demo/check.hpp"
#include "demo/programme_data.hpp"
#include "territories/links.hpp"

namespace fabrique::demo {

namespace {

using data::on;

struct SupportData {
  const char* email;
  const char* purpose;
  data::sys_seconds at;
};

struct RequestData {
  const char* email;  // who asks
  const char* title;
  const char* description;
  std::vector<const char*> themes, places;
  const char* purpose;
  const char* audience;
  data::sys_seconds at;
  std::vector<SupportData> supports;
  const char* status = nullptr;  // answered by the animateur when set
  const char* answer = "";
  const char* dataset = nullptr;  // the title of the demo dataset that serves it
  data::sys_seconds answered_at{};
};

// clang-format off
const std::vector<RequestData>& demo_requests() {
  static const std::vector<RequestData> all = {
      {"camille@demo.fabrique", "Dioxyde d'azote heure par heure près des écoles de Brest",
       "L'indice du jour est trop global pour une classe : il nous faudrait les relevés horaires des stations "
       "proches des écoles, dans un format qu'un tableur ouvre sans peine.",
       {"air"}, {"29019"},
       "Comparer, avec des collégiens, les relevés de leurs petits capteurs à ceux des stations officielles.",
       "Enseignants et élèves", on(2021, 5, 10),
       {{"lou@demo.fabrique", "Prévenir les parents d'élèves les jours de pic, rue par rue.", on(2021, 5, 12)},
        {"noa@demo.fabrique", "Nourrir un atelier de médiation sur la pollution liée aux trajets domicile-école.",
         on(2021, 5, 20)}},
       "servie",
       "Les mesures horaires des stations de Brest sont déjà publiées, avec une API et un export tableur.",
       "Mesures horaires des stations de Brest et de Rennes", on(2021, 5, 25)},
      {"noa@demo.fabrique", "Nitrates des petits ruisseaux, bassin versant par bassin versant",
       "Les suivis publiés portent sur les grands cours d'eau ; les ruisseaux de tête de bassin, où se voient "
       "d'abord les changements de pratiques agricoles, manquent.",
       {"eau"}, {"29"},
       "Suivre avec une association de pêcheurs l'effet des haies replantées sur la qualité de l'eau.",
       "Associations, élus des communes riveraines", on(2021, 6, 2),
       {{"maxime@demo.fabrique", "Montrer aux élus d'une intercommunalité où agir en premier.", on(2021, 6, 8)}}},
      {"jade@demo.fabrique", "Les atlas de la biodiversité communale réunis en un seul fichier",
       "Chaque commune publie son atlas à sa façon (PDF, tableur, carte) : impossible de comparer deux communes "
       "voisines ou d'en tirer une vue régionale.",
       {"biodiversite"}, {"region-53"},
       "Écrire un guide pour les communes qui lancent leur atlas, à partir de ce que les autres ont relevé.",
       "Élus et agents des communes", on(2021, 6, 15),
       {{"camille@demo.fabrique", "Préparer des sorties nature avec les classes là où les relevés sont rares.",
         on(2021, 6, 18)}},
       "en-cours",
       "L'observatoire rassemble les atlas déjà publiés ; une première version commune est prévue pour l'automne.",
       nullptr, on(2021, 6, 28)},
  };
  return all;
}
// clang-format on

const accounts::User& member(storage::Connection& c, std::vector<accounts::User>& kept, const char* email) {
  auto u = accounts::store::user_by_email(c, email);
  if (!u) throw std::runtime_error(std::string("demo data names an unknown person: ") + email);
  kept.push_back(*u);
  return kept.back();
}

}  // namespace

std::int64_t load_data_requests(storage::Connection& c, const accounts::User& animateur) {
  if (territories::refs_of_keys(c, {"region-53", "29", "29019"}).size() < 3) return 0;
  std::int64_t n = 0;
  for (const auto& d : demo_requests()) {
    std::vector<accounts::User> kept;
    kept.reserve(1 + d.supports.size());
    datasets::RequestInput in{.title = d.title,
                              .description = d.description,
                              .purpose = d.purpose,
                              .audience = d.audience,
                              .link = "",
                              .themes = {},
                              .territories = {}};
    for (const char* t : d.themes) in.themes.push_back(t);
    for (const char* t : d.places) in.territories.push_back(t);
    auto asked = datasets::ask_for_data(c, member(c, kept, d.email), in, d.at);
    check(std::string("data request ") + d.title, asked.errors);
    for (const auto& s : d.supports)
      check(std::string("me too on ") + d.title,
            datasets::support_request(c, member(c, kept, s.email), asked.id, s.purpose, s.at));
    if (d.status) {
      datasets::AnswerInput answer{.status = d.status, .answer = d.answer, .dataset = ""};
      if (d.dataset) {
        datasets::store::Filter f;
        for (const auto& x : datasets::store::list(c, f))
          if (x.title == d.dataset) answer.dataset = x.slug;
      }
      check(std::string("answer to ") + d.title,
            datasets::answer_request(c, animateur, asked.id, answer, d.answered_at));
    }
    ++n;
  }
  return n;
}

}  // namespace fabrique::demo
