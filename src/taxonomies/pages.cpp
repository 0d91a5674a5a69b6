// Editing a list: read the form, call one use case, redirect or re-render with errors.
#include "taxonomies/pages.hpp"

#include "accounts/pages.hpp"
#include "i18n/i18n.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::taxonomies::pages {

using html::Html;
using html::render;
using i18n::N_;

namespace {

http::Response render_page(http::Context& ctx, const Taxonomy& t, const FieldErrors& add_errors,
                           std::string_view failed_slug, const FieldErrors& rename_errors, int status) {
  Html rows;
  for (const auto& term : terms(ctx.db, t)) {
    bool failed = term.slug == failed_slug;
    // Each row's field is named after its entry, so that every label on the page is unique.
    views::Field f{"label-" + term.slug, ctx.tr(N_("Label")), failed ? ctx.form.get("label-" + term.slug) : term.label,
                   "text", "", "", true, kMaxLabel};
    FieldErrors shown;
    if (failed && !rename_errors.empty()) shown.add(f.name, rename_errors.items().front().second);
    rows += render(
        R"(<li><form method="post" action="{}/{}" class="row">{}{}<button type="submit">{}<span class="visually-hidden"> {}</span></button></form></li>)",
        t.path, term.slug, views::csrf_field(ctx), views::input(ctx, f, shown), ctx.tr(N_("Rename")), term.label);
  }
  Html body = render(
      R"(<h1>{}</h1><p>{}</p><ul class="plain">{}</ul><h2>{}</h2>{}<form method="post" action="{}" novalidate>{}{}<button type="submit">{}</button></form>)",
      ctx.tr(t.title), ctx.tr(t.intro), rows, ctx.tr(N_("Add an entry")), views::error_summary(ctx, add_errors), t.path,
      views::csrf_field(ctx),
      views::input(ctx,
                   {"label", ctx.tr(N_("Label")), failed_slug.empty() ? ctx.form.get("label") : "", "text", "", "",
                    true, kMaxLabel},
                   add_errors),
      ctx.tr(N_("Add")));
  return views::page(ctx, status, ctx.tr(t.title), body);
}

}  // namespace

http::Response edit(http::Context& ctx, const Taxonomy& t) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  if (!ctx.user->is_animateur()) return views::forbidden(ctx, N_("Only animateurs can change this list."));
  return render_page(ctx, t, {}, "", {}, 200);
}

http::Response add(http::Context& ctx, const Taxonomy& t) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto errors = add_term(ctx.db, *ctx.user, t, ctx.form.get("label"));
  if (!errors.empty()) return render_page(ctx, t, errors, "", {}, 422);
  return http::Response::redirect(t.path);
}

http::Response rename(http::Context& ctx, const Taxonomy& t) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  const auto& slug = ctx.param("slug");
  auto errors = rename_term(ctx.db, *ctx.user, t, slug, ctx.form.get("label-" + slug));
  if (!errors.empty()) return render_page(ctx, t, {}, slug, errors, 422);
  return http::Response::redirect(t.path);
}

}  // namespace fabrique::taxonomies::pages
