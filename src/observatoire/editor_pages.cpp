// The page where animateurs choose the observatory editors.
#include "i18n/i18n.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

Response render_editors(Context& ctx, const FieldErrors& errors, int status) {
  Html rows;
  for (const auto& e : store::editors(ctx.db))
    rows += render(
        R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td><form method="post" action="/observatoire/editeurs/{}/retirer">{}<button type="submit" class="link">{}<span class="visually-hidden"> {}</span></button></form></td></tr>)",
        e.name, e.email, ctx.t->date(e.granted_at), e.user_id, fv::csrf_field(ctx), ctx.tr(N_("Remove the role")),
        e.name);
  std::string title = ctx.tr(N_("Observatory editors"));
  Html body = render(
      R"(<p class="meta"><a href="/observatoire">{}</a></p><h1>{}</h1><p>{}</p>{}
<h2>{}</h2>{}<form method="post" action="/observatoire/editeurs" class="row" novalidate>{}{}<button type="submit">{}</button></form>)",
      ctx.tr(N_("Observatory of public algorithms")), title,
      ctx.tr(N_("Editors publish and edit entries, record the evidence of the score, and moderate contributions. Animateurs can always do so.")),
      rows.empty() ? render("<p>{}</p>", ctx.tr(N_("No editor yet.")))
                   : render(R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col"><span class="visually-hidden">{}</span></th></tr></thead><tbody>{}</tbody></table></div>)",
                            title, ctx.tr(N_("Person")), ctx.tr(N_("E-mail address")), ctx.tr(N_("Since")),
                            ctx.tr(N_("Actions")), rows),
      ctx.tr(N_("Give the role")), fv::error_summary(ctx, errors), fv::csrf_field(ctx),
      fv::input(ctx,
                {"email", ctx.tr(N_("E-mail address of the person")), status == 422 ? ctx.form.get("email") : "",
                 "email", "off", ctx.tr(N_("The person must already have an account.")), true, 254},
                errors),
      ctx.tr(N_("Make editor")));
  return fv::page(ctx, status, title, body);
}

}  // namespace

Response editors(Context& ctx) {
  if (!ctx.user->is_animateur()) return fv::forbidden(ctx, N_("Only animateurs can choose the observatory editors."));
  return render_editors(ctx, {}, 200);
}

Response grant_editor(Context& ctx) {
  auto errors = observatoire::grant_editor(ctx.db, *ctx.user, ctx.form.get("email"), ctx.now);
  if (!errors.empty()) return render_editors(ctx, errors, 422);
  return Response::redirect("/observatoire/editeurs");
}

Response revoke_editor(Context& ctx) {
  observatoire::revoke_editor(ctx.db, *ctx.user, ctx.param_int("user"));
  return Response::redirect("/observatoire/editeurs");
}

}  // namespace fabrique::observatoire::pages
