// The home page (what the programme is) and the language switch that keeps the current page.
#include "programme/pages.hpp"

#include "coalitions/store.hpp"
#include "http/app.hpp"
#include "i18n/i18n.hpp"
#include "views/layout.hpp"

namespace fabrique::programme::pages {

using html::Html;
using html::render;
using i18n::N_;

http::Response home(http::Context& ctx) {
  auto counts = ctx.db.query_one(
      "SELECT (SELECT COUNT(*) FROM organisations), (SELECT COUNT(DISTINCT kind_id) FROM organisations), "
      "(SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM coalitions)");
  std::int64_t organisations = counts->integer(0), kinds = counts->integer(1), people = counts->integer(2),
               coalition_count = counts->integer(3);
  // Coalitions grouped by family, with their stage.
  Html families;
  Html items;
  std::string family, family_slug;
  auto flush = [&] {
    if (!items.empty()) families += render(R"(<h3>{}</h3><ul class="cards">{}</ul>)", family, items);
    items = Html();
  };
  // At most a dozen per family here; the full list is one link away.
  constexpr std::int64_t kPerFamily = 12;
  std::map<std::int64_t, std::int64_t> family_counts;
  std::int64_t family_id = 0;
  auto more = [&] {
    std::int64_t n = family_counts[family_id];
    if (n > kPerFamily)
      items += render(R"(<li><a href="/coalitions?famille={}">{}</a></li>)", family_slug,
                      fmt::format(fmt::runtime(ctx.tr(N_("See the {} coalitions of this family"))), n));
  };
  for (const auto& k : coalitions::store::first_of_each_family(ctx.db, kPerFamily, family_counts)) {
    if (k.family_label != family) {
      more();
      flush();
      family = k.family_label;
      family_id = k.family_id;
      family_slug = k.family_slug;
    }
    const auto* st = coalitions::stage(k.stage);
    items += render(R"(<li><a href="/coalitions/{}">{} {} — {}</a> <span class="meta">{}</span></li>)", k.slug,
                    ctx.tr(N_("Coalition")), k.number, k.title, st ? ctx.tr(st->label) : k.stage);
  }
  more();
  flush();
  if (families.empty()) families = render("<p>{}</p>", ctx.tr(N_("No coalition has been opened yet.")));
  Html join;
  if (!ctx.user)
    join = render(R"(<p><a class="button" href="/inscription">{}</a> <a href="/connexion">{}</a></p>)",
                  ctx.tr(N_("Join the programme")), ctx.tr(N_("Sign in")));
  Html body = render(
      R"(<h1>{}</h1>
<p class="lead">{}</p>
<p>{}</p>
{}
<h2>{}</h2>
{}
<h2>{}</h2>
<ul class="figures">
<li><strong>{}</strong> {}</li>
<li><strong>{}</strong> {}</li>
<li><strong>{}</strong> {}</li>
<li><strong>{}</strong> {}</li>
</ul>
<h2>{}</h2>
<ol>
<li>{}</li>
<li>{}</li>
<li>{}</li>
<li>{}</li>
</ol>
<p><a href="/organisations">{}</a></p>)",
      ctx.tr(N_("A programme of coalitions for a digital world that serves people")),
      ctx.tr(N_("Companies, associations, local authorities, administrations and researchers ally around one problem and one sought impact, and land concrete actions together.")),
      ctx.tr(N_("Every month a Reset Day gathers the coalitions. Each coalition writes a living booklet, draws its roadmap on three levers — what is ordered, what is offered, how it is used — and measures its impact.")),
      join, ctx.tr(N_("The coalitions")), families, ctx.tr(N_("The programme in figures")), coalition_count,
      ctx.trn("coalition", "coalitions", coalition_count), organisations,
      ctx.trn("organisation", "organisations", organisations), kinds,
      ctx.trn("kind of actor", "kinds of actor", kinds), people, ctx.trn("member", "members", people),
      ctx.tr(N_("How it works")), ctx.tr(N_("Declare your interest in a coalition and say what you can bring.")),
      ctx.tr(N_("Meet the other actors at the monthly Reset Day.")),
      ctx.tr(N_("Write the coalition's booklet together and agree on its roadmap.")),
      ctx.tr(N_("Land actions, measure their impact and share what you learned.")),
      ctx.tr(N_("See the organisations taking part")));
  return views::page(ctx, ctx.tr(N_("Home")), body);
}

http::Response switch_language(http::Context& ctx) {
  i18n::Lang lang;
  if (!i18n::parse(ctx.param("code"), lang)) return views::not_found(ctx);
  http::Response r = http::Response::redirect(views::safe_return(ctx.query.get("retour")));
  r.set_header("Set-Cookie",
               http::set_cookie(http::App::kLangCookie, i18n::code(lang),
                                {.http_only = true, .secure = ctx.options.secure_cookies,
                                 .max_age_seconds = 365L * 24 * 3600}));
  return r;
}

}  // namespace fabrique::programme::pages
