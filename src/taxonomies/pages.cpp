// Editing a list: read the form, call one use case, redirect or re-render with errors.
#include "taxonomies/pages.hpp"

#include "i18n/i18n.hpp"
#include "taxonomies/templates/edit.hpp"
#include "taxonomies/urls.hpp"
#include "taxonomies/view_models.hpp"
#include "views/layout.hpp"
#include "views/saved.hpp"

namespace fabrique::taxonomies::pages {

using i18n::N_;

namespace {

// The list's entries, each with its rename form (`failed_slug`'s as typed, with `rename_errors`),
// and the add form (as typed, with `add_errors`).
EditPage load_edit(http::Context& ctx, const Taxonomy& t, const FieldErrors& add_errors, std::string_view failed_slug,
                   const FieldErrors& rename_errors) {
  EditPage page{.taxonomy = &t, .add_errors = add_errors};
  for (auto& term : terms(ctx.db, t)) {
    EditPage::Row row;
    if (term.slug == failed_slug) {
      row.label = ctx.form.get("label-" + term.slug);
      if (!rename_errors.empty()) row.errors.add("label-" + term.slug, rename_errors.items().front().second);
    } else {
      row.label = term.label;
    }
    row.term = std::move(term);
    page.rows.push_back(std::move(row));
  }
  if (failed_slug.empty()) page.label = ctx.form.get("label");
  return page;
}

http::Response render_page(http::Context& ctx, const Taxonomy& t, const FieldErrors& add_errors,
                           std::string_view failed_slug, const FieldErrors& rename_errors, int status) {
  EditPage page = load_edit(ctx, t, add_errors, failed_slug, rename_errors);
  return views::page(ctx, status, ctx.tr(t.title),
                     html::render(*ctx.t, templates::Edit{.page = page, .csrf = ctx.csrf_token()}));
}

}  // namespace

http::Response edit(http::Context& ctx, const Taxonomy& t) {
  if (!ctx.user->is_animateur()) return views::forbidden(ctx, N_("Only animateurs can change this list."));
  return render_page(ctx, t, {}, "", {}, 200);
}

http::Response add(http::Context& ctx, const Taxonomy& t) {
  auto errors = add_term(ctx.db, *ctx.user, t, ctx.form.get("label"));
  if (!errors.empty()) return render_page(ctx, t, errors, "", {}, 422);
  return views::redirect_saved(urls::edit(t), views::Saved::list);
}

http::Response rename(http::Context& ctx, const Taxonomy& t) {
  const auto& slug = ctx.param("slug");
  auto errors = rename_term(ctx.db, *ctx.user, t, slug, ctx.form.get("label-" + slug));
  if (!errors.empty()) return render_page(ctx, t, {}, slug, errors, 422);
  return views::redirect_saved(urls::edit(t), views::Saved::list);
}

}  // namespace fabrique::taxonomies::pages
