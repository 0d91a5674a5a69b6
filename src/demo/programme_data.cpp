// The demo programme's data, drawn from the accounts of the #Reset programme (shared/seeds, French):
// its facts (numbers, titles, dates, organisations) with every description and booklet written anew.
//
// Choices the source leaves open, made here and kept consistent:
//  - Numbers. The source numbers ten of its eighteen coalitions (1, 2, 3, 4, 6, 8.a, 9, 15, 17, 18).
//    It also discusses, without a number, the coalition on environmental data (launched in 2021),
//    and two themes "to discuss in February 2022" (IoT, gender). They get 19, 20 and 21, after the
//    last known number, so that they never collide with a number the source used. The "IA
//    responsable" coalition of June 2021 is coalition 6 (its framing invitation names the same
//    goal: exemplary public algorithms and AI systems), and "IA frugale" is one of its use cases;
//    "SelfData" is coalition 9 (Self Data services). Neither gets a coalition of its own.
//  - Cohorts. The source counts five pilot coalitions without naming them: here, the four it shows
//    at work in 2021 (1, 2, 18, environmental data) and 4 (responsible public purchasing). The second
//    promotion of September 2021 is the list the source gives: higher education (3), SelfData (9),
//    commons (8.a) and AI (6). The others have no cohort.
//  - Families. The Reset Day of 12 May 2021 sorted the first coalitions into three families without
//    naming them in the text: the labels below group the coalitions by the question they share.
//  - Stages. Every numbered coalition was an idea in December 2019 (the source dates "the idea of
//    the coalition" then) and was presented to the first assembly on 16 June 2020 (crystallisation);
//    later steps follow the meetings the source reports. Coalition 18 was relaunched as a new
//    intention at Reset Day 4 (21 April 2021), so its crystallisation is dated then.
// Hand-laid data tables: kept as written, not reflowed by clang-format.
// clang-format off
#include "demo/programme_data.hpp"

