// The demo programme's events: the meetings the source document reports (assembly, Reset Days,
// Reset Fest, coalition meetings) with their programmes and speaking organisations, who came,
// questions, decisions and next steps; the meetings it announces without a firm date, marked "date à
// confirmer"; a coalition proposal; and a monthly Reset Day series whose next occurrences are open
// for registration. Facts from the source; every sentence written for the demo. Loaded through the use
// cases, each with the historical date as its `now`.
// Hand-laid data tables: kept as written, not reflowed by clang-format.
// clang-format off
#include "demo/events_data.hpp"

#include <set>
#include <stdexcept>

#include "accounts/store.hpp"
#include "demo/check.hpp"
#include "demo/demo.hpp"
#include "events/use_cases.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::demo {

namespace {

using events::EventInput;
using events::ItemInput;
using events::ItemKind;
using std::chrono::sys_seconds;

// A Paris wall-clock time as a UTC instant, for the use cases' `now` (demo dates are not ambiguous).
sys_seconds paris(int y, unsigned m, unsigned d, int hour) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}} +
         std::chrono::hours{hour - 1};
}

struct SlotData {
  const char* starts;
  const char* ends;
  const char* title;
  const char* kind;
  std::vector<std::string> organisations;  // speaking organisations (slugs)
  const char* coalition;
};

struct ItemData {
  ItemKind kind;
  const char* body;
  const char* who = "";
  const char* to = "";
  const char* answer = "";
  const char* due = "";
  const char* coalition = "";
};

struct EventData {
  const char* kind;
  const char* slug;
  const char* title;
  const char* starts;
  const char* ends;
  const char* place;
  const char* description;
  std::vector<std::string> coalitions;
  std::vector<std::string> organisers;  // organisation slugs
  std::vector<SlotData> slots;
  std::vector<const char*> attendees;          // demo e-mails, registered and marked present
  std::vector<std::string> present;            // organisation slugs marked present
  const char* minutes;                         // Markdown, or ""
  std::vector<ItemData> items;
  const char* status = "confirmed";            // "tentative" when the source gives no firm date
};

