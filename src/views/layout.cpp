// The shared page shell and the error pages.
#include "views/layout.hpp"

#include "accounts/urls.hpp"
#include "http/static_assets.hpp"
#include "i18n/i18n.hpp"
#include "programme/urls.hpp"
#include "views/forms.hpp"
#include "views/saved.hpp"
#include "views/templates/layout.hpp"

namespace fabrique::views {

using html::render;
using i18n::N_;

Html csrf_field(Context& ctx) { return render(R"(<input type="hidden" name="csrf" value="{}">)", ctx.csrf_token()); }

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
  if (status >= 400 && ctx.refusal.empty()) ctx.refusal = title;
  // Only a signed-in person has a sign-out form; asking for the token makes the page personal.
  Html doc = html::render(*ctx.t, templates::Shell{.lang = i18n::code(ctx.lang()),
                                                   .title = title,
                                                   .stylesheet = ctx.assets.url("style.css"),
                                                   .icon = ctx.assets.url("icon.svg"),
                                                   .feeds = ctx.feeds,
                                                   .path = ctx.request.path,
                                                   .location = current_location(ctx),
                                                   .signed_in = ctx.user.has_value(),
                                                   .csrf = ctx.user ? ctx.csrf_token() : std::string_view(),
                                                   .saved = status < 300 ? saved_message(ctx) : std::string(),
                                                   .main = main});
  Response r;
  r.status = status;
  r.body = std::move(doc).release();
  r.set_header("Cache-Control", "no-cache, private");
  return r;
}

Response not_found(Context& ctx) {
  return page(ctx, 404, ctx.tr(N_("Page not found")),
              render(R"(<h1>{}</h1><p>{}</p><p><a href="{}">{}</a></p>)", ctx.tr(N_("Page not found")),
                     ctx.tr(N_("This address does not match any page. It may have moved, or contain a typo.")),
                     programme::urls::home(), ctx.tr(N_("Back to the home page"))));
}

Response forbidden(Context& ctx, const char* reason) {
  ctx.refusal = ctx.tr(reason);
  Html sign_in;
  if (!ctx.user)
    sign_in = render(R"(<p><a href="{}?retour={}">{}</a></p>)", accounts::urls::sign_in(),
                     html::url_encode(current_location(ctx)), ctx.tr(N_("Sign in")));
  return page(ctx, 403, ctx.tr(N_("Not allowed")),
              render(R"(<h1>{}</h1><p>{}</p>{})", ctx.tr(N_("Not allowed")), ctx.tr(reason), sign_in));
}

Response bad_request(Context& ctx, const char* reason) {
  ctx.refusal = ctx.tr(reason);
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
