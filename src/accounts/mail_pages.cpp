// Account pages reached by mail: after signing up, confirming the address, recovering a password,
// changing one's address. Each reads the form, calls one use
// case, then redirects or re-renders with errors.
#include "accounts/by_mail.hpp"
#include "accounts/pages.hpp"
#include "accounts/templates/address.hpp"
#include "accounts/templates/password.hpp"
#include "accounts/urls.hpp"
#include "http/app.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::accounts::pages {

using html::Html;
using html::render;
using i18n::N_;

namespace {

// A mailed link that cannot be used: what is wrong and what to do, nothing changed.
Response link_refused(Context& ctx, const char* error, const char* again_label, const std::string& again_path) {
  Html body = render(R"(<h1>{}</h1>
<p class="error" role="alert">{}</p>
<p><a href="{}">{}</a></p>)",
                     ctx.tr(N_("This link cannot be used")), ctx.tr(error), again_path, ctx.tr(again_label));
  return views::page(ctx, 400, ctx.tr(N_("This link cannot be used")), body);
}

// The token of a mailed link, from the query (GET) or the form (POST).
std::string token_of(const Context& ctx) {
  return ctx.form.has("jeton") ? ctx.form.get("jeton") : ctx.query.get("jeton");
}

Response render_forgotten(Context& ctx, const FieldErrors& errors, int status) {
  return views::page(ctx, status, ctx.tr(N_("Forgotten password")),
                     render(*ctx.t, templates::ForgottenPassword{.email = ctx.form.get("email"),
                                                                 .sent = ctx.query.get("envoye") == "1",
                                                                 .errors = errors,
                                                                 .csrf = ctx.csrf_token()}));
}

Response render_new_password(Context& ctx, const FieldErrors& errors, int status) {
  return views::page(
      ctx, status, ctx.tr(N_("Choose a new password")),
      render(*ctx.t, templates::NewPassword{.token = token_of(ctx), .errors = errors, .csrf = ctx.csrf_token()}));
}

// A page whose only action is one button that uses the mailed link (a GET never changes anything:
// mail scanners follow links). The link's `retour` goes along.
Response render_link_button(Context& ctx, const char* title, const char* text, const std::string& action,
                            const char* button) {
  Html hidden = render(R"(<input type="hidden" name="jeton" value="{}">)", token_of(ctx));
  if (const std::string back = back_of(ctx); back != "/")
    hidden += render(R"(<input type="hidden" name="retour" value="{}">)", back);
  Html body = render(R"(<h1>{}</h1>
<p>{}</p>
<form method="post" action="{}">{}{}<button type="submit">{}</button></form>)",
                     ctx.tr(title), ctx.tr(text), action, views::csrf_field(ctx), hidden, ctx.tr(button));
  return views::page(ctx, ctx.tr(title), body);
}

Response render_address(Context& ctx, const FieldErrors& errors, int status) {
  const std::string typed = ctx.form.get("email");
  const templates::Address address{.present = ctx.user->email,
                                   .typed = typed,
                                   .sent = ctx.query.get("envoye") == "1",
                                   .errors = errors,
                                   .csrf = ctx.csrf_token()};
  return views::page(ctx, status, ctx.tr(N_("Change my e-mail address")), html::render(*ctx.t, address));
}

}  // namespace

Response sign_up_sent(Context& ctx) {
  Html body = render(R"(<h1>{}</h1>
<p class="notice" role="status">{}</p>
<p>{}</p>)",
                     ctx.tr(N_("Check your mail")),
                     ctx.tr(N_("We mailed you a link to confirm your address. Follow it within three days to "
                               "finish creating your account.")),
                     ctx.tr(N_("Nothing arrived? Look in your unwanted mail, or sign up again with the same "
                               "address to get a new link.")));
  return views::page(ctx, ctx.tr(N_("Check your mail")), body);
}

Response confirm_email_form(Context& ctx) {
  if (const char* error = token_problem(ctx.db, token_of(ctx), "confirm", ctx.now))
    return link_refused(ctx, error, N_("Sign up again"), urls::sign_up());
  return render_link_button(ctx, N_("Confirm my address"),
                            N_("One last step: confirm that this address is yours, and you are signed in."),
                            urls::confirm_email(), N_("Confirm my address"));
}

Response confirm_email(Context& ctx) {
  auto result = accounts::confirm_email(ctx.db, token_of(ctx), ctx.now, std::chrono::days(ctx.options.session_days));
  if (result.error) return link_refused(ctx, result.error, N_("Sign up again"), urls::sign_up());
  // Back to the page the sign-up started from (an invitation, say), else to the new account.
  const std::string back = back_of(ctx);
  Response r = Response::redirect(back == "/" ? urls::account() : back);
  r.set_header("Set-Cookie", http::set_cookie(http::App::kSessionCookie, result.session_token, session_cookie(ctx)));
  return r;
}

Response forgotten_password_form(Context& ctx) { return render_forgotten(ctx, {}, 200); }

Response forgotten_password(Context& ctx) {
  auto errors = accounts::request_password_reset(ctx.db, ctx.form.get("email"), ctx.now);
  if (!errors.empty()) return render_forgotten(ctx, errors, 422);
  return Response::redirect(urls::forgotten_password() + "?envoye=1");
}

Response new_password_form(Context& ctx) {
  if (const char* error = token_problem(ctx.db, token_of(ctx), "password", ctx.now))
    return link_refused(ctx, error, N_("Ask for a new link"), urls::forgotten_password());
  return render_new_password(ctx, {}, 200);
}

Response new_password(Context& ctx) {
  auto result = accounts::reset_password(ctx.db, token_of(ctx), ctx.form.get("password"),
                                         ctx.form.get("password_confirmation"), ctx.now);
  if (result.error) return link_refused(ctx, result.error, N_("Ask for a new link"), urls::forgotten_password());
  if (!result.errors.empty()) return render_new_password(ctx, result.errors, 422);
  Response r = Response::redirect(urls::sign_in() + "?mot-de-passe=1");
  // Every session ended, this browser's too.
  r.set_header("Set-Cookie", http::set_cookie(http::App::kSessionCookie, "", {.max_age_seconds = 0}));
  return r;
}

Response address_form(Context& ctx) { return render_address(ctx, {}, 200); }

Response change_address(Context& ctx) {
  auto errors = accounts::request_email_change(ctx.db, *ctx.user, ctx.form.get("email"),
                                               ctx.form.get("current_password"), ctx.lang(), ctx.now);
  if (!errors.empty()) return render_address(ctx, errors, 422);
  return Response::redirect(urls::address() + "?envoye=1");
}

Response confirm_address_form(Context& ctx) {
  if (const char* error = token_problem(ctx.db, token_of(ctx), "email", ctx.now))
    return link_refused(ctx, error, N_("Back to my account"), urls::address());
  return render_link_button(ctx, N_("Confirm my new address"),
                            N_("Confirm that your account now uses the address this link was mailed to."),
                            urls::confirm_address(), N_("Confirm my new address"));
}

Response confirm_address(Context& ctx) {
  auto result = accounts::confirm_email_change(ctx.db, *ctx.user, token_of(ctx), ctx.now);
  if (result.error) return link_refused(ctx, result.error, N_("Back to my account"), urls::address());
  return Response::redirect(urls::account() + "?fait=1");
}

}  // namespace fabrique::accounts::pages
