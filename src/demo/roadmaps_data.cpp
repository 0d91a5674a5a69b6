// The demo programme's roadmaps, drawn from the facts of the #Reset source (shared/seeds): the
// environmental-data coalition's workshops (Reset Fest Bretagne, the national launch, the territorial
// workshop with the CNES) and its planned good-practice guides and reuse register; the algorithms
// coalition's framing meeting, its 3–4 use cases and its citizen observatory; the dematerialisation
// coalition's survey of practices. Every text is written anew. The measurements are illustrative
// figures for the demo, dated month by month after the events the source reports.
// Hand-laid data tables: kept as written, not reflowed by clang-format.
// clang-format off
#include "demo/roadmaps_data.hpp"

#include <map>
#include <tuple>

#include "accounts/store.hpp"
#include "demo/programme_data.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::demo {

namespace {

using data::on;
using std::chrono::sys_seconds;

struct Change {
  sys_seconds at;
  const char* status;
  const char* progress;
  const char* comment;
};

struct ActionData {
  const char* key;     // to name it as a parent below; "" when nothing refers to it
  const char* parent;  // key of the parent, or ""
  const char* title;
  const char* description;
  const char* lever;
  const char* scale;
  const char* status;  // at creation
  const char* starts_on;
  const char* due_on;
  const char* progress;
  bool victory;
  std::vector<std::string> qualities;
  std::vector<std::string> organisations;  // slugs
  const char* abandon_reason;
  sys_seconds at;
  std::vector<Change> changes;  // later revisions: status and progress moving on
};

struct IndicatorData {
  const char* name;
  const char* unit;
  const char* quality;
  const char* impact;
  const char* baseline;
  const char* target;
  const char* description;
  sys_seconds at;
  std::vector<std::tuple<const char*, const char*, const char*>> measurements;  // day, value, source
};

struct CoalitionRoadmap {
  const char* slug;
  const char* author;  // e-mail of a co-porteur (or the animateur)
  std::vector<ActionData> actions;
  std::vector<IndicatorData> indicators;
};

const std::vector<CoalitionRoadmap>& roadmaps() {
  static const std::vector<CoalitionRoadmap> kList = {
      {"donnees-environnementales",
       "eden@demo.fabrique",
       {
           {"", "", "Atelier d'approfondissement et enquêtes ciblées",
            "Prolonger l'atelier du Reset Fest Bretagne par un second temps de travail et des entretiens avec des "
            "producteurs et des réutilisateurs de données.",
            "usages", "local", "realisee", "2021-04-14", "2021-05-19", "100", false, {"capacitant"}, {"fing"}, "",
            on(2021, 4, 16), {}},
           {"", "", "Atelier territorial avec le CNES",
            "Réunir à l'échelle d'un territoire producteurs, médiateurs et habitants pour ouvrir l'écriture de la "
            "feuille de route.",
            "usages", "national", "engagee", "2021-06-22", "2021-06-22", "0", true, {"capacitant", "democratique"},
            {"cnes", "fing"}, "", on(2021, 5, 20), {{on(2021, 6, 23), "realisee", "100", "Atelier tenu le 22 juin"}}},
           {"guides", "", "Guides de bonnes pratiques pour comprendre et utiliser les données environnementales",
            "Des guides courts, éprouvés sur le terrain, pour aider élus, associations et enseignants à trouver, lire "
            "et utiliser les données de leur territoire.",
            "usages", "national", "engagee", "2021-07-01", "2022-03-31", "0", true, {"capacitant", "inclusif"},
            {"fing", "bretagne-creative"}, "", on(2021, 6, 30), {{on(2021, 9, 15), "en-cours", "0", "Rédaction lancée"}}},
           {"", "guides", "Recueillir les démarches des ateliers bretons",
            "Décrire ce qu'ont appris les ateliers de capteurs du Labfab et les outils de Vigie-Nature École.",
            "usages", "local", "en-cours", "2021-07-01", "2021-09-30", "60", false, {"capacitant"}, {"bretagne-creative"},
            "", on(2021, 7, 1), {{on(2021, 9, 30), "realisee", "100", "Douze démarches décrites"}}},
           {"", "guides", "Rédiger un premier guide pour les collectivités",
            "Trouver les données de son territoire, les comprendre, en parler avec ceux qui les produisent.",
            "usages", "national", "en-cours", "2021-09-15", "2022-01-31", "10", false, {"capacitant"},
            {"metropole-de-lyon", "fing"}, "", on(2021, 9, 15),
            {{on(2021, 11, 15), "en-cours", "45", "Plan validé, deux chapitres écrits"}}},
           {"", "guides", "Tester le guide avec des enseignants",
            "Une séance d'essai en classe avant la diffusion du guide.", "usages", "local", "proposee", "2022-02-01",
            "2022-03-31", "0", false, {"capacitant", "inclusif"}, {}, "", on(2021, 9, 15), {}},
           {"", "", "Répertorier les données environnementales disponibles par territoire",
            "Un inventaire tenu à jour, lisible par le grand public, des jeux de données existants.", "offre", "local",
            "engagee", "2021-07-01", "2021-12-31", "15", false, {"democratique", "frugal"}, {"metropole-de-lyon"}, "",
            on(2021, 7, 1), {{on(2021, 10, 31), "en-cours", "55", "Plus de cent jeux recensés"}}},
           {"", "", "Un registre où chaque réutilisation est déclarée",
            "Que les producteurs sachent qui réutilise leurs données, pour quoi et pourquoi : la coalition en fait "
            "un registre public ouvert à tous.",
            "offre", "national", "engagee", "2021-09-01", "2022-06-30", "20", true, {"democratique", "protecteur"},
            {"fing", "atmo-france"}, "", on(2021, 6, 30), {}},
           {"", "", "Prototyper une régie de données environnementales territoriale",
            "Viser la qualité plutôt que la quantité : ajuster les jeux de données à ce que les usages demandent.",
            "commande", "local", "proposee", "2022-01-01", "2022-12-31", "0", false, {"frugal", "equitable"},
            {"metropole-de-lyon"}, "", on(2021, 6, 30), {}},
       },
       {
           {"Participants aux ateliers", "personnes", "capacitant", "social", "0", "150",
            "Personnes présentes aux ateliers de la coalition depuis le Reset Fest Bretagne (cumul).", on(2021, 4, 16),
            {{"2021-04-14", "22", "Feuille de présence, Reset Fest Bretagne"},
             {"2021-05-19", "48", "Inscriptions au lancement national"},
             {"2021-06-22", "71", "Feuille de présence, atelier avec le CNES"},
             {"2021-09-30", "95", "Comptage de la coalition"},
             {"2021-11-30", "118", "Comptage de la coalition"}}},
           {"Jeux de données environnementales recensés", "jeux", "democratique", "environnemental", "0", "200",
            "Jeux de données décrits dans l'inventaire territorial.", on(2021, 7, 1),
            {{"2021-07-31", "35", "Inventaire de la coalition"},
             {"2021-08-31", "62", "Inventaire de la coalition"},
             {"2021-10-31", "104", "Inventaire de la coalition"},
             {"2021-12-15", "131", "Inventaire de la coalition"}}},
           {"Réutilisations déclarées aux producteurs", "réutilisations", "democratique", "gouvernance", "0", "50",
            "Réutilisations déclarées dans le registre, que les producteurs peuvent consulter.", on(2021, 9, 1),
            {{"2021-09-30", "4", "Registre des réutilisations"},
             {"2021-10-31", "9", "Registre des réutilisations"},
             {"2021-11-30", "15", "Registre des réutilisations"}}},
       }},
      {"algorithmes-ia-publics-exemplaires",
       "lou@demo.fabrique",
       {
           {"", "", "Réunion de cadrage : périmètre, priorités, complémentarités",
            "S'accorder sur ce que la coalition fera, dans quel ordre, et avec qui.", "commande", "national", "engagee",
            "2021-09-07", "2021-09-07", "0", true, {"democratique"}, {"fing", "metropole-europeenne-de-lille"}, "",
            on(2021, 8, 30), {{on(2021, 9, 8), "realisee", "100", "Cadrage tenu le 7 septembre"}}},
           {"cas", "", "Identifier et documenter trois ou quatre cas d'usage exemplaires",
            "Des cas concrets, décrits avec leurs effets, pour passer des chartes aux chantiers.", "offre", "national",
            "en-cours", "2021-09-07", "2022-03-31", "0", false, {"democratique", "frugal"},
            {"metropole-europeenne-de-lille", "chaire-unesco-relia"}, "", on(2021, 9, 8), {}},
           {"", "cas", "Cas d'usage : l'IA en démocratie", "", "offre", "national", "en-cours", "2021-09-15", "2022-01-31",
            "50", false, {"democratique"}, {}, "", on(2021, 9, 15), {{on(2021, 12, 1), "realisee", "100", "Cas rédigé"}}},
           {"", "cas", "Cas d'usage : l'IA en ressources limitées (IA frugale)", "", "offre", "national", "en-cours",
            "2021-09-15", "2022-02-28", "30", false, {"frugal"}, {"chaire-unesco-relia"}, "", on(2021, 9, 15), {}},
           {"", "cas", "Cas d'usage : l'IA dans un monde incertain, dépendance et souveraineté", "", "offre", "europeen",
            "proposee", "2021-11-01", "2022-03-31", "0", false, {"protecteur"}, {}, "", on(2021, 9, 15), {}},
           {"", "cas", "Cas d'usage : prévoir les pics de pollution avec les observatoires de l'air", "", "offre",
            "local", "en-cours", "2021-10-01", "2022-03-31", "40", false, {"frugal", "protecteur"},
            {"metropole-europeenne-de-lille", "atmo-france"}, "", on(2021, 10, 1), {}},
           {"", "", "Ouvrir un observatoire citoyen des algorithmes publics",
            "Un registre public qui rende compte de l'ouverture et de l'explicabilité des algorithmes publics.",
            "usages", "national", "engagee", "2021-10-01", "2022-06-30", "15", true, {"democratique", "capacitant"},
            {"fing", "etalab"}, "", on(2021, 9, 8), {}},
           {"", "", "Publier les bonnes questions à se poser avant un projet d'IA",
            "Utilité, effets de bord, dépendance, coût environnemental : une liste courte, testée par une "
            "collectivité.",
            "commande", "national", "proposee", "2021-11-01", "2022-04-30", "0", false, {"democratique", "frugal"},
            {"metropole-europeenne-de-lille"}, "", on(2021, 9, 8), {}},
       },
       {
           {"Cas d'usage documentés", "cas", "democratique", "ethique", "0", "4",
            "Cas d'usage décrits et relus par la coalition.", on(2021, 9, 8),
            {{"2021-09-07", "0", "Réunion de cadrage"},
             {"2021-10-31", "1", "Point mensuel de la coalition"},
             {"2021-12-01", "2", "Point mensuel de la coalition"},
             {"2022-01-31", "3", "Point mensuel de la coalition"}}},
           {"Algorithmes publics recensés", "algorithmes", "democratique", "gouvernance", "0", "100",
            "Algorithmes décrits dans l'observatoire citoyen.", on(2021, 10, 1),
            {{"2021-10-31", "12", "Observatoire citoyen"},
             {"2021-11-30", "19", "Observatoire citoyen"},
             {"2021-12-31", "27", "Observatoire citoyen"},
             {"2022-01-31", "41", "Observatoire citoyen"}}},
       }},
      {"dematerialiser-sans-deshumaniser",
       "camille@demo.fabrique",
       {
           {"", "", "Enquête sur les pratiques des habitants face aux démarches en ligne",
            "Comprendre où les démarches dématérialisées laissent des personnes de côté, pour concevoir autrement.",
            "usages", "national", "en-cours", "2021-07-07", "2021-12-31", "35", false, {"inclusif"},
            {"berger-levrault", "metropole-de-lyon"}, "", on(2021, 7, 8), {}},
           {"", "", "Des critères d'accompagnement humain dans les marchés de dématérialisation",
            "Que chaque marché prévoie un recours humain et une médiation.", "commande", "national", "proposee",
            "2021-10-01", "2022-06-30", "0", true, {"inclusif", "equitable"}, {"metropole-europeenne-de-lille"}, "",
            on(2021, 7, 8), {}},
           {"", "", "Une plateforme d'entraide propre à la coalition", "", "usages", "national", "proposee",
            "2021-07-07", "", "0", false, {"inclusif"}, {}, "", on(2021, 7, 8),
            {{on(2021, 9, 1), "abandonnee", "0", "Rejoindre Solidarité numérique plutôt"}}},
       },
       {}},
  };
  return kList;
}

}  // namespace

