// Account pages: sign up, sign in, sign out, and the person's own account page.
#pragma once
#include "http/context.hpp"

namespace fabrique::accounts::pages {

using http::Context;
using http::Response;

Response sign_up_form(Context& ctx);     // GET /inscription
Response sign_up(Context& ctx);          // POST /inscription
Response sign_in_form(Context& ctx);     // GET /connexion
Response sign_in(Context& ctx);          // POST /connexion
Response sign_out(Context& ctx);         // POST /deconnexion
Response account(Context& ctx);          // GET /compte
Response update_profile(Context& ctx);   // POST /compte/profil
Response change_password(Context& ctx);  // POST /compte/mot-de-passe
Response join_organisation(Context& ctx);   // POST /compte/organisations
Response leave_organisation(Context& ctx);  // POST /compte/organisations/{slug}/quitter

// For pages that need a signed-in person: the redirect to the sign-in page, coming back here after.
Response sign_in_first(const Context& ctx);

}  // namespace fabrique::accounts::pages
