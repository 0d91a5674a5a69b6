// The accounts' addresses, written once: pages, templates, mails and redirects use these (the
// route table in http/routes.cpp keeps its patterns).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::accounts::urls {

inline std::string sign_up() { return "/inscription"; }
inline std::string sign_up_sent() { return sign_up() + "/envoyee"; }
inline std::string confirm_email() { return sign_up() + "/confirmer"; }
inline std::string sign_in() { return "/connexion"; }
// Signing in, then back to `path`: one of our pages, whose characters need no encoding (a slug, a
// number); an address of any other shape is encoded by the caller.
inline std::string sign_in_then(std::string_view path) { return sign_in() + "?retour=" + std::string(path); }
inline std::string sign_out() { return "/deconnexion"; }
inline std::string forgotten_password() { return "/mot-de-passe-oublie"; }
inline std::string new_password() { return forgotten_password() + "/nouveau"; }

inline std::string account() { return "/compte"; }
inline std::string profile() { return account() + "/profil"; }
inline std::string password() { return account() + "/mot-de-passe"; }
inline std::string organisations() { return account() + "/organisations"; }
inline std::string leave_organisation(std::string_view slug) {
  return organisations() + "/" + std::string(slug) + "/quitter";
}
inline std::string address() { return account() + "/adresse"; }
inline std::string confirm_address() { return address() + "/confirmer"; }
inline std::string data() { return account() + "/donnees"; }
inline std::string data_file() { return data() + ".json"; }
inline std::string end_session(std::string_view handle) {
  return account() + "/sessions/" + std::string(handle) + "/fin";
}
inline std::string tokens() { return account() + "/jetons"; }
inline std::string revoke_token(std::int64_t id) { return tokens() + "/" + std::to_string(id) + "/revoquer"; }
inline std::string delete_account() { return account() + "/supprimer"; }
inline std::string account_deleted() { return account() + "/supprime"; }

}  // namespace fabrique::accounts::urls
