// The demo's journal posts, in the programme's language, written for this demo from the facts of
// the programme's own reports (dates, places, who came, what was decided).
#include "demo/journal_data.hpp"

#include <string>
#include <vector>

#include "demo/check.hpp"
#include "demo/programme_data.hpp"
#include "journal/use_cases.hpp"

namespace fabrique::demo {

namespace {

using std::chrono::sys_seconds;

struct DemoPost {
  sys_seconds at;  // written and published then
  const char* title;
  const char* kind;
  const char* link;
  const char* summary;
  const char* body;
  std::vector<std::string> coalitions, events;
  std::vector<std::string> datasets, resources;  // by title: left out when the demo did not load them
};

std::vector<DemoPost> posts() {
  using data::on;
  return {
      {on(2020, 6, 19, 10),
       "L'assemblée #Reset 2020 en quelques lignes",
       "retour-sur",
       "",
       "Quatre-vingt-treize participants, une charte mise en discussion et dix coalitions présentées : la "
       "première assemblée a lancé le programme.",
       "Le **16 juin 2020**, la première assemblée #Reset a rassemblé 93 personnes venues d'horizons très "
       "différents : entreprises et PME, associations du numérique ou non, collectivités, administrations, "
       "partenaires étrangers.\n\n"
       "## Ce qui a été posé\n\n"
       "- Une charte en version beta, pour s'engager dans le programme : principes, ambitions communes, méthode "
       "des coalitions, partage ouvert des productions, mesure d'impact, rituels.\n"
       "- Dix des dix-huit coalitions présentées (intention, impact visé, leviers, acteurs à associer), "
       "chacun étant invité à déclarer son intérêt.\n\n"
       "## Et ensuite\n\n"
       "- Adopter la charte après le Reset Day de juillet.\n"
       "- Trouver les co-porteurs de chaque coalition, préciser impacts et leviers, partager des ressources.\n"
       "- Premières productions des coalitions dès 2020, avec la Fing pour animer.",
       {"dematerialiser-sans-deshumaniser", "qualite-democratique", "achat-public-numerique-responsable",
        "algorithmes-ia-publics-exemplaires", "communs-numeriques"},
       {"assemblee-reset-2020"},
       {},
       {"Riposte créative territoriale"}},
      {on(2020, 7, 30, 9),
       "Reset raconté au micro de Vraiment Vraiment",
       "podcast",
       "https://autrementautrement.com/2020/07/30/podcast-sophie-fourquet-maheo-concevons-le-numerique-que-nous-"
       "voulons/",
       "À la fin du premier cycle, l'agence Vraiment Vraiment a invité la Fing à raconter le programme dans un "
       "épisode de son podcast.",
       "Pendant l'été 2020, alors que se terminait la construction des coalitions, notre partenaire Vraiment "
       "Vraiment nous a tendu son micro. Au programme de l'épisode : pourquoi vouloir transformer le numérique "
       "plutôt que seulement en mesurer les effets, ce que la méthode des coalitions a déjà appris, et comment une "
       "organisation peut s'engager à proposer autre chose à ses clients, partenaires et équipes.",
       {},
       {"reset-chez-vraiment-vraiment-2020"},
       {},
       {}},
      {on(2021, 4, 20, 10),
       "Reset Fest Bretagne : l'atelier des données environnementales",
       "retour-sur",
       "",
       "Le 14 avril 2021, une vingtaine d'acteurs bretons ont dressé le diagnostic de départ de la coalition sur "
       "les données environnementales.",
       "Premier atelier de la coalition, animé par la Fing pendant le **Reset Fest** du 14 avril 2021 : plus de "
       "vingt participants (associations, collectivités, une infrastructure de recherche, un CPIE…), répartis en "
       "trois groupes, ont mis en commun les expériences en cours, les ressources disponibles et les obstacles "
       "que rencontrent producteurs et utilisateurs de données.\n\n"
       "## Les points d'accord\n\n"
       "- Mieux vaut des données de qualité, ajustées à ceux qui s'en servent, que des données en masse.\n"
       "- Recenser ce qui existe, territoire par territoire, et le rendre lisible par tous.\n"
       "- Outiller la collecte, la diffusion et la compréhension des données.\n"
       "- Une médiation qui rende capable, pour une culture à la fois numérique et environnementale.\n\n"
       "## Les pistes\n\n"
       "Des rencontres entre ceux qui produisent et ceux qui utilisent (Datamix, BioBlitz, atlas de la "
       "biodiversité communale), des guides de bonnes pratiques, le prototype d'une régie de données, des "
       "expériences à l'échelle d'une ville ou d'un quartier.\n\n"
       "## Les rendez-vous\n\n"
       "Lancement national le 19 mai 2021, puis atelier territorial avec le CNES en juin.",
       {"donnees-environnementales"},
       {"reset-fest-bretagne-2021", "lancement-national-donnees-environnementales", "atelier-territorial-cnes-2021"},
       {"Indice quotidien de la qualité de l'air en Bretagne", "Inventaire de la biodiversité bretonne"},
       {}},
      {on(2021, 6, 17, 10),
       "Le Reset Day du 15 juin 2021 : où en sont les coalitions",
       "retour-sur",
       "",
       "Deux heures en ligne pour faire le point : cinq coalitions pilotes, une deuxième promotion à la rentrée, "
       "et trois coalitions qui ont précisé leurs prochains pas.",
       "Le **15 juin 2021**, de 14 h à 16 h, des participants de la Métropole de Lyon, de Berger-Levrault, de "
       "Wikimédia France, de la Métropole Européenne de Lille, de la Région Bourgogne-Franche-Comté et de "
       "Bretagne Créative ont fait le point sur les coalitions.\n\n"
       "## Les coalitions\n\n"
       "- Cinq coalitions pilotes avancent, chacune à son rythme ; une deuxième promotion pourrait démarrer en "
       "septembre 2021, l'Internet des objets et le genre étant envisagés pour février 2022.\n"
       "- **Dématérialiser sans déshumaniser** : un premier noyau (Berger-Levrault, Lille, Lyon) se réunit le "
       "7 juillet.\n"
       "- **IA publique exemplaire** : réunir quelques acteurs et choisir trois ou quatre cas d'usage — la "
       "démocratie, l'IA frugale, la dépendance aux outils.\n"
       "- **Communs numériques** : porter un plaidoyer pour que les collectivités soutiennent les services de "
       "proximité liés aux communs, et documenter les initiatives.\n\n"
       "Prochain rendez-vous en septembre.",
       {"dematerialiser-sans-deshumaniser", "algorithmes-ia-publics-exemplaires", "communs-numeriques"},
       {"reset-day-juin-2021", "noyau-dematerialiser-juillet-2021"},
       {},
       {}},
      {on(2021, 8, 30, 10),
       "Algorithmes et IA publics exemplaires : cadrage le 7 septembre",
       "appel",
       "",
       "La coalition se met en route : une réunion de cadrage en ligne le 7 septembre 2021 à 16 h, ouverte à "
       "tous les acteurs publics et de l'intérêt général intéressés.",
       "De plus en plus de projets publics s'appuient sur des algorithmes ou sur l'IA. À quelles conditions "
       "peuvent-ils le faire, en répondant aux attentes des habitants, et comment les concepteurs peuvent-ils "
       "intégrer cette exigence dès la recherche ?\n\n"
       "Beaucoup de chartes et de travaux existent déjà ; la coalition veut en faire des chantiers concrets. La "
       "réunion de cadrage, **en ligne le 7 septembre à 16 h**, servira à :\n\n"
       "- partager un diagnostic de départ et ce qui devrait changer ;\n"
       "- imaginer des réussites collectives à portée de main ;\n"
       "- repérer qui tient quels leviers ;\n"
       "- amorcer une feuille de route commune.\n\n"
       "Indisponible ce jour-là ? Dites-nous votre intérêt à reset@fing.org : d'autres rencontres suivront.",
       {"algorithmes-ia-publics-exemplaires"},
       {"cadrage-ia-septembre-2021"},
       {},
       {}},
  };
}

// The slugs of the things titled `titles` that the demo loaded (`from`: the table, and what a post may
// link to of it).
std::vector<std::string> slugs_titled(storage::Connection& c, const char* from,
                                      const std::vector<std::string>& titles) {
  std::vector<std::string> out;
  for (const auto& t : titles)
    if (auto row = c.query_one(std::string("SELECT slug FROM ") + from + " AND title = ?", {t}))
      out.push_back(row->text(0));
  return out;
}

}  // namespace

std::int64_t load_journal(storage::Connection& c, const accounts::User& animateur) {
  std::int64_t n = 0;
  for (const auto& d : posts()) {
    journal::PostInput in;
    in.title = d.title;
    in.kind = d.kind;
    in.link = d.link;
    in.summary = d.summary;
    in.body = d.body;
    in.coalitions = d.coalitions;
    in.events = d.events;
    in.datasets = slugs_titled(c, "datasets WHERE 1 = 1", d.datasets);
    in.resources = slugs_titled(c, "resources WHERE status = 'published'", d.resources);
    in.publish = true;
    auto r = journal::write_post(c, animateur, in, d.at);
    check(std::string("post ") + d.title, r.errors);
    ++n;
  }
  return n;
}

}  // namespace fabrique::demo
