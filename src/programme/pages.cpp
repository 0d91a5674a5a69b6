// The home page (what the programme is) and the language switch that keeps the current page.
#include "programme/pages.hpp"

#include "coalitions/store.hpp"
#include "http/app.hpp"
#include "i18n/i18n.hpp"
#include "journal/pages.hpp"
#include "opendata/pages.hpp"
#include "programme/store.hpp"
#include "programme/templates/home.hpp"
#include "programme/templates/registers.hpp"
#include "programme/view_models.hpp"
#include "views/layout.hpp"

namespace fabrique::programme::pages {

using i18n::N_;

namespace {

// At most a dozen coalitions per family on the home page; the full list is one link away.
constexpr std::int64_t kPerFamily = 12;

// Everything the home page shows: the programme's figures and the first coalitions of each family.
HomePage load_home(http::Context& ctx) {
  HomePage page;
  page.per_family = kPerFamily;
  page.figures = store::figures(ctx.db);
  std::map<std::int64_t, std::int64_t> family_counts;
  for (auto& k : coalitions::store::first_of_each_family(ctx.db, kPerFamily, family_counts)) {
    if (page.families.empty() || page.families.back().label != k.family_label)
      page.families.push_back({k.family_label, k.family_slug, {}, family_counts[k.family_id]});
    page.families.back().coalitions.push_back(std::move(k));
  }
  page.signed_in = ctx.user.has_value();
  return page;
}

}  // namespace

http::Response home(http::Context& ctx) {
  HomePage page = load_home(ctx);
  ctx.feeds.push_back({ctx.tr(N_("News (Atom feed)")), opendata::pages::programme_feed()});
  html::Html main = html::render(*ctx.t, templates::Home{.page = page});
  main += journal::pages::latest(ctx, {});
  return views::page(ctx, ctx.tr(N_("Home")), main);
}

http::Response registers(http::Context& ctx) {
  const auto figures = store::register_figures(ctx.db);
  return views::page(ctx, ctx.tr(N_("Public registers")),
                     html::render(*ctx.t, templates::Registers{.figures = figures}));
}

http::Response switch_language(http::Context& ctx) {
  i18n::Lang lang;
  if (!i18n::parse(ctx.param("code"), lang)) return views::not_found(ctx);
  http::Response r = http::Response::redirect(views::safe_return(ctx.query.get("retour")));
  r.set_header(
      "Set-Cookie",
      http::set_cookie(http::App::kLangCookie, i18n::code(lang),
                       {.http_only = true, .secure = ctx.options.secure_cookies, .max_age_seconds = 365L * 24 * 3600}));
  return r;
}

}  // namespace fabrique::programme::pages
