// Invitation pages: each reads the form, calls one use case, then redirects or re-renders with errors.
#include "invitations/pages.hpp"

#include <fmt/format.h>

#include "accounts/urls.hpp"
#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "events/store.hpp"
#include "invitations/templates/invitations.hpp"
#include "invitations/urls.hpp"
#include "invitations/use_cases.hpp"
#include "invitations/view_models.hpp"
#include "views/layout.hpp"

namespace fabrique::invitations::pages {

using i18n::N_;

namespace {

struct Found {
  std::int64_t id = 0;
  std::string slug, title;
  std::string actors;  // a coalition's booklet section "acteurs"
};

Found find(Context& ctx, Target target) {
  if (target == Target::coalition) {
    auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
    if (!k) throw NotFound();
    return {k->id, k->slug, k->title, {}};
  }
  auto e = events::store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  return {e->id, e->slug, e->title, {}};
}

// The addresses written in a booklet's text, one per line, to pre-fill the form.
std::string addresses_in(std::string_view text) {
  std::string out;
  std::string word;
  auto take = [&] {
    while (!word.empty() && std::string_view("<>()[].,;:*_").find(word.back()) != std::string_view::npos)
      word.pop_back();
    while (!word.empty() && std::string_view("<>()[]*_").find(word.front()) != std::string_view::npos) word.erase(0, 1);
    if (word.starts_with("mailto:")) word.erase(0, 7);
    if (text::looks_like_email(word)) out += (out.empty() ? "" : "\n") + word;
    word.clear();
  };
  for (char ch : text) {
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == ',' || ch == ';')
      take();
    else
      word += ch;
  }
  take();
  return out;
}

Response render_list(Context& ctx, Target target, const InviteInput& typed, const InviteResult& result, int status) {
  const Found found = find(ctx, target);
  InvitationsPage page{.target = target,
                       .slug = found.slug,
                       .title = found.title,
                       .now = ctx.now,
                       .invitations = invitations_of(ctx.db, *ctx.user, target, found.id),
                       .typed = typed,
                       .roles = {{"membre", ctx.tr(N_("Member"))}, {"co-porteur", ctx.tr(N_("Co-porteur"))}},
                       .errors = result.errors,
                       .refused = result.refused};
  const std::string& done = ctx.query.get("fait");
  if (status == 200 && (done == "envoi" || done == "renvoi" || done == "annulation")) {
    page.done = done;
    page.sent = numbers::whole(ctx.query.get("nombre"), 1, static_cast<std::int64_t>(kMaxAddresses)).value_or(1);
  }
  if (status == 200 && target == Target::coalition && ctx.query.get("depuis") == "acteurs") {
    const auto booklet = coalitions::store::current_booklet(ctx.db, found.id);
    if (auto it = booklet.find("acteurs"); it != booklet.end()) {
      page.actors = it->second;
      page.typed.emails = addresses_in(it->second);
    }
  }
  return views::page(ctx, status, ctx.tr(N_("Invitations")) + " — " + found.title,
                     html::render(*ctx.t, templates::Invitations{.page = page, .csrf = ctx.csrf_token()}));
}

Response list(Context& ctx, Target target) { return render_list(ctx, target, {.role = "membre"}, {}, 200); }

Response send(Context& ctx, Target target) {
  const InviteInput in{
      .emails = ctx.form.get("emails"), .role = ctx.form.get("role"), .message = ctx.form.get("message")};
  auto result = invite(ctx.db, *ctx.user, target, ctx.param("slug"), in, ctx.lang(), ctx.now);
  if (!result.errors.empty()) return render_list(ctx, target, in, result, 422);
  return Response::redirect(urls::of(target, ctx.param("slug")) + "?fait=envoi&nombre=" + std::to_string(result.sent));
}

// A mailed link that cannot be used: what is wrong, nothing changed.
Response link_refused(Context& ctx, const char* error) {
  const std::string title = ctx.tr(N_("This invitation cannot be used"));
  return views::page(ctx, 400, title,
                     html::render(R"(<h1>{}</h1>
<p class="error" role="alert">{}</p>)",
                                  title, ctx.tr(error)));
}

// A bound invitation opened by another account: to whom it was sent (masked), nothing changed.
Response not_yours(Context& ctx, const char* error, const std::string& sent_to) {
  const std::string title = ctx.tr(N_("This invitation is for someone else"));
  return views::page(ctx, 403, title,
                     html::render(R"(<h1>{}</h1>
<p class="error" role="alert">{}</p>)",
                                  title, fmt::format(fmt::runtime(ctx.tr(error)), sent_to)));
}

std::string token_of(const Context& ctx) {
  return ctx.form.has("jeton") ? ctx.form.get("jeton") : ctx.query.get("jeton");
}

}  // namespace

Response coalition_invitations(Context& ctx) { return list(ctx, Target::coalition); }
Response invite_to_coalition(Context& ctx) { return send(ctx, Target::coalition); }
Response event_invitations(Context& ctx) { return list(ctx, Target::event); }
Response invite_to_event(Context& ctx) { return send(ctx, Target::event); }

Response resend(Context& ctx) {
  const Invitation i = resend_invitation(ctx.db, *ctx.user, ctx.param_int("id"), ctx.lang(), ctx.now);
  return Response::redirect(urls::of(i.target, i.target_slug) + "?fait=renvoi");
}

Response cancel(Context& ctx) {
  const Invitation i = cancel_invitation(ctx.db, *ctx.user, ctx.param_int("id"), ctx.now);
  return Response::redirect(urls::of(i.target, i.target_slug) + "?fait=annulation");
}

Response accept_form(Context& ctx) {
  const std::string token = token_of(ctx);
  Looked found = look_up(ctx.db, token, ctx.now);
  if (found.error) return link_refused(ctx, found.error);
  const Invitation& i = *found.invitation;
  Response r;
  if (const char* refused = ctx.user ? refusal_for(ctx.db, i, *ctx.user) : nullptr) {
    r = not_yours(ctx, refused, masked_address(i.email));
  } else {
    // Signing in or up comes back here (signing up through the mailed confirmation link).
    const std::string back = html::url_encode(urls::accept_link(token));
    AcceptPage page{.invitation = i,
                    .token = token,
                    .signed_in = ctx.signed_in(),
                    .sent_to = bound_to_address(i) ? masked_address(i.email) : std::string(),
                    .sign_in = accounts::urls::sign_in() + "?retour=" + back,
                    .sign_up = accounts::urls::sign_up() + "?retour=" + back};
    r = views::page(ctx, ctx.tr(N_("Your invitation")),
                    html::render(*ctx.t, templates::Accept{.page = page, .csrf = ctx.csrf_token()}));
  }
  // The link is a secret: the page that holds it is never cached.
  std::erase_if(r.headers, [](const auto& h) { return h.first == "Cache-Control"; });
  r.set_header("Cache-Control", "no-store, private");
  return r;
}

Response accept(Context& ctx) {
  auto result = accept_invitation(ctx.db, *ctx.user, token_of(ctx), ctx.now);
  if (result.forbidden) return not_yours(ctx, result.error, result.sent_to);
  if (result.error) return link_refused(ctx, result.error);
  return Response::redirect(urls::target(result.invitation->target, result.invitation->target_slug));
}

}  // namespace fabrique::invitations::pages
