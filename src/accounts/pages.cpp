// Account pages: each reads the form, calls one use case, then redirects or re-renders with errors.
#include "accounts/pages.hpp"

#include "accounts/by_mail.hpp"
#include "accounts/store.hpp"
#include "coalitions/store.hpp"
#include "accounts/use_cases.hpp"
#include "http/app.hpp"
#include "notifications/pages.hpp"
#include "i18n/i18n.hpp"
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

namespace {

std::vector<views::Option> kind_options(Context& ctx) {
  std::vector<views::Option> out;
  for (const auto& k : taxonomies::terms(ctx.db, taxonomies::kOrganisationKinds)) out.push_back({k.slug, k.label});
  return out;
}

Response render_sign_up(Context& ctx, const FieldErrors& errors, int status) {
  const auto& f = ctx.form;
  Html body = render(
      R"(<h1>{}</h1>
<p>{}</p>
{}
<form method="post" action="/inscription" novalidate>
{}{}{}{}{}
<fieldset><legend>{}</legend>
{}{}
</fieldset>
<button type="submit">{}</button>
</form>
<p>{} <a href="/connexion">{}</a></p>)",
      ctx.tr(N_("Create an account")),
      ctx.tr(N_("An account lets you declare your interest in coalitions, register to events and contribute.")),
      views::error_summary(ctx, errors), views::csrf_field(ctx),
      views::input(ctx, {"name", ctx.tr(N_("Your name")), f.get("name"), "text", "name", "", true, 120}, errors),
      views::input(ctx, {"email", ctx.tr(N_("E-mail address")), f.get("email"), "email", "email", "", true, 254},
                   errors),
      views::input(ctx,
                   {"password", ctx.tr(N_("Password")), "", "password", "new-password",
                    ctx.tr(N_("At least 10 characters.")), true, 1024},
                   errors),
      views::input(ctx,
                   {"password_confirmation", ctx.tr(N_("Password again")), "", "password", "new-password", "", true,
                    1024},
                   errors),
      ctx.tr(N_("Your organisation")),
      views::input(ctx,
                   {"organisation", ctx.tr(N_("Organisation name")), f.get("organisation"), "text", "organization",
                    ctx.tr(N_("If it is already on the site, type its name as listed; otherwise it is added.")),
                    false, 160},
                   errors),
      views::select(ctx,
                    {"organisation_kind", ctx.tr(N_("Kind of organisation")), f.get("organisation_kind"), "", "",
                     ctx.tr(N_("Needed only when the organisation is new.")), false, 0},
                    kind_options(ctx), errors, ctx.tr(N_("Choose…"))),
      ctx.tr(N_("Create my account")), ctx.tr(N_("Already have an account?")), ctx.tr(N_("Sign in")));
  return views::page(ctx, status, ctx.tr(N_("Create an account")), body);
}

Response render_sign_in(Context& ctx, const FieldErrors& errors, int status) {
  std::string back = views::safe_return(ctx.form.has("retour") ? ctx.form.get("retour") : ctx.query.get("retour"));
  Html body = render(
      R"(<h1>{}</h1>
{}
<form method="post" action="/connexion" novalidate>
{}<input type="hidden" name="retour" value="{}">
{}{}
<button type="submit">{}</button>
</form>
<p>{} <a href="/inscription">{}</a></p>)",
      ctx.tr(N_("Sign in")), views::error_summary(ctx, errors), views::csrf_field(ctx), back,
      views::input(ctx, {"email", ctx.tr(N_("E-mail address")), ctx.form.get("email"), "email", "email", "", true, 254},
                   errors),
      views::input(ctx, {"password", ctx.tr(N_("Password")), "", "password", "current-password", "", true, 1024},
                   errors),
      ctx.tr(N_("Sign in")), ctx.tr(N_("No account yet?")), ctx.tr(N_("Create an account")));
  body += render(R"(<p><a href="/mot-de-passe-oublie">{}</a></p>)", ctx.tr(N_("Forgotten password?")));
  if (ctx.query.get("mot-de-passe") == "1")
    body = render(R"(<p class="notice" role="status">{}</p>{})",
                  ctx.tr(N_("Your new password is saved and every session was signed out. Sign in with it.")), body);
  return views::page(ctx, status, ctx.tr(N_("Sign in")), body);
}

