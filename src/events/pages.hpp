// Event pages: the list and feeds, one event with its programme and registration, the edit forms,
// the minutes with their history and items, the personal calendar, and coalition proposals.
#pragma once
#include "http/context.hpp"

namespace fabrique::events::pages {

using http::Context;
using http::Response;

// list_pages.cpp
Response list(Context& ctx);           // GET /evenements?type=&coalition=
Response list_json(Context& ctx);      // GET /evenements.json?type=&coalition=&page=&per_page=&updated_since=
Response list_csv(Context& ctx);       // GET /evenements.csv?type=&coalition=
Response list_ics(Context& ctx);       // GET /evenements.ics
Response coalition_ics(Context& ctx);  // GET /coalitions/{slug}/evenements.ics
Response my_events(Context& ctx);      // GET /evenements/mes-inscriptions
Response renew_token(Context& ctx);    // POST /evenements/mes-inscriptions/agenda
Response revoke_token(Context& ctx);   // POST /evenements/mes-inscriptions/agenda/revoquer
Response personal_ics(Context& ctx);   // GET /evenements/agenda.ics?jeton=…

// show_pages.cpp
Response show(Context& ctx);               // GET /evenements/{slug}
Response show_json(Context& ctx);          // GET /evenements/{slug}.json
Response show_ics(Context& ctx);           // GET /evenements/{slug}.ics
Response register_(Context& ctx);          // POST /evenements/{slug}/inscription
Response cancel(Context& ctx);             // POST /evenements/{slug}/annulation (personne=id for organisers)
Response registrations_csv(Context& ctx);  // GET /evenements/{slug}/inscrits.csv
Response programme(Context& ctx);          // GET /evenements/{slug}/programme (organisers)
Response registrations(Context& ctx);      // GET /evenements/{slug}/inscrits (organisers)
Response attendance_form(Context& ctx);    // GET /evenements/{slug}/presences (organisers)
Response attendance(Context& ctx);         // POST /evenements/{slug}/presences
Response new_slot_form(Context& ctx);      // GET /evenements/{slug}/programme/nouvelle (organisers)
Response add_slot(Context& ctx);           // POST /evenements/{slug}/programme
Response remove_slot(Context& ctx);        // POST /evenements/{slug}/programme/{id:int}/supprimer
Response consent(Context& ctx);            // POST /evenements/{slug}/programme/{id:int}/consentement (nommer=oui|non)

// slot_pages.cpp
Response edit_slot_form(Context& ctx);  // GET /evenements/{slug}/programme/{id:int}/modifier
Response edit_slot(Context& ctx);       // POST /evenements/{slug}/programme/{id:int}/modifier (version=…)

// edit_pages.cpp
Response new_form(Context& ctx);   // GET /evenements/nouveau
Response create(Context& ctx);     // POST /evenements/nouveau
Response edit_form(Context& ctx);  // GET /evenements/{slug}/modifier
Response update(Context& ctx);     // POST /evenements/{slug}/modifier

// minutes_pages.cpp
Response minutes(Context& ctx);               // GET /evenements/{slug}/compte-rendu
Response minutes_json(Context& ctx);          // GET /evenements/{slug}/compte-rendu.json
Response minutes_edit(Context& ctx);          // GET /evenements/{slug}/compte-rendu/modifier
Response minutes_save(Context& ctx);          // POST /evenements/{slug}/compte-rendu/modifier
Response minutes_history(Context& ctx);       // GET /evenements/{slug}/compte-rendu/historique
Response minutes_history_json(Context& ctx);  // GET /evenements/{slug}/compte-rendu/historique.json
Response minutes_compare(Context& ctx);       // GET /evenements/{slug}/compte-rendu/historique/comparer?de=&a=
Response minutes_restore(Context& ctx);       // POST /evenements/{slug}/compte-rendu/historique/{number:int}/restaurer
Response new_item_form(Context& ctx);         // GET /evenements/{slug}/compte-rendu/elements/nouveau
Response add_item(Context& ctx);              // POST /evenements/{slug}/compte-rendu/elements
Response edit_item(Context& ctx);             // GET /evenements/{slug}/compte-rendu/elements/{id:int}/modifier
Response update_item(Context& ctx);           // POST /evenements/{slug}/compte-rendu/elements/{id:int}/modifier
Response remove_item(Context& ctx);           // POST /evenements/{slug}/compte-rendu/elements/{id:int}/supprimer
Response attach_form(Context& ctx);           // GET /evenements/{slug}/compte-rendu/pieces/nouvelle
Response attach(Context& ctx);                // POST /evenements/{slug}/compte-rendu/pieces (multipart)
Response detach(Context& ctx);                // POST /evenements/{slug}/compte-rendu/pieces/{id:int}/supprimer
Response attachment(Context& ctx);            // GET /evenements/{slug}/compte-rendu/pieces/{id:int}

// proposal_pages.cpp
Response proposals(Context& ctx);       // GET /propositions
Response proposals_json(Context& ctx);  // GET /propositions.json
Response propose_form(Context& ctx);    // GET /propositions/nouvelle
Response propose(Context& ctx);         // POST /propositions/nouvelle
Response schedule(Context& ctx);        // POST /propositions/{id:int}/programmer
Response decide(Context& ctx);          // POST /propositions/{id:int}/decision (decision=adopter|fusionner|decliner)

}  // namespace fabrique::events::pages
