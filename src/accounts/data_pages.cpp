// The person's own data: what is kept about them, why and for how long (GET /compte/donnees), and all
// of it as one JSON file (GET /compte/donnees.json). Only for the signed-in person, never cached.
#include "accounts/pages.hpp"
#include "accounts/templates/data.hpp"
#include "accounts/use_cases.hpp"
#include "views/layout.hpp"

namespace fabrique::accounts::pages {

Response personal_data_page(Context& ctx) {
  return views::page(ctx, ctx.tr(N_("My data")), html::render(*ctx.t, templates::PersonalData{}));
}

Response personal_data_file(Context& ctx) {
  Response r;
  r.content_type = "application/json; charset=utf-8";
  r.body = accounts::personal_data(ctx.db, *ctx.user, ctx.now);
  r.set_header("Cache-Control", "no-store, private");
  r.set_header("Content-Disposition", "attachment; filename=\"fabrique-mes-donnees.json\"");
  return r;
}

}  // namespace fabrique::accounts::pages
