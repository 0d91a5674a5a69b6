// Invitation pages: the form and list of a coalition's or an event's invitations, resend and
// cancel, and the page a mailed link opens.
#pragma once
#include "http/context.hpp"

namespace fabrique::invitations::pages {

using http::Context;
using http::Response;

Response coalition_invitations(Context& ctx);  // GET /coalitions/{slug}/invitations (?depuis=acteurs)
Response invite_to_coalition(Context& ctx);    // POST /coalitions/{slug}/invitations
Response event_invitations(Context& ctx);      // GET /evenements/{slug}/invitations
Response invite_to_event(Context& ctx);        // POST /evenements/{slug}/invitations
Response resend(Context& ctx);                 // POST /invitations/{id:int}/renvoyer
Response cancel(Context& ctx);                 // POST /invitations/{id:int}/annuler
Response accept_form(Context& ctx);            // GET /invitations/accepter?jeton=… (mailed)
Response accept(Context& ctx);                 // POST /invitations/accepter

}  // namespace fabrique::invitations::pages
