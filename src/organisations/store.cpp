// SQL for organisations, their kinds and their members.
#include "organisations/store.hpp"

#include "common/text.hpp"
#include "storage/instants.hpp"
#include "territories/links.hpp"

namespace fabrique::organisations::store {
namespace {

// The member count is kept with the organisation (migration 0048, recount() below).
constexpr const char* kSelect =
    "SELECT o.id, o.slug, o.name, o.kind_id, k.slug, k.label, o.website, o.description, o.member_count, "
    "o.updated_at FROM organisations o JOIN organisation_kinds k ON k.id = o.kind_id ";

using storage::secs;

Organisation read(const storage::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.integer(3), r.text(4),
          r.text(5),    r.text(6), r.text(7), r.integer(8), storage::at(r.integer(9))};
}

std::string where_of(const Filter& f, storage::Params& params) {
  static const std::string within = territories::within_sql(territories::subject::organisation, "o.id");
  std::string where;
  auto add = [&](const char* clause, storage::Value v) {
    where += where.empty() ? "WHERE " : " AND ";
    where += clause;
    params.push_back(std::move(v));
  };
  if (f.kind_id) add("o.kind_id = ?", *f.kind_id);
  if (f.territory_id) add(within.c_str(), *f.territory_id);
  if (f.updated_since) add("o.updated_at >= ?", secs(*f.updated_since));
  return where;
}

}  // namespace

std::vector<Organisation> list(Connection& c, std::optional<std::int64_t> kind_id) {
  std::vector<storage::Row> rows =
      kind_id ? c.query(std::string(kSelect) + "WHERE o.kind_id = ? ORDER BY o.name_key", {*kind_id})
              : c.query(std::string(kSelect) + "ORDER BY o.name_key");
  std::vector<Organisation> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(read(r));
  return out;
}

std::vector<Organisation> list(Connection& c, const Filter& f) {
  storage::Params params;
  std::string sql = std::string(kSelect) + where_of(f, params) + " ORDER BY o.name_key, o.id";
  sql += storage::page_clause(f.limit, f.offset, params);
  std::vector<Organisation> out;
  for (const auto& r : c.query(sql, params)) out.push_back(read(r));
  return out;
}

std::int64_t count(Connection& c, const Filter& f) {
  storage::Params params;
  std::string where = where_of(f, params);
  return c.query_integer("SELECT COUNT(*) FROM organisations o " + where, params);
}

std::optional<Organisation> by_slug(Connection& c, std::string_view slug) {
  auto r = c.query_one(std::string(kSelect) + "WHERE o.slug = ?", {std::string(slug)});
  if (!r) return std::nullopt;
  return read(*r);
}

std::optional<Organisation> by_name(Connection& c, std::string_view name) {
  auto r = c.query_one(std::string(kSelect) + "WHERE o.name_key = ?", {text::lower(text::trim(name))});
  if (!r) return std::nullopt;
  return read(*r);
}

bool slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM organisations WHERE slug = ?", {std::string(slug)}) > 0;
}

std::int64_t insert(Connection& c, const Organisation& o, sys_seconds now) {
  return c
      .query(
          "INSERT INTO organisations (slug, name, name_key, kind_id, website, description, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {o.slug, o.name, text::lower(o.name), o.kind_id, o.website, o.description, secs(now), secs(now)})
      .at(0)
      .integer(0);
}

void update(Connection& c, const Organisation& o, sys_seconds now) {
  c.execute(
      "UPDATE organisations SET name = ?, name_key = ?, kind_id = ?, website = ?, description = ?, updated_at = ? "
      "WHERE id = ?",
      {o.name, text::lower(o.name), o.kind_id, o.website, o.description, secs(now), o.id});
}

std::vector<Member> members(Connection& c, std::int64_t organisation_id) {
  std::vector<Member> out;
  for (const auto& r : c.query("SELECT u.id, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END "
                               "FROM user_organisations m JOIN users u ON u.id = m.user_id "
                               "WHERE m.organisation_id = ? ORDER BY u.name",
                               {organisation_id}))
    out.push_back({r.integer(0), r.text(1)});
  return out;
}

std::vector<std::string> latest_named_members(Connection& c, std::int64_t organisation_id, std::int64_t limit) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT u.name FROM user_organisations m CROSS JOIN users u "
                               "WHERE m.organisation_id = ? AND u.id = m.user_id AND u.show_name = 1 "
                               "ORDER BY m.created_at DESC, m.user_id DESC LIMIT ?",
                               {organisation_id, limit}))
    out.push_back(r.text(0));
  return out;
}

bool is_member(Connection& c, std::int64_t user_id, std::int64_t organisation_id) {
  return c.query_integer("SELECT COUNT(*) FROM user_organisations WHERE user_id = ? AND organisation_id = ?",
                         {user_id, organisation_id}) > 0;
}

// Memberships of an organisation change one transaction at a time: its row is locked first (a no-op
// update), so that on PostgreSQL, where a statement reads what was committed when it began, a
// transaction waiting for another's lock counts after that one's membership is committed. On SQLite,
// whose writers take turns, it costs one indexed update.
void lock(Connection& c, std::int64_t organisation_id) {
  c.execute("UPDATE organisations SET member_count = member_count WHERE id = ?", {organisation_id});
}

// Counts the organisation's members again, in the transaction that added or removed one: the count
// is one indexed pass over its memberships, and stays right whatever path changed them.
void recount(Connection& c, std::int64_t organisation_id) {
  c.execute(
      "UPDATE organisations SET member_count = (SELECT COUNT(*) FROM user_organisations m "
      "WHERE m.organisation_id = organisations.id) WHERE id = ?",
      {organisation_id});
}

void add_member(Connection& c, std::int64_t user_id, std::int64_t organisation_id, sys_seconds now) {
  lock(c, organisation_id);
  c.execute(
      "INSERT INTO user_organisations (user_id, organisation_id, created_at) VALUES (?, ?, ?) "
      "ON CONFLICT (user_id, organisation_id) DO NOTHING",
      {user_id, organisation_id, secs(now)});
  recount(c, organisation_id);
}

void remove_member(Connection& c, std::int64_t user_id, std::int64_t organisation_id) {
  lock(c, organisation_id);
  c.execute("DELETE FROM user_organisations WHERE user_id = ? AND organisation_id = ?", {user_id, organisation_id});
  recount(c, organisation_id);
}

void remove_person(Connection& c, std::int64_t user_id) {
  std::vector<std::int64_t> left;
  for (const auto& r :
       c.query("SELECT organisation_id FROM user_organisations WHERE user_id = ? ORDER BY organisation_id", {user_id}))
    left.push_back(r.integer(0));
  for (std::int64_t id : left) lock(c, id);  // in order of id: two such transactions never wait on each other
  c.execute("DELETE FROM user_organisations WHERE user_id = ?", {user_id});
  for (std::int64_t id : left) recount(c, id);
}

std::vector<Organisation> of_user(Connection& c, std::int64_t user_id) {
  std::vector<Organisation> out;
  for (const auto& r : c.query(
           std::string(kSelect) +
               "JOIN user_organisations mine ON mine.organisation_id = o.id WHERE mine.user_id = ? ORDER BY o.name_key",
           {user_id}))
    out.push_back(read(r));
  return out;
}

}  // namespace fabrique::organisations::store
