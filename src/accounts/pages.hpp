// Account pages: sign up, sign in, sign out, and the person's own account page.
#pragma once
#include "common/errors.hpp"
#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::accounts::pages {

using http::Context;
using http::Response;

Response sign_up_form(Context& ctx);        // GET /inscription
Response sign_up(Context& ctx);             // POST /inscription
Response sign_in_form(Context& ctx);        // GET /connexion
Response sign_in(Context& ctx);             // POST /connexion
Response sign_out(Context& ctx);            // POST /deconnexion
Response account(Context& ctx);             // GET /compte
Response update_profile(Context& ctx);      // POST /compte/profil
Response change_password(Context& ctx);     // POST /compte/mot-de-passe
Response join_organisation(Context& ctx);   // POST /compte/organisations
Response leave_organisation(Context& ctx);  // POST /compte/organisations/{slug}/quitter

// mail_pages.cpp: the pages of the links mailed to people.
Response sign_up_sent(Context& ctx);             // GET /inscription/envoyee
Response confirm_email_form(Context& ctx);       // GET /inscription/confirmer?jeton=…
Response confirm_email(Context& ctx);            // POST /inscription/confirmer
Response forgotten_password_form(Context& ctx);  // GET /mot-de-passe-oublie
Response forgotten_password(Context& ctx);       // POST /mot-de-passe-oublie
Response new_password_form(Context& ctx);        // GET /mot-de-passe-oublie/nouveau?jeton=…
Response new_password(Context& ctx);             // POST /mot-de-passe-oublie/nouveau
Response address_form(Context& ctx);             // GET /compte/adresse
Response change_address(Context& ctx);           // POST /compte/adresse
Response confirm_address_form(Context& ctx);     // GET /compte/adresse/confirmer?jeton=…
Response confirm_address(Context& ctx);          // POST /compte/adresse/confirmer
Response personal_data_page(Context& ctx);       // GET /compte/donnees
Response personal_data_file(Context& ctx);       // GET /compte/donnees.json
// The account page, with the errors of the form that was refused (pages.cpp).
struct AccountErrors {
  FieldErrors profile, password, join, token;
};
Response account_page(Context& ctx, const AccountErrors& errors, int status);
// token_pages.cpp: the access tokens' section of /compte, making one (the page that shows it once)
// and revoking one.
html::Html tokens_section(Context& ctx, const FieldErrors& errors);
Response create_token(Context& ctx);  // POST /compte/jetons
Response revoke_token(Context& ctx);  // POST /compte/jetons/{id}/revoquer
// session_pages.cpp: the sessions section of /compte, ending a session, deleting the account.
html::Html sessions_section(Context& ctx);
Response end_session(Context& ctx);          // POST /compte/sessions/{handle}/fin
Response delete_account_form(Context& ctx);  // GET /compte/supprimer
Response delete_account(Context& ctx);       // POST /compte/supprimer
Response account_deleted(Context& ctx);      // GET /compte/supprime

// The session cookie's attributes (pages.cpp).
http::CookieOptions session_cookie(const Context& ctx);
// Where to go once signed in, signed up or confirmed: the page's `retour` (form, else query), one of
// the site's paths ("/" when there is none or it would leave the site).
std::string back_of(const Context& ctx);
// A redirect to `location` that removes the session cookie (pages.cpp).
Response signed_out(const Context& ctx, std::string_view location);

// For pages that need a signed-in person: the redirect to the sign-in page, coming back here after.
Response sign_in_first(const Context& ctx);

}  // namespace fabrique::accounts::pages