const std::vector<EventData>& history() {
  static const std::vector<EventData> kList = {
      {"assemblee", "assemblee-reset-2020", "Assemblée #Reset 2020", "2020-06-16T14:00", "2020-06-16T17:30",
       "En ligne (Big Blue Button)",
       "La première assemblée du programme : se donner des principes de gouvernance et d'action, s'engager dans "
       "les coalitions et dire ensemble quel impact on recherche.",
       {},
       {"fing"},
       {{"14:00", "14:30", "Le numérique que nous voulons : d'où vient #Reset", "pleniere", {"fing"}, ""},
        {"14:30", "16:30", "Dix coalitions sur dix-huit présentées", "presentation", {"fing"}, ""},
        {"16:30", "17:30", "La charte en discussion et les prochaines étapes", "pleniere", {"fing"}, ""}},
       {"camille@demo.fabrique"},
       {"fing", "octopuce", "berger-levrault"},
       R"md(93 personnes ont répondu présent, toutes à distance, grâce à une instance Big Blue Button mise à disposition par **Octopuce**. Entreprises, PME, associations techniques ou non, territoires, administrations et acteurs internationaux étaient représentés.

Dix des dix-huit coalitions ont été présentées : pour chacune, l'intention, l'impact recherché, les leviers et les acteurs à associer. Chacun était invité à déclarer son intérêt pour une ou plusieurs d'entre elles.

La charte du programme, encore en version de travail, a été mise en discussion : principes d'engagement, ambitions communes, méthode des coalitions, ouverture des productions, évaluation de l'impact et rituels partagés.)md",
       {{ItemKind::decision, "Adopter la charte après le Reset Day de juillet."},
        {ItemKind::next_step, "Identifier les co-porteurs, les impacts et les leviers de chaque coalition.", "Fing", "",
         "", "2020-09-30"},
        {ItemKind::next_step, "Produire et tester les premières productions des coalitions.", "Coalitions", "", "",
         "2020-12-31"},
        {ItemKind::next_step, "Préparer un kit d'appropriation #Reset pour les territoires.", "Fing"}}},
      {"reset-day", "reset-day-novembre-2020", "Reset Day du 5 novembre 2020", "2020-11-05T14:00",
       "2020-11-05T17:00", "En ligne",
       "Des porteurs de dynamiques inspirantes viennent témoigner : empreinte environnementale, médiation "
       "numérique, design éthique, innovation responsable et démocratie.",
       {"qualite-democratique", "dematerialiser-sans-deshumaniser"},
       {"fing"},
       {{"14:00", "14:30", "Planet Tech'Care : mesurer puis réduire l'empreinte du numérique", "temoignage",
         {"syntec-numerique", "planet-tech-care"}, ""},
        {"14:30", "15:00", "Le manifeste « Pour une société numérique humaine »", "temoignage",
         {"federation-des-centres-sociaux-et-socioculturels"}, "dematerialiser-sans-deshumaniser"},
        {"15:00", "15:30", "Concevoir un numérique éthique", "temoignage", {"designers-ethiques"}, ""},
        {"15:30", "16:00", "Innovation responsable et sobriété dans un pôle de compétitivité", "temoignage",
         {"cap-digital"}, ""},
        {"16:00", "17:00", "Pourquoi #Reset intéresse la recherche sur la démocratie", "temoignage",
         {"laboratoire-costech-utc-compiegne"}, "qualite-democratique"}},
       {"noa@demo.fabrique", "camille@demo.fabrique"},
       {"fing", "syntec-numerique", "planet-tech-care", "federation-des-centres-sociaux-et-socioculturels",
        "designers-ethiques", "cap-digital", "laboratoire-costech-utc-compiegne", "berger-levrault"},
       R"md(## Planet Tech'Care
Un manifeste signé par 125 acteurs (la moitié de la tech, un quart hors tech, un quart de la formation) : reconnaître l'empreinte environnementale du numérique, la mesurer, la réduire. L'initiative s'appuie sur des écosystèmes existants plutôt que de produire ses propres contenus ; elle ressemble à une coalition #Reset par sa diversité d'acteurs.

## Centres sociaux
La fédération lance un chantier national : partager une culture du numérique fidèle à ses valeurs, recenser les initiatives locales dans un catalogue, et nouer des alliances. La coalition « Dématérialiser sans déshumaniser » lui paraît le bon cadre.

## Démocratie
Les technologies de participation ne sont pas à la hauteur des enjeux actuels, mais elles peuvent bifurquer. Piste : une **boussole** de ce qui a été essayé, qui prenne au sérieux les tensions.)md",
       {{ItemKind::question, "Comment une PME peut-elle mesurer son empreinte sans données ni outils ?", "Participants",
         "Syntec Numérique", "Par des ateliers de montée en compétences organisés par chaque partenaire pour les signataires."},
        {ItemKind::decision, "Berger-Levrault rejoint la coalition « Dématérialiser sans déshumaniser »."},
        {ItemKind::next_step, "Construire une boussole de la participation numérique : ce qui a marché, ce qui a échoué.",
         "ICPC", "", "", "2021-06-30", "qualite-democratique"}}},
      {"fest", "reset-fest-bretagne-2021", "Reset Fest Bretagne : données environnementales", "2021-04-14T14:00",
       "2021-04-14T17:00", "Bretagne",
       "Premier atelier de la coalition sur les usages des données environnementales, avec l'écosystème breton.",
       {"donnees-environnementales"},
       {"fing"},
       {{"14:00", "14:30", "Pourquoi une coalition sur les données environnementales", "pleniere", {"fing"},
         "donnees-environnementales"},
        {"14:30", "16:00", "Trois groupes : expériences, ressources, difficultés", "atelier", {},
         "donnees-environnementales"},
        {"16:00", "17:00", "Leviers pour mieux s'approprier les données", "atelier", {}, "donnees-environnementales"}},
       {"camille@demo.fabrique", "lou@demo.fabrique", "noa@demo.fabrique", "maxime@demo.fabrique", "jade@demo.fabrique",
        "eden@demo.fabrique"},
       {"fing", "bretagne-creative"},
       R"md(Plus de vingt participants venus d'associations, de collectivités, d'une infrastructure de recherche et d'un CPIE ont travaillé le diagnostic de départ : expérimentations en cours, ressources disponibles, difficultés des producteurs comme des utilisateurs. La seconde partie portait sur les leviers, en particulier la culture des données.)md",
       {{ItemKind::next_step, "Lancer la coalition au niveau national.", "Fing", "", "", "2021-05-19",
         "donnees-environnementales"}}},
      {"reset-day", "reset-day-4", "Reset Day 4 : la fabrique de coalitions en mouvement", "2021-04-21T10:00",
       "2021-04-21T17:00", "En ligne",
       "Plénière, témoignages d'acteurs de la communauté et ateliers de coalition : une journée pour découvrir la "
       "mécanique des coalitions.",
       {"proximite-territoriale"},
       {"fing"},
       {{"10:00", "11:00", "Agir en coalition", "pleniere", {"fing"}, ""},
        {"11:00", "12:30", "Témoignages de la communauté", "temoignage", {}, ""},
        {"14:00", "17:00", "Ateliers de coalition", "atelier", {}, ""}},
       {"jade@demo.fabrique"},
       {"fing", "le-groupe-la-poste"},
       R"md(Une trentaine de participants. Les échanges ont fait naître une nouvelle intention de coalition : un numérique qui outille la proximité et les circuits courts.)md",
       {}},
      {"reset-day", "reset-day-5", "Reset Day 5", "2021-05-12T14:00", "2021-05-12T17:00", "En ligne",
       "Point d'avancée des coalitions, classement en trois familles, témoignages et une nouvelle proposition de "
       "coalition.",
       {"proximite-territoriale"},
       {"fing"},
       {{"14:00", "15:00", "Les premières coalitions en trois familles", "pleniere", {"fing"}, ""},
        {"15:00", "16:00", "Témoignages", "temoignage", {}, ""},
        {"16:00", "17:00", "Une nouvelle coalition : le numérique de proximité", "presentation", {"le-groupe-la-poste"},
         "proximite-territoriale"}},
       {"jade@demo.fabrique", "eden@demo.fabrique"},
       {"fing", "le-groupe-la-poste", "metropole-de-lyon"},
       R"md(28 participants, encore uniquement en ligne. Les coalitions engagées sont désormais rangées en trois familles.)md",
       {{ItemKind::decision, "Classer les premières coalitions en trois familles."}}},
      {"reset-day", "reset-day-juin-2021", "Reset Day du 15 juin 2021", "2021-06-15T14:00", "2021-06-15T16:00",
       "En ligne",
       "Communauté #Reset, coalitions sur les communs et sur l'IA, perspectives et agenda.",
       {"communs-numeriques", "algorithmes-ia-publics-exemplaires", "dematerialiser-sans-deshumaniser"},
       {"fing"},
       {{"14:00", "14:30", "Introduction et communauté Reset", "pleniere", {"fing"}, ""},
        {"14:30", "15:10", "Coalition(s) sur les communs", "atelier", {"wikimedia-france", "bretagne-creative"},
         "communs-numeriques"},
        {"15:10", "15:45", "Coalition sur l'IA", "atelier", {"metropole-europeenne-de-lille"},
         "algorithmes-ia-publics-exemplaires"},
        {"15:45", "16:00", "Perspectives et agenda", "pleniere", {"fing"}, ""}},
       {"camille@demo.fabrique", "lou@demo.fabrique", "maxime@demo.fabrique", "eden@demo.fabrique"},
       {"fing", "metropole-de-lyon", "berger-levrault", "wikimedia-france", "metropole-europeenne-de-lille",
        "hinaura", "region-bourgogne-franche-comte", "bretagne-creative"},
       R"md(## Premiers effets de #Reset
Beaucoup d'acteurs portent aujourd'hui une dynamique de transition ; #Reset les inspire. Au-delà des guides et des manifestes, il s'agit de faire **atterrir** les intentions en victoires concrètes : qualifier les leviers, outiller les territoires, nourrir les contrats de relance et de transition écologique.

Les coalitions n'avancent pas au même rythme. Entre l'idée d'une coalition et son vrai départ, il y a un temps invisible : le livret évolutif et l'identification de locomotives doivent aider à le traverser.

## Coalition IA
Enjeu de transparence des algorithmes publics et de sensibilisation en interne. Pistes : des algorithmes prédictifs qui dépassent les observatoires territoriaux (pics de pollution, avec Atmo France), les conditions d'une IA exemplaire, et trois ou quatre cas d'usage : IA et démocratie, IA frugale, IA dans un monde incertain.

## Coalition communs
Comment accompagner la création d'un commun, quelle gouvernance, quelles ressources publiques gérer en commun ? Comment les collectivités peuvent-elles soutenir les services de proximité liés aux communs ? Premières victoires possibles : former les contributeurs, financer des lieux décentralisés, lutter contre les communs orphelins.

Prochain rendez-vous en septembre.)md",
       {{ItemKind::question, "Comment valoriser les productions des coalitions ?", "Métropole Européenne de Lille",
         "Fing",
         "Chaque coalition a sa forme : un livret participant et un canevas commun pour les données "
         "environnementales, trois scénarios prospectifs pour la démocratie ; un séminaire méthodologique début "
         "juillet et un site restructuré suivront."},
        {ItemKind::question, "Où en est la coalition sur la dématérialisation ?", "Berger-Levrault", "Fing",
         "Un noyau se forme avec Berger-Levrault, la Métropole Européenne de Lille et la Métropole de Lyon ; une "
         "première réunion est possible le 7 juillet à 16 h."},
        {ItemKind::decision,
         "Une seconde promotion de coalitions peut démarrer en septembre 2021 : formations supérieures et "
         "environnement, Self Data, communs, IA."},
        {ItemKind::decision, "Discuter en février 2022 des coalitions Internet des objets et Genre et numérique."},
        {ItemKind::next_step, "Réunir le noyau de la coalition et associer la DINUM, la FAS et l'ANCT.", "Fing", "", "",
         "2021-07-07", "dematerialiser-sans-deshumaniser"},
        {ItemKind::next_step, "Identifier trois ou quatre cas d'usage et un noyau d'acteurs (INR, Chaire Unesco).",
         "Métropole Européenne de Lille", "", "", "2021-09-07", "algorithmes-ia-publics-exemplaires"},
        {ItemKind::next_step, "Préparer un plaidoyer pour les communs à l'échelle nationale.",
         "Wikimédia France, Bretagne Créative", "", "", "2021-12-31", "communs-numeriques"}}},
      {"atelier-de-coalition", "noyau-dematerialiser-juillet-2021", "Dématérialiser sans déshumaniser : réunion du noyau",
       "2021-07-07T16:00", "2021-07-07T17:30", "En ligne",
       "Première réunion du noyau de la coalition pour s'accorder sur un périmètre.",
       {"dematerialiser-sans-deshumaniser"},
       {"fing", "berger-levrault"},
       {},
       {"camille@demo.fabrique", "lou@demo.fabrique", "eden@demo.fabrique"},
       {"berger-levrault", "metropole-europeenne-de-lille", "metropole-de-lyon"},
       "",
       {}},
      {"reunion-de-cadrage", "cadrage-ia-septembre-2021", "Cadrage de la coalition IA publique exemplaire",
       "2021-09-07T16:00", "2021-09-07T17:30", "En ligne",
       "Réunion de cadrage (périmètre, priorités, complémentarités) d'une coalition qui veut rendre exemplaires les "
       "algorithmes et systèmes d'IA publics : s'accorder sur un diagnostic, imaginer des réussites atteignables, "
       "repérer qui tient quels leviers, et engager une feuille de route commune.",
       {"algorithmes-ia-publics-exemplaires"},
       {"fing"},
       {},
       {"lou@demo.fabrique"},
       {},
       "",
       {}},
      // Announced by the source without a firm date (or with two possible days): "date à confirmer".
      {"reset-day", "reset-day-juillet-2020", "Reset Day de juillet 2020", "2020-07-21T14:00", "2020-07-21T17:00",
       "En ligne",
       "Le rendez-vous de l'été, à l'issue duquel la charte du programme doit être adoptée. Le jour exact n'a pas "
       "encore été fixé.",
       {}, {"fing"}, {}, {}, {}, "", {}, "tentative"},
      {"evenement-partenaire", "reset-chez-vraiment-vraiment-2020", "Reset s'invite chez Vraiment Vraiment",
       "2020-07-30T10:00", "2020-07-30T11:00", "Vraiment Vraiment",
       "L'équipe du programme est l'invitée de Vraiment Vraiment pour un podcast : raconter #Reset, ce qu'il veut "
       "changer dans le numérique, ce que la méthode des coalitions a déjà appris, et comment une organisation peut "
       "s'y engager. L'épisode est publié ici : "
       "<https://autrementautrement.com/2020/07/30/podcast-sophie-fourquet-maheo-concevons-le-numerique-que-nous-voulons/>. "
       "Seule la saison de l'enregistrement est connue.",
       {}, {"vraiment-vraiment", "fing"}, {}, {}, {}, "", {}, "tentative"},
      {"evenement-partenaire", "planet-tech-care-atelier-1", "Planet Tech'Care : premier atelier des signataires",
       "2020-11-19T10:00", "2020-11-19T12:00", "En ligne",
       "Un atelier de contenu réservé aux signataires du manifeste, pour monter en compétences sur la mesure et la "
       "réduction de l'empreinte environnementale du numérique : pratiques, méthodes, outils, données. Annoncé pour "
       "novembre, sans jour précis.",
       {}, {"planet-tech-care", "syntec-numerique"}, {}, {}, {}, "", {}, "tentative"},
      {"evenement-partenaire", "planet-tech-care-atelier-2", "Planet Tech'Care : second atelier des signataires",
       "2020-11-26T10:00", "2020-11-26T12:00", "En ligne",
       "Le second des deux ateliers de novembre proposés par les partenaires de Planet Tech'Care à ses signataires. "
       "Le jour reste à fixer.",
       {}, {"planet-tech-care", "syntec-numerique"}, {}, {}, {}, "", {}, "tentative"},
      {"evenement-partenaire", "anrt-comite-de-pilotage-2021", "ANRT : comité de pilotage sur l'évaluation des "
       "impacts environnementaux", "2021-01-14T14:00", "2021-01-14T16:00", "",
       "Une réunion du groupe de l'ANRT consacré aux méthodes d'évaluation des impacts environnementaux au service de "
       "la transition écologique, signalée au Reset Day de novembre comme une initiative voisine de Planet Tech'Care à "
       "suivre. Seul le mois, janvier 2021, est annoncé.",
       {}, {}, {}, {}, {}, "", {}, "tentative"},
      {"atelier-de-coalition", "lancement-national-donnees-environnementales", "Lancement national de la coalition "
       "sur les données environnementales", "2021-05-19T14:00", "2021-05-19T17:00", "En ligne",
       "Après le Reset Fest breton, la coalition s'ouvre à tout le territoire national.",
       {"donnees-environnementales"}, {"fing"}, {}, {}, {}, "", {}},
      {"atelier-de-coalition", "atelier-territorial-cnes-2021", "Atelier territorial avec le CNES", "2021-06-22T14:00",
       "2021-06-22T17:00", "",
       "Un atelier de la coalition sur les données environnementales, co-animé avec le CNES, le 22 ou le 23 juin. "
       "Le jour, le lieu et les inscriptions seront annoncés.",
       {"donnees-environnementales"}, {"fing", "cnes"}, {}, {}, {}, "", {}, "tentative"},
  };
  return kList;
}

}  // namespace

