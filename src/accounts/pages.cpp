// Account pages: each reads the form, calls one use case, then redirects or re-renders with errors.
#include "accounts/pages.hpp"

#include "accounts/by_mail.hpp"
#include "accounts/store.hpp"
#include "accounts/templates/account.hpp"
#include "accounts/templates/sign.hpp"
#include "accounts/urls.hpp"
#include "accounts/use_cases.hpp"
#include "accounts/view_models.hpp"
#include "coalitions/store.hpp"
#include "http/app.hpp"
#include "i18n/i18n.hpp"
#include "notifications/pages.hpp"
#include "organisations/picker.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::accounts::pages {

using html::Html;
using html::render;
using i18n::N_;
using views::Field;

http::CookieOptions session_cookie(const Context& ctx) {
  return {.http_only = true,
          .secure = ctx.options.secure_cookies,
          .max_age_seconds = static_cast<long>(ctx.options.session_days) * 24 * 3600};
}

std::string back_of(const Context& ctx) {
  return views::safe_return(ctx.form.has("retour") ? ctx.form.get("retour") : ctx.query.get("retour"));
}

namespace {

std::vector<views::Option> kind_options(Context& ctx) {
  std::vector<views::Option> out;
  for (const auto& k : taxonomies::terms(ctx.db, taxonomies::kOrganisationKinds)) out.push_back({k.slug, k.label});
  return out;
}

// The sign-in or sign-up page's address, keeping `back` so that the other form comes back there too.
std::string keeping_back(std::string path, const std::string& back) {
  return back == "/" ? path : path + "?retour=" + html::url_encode(back);
}

Response render_sign_up(Context& ctx, const FieldErrors& errors, int status) {
  const std::string back = back_of(ctx);
  return views::page(ctx, status, ctx.tr(N_("Create an account")),
                     render(*ctx.t, templates::SignUp{.typed = ctx.form,
                                                      .kinds = kind_options(ctx),
                                                      .back = back,
                                                      .sign_in = keeping_back(urls::sign_in(), back),
                                                      .errors = errors,
                                                      .csrf = ctx.csrf_token()}));
}

Response render_sign_in(Context& ctx, const FieldErrors& errors, int status) {
  const std::string back = back_of(ctx);
  return views::page(ctx, status, ctx.tr(N_("Sign in")),
                     render(*ctx.t, templates::SignIn{.email = ctx.form.get("email"),
                                                      .back = back,
                                                      .sign_up = keeping_back(urls::sign_up(), back),
                                                      .new_password = ctx.query.get("mot-de-passe") == "1",
                                                      .errors = errors,
                                                      .csrf = ctx.csrf_token()}));
}

AccountPage load_account(Context& ctx, const AccountErrors& errors) {
  AccountPage page;
  page.user = *ctx.user;
  const bool profile_posted = ctx.request.path == urls::profile();
  page.name = profile_posted ? ctx.form.get("name") : page.user.name;
  page.show_name = profile_posted ? ctx.form.get("show_name") == "1" : page.user.show_name;
  page.saved = ctx.query.get("fait") == "1";
  page.organisations = organisations::store::of_user(ctx.db, page.user.id);
  // The shared list of every organisation (organisations::choices), less the person's own.
  std::vector<views::Choice> others;
  for (const auto& o : *organisations::choices(ctx.db)) {
    bool already = false;
    for (const auto& m : page.organisations) already = already || m.slug == o.key;
    if (!already) others.push_back(o);
  }
  const bool join_posted = ctx.request.path == urls::organisations();
  page.join =
      organisations::picker_of(others, "organisation", N_("Organisation to join"),
                               join_posted ? views::picked(ctx.form.all("organisation")) : std::vector<std::string>{},
                               join_posted ? ctx.form.get("organisation_q") : std::string());
  page.coalitions = coalitions::store::coalitions_of_user(ctx.db, page.user.id);
  page.declarations = coalitions::store::declarations_of_user(ctx.db, page.user.id);
  page.profile_errors = errors.profile;
  page.password_errors = errors.password;
  page.join_errors = errors.join;
  page.notifications = notifications::pages::account_section(ctx);
  page.sessions = sessions_section(ctx);
  page.tokens = tokens_section(ctx, errors.token);
  return page;
}

}  // namespace

Response account_page(Context& ctx, const AccountErrors& errors, int status) {
  const AccountPage page = load_account(ctx, errors);
  return views::page(ctx, status, ctx.tr(N_("My account")),
                     render(*ctx.t, templates::Account{.page = page, .csrf = ctx.csrf_token()}));
}

Response sign_in_first(const Context& ctx) {
  return Response::redirect(urls::sign_in() + "?retour=" + html::url_encode(views::current_location(ctx)));
}

