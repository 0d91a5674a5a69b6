// The account's sessions (a section of /compte, and ending one), and deleting the account.
#include "accounts/by_mail.hpp"
#include "accounts/crypto.hpp"
#include "accounts/pages.hpp"
#include "accounts/templates/delete.hpp"
#include "accounts/templates/sessions.hpp"
#include "accounts/urls.hpp"
#include "views/layout.hpp"

namespace fabrique::accounts::pages {

using i18n::N_;

html::Html sessions_section(Context& ctx) {
  const std::string current = token_hash(ctx.session_token).substr(0, store::kSessionHandleLength);
  return html::render(*ctx.t, templates::Sessions{.sessions = store::sessions_of(ctx.db, ctx.user->id, ctx.now),
                                                  .current = current,
                                                  .csrf = ctx.csrf_token()});
}

Response end_session(Context& ctx) {
  accounts::end_session(ctx.db, *ctx.user, std::string(ctx.param("handle")));
  // Ending this browser's own session signs it out; the account page then asks to sign in.
  return Response::redirect(urls::account() + "#sessions");
}

namespace {
Response render_delete(Context& ctx, const FieldErrors& errors, int status) {
  return views::page(ctx, status, ctx.tr(N_("Delete my account")),
                     html::render(*ctx.t, templates::DeleteAccount{.errors = errors, .csrf = ctx.csrf_token()}));
}
}  // namespace

Response delete_account_form(Context& ctx) { return render_delete(ctx, {}, 200); }

Response delete_account(Context& ctx) {
  auto errors = accounts::delete_account(ctx.db, *ctx.user, ctx.form.get("password"), ctx.now);
  if (!errors.empty()) return render_delete(ctx, errors, 422);
  return signed_out(ctx, urls::account_deleted());
}

Response account_deleted(Context& ctx) {
  return views::page(ctx, ctx.tr(N_("Your account is deleted")), html::render(*ctx.t, templates::AccountDeleted{}));
}

}  // namespace fabrique::accounts::pages