namespace fabrique::demo::data {

namespace {

// The meetings of the source, used as the dates of what happened there.
const sys_seconds kIdea = on(2019, 12, 10);          // "l'idée de la coalition (Décembre 2019)"
const sys_seconds kAssembly = on(2020, 6, 16);       // first #Reset assembly: 10 of 18 coalitions presented
const sys_seconds kResetDayNov = on(2020, 11, 5);    // Reset Day of 5 November 2020
const sys_seconds kResetFest = on(2021, 4, 14);      // Reset Fest Bretagne: first environmental-data workshop
const sys_seconds kResetDay4 = on(2021, 4, 21);      // Reset Day 4
const sys_seconds kResetDay5 = on(2021, 5, 12);      // Reset Day 5: three families
const sys_seconds kEnvLaunch = on(2021, 5, 19);      // national launch of the environmental-data coalition
const sys_seconds kResetDayJune = on(2021, 6, 15);   // Reset Day of 15 June 2021
const sys_seconds kEnvWorkshop = on(2021, 6, 22);    // territorial workshop with the CNES
const sys_seconds kDematCore = on(2021, 7, 7, 16);   // meeting of the core group of coalition 1
const sys_seconds kAiFraming = on(2021, 9, 7, 16);   // framing meeting of coalition 6

// The demo people (invented names; e-mails under demo.fabrique, a domain that is not delegated).
constexpr const char* kAnimateur = "animateur@demo.fabrique";
constexpr const char* kCamille = "camille@demo.fabrique";
constexpr const char* kLou = "lou@demo.fabrique";
constexpr const char* kNoa = "noa@demo.fabrique";
constexpr const char* kMaxime = "maxime@demo.fabrique";
constexpr const char* kJade = "jade@demo.fabrique";
constexpr const char* kEden = "eden@demo.fabrique";

constexpr const char* kFamilyDemocracy = "Numérique, démocratie et pouvoir d'agir";
constexpr const char* kFamilyResponsible = "Numérique responsable et soutenable";
constexpr const char* kFamilyCommons = "Communs, données et territoires";

constexpr const char* kPilots = "Coalitions pilotes";
constexpr const char* kSecond = "Seconde promotion (septembre 2021)";

}  // namespace

const std::vector<OrganisationData>& organisations() {
  static const std::vector<OrganisationData> kList = {
      {"Fing", "association-tech", "https://fing.org",
       "Association de prospective sur les transformations numériques. Elle a conçu le programme #Reset, "
       "anime ses Reset Days et accompagne les coalitions."},
      {"Métropole de Lyon", "collectivite", "",
       "Collectivité qui suit de près la dématérialisation de ses services et l'usage des données sur son "
       "territoire."},
      {"Métropole Européenne de Lille", "collectivite", "",
       "Intercommunalité du Nord, membre du noyau de la coalition sur la dématérialisation et intéressée par "
       "les algorithmes appliqués aux données environnementales."},
      {"Berger-Levrault", "entreprise", "",
       "Éditeur de logiciels pour les collectivités et les services publics, qui veut mieux connaître les "
       "pratiques des habitants pour concevoir ses outils."},
      {"Wikimédia France", "association-tech", "https://www.wikimedia.fr",
       "Association de soutien à Wikipédia et à la connaissance libre, souvent sollicitée pour aider à "
       "bâtir des communs informationnels."},
      {"Région Bourgogne-Franche-Comté", "collectivite", "",
       "Région présente aux Reset Days, attentive aux politiques numériques territoriales."},
      {"Bretagne Créative", "association", "",
       "Réseau breton de partage d'initiatives citoyennes, à l'origine de la démarche Riposte Créative, "
       "engagé sur les communs et les services de proximité."},
      {"Direction interministérielle du numérique (DINUM)", "administration", "",
       "Direction de l'État chargée de la transformation numérique ; son pôle design est un allié pressenti "
       "pour des démarches en ligne plus humaines."},
      {"Fédération des acteurs de la solidarité", "association", "",
       "Réseau de plus de 800 associations de lutte contre l'exclusion, engagé avec La MedNum dans "
       "l'inclusion numérique des personnes rencontrées en maraude."},
      // A cooperative of digital-mediation actors: filed as civic tech for the citizen services it runs.
      {"La MedNum", "civic-tech", "",
       "Coopérative des acteurs de la médiation numérique, qui a lancé la plateforme Solidarité numérique "
       "où des volontaires aident les usagers par téléphone."},
      {"Agence nationale de la cohésion des territoires (ANCT)", "administration", "",
       "Agence de l'État au service des territoires ; son programme Société numérique travaille sur "
       "l'inclusion et les usages."},
      {"Institut de la concertation et de la participation citoyenne (ICPC)", "association", "",
       "Réseau de praticiens de la participation qui anime la coalition sur la qualité démocratique."},
      {"Le Groupe La Poste", "entreprise", "",
       "Groupe de services présent sur tout le territoire, qui a présenté la coalition pour un numérique de "
       "proximité."},
      {"Framasoft", "association-tech", "https://framasoft.org",
       "Association d'éducation populaire qui promeut le logiciel libre et des services décentralisés."},
      {"Colibris", "association", "", "Mouvement citoyen pour la transition écologique et solidaire."},
      {"Octopuce", "pme-eti", "",
       "Hébergeur spécialiste du logiciel libre, qui a fourni l'outil de visioconférence libre de la "
       "première assemblée #Reset."},
      {"Vraiment Vraiment", "pme-eti", "",
       "Agence de design des politiques publiques, partenaire du programme, qui lui a consacré un podcast."},
      {"Atmo France", "association", "",
       "Fédération des observatoires de la qualité de l'air, partenaire possible pour anticiper les pics de "
       "pollution à partir des données."},
      {"Institut du Numérique Responsable (INR)", "association", "",
       "Association qui outille les organisations vers un numérique responsable, achat public compris."},
      {"Chaire Unesco RELIA", "recherche", "",
       "Chaire de recherche sur les ressources éducatives libres et l'intelligence artificielle (REL et IA)."},
      {"Planet Tech'Care", "autre", "",
       "Initiative qui aide les entreprises du numérique et les acteurs de la formation à mesurer puis réduire "
       "l'empreinte environnementale du numérique ; la Fing l'a rejointe en 2020."},
      {"Syntec Numérique", "syndicat", "",
       "Syndicat professionnel des entreprises du numérique, d'où est née l'initiative Planet Tech'Care."},
      {"Fédération des centres sociaux et socioculturels", "association", "",
       "Réseau des centres sociaux, auteur d'un manifeste pour une société numérique humaine qui s'appuie sur "
       "#Reset."},
      {"Designers Éthiques", "association-tech", "",
       "Collectif qui travaille depuis 2016 sur une conception numérique éthique et sobre."},
      {"Cap Digital", "association-tech", "",
       "Pôle de compétitivité du numérique, qui accompagne ses adhérents vers l'inclusion, la sobriété et la "
       "souveraineté numérique."},
      {"Laboratoire Costech (UTC Compiègne)", "recherche", "",
       "Laboratoire qui étudie la place des techniques dans la société, notamment les liens entre numérique et "
       "démocratie."},
      {"Etalab", "administration", "",
       "Service de l'État chargé de l'ouverture des données et des algorithmes publics."},
      {"Orange", "entreprise", "", "Opérateur de télécommunications, acteur privé possible des principes sur l'IA."},
      {"CNIL", "administration", "", "Autorité de protection des données personnelles."},
      {"Droits d'urgence", "association", "", "Association d'accès au droit pour les personnes en difficulté."},
      {"MyData Global", "international", "",
       "Réseau international pour que chacun maîtrise ses données personnelles, avec un hub local en France."},
      {"La 27e Région", "association", "",
       "Laboratoire de transformation publique qui expérimente avec les collectivités."},
      {"Direction interministérielle de la transformation publique (DITP)", "administration", "",
       "Direction de l'État qui accompagne la transformation des services publics."},
      {"Educnum", "autre", "", "Collectif pour l'éducation au numérique."},
      {"UNAF", "association", "", "Union nationale des associations familiales."},
      {"Banque des Territoires", "autre", "", "Acteur public du financement des projets des territoires."},
      {"Ville de Brest", "collectivite", "", "Ville engagée de longue date dans le numérique de proximité."},
      {"CNES", "recherche", "",
       "Agence spatiale, partenaire de l'atelier territorial sur les données environnementales de juin 2021."},
      {"ANRT", "recherche", "",
       "Association de la recherche et de la technologie, qui travaille sur l'évaluation des impacts "
       "environnementaux."},
      {"Numéricité", "pme-eti", "", "Cabinet de conseil en participation citoyenne et numérique."},
      {"HINAURA", "association", "", "Réseau de l'inclusion numérique en Auvergne-Rhône-Alpes."},
      {"ADEME", "administration", "",
       "Agence de la transition écologique, à l'origine d'un appel à communs pour la résilience des "
       "territoires."},
  };
  return kList;
}

const std::vector<PersonData>& people() {
  static const std::vector<PersonData> kList = {
      {kAnimateur, "Sacha Demo", "Fing", true, true, on(2019, 12, 1)},
      {kCamille, "Camille Demo", "Berger-Levrault", true, false, on(2020, 6, 16, 9)},
      {kLou, "Lou Exemple", "Métropole Européenne de Lille", false, false, on(2021, 4, 14, 9)},
      {kNoa, "Noa Essai", "Institut de la concertation et de la participation citoyenne (ICPC)", true, false,
       on(2020, 11, 5, 9)},
      {kMaxime, "Maxime Fictif", "Wikimédia France", true, false, on(2021, 6, 15, 9)},
      {kJade, "Jade Modèle", "Le Groupe La Poste", false, false, on(2021, 4, 21, 9)},
      {kEden, "Eden Prototype", "Métropole de Lyon", true, false, on(2021, 5, 12, 9)},
  };
  return kList;
}

const std::vector<const char*>& families() {
  static const std::vector<const char*> kList = {kFamilyDemocracy, kFamilyResponsible, kFamilyCommons};
  return kList;
}

const std::vector<const char*>& cohorts() {
  static const std::vector<const char*> kList = {kPilots, kSecond};
  return kList;
}

const std::vector<CoalitionData>& coalitions() {
  static const std::vector<CoalitionData> kList = {
      // ---------------------------------------------------------------- 1
      {"1", "dematerialiser-sans-deshumaniser", "Dématérialiser sans déshumaniser",
       "Que le passage des démarches publiques et sociales en ligne garde toujours une relation humaine et "
       "n'éloigne personne de ses droits.",
       kFamilyDemocracy, kPilots, "Fing", true, true, false,
       {{"idee", kIdea}, {"cristallisation", kAssembly}, {"cadrage", kDematCore, kCamille}},
       {{kCamille, true, kResetDayJune}, {kEden, false, kResetDayJune}},
       {{kCamille, false, true, true,
         "Nous concevons des logiciels pour les collectivités : nous voulons observer comment les habitants "
         "s'en servent vraiment et corriger nos parcours avec eux.",
         kResetDayNov},
        {kEden, true, false, true,
         "La Métropole peut ouvrir une ou deux de ses démarches à des ateliers d'écoute des usagers.",
         kResetDayJune},
        {kLou, true, false, false,
         "Nous rejoignons le noyau : nos guichets passent en ligne et nous voulons garder un recours humain.",
         kResetDayJune}},
       {{kAssembly, kAnimateur, "Première version, présentée à l'assemblée #Reset",
         {{"intention", R"md(Les démarches administratives et sociales passent en ligne. La coalition veut que cette bascule **rapproche** les personnes de leurs droits au lieu de les en éloigner, en gardant toujours une porte, une voix ou une main pour celles et ceux qui en ont besoin.)md"},
          {"probleme", R"md(La dématérialisation avance plus vite que la capacité de nombreux habitants à s'en servir.

- Une partie de la population n'a ni l'équipement, ni l'aisance, ni l'accompagnement nécessaires pour faire seule ses démarches.
- Les accueils physiques reculent ; les associations et les lieux de médiation absorbent la demande sans moyens supplémentaires.
- Le résultat : des droits auxquels on renonce, et un sentiment d'abandon face à un écran.)md"},
          {"experiences", R"md(- La plateforme **Solidarité numérique** lancée par La MedNum : des volontaires y aident par téléphone les personnes bloquées dans leurs démarches.)md"}}},
        {on(2020, 11, 9), kAnimateur, "Apports du Reset Day du 5 novembre 2020",
         {{"vision", R"md(Dans quelques années, un service public numérique se reconnaît à ce qu'il a été conçu **avec** ses usagers, y compris les plus éloignés du numérique. Chaque démarche en ligne a un recours humain identifié. Médiateurs, travailleurs sociaux, éditeurs et administrations partagent ce qu'ils observent sur le terrain et corrigent les parcours ensemble : la dématérialisation devient une façon d'aller vers les personnes.)md"},
          {"levier-usages", R"md(- S'appuyer sur les lieux de proximité où l'accompagnement existe déjà : centres sociaux, associations, maraudes.
- Faire remonter les difficultés des usagers jusqu'à celles et ceux qui conçoivent les services.
- Reconnaître le travail des aidants, bénévoles comme professionnels.)md"},
          {"experiences", R"md(- La plateforme **Solidarité numérique** lancée par La MedNum : des volontaires y aident par téléphone les personnes bloquées dans leurs démarches.
- Le manifeste « Pour une société numérique humaine » de la Fédération des centres sociaux, qui cite #Reset et annonce un catalogue des initiatives de médiation menées dans les centres, pour qu'elles essaiment.
- Un projet d'ateliers d'écoute des usagers, interrompu par le premier confinement, qui mérite d'être repris.)md"},
          {"acteurs", R"md(Déjà intéressés : **Berger-Levrault** et la **Fédération des centres sociaux et socioculturels**, qui voit dans cette coalition un bon cadre de coopération.

À associer : des collectivités qui mettent leurs guichets en ligne, des acteurs de la médiation numérique.)md"}}},
        {on(2021, 6, 21), kCamille, "Le noyau se constitue ; cadrage proposé le 7 juillet",
         {{"impact", R"md(- **Social** : moins de renoncement aux droits, une médiation numérique reconnue et financée.
- **Éthique** : la relation humaine comme principe de conception, pas comme option.
- **Gouvernance** : usagers et acteurs de la solidarité associés à la conception des services.)md"},
          {"levier-commande", R"md(- Exiger, dans les commandes publiques de services en ligne, un parcours alternatif avec une personne.
- Budgéter la médiation dès le début des projets de dématérialisation, et non après coup.
- Faire des collectivités du noyau des terrains d'essai.)md"},
          {"levier-offre", R"md(- Des éditeurs qui testent leurs parcours avec des publics variés avant la mise en service.
- Des principes de conception partagés avec les équipes de design de l'État.
- Des fonctions pensées pour les aidants : accès délégué, suivi d'une démarche à plusieurs.)md"},
          {"acteurs", R"md(Noyau en constitution : **Berger-Levrault**, la **Métropole Européenne de Lille** et la **Métropole de Lyon**, avec la Fédération des centres sociaux et socioculturels.

À associer :

- le pôle design de la **DINUM** ;
- la **Fédération des acteurs de la solidarité** (plus de 800 associations), qui mène avec **La MedNum** un projet d'inclusion numérique auprès des maraudes ;
- le programme Société numérique de l'**ANCT** ;
- des chercheurs qui travaillent sur l'écoute des usagers ;
- des responsables de l'accès aux droits dans les associations.)md"},
          {"victoires", R"md(1. Réunir le noyau le 7 juillet 2021 et s'accorder sur un périmètre.
2. Mener une première série d'ateliers d'écoute des usagers sur un ou deux services d'une collectivité du noyau.
3. Publier une courte liste de critères « un recours humain pour chaque démarche », réutilisable dans les cahiers des charges.

Pour suivre la coalition : <https://reset.fing.org>)md"}}}}},

      // ---------------------------------------------------------------- 2
      {"2", "qualite-democratique", "Pour des Civic Tech au service de la qualité démocratique",
       "Partir des besoins démocratiques avant de choisir la technologie, et se donner une boussole pour "
       "s'orienter dans la participation numérique.",
       kFamilyDemocracy, kPilots, "Institut de la concertation et de la participation citoyenne (ICPC)", true,
       true, false,
       {{"idee", kIdea}, {"cristallisation", kAssembly}, {"cadrage", kResetDayNov},
        {"diagnostic", kResetDayJune, kNoa}},
       {{kNoa, true, kResetDayNov}, {kCamille, false, kResetDayNov}},
       {{kNoa, true, false, true,
         "Nous réunissons des praticiens de la participation : nous pouvons animer le cycle de sessions et "
         "relier la coalition aux collectivités.",
         kResetDayNov},
        {kCamille, false, true, false,
         "Un éditeur porte une grande responsabilité dans les outils électoraux et de concertation ; nous "
         "voulons en parler avec des élus de petites collectivités.",
         kResetDayNov}},
       {{kAssembly, kAnimateur, "Première version, présentée à l'assemblée #Reset",
         {{"intention", R"md(Mettre les outils numériques de participation au service d'une démocratie plus vivante : partir des besoins démocratiques (le « civic ») avant de choisir la technologie (la « tech »).)md"},
          {"probleme", R"md(Les outils de participation en ligne se sont multipliés, mais leur usage n'est pas toujours à la hauteur des enjeux démocratiques.)md"}}},
        {on(2020, 11, 10), kAnimateur, "Compte-rendu du Reset Day du 5 novembre 2020",
         {{"probleme", R"md(Depuis plus de dix ans, les expériences de démocratie numérique ont des effets contrastés. Certaines émancipent et créent du lien ; d'autres nourrissent une démocratie d'opinion, peu transparente, où les débats se polarisent.

Ce qui ressort du Reset Day de novembre 2020 :

- les promesses d'hier (un numérique qui ferait les révolutions, donnerait la parole à tous, rendrait l'action publique plus efficace) ont laissé place à la surveillance, à la centralisation et à la brutalité des échanges ;
- en ligne, les sujets qui percent sont ceux qui épousent le mieux les contraintes des plateformes ;
- une participation massive n'est pas toujours un progrès démocratique ;
- les petites collectivités n'ont pas de cadre de confiance pour choisir un outil de concertation locale.)md"},
          {"vision", R"md(Les technologies ne sont pas une fatalité : selon ce que la société attend d'elles, elles peuvent **bifurquer**. La coalition dessine des futurs souhaitables où la diversité des outils est encouragée, où l'on préfère l'artisanat démocratique aux grandes plateformes standardisées, et où la démocratie est reliée aux autres questions sociales, sans être laissée aux seuls acteurs du numérique.)md"},
          {"levier-commande", R"md(- Aider les élus, notamment ceux des petites collectivités, à formuler leurs besoins avant de choisir un outil.
- Se fixer des objectifs gagnables et visibles plutôt qu'une réforme d'ensemble.)md"},
          {"levier-offre", R"md(- Encourager la diversité technologique et les alternatives aux grandes plateformes.
- Interroger le rôle des ingénieurs et des designers : des outils légers suffisent souvent.
- Rappeler la responsabilité des éditeurs de logiciels dans les processus électoraux.)md"},
          {"levier-usages", R"md(- Co-concevoir les dispositifs avec les praticiens de la participation et les habitants.
- Réunir des acteurs très variés : civic tech, chercheurs, consultants en concertation, collectivités, associations.)md"},
          {"experiences", R"md(- Des méthodes de co-conception de dispositifs de participation qui traitent le « civic » avant la « tech », avec par exemple Vraiment Vraiment, Numéricité et Berger-Levrault (voir <https://ripostecreativeterritoriale.xyz>).
- Les recherches du laboratoire Costech (UTC) sur les liens entre numérique et démocratie.
- Des modèles alternatifs de civic tech, encore peu explorés en France.)md"}}},
        {kResetDayJune, kNoa, "Cycle de trois sessions et boussole",
         {{"intention", R"md(Mettre le numérique au service de la qualité démocratique et de la participation : partir des besoins démocratiques (le « civic ») avant de choisir la technologie (la « tech »), et construire ensemble une **boussole** pour s'orienter dans la participation numérique.

> Titre envisagé : « Pour un numérique au service de la qualité démocratique et de la participation ».)md"},
          {"impact", R"md(- **Gouvernance et régulation** : un cadre de confiance pour les outils numériques de concertation.
- **Éthique** : des dispositifs transparents, qui ne réduisent pas le débat à l'opinion.
- **Social** : une participation qui renforce le lien au lieu de polariser.)md"},
          {"acteurs", R"md(Animation : l'**Institut de la concertation et de la participation citoyenne (ICPC)**, qui porte la coalition au-delà de la Fing.

Déjà présents : Berger-Levrault, le laboratoire Costech.

À associer : des praticiens de la participation, des collectivités de toutes tailles, des associations et des acteurs sociaux, pour que la démocratie ne reste pas un sujet réservé au numérique.)md"},
          {"victoires", R"md(1. Tenir le cycle de trois sessions « Participation numérique : quelle(s) trajectoire(s) ? ».
2. Publier une première **boussole** : ce qui a été essayé, ce qui a marché ou non, et les tensions à garder en tête (« si l'on fait ceci, alors… »).
3. Écrire trois scénarios prospectifs partagés.

En savoir plus : <https://reset.fing.org>)md"}}}}},

      // ---------------------------------------------------------------- 3
      {"3", "formations-superieures-transitions",
       "Pour des formations supérieures numériques intégrant les questions sociales & environnementales",
       "Former les futurs professionnels du numérique aux transitions, avec des modules partagés entre "
       "établissements.",
       kFamilyResponsible, kSecond, "", false, true, false,
       {{"idee", kIdea}, {"cristallisation", kAssembly}},
       {},
       {},
       {{kAssembly, kAnimateur, "Intention et problème",
         {{"intention", R"md(Que les formations supérieures au numérique préparent aux transitions sociales et environnementales, et pas seulement à un « numérique responsable » vu comme une spécialité à part.)md"},
          {"probleme", R"md(- Les cursus abordent peu les effets sociaux et environnementaux des technologies.
- Les enseignants manquent de modules prêts à l'emploi ; les ressources qui existent (par exemple <https://innovation-pedagogique.fr>) circulent mal.
- Beaucoup d'étudiants, en design notamment, arrivent désabusés : ils veulent agir mais ne savent pas comment.)md"}}},
        {kResetDayJune, kAnimateur, "Seconde promotion : pistes d'acteurs",
         {{"acteurs", R"md(À associer : des écoles et universités, des organismes de formation, **Planet Tech'Care** (qui soutient les acteurs de la formation), **Designers Éthiques**, **Cap Digital**.)md"}}}}},

      // ---------------------------------------------------------------- 4
      {"4", "achat-public-numerique-responsable", "Pour un achat public numérique responsable et conscient de ses choix",
       "Tester et améliorer des référentiels d'achat public numérique qui tiennent compte du social comme de "
       "l'environnement.",
       kFamilyResponsible, kPilots, "Fing", false, true, false,
       {{"idee", kIdea}, {"cristallisation", kAssembly}},
       {},
       {{kCamille, false, true, false,
         "Nous répondons à de nombreux marchés publics : nous pouvons confronter les référentiels à des offres "
         "réelles.",
         kAssembly}},
       {{kAssembly, kAnimateur, "Intention et problème",
         {{"intention", R"md(Faire de l'achat public un levier vers un numérique responsable, en pesant à la fois ses dimensions sociales et environnementales.)md"},
          {"probleme", R"md(Les acheteurs publics ont peu de référentiels éprouvés pour choisir des services numériques responsables ; ceux qui existent sont rarement testés en situation réelle, et l'empreinte environnementale du numérique reste mal mesurée.)md"},
          {"acteurs", R"md(À associer : l'**Institut du Numérique Responsable**, la **DINUM**, des acheteurs de collectivités, des éditeurs.)md"}}}}},

      // ---------------------------------------------------------------- 6
      {"6", "algorithmes-ia-publics-exemplaires", "Pour des algorithmes et systèmes d'IA publics exemplaires",
       "Des algorithmes et des IA publics ouverts, explicables et sobres, suivis par un observatoire citoyen.",
       kFamilyResponsible, kSecond, "Fing", false, true, false,
       {{"idee", kIdea}, {"cristallisation", kAssembly}, {"cadrage", kAiFraming}},
       {{kLou, true, kAiFraming}},
       {{kLou, true, false, true,
         "Nous voulons repérer les algorithmes que nous utilisons et sensibiliser nos équipes ; nous avons une "
         "piste concrète avec la prévision des pics de pollution.",
         kResetDayJune},
        {kEden, true, false, false,
         "La Métropole peut apporter un cas d'usage et tester une liste de questions avant tout projet d'IA.",
         kAiFraming}},
       {{kAssembly, kAnimateur, "Première version, présentée à l'assemblée #Reset",
         {{"intention", R"md(Faire des algorithmes et des systèmes d'intelligence artificielle des acteurs publics et d'intérêt général des exemples à suivre : ouverts, explicables, responsables et sobres, avec des principes que les acteurs privés puissent aussi adopter.)md"},
          {"probleme", R"md(Les projets publics d'algorithmes et d'IA se multiplient, souvent sans que les personnes concernées sachent qu'ils existent ni comment ils décident.)md"},
          {"experiences", R"md(- Les travaux sur l'ouverture des algorithmes publics, qui ont aidé des administrations à prendre conscience de leurs effets.)md"}}},
        {kResetDayJune, kAnimateur, "Échanges du Reset Day de juin 2021",
         {{"probleme", R"md(Les projets publics d'algorithmes et d'IA se multiplient, souvent sans que les personnes concernées sachent qu'ils existent ni comment ils décident.

Questions ouvertes :

- à quelles conditions un acteur public ou d'intérêt général peut-il recourir à l'IA ?
- comment accorder l'arrivée de l'IA avec les attentes des citoyens et des usagers ?
- comment les concepteurs intègrent-ils une exigence de responsabilité dans leur recherche et leur innovation ?

Chartes, déclarations et manifestes abondent ; il manque leur traduction en chantiers concrets. Et chaque organisation doit d'abord savoir quels algorithmes elle utilise.)md"},
          {"vision", R"md(Chacun peut savoir quels algorithmes publics le concernent, à quoi ils servent et comment ils fonctionnent. Avant de lancer un projet d'IA, un acteur public se pose les bonnes questions (utilité, effets de bord, dépendance, coût environnemental), et l'IA cesse d'être l'affaire des seuls experts.)md"},
          {"levier-commande", R"md(- Des critères de recours à l'IA pour les acheteurs et les décideurs publics.
- Un inventaire des algorithmes en usage dans chaque organisation.
- Une commande pédagogique : former agents et élus à ces questions.)md"},
          {"levier-offre", R"md(- Des systèmes conçus pour être expliqués et vérifiés.
- Des approches sobres (**IA frugale**) plutôt que la course à la puissance.)md"},
          {"levier-usages", R"md(- Démystifier l'IA auprès des non-experts.
- Associer les citoyens à l'évaluation des algorithmes qui les concernent.)md"},
          {"acteurs", R"md(Noyau pressenti : l'**Institut du Numérique Responsable**, la **Chaire Unesco RELIA**, la Métropole Européenne de Lille.

À associer : Etalab, Orange, des collectivités qui utilisent déjà des algorithmes, des associations d'usagers.)md"}}},
        {on(2021, 9, 7, 18), kLou, "Réunion de cadrage du 7 septembre 2021",
         {{"impact", R"md(- **Éthique** : transparence et explicabilité des décisions algorithmiques.
- **Gouvernance et régulation** : des principes directeurs testés, appliqués et vérifiables.
- **Environnemental** : une IA à la mesure des ressources disponibles.)md"},
          {"experiences", R"md(- Les travaux sur l'ouverture des algorithmes publics, qui ont aidé des administrations à prendre conscience de leurs effets.
- Des algorithmes prédictifs appliqués aux données environnementales, par exemple pour anticiper les pics de pollution avec les observatoires de la qualité de l'air (Atmo France).
- Trois familles de cas d'usage retenues au cadrage :
  - l'IA en démocratie ;
  - l'IA en ressources limitées (IA frugale) ;
  - l'IA dans un monde incertain : dépendance et souveraineté face à ces outils.)md"},
          {"victoires", R"md(1. S'accorder sur le périmètre, les priorités et les complémentarités (cadrage du 7 septembre 2021).
2. Documenter trois ou quatre cas d'usage exemplaires.
3. Ouvrir un **observatoire citoyen** qui rende compte de l'ouverture et de l'explicabilité des algorithmes publics.
4. Publier la liste des bonnes questions à se poser avant tout projet d'IA.

Intéressé sans pouvoir venir ? Écrivez à reset@fing.org.)md"}}}}},

      // ---------------------------------------------------------------- 8.a
      {"8.a", "communs-numeriques", "Développer et maintenir les communs numériques",
       "Mettre les communs numériques au service des politiques territoriales et leur donner de quoi durer.",
       kFamilyCommons, kSecond, "Fing", true, true, true,
       {{"idee", kIdea}, {"cristallisation", kAssembly}},
       {{kMaxime, true, kResetDayJune}},
       {{kMaxime, false, true, true,
         "Nous savons faire vivre un commun informationnel et sa communauté ; nous pouvons partager ce que cela "
         "demande en gouvernance.",
         kResetDayJune}},
       {{kAssembly, kAnimateur, "Première version, présentée à l'assemblée #Reset",
         {{"intention", R"md(Mettre les communs numériques (logiciels, données et connaissances partagés et gouvernés par leurs communautés) au service des politiques publiques territoriales, et leur donner les moyens de durer.)md"},
          {"probleme", R"md(Beaucoup de communs numériques naissent, peu sont entretenus dans la durée : ils reposent sur des bénévoles et manquent de soutien public.)md"},
          {"experiences", R"md(- L'initiative européenne *Enacting the Commons*, qui documente des communs en Europe et les fait se rencontrer.)md"}}},
        {on(2021, 6, 16), kMaxime, "Atelier communs du Reset Day de juin 2021",
         {{"probleme", R"md(Beaucoup de communs numériques naissent, peu sont entretenus dans la durée.

- Les associations de la connaissance libre sont sollicitées pour aider à créer des communs, sans cadre pour le faire.
- Chaque communauté invente seule son mode de gouvernance.
- On sait mal quelles ressources numériques ou publiques gagneraient à être gérées en commun, ni comment y parvenir.
- Les collectivités ne savent pas toujours comment soutenir les services de proximité liés aux communs (hébergeurs alternatifs, tiers-lieux).
- Des communs deviennent « orphelins », faute de contributeurs ; beaucoup restent méconnus.)md"},
          {"vision", R"md(Les collectivités traitent les communs comme une infrastructure d'intérêt général : elles y contribuent, les financent et s'en servent. Des lieux décentralisés accueillent les contributeurs ; communs informationnels, communs de la connaissance et communs numériques se répondent ; et l'on sait comment un projet devient un commun durable.)md"},
          {"acteurs", R"md(Déjà engagés : **Wikimédia France**, Bretagne Créative.

À associer : Framasoft, Colibris, La 27e Région, l'association des vice-présidents numériques des universités, des tiers-lieux, les responsables numériques des collèges et lycées.)md"},
          {"victoires", R"md(1. Reprendre à l'échelle nationale la démarche européenne de rencontre et de documentation des communs.
2. Un plaidoyer qui fasse connaître les initiatives et les bonnes pratiques.
3. Former une première promotion de contributeurs.
4. Repérer les communs orphelins et leur trouver des mainteneurs.)md"}}},
        {on(2021, 6, 30), kAnimateur, "Leviers, impact et ressources",
         {{"impact", R"md(- **Gouvernance** : des modèles de gouvernance partagée documentés et réutilisables.
- **Concurrentiel** : des alternatives libres crédibles face aux solutions propriétaires.
- **Social** : des habitants contributeurs, et pas seulement usagers.)md"},
          {"levier-commande", R"md(- Orienter une part des plans de relance vers les lieux et les personnes qui font vivre les communs (postes, infrastructures).
- Un plaidoyer auprès des collectivités et de l'État.)md"},
          {"levier-offre", R"md(- Des services libres et décentralisés, à l'image des hébergeurs du collectif CHATONS.
- Des outils pour entretenir les communs existants plutôt qu'en créer sans cesse de nouveaux.)md"},
          {"levier-usages", R"md(- Former les contributeurs.
- Faire connaître les communs et ce qui les menace auprès des élus, des enseignants et des agents.)md"},
          {"experiences", R"md(- L'initiative européenne *Enacting the Commons*, qui documente des communs en Europe et les fait se rencontrer.
- La note rédigée après NEC 2019 sur les risques qui pèsent sur les communs, avec constats et propositions d'actions.
- L'appel à communs de l'ADEME pour la résilience des territoires : <https://wiki.resilience-territoire.ademe.fr/wiki/Appel_%C3%A0_Communs>)md"}}}}},

      // ---------------------------------------------------------------- 9
      {"9", "donnees-personnelles-pouvoir-citoyen", "Faire des données personnelles une source de pouvoir citoyen",
       "Faire naître un écosystème du Self Data où chacun récupère et utilise ses données à son profit.",
       kFamilyDemocracy, kSecond, "", false, true, true,
       {{"idee", kIdea}, {"cristallisation", kAssembly}},
       {},
       {},
       {{kAssembly, kAnimateur, "Intention et problème",
         {{"intention", R"md(Que chacun puisse récupérer ses données personnelles et s'en servir à son profit (*Self Data*), pour en faire une source de pouvoir d'agir.)md"},
          {"probleme", R"md(Les services de Self Data existent mais restent isolés : leurs concepteurs sont loin de ceux qui pourraient les commander et des personnes qui en auraient l'usage, si bien qu'aucun écosystème ne se forme.

À associer : la **CNIL**, **Droits d'urgence**, le hub français du réseau **MyData**. La coalition s'inscrit dans une feuille de route européenne.)md"}}}}},

      // ---------------------------------------------------------------- 15
      {"15", "identite-numerique", "Une identité numérique fiable mais n'impliquant pas une base centralisée de données",
       "Une vision partagée d'identités numériques de confiance, sans grand fichier central.",
       kFamilyDemocracy, "", "", false, true, true,
       {{"idee", kIdea}, {"cristallisation", kAssembly}},
       {},
       {},
       {{kAssembly, kAnimateur, "Intention et problème",
         {{"intention", R"md(Construire une vision partagée d'identités numériques dignes de confiance, sans passer par une grande base de données centralisée.)md"},
          {"probleme", R"md(Les projets d'identité numérique hésitent entre commodité et protection : centraliser facilite la gestion mais crée un point unique de fragilité et de surveillance.

À associer : la **Direction interministérielle de la transformation publique**, **Vraiment Vraiment**.)md"}}}}},

      // ---------------------------------------------------------------- 17
      {"17", "equite-educative", "Équité éducative",
       "Faire rimer numérique et équité scolaire en partageant les pratiques de la communauté éducative.",
       kFamilyDemocracy, "", "", false, true, false,
       {{"idee", kIdea}, {"cristallisation", kAssembly}},
       {},
       {},
       {{kAssembly, kAnimateur, "Intention et problème",
         {{"intention", R"md(Faire rimer numérique et équité scolaire : que l'école numérique réduise les écarts entre élèves au lieu de les creuser.)md"},
          {"probleme", R"md(Les différences d'équipement et d'accompagnement entre familles pèsent sur la réussite dès que l'école passe par le numérique, et les pratiques qui marchent dans la communauté éducative se partagent mal (voir par exemple <https://wiki.faire-ecole.org>).

À associer : **Educnum**, l'**UNAF**.)md"}}}}},

      // ---------------------------------------------------------------- 18
      {"18", "proximite-territoriale", "Pour un numérique au service de la proximité territoriale",
       "Créer et faire durer des services numériques de proximité et de circuits courts, pensés « local by "
       "design ».",
       kFamilyCommons, kPilots, "Le Groupe La Poste", true, false, false,
       {{"idee", kIdea}, {"cristallisation", kResetDay4}, {"cadrage", kResetDay5, kJade}},
       {{kJade, true, kResetDay5}},
       {{kJade, true, true, false,
         "Notre réseau est présent partout : nous pouvons apporter des services de proximité et un terrain "
         "d'expérimentation.",
         kResetDay5},
        {kEden, true, false, true,
         "La revitalisation des centres-villes est une priorité de la Métropole ; nous voulons y tester un "
         "service local.",
         on(2021, 5, 20)}},
       {{kAssembly, kAnimateur, "Première version, présentée à l'assemblée #Reset",
         {{"intention", R"md(Créer et faire durer des services numériques qui servent la proximité et les circuits courts.)md"},
          {"probleme", R"md(Le numérique a rendu le lointain facile ; il a parfois affaibli le proche.)md"}}},
        {kResetDay5, kJade, "Présentation au Reset Day de mai 2021",
         {{"probleme", R"md(Les réseaux ont rendu faciles le travail à distance, les échanges mondiaux et la communication sans frontières. Mais leur généralisation a aussi **déterritorialisé** :

- des activités délocalisées ;
- un tissu de petites entreprises exposé à la concurrence mondiale et aux grandes plateformes ;
- des savoir-faire locaux qui se perdent ;
- des services dématérialisés qui mettent les gens à distance.

L'ouverture au lointain tourne souvent à la dépendance au lointain.)md"},
          {"vision", R"md(Les crises à venir et l'exigence de sobriété fragiliseront les longs trajets et la logistique mondiale. Un numérique du « premier kilomètre » outille au contraire les liens sociaux, les solidarités locales et les circuits courts, au cœur des bassins de vie et des centres-villes. Plus sobre et plus inclusif que les grandes plateformes lointaines, il devient un réflexe de conception.)md"},
          {"impact", R"md(- **Environnemental** : moins de transport, des infrastructures plus sobres.
- **Social** : des liens et des solidarités de voisinage renforcés.
- **Concurrentiel** : un tissu économique local moins dépendant des grandes plateformes.)md"},
          {"experiences", R"md(Le numérique de proximité existe déjà, de façon dispersée :

- maillages et réseaux locaux ;
- synchronisation des lieux et des temps de la ville ;
- offre de services renforcée ;
- autonomie alimentaire ;
- nouveaux modèles de mobilité et d'énergie ;
- infrastructures numériques décentralisées ;
- fabrication numérique locale.)md"}}},
        {on(2021, 5, 26), kAnimateur, "Leviers, acteurs et premières victoires",
         {{"intention", R"md(Créer et faire durer des services numériques qui servent la proximité et les circuits courts, en repensant services et usages avec un prisme **« local by design »**.)md"},
          {"levier-commande", R"md(- Faire de la proximité un critère des stratégies de revitalisation des centres-villes et des bassins de vie.
- S'appuyer sur les contrats de relance et de transition écologique (CRTE) des territoires.)md"},
          {"levier-offre", R"md(- Des services conçus « local by design » : données, logistique et infrastructures au plus près des habitants.
- Des réseaux de services qui s'appuient sur des acteurs déjà présents partout.)md"},
          {"levier-usages", R"md(- Rendre visibles en ligne les circuits courts et les commerces de proximité.
- Accompagner les habitants éloignés du numérique au plus près de chez eux.)md"},
          {"acteurs", R"md(Porteur : **Le Groupe La Poste**.

À associer : l'**Agence nationale de la cohésion des territoires**, la **Banque des Territoires**, la **Ville de Brest**, des collectivités rurales et urbaines, des acteurs de l'économie locale.)md"},
          {"victoires", R"md(1. Recenser les initiatives de numérique de proximité et les rendre visibles.
2. Expérimenter un service « local by design » sur un territoire volontaire.
3. Nourrir les dossiers CRTE de critères de proximité.

Le programme : <https://reset.fing.org>)md"}}}}},

      // ---------------------------------------------------------------- 19: unnumbered in the source
      {"19", "donnees-environnementales", "Pour l'appropriation des données environnementales",
       "Rendre les données environnementales des territoires compréhensibles et utiles à tous, et dire aux "
       "producteurs qui les réutilise et pourquoi.",
       kFamilyCommons, kPilots, "Fing", true, true, false,
       // Born as a workshop that already built its starting diagnosis (Reset Fest, 14 April 2021): it is
       // created at the framing stage, then diagnosis at its national launch, then roadmap once the
       // territorial workshop of June 2021 opened the writing of the roadmap.
       {{"cadrage", kResetFest}, {"diagnostic", kEnvLaunch}, {"feuille-de-route", kEnvWorkshop, kEden}},
       {{kEden, true, kEnvLaunch}, {kLou, false, kEnvLaunch}},
       {{kLou, false, true, true,
         "Nous travaillons avec l'observatoire de la qualité de l'air sur la prévision des pics de pollution : "
         "un cas concret de réutilisation.",
         kEnvLaunch},
        {kEden, true, false, true,
         "La Métropole produit des données environnementales et veut savoir qui les réutilise et pour quoi.",
         kEnvLaunch}},
       {{on(2021, 4, 16), kAnimateur, "Retour sur l'atelier du Reset Fest Bretagne",
         {{"intention", R"md(Faire des données environnementales produites sur les territoires un bien dont chacun peut se saisir (élus, associations, enseignants, habitants) pour éclairer de nouvelles pratiques d'intérêt général : pédagogiques, militantes, politiques.)md"},
          {"probleme", R"md(Le bilan de dix ans d'ouverture des données (travaux *Open Data Impact* de la Fing) vaut ici aussi : une donnée n'est bonne que si elle sert.

- Les données territoriales et environnementales sont surtout utilisées par des spécialistes : scientifiques, aménageurs.
- Les portails ont centralisé la rencontre entre offre et demande, mais exigent une maîtrise technique élevée.
- Les producteurs ignorent le plus souvent qui réutilise leurs données, pour quoi faire et pourquoi.
- Passer d'une donnée brute à une information compréhensible demande une médiation qui manque.)md"},
          {"experiences", R"md(Ne pas réinventer la roue : les participants de l'atelier breton ont signalé plusieurs démonstrateurs, par exemple

- les ateliers de capteurs environnementaux du Labfab : <http://www.labfab.fr/ateliers-capteurs-environnementaux-tour-de-bretagne/>
- les outils pédagogiques de Vigie-Nature École : <https://bricks.vigienature-ecole.fr/>)md"},
          {"victoires", R"md(1. Un second atelier d'approfondissement, et des enquêtes auprès d'acteurs ciblés.
2. Écrire ensemble une feuille de route.)md"}}},
        {kEnvLaunch, kAnimateur, "Lancement national de la coalition",
         {{"vision", R"md(Sur chaque territoire, on sait quelles données environnementales existent, on les trouve et on les comprend. Producteurs et utilisateurs se parlent ; les jeux de données s'ajustent aux besoins réels ; une culture commune, numérique et environnementale, permet aux élus comme aux habitants d'agir en connaissance de cause.)md"},
          {"impact", R"md(- **Environnemental** : des décisions locales mieux éclairées.
- **Social** : une médiation qui rend capable d'agir (*data literacy*).
- **Gouvernance** : des producteurs informés des réutilisations de leurs données.)md"},
          {"levier-commande", R"md(- Viser la qualité des données plutôt que leur quantité, en ajustant les jeux de données à la demande.
- Prototyper une régie de données environnementales à l'échelle d'un territoire.)md"},
          {"levier-offre", R"md(- Répertorier et organiser les données disponibles par territoire, accessibles au grand public.
- Outiller la collecte, la diffusion et la compréhension des données.)md"},
          {"levier-usages", R"md(- Des temps forts où offre et usages se rencontrent : Datamix, BioBlitz, atlas de la biodiversité communale, infolabs.
- Des guides de bonnes pratiques éprouvés sur le terrain.
- Une médiation qui rend capable, au service d'une culture commune.)md"},
          {"acteurs", R"md(Déjà mobilisés : plus de vingt participants de l'écosystème breton (associations, collectivités, infrastructure de recherche, CPIE).

À associer : des producteurs de données comme les observatoires de la qualité de l'air (**Atmo France**), des collectivités, des enseignants.)md"}}},
        {on(2021, 6, 23), kEden, "Vers la feuille de route",
         {{"acteurs", R"md(Déjà mobilisés : plus de vingt participants de l'écosystème breton (associations, collectivités, infrastructure de recherche, CPIE), et le **CNES**, qui co-anime l'atelier territorial de juin 2021.

À associer : des producteurs de données comme les observatoires de la qualité de l'air (**Atmo France**), des collectivités, des enseignants.)md"},
          {"victoires", R"md(1. ~~Un second atelier d'approfondissement~~ Fait : lancement national le 19 mai 2021, puis atelier territorial avec le CNES fin juin.
2. Écrire ensemble la feuille de route et ses actions transformatrices.
3. Expérimenter à l'échelle d'une ville, d'une commune ou d'un quartier.
4. Un registre où chaque réutilisation est déclarée, pour que les producteurs sachent qui utilise leurs données et pourquoi.

Rejoindre la coalition : reset@fing.org)md"}}}}},

      // ---------------------------------------------------------------- 20 and 21: themes for later
      {"20", "objets-connectes", "Internet des objets",
       "Un thème retenu en juin 2021 pour une coalition future, à discuter en février 2022.",
       kFamilyResponsible, "", "", false, true, false,
       {{"idee", kResetDayJune}},
       {},
       {},
       {{on(2021, 6, 17), kAnimateur, "Thème retenu au Reset Day de juin 2021",
         {{"intention", R"md(Intention à préciser. Le Reset Day de juin 2021 a retenu l'internet des objets comme sujet d'une coalition future, dont le principe sera discuté en février 2022.)md"},
          {"probleme", R"md(À documenter lors de cette discussion : quels objets connectés, pour quels usages, et avec quelles conséquences pour la sobriété et la maîtrise des données ?)md"}}}}},
      {"21", "genre-et-numerique", "Genre et numérique",
       "Un thème retenu en juin 2021 pour une coalition future, à discuter en février 2022.",
       kFamilyDemocracy, "", "", false, true, false,
       {{"idee", kResetDayJune}},
       {},
       {},
       {{on(2021, 6, 17), kAnimateur, "Thème retenu au Reset Day de juin 2021",
         {{"intention", R"md(Intention à préciser. Le Reset Day de juin 2021 a retenu le thème « genre et numérique » pour une coalition future, à discuter en février 2022.)md"},
          {"probleme", R"md(À documenter : comment le numérique reproduit ou corrige les inégalités entre les genres, dans ses métiers comme dans la conception des services.)md"}}}}},
  };
  return kList;
}

}  // namespace fabrique::demo::data
// clang-format on
