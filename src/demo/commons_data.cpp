// The demo programme's commons, drawn from the #Reset source (shared/seeds): the resources and links
// it names, its charter (six parts) summarised in our own words as version 1 (beta) and an adopted
// version 2, and boussole cards for what it reports as working or not. Every text is written anew.
//
// Choices the source leaves open: it presents the charter "in beta" at the assembly of 16 June 2020
// and plans its adoption "after the Reset Day of July"; here version 1 is adopted as the beta at the
// assembly, and version 2 after a consultation ending on 15 July 2020. The licences of resources
// published by others are not stated in the source: they carry the site's default (CC BY 4.0), and
// the page links to the original, whose own terms prevail.
// Hand-laid data tables: kept as written, not reflowed by clang-format.
// clang-format off
#include "demo/commons_data.hpp"

#include <stdexcept>

#include "accounts/store.hpp"
#include "commons/use_cases.hpp"
#include "demo/check.hpp"
#include "demo/programme_data.hpp"

namespace fabrique::demo {

namespace {

using data::on;
using data::sys_seconds;

accounts::User person(storage::Connection& c, const char* email) {
  auto u = accounts::store::user_by_email(c, email);
  if (!u) throw std::runtime_error(std::string("demo commons: unknown account ") + email);
  return *u;
}

struct ResourceData {
  const char* title;
  const char* url;
  const char* kind;
  const char* coalition;  // slug, or ""
  const char* tags;
  const char* by;         // e-mail of who proposed it
  sys_seconds at;
  const char* description;
  const char* creator;    // who made it, as the source names them, or ""
};

struct CardData {
  const char* title;
  const char* outcome;
  const char* coalition;
  const char* by;
  sys_seconds at;
  const char* context;
  const char* tried;
  const char* learned;
  const char* tensions;
  const char* sources;
};

constexpr const char* kAnimateur = "animateur@demo.fabrique";
constexpr const char* kCamille = "camille@demo.fabrique";
constexpr const char* kLou = "lou@demo.fabrique";
constexpr const char* kMaxime = "maxime@demo.fabrique";
constexpr const char* kEden = "eden@demo.fabrique";

const std::vector<ResourceData>& resources() {
  static const std::vector<ResourceData> kList = {
      {"Site du programme #Reset", "https://reset.fing.org", "site", "", "programme, coalitions", kAnimateur,
       on(2020, 6, 16),
       "Le point d'entrée du programme porté par la Fing : ses intentions, ses coalitions et la façon d'y prendre part.",
       "Fing"},
      {"Podcast « Concevons le numérique que nous voulons »",
       "https://autrementautrement.com/2020/07/30/podcast-sophie-fourquet-maheo-concevons-le-numerique-que-nous-voulons/",
       "podcast", "", "récit, engagement", kAnimateur, on(2020, 7, 30),
       "Un épisode enregistré chez Vraiment Vraiment qui raconte #Reset, ce que ses coalitions cherchent à transformer, "
       "et comment une organisation peut s'y engager auprès de ses clients et partenaires.",
       "Vraiment Vraiment"},
      {"Planet Tech'Care", "https://www.planet-techcare.green/", "manifeste", "", "sobriété, empreinte environnementale",
       kAnimateur, on(2020, 11, 5),
       "Un manifeste et une plateforme : les signataires reconnaissent l'empreinte environnementale du numérique, "
       "s'engagent à la mesurer puis à la réduire, et trouvent des ateliers pour monter en compétences.",
       "Planet Tech'Care"},
      {"Cartographie des tendances 2020-2021 de Cap Digital",
       "https://www.capdigital.com/telechargez-la-cartographie-des-tendances-2020-2021/", "note", "",
       "innovation responsable, tendances", kAnimateur, on(2020, 11, 5),
       "Le panorama annuel du pôle de compétitivité, où la sobriété et l'innovation responsable traversent tous les marchés.",
       "Cap Digital"},
      {"Sumity", "https://sumity.eu/", "site", "", "transition, territoires", kAnimateur, on(2020, 11, 5),
       "Une alliance d'universités, de laboratoires, d'entreprises et de collectivités du nord de la France pour "
       "accélérer ensemble la transformation numérique et écologique.",
       "Sumity"},
      {"Attention, l'extension qui mesure la captologie", "https://attention.designersethiques.org/", "outil",
       "qualite-democratique", "conception éthique, attention", kMaxime, on(2020, 11, 5),
       "Un module pour navigateur conçu par Designers Éthiques qui rend visibles les mécanismes de captation de "
       "l'attention d'un site.",
       "Designers Éthiques"},
      {"PeerTube de Designers Éthiques", "https://peertube.designersethiques.org/", "demonstrateur", "",
       "logiciel libre, sobriété, vidéo", kMaxime, on(2020, 11, 5),
       "Une instance vidéo sobre, libre et décentralisée, qui montre qu'une alternative aux grandes plateformes est "
       "à portée d'une association.",
       "Designers Éthiques"},
      {"Riposte créative territoriale", "https://ripostecreativeterritoriale.xyz", "site", "qualite-democratique",
       "participation, coconception", kCamille, on(2020, 6, 16),
       "Un espace de coconception où la question civique passe avant l'outil : un exemple pour les dispositifs de "
       "participation.",
       ""},
      {"Innovation pédagogique", "https://innovation-pedagogique.fr", "site", "formations-superieures-transitions",
       "formation, transitions", kAnimateur, on(2020, 6, 16),
       "Des ressources et modules partagés par la communauté enseignante, utiles pour former aux transitions et pas "
       "seulement au numérique responsable.",
       ""},
      {"Wiki Faire école", "https://wiki.faire-ecole.org", "site", "equite-educative", "éducation, pratiques",
       kAnimateur, on(2020, 6, 16),
       "Un wiki où la communauté éducative partage ses pratiques : une base pour la coalition sur l'équité éducative.",
       ""},
      {"Appel à communs pour la résilience des territoires",
       "https://wiki.resilience-territoire.ademe.fr/wiki/Appel_%C3%A0_Communs", "site", "communs-numeriques",
       "communs, résilience, territoires", kMaxime, on(2021, 6, 15),
       "L'appel de l'ADEME à produire et maintenir des communs au service de la résilience des territoires.",
       "ADEME"},
      {"BRICKS, Vigie-Nature École", "https://bricks.vigienature-ecole.fr/", "demonstrateur", "donnees-environnementales",
       "données environnementales, sciences participatives, école", kLou, on(2021, 4, 14),
       "Des données de biodiversité collectées par des élèves et rendues explorables en classe : un démonstrateur "
       "d'appropriation des données environnementales.",
       "Vigie-Nature École"},
      {"Ateliers capteurs environnementaux, tour de Bretagne",
       "http://www.labfab.fr/ateliers-capteurs-environnementaux-tour-de-bretagne/", "demonstrateur",
       "donnees-environnementales", "capteurs, données environnementales, médiation", kLou, on(2021, 4, 14),
       "Des ateliers itinérants où chacun fabrique et installe des capteurs, pour comprendre ce que mesurent les "
       "données environnementales de son territoire.",
       ""},
  };
  return kList;
}

const std::vector<CardData>& cards() {
  static const std::vector<CardData> kList = {
      {"Une assemblée de 93 personnes entièrement à distance", "a-marche", "", kAnimateur, on(2020, 6, 17),
       "La première assemblée #Reset, le 16 juin 2020, ne pouvait pas se tenir en présence.",
       "Réunir tous les acteurs en ligne sur un logiciel libre de visioconférence (Big Blue Button, mis à disposition "
       "par Octopuce), avec des temps en petits groupes pour décider des principes et s'engager dans les coalitions.",
       "La diversité des acteurs a tenu : entreprises, associations, collectivités et administrations ont pris la "
       "parole et déclaré leur intérêt pour les coalitions.",
       "Si tout se passe à distance, alors il faut d'autant plus soigner les temps d'échange en petit comité.",
       "Compte rendu de l'assemblée du 16 juin 2020."},
      {"Ouvrir les données sur des portails ne suffit pas", "n-a-pas-marche", "donnees-environnementales", kLou,
       on(2021, 4, 15),
       "Dix ans d'ouverture des données publiques, observés par l'Open Data Impact de la Fing.",
       "Publier massivement les jeux de données sur des portails, en comptant sur des usages qui naîtraient d'eux-mêmes.",
       "Les portails restent difficiles d'accès sans compétences techniques ; les données servent surtout aux experts, "
       "et les producteurs ignorent qui les réutilise et pourquoi. La qualité d'une donnée dépend de son usage.",
       "Si on ouvre tout sans médiation, alors seuls ceux qui savent déjà s'en servent en profitent.",
       "Atelier du Reset Fest Bretagne, 14 avril 2021."},
      {"Un atelier territorial pour poser le diagnostic", "a-marche", "donnees-environnementales", kLou, on(2021, 4, 15),
       "Lancer la coalition sur les données environnementales avec l'écosystème breton.",
       "Un atelier de plus de vingt participants (associations, collectivités, recherche, CPIE) en trois groupes : "
       "expérimentations en cours, ressources existantes, difficultés, puis leviers d'action.",
       "Le diagnostic partagé a fait émerger des pistes concrètes : rapprocher producteurs et utilisateurs, outiller "
       "la collecte, organiser des temps forts comme les BioBlitz.",
       "Si l'on part du territoire, alors il faut ensuite relier les enseignements à l'échelle nationale.",
       "Retour sur le Reset Fest Bretagne, avril 2021."},
      {"Miser sur de grandes plateformes de participation", "n-a-pas-marche", "qualite-democratique", kCamille,
       on(2020, 11, 5),
       "Les dispositifs de démocratie numérique depuis une dizaine d'années.",
       "Équiper la participation citoyenne avec de grosses plateformes très travaillées, vues comme la condition du succès.",
       "La technologie ne suffit pas : il faut partir des questions démocratiques, encourager la diversité des outils "
       "et revaloriser des approches plus artisanales.",
       "Si on standardise les outils, alors on réduit la diversité des façons de participer.",
       "Échanges du Reset Day du 5 novembre 2020."},
      {"Une méta-initiative qui fédère des signataires", "mitige", "", kAnimateur, on(2020, 11, 6),
       "Planet Tech'Care rassemble des entreprises du numérique et des acteurs de la formation autour de l'empreinte "
       "environnementale.",
       "Ne pas produire de contenu soi-même, mais s'appuyer sur les écosystèmes existants et orienter les signataires "
       "vers des ateliers et des actions.",
       "Le nombre de signataires progresse vite, mais les petites entreprises peinent encore à mesurer leur empreinte "
       "et à trouver les bonnes données.",
       "Si l'on fédère sans produire, alors tout repose sur la qualité des ressources des autres.",
       "https://www.planet-techcare.green/"},
      {"Des volontaires au téléphone pour les démarches en ligne", "a-marche", "dematerialiser-sans-deshumaniser",
       kCamille, on(2020, 6, 16),
       "Pendant le confinement, de nombreuses personnes se sont retrouvées seules face à des démarches dématérialisées.",
       "La plateforme Solidarité numérique de La MedNum a mis des volontaires au bout du fil pour accompagner les usagers.",
       "Un accompagnement humain, même à distance, débloque des situations que l'interface seule ne résout pas.",
       "Si l'on compte sur le bénévolat, alors la durée de l'effort pose question.",
       "Présentation de la coalition 1 à l'assemblée du 16 juin 2020."},
  };
  return kList;
}

// The charter's six parts, in our own words, as first presented (beta).
commons::CharterDraftInput charter_v1() {
  commons::CharterDraftInput in;
  in.label = "bêta";
  in.summary = "La première version mise en discussion lors de l'assemblée de juin 2020.";
  in.sections = {
      {"principes", "Chaque acteur s'engage pour transformer le numérique et pas seulement pour en parler : il "
                    "contribue à au moins une coalition et partage ce qu'il apprend."},
      {"ambitions", "S'intéresser à l'impact de la société sur le numérique : des impacts éthiques, sociaux, "
                    "environnementaux, concurrentiels et de gouvernance, autour de sept qualités du numérique."},
      {"methodologie", "Une coalition réunit des acteurs hétérogènes autour d'un problème, d'un impact recherché et "
                       "d'un récit de transformation ; elle agit sur l'offre, la commande et les usages."},
      {"ouverture", "Ce que produit le programme est ouvert et réutilisable par défaut."},
      {"evaluation", "Chaque coalition dit quel impact elle vise et comment elle le mesurera."},
      {"rituels", "Un Reset Day chaque mois pour faire avancer les coalitions et en proposer de nouvelles."},
  };
  return in;
}

// Version 2: the beta made more precise after the consultation.
commons::CharterDraftInput charter_v2() {
  commons::CharterDraftInput in = charter_v1();
  in.label = "";
  in.summary = "La version adoptée après le Reset Day de juillet 2020, précisée par la consultation.";
  in.sections["principes"] =
      "Chaque acteur s'engage pour transformer le numérique et pas seulement pour en parler : il contribue à au moins "
      "une coalition, partage ce qu'il apprend et respecte une gouvernance équilibrée entre les acteurs des coalitions.";
  in.sections["ouverture"] =
      "Ce que produit le programme est ouvert et réutilisable par défaut, sous licence libre, et documenté pour que "
      "d'autres territoires puissent s'en saisir.";
  in.sections["evaluation"] =
      "Chaque coalition dit quel impact elle vise, comment elle le mesurera, et rend compte de ses premières victoires.";
  return in;
}

}  // namespace

void load_commons(storage::Connection& c) {
  const accounts::User animateur = person(c, kAnimateur);
  for (const auto& r : resources()) {
    commons::ResourceInput in;
    in.title = r.title;
    in.url = r.url;
    in.kind = r.kind;
    in.licence = commons::kDefaultLicence;
    in.creator = r.creator;
    in.tags = r.tags;
    in.description = r.description;
    if (*r.coalition) in.coalitions.push_back(r.coalition);
    auto result = commons::propose_resource(c, person(c, r.by), in, r.at);
    check(std::string("resource ") + r.title, result.errors);
    if (result.resource->status != commons::Status::published)
      commons::publish_resource(c, animateur, result.resource->slug, r.at + std::chrono::hours(1));
  }

  // Version 1 (beta): drafted, consulted for two weeks, adopted at the assembly, signed.
  auto v1 = commons::draft_charter_version(c, animateur, charter_v1(), on(2020, 6, 1));
  check("charter v1", v1.errors);
  check("charter v1 consultation", commons::open_consultation(c, animateur, v1.number, 14, on(2020, 6, 2)));
  check("charter v1 comment", commons::comment_charter(c, person(c, kCamille), v1.number, "principes",
                                                       "Préciser comment la gouvernance reste équilibrée entre les "
                                                       "grands et les petits acteurs.",
                                                       on(2020, 6, 10)));
  check("charter v1 adoption", commons::adopt_charter_version(c, animateur, v1.number, on(2020, 6, 16, 18)));
  check("charter v1 signature", commons::sign_charter(c, animateur, v1.number, "fing", on(2020, 6, 17)));
  check("charter v1 signature", commons::sign_charter(c, person(c, kCamille), v1.number, "berger-levrault", on(2020, 6, 18)));

  // Version 2: consulted until the Reset Day of July, adopted, signed again by some.
  auto v2 = commons::draft_charter_version(c, animateur, charter_v2(), on(2020, 6, 25));
  check("charter v2", v2.errors);
  check("charter v2 consultation", commons::open_consultation(c, animateur, v2.number, 20, on(2020, 6, 25, 15)));
  check("charter v2 comment", commons::comment_charter(c, person(c, kCamille), v2.number, "ouverture",
                                                       "Nommer une licence par défaut aiderait à réutiliser.",
                                                       on(2020, 7, 2)));
  check("charter v2 adoption", commons::adopt_charter_version(c, animateur, v2.number, on(2020, 7, 20)));
  check("charter v2 signature", commons::sign_charter(c, animateur, v2.number, "fing", on(2020, 7, 21)));
  check("charter v2 signature", commons::sign_charter(c, animateur, v2.number, "", on(2020, 7, 21)));
  check("charter v2 signature", commons::sign_charter(c, person(c, kMaxime), v2.number, "wikimedia-france", on(2021, 6, 16)));
  check("charter v2 signature", commons::sign_charter(c, person(c, kEden), v2.number, "metropole-de-lyon", on(2021, 5, 13)));

  for (const auto& k : cards()) {
    commons::CardInput in{k.title, k.context, k.tried, k.outcome, k.learned, k.tensions, k.sources, k.coalition, 0};
    auto result = commons::propose_card(c, person(c, k.by), in, k.at);
    check(std::string("card ") + k.title, result.errors);
    if (result.card->status != commons::Status::published)
      commons::publish_card(c, animateur, result.card->slug, k.at + std::chrono::hours(1));
  }
}

}  // namespace fabrique::demo
// clang-format on
