// The one route table of fabrique: every URL of the product, in one place.
// French paths, because the users are French programme teams; the page handlers live in their modules.
#include "accounts/pages.hpp"
#include "coalitions/pages.hpp"
#include "http/router.hpp"
#include "organisations/pages.hpp"
#include "programme/pages.hpp"
#include "roadmaps/pages.hpp"
#include "taxonomies/pages.hpp"

namespace fabrique::http {

const Router& routes() {
  static const Router kRouter = [] {
    namespace accounts = fabrique::accounts::pages;
    namespace organisations = fabrique::organisations::pages;
    namespace programme = fabrique::programme::pages;
    namespace taxonomies = fabrique::taxonomies::pages;
    namespace coalitions = fabrique::coalitions::pages;
    using fabrique::taxonomies::kCoalitionCohorts;
    using fabrique::taxonomies::kCoalitionFamilies;
    using fabrique::taxonomies::kOrganisationKinds;
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
    r.get("/organisations/types", [](Context& c) { return taxonomies::edit(c, kOrganisationKinds); });
    r.post("/organisations/types", [](Context& c) { return taxonomies::add(c, kOrganisationKinds); });
    r.post("/organisations/types/{slug}", [](Context& c) { return taxonomies::rename(c, kOrganisationKinds); });
    r.get("/organisations/{slug}", organisations::show);
    r.get("/organisations/{slug}/modifier", organisations::edit_form);
    r.post("/organisations/{slug}/modifier", organisations::update);

    // Coalitions (literal paths before /coalitions/{slug})
    r.get("/coalitions", coalitions::list);
    r.get("/coalitions.json", coalitions::list_json);
    r.get("/coalitions/nouvelle", coalitions::new_form);
    r.post("/coalitions/nouvelle", coalitions::create);
    r.get("/coalitions/familles", [](Context& c) { return taxonomies::edit(c, kCoalitionFamilies); });
    r.post("/coalitions/familles", [](Context& c) { return taxonomies::add(c, kCoalitionFamilies); });
    r.post("/coalitions/familles/{slug}", [](Context& c) { return taxonomies::rename(c, kCoalitionFamilies); });
    r.get("/coalitions/promotions", [](Context& c) { return taxonomies::edit(c, kCoalitionCohorts); });
    r.post("/coalitions/promotions", [](Context& c) { return taxonomies::add(c, kCoalitionCohorts); });
    r.post("/coalitions/promotions/{slug}", [](Context& c) { return taxonomies::rename(c, kCoalitionCohorts); });
    r.get("/coalitions/{slug}.json", coalitions::show_json);
    r.get("/coalitions/{slug}", coalitions::show);
    r.get("/coalitions/{slug}/modifier", coalitions::edit_form);
    r.post("/coalitions/{slug}/modifier", coalitions::save_booklet);
    r.post("/coalitions/{slug}/fiche", coalitions::update_fields);
    r.get("/coalitions/{slug}/historique", coalitions::history);
    r.get("/coalitions/{slug}/historique/comparer", coalitions::compare);  // ?de=N&a=M
    r.get("/coalitions/{slug}/historique/{number:int}", coalitions::show_revision);
    r.post("/coalitions/{slug}/historique/{number:int}/restaurer", coalitions::restore);
    r.post("/coalitions/{slug}/interet", coalitions::declare_interest);
    r.post("/coalitions/{slug}/interet/retirer", coalitions::withdraw_interest);
    r.post("/coalitions/{slug}/membres/{user:int}", coalitions::set_role);

    // Roadmaps and impact (public pages; changes by co-porteurs and animateurs)
    namespace roadmaps = fabrique::roadmaps::pages;
    r.get("/feuille-de-route", roadmaps::programme_roadmap);  // ?levier=&statut=&qualite=&coalition=&organisation=&page=
    r.get("/feuille-de-route.csv", roadmaps::programme_roadmap_csv);
    r.get("/feuille-de-route.json", roadmaps::programme_roadmap_json);
    r.get("/tableau-de-bord", roadmaps::dashboard);
    r.get("/tableau-de-bord.json", roadmaps::dashboard_json);
    r.get("/tableau-de-bord/{table}.csv", roadmaps::dashboard_csv);  // etapes, actions, coalitions
    r.get("/coalitions/{slug}/feuille-de-route", roadmaps::coalition_roadmap);
    r.get("/coalitions/{slug}/feuille-de-route.json", roadmaps::coalition_roadmap_json);
    r.post("/coalitions/{slug}/feuille-de-route", roadmaps::create_action);
    r.get("/coalitions/{slug}/feuille-de-route/{id:int}", roadmaps::show_action);
    r.post("/coalitions/{slug}/feuille-de-route/{id:int}", roadmaps::update_action);
    r.get("/coalitions/{slug}/impact", roadmaps::impact);
    r.get("/coalitions/{slug}/impact.json", roadmaps::impact_json);
    r.post("/coalitions/{slug}/impact", roadmaps::create_indicator);
    r.post("/coalitions/{slug}/impact/mesures", roadmaps::record_measurement);
    r.get("/coalitions/{slug}/impact/{id:int}/mesures.csv", roadmaps::measurements_csv);
    return r;
  }();
  return kRouter;
}

}  // namespace fabrique::http
