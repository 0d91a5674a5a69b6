// What the invitations' pages show, loaded by pages.cpp.
#pragma once
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "invitations/model.hpp"
#include "invitations/use_cases.hpp"
#include "views/forms.hpp"

namespace fabrique::invitations {

// /coalitions/{slug}/invitations and /evenements/{slug}/invitations: the form and the list.
struct InvitationsPage {
  Target target = Target::coalition;
  std::string slug, title;  // the coalition's or the event's
  sys_seconds now{};
  std::vector<Invitation> invitations;
  InviteInput typed;  // what was typed (a refused form), or pre-filled
  std::vector<fabrique::views::Option> roles;
  FieldErrors errors;
  std::vector<std::string> refused;  // the addresses refused, as typed
  std::string actors;                // the booklet's "actors to involve", when the form starts from it
  std::string done;                  // what was just done: "envoi", "renvoi", "annulation", or empty
  std::int64_t sent = 0;             // with "envoi": how many mails
};

// /invitations/accepter?jeton=…: what the link invites to, and how to accept it.
struct AcceptPage {
  Invitation invitation;
  std::string token;
  bool signed_in = false;
  std::string sent_to;           // for an invitation bound to its address: that address, masked
  std::string sign_in, sign_up;  // the sign-in and sign-up addresses that come back here
};

}  // namespace fabrique::invitations
