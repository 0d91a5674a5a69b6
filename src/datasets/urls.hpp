// The register of datasets' addresses, written once: pages, templates, the search index, exports and
// redirects use these (the route table in http/routes.cpp keeps its patterns).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::datasets::urls {

inline std::string list() { return "/donnees"; }
inline std::string create() { return list() + "/nouvelle"; }
// The page that edits the themes (a taxonomy).
inline std::string themes() { return list() + "/themes"; }
// The DCAT catalogue, by content negotiation, and in each format at its own address.
inline std::string catalogue() { return list() + "/catalogue"; }
inline std::string dataset(std::string_view slug) { return list() + "/" + std::string(slug); }
inline std::string edit(std::string_view slug) { return dataset(slug) + "/modifier"; }
inline std::string compare(std::string_view slug) { return dataset(slug) + "/historique/comparer"; }
inline std::string compare(std::string_view slug, std::int64_t from, std::int64_t to) {
  return compare(slug) + "?de=" + std::to_string(from) + "&a=" + std::to_string(to);
}
// Reuses of the datasets: their list, one, the forms that declare and edit one, and its answers.
inline std::string reuses() { return list() + "/reutilisations"; }
inline std::string new_reuse() { return reuses() + "/nouvelle"; }
inline std::string reuse(std::int64_t id) { return reuses() + "/" + std::to_string(id); }
inline std::string edit_reuse(std::int64_t id) { return reuse(id) + "/modifier"; }
inline std::string answer_reuse(std::int64_t id) { return reuse(id) + "/reponse"; }
// A producer's data: its datasets and who reuses them.
inline std::string producer(std::string_view organisation_slug) {
  return "/organisations/" + std::string(organisation_slug) + "/donnees";
}
// Data requests: the list (its filters, ?pour=mon-organisation: those about what the person's
// organisations produce), one request, and the form that asks.
inline std::string requests() { return list() + "/demandes"; }
inline std::string ask() { return requests() + "/nouvelle"; }
inline std::string request(std::int64_t id) { return requests() + "/" + std::to_string(id); }
inline std::string support(std::int64_t id) { return request(id) + "/moi-aussi"; }
inline std::string withdraw(std::int64_t id) { return request(id) + "/moi-aussi/retirer"; }
inline std::string answer(std::int64_t id) { return request(id) + "/reponse"; }
// Words that are pages under /donnees/ and so never a dataset's address.
inline bool reserved(std::string_view slug) {
  return slug == "nouvelle" || slug == "themes" || slug == "catalogue" || slug == "demandes" ||
         slug == "reutilisations";
}

}  // namespace fabrique::datasets::urls
