// The one route table of fabrique: every URL of the product, in one place.
// French paths, because the users are French programme teams; the page handlers live in their modules.
// A POST marked Needs::files takes a file (multipart/form-data, larger limit, signed-in senders only);
// Needs::password_hashing runs off the network threads (see Admission in message.hpp). A POST marked
// creates() makes what its redirect shows: a request with an access token gets 201 (http/api.cpp).
#include "accounts/pages.hpp"
#include "coalitions/pages.hpp"
#include "commons/pages.hpp"
#include "datasets/pages.hpp"
#include "datasets/request_pages.hpp"
#include "datasets/reuse_pages.hpp"
#include "decisions/pages.hpp"
#include "events/date_poll.hpp"
#include "events/groups.hpp"
#include "events/pages.hpp"
#include "follows/pages.hpp"
#include "http/router.hpp"
#include "invitations/pages.hpp"
#include "journal/pages.hpp"
#include "mail/pages.hpp"
#include "newsletters/pages.hpp"
#include "notifications/pages.hpp"
#include "observatoire/pages.hpp"
#include "opendata/pages.hpp"
#include "organisations/pages.hpp"
#include "programme/pages.hpp"
#include "roadmaps/pages.hpp"
#include "search/pages.hpp"
#include "taxonomies/pages.hpp"
#include "territories/pages.hpp"

