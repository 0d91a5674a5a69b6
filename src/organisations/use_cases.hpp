// What people do with organisations. Each use case is one transaction; permission checks live here.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "organisations/model.hpp"
#include "storage/database.hpp"

namespace fabrique::organisations {

using accounts::User;
using std::chrono::sys_seconds;

struct OrganisationInput {
  std::string name;
  std::string kind;  // kind slug
  std::string website;
  std::string description;
  std::vector<std::string> territories;  // the keys of the territories it is placed on (territories/links.hpp)
};

struct SaveResult {
  FieldErrors errors;
  std::optional<Organisation> organisation;
};

// create_organisation.cpp. Any signed-in person; they become a member of it.
// Outcomes: created | field errors (empty or duplicate name, unknown kind, bad website, too long).
SaveResult create_organisation(storage::Connection& c, const User& actor, const OrganisationInput& in, sys_seconds now);

// update_organisation.cpp. Animateurs and members of the organisation.
// Outcomes: saved | field errors | Forbidden | NotFound.
SaveResult update_organisation(storage::Connection& c, const User& actor, std::string_view slug,
                               const OrganisationInput& in, sys_seconds now);

// join_organisation.cpp: the actor says they belong to (or leave) an organisation. NotFound if absent.
void join_organisation(storage::Connection& c, const User& actor, std::string_view slug, sys_seconds now);
void leave_organisation(storage::Connection& c, const User& actor, std::string_view slug);

// For use cases already inside a transaction (sign-up): validates `in` and inserts the organisation,
// or returns the existing one with the same name. Adds errors under `field_prefix` + field name.
std::optional<Organisation> find_or_create_in(storage::Connection& c, const OrganisationInput& in, FieldErrors& errors,
                                              const std::string& name_field, const std::string& kind_field,
                                              sys_seconds now);

// index_organisation.cpp. Puts the organisation in the search index (type "organisation"); the use
// cases above call it inside their transaction.
void index_organisation(storage::Connection& c, const Organisation& o, sys_seconds now);

}  // namespace fabrique::organisations
