// SQL for organisations, their kinds and who belongs to them.
#pragma once
#include <chrono>
#include <optional>
#include <vector>

#include "organisations/model.hpp"
#include "storage/database.hpp"

namespace fabrique::organisations::store {

using std::chrono::sys_seconds;
using storage::Connection;

// All organisations, by name, with their member counts; optionally of one kind.
std::vector<Organisation> list(Connection& c, std::optional<std::int64_t> kind_id);

// A page of the list, for the open data (stable: by name, which is unique, then id).
struct Filter {
  std::optional<std::int64_t> kind_id;
  std::optional<std::int64_t> territory_id;  // placed on it or on a territory within it
  std::optional<sys_seconds> updated_since;  // changed at or after
  std::int64_t limit = -1;                   // -1: all
  std::int64_t offset = 0;
};
std::vector<Organisation> list(Connection& c, const Filter& f);
std::int64_t count(Connection& c, const Filter& f);
std::optional<Organisation> by_slug(Connection& c, std::string_view slug);
std::optional<Organisation> by_name(Connection& c, std::string_view name);  // case-insensitive
bool slug_taken(Connection& c, std::string_view slug);
std::int64_t insert(Connection& c, const Organisation& o, sys_seconds now);
void update(Connection& c, const Organisation& o, sys_seconds now);

// Every member, by name (for those who show it).
std::vector<Member> members(Connection& c, std::int64_t organisation_id);
// The names of the `limit` latest members to join who show their name, newest first.
std::vector<std::string> latest_named_members(Connection& c, std::int64_t organisation_id, std::int64_t limit);
bool is_member(Connection& c, std::int64_t user_id, std::int64_t organisation_id);
// Memberships change only through these three, which keep the organisation's member_count.
void add_member(Connection& c, std::int64_t user_id, std::int64_t organisation_id, sys_seconds now);
void remove_member(Connection& c, std::int64_t user_id, std::int64_t organisation_id);
void remove_person(Connection& c, std::int64_t user_id);  // from every organisation (an account erased)
// The organisations a person belongs to.
std::vector<Organisation> of_user(Connection& c, std::int64_t user_id);

}  // namespace fabrique::organisations::store
