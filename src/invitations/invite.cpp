// Use cases: inviting addresses to a coalition or an event, resending and cancelling an invitation.
#include <fmt/format.h>

#include "accounts/by_mail.hpp"
#include "accounts/crypto.hpp"
#include "accounts/store.hpp"
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "common/text.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "invitations/store.hpp"
#include "invitations/urls.hpp"
#include "invitations/use_cases.hpp"
#include "mail/mail.hpp"

namespace fabrique::invitations {

using i18n::N_;

State state(const Invitation& i, sys_seconds now) {
  if (i.accepted_at) return State::accepted;
  if (i.cancelled_at) return State::cancelled;
  return i.expires_at <= now ? State::expired : State::pending;
}

bool may_invite(storage::Connection& c, const User* actor, Target target, std::int64_t target_id) {
  if (!actor) return false;
  if (target == Target::coalition) return coalitions::can_edit(c, actor, target_id);
  auto e = events::store::by_id(c, target_id);
  return e && events::can_organise(c, actor, *e);
}

std::vector<std::string> split_addresses(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    const std::string key = text::lower(current);
    bool seen = false;
    for (const auto& a : out) seen = seen || text::lower(a) == key;
    if (!seen) out.push_back(current);
    current.clear();
  };
  for (char ch : text) {
    if (ch == ',' || ch == ';' || ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
      flush();
    else
      current += ch;
  }
  flush();
  return out;
}

namespace {

struct TargetRef {
  std::int64_t id = 0;
  std::string slug, title;
};

TargetRef find_target(storage::Connection& c, Target target, std::string_view slug) {
  if (target == Target::coalition) {
    auto k = coalitions::store::by_slug(c, slug);
    if (!k) throw NotFound();
    return {k->id, k->slug, k->title};
  }
  auto e = events::store::by_slug(c, slug);
  if (!e) throw NotFound();
  return {e->id, e->slug, e->title};
}

void check_may_invite(storage::Connection& c, const User& actor, Target target, std::int64_t target_id) {
  if (!may_invite(c, &actor, target, target_id))
    throw Forbidden(target == Target::coalition
                        ? N_("Only the co-porteurs of this coalition and the animateurs can invite to it.")
                        : N_("Only the organisers of this event can invite to it."));
}

// Mails `i` with its link `token`, in the language of the address's account, else in `lang`.
void mail_invitation(storage::Connection& c, const Invitation& i, const std::string& token, i18n::Lang lang,
                     sys_seconds now) {
  mail::Mail m;
  m.to = i.email;
  m.lang = lang;
  if (auto u = accounts::store::user_by_email(c, i.email)) {
    if (auto to = accounts::store::recipient(c, u->id)) {
      m.to_name = to->name;
      m.lang = to->lang;
    }
  }
  const i18n::Translator& t = i18n::translator(m.lang);
  auto say = [&](const char* msgid, auto&&... values) {
    return fmt::format(fmt::runtime(t.tr(msgid)), std::forward<decltype(values)>(values)...);
  };
  m.kind = mail::kInvitation;
  const bool coalition = i.target == Target::coalition;
  m.subject =
      say(coalition ? N_("Invitation to the coalition “{}”") : N_("Invitation to the event “{}”"), i.target_title);
  m.paragraphs.push_back(m.to_name.empty() ? t.tr(N_("Hello,")) : say(N_("Hello {},"), m.to_name));
  if (!coalition)
    m.paragraphs.push_back(say(N_("{} invites you to the event “{}”."), i.inviter_name, i.target_title));
  else if (i.co_porteur)
    m.paragraphs.push_back(
        say(N_("{} invites you to join the coalition “{}” as co-porteur."), i.inviter_name, i.target_title));
  else
    m.paragraphs.push_back(
        say(N_("{} invites you to join the coalition “{}” as member."), i.inviter_name, i.target_title));
  if (!i.message.empty()) m.paragraphs.push_back(say(N_("Their message: “{}”"), i.message));
  m.paragraphs.push_back(
      bound_to_address(i)
          ? t.tr(N_("To accept, follow this link within two weeks, then sign in, or create your account, with this "
                    "address: only it can accept. Once your address is confirmed, you come back to the invitation. "
                    "The link works once."))
          : t.tr(N_("To accept, follow this link within two weeks, then sign in, or create an account with any "
                    "address: once it is confirmed, you come back to the invitation. The link works once.")));
  m.link_label = t.tr(N_("See the invitation"));
  m.link = mail::url(urls::accept_link(token));
  mail::enqueue(c, m, now);
}

}  // namespace

InviteResult invite(storage::Connection& c, const User& actor, Target target, std::string_view slug,
                    const InviteInput& in, i18n::Lang lang, sys_seconds now) {
  InviteResult out;
  storage::Transaction tx(c, true);
  const TargetRef ref = find_target(c, target, slug);
  check_may_invite(c, actor, target, ref.id);
  const auto addresses = split_addresses(in.emails);
  if (addresses.empty()) out.errors.add("emails", N_("Enter at least one e-mail address."));
  if (addresses.size() > kMaxAddresses)
    out.errors.add("emails", N_("Fifty addresses at most in one form: send the others in another."));
  for (const auto& a : addresses) {
    FieldErrors one;
    accounts::check_email(one, "emails", a);
    if (!one.empty()) out.refused.push_back(a);
  }
  if (!out.refused.empty())
    out.errors.add("emails", N_("Some addresses are not valid (listed below): write each like name@example.org."));
  const bool co_porteur = in.role == "co-porteur";
  if (target == Target::coalition && !co_porteur && !in.role.empty() && in.role != "membre")
    out.errors.add("role", N_("Choose member or co-porteur."));
  if (text::length(in.message) > kMaxMessage || !text::valid_utf8(in.message, true))
    out.errors.add("message", N_("The message is limited to 1000 characters."));
  if (!out.errors.empty()) return out;

  for (const auto& a : addresses) {
    Invitation i;
    i.email = text::lower(a);
    i.target = target;
    i.target_id = ref.id;
    i.target_slug = ref.slug;
    i.target_title = ref.title;
    i.co_porteur = target == Target::coalition && co_porteur;
    i.message = text::trim(in.message);
    i.invited_by = actor.id;
    i.inviter_name = actor.name;
    i.created_at = i.sent_at = now;
    i.expires_at = now + kValidity;
    const std::string token = accounts::random_token();
    i.id = store::insert(c, i, accounts::token_hash(token));
    mail_invitation(c, i, token, lang, now);
    ++out.sent;
  }
  tx.commit();
  return out;
}

namespace {

// The invitation `id`, still open (neither accepted nor cancelled), for someone who may invite.
Invitation open_invitation(storage::Connection& c, const User& actor, std::int64_t id) {
  auto i = store::by_id(c, id);
  if (!i || i->accepted_at || i->cancelled_at) throw NotFound();
  check_may_invite(c, actor, i->target, i->target_id);
  return *i;
}

}  // namespace

Invitation resend_invitation(storage::Connection& c, const User& actor, std::int64_t id, i18n::Lang lang,
                             sys_seconds now) {
  storage::Transaction tx(c, true);
  Invitation i = open_invitation(c, actor, id);
  const std::string token = accounts::random_token();
  store::renew(c, i.id, accounts::token_hash(token), now, now + kValidity);
  i.sent_at = now;
  i.expires_at = now + kValidity;
  mail_invitation(c, i, token, lang, now);
  tx.commit();
  return i;
}

Invitation cancel_invitation(storage::Connection& c, const User& actor, std::int64_t id, sys_seconds now) {
  storage::Transaction tx(c, true);
  Invitation i = open_invitation(c, actor, id);
  store::cancel(c, i.id, now);
  tx.commit();
  return i;
}

std::vector<Invitation> invitations_of(storage::Connection& c, const User& actor, Target target,
                                       std::int64_t target_id) {
  check_may_invite(c, actor, target, target_id);
  return store::of_target(c, target, target_id);
}

}  // namespace fabrique::invitations
