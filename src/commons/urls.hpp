// The commons' addresses, written once: pages, templates, mails and redirects use these.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::commons::urls {

// The resources library.
inline std::string resources() { return "/ressources"; }
inline std::string resources_json() { return "/ressources.json"; }
inline std::string resources_csv() { return "/ressources.csv"; }
inline std::string new_resource() { return "/ressources/proposer"; }
inline std::string resource(std::string_view slug) { return "/ressources/" + std::string(slug); }
inline std::string resource_file(std::string_view slug) { return resource(slug) + "/fichier"; }
inline std::string edit_resource(std::string_view slug) { return resource(slug) + "/modifier"; }
inline std::string publish_resource(std::string_view slug) { return resource(slug) + "/publier"; }
inline std::string delete_resource(std::string_view slug) { return resource(slug) + "/supprimer"; }

// The charter.
inline std::string charter() { return "/charte"; }
inline std::string signatories() { return "/charte/signataires"; }
inline std::string signatories_of(std::int64_t version) {
  return signatories() + "?version=" + std::to_string(version);
}
inline std::string charter_versions() { return "/charte/versions"; }
inline std::string new_charter_version() { return "/charte/versions/nouvelle"; }
inline std::string charter_version(std::int64_t number) { return "/charte/versions/" + std::to_string(number); }
inline std::string edit_charter_draft(std::int64_t number) { return charter_version(number) + "/modifier"; }
inline std::string open_consultation(std::int64_t number) { return charter_version(number) + "/consultation"; }
inline std::string comment_charter(std::int64_t number) { return charter_version(number) + "/commentaires"; }
inline std::string adopt_charter(std::int64_t number) { return charter_version(number) + "/adopter"; }
inline std::string sign_charter(std::int64_t number) { return charter_version(number) + "/signer"; }

// The boussole.
inline std::string boussole() { return "/boussole"; }
inline std::string boussole_json() { return "/boussole.json"; }
inline std::string new_card() { return "/boussole/proposer"; }
inline std::string card(std::string_view slug) { return "/boussole/" + std::string(slug); }
inline std::string edit_card(std::string_view slug) { return card(slug) + "/modifier"; }
inline std::string publish_card(std::string_view slug) { return card(slug) + "/publier"; }

// A resource's or a card's history, from its address (`resource(slug)` or `card(slug)`).
inline std::string history(std::string_view base) { return std::string(base) + "#historique"; }
inline std::string compare_revisions(std::string_view base) { return std::string(base) + "/historique/comparer"; }
inline std::string restore_revision(std::string_view base, std::int64_t number) {
  return std::string(base) + "/historique/" + std::to_string(number) + "/restaurer";
}

}  // namespace fabrique::commons::urls
