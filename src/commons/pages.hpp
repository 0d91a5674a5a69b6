// Commons pages: the resources library, the charter and the boussole, as HTML and JSON.
#pragma once
#include "http/context.hpp"

namespace fabrique::commons::pages {

using http::Context;
using http::Response;

Response resources(Context& ctx);         // GET /ressources?type=&coalition=&tag=&licence=&page=
Response resources_json(Context& ctx);    // GET /ressources.json (same filters, page=&per_page=&updated_since=)
Response resources_csv(Context& ctx);     // GET /ressources.csv (same filters, every row)
Response resource_json(Context& ctx);     // GET /ressources/{slug}.json
Response new_resource(Context& ctx);      // GET /ressources/proposer
Response create_resource(Context& ctx);   // POST /ressources/proposer
Response resource(Context& ctx);          // GET /ressources/{slug}
Response resource_file(Context& ctx);     // GET /ressources/{slug}/fichier
Response edit_resource(Context& ctx);     // GET /ressources/{slug}/modifier
Response update_resource(Context& ctx);   // POST /ressources/{slug}/modifier
Response publish_resource(Context& ctx);  // POST /ressources/{slug}/publier
Response delete_resource(Context& ctx);   // POST /ressources/{slug}/supprimer
Response compare_resource(Context& ctx);  // GET /ressources/{slug}/historique/comparer?de=&a=
Response restore_resource(Context& ctx);  // POST /ressources/{slug}/historique/{number:int}/restaurer

Response charter(Context& ctx);                 // GET /charte
Response charter_versions(Context& ctx);        // GET /charte/versions
Response charter_version(Context& ctx);         // GET /charte/versions/{number:int}
Response new_charter_version(Context& ctx);     // GET /charte/versions/nouvelle
Response create_charter_version(Context& ctx);  // POST /charte/versions/nouvelle
Response edit_charter_draft(Context& ctx);      // GET /charte/versions/{number:int}/modifier
Response update_charter_draft(Context& ctx);    // POST /charte/versions/{number:int}/modifier
Response open_consultation(Context& ctx);       // POST /charte/versions/{number:int}/consultation
Response comment_charter(Context& ctx);         // POST /charte/versions/{number:int}/commentaires
Response confirm_adoption(Context& ctx);  // GET /charte/versions/{number:int}/adopter: what changes, and the button
Response adopt_charter(Context& ctx);     // POST /charte/versions/{number:int}/adopter
Response sign_charter(Context& ctx);      // POST /charte/versions/{number:int}/signer
Response signatories(Context& ctx);       // GET /charte/signataires
Response charter_json(Context& ctx);      // GET /charte.json: the version in force
Response charter_versions_json(Context& ctx);  // GET /charte/versions.json
Response charter_version_json(Context& ctx);   // GET /charte/versions/{number:int}.json
Response signatories_json(Context& ctx);       // GET /charte/signataires.json

Response boussole(Context& ctx);       // GET /boussole?issue=&coalition=
Response boussole_json(Context& ctx);  // GET /boussole.json (same filters, ?page=&per_page=&updated_since=)
Response boussole_csv(Context& ctx);   // GET /boussole.csv (same filters, every row)
Response new_card(Context& ctx);       // GET /boussole/proposer
Response create_card(Context& ctx);    // POST /boussole/proposer
Response card(Context& ctx);           // GET /boussole/{slug}
Response card_json(Context& ctx);      // GET /boussole/{slug}.json
Response edit_card(Context& ctx);      // GET /boussole/{slug}/modifier
Response update_card(Context& ctx);    // POST /boussole/{slug}/modifier
Response publish_card(Context& ctx);   // POST /boussole/{slug}/publier
Response compare_card(Context& ctx);   // GET /boussole/{slug}/historique/comparer?de=&a=
Response restore_card(Context& ctx);   // POST /boussole/{slug}/historique/{number:int}/restaurer

}  // namespace fabrique::commons::pages
