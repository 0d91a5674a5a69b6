// The one route table of fabrique: every URL of the product, in one place.
// French paths, because the users are French programme teams; the page handlers live in their modules.
#include "accounts/pages.hpp"
#include "http/router.hpp"
#include "organisations/pages.hpp"
#include "programme/pages.hpp"

namespace fabrique::http {

const Router& routes() {
  static const Router kRouter = [] {
    namespace accounts = fabrique::accounts::pages;
    namespace organisations = fabrique::organisations::pages;
    namespace programme = fabrique::programme::pages;
    Router r;
    // Programme
    r.get("/", programme::home);
    r.get("/langue/{code}", programme::switch_language);  // ?retour=/page/to/come/back/to

    // Accounts
    r.get("/inscription", accounts::sign_up_form);
    r.post("/inscription", accounts::sign_up);
    r.get("/connexion", accounts::sign_in_form);
    r.post("/connexion", accounts::sign_in);
    r.post("/deconnexion", accounts::sign_out);
    r.get("/compte", accounts::account);
    r.post("/compte/profil", accounts::update_profile);
    r.post("/compte/mot-de-passe", accounts::change_password);
    r.post("/compte/organisations", accounts::join_organisation);
    r.post("/compte/organisations/{slug}/quitter", accounts::leave_organisation);

    // Organisations (literal paths before /organisations/{slug})
    r.get("/organisations", organisations::list);
    r.get("/organisations/nouvelle", organisations::new_form);
    r.post("/organisations/nouvelle", organisations::create);
    r.get("/organisations/types", organisations::kinds);
    r.post("/organisations/types", organisations::add_kind);
    r.post("/organisations/types/{slug}", organisations::rename_kind);
    r.get("/organisations/{slug}", organisations::show);
    r.get("/organisations/{slug}/modifier", organisations::edit_form);
    r.post("/organisations/{slug}/modifier", organisations::update);
    return r;
  }();
  return kRouter;
}

}  // namespace fabrique::http
