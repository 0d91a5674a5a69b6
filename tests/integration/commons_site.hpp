// A site for the commons' integration tests: an animateur, a co-porteur, two members (one in an
// organisation), one family and three coalitions, made through the use cases.
#pragma once
#include "coalitions/use_cases.hpp"
#include "integration/site.hpp"
#include "organisations/use_cases.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::test {

inline constexpr const char* kCommonsPassword = "un mot de passe solide";
// The coalition whose co-porteur is `porteur`.
inline constexpr const char* kCommonsCoalition = "developper-et-maintenir-les-communs-numeriques";

struct CommonsSite {
  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kCommonsPassword, true);
  accounts::User porteur = site.add_user("porteur@example.org", "Porteur", kCommonsPassword);
  accounts::User member = site.add_user("membre@example.org", "Membre", kCommonsPassword);
  accounts::User other = site.add_user("autre@example.org", "Autre", kCommonsPassword);

  // `configure` as for Site (e.g. an SMTP server).
  explicit CommonsSite(const std::function<void(config::Options&)>& configure = {})
      : site(Site::small_limits(), configure) {
    auto c = site.db().acquire();
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Communs et territoires");
    open(*c, "8.a", "Développer et maintenir les communs numériques", "Des communs au service des territoires.");
    open(*c, "19", "Faciliter l'appropriation des données environnementales",
         "Rendre les données sur l'environnement utiles à chacun.");
    open(*c, "4", "Pour un achat public numérique responsable",
         "Des données d'achat et des critères environnementaux dans la commande publique.");
    coalitions::set_member_role(*c, anim, kCommonsCoalition, porteur.id, coalitions::RoleChange::co_porteur,
                                site.now());
    FieldErrors errors;
    organisations::find_or_create_in(*c, {"Fing", "association", "https://fing.org", ""}, errors, "name", "kind",
                                     site.now());
    organisations::join_organisation(*c, member, "fing", site.now());
  }

  void open(storage::Connection& c, const char* number, const char* title, const char* summary) {
    coalitions::CoalitionInput in;
    in.number = number;
    in.title = title;
    in.summary = summary;
    in.family = "communs-et-territoires";
    in.stage = "cadrage";
    auto r = coalitions::create_coalition(c, anim, in, site.now());
    if (!r.coalition) throw std::runtime_error(std::string("could not open coalition ") + number);
  }

  Browser signed_in(const std::string& email) {
    Browser b(site);
    b.sign_in(email, kCommonsPassword);
    return b;
  }

  // Proposes a resource through the form; returns the response of the POST.
  static HttpResponse propose(Browser& b, const std::string& title, const std::string& description,
                              const std::string& licence = "CC-BY-4.0", const std::string& kind = "guide",
                              const std::string& coalition = "", const std::string& tags = "") {
    b.get("/ressources/proposer");
    std::vector<std::pair<std::string, std::string>> fields{
        {"title", title},
        {"url", "https://example.org/" + std::to_string(title.size())},
        {"kind", kind},
        {"licence", licence},
        {"description", description},
        {"tags", tags}};
    if (!coalition.empty()) fields.emplace_back("coalitions", coalition);
    return b.post("/ressources/proposer", fields);
  }
};

}  // namespace fabrique::test