Response sign_up_form(Context& ctx) {
  if (ctx.user) return Response::redirect(urls::account());
  return render_sign_up(ctx, {}, 200);
}

Response sign_up(Context& ctx) {
  SignUpInput in{ctx.form.get("name"),
                 ctx.form.get("email"),
                 ctx.form.get("password"),
                 ctx.form.get("password_confirmation"),
                 ctx.form.get("organisation"),
                 ctx.form.get("organisation_kind"),
                 Role::member};
  in.client_address = ctx.request.client_address;
  in.free_per_address = ctx.options.sign_ups_per_address;
  // The same answer whether the address is new or already has an account (whose owner gets a mail).
  // The confirmation link comes back to the page the form was opened from (an invitation, say).
  const std::string back = back_of(ctx);
  auto result = accounts::create_account(ctx.db, std::move(in), ctx.lang(), ctx.now, back == "/" ? "" : back);
  if (result.retry_after > 0) {
    Response r = render_sign_up(ctx, result.errors, 429);
    r.set_header("Retry-After", std::to_string(result.retry_after));
    return r;
  }
  if (!result.errors.empty()) return render_sign_up(ctx, result.errors, 422);
  return Response::redirect(urls::sign_up_sent());
}

Response sign_in_form(Context& ctx) {
  if (ctx.user) return Response::redirect(urls::account());
  return render_sign_in(ctx, {}, 200);
}

Response sign_in(Context& ctx) {
  auto result = accounts::sign_in(ctx.db, ctx.form.get("email"), ctx.form.get("password"), ctx.request.client_address,
                                  ctx.now, std::chrono::days(ctx.options.session_days));
  if (result.retry_after > 0) {
    Response r = render_sign_in(ctx, result.errors, 429);
    r.set_header("Retry-After", std::to_string(result.retry_after));
    return r;
  }
  if (!result.errors.empty()) return render_sign_in(ctx, result.errors, 422);
  ctx.renew_browser_secret();
  Response r = Response::redirect(
      views::safe_return(ctx.form.get("retour")) == "/" ? urls::account() : views::safe_return(ctx.form.get("retour")));
  r.set_header("Set-Cookie", http::set_cookie(http::App::kSessionCookie, result.session_token, session_cookie(ctx)));
  return r;
}

Response signed_out(const Context& ctx, std::string_view location) {
  Response r = Response::redirect(std::string(location));
  r.set_header("Set-Cookie",
               http::set_cookie(http::App::kSessionCookie, "",
                                {.http_only = true, .secure = ctx.options.secure_cookies, .max_age_seconds = 0}));
  return r;
}

Response sign_out(Context& ctx) {
  accounts::sign_out(ctx.db, ctx.session_token);
  return signed_out(ctx, "/");
}

Response account(Context& ctx) { return account_page(ctx, {}, 200); }

Response update_profile(Context& ctx) {
  auto errors =
      accounts::update_profile(ctx.db, *ctx.user, ctx.form.get("name"), ctx.form.get("show_name") == "1", ctx.now);
  if (!errors.empty()) return account_page(ctx, {.profile = errors}, 422);
  return Response::redirect(urls::account() + "?fait=1");
}

Response change_password(Context& ctx) {
  auto errors =
      accounts::change_password(ctx.db, *ctx.user, ctx.session_token, ctx.form.get("current_password"),
                                ctx.form.get("new_password"), ctx.form.get("new_password_confirmation"), ctx.now);
  if (!errors.empty()) return account_page(ctx, {.password = errors}, 422);
  return Response::redirect(urls::account() + "?fait=1");
}

Response join_organisation(Context& ctx) {
  // The picker searched: the page again with the organisations that match, nothing saved.
  if (!ctx.form.get("organisation_q").empty()) return account_page(ctx, {}, 200);
  const auto chosen = views::picked(ctx.form.all("organisation"));
  if (chosen.size() != 1 || !organisations::store::by_slug(ctx.db, chosen.front())) {
    FieldErrors errors;
    errors.add("organisation", chosen.size() > 1 ? N_("Choose one organisation at most.")
                                                 : N_("Choose an organisation from the list."));
    return account_page(ctx, {.join = errors}, 422);
  }
  organisations::join_organisation(ctx.db, *ctx.user, chosen.front(), ctx.now);
  return Response::redirect(urls::account() + "?fait=1");
}

Response leave_organisation(Context& ctx) {
  organisations::leave_organisation(ctx.db, *ctx.user, ctx.param("slug"));
  return Response::redirect(urls::account() + "?fait=1");
}

}  // namespace fabrique::accounts::pages
