// Observatory pages: scoreboard, entries, editing, contributions and moderation, public bodies,
// editors, and the open-data exports.
#pragma once
#include "http/context.hpp"

namespace fabrique::observatoire::pages {

using http::Context;
using http::Response;

Response list(
    Context& ctx);  // GET /observatoire  (?organisme=&theme=&statut=&categorie=&ouverture=&explicabilite=&tri=)
Response list_json(Context& ctx);        // GET /observatoire.json
Response list_csv(Context& ctx);         // GET /observatoire.csv
Response changes_atom(Context& ctx);     // GET /observatoire/changements.atom
Response new_form(Context& ctx);         // GET /observatoire/nouvelle
Response create(Context& ctx);           // POST /observatoire/nouvelle (editors publish, members propose)
Response contributions(Context& ctx);    // GET /observatoire/contributions
Response contribution(Context& ctx);     // GET /observatoire/contributions/{id:int}
Response accept(Context& ctx);           // POST /observatoire/contributions/{id:int}/accepter
Response reject(Context& ctx);           // POST /observatoire/contributions/{id:int}/rejeter
Response editors(Context& ctx);          // GET /observatoire/editeurs
Response grant_editor(Context& ctx);     // POST /observatoire/editeurs
Response revoke_editor(Context& ctx);    // POST /observatoire/editeurs/{user:int}/retirer
Response body(Context& ctx);             // GET /observatoire/organismes/{slug}
Response body_json(Context& ctx);        // GET /observatoire/organismes/{slug}.json
Response link_body(Context& ctx);        // POST /observatoire/organismes/{slug}/organisation
Response show(Context& ctx);             // GET /observatoire/{slug}
Response show_json(Context& ctx);        // GET /observatoire/{slug}.json
Response history(Context& ctx);          // GET /observatoire/{slug}/historique
Response history_json(Context& ctx);     // GET /observatoire/{slug}/historique.json
Response edit_form(Context& ctx);        // GET /observatoire/{slug}/modifier
Response update(Context& ctx);           // POST /observatoire/{slug}/modifier
Response correction_form(Context& ctx);  // GET /observatoire/{slug}/proposer
Response propose(Context& ctx);          // POST /observatoire/{slug}/proposer
Response answer(Context& ctx);           // POST /observatoire/{slug}/reponse

}  // namespace fabrique::observatoire::pages
