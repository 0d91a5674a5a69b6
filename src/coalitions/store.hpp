// SQL for coalitions, their stage history, booklet revisions, members and interest declarations.
#pragma once
#include <optional>
#include <vector>

#include "coalitions/model.hpp"
#include "storage/database.hpp"

namespace fabrique::coalitions::store {

using storage::Connection;

struct Filter {
  std::optional<std::int64_t> family_id;
  std::optional<std::int64_t> cohort_id;
  std::string stage;                         // empty: any
  std::optional<std::int64_t> territory_id;  // placed on it or on a territory within it
  std::optional<sys_seconds> updated_since;  // changed (fields or activity) at or after
  std::int64_t limit = -1;                   // -1: all
  std::int64_t offset = 0;
};

// Coalitions by family position then number, with their labels (one query).
std::vector<Coalition> list(Connection& c, const Filter& f = {});
// The first `per_family` coalitions of each family (by number), in family order, and how many
// each family has in all (family id → count): the home page's overview stays small however many
// coalitions there are.
std::vector<Coalition> first_of_each_family(Connection& c, std::int64_t per_family,
                                            std::map<std::int64_t, std::int64_t>& family_counts);
// How many coalitions match the filter (ignoring limit and offset).
std::int64_t count(Connection& c, const Filter& f);
std::optional<Coalition> by_slug(Connection& c, std::string_view slug);
std::optional<Coalition> by_number(Connection& c, std::string_view number);  // "19", "8.a": as written
bool number_taken(Connection& c, std::string_view number, std::optional<std::int64_t> except);
bool slug_taken(Connection& c, std::string_view slug);
std::int64_t insert(Connection& c, const Coalition& k);
void update_fields(Connection& c, const Coalition& k);
void touch(Connection& c, std::int64_t coalition_id, sys_seconds now);  // last activity

void insert_stage_change(Connection& c, std::int64_t coalition_id, const std::string& from, const std::string& to,
                         sys_seconds at, std::optional<std::int64_t> by);
std::vector<StageChange> stage_history(Connection& c, std::int64_t coalition_id);

Booklet current_booklet(Connection& c, std::int64_t coalition_id);
// The booklet as it was right after revision `number`.
Booklet booklet_at(Connection& c, std::int64_t coalition_id, std::int64_t number);
std::vector<Revision> revisions(Connection& c, std::int64_t coalition_id);  // newest first
std::optional<Revision> revision(Connection& c, std::int64_t coalition_id, std::int64_t number);
// Records revision `number` with the sections that changed, updates the current booklet, and
// moves coalitions.booklet_revision forward only if it still equals number - 1 (returns false
// otherwise: someone saved meanwhile). `merged_with` is the revision saved meanwhile that this
// one was merged with, if any.
bool insert_revision(Connection& c, std::int64_t coalition_id, std::int64_t number, std::optional<std::int64_t> author,
                     sys_seconds at, const std::string& comment, std::optional<std::int64_t> restored_from,
                     const Booklet& changed, std::optional<std::int64_t> merged_with = std::nullopt);

std::vector<Member> members(Connection& c, std::int64_t coalition_id);
std::optional<Role> role_of(Connection& c, std::int64_t coalition_id, std::int64_t user_id);
void set_role(Connection& c, std::int64_t coalition_id, std::int64_t user_id, Role role, sys_seconds now);
void remove_member(Connection& c, std::int64_t coalition_id, std::int64_t user_id);

std::vector<Declaration> declarations(Connection& c, std::int64_t coalition_id);
std::vector<Declaration> declarations_of_user(Connection& c, std::int64_t user_id);
std::optional<Declaration> declaration(Connection& c, std::int64_t coalition_id, std::int64_t user_id);
void upsert_declaration(Connection& c, const Declaration& d, sys_seconds now);
void delete_declaration(Connection& c, std::int64_t coalition_id, std::int64_t user_id);

// Coalitions a person is a member or co-porteur of, by number: what names them, and the role. Their
// activity is not read (storage::query_identity): a page listing them is kept when it moves.
std::vector<std::pair<Named, Role>> coalitions_of_user(Connection& c, std::int64_t user_id);
// Coalitions an organisation takes part in (through its members' roles, declarations, or as animator).
std::vector<Named> coalitions_of_organisation(Connection& c, std::int64_t organisation_id);

}  // namespace fabrique::coalitions::store
