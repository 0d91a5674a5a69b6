// The access tokens' section of /compte, making a token (answered by the page that shows it, once)
// and revoking one.
#include <fmt/format.h>

#include "accounts/pages.hpp"
#include "accounts/store.hpp"
#include "accounts/templates/tokens.hpp"
#include "accounts/urls.hpp"
#include "accounts/use_cases.hpp"
#include "accounts/view_models.hpp"
#include "views/layout.hpp"

namespace fabrique::accounts::pages {

using i18n::N_;

namespace {

std::vector<views::Option> lifetime_options(const Context& ctx) {
  std::vector<views::Option> out;
  for (int days : kTokenLifetimes)
    out.push_back({std::to_string(days), days == 365
                                             ? ctx.tr(N_("a year"))
                                             : fmt::format(fmt::runtime(ctx.trn("{} day", "{} days", days)), days)});
  return out;
}

}  // namespace

html::Html tokens_section(Context& ctx, const FieldErrors& errors) {
  // The form as typed when it was refused, else a read-only token for 90 days.
  const bool posted = ctx.request.path == urls::tokens();
  TokensSection page{.tokens = store::access_tokens_of(ctx.db, ctx.user->id),
                     .now = ctx.now,
                     .name = posted ? ctx.form.get("token_name") : std::string(),
                     .read = posted ? ctx.form.get("token_read") == "1" : true,
                     .write = posted && ctx.form.get("token_write") == "1",
                     .lifetime = posted ? ctx.form.get("token_lifetime") : "90",
                     .lifetimes = lifetime_options(ctx),
                     .errors = errors};
  return html::render(*ctx.t, templates::Tokens{.page = page, .csrf = ctx.csrf_token()});
}

Response create_token(Context& ctx) {
  auto result = create_access_token(ctx.db, *ctx.user,
                                    {.name = ctx.form.get("token_name"),
                                     .read = ctx.form.get("token_read") == "1",
                                     .write = ctx.form.get("token_write") == "1",
                                     .lifetime = ctx.form.get("token_lifetime")},
                                    ctx.now);
  if (!result.errors.empty()) return account_page(ctx, {.token = result.errors}, 422);
  // Shown once, on this answer to the POST: never stored, so never cached or shown again.
  const std::string example =
      "curl -H 'Authorization: Bearer " + result.token + "' " + ctx.base_url + urls::data_file();
  Response r = views::page(
      ctx, ctx.tr(N_("Your new access token")),
      html::render(*ctx.t,
                   templates::NewToken{.page = {.made = result.made, .token = result.token, .example = example}}));
  std::erase_if(r.headers, [](const auto& h) { return h.first == "Cache-Control"; });
  r.set_header("Cache-Control", "no-store, private");
  return r;
}

Response revoke_token(Context& ctx) {
  revoke_access_token(ctx.db, *ctx.user, ctx.param_int("id"));
  return Response::redirect(urls::account() + "#jetons");
}

}  // namespace fabrique::accounts::pages