Response render_account(Context& ctx, const FieldErrors& profile_errors, const FieldErrors& password_errors,
                        const FieldErrors& join_errors, int status) {
  const User& u = *ctx.user;
  bool profile_posted = ctx.request.path == "/compte/profil";
  std::string name = profile_posted ? ctx.form.get("name") : u.name;
  bool show = profile_posted ? ctx.form.get("show_name") == "1" : u.show_name;

  auto mine = organisations::store::of_user(ctx.db, u.id);
  Html my_orgs;
  for (const auto& o : mine) {
    my_orgs += render(
        R"(<li><a href="/organisations/{}">{}</a> ({}) <form method="post" action="/compte/organisations/{}/quitter" class="inline">{}<button type="submit" class="link">{}<span class="visually-hidden"> {}</span></button></form></li>)",
        o.slug, o.name, o.kind_label, o.slug, views::csrf_field(ctx), ctx.tr(N_("Leave")), o.name);
  }
  if (mine.empty()) my_orgs = render("<li>{}</li>", ctx.tr(N_("You have not said which organisation you belong to.")));

  std::vector<views::Option> others;
  for (const auto& o : organisations::store::list(ctx.db, std::nullopt)) {
    bool already = false;
    for (const auto& m : mine) already = already || m.id == o.id;
    if (!already) others.push_back({o.slug, o.name});
  }

  // The person's coalitions and declarations.
  Html engagements;
  for (const auto& [k, role] : coalitions::store::coalitions_of_user(ctx.db, u.id))
    engagements += render(R"(<li><a href="/coalitions/{}">{} {} — {}</a> <span class="meta">{}</span></li>)", k.slug,
                          ctx.tr(N_("Coalition")), k.number, k.title,
                          role == coalitions::Role::co_porteur ? ctx.tr(N_("Co-porteur")) : ctx.tr(N_("Member")));
  Html declared;
  for (const auto& d : coalitions::store::declarations_of_user(ctx.db, u.id))
    declared += render(R"(<li><a href="/coalitions/{}#interet">{} {} — {}</a>{}</li>)", d.coalition_slug,
                       ctx.tr(N_("Coalition")), d.coalition_number, d.coalition_title,
                       d.message.empty() ? Html() : render(R"( <span class="meta">« {} »</span>)", d.message));
  Html coalitions_section = render(
      R"(<section aria-labelledby="coalitions"><h2 id="coalitions">{}</h2>{}<h3>{}</h3>{}<p><a href="/coalitions">{}</a></p></section>)",
      ctx.tr(N_("My coalitions")),
      engagements.empty() ? render("<p>{}</p>", ctx.tr(N_("You are not a member of any coalition yet.")))
                          : render(R"(<ul class="cards">{}</ul>)", engagements),
      ctx.tr(N_("My interest declarations")),
      declared.empty() ? render("<p>{}</p>", ctx.tr(N_("You have not declared an interest yet.")))
                       : render(R"(<ul class="cards">{}</ul>)", declared),
      ctx.tr(N_("See every coalition")));

  Html body = render(
      R"(<h1>{}</h1>
<p>{} <strong>{}</strong>{}</p>
{}{}
<section aria-labelledby="profil"><h2 id="profil">{}</h2>
{}
<form method="post" action="/compte/profil" novalidate>{}{}{}<button type="submit">{}</button></form>
</section>
<section aria-labelledby="orgs"><h2 id="orgs">{}</h2>
<ul>{}</ul>
{}
<form method="post" action="/compte/organisations" novalidate>{}{}<button type="submit">{}</button></form>
<p><a href="/organisations/nouvelle">{}</a></p>
</section>
<section aria-labelledby="motdepasse"><h2 id="motdepasse">{}</h2>
{}
<form method="post" action="/compte/mot-de-passe" novalidate>{}{}{}{}<button type="submit">{}</button></form>
</section>)",
      ctx.tr(N_("My account")), ctx.tr(N_("Signed in as")), u.email,
      u.is_animateur() ? render(" — {}", ctx.tr(N_("animateur"))) : Html(),
      notifications::pages::account_section(ctx), coalitions_section, ctx.tr(N_("Profile")),
      views::error_summary(ctx, profile_errors), views::csrf_field(ctx),
      views::input(ctx, {"name", ctx.tr(N_("Your name")), name, "text", "name", "", true, 120}, profile_errors),
      views::checkbox(ctx, "show_name", ctx.tr(N_("Show my name publicly")), show,
                      ctx.tr(N_("Otherwise the public sees only your organisation."))),
      ctx.tr(N_("Save my profile")), ctx.tr(N_("My organisations")), my_orgs, views::error_summary(ctx, join_errors),
      views::csrf_field(ctx),
      views::select(ctx, {"organisation", ctx.tr(N_("Organisation to join")), "", "", "", "", true, 0}, others,
                    join_errors, ctx.tr(N_("Choose…"))),
      ctx.tr(N_("Join")), ctx.tr(N_("My organisation is not listed: add it")), ctx.tr(N_("Password")),
      views::error_summary(ctx, password_errors), views::csrf_field(ctx),
      views::input(ctx,
                   {"current_password", ctx.tr(N_("Current password")), "", "password", "current-password", "", true,
                    1024},
                   password_errors),
      views::input(ctx,
                   {"new_password", ctx.tr(N_("New password")), "", "password", "new-password",
                    ctx.tr(N_("At least 10 characters.")), true, 1024},
                   password_errors),
      views::input(ctx,
                   {"new_password_confirmation", ctx.tr(N_("New password again")), "", "password", "new-password", "",
                    true, 1024},
                   password_errors),
      ctx.tr(N_("Change my password")));
  body += sessions_section(ctx);
  body += account_links(ctx);
  if (ctx.query.get("fait") == "1")
    body = render(R"(<p class="notice" role="status">{}</p>{})", ctx.tr(N_("Saved.")), body);
  return views::page(ctx, status, ctx.tr(N_("My account")), body);
}

}  // namespace

