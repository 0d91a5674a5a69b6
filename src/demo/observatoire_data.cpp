// The observatory's demo entries: the five public algorithms REGISTERS.md documents (Parcoursup,
// housing benefit, the CAF data-mining score, the income-tax calculator, unemployment benefit).
// Facts come from REGISTERS.md; descriptions are our own words. Evidence whose source is secondary
// (a third party, a research project, a press article) is marked to verify, and so is every link
// and SIREN that was not checked against its source when this file was written: check them before
// showing the demo as fact.
// Hand-laid data tables: kept as written, not reflowed by clang-format.
// clang-format off
#include "demo/observatoire_data.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "demo/programme_data.hpp"
#include "observatoire/use_cases.hpp"

namespace fabrique::demo {

namespace {

using observatoire::DataSource;
using observatoire::Document;
using observatoire::Evidence;

struct EntryData {
  std::chrono::sys_seconds at;
  std::vector<std::pair<const char*, const char*>> fields;
  std::vector<DataSource> sources;
  std::vector<Evidence> evidence;
};

constexpr bool kToVerify = true;
constexpr bool kPrimary = false;

std::vector<EntryData> entries() {
  return {
      {data::on(2024, 3, 12),
       {{"name", "Parcoursup — classement et appel des candidats"},
        {"summary", "Plateforme nationale de préinscription dans l’enseignement supérieur. Un algorithme à règles réordonne le classement de chaque formation pour respecter les quotas de boursiers et de résidents, puis envoie les propositions d’admission."},
        {"organisation", "Ministère de l’Enseignement supérieur et de la Recherche"},
        {"organisation_siren", "110044013"},
        {"contact", "https://www.parcoursup.fr/"},
        {"status", "in-use"},
        {"start_date", "2018-01"},
        {"theme", "Éducation"},
        {"category", "impactful"},
        {"public_page_url", "https://www.parcoursup.fr/"},
        {"purpose", "Répartir les places des formations du premier cycle entre les candidats, à partir des vœux des candidats et des classements établis par chaque formation."},
        {"decision_role", "Les commissions des formations classent les dossiers ; l’algorithme national applique ensuite les quotas et calcule l’ordre d’appel, puis les propositions sont envoyées automatiquement au fil des réponses."},
        {"automation", "decision-support"},
        {"affected_public", "Lycéens, étudiants en réorientation et candidats en reprise d’études."},
        {"legal_basis", "Loi n° 2018-166 du 8 mars 2018 relative à l’orientation et à la réussite des étudiants."},
        {"legal_basis_url", "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000036683777"},
        {"human_oversight", "Les commissions d’examen des vœux de chaque formation décident du classement ; l’algorithme national n’ajuste que l’ordre d’appel."},
        {"appeal", "Demande des motifs de la décision auprès de l’établissement, puis recours administratif ou contentieux."},
        {"explicit_mention", "no"},
        {"algorithm_type", "rules"},
        {"technical_description", "Algorithme à règles : pour chaque formation, le classement pédagogique est réordonné afin de respecter un taux minimal de boursiers et, le cas échéant, un taux maximal de candidats hors secteur ; l’ordre d’appel détermine les propositions envoyées chaque jour."},
        {"source_code_url", "https://framagit.org/parcoursup/algorithmes-de-parcoursup"},
        {"licence", "GPL-3.0-only"},
        {"risks", "Les outils d’aide au classement utilisés localement par les formations ne sont pas publiés : une partie de la décision reste opaque."}},
       {{"Dossiers de candidature", "Vœux, notes et appréciations transmis par les candidats et les lycées.", "Candidats et lycées", "Saisie sur la plateforme", ""}},
       {{"O3", "met", "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000036683777", "2024-03-10", "Loi ORE. Lien à vérifier.", kToVerify},
        {"O4", "partial", "https://framagit.org/parcoursup/algorithmes-de-parcoursup", "2024-03-10", "Code de l’algorithme national publié en 2018 ; les outils locaux des formations ne le sont pas.", kPrimary},
        {"O5", "met", "https://framagit.org/parcoursup/algorithmes-de-parcoursup", "2024-03-10", "GPL v3.", kPrimary},
        {"E1", "met", "https://www.parcoursup.fr/", "2024-03-10", "", kPrimary},
        {"E9", "met", "https://www.parcoursup.fr/", "2024-03-10", "Voies de recours présentées aux candidats. À vérifier.", kToVerify}}},
      {data::on(2024, 3, 14),
       {{"name", "Aides personnelles au logement (APL)"},
        {"summary", "Calcul du montant des aides au logement à partir d’un barème fixé par les textes : composition du foyer, ressources et loyer retenu dans la limite d’un plafond."},
        {"organisation", "Caisse nationale des allocations familiales"},
        {"organisation_siren", "180035024"},
        {"contact", "https://www.caf.fr/"},
        {"status", "in-use"},
        {"theme", "Logement"},
        {"category", "impactful"},
        {"purpose", "Calculer le droit et le montant de l’aide au logement de chaque foyer demandeur."},
        {"decision_role", "Le calcul produit directement le montant versé, sur la base des déclarations du foyer."},
        {"automation", "fully-automated"},
        {"affected_public", "Locataires et accédants à la propriété aux revenus modestes."},
        {"legal_basis", "Code de la construction et de l’habitation, dispositions relatives aux aides personnelles au logement."},
        {"legal_basis_url", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074096/"},
        {"human_oversight", "Les agents des CAF traitent les réclamations et les situations particulières."},
        {"appeal", "Recours amiable auprès de la CAF, puis recours contentieux."},
        {"explicit_mention", "no"},
        {"algorithm_type", "rules"},
        {"technical_description", "Barème à règles : le montant dépend de la composition du foyer, de ses ressources et du loyer pris en compte dans la limite d’un plafond. Le calcul a été formalisé et testé par le projet de recherche Catala (Inria) ; aucun code officiel ne figure dans l’inventaire d’Etalab."},
        {"risks", "Sans code officiel publié, le calcul ne peut être vérifié qu’à travers des formalisations tierces."}},
       {{"Déclarations du foyer", "Composition du foyer, ressources, loyer.", "Allocataires", "Déclarations en ligne", ""}},
       {{"O3", "met", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074096/", "2024-03-12", "Code de la construction et de l’habitation. Lien à vérifier.", kToVerify},
        {"O4", "third-party", "https://github.com/CatalaLang/catala", "2024-03-12", "Formalisation par le projet Catala (Inria), avec des tests : source secondaire.", kToVerify},
        {"E5", "met", "https://github.com/CatalaLang/catala", "2024-03-12", "Barème et formules lisibles dans la formalisation Catala : source secondaire.", kToVerify}}},
      {data::on(2024, 3, 18),
       {{"name", "Score de datamining des CAF (contrôles)"},
        {"summary", "Score statistique entre 0 et 1, calculé pour chaque allocataire à partir d’une quarantaine de variables, qui sert à choisir les dossiers à contrôler."},
        {"organisation", "Caisse nationale des allocations familiales"},
        {"organisation_siren", "180035024"},
        {"contact", "https://www.caf.fr/"},
        {"status", "in-use"},
        {"theme", "Contrôle"},
        {"category", "impactful"},
        {"purpose", "Orienter les contrôles vers les dossiers jugés les plus à risque d’erreur ou d’indu."},
        {"decision_role", "Le score désigne les dossiers contrôlés ; la décision sur les droits suit le contrôle mené par un agent."},
        {"automation", "decision-support"},
        {"affected_public", "Allocataires des CAF."},
        {"legal_basis", "Base légale à documenter : les textes précis n’ont pas été vérifiés pour cette démonstration."},
        {"legal_basis_url", "https://www.legifrance.gouv.fr/"},
        {"human_oversight", "Les contrôles sont menés par des agents à partir des dossiers sélectionnés."},
        {"appeal", "Recours contre les décisions prises après contrôle, auprès de la CAF puis du juge."},
        {"explicit_mention", "no"},
        {"algorithm_type", "machine-learning"},
        {"technical_description", "Modèle d’apprentissage statistique produisant un score entre 0 et 1 à partir d’environ 40 variables. Seules les versions 2010 à 2018 ont été rendues publiques, par La Quadrature du Net en novembre 2023."},
        {"risks", "Risque de ciblage disproportionné de certains publics selon les variables retenues ; les versions récentes ne sont pas publiées."}},
       {{"Dossiers des allocataires", "Données de situation familiale, professionnelle et de ressources.", "CAF", "Déclarations et échanges de données", ""}},
       {{"O4", "third-party", "https://www.laquadrature.net/", "2024-03-15", "Versions 2010–2018 publiées par La Quadrature du Net (novembre 2023) : source secondaire.", kToVerify},
        {"E5", "met", "https://www.laquadrature.net/", "2024-03-15", "Variables et pondérations publiées par un tiers : source secondaire.", kToVerify}}},
      {data::on(2024, 3, 20),
       {{"name", "Calcul de l’impôt sur le revenu"},
        {"summary", "Calculette qui applique les règles fiscales aux revenus déclarés et établit automatiquement l’impôt sur le revenu de chaque foyer."},
        {"organisation", "Direction générale des finances publiques"},
        {"organisation_siren", "110020013"},
        {"contact", "https://www.impots.gouv.fr/"},
        {"status", "in-use"},
        {"theme", "Fiscalité"},
        {"category", "impactful"},
        {"purpose", "Calculer l’impôt sur le revenu dû par chaque foyer fiscal."},
        {"decision_role", "Le calcul établit l’impôt sans intervention humaine ; les agents interviennent sur réclamation."},
        {"automation", "fully-automated"},
        {"affected_public", "Tous les foyers fiscaux."},
        {"legal_basis", "Code général des impôts."},
        {"legal_basis_url", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069577/"},
        {"human_oversight", "Traitement des réclamations par les services des impôts."},
        {"appeal", "Réclamation auprès du service des impôts, puis recours contentieux."},
        {"explicit_mention", "no"},
        {"algorithm_type", "rules"},
        {"technical_description", "Règles de calcul écrites dans le langage « M » propre à l’administration fiscale, dont le code est publié sous licence CeCILL 2.1."},
        {"licence", "CECILL-2.1"},
        {"risks", "Complexité des règles : sans documentation pédagogique, le code publié reste difficile à relire."}},
       {{"Déclaration de revenus", "Revenus et charges déclarés par le foyer.", "Contribuables", "Déclaration annuelle", ""}},
       {{"O3", "met", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069577/", "2024-03-18", "Code général des impôts. Lien à vérifier.", kToVerify},
        {"O4", "current", "https://gitlab.adullact.net/dgfip", "2024-03-18", "Code en langage M publié par la DGFiP. Adresse exacte à vérifier.", kToVerify},
        {"O5", "met", "https://gitlab.adullact.net/dgfip", "2024-03-18", "CeCILL 2.1. À vérifier.", kToVerify}}},
      {data::on(2024, 3, 22),
       {{"name", "Allocation d’aide au retour à l’emploi (ARE)"},
        {"summary", "Calcul à règles du droit et du montant de l’allocation chômage à partir des périodes travaillées et des salaires antérieurs."},
        {"organisation", "France Travail"},
        {"organisation_siren", "130005481"},
        {"contact", "https://www.francetravail.fr/"},
        {"status", "in-use"},
        {"theme", "Emploi"},
        {"category", "impactful"},
        {"purpose", "Ouvrir le droit à l’allocation et en calculer le montant et la durée."},
        {"decision_role", "Le calcul établit le montant ; les conseillers traitent les situations particulières et les réclamations."},
        {"automation", "fully-automated"},
        {"affected_public", "Demandeurs d’emploi ayant perdu involontairement leur emploi."},
        {"legal_basis", "Code du travail et règlement d’assurance chômage."},
        {"legal_basis_url", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050/"},
        {"human_oversight", "Réexamen par un conseiller sur demande."},
        {"appeal", "Réclamation auprès de France Travail, médiateur, puis recours contentieux."},
        {"explicit_mention", "no"},
        {"algorithm_type", "rules"},
        {"technical_description", "Règles de calcul publiées sous licence CeCILL-C : salaire journalier de référence, durée d’indemnisation selon les périodes travaillées."},
        {"licence", "CECILL-C"},
        {"risks", "Erreurs de calcul possibles quand les périodes travaillées sont mal renseignées."}},
       {{"Attestations employeurs", "Périodes travaillées et salaires.", "Employeurs", "Déclaration sociale nominative", ""}},
       {{"O3", "met", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050/", "2024-03-20", "Code du travail. Lien à vérifier.", kToVerify},
        {"O5", "met", "https://www.francetravail.fr/", "2024-03-20", "Publication sous CeCILL-C : adresse du dépôt à vérifier.", kToVerify}}},
  };
}

}  // namespace

std::int64_t load_observatoire(storage::Connection& c, const accounts::User& animateur) {
  std::int64_t n = 0;
  std::string parcoursup;
  const std::vector<EntryData> all = entries();
  for (const auto& e : all) {
    Document d;
    for (const auto& [k, v] : e.fields) d.fields[k] = v;
    d.data_sources = e.sources;
    d.evidence = e.evidence;
    auto r = observatoire::create_entry(c, animateur, d, "REGISTERS.md, exemples documentés", e.at);
    if (!r.errors.empty())
      throw std::runtime_error(std::string("demo data rejected (observatory entry ") + e.fields.front().second +
                               "): " + r.errors.items().front().first + ": " + r.errors.items().front().second);
    if (parcoursup.empty()) parcoursup = r.entry->slug;
    ++n;
  }
  // A later check finds the description of the algorithms: the score moves, and its history shows it.
  observatoire::EntryEdit edit;
  edit.base_revision = 1;
  std::vector<Evidence> more = all.front().evidence;
  more.push_back({"E6", "met", "https://framagit.org/parcoursup/algorithmes-de-parcoursup", "2024-06-03",
                  "Document de présentation des algorithmes joint au code.", kToVerify});
  Document d;
  for (const auto& [k, v] : all.front().fields) d.fields[k] = v;
  d.data_sources = all.front().sources;
  d.evidence = more;
  edit.doc = d;
  edit.comment = "Description de la logique trouvée";
  edit.source = "https://framagit.org/parcoursup/algorithmes-de-parcoursup";
  auto r = observatoire::update_entry(c, animateur, parcoursup, edit, data::on(2024, 6, 5));
  if (!r.errors.empty() || r.conflict) throw std::runtime_error("demo data: the Parcoursup update was refused");
  return n;
}

}  // namespace fabrique::demo
// clang-format on