namespace fabrique::http {
namespace {

// A page only a signed-in person may use: anyone else is sent to sign in, then brought back.
// The handler may then rely on ctx.user.
PageHandler signed_in(PageHandler page) {
  return [page = std::move(page)](Context& ctx) {
    if (!ctx.user) return fabrique::accounts::pages::sign_in_first(ctx);
    return page(ctx);
  };
}

}  // namespace

const Router& routes() {
  static const Router kRouter = [] {
    namespace accounts = fabrique::accounts::pages;
    namespace organisations = fabrique::organisations::pages;
    namespace programme = fabrique::programme::pages;
    namespace taxonomies = fabrique::taxonomies::pages;
    namespace coalitions = fabrique::coalitions::pages;
    using fabrique::taxonomies::kCoalitionCohorts;
    using fabrique::taxonomies::kCoalitionFamilies;
    using fabrique::taxonomies::kDatasetThemes;
    using fabrique::taxonomies::kOrganisationKinds;
    Router r;
    // Programme
    r.get("/", programme::home);
    r.get("/registres", programme::registers);
    r.get("/langue/{code}", programme::switch_language);  // ?retour=/page/to/come/back/to
    // Every public page for search engines and archivists (docs/open-data.md)
    r.get("/sitemap.xml", fabrique::opendata::pages::sitemap);  // an index of /sitemaps/N.xml past sitemap_max_urls
    r.get("/sitemaps/{part:int}.xml", fabrique::opendata::pages::sitemap_part);
    r.get("/robots.txt", fabrique::opendata::pages::robots);
    // Atom feeds of news: the programme's here; a coalition's, an organisation's and a series' below
    r.get("/actualites.atom", fabrique::opendata::pages::programme_atom);

    // Accounts
    r.get("/inscription", accounts::sign_up_form);
    r.post("/inscription", accounts::sign_up, Needs::password_hashing);
    r.get("/connexion", accounts::sign_in_form);
    r.post("/connexion", accounts::sign_in, Needs::password_hashing);
    r.post("/deconnexion", accounts::sign_out);
    r.get("/compte", signed_in(accounts::account));
    r.post("/compte/profil", signed_in(accounts::update_profile));
    r.post("/compte/mot-de-passe", signed_in(accounts::change_password), Needs::password_hashing);
    r.post("/compte/organisations", signed_in(accounts::join_organisation));
    r.post("/compte/organisations/{slug}/quitter", signed_in(accounts::leave_organisation));
    r.get("/inscription/envoyee", accounts::sign_up_sent);
    r.get("/inscription/confirmer", accounts::confirm_email_form);  // ?jeton=… (mailed)
    r.post("/inscription/confirmer", accounts::confirm_email);
    r.get("/mot-de-passe-oublie", accounts::forgotten_password_form);
    r.post("/mot-de-passe-oublie", accounts::forgotten_password);
    r.get("/mot-de-passe-oublie/nouveau", accounts::new_password_form);  // ?jeton=… (mailed)
    r.post("/mot-de-passe-oublie/nouveau", accounts::new_password, Needs::password_hashing);
    r.get("/compte/adresse", signed_in(accounts::address_form));
    r.post("/compte/adresse", signed_in(accounts::change_address), Needs::password_hashing);
    r.get("/compte/adresse/confirmer", signed_in(accounts::confirm_address_form));  // ?jeton=… (mailed)
    r.post("/compte/adresse/confirmer", signed_in(accounts::confirm_address));
    r.get("/compte/donnees", signed_in(accounts::personal_data_page));
    r.get("/compte/donnees.json", signed_in(accounts::personal_data_file));
    r.post("/compte/sessions/{handle}/fin", signed_in(accounts::end_session));
    r.post("/compte/jetons", signed_in(accounts::create_token));  // personal access tokens (docs/api.md)
    r.post("/compte/jetons/{id:int}/revoquer", signed_in(accounts::revoke_token));
    r.get("/compte/supprimer", signed_in(accounts::delete_account_form));
    r.post("/compte/supprimer", signed_in(accounts::delete_account), Needs::password_hashing);
    r.get("/compte/supprime", accounts::account_deleted);

    // Mail: which notices come by mail, the one-click unsubscription of a mail (RFC 8058: the mail
    // client posts without our CSRF token; the path is signed), and the animateurs' outbox
    r.get("/compte/courriels", signed_in(fabrique::notifications::pages::mail_choices_form));
    r.get("/compte/notifications",
          signed_in(fabrique::notifications::pages::mail_choices_form));  // where mails' links land
    r.post("/compte/resume", signed_in(fabrique::follows::pages::save_digest));
    r.post("/compte/courriels", signed_in(fabrique::notifications::pages::save_mail_choices));
    r.get("/courriels/desabonnement/{user:int}/{kind}/{token}", fabrique::notifications::pages::unsubscribe_form);
    r.post_signed("/courriels/desabonnement/{user:int}/{kind}/{token}", fabrique::notifications::pages::unsubscribe);
    r.get("/animation/courriels", signed_in(fabrique::mail::pages::outbox));

    // Organisations (literal paths before /organisations/{slug})
    r.get("/organisations", organisations::list);
    r.get("/organisations.json", organisations::list_json);  // ?type=&page=&per_page=&updated_since=
    r.get("/organisations.csv", organisations::list_csv);
    r.get("/organisations/nouvelle", signed_in(organisations::new_form));
    r.post("/organisations/nouvelle", signed_in(organisations::create)).creates();
    r.get("/organisations/types", signed_in([](Context& c) { return taxonomies::edit(c, kOrganisationKinds); }));
    r.post("/organisations/types", signed_in([](Context& c) { return taxonomies::add(c, kOrganisationKinds); }));
    r.post("/organisations/types/{slug}",
           signed_in([](Context& c) { return taxonomies::rename(c, kOrganisationKinds); }));
    r.get("/organisations/{slug}", organisations::show);
    r.get("/organisations/{slug}.json", organisations::show_json);
    r.get("/organisations/{slug}.atom", fabrique::opendata::pages::organisation_atom);
    r.post("/organisations/{slug}/suivre", signed_in(fabrique::follows::pages::follow_organisation));
    r.get("/organisations/{slug}/donnees", fabrique::datasets::pages::producer);  // its datasets and their reuses
    r.get("/organisations/{slug}/modifier", signed_in(organisations::edit_form));
    r.post("/organisations/{slug}/modifier", signed_in(organisations::update));

    // The register of environmental datasets (literal paths before /donnees/{slug})
    {
      namespace datasets = fabrique::datasets::pages;
      r.get("/donnees", datasets::list);            // ?q=&territoire=&theme=&producteur=&format=&licence=
      r.get("/donnees.json", datasets::list_json);  // the filters, and ?page=&per_page=&updated_since=
      r.get("/donnees.csv", datasets::list_csv);    // the filters
      r.get("/donnees/nouvelle", signed_in(datasets::new_form));
      r.post("/donnees/nouvelle", signed_in(datasets::create)).creates();
      r.get("/donnees/catalogue", datasets::catalogue);  // DCAT-AP by Accept; ?page=&per_page=
      r.get("/donnees/catalogue.jsonld", datasets::catalogue_jsonld);
      r.get("/donnees/catalogue.ttl", datasets::catalogue_turtle);
      namespace requests = fabrique::datasets::request_pages;  // data requests, before /donnees/{slug}
      r.get("/donnees/demandes", requests::list);  // ?q=&territoire=&theme=&statut=&pour=mon-organisation&page=
      r.get("/donnees/demandes.json", requests::list_json);
      r.get("/donnees/demandes.csv", requests::list_csv);
      r.get("/donnees/demandes/nouvelle", signed_in(requests::ask_form));
      r.post("/donnees/demandes/nouvelle", signed_in(requests::ask)).creates();
      r.get("/donnees/demandes/{id}", requests::show);
      r.get("/donnees/demandes/{id}.json", requests::show_json);
      r.post("/donnees/demandes/{id}/moi-aussi", signed_in(requests::support));
      r.post("/donnees/demandes/{id}/moi-aussi/retirer", signed_in(requests::withdraw));
      r.post("/donnees/demandes/{id}/reponse", signed_in(requests::answer));
      r.get("/donnees/themes", signed_in([](Context& c) { return taxonomies::edit(c, kDatasetThemes); }));
      r.post("/donnees/themes", signed_in([](Context& c) { return taxonomies::add(c, kDatasetThemes); }));
      r.post("/donnees/themes/{slug}", signed_in([](Context& c) { return taxonomies::rename(c, kDatasetThemes); }));
      // Reuses of the datasets
      r.get("/donnees/reutilisations", datasets::reuses);                         // ?type=&public=&jeu=&territoire=
      r.get("/donnees/reutilisations.json", datasets::reuses_json);               // the filters, and ?page=&per_page=
      r.get("/donnees/reutilisations.csv", datasets::reuses_csv);                 // the filters
      r.get("/donnees/reutilisations/nouvelle", signed_in(datasets::new_reuse));  // ?jeu=SLUG
      r.post("/donnees/reutilisations/nouvelle", signed_in(datasets::declare)).creates();
      r.get("/donnees/reutilisations/{id:int}", datasets::reuse);
      r.get("/donnees/reutilisations/{id:int}.json", datasets::reuse_json);
      r.get("/donnees/reutilisations/{id:int}/modifier", signed_in(datasets::edit_reuse));
      r.post("/donnees/reutilisations/{id:int}/modifier", signed_in(datasets::update_reuse));
      r.post("/donnees/reutilisations/{id:int}/reponse", signed_in(datasets::answer));
      r.get("/donnees/{slug}", datasets::show);
      r.get("/donnees/{slug}.json", datasets::show_json);
      r.get("/donnees/{slug}/modifier", signed_in(datasets::edit_form));
      r.post("/donnees/{slug}/modifier", signed_in(datasets::update));
      r.get("/donnees/{slug}/historique/comparer", datasets::compare);  // ?de=&a=
    }

    // Coalitions (literal paths before /coalitions/{slug})
    r.get("/coalitions", coalitions::list);
    r.get("/coalitions.json", coalitions::list_json);  // the filters, and ?page=&per_page=&updated_since=
    r.get("/coalitions.csv", coalitions::list_csv);
    r.get("/coalitions/nouvelle", signed_in(coalitions::new_form));
    r.post("/coalitions/nouvelle", signed_in(coalitions::create)).creates();
    r.get("/coalitions/familles", signed_in([](Context& c) { return taxonomies::edit(c, kCoalitionFamilies); }));
    r.post("/coalitions/familles", signed_in([](Context& c) { return taxonomies::add(c, kCoalitionFamilies); }));
    r.post("/coalitions/familles/{slug}",
           signed_in([](Context& c) { return taxonomies::rename(c, kCoalitionFamilies); }));
    r.get("/coalitions/promotions", signed_in([](Context& c) { return taxonomies::edit(c, kCoalitionCohorts); }));
    r.post("/coalitions/promotions", signed_in([](Context& c) { return taxonomies::add(c, kCoalitionCohorts); }));
    r.post("/coalitions/promotions/{slug}",
           signed_in([](Context& c) { return taxonomies::rename(c, kCoalitionCohorts); }));
    r.get("/coalitions/{slug}.json", coalitions::show_json);
    r.get("/coalitions/{slug}.atom", fabrique::opendata::pages::coalition_atom);
    r.get("/coalitions/{slug}", coalitions::show);
    r.get("/coalitions/{slug}/modifier", signed_in(coalitions::edit_form));
    r.post("/coalitions/{slug}/modifier", signed_in(coalitions::save_booklet));
    r.post("/coalitions/{slug}/fiche", signed_in(coalitions::update_fields));
    r.get("/coalitions/{slug}/historique", coalitions::history);
    r.get("/coalitions/{slug}/historique.json", coalitions::history_json);
    r.get("/coalitions/{slug}/historique/comparer", coalitions::compare);  // ?de=N&a=M
    r.get("/coalitions/{slug}/historique/{number:int}", coalitions::show_revision);
    r.get("/coalitions/{slug}/historique/{number:int}.json", coalitions::revision_json);
    r.post("/coalitions/{slug}/historique/{number:int}/restaurer", signed_in(coalitions::restore));
    r.post("/coalitions/{slug}/interet", signed_in(coalitions::declare_interest));
    r.post("/coalitions/{slug}/suivre", signed_in(fabrique::follows::pages::follow_coalition));
    r.post("/coalitions/{slug}/interet/retirer", signed_in(coalitions::withdraw_interest));
    r.post("/coalitions/{slug}/membres/{user:int}", signed_in(coalitions::set_role));

    // Events, their minutes, the calendars, and coalition proposals (literal paths before {slug})
    {
      namespace events = fabrique::events::pages;
      using fabrique::taxonomies::kEventKinds;
      r.get("/coalitions/{slug}/evenements.ics", events::coalition_ics);
      r.get("/evenements", events::list);            // ?type=&coalition=
      r.get("/evenements.json", events::list_json);  // the filters, and ?page=&per_page=&updated_since=
      r.get("/evenements.csv", events::list_csv);
      r.get("/evenements.ics", events::list_ics);
      r.get("/evenements/agenda.ics", events::personal_ics);  // ?jeton= (private, revocable)
      r.get("/evenements/nouveau", signed_in(events::new_form));
      r.post("/evenements/nouveau", signed_in(events::create)).creates();
      r.get("/evenements/types", signed_in([](Context& c) { return taxonomies::edit(c, kEventKinds); }));
      r.post("/evenements/types", signed_in([](Context& c) { return taxonomies::add(c, kEventKinds); }));
      r.post("/evenements/types/{slug}", signed_in([](Context& c) { return taxonomies::rename(c, kEventKinds); }));
      r.get("/evenements/mes-inscriptions", signed_in(events::my_events));
      r.post("/evenements/mes-inscriptions/agenda", signed_in(events::renew_token));
      r.post("/evenements/mes-inscriptions/agenda/revoquer", signed_in(events::revoke_token));
      r.get("/evenements/{slug}.json", events::show_json);
      r.get("/evenements/{slug}.ics", events::show_ics);
      r.get("/evenements/{slug}", events::show);
      r.get("/evenements/{slug}/serie.atom", fabrique::opendata::pages::series_atom);  // the series of that event
      r.get("/evenements/{slug}/modifier", signed_in(events::edit_form));
      r.post("/evenements/{slug}/modifier", signed_in(events::update));
      r.post("/evenements/{slug}/inscription", signed_in(events::register_));
      r.post("/evenements/{slug}/serie/suivre", signed_in(fabrique::follows::pages::follow_series));
      r.post("/evenements/{slug}/annulation", signed_in(events::cancel));  // personne= for organisers
      r.get("/evenements/{slug}/inscrits.csv", signed_in(events::registrations_csv));
      r.get("/evenements/{slug}/inscrits", signed_in(events::registrations));  // the organisers' sections
      r.get("/evenements/{slug}/presences", signed_in(events::attendance_form));
      r.post("/evenements/{slug}/presences", signed_in(events::attendance));
      r.get("/evenements/{slug}/programme", signed_in(events::programme));
      r.get("/evenements/{slug}/programme/nouvelle", signed_in(events::new_slot_form));
      r.post("/evenements/{slug}/programme", signed_in(events::add_slot));
      r.get("/evenements/{slug}/programme/{id:int}/modifier", signed_in(events::edit_slot_form));
      r.post("/evenements/{slug}/programme/{id:int}/modifier", signed_in(events::edit_slot));
      r.post("/evenements/{slug}/programme/{id:int}/supprimer", signed_in(events::remove_slot));
      r.post("/evenements/{slug}/programme/{id:int}/consentement", signed_in(events::consent));
      r.get("/evenements/{slug}/compte-rendu", events::minutes);
      r.get("/evenements/{slug}/compte-rendu.json", events::minutes_json);
      r.get("/evenements/{slug}/compte-rendu/modifier", signed_in(events::minutes_edit));
      r.post("/evenements/{slug}/compte-rendu/modifier", signed_in(events::minutes_save));
      r.get("/evenements/{slug}/compte-rendu/historique", events::minutes_history);
      r.get("/evenements/{slug}/compte-rendu/historique.json", events::minutes_history_json);
      r.get("/evenements/{slug}/compte-rendu/historique/comparer", events::minutes_compare);  // ?de=N&a=M
      r.post("/evenements/{slug}/compte-rendu/historique/{number:int}/restaurer", signed_in(events::minutes_restore));
      r.get("/evenements/{slug}/compte-rendu/elements/nouveau", signed_in(events::new_item_form));
      r.post("/evenements/{slug}/compte-rendu/elements", signed_in(events::add_item));
      r.get("/evenements/{slug}/compte-rendu/elements/{id:int}/modifier", signed_in(events::edit_item));
      r.post("/evenements/{slug}/compte-rendu/elements/{id:int}/modifier", signed_in(events::update_item));
      r.post("/evenements/{slug}/compte-rendu/elements/{id:int}/supprimer", signed_in(events::remove_item));
      r.get("/evenements/{slug}/compte-rendu/pieces/nouvelle", signed_in(events::attach_form));
      r.post("/evenements/{slug}/compte-rendu/pieces", signed_in(events::attach), Needs::files);
      r.get("/evenements/{slug}/compte-rendu/pieces/{id:int}", events::attachment);
      r.post("/evenements/{slug}/compte-rendu/pieces/{id:int}/supprimer", signed_in(events::detach));
      r.get("/propositions", events::proposals);
      r.get("/propositions.json", events::proposals_json);
      r.get("/propositions/nouvelle", signed_in(events::propose_form));
      r.post("/propositions/nouvelle", signed_in(events::propose)).creates();
      r.post("/propositions/{id:int}/programmer", signed_in(events::schedule));
      r.post("/propositions/{id:int}/decision", signed_in(events::decide));  // decision=adopter|fusionner|decliner
    }

    // Invitations by mail to a coalition or an event, and the date poll of an event to be confirmed
    {
      namespace invitations = fabrique::invitations::pages;
      namespace events = fabrique::events::pages;
      r.get("/coalitions/{slug}/invitations", signed_in(invitations::coalition_invitations));  // ?depuis=acteurs
      r.post("/coalitions/{slug}/invitations", signed_in(invitations::invite_to_coalition));
      r.get("/evenements/{slug}/invitations", signed_in(invitations::event_invitations));
      r.post("/evenements/{slug}/invitations", signed_in(invitations::invite_to_event));
      r.get("/invitations/accepter", invitations::accept_form);  // ?jeton=… (mailed)
      r.post("/invitations/accepter", signed_in(invitations::accept));
      r.post("/invitations/{id:int}/renvoyer", signed_in(invitations::resend));
      r.post("/invitations/{id:int}/annuler", signed_in(invitations::cancel));
      r.get("/evenements/{slug}/dates", signed_in(events::date_poll));
      r.post("/evenements/{slug}/dates/creneaux", signed_in(events::add_date_poll_slot));
      r.post("/evenements/{slug}/dates/creneaux/{id:int}/supprimer", signed_in(events::remove_date_poll_slot));
      r.post("/evenements/{slug}/dates/reponses", signed_in(events::answer_date_poll));
      r.post("/evenements/{slug}/dates/choix", signed_in(events::choose_date));
      r.get("/evenements/{slug}/groupes", signed_in(events::groups));
      r.post("/evenements/{slug}/groupes", signed_in(events::save_groups));
      r.post("/evenements/{slug}/groupes/repartir", signed_in(events::spread_groups));
      r.get("/evenements/{slug}/groupes/{id:int}", events::group);
      r.post("/evenements/{slug}/groupes/{id:int}/notes", signed_in(events::add_group_note));
      r.post("/evenements/{slug}/groupes/{id:int}/notes/{note:int}/supprimer", signed_in(events::remove_group_note));
    }
    // Roadmaps and impact (public pages; changes by co-porteurs and animateurs)
    namespace roadmaps = fabrique::roadmaps::pages;
    r.get("/feuille-de-route",
          roadmaps::programme_roadmap);  // ?levier=&statut=&qualite=&coalition=&organisation=&page=
    r.get("/feuille-de-route.csv", roadmaps::programme_roadmap_csv);
    r.get("/feuille-de-route.json", roadmaps::programme_roadmap_json);
    r.get("/tableau-de-bord", roadmaps::dashboard);
    r.get("/tableau-de-bord.json", roadmaps::dashboard_json);
    r.get("/tableau-de-bord/{table}.csv",
          roadmaps::dashboard_csv);  // etapes, actions, coalitions, indicateurs, mesures
    r.get("/coalitions/{slug}/feuille-de-route", roadmaps::coalition_roadmap);
    r.get("/coalitions/{slug}/feuille-de-route.json", roadmaps::coalition_roadmap_json);
    r.post("/coalitions/{slug}/feuille-de-route", signed_in(roadmaps::create_action)).creates();
    r.get("/coalitions/{slug}/feuille-de-route/{id:int}", roadmaps::show_action);
    r.get("/coalitions/{slug}/feuille-de-route/{id:int}.json", roadmaps::action_json);
    r.post("/coalitions/{slug}/feuille-de-route/{id:int}", signed_in(roadmaps::update_action));
    r.get("/coalitions/{slug}/feuille-de-route/{id:int}/historique", roadmaps::action_history);  // ?de=N&a=M
    r.get("/coalitions/{slug}/feuille-de-route/{id:int}/historique.json", roadmaps::action_history_json);
    r.post("/coalitions/{slug}/feuille-de-route/{id:int}/historique/{number:int}/restaurer",
           signed_in(roadmaps::restore_action));
    r.get("/evenements/{slug}/compte-rendu/elements/{id:int}/action", signed_in(roadmaps::next_step_action_form));
    r.post("/evenements/{slug}/compte-rendu/elements/{id:int}/action", signed_in(roadmaps::action_from_next_step))
        .creates();
    r.get("/coalitions/{slug}/impact", roadmaps::impact);
    r.get("/coalitions/{slug}/impact.json", roadmaps::impact_json);
    r.post("/coalitions/{slug}/impact", signed_in(roadmaps::create_indicator)).creates();
    r.post("/coalitions/{slug}/impact/mesures", signed_in(roadmaps::record_measurement)).creates();
    r.get("/coalitions/{slug}/impact/{id:int}/mesures.csv", roadmaps::measurements_csv);
    r.get("/coalitions/{slug}/impact/{id:int}", roadmaps::show_indicator);
    r.get("/coalitions/{slug}/impact/{id:int}.json", roadmaps::indicator_json);
    r.post("/coalitions/{slug}/impact/{id:int}", signed_in(roadmaps::update_indicator));
    r.post("/coalitions/{slug}/impact/{id:int}/historique/{number:int}/restaurer",
           signed_in(roadmaps::restore_indicator));
    r.get("/coalitions/{slug}/impact/{id:int}/mesures/{measure:int}", signed_in(roadmaps::show_measurement));
    r.post("/coalitions/{slug}/impact/{id:int}/mesures/{measure:int}", signed_in(roadmaps::correct_measurement));
    r.post("/coalitions/{slug}/impact/{id:int}/mesures/{measure:int}/suppression",
           signed_in(roadmaps::remove_measurement));
    // The journal: posts, their feeds, the form writing them (literal paths first)
    {
      namespace journal = fabrique::journal::pages;
      r.get("/journal", journal::journal);  // ?type=&coalition=&annee=&page=
      r.get("/journal.json", journal::journal_json);
      r.get("/journal.atom", journal::journal_atom);
      r.get("/journal/coalitions/{slug}.atom", journal::coalition_atom);
      r.get("/journal/ecrire", signed_in(journal::new_post));  // ?coalition=
      // The newsletters (src/newsletters/): those sent, the web version of one, the form sending one
      namespace newsletters = fabrique::newsletters::pages;
      r.get("/journal/lettres", newsletters::letters);  // ?page=
      r.get("/journal/lettres.json", newsletters::letters_json);
      r.get("/journal/lettres/ecrire", signed_in(newsletters::compose));
      r.post("/journal/lettres/ecrire", signed_in(newsletters::send));  // action=count|test|send, confirmed=1
      r.get("/journal/lettres/{id:int}", newsletters::letter);
      r.get("/journal/lettres/{id:int}.json", newsletters::letter_json);
      r.post("/journal/ecrire", signed_in(journal::create_post)).creates();
      r.get("/journal/{slug}", journal::post);
      r.get("/journal/{slug}.json", journal::post_json);
      r.get("/journal/{slug}/modifier", signed_in(journal::edit_post));
      r.post("/journal/{slug}/modifier", signed_in(journal::update_post));
      r.get("/journal/{slug}/historique/comparer", journal::compare_post);  // ?de=&a=
    }
    // Commons: search over everything, resources, the charter, the boussole (literal paths first)
    {
      namespace commons = fabrique::commons::pages;
      r.get("/recherche", fabrique::search::pages::search);  // ?q=&type=&page=
      r.get("/recherche.json", fabrique::search::pages::search_json);
      r.get("/ressources", commons::resources);            // ?type=&coalition=&etiquette=&licence=&page=
      r.get("/ressources.json", commons::resources_json);  // the filters, and ?page=&per_page=&updated_since=
      r.get("/ressources.csv", commons::resources_csv);
      r.get("/ressources/proposer", signed_in(commons::new_resource));
      r.post("/ressources/proposer", signed_in(commons::create_resource), Needs::files).creates();
      r.get("/ressources/{slug}", commons::resource);
      r.get("/ressources/{slug}.json", commons::resource_json);
      r.get("/ressources/{slug}/fichier", commons::resource_file);
      r.get("/ressources/{slug}/modifier", signed_in(commons::edit_resource));
      r.post("/ressources/{slug}/modifier", signed_in(commons::update_resource), Needs::files);
      r.post("/ressources/{slug}/publier", signed_in(commons::publish_resource));
      r.post("/ressources/{slug}/supprimer", signed_in(commons::delete_resource));
      r.get("/ressources/{slug}/historique/comparer", commons::compare_resource);  // ?de=&a=
      r.post("/ressources/{slug}/historique/{number:int}/restaurer", signed_in(commons::restore_resource));
      r.get("/charte", commons::charter);
      r.get("/charte.json", commons::charter_json);
      r.get("/charte/signataires", commons::signatories);
      r.get("/charte/signataires.json", commons::signatories_json);
      r.get("/charte/versions", commons::charter_versions);
      r.get("/charte/versions.json", commons::charter_versions_json);
      r.get("/charte/versions/nouvelle", signed_in(commons::new_charter_version));
      r.post("/charte/versions/nouvelle", signed_in(commons::create_charter_version)).creates();
      r.get("/charte/versions/{number:int}", commons::charter_version);
      r.get("/charte/versions/{number:int}.json", commons::charter_version_json);
      r.get("/charte/versions/{number:int}/modifier", signed_in(commons::edit_charter_draft));
      r.post("/charte/versions/{number:int}/modifier", signed_in(commons::update_charter_draft));
      r.post("/charte/versions/{number:int}/consultation", signed_in(commons::open_consultation));
      r.post("/charte/versions/{number:int}/commentaires", signed_in(commons::comment_charter));
      r.get("/charte/versions/{number:int}/adopter", signed_in(commons::confirm_adoption));
      r.post("/charte/versions/{number:int}/adopter", signed_in(commons::adopt_charter));
      r.post("/charte/versions/{number:int}/signer", signed_in(commons::sign_charter));
      r.get("/boussole", commons::boussole);  // ?issue=&coalition=
      r.get("/boussole.json", commons::boussole_json);
      r.get("/boussole.csv", commons::boussole_csv);
      r.get("/boussole/proposer", signed_in(commons::new_card));
      r.post("/boussole/proposer", signed_in(commons::create_card)).creates();
      r.get("/boussole/{slug}", commons::card);
      r.get("/boussole/{slug}.json", commons::card_json);
      r.get("/boussole/{slug}/modifier", signed_in(commons::edit_card));
      r.post("/boussole/{slug}/modifier", signed_in(commons::update_card));
      r.post("/boussole/{slug}/publier", signed_in(commons::publish_card));
      r.get("/boussole/{slug}/historique/comparer", commons::compare_card);  // ?de=&a=
      r.post("/boussole/{slug}/historique/{number:int}/restaurer", signed_in(commons::restore_card));
    }

    // Territories: the official geography, and what the programme does in each
    {
      namespace territories = fabrique::territories::pages;
      r.get("/territoires", territories::list);  // ?q=
      r.get("/territoires.json", territories::list_json);
      r.get("/territoires/{key}.json", territories::show_json);
      r.get("/territoires/{key}", territories::show);  // ?page=
    }

    // Deciding together: consent decisions and choices among options (literal paths first)
    {
      namespace decisions = fabrique::decisions::pages;
      r.get("/decisions", decisions::decisions);  // ?groupe=programme|coalition|event&etat=ouvertes|closes
      r.get("/decisions.json", decisions::decisions_json);
      r.get("/decisions/nouvelle", signed_in(decisions::new_decision));  // ?sujet=charter:N|coalition:SLUG|action:ID
      r.post("/decisions/nouvelle", signed_in(decisions::create_decision)).creates();
      r.get("/decisions/{id:int}", decisions::decision);
      r.get("/decisions/{id:int}.json", decisions::decision_json);
      r.post("/decisions/{id:int}/repondre", signed_in(decisions::answer));
      r.post("/decisions/{id:int}/cloturer", signed_in(decisions::close));
    }
    // Observatory of public algorithms (literal paths before /observatoire/{slug}), and notifications
    {
      namespace obs = fabrique::observatoire::pages;
      r.get("/observatoire", obs::list);  // ?organisme=&theme=&statut=&categorie=&ouverture=&explicabilite=&tri=
      r.get("/observatoire.json", obs::list_json);
      r.get("/observatoire.csv", obs::list_csv);
      r.get("/observatoire/changements.atom", obs::changes_atom);
      r.get("/observatoire/nouvelle", signed_in(obs::new_form));
      r.post("/observatoire/nouvelle", signed_in(obs::create)).creates();
      r.get("/observatoire/contributions", signed_in(obs::contributions));
      r.get("/observatoire/contributions/{id:int}", signed_in(obs::contribution));
      r.post("/observatoire/contributions/{id:int}/accepter", signed_in(obs::accept));
      r.post("/observatoire/contributions/{id:int}/rejeter", signed_in(obs::reject));
      r.get("/observatoire/editeurs", signed_in(obs::editors));
      r.post("/observatoire/editeurs", signed_in(obs::grant_editor));
      r.post("/observatoire/editeurs/{user:int}/retirer", signed_in(obs::revoke_editor));
      r.get("/observatoire/organismes/{slug}", obs::body);
      r.get("/observatoire/organismes/{slug}.json", obs::body_json);
      r.post("/observatoire/organismes/{slug}/organisation", signed_in(obs::link_body));
      r.get("/observatoire/{slug}.json", obs::show_json);
      r.get("/observatoire/{slug}", obs::show);
      r.get("/observatoire/{slug}/historique", obs::history);
      r.get("/observatoire/{slug}/historique.json", obs::history_json);
      r.get("/observatoire/{slug}/modifier", signed_in(obs::edit_form));
      r.post("/observatoire/{slug}/modifier", signed_in(obs::update));
      r.get("/observatoire/{slug}/proposer",
            signed_in(obs::correction_form));  // ?sur=FIELD_OR_CRITERION: redirects to it
      r.post("/observatoire/{slug}/proposer", signed_in(obs::propose));
      r.post("/observatoire/{slug}/reponse", signed_in(obs::answer));
      r.post("/compte/notifications/lues", signed_in(fabrique::notifications::pages::mark_read));
    }
    return r;
  }();
  return kRouter;
}

}  // namespace fabrique::http