Response sign_in_first(const Context& ctx) {
  return Response::redirect("/connexion?retour=" + html::url_encode(views::current_location(ctx)));
}

Response sign_up_form(Context& ctx) {
  if (ctx.user) return Response::redirect("/compte");
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
  auto result = accounts::create_account(ctx.db, std::move(in), ctx.lang(), ctx.now);
  if (result.retry_after > 0) {
    Response r = render_sign_up(ctx, result.errors, 429);
    r.set_header("Retry-After", std::to_string(result.retry_after));
    return r;
  }
  if (!result.errors.empty()) return render_sign_up(ctx, result.errors, 422);
  return Response::redirect("/inscription/envoyee");
}

Response sign_in_form(Context& ctx) {
  if (ctx.user) return Response::redirect("/compte");
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
  Response r = Response::redirect(views::safe_return(ctx.form.get("retour")) == "/"
                                      ? std::string("/compte")
                                      : views::safe_return(ctx.form.get("retour")));
  r.set_header("Set-Cookie", http::set_cookie(http::App::kSessionCookie, result.session_token, session_cookie(ctx)));
  return r;
}

Response signed_out(const Context& ctx, std::string_view location) {
  Response r = Response::redirect(std::string(location));
  r.set_header("Set-Cookie", http::set_cookie(http::App::kSessionCookie, "",
                                              {.http_only = true, .secure = ctx.options.secure_cookies,
                                               .max_age_seconds = 0}));
  return r;
}

Response sign_out(Context& ctx) {
  accounts::sign_out(ctx.db, ctx.session_token);
  return signed_out(ctx, "/");
}

Response account(Context& ctx) {
  if (!ctx.user) return sign_in_first(ctx);
  return render_account(ctx, {}, {}, {}, 200);
}

Response update_profile(Context& ctx) {
  if (!ctx.user) return sign_in_first(ctx);
  auto errors = accounts::update_profile(ctx.db, *ctx.user, ctx.form.get("name"), ctx.form.get("show_name") == "1",
                                         ctx.now);
  if (!errors.empty()) return render_account(ctx, errors, {}, {}, 422);
  return Response::redirect("/compte?fait=1");
}

Response change_password(Context& ctx) {
  if (!ctx.user) return sign_in_first(ctx);
  auto errors = accounts::change_password(ctx.db, *ctx.user, ctx.session_token, ctx.form.get("current_password"),
                                          ctx.form.get("new_password"), ctx.form.get("new_password_confirmation"),
                                          ctx.now);
  if (!errors.empty()) return render_account(ctx, {}, errors, {}, 422);
  return Response::redirect("/compte?fait=1");
}

Response join_organisation(Context& ctx) {
  if (!ctx.user) return sign_in_first(ctx);
  std::string slug = ctx.form.get("organisation");
  if (slug.empty() || !organisations::store::by_slug(ctx.db, slug)) {
    FieldErrors errors;
    errors.add("organisation", N_("Choose an organisation from the list."));
    return render_account(ctx, {}, {}, errors, 422);
  }
  organisations::join_organisation(ctx.db, *ctx.user, slug, ctx.now);
  return Response::redirect("/compte?fait=1");
}

Response leave_organisation(Context& ctx) {
  if (!ctx.user) return sign_in_first(ctx);
  organisations::leave_organisation(ctx.db, *ctx.user, ctx.param("slug"));
  return Response::redirect("/compte?fait=1");
}

}  // namespace fabrique::accounts::pages
