// Follow buttons and their actions; the digest section of the person's mail choices.
#include "follows/pages.hpp"

#include "accounts/pages.hpp"
#include "coalitions/store.hpp"
#include "events/store.hpp"
#include "follows/templates/follow.hpp"
#include "follows/urls.hpp"
#include "organisations/store.hpp"
#include "views/layout.hpp"

namespace fabrique::follows::pages {

using i18n::N_;

html::Html button(Context& ctx, Subject s, std::int64_t id, std::string_view action, std::string_view label) {
  if (!ctx.user) return {};
  return html::render(*ctx.t, templates::FollowButton{.action = action,
                                                      .following = is_following(ctx.db, ctx.user->id, s, id),
                                                      .label = label,
                                                      .csrf = ctx.csrf_token()});
}

html::Html digest_section(Context& ctx) {
  return html::render(*ctx.t, templates::DigestSection{.frequency = digest_frequency(ctx.db, ctx.user->id),
                                                       .followed = followed_by(ctx.db, ctx.user->id),
                                                       .csrf = ctx.csrf_token()});
}

namespace {
// Follows or stops following, as the form says, then goes back to `back` (or to the person's list
// when the button was there).
Response set(Context& ctx, Subject s, std::int64_t id, const std::string& back) {
  const std::string& choice = ctx.form.get("suivre");
  if (choice != "0" && choice != "1")
    return views::bad_request(ctx, N_("The form could not be read. Please try again."));
  set_following(ctx.db, *ctx.user, s, id, choice == "1", ctx.now);
  return Response::redirect(ctx.form.get("retour") == "compte" ? urls::followed() : back);
}
}  // namespace

Response follow_coalition(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) throw NotFound();
  return set(ctx, Subject::coalition, k->id, urls::subject(Subject::coalition, k->slug));
}

Response follow_organisation(Context& ctx) {
  auto o = organisations::store::by_slug(ctx.db, ctx.param("slug"));
  if (!o) throw NotFound();
  return set(ctx, Subject::organisation, o->id, urls::subject(Subject::organisation, o->slug));
}

Response follow_series(Context& ctx) {
  auto e = events::store::by_slug(ctx.db, ctx.param("slug"));
  if (!e || !e->series_id) throw NotFound();
  return set(ctx, Subject::series, *e->series_id, urls::subject(Subject::series, e->slug));
}

Response save_digest(Context& ctx) {
  auto f = frequency(ctx.form.get("digest"));
  if (!f) return views::bad_request(ctx, N_("Choose how often the digest comes."));
  set_digest_frequency(ctx.db, *ctx.user, *f, ctx.now);
  return Response::redirect(urls::digest_saved());
}

}  // namespace fabrique::follows::pages
