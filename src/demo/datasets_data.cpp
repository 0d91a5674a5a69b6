// The demo's datasets, written for the demo (their producers are the kinds of actor the Breton
// workshop gathered; the addresses are the producers' public sites), through the register's use case.
#include "demo/datasets_data.hpp"

#include <map>
#include <string>
#include <vector>

#include "datasets/reuse_use_cases.hpp"
#include "datasets/store.hpp"
#include "datasets/use_cases.hpp"
#include "demo/check.hpp"
#include "demo/programme_data.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "territories/links.hpp"

namespace fabrique::demo {

namespace {

using data::on;

struct ProducerData {
  const char* name;
  const char* kind;
  const char* website;
  const char* description;
};

struct DatasetData {
  const char* producer;
  const char* title;
  const char* description;
  std::vector<const char*> themes, places;
  const char* licence;
  const char* frequency;
  const char* keywords;
  std::vector<datasets::DistributionInput> distributions;
  const char* temporal_start;
  data::sys_seconds at;
};

// clang-format off
const std::vector<ProducerData>& dataset_producers() {
  static const std::vector<ProducerData> all = {
      {"Air Breizh", "association", "https://www.airbreizh.asso.fr",
       "Association agréée de surveillance de la qualité de l'air en Bretagne."},
      {"Observatoire de l'environnement en Bretagne", "administration", "https://bretagne-environnement.fr",
       "Observatoire régional qui rassemble et diffuse les données sur l'eau, la biodiversité, le climat et les "
       "déchets en Bretagne."},
      {"CPIE du Finistère (démo)", "association", "",
       "Centre permanent d'initiatives pour l'environnement, imaginé pour la démo : animations nature et "
       "sciences participatives avec les écoles."},
  };
  return all;
}

const std::vector<DatasetData>& demo_datasets() {
  static const std::vector<DatasetData> all = {
      {"Air Breizh", "Indice quotidien de la qualité de l'air en Bretagne",
       "L'indice ATMO de chaque jour pour les communes bretonnes, de « bon » à « extrêmement mauvais », calculé à "
       "partir des mesures des stations et de la modélisation. Utile pour prévenir lors des pics de pollution.",
       {"air"}, {"region-53"}, "ODbL-1.0", "DAILY", "indice ATMO, pollution, ozone, particules",
       {{"https://www.airbreizh.asso.fr", "Portail", "text/html", ""}}, "2021-01-01", on(2021, 4, 15)},
      {"Air Breizh", "Mesures horaires des stations de Brest et de Rennes",
       "Concentrations horaires de dioxyde d'azote, d'ozone et de particules fines relevées par les stations fixes "
       "des deux métropoles.",
       {"air", "mobilite"}, {"29019", "35238"}, "ODbL-1.0", "CONT", "stations, NO2, PM10, PM2.5",
       {{"https://www.airbreizh.asso.fr", "API", "application/json", ""}}, "2019-01-01", on(2021, 4, 16)},
      {"Observatoire de l'environnement en Bretagne", "Inventaire de la biodiversité bretonne",
       "Les observations d'espèces animales et végétales réunies à l'échelle régionale, par commune et par maille, "
       "pour suivre l'état de la biodiversité.",
       {"biodiversite"}, {"region-53"}, "etalab-2.0", "ANNUAL", "espèces, observations, atlas",
       {{"https://bretagne-environnement.fr", "CSV", "text/csv", ""}}, "", on(2021, 4, 20)},
      {"Observatoire de l'environnement en Bretagne", "Qualité des cours d'eau du Finistère",
       "L'état écologique des cours d'eau du département : nitrates, pesticides et indices biologiques, station par "
       "station.",
       {"eau"}, {"29"}, "etalab-2.0", "ANNUAL", "nitrates, rivières, état écologique",
       {{"https://bretagne-environnement.fr", "CSV", "text/csv", ""}}, "2010-01-01", on(2021, 5, 3)},
      {"CPIE du Finistère (démo)", "Comptages d'oiseaux des jardins avec les écoles de Brest",
       "Les comptages faits par les classes de Brest lors des sorties nature : espèces, nombre d'individus, date et "
       "quartier. Une donnée de sciences participatives, à lire avec ses limites.",
       {"biodiversite"}, {"29019"}, "CC-BY-4.0", "IRREG", "sciences participatives, oiseaux, écoles",
       {{"https://bretagne-environnement.fr", "Tableur", "text/csv", ""}}, "2021-03-01", on(2021, 6, 1)},
  };
  return all;
}

// What the workshop's kinds of participant (teachers, activists, elected officials) might make of
// those datasets: a reuse each for pedagogy, activism and policy, and a nature outing.
struct ReuseData {
  const char* title;
  const char* description;
  const char* kind;
  std::vector<const char*> purposes;
  const char* purpose_text;
  std::vector<const char*> audiences;
  std::vector<const char*> datasets;  // titles of demo_datasets()
  std::vector<const char*> places;
  data::sys_seconds at;
};

const std::vector<ReuseData>& demo_reuses() {
  static const std::vector<ReuseData> all = {
      {"Respirer à l'école : un kit de classe sur l'air de Brest",
       "Des fiches pour les cycles 3 qui partent de l'indice du jour et des relevés des stations : lire une courbe, "
       "repérer un pic, discuter de ce qui le provoque et de ce que l'on peut y faire.",
       "pedagogie", {"enseigner", "sensibiliser"}, "Apprendre aux élèves à lire une donnée publique",
       {"enseignement"},
       {"Indice quotidien de la qualité de l'air en Bretagne", "Mesures horaires des stations de Brest et de Rennes"},
       {"29019"}, on(2021, 5, 18)},
      {"Nos rivières sous pression : une carte à partager",
       "Une carte des cours d'eau du département, colorée selon leur état écologique, accompagnée d'un appel à "
       "mieux protéger les zones de captage.",
       "visualisation", {"militer", "informer"}, "", {"grand-public", "associations"},
       {"Qualité des cours d'eau du Finistère"}, {"29"}, on(2021, 9, 7)},
      {"Note aux élus : la pollution de l'air aux abords des écoles rennaises",
       "Une synthèse des concentrations de dioxyde d'azote mesurées près des axes fréquentés, pour éclairer le "
       "choix des rues scolaires à apaiser en priorité.",
       "decision-publique", {"decider", "evaluer"}, "", {"elus", "agents"},
       {"Mesures horaires des stations de Brest et de Rennes"}, {"35238"}, on(2022, 1, 24)},
      {"Un inventaire participatif de quartier, carnet en main",
       "Une sortie où habitants et élèves comparent leurs propres comptages d'oiseaux avec l'inventaire régional, "
       "pour comprendre comment se construit une donnée de biodiversité.",
       "pedagogie", {"enseigner", "rechercher"}, "", {"enseignement", "grand-public"},
       {"Comptages d'oiseaux des jardins avec les écoles de Brest", "Inventaire de la biodiversité bretonne"},
       {"29019", "region-53"}, on(2022, 3, 12)},
  };
  return all;
}
// clang-format on

// The reuses, declared by the animateur on behalf of the workshop's participants.
void load_reuses(storage::Connection& c, const accounts::User& animateur) {
  std::map<std::string, std::string> slug_of;
  for (const auto& d : datasets::store::list(c, {})) slug_of[d.title] = d.slug;
  for (const auto& r : demo_reuses()) {
    datasets::ReuseInput in{.title = r.title,
                            .description = r.description,
                            .kind = r.kind,
                            .purpose_text = r.purpose_text,
                            .url = "",
                            .datasets = {},
                            .purposes = {},
                            .audiences = {},
                            .territories = {}};
    for (const char* p : r.purposes) in.purposes.push_back(p);
    for (const char* a : r.audiences) in.audiences.push_back(a);
    for (const char* d : r.datasets) in.datasets.push_back(slug_of[d]);
    for (const char* t : r.places) in.territories.push_back(t);
    check(std::string("reuse ") + r.title, datasets::declare_reuse(c, animateur, in, r.at).errors);
  }
}

}  // namespace

std::int64_t load_datasets(storage::Connection& c, const accounts::User& animateur) {
  // Placed on real territories only: without them (territories not loaded) there is nothing to add.
  if (territories::refs_of_keys(c, {"region-53", "29", "29019", "35238"}).size() < 4) return 0;
  {
    storage::Transaction tx(c, true);
    for (const auto& p : dataset_producers()) {
      FieldErrors errors;
      if (!organisations::find_or_create_in(c, {p.name, p.kind, p.website, p.description, {}}, errors, "name", "kind",
                                            on(2021, 4, 14)))
        data_error(std::string("producer ") + p.name, errors);
    }
    tx.commit();
  }
  std::int64_t n = 0;
  for (const auto& d : demo_datasets()) {
    datasets::DatasetInput in;
    in.title = d.title;
    in.description = d.description;
    in.producer = organisations::store::by_name(c, d.producer)->slug;
    for (const char* t : d.themes) in.themes.push_back(t);
    for (const char* t : d.places) in.territories.push_back(t);
    in.licence = d.licence;
    in.frequency = d.frequency;
    in.keywords = d.keywords;
    in.distributions = d.distributions;
    in.temporal_start = d.temporal_start;
    auto r = datasets::create_dataset(c, animateur, in, d.at);
    check(std::string("dataset ") + d.title, r.errors);
    ++n;
  }
  load_reuses(c, animateur);
  return n;
}

}  // namespace fabrique::demo
