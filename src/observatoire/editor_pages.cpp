// The page where animateurs choose the observatory editors.
#include "i18n/i18n.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/store.hpp"
#include "observatoire/templates/editors.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/view_models.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

// The editors, and a refused grant shown again with what was typed.
EditorsPage load_editors(Context& ctx, const FieldErrors& errors) {
  EditorsPage page;
  page.editors = store::editors(ctx.db);
  page.errors = errors;
  if (!errors.empty()) page.email = ctx.form.get("email");
  return page;
}

Response render_editors(Context& ctx, const FieldErrors& errors, int status) {
  EditorsPage page = load_editors(ctx, errors);
  return fv::page(ctx, status, ctx.tr(N_("Observatory editors")),
                  html::render(*ctx.t, templates::Editors{.page = page, .csrf = ctx.csrf_token()}));
}

}  // namespace

Response editors(Context& ctx) {
  if (!ctx.user->is_animateur()) return fv::forbidden(ctx, N_("Only animateurs can choose the observatory editors."));
  return render_editors(ctx, {}, 200);
}

Response grant_editor(Context& ctx) {
  auto errors = observatoire::grant_editor(ctx.db, *ctx.user, ctx.form.get("email"), ctx.now);
  if (!errors.empty()) return render_editors(ctx, errors, 422);
  return Response::redirect(urls::editors());
}

Response revoke_editor(Context& ctx) {
  observatoire::revoke_editor(ctx.db, *ctx.user, ctx.param_int("user"));
  return Response::redirect(urls::editors());
}

}  // namespace fabrique::observatoire::pages