RoadmapSummary load_roadmaps(storage::Connection& c) {
  RoadmapSummary summary;
  auto fail = [](const std::string& what, const FieldErrors& errors) {
    std::string message = "demo roadmap data rejected (" + what + "):";
    for (const auto& [field, text] : errors.items()) message += " " + field + ": " + text + ";";
    throw std::runtime_error(message);
  };
  for (const auto& k : roadmaps()) {
    auto author = accounts::store::user_by_email(c, k.author);
    if (!author) throw std::runtime_error(std::string("demo roadmap names an unknown person: ") + k.author);
    std::map<std::string, std::int64_t> ids;  // key → action id
    for (const auto& a : k.actions) {
      roadmaps::ActionInput in;
      in.parent = *a.parent ? std::to_string(ids.at(a.parent)) : "";
      in.title = a.title;
      in.description = a.description;
      in.lever = a.lever;
      in.scale = a.scale;
      in.status = a.status;
      in.abandon_reason = a.abandon_reason;
      in.starts_on = a.starts_on;
      in.due_on = a.due_on;
      in.progress = a.progress;
      in.victory = a.victory;
      in.qualities = a.qualities;
      in.organisations = a.organisations;
      auto r = roadmaps::create_action(c, *author, k.slug, in, a.at);
      if (!r.errors.empty()) fail(a.title, r.errors);
      if (*a.key) ids[a.key] = r.id;
      ++summary.actions;
      ++summary.revisions;
      in.base_revision = r.revision;
      for (const auto& ch : a.changes) {
        in.status = ch.status;
        in.progress = ch.progress;
        in.comment = ch.comment;
        if (in.status == std::string("abandonnee"))
          in.abandon_reason = "La plateforme Solidarité numérique de La MedNum fait déjà ce travail : la coalition la "
                              "soutient plutôt que d'en bâtir une autre.";
        auto u = roadmaps::update_action(c, *author, k.slug, r.id, in, ch.at);
        if (!u.errors.empty()) fail(a.title, u.errors);
        if (u.conflict || u.unchanged) throw std::runtime_error(std::string("demo roadmap change not saved: ") + a.title);
        in.base_revision = u.revision;
        ++summary.revisions;
      }
    }
    for (const auto& i : k.indicators) {
      FieldErrors errors;
      auto id = roadmaps::create_indicator(c, *author, k.slug,
                                           {i.name, i.unit, i.quality, i.impact, i.description, i.baseline, i.target},
                                           i.at, errors);
      if (!errors.empty()) fail(i.name, errors);
      ++summary.indicators;
      for (const auto& [day, value, source] : i.measurements) {
        // Recorded on the evening of the day measured.
        auto when = *roadmaps::validation::parse_day(day) + std::chrono::hours(18);
        auto e = roadmaps::record_measurement(c, *author, k.slug, id, {day, value, source}, when);
        if (!e.empty()) fail(i.name, e);
        ++summary.measurements;
      }
    }
  }
  return summary;
}

}  // namespace fabrique::demo
// clang-format on
