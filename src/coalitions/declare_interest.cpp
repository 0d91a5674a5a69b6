// Use cases: a member declares (or updates, or withdraws) their interest in a coalition; the
// coalition's co-porteurs are told of a new declaration.
#include "coalitions/store.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/use_cases.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "organisations/store.hpp"

namespace fabrique::coalitions {

using i18n::N_;

FieldErrors declare_interest(storage::Connection& c, const User& actor, std::string_view slug,
                             const DeclarationInput& in, sys_seconds now) {
  FieldErrors errors;
  Declaration d;
  d.user_id = actor.id;
  d.commande = in.commande;
  d.offre = in.offre;
  d.usages = in.usages;
  d.message = text::trim(in.message);
  if (!text::valid_utf8(d.message)) {
    errors.add("message", N_("The message contains characters that are not allowed."));
  } else if (text::length(d.message) > kMaxMessage) {
    errors.add("message", N_("The message is too long (2000 characters at most)."));
  }
  storage::Transaction tx(c, true);
  auto k = store::by_slug(c, slug);
  if (!k) throw NotFound();
  d.coalition_id = k->id;
  if (!in.organisation.empty()) {
    // One speaks only for an organisation one belongs to.
    auto o = organisations::store::by_slug(c, in.organisation);
    if (o && organisations::store::is_member(c, actor.id, o->id))
      d.organisation_id = o->id;
    else
      errors.add("organisation", N_("Choose one of your organisations."));
  }
  if (!errors.empty()) return errors;
  const bool fresh = !store::declaration(c, k->id, actor.id);
  store::upsert_declaration(c, d, now);
  store::touch(c, k->id, now);
  // A new declaration is news for the coalition's co-porteurs; an update is not.
  if (fresh)
    for (const auto& m : store::members(c, k->id))
      if (m.role == Role::co_porteur && m.user_id != actor.id)
        notifications::notify(c, m.user_id, notifications::kCoalitions, N_("New interest declaration in “{}”"),
                              urls::coalition(k->slug) + "#interet", now, k->title);
  tx.commit();
  return errors;
}

void withdraw_interest(storage::Connection& c, const User& actor, std::string_view slug, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto k = store::by_slug(c, slug);
  if (!k) throw NotFound();
  store::delete_declaration(c, k->id, actor.id);
  store::touch(c, k->id, now);
  tx.commit();
}

}  // namespace fabrique::coalitions
