// The shared page shell and the error pages.
#include "views/layout.hpp"

#include "http/static_assets.hpp"
#include "i18n/i18n.hpp"
#include "views/forms.hpp"

namespace fabrique::views {

using html::render;
using i18n::N_;

namespace {

Html nav_link(const Context& ctx, std::string_view href, const char* label) {
  bool current = ctx.request.path == href || (href != "/" && ctx.request.path.starts_with(std::string(href) + "/"));
  if (current) return render(R"(<li><a href="{}" aria-current="page">{}</a></li>)", href, ctx.tr(label));
  return render(R"(<li><a href="{}">{}</a></li>)", href, ctx.tr(label));
}

Html account_nav(Context& ctx) {
  if (ctx.user) {
    return render(
        R"(<ul><li><a href="/compte">{}</a></li><li><form method="post" action="/deconnexion">{}<button type="submit" class="link">{}</button></form></li></ul>)",
        ctx.tr(N_("My account")), csrf_field(ctx), ctx.tr(N_("Sign out")));
  }
  return render(R"(<ul><li><a href="/connexion">{}</a></li><li><a href="/inscription">{}</a></li></ul>)",
                ctx.tr(N_("Sign in")), ctx.tr(N_("Sign up")));
}

Html language_switch(const Context& ctx) {
  std::string back = html::url_encode(current_location(ctx));
  if (ctx.lang() == i18n::Lang::fr)
    return render(R"(<a href="/langue/en?retour={}" hreflang="en" lang="en">English</a>)", back);
  return render(R"(<a href="/langue/fr?retour={}" hreflang="fr" lang="fr">Français</a>)", back);
}

}  // namespace

Html csrf_field(Context& ctx) {
  return render(R"(<input type="hidden" name="csrf" value="{}">)", ctx.csrf_token());
}

std::string current_location(const Context& ctx) {
  return ctx.request.query.empty() ? ctx.request.path : ctx.request.path + "?" + ctx.request.query;
}

std::string safe_return(std::string_view target) {
  // Only a local absolute path: "//host" and "/\host" would leave the site.
  if (target.empty() || target[0] != '/' || target.starts_with("//") || target.starts_with("/\\")) return "/";
  for (char c : target)
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  return std::string(target);
}

Response page(Context& ctx, int status, std::string_view title, const Html& main) {
  Html doc = render(
      R"(<!doctype html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} · fabrique</title>
<link rel="stylesheet" href="{}">
<link rel="icon" href="{}" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#contenu">{}</a>
<header class="site">
<p class="brand"><a href="/">fabrique</a></p>
<nav aria-label="{}"><ul>{}{}{}{}{}{}{}</ul></nav>
<form method="get" action="/recherche" role="search" class="site-search"><label for="recherche-site" class="visually-hidden">{}</label><input type="search" id="recherche-site" name="q" maxlength="200"><button type="submit">{}</button></form>
<nav aria-label="{}" class="account">{}</nav>
<p class="lang">{}</p>
</header>
<main id="contenu" tabindex="-1">
{}
</main>
<footer class="site">
<p>{}</p>
</footer>
</body>
</html>
)",
      i18n::code(ctx.lang()), title, ctx.assets.url("style.css"), ctx.assets.url("icon.svg"),
      ctx.tr(N_("Skip to content")), ctx.tr(N_("Main menu")), nav_link(ctx, "/", N_("Home")),
      nav_link(ctx, "/coalitions", N_("Coalitions")), nav_link(ctx, "/evenements", N_("Events")),
      nav_link(ctx, "/organisations", N_("Organisations")), nav_link(ctx, "/tableau-de-bord", N_("Dashboard")),
      nav_link(ctx, "/ressources", N_("Commons")), nav_link(ctx, "/observatoire", N_("Observatory")),
      ctx.tr(N_("Search the site")), ctx.tr(N_("Search")), ctx.tr(N_("Account")), account_nav(ctx),
      language_switch(ctx), main,
      ctx.tr(N_("fabrique, the open home of a programme of coalitions. Contents under CC BY 4.0 unless stated otherwise.")));
  Response r;
  r.status = status;
  r.body = std::move(doc).release();
  r.set_header("Cache-Control", "no-cache, private");
  return r;
}

Response not_found(Context& ctx) {
  return page(ctx, 404, ctx.tr(N_("Page not found")),
              render(R"(<h1>{}</h1><p>{}</p><p><a href="/">{}</a></p>)", ctx.tr(N_("Page not found")),
                     ctx.tr(N_("This address does not match any page. It may have moved, or contain a typo.")),
                     ctx.tr(N_("Back to the home page"))));
}

Response forbidden(Context& ctx, const char* reason) {
  Html sign_in;
  if (!ctx.user)
    sign_in = render(R"(<p><a href="/connexion?retour={}">{}</a></p>)", html::url_encode(current_location(ctx)),
                     ctx.tr(N_("Sign in")));
  return page(ctx, 403, ctx.tr(N_("Not allowed")),
              render(R"(<h1>{}</h1><p>{}</p>{})", ctx.tr(N_("Not allowed")), ctx.tr(reason), sign_in));
}

Response bad_request(Context& ctx, const char* reason) {
  return page(ctx, 400, ctx.tr(N_("Request not understood")),
              render(R"(<h1>{}</h1><p>{}</p>)", ctx.tr(N_("Request not understood")), ctx.tr(reason)));
}

Response unavailable(Context& ctx) {
  Response r = page(ctx, 503, ctx.tr(N_("Try again in a moment")),
                    render(R"(<h1>{}</h1><p>{}</p><p>{}</p>)", ctx.tr(N_("Try again in a moment")),
                           ctx.tr(N_("The site cannot save or read this right now: its database is busy or full. "
                                     "Nothing was changed.")),
                           ctx.tr(N_("If you were sending a form, go back: what you typed is still there. "
                                     "Send it again in a few seconds."))));
  r.set_header("Retry-After", Response::kRetryAfterSeconds);
  return r;
}

}  // namespace fabrique::views
