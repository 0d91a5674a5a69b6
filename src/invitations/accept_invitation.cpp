// Use case: the holder of a mailed invitation link, signed in, accepts it: they join the coalition
// or register for the event, and the inviter is told.
#include "accounts/crypto.hpp"
#include "accounts/store.hpp"
#include "coalitions/store.hpp"
#include "common/text.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "follows/follows.hpp"
#include "invitations/store.hpp"
#include "invitations/urls.hpp"
#include "invitations/use_cases.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::invitations {

using i18n::N_;

Looked look_up(storage::Connection& c, std::string_view token, sys_seconds now) {
  Looked out;
  if (!token.empty() && token.size() <= 100) out.invitation = store::by_token_hash(c, accounts::token_hash(token));
  if (!out.invitation) {
    out.error =
        N_("This invitation link is not valid. Check that it was copied whole, or ask the person who "
           "invited you for a new one.");
    return out;
  }
  switch (state(*out.invitation, now)) {
    case State::accepted:
      out.error = N_("This invitation was already accepted: its link works once.");
      break;
    case State::cancelled:
      out.error = N_("This invitation was cancelled by the person who sent it.");
      break;
    case State::expired:
      out.error = N_("This invitation has expired. Ask the person who invited you to send it again.");
      break;
    case State::pending:
      break;
  }
  return out;
}

bool bound_to_address(const Invitation& i) { return i.target == Target::coalition && i.co_porteur; }

std::string masked_address(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos || at == 0) return "***";
  // The first character whole, even when it takes several bytes.
  std::size_t first = 1;
  while (first < at && (static_cast<unsigned char>(email[first]) & 0xC0) == 0x80) ++first;
  return std::string(email.substr(0, first)) + "***" + std::string(email.substr(at));
}

const char* refusal_for(storage::Connection& c, const Invitation& i, const User& actor) {
  if (!bound_to_address(i)) return nullptr;
  if (text::lower(actor.email) != text::lower(i.email))
    return N_(
        "This invitation was sent to {}: only the account with that address can accept it. Sign in with "
        "that account, or ask the person who invited you to invite your own address.");
  const auto me = accounts::store::recipient(c, actor.id);
  if (!me || !me->confirmed)
    return N_(
        "This invitation was sent to {}: confirm that this address is yours with the link mailed when "
        "you signed up, then follow the invitation again.");
  return nullptr;
}

Accepted accept_invitation(storage::Connection& c, const User& actor, std::string_view token, sys_seconds now) {
  Accepted out;
  storage::Transaction tx(c, true);
  Looked found = look_up(c, token, now);
  if (found.error) {
    out.error = found.error;
    return out;
  }
  const Invitation& i = *found.invitation;
  if (const char* refused = refusal_for(c, i, actor)) {
    out.error = refused;
    out.forbidden = true;
    out.sent_to = masked_address(i.email);
    return out;  // rolled back: nothing written
  }
  // Two requests racing with one link: only the first one uses it.
  if (!store::accept(c, i.id, actor.id, now)) {
    out.error = N_("This invitation was already accepted: its link works once.");
    return out;
  }
  if (i.target == Target::coalition) {
    const auto role = coalitions::store::role_of(c, i.target_id, actor.id);
    if (i.co_porteur) {
      coalitions::store::set_role(c, i.target_id, actor.id, coalitions::Role::co_porteur, now);
      follows::follow(c, actor.id, follows::Subject::coalition, i.target_id, now);
    } else if (!role) {
      coalitions::store::set_role(c, i.target_id, actor.id, coalitions::Role::membre, now);
    }
    coalitions::store::touch(c, i.target_id, now);
  } else {
    auto e = events::store::by_id(c, i.target_id);
    if (!e) throw NotFound();
    // Registration waits for a date to be confirmed; already registered is as good as registering.
    if (e->status != events::EventStatus::tentative && !events::store::registration(c, e->id, actor.id)) {
      auto registered = events::register_within(c, actor, *e, now);
      if (!registered.errors.empty()) {
        out.error = registered.errors.items().front().second;
        return out;  // rolled back: the link can still be used if the event opens again
      }
    }
  }
  if (i.invited_by && *i.invited_by != actor.id)
    notifications::notify(
        c, *i.invited_by, i.target == Target::coalition ? notifications::kCoalitions : notifications::kEvents,
        N_("Your invitation to “{}” was accepted."), urls::of(i.target, i.target_slug), now, i.target_title);
  tx.commit();
  out.invitation = i;
  return out;
}

}  // namespace fabrique::invitations