void load_events(storage::Connection& c) {
  auto user = [&](const std::string& email) {
    auto u = accounts::store::user_by_email(c, email);
    if (!u) throw std::runtime_error("demo events: unknown person " + email);
    return *u;
  };
  const accounts::User animateur = user(kAnimateurEmail);
  // Podcasts and partners' workshops the programme takes part in.
  check("event kind", taxonomies::add_term(c, animateur, taxonomies::kEventKinds, "Événement partenaire"));

  for (const auto& d : history()) {
    EventInput in;
    in.kind = d.kind;
    in.slug = d.slug;
    in.title = d.title;
    in.starts = d.starts;
    in.ends = d.ends;
    in.place = d.place;
    in.description = d.description;
    in.coalitions = d.coalitions;
    in.organisers = d.organisers;
    in.status = d.status;
    const int y = std::stoi(std::string(d.starts).substr(0, 4));
    const unsigned m = std::stoul(std::string(d.starts).substr(5, 2)), day = std::stoul(std::string(d.starts).substr(8, 2));
    const sys_seconds announced = paris(y, m, day, 9) - std::chrono::days(21);
    const sys_seconds after = paris(y, m, day, 23);
    auto r = events::create_event(c, animateur, in, announced);
    check(d.slug, r.errors);
    for (const auto& s : d.slots)
      check(std::string(d.slug) + " programme",
            events::add_slot(c, animateur, d.slug, {s.starts, s.ends, s.title, s.kind, "", s.coalition, s.organisations, ""},
                             announced));
    std::set<std::int64_t> came;
    for (const char* email : d.attendees) {
      const auto person = user(email);
      check(std::string(d.slug) + " registration",
            events::register_for_event(c, person, d.slug, announced + std::chrono::days(7)).errors);
      came.insert(person.id);
    }
    check(std::string(d.slug) + " attendance", events::mark_attendance(c, animateur, d.slug, came, d.present, after));
    if (*d.minutes) {
      auto saved = events::save_minutes(c, animateur, d.slug, {0, d.minutes, "Compte-rendu"}, after + std::chrono::days(2));
      check(std::string(d.slug) + " minutes", saved.errors);
    }
    for (const auto& i : d.items)
      check(std::string(d.slug) + " item",
            events::add_minutes_item(c, animateur, d.slug, {i.kind, i.body, i.who, i.to, i.answer, i.due, i.coalition},
                                     after + std::chrono::days(2)));
  }

  // The intention born at Reset Day 4, presented at Reset Day 5, folded into coalition 18.
  const auto jade = user("jade@demo.fabrique");
  auto proposed = events::propose_coalition(
      c, jade,
      {"Pour un numérique au service de la proximité territoriale",
       "Outiller la proximité : services locaux, circuits courts, infrastructures au plus près des habitants, « local "
       "by design ».",
       "Les crises et l'urgence de la sobriété rendent fragile un numérique qui dépend du lointain.",
       "Le Groupe La Poste, l'ANCT, la Banque des Territoires, la Ville de Brest", "reset-day-4"},
      paris(2021, 4, 21, 18));
  check("proximity proposal", proposed.errors);
  check("proximity proposal schedule",
        events::schedule_proposal(c, animateur, proposed.id, "reset-day-5", "Le Groupe La Poste",
                                  paris(2021, 4, 28, 18)));
  check("proximity proposal merge",
        events::merge_proposal(c, animateur, proposed.id, "proximite-territoriale", paris(2021, 5, 12, 18)).errors);

  // The monthly Reset Day: third Tuesday, 14:00–16:00, online, 30 places; open for registration.
  EventInput series;
  series.kind = "reset-day";
  series.title = "Reset Day";
  series.starts = "2026-12-15T14:00";
  series.ends = "2026-12-15T16:00";
  series.online_url = "https://visio.demo.fabrique/reset-day";
  series.capacity = "30";
  series.description =
      "Le rendez-vous mensuel du programme : nouvelles des coalitions, témoignages, et propositions de nouvelles "
      "coalitions. Le lien de la visioconférence est donné aux inscrits.";
  series.organisers = {"fing"};
  series.repeat = events::Repeat::monthly;
  series.week = 3;
  series.weekday = 2;
  series.count = 6;
  const sys_seconds now = paris(2026, 11, 20, 10);
  check("Reset Day series", events::create_event(c, animateur, series, now).errors);
  check("Reset Day programme",
        events::add_slot(c, animateur, "reset-day-2026-12-15", {"14:00", "14:20", "Nouvelles des coalitions", "pleniere", "", "", {"fing"}, ""}, now));
  check("Reset Day programme",
        events::add_slot(c, animateur, "reset-day-2026-12-15",
                         {"14:20", "15:20", "Ateliers de coalition", "atelier", "", "dematerialiser-sans-deshumaniser"}, now));
  check("Reset Day programme",
        events::add_slot(c, animateur, "reset-day-2026-12-15",
                         {"15:20", "16:00", "Proposition : prédire les pics de pollution", "presentation", "", "",
                          {}, "lou@demo.fabrique"},
                         now));
  // A proposal still to be decided, scheduled at the next Reset Day.
  auto pending = events::propose_coalition(
      c, user("lou@demo.fabrique"),
      {"Des algorithmes prédictifs au service des données environnementales des territoires",
       "Aller au-delà des observatoires territoriaux : anticiper les pics de pollution avec des algorithmes ouverts et "
       "explicables.",
       "Des collectivités et Atmo France expérimentent déjà ; le moment est venu de partager méthodes et garde-fous.",
       "Atmo France, Etalab, l'ADEME", "reset-day-juin-2021"},
      now);
  check("pending proposal", pending.errors);
  check("pending proposal schedule",
        events::schedule_proposal(c, animateur, pending.id, "reset-day-2026-12-15", "Métropole Européenne de Lille", now));
}

}  // namespace fabrique::demo
// clang-format on
