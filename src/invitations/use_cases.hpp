// What people do with invitations. Each use case is one transaction, checks permissions itself and
// knows nothing of HTTP.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "i18n/i18n.hpp"
#include "invitations/model.hpp"
#include "storage/database.hpp"

namespace fabrique::invitations {

using accounts::User;

// May `actor` invite to this coalition (its co-porteurs and the animateurs) or this event (its
// organisers)? Also who sees, resends and cancels its invitations.
bool may_invite(storage::Connection& c, const User* actor, Target target, std::int64_t target_id);

struct InviteInput {
  std::string emails;   // one or several addresses, separated by commas, semicolons, spaces or lines
  std::string role;     // for a coalition: "membre" or "co-porteur"
  std::string message;  // optional, kMaxMessage characters at most
};
struct InviteResult {
  FieldErrors errors;                // fields "emails", "role", "message"
  std::vector<std::string> refused;  // the addresses that are not valid, as typed
  std::int64_t sent = 0;
};

// The addresses of the form, as typed, in order, each once (compared case-insensitively).
std::vector<std::string> split_addresses(std::string_view text);

// invite.cpp. Co-porteurs and animateurs for a coalition (by slug), organisers for an event: one
// invitation and one mail per address, each with its own single-use link valid kValidity. The mail
// is in the language of the address's account if it has one, else in `lang` (the inviter's).
// Outcomes: sent | field errors (no address, an invalid one, too many, unknown role, message too
// long), nothing written or sent | Forbidden | NotFound.
InviteResult invite(storage::Connection& c, const User& actor, Target target, std::string_view slug,
                    const InviteInput& in, i18n::Lang lang, sys_seconds now);

// invite.cpp too. Those who may invite: a new link mailed (the old one stops working) and a new
// expiry, for an invitation not accepted nor cancelled. Returns the invitation. Outcomes: resent |
// Forbidden | NotFound (also: already accepted or cancelled).
Invitation resend_invitation(storage::Connection& c, const User& actor, std::int64_t id, i18n::Lang lang,
                             sys_seconds now);
// invite.cpp too. Those who may invite: its link says it was cancelled. Returns the invitation.
// Outcomes: cancelled | Forbidden | NotFound (also: already accepted).
Invitation cancel_invitation(storage::Connection& c, const User& actor, std::int64_t id, sys_seconds now);

// The invitations of a coalition or event, newest first, for those who may invite (Forbidden
// otherwise).
std::vector<Invitation> invitations_of(storage::Connection& c, const User& actor, Target target,
                                       std::int64_t target_id);

// accept_invitation.cpp. What a mailed link leads to: the invitation, or why it cannot be used
// (an English msgid: unknown, already used, cancelled, expired).
struct Looked {
  const char* error = nullptr;
  std::optional<Invitation> invitation;
};
Looked look_up(storage::Connection& c, std::string_view token, sys_seconds now);

// accept_invitation.cpp. Whether only the invited address may accept `i`: an invitation as
// co-porteur gives power over the coalition (editing it, inviting, deciding), so a forwarded or
// leaked link must not hand it to someone else. Member and event invitations are not bound: people
// are often invited at one address and have their account under another (the mail says any address
// will do), and what they give is what a co-porteur grants from a declaration of interest, or
// what anyone may do by registering; the list shows who accepted each, and a co-porteur can undo it.
bool bound_to_address(const Invitation& i);

// accept_invitation.cpp. "c***@example.org": the address an invitation was sent to, as shown to
// someone holding its link who may not be its owner.
std::string masked_address(std::string_view email);

// accept_invitation.cpp. Why `actor` may not accept `i` (an English msgid with one "{}", the masked
// address it was sent to), or nullptr if they may: a bound invitation is accepted only by the
// account whose confirmed address is the invited one (compared case-insensitively).
const char* refusal_for(storage::Connection& c, const Invitation& i, const User& actor);

// accept_invitation.cpp. Any signed-in person holding the link (the invited address's account for a
// bound invitation): they join the coalition with the invited role (a co-porteur invited as member stays co-porteur),
// or register for the event (a place, else the waiting list; for an event whose date is to be confirmed, they may
// answer its date poll and register once it is confirmed). The inviter is told. Outcomes: accepted (`invitation` set) |
// link unknown, used, cancelled or expired, or the event closed to registration (`error`), nothing written | someone
// else than the invited address for a bound invitation (`error` with `forbidden` set: one "{}" for `sent_to`, the
// masked address), nothing written.
struct Accepted {
  const char* error = nullptr;
  bool forbidden = false;
  std::string sent_to;
  std::optional<Invitation> invitation;
};
Accepted accept_invitation(storage::Connection& c, const User& actor, std::string_view token, sys_seconds now);

}  // namespace fabrique::invitations
