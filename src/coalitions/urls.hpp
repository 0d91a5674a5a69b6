// The coalitions' addresses, written once: pages, templates, mails and redirects use these (the
// route table in http/routes.cpp keeps its patterns).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::coalitions::urls {

inline std::string list() { return "/coalitions"; }
inline std::string list_json() { return "/coalitions.json"; }
inline std::string list_csv() { return "/coalitions.csv"; }
inline std::string create() { return "/coalitions/nouvelle"; }
inline std::string families() { return "/coalitions/familles"; }
inline std::string cohorts() { return "/coalitions/promotions"; }
inline std::string coalition(std::string_view slug) { return "/coalitions/" + std::string(slug); }
inline std::string json(std::string_view slug) { return coalition(slug) + ".json"; }
inline std::string feed(std::string_view slug) { return coalition(slug) + ".atom"; }  // its news, in Atom
inline std::string edit(std::string_view slug) { return coalition(slug) + "/modifier"; }
inline std::string fields(std::string_view slug) { return coalition(slug) + "/fiche"; }
inline std::string follow(std::string_view slug) { return coalition(slug) + "/suivre"; }
inline std::string interest(std::string_view slug) { return coalition(slug) + "/interet"; }
inline std::string withdraw_interest(std::string_view slug) { return interest(slug) + "/retirer"; }
inline std::string member(std::string_view slug, std::int64_t user_id) {
  return coalition(slug) + "/membres/" + std::to_string(user_id);
}
inline std::string history(std::string_view slug) { return coalition(slug) + "/historique"; }
inline std::string compare(std::string_view slug) { return history(slug) + "/comparer"; }
inline std::string revision(std::string_view slug, std::int64_t number) {
  return history(slug) + "/" + std::to_string(number);
}
inline std::string restore(std::string_view slug, std::int64_t number) { return revision(slug, number) + "/restaurer"; }

}  // namespace fabrique::coalitions::urls
