// SQL for coalitions and everything hanging from them.
#include "coalitions/store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "territories/links.hpp"

namespace fabrique::coalitions::store {
namespace {

using storage::at;
using storage::nullable;
using storage::secs;

// What read() reads, for a coalition k of family f.
#define FABRIQUE_COALITION_COLUMNS                                                                     \
  "SELECT k.id, k.number, k.slug, k.title, k.summary, k.family_id, f.slug, f.label, k.cohort_id, "     \
  "COALESCE(h.slug, ''), COALESCE(h.label, ''), k.stage, k.stage_since, k.animating_organisation_id, " \
  "COALESCE(o.slug, ''), COALESCE(o.name, ''), k.scale_local, k.scale_national, k.scale_european, "    \
  "k.booklet_revision, k.created_at, k.updated_at, k.last_activity_at "
#define FABRIQUE_COALITION_DETAILS                       \
  "LEFT JOIN coalition_cohorts h ON h.id = k.cohort_id " \
  "LEFT JOIN organisations o ON o.id = k.animating_organisation_id "
constexpr const char* kSelect = FABRIQUE_COALITION_COLUMNS
    "FROM coalitions k JOIN coalition_families f ON f.id = k.family_id " FABRIQUE_COALITION_DETAILS;
#undef FABRIQUE_COALITION_COLUMNS
#undef FABRIQUE_COALITION_DETAILS

Coalition read(const storage::Row& r) {
  Coalition k;
  k.id = r.integer(0);
  k.number = r.text(1);
  k.slug = r.text(2);
  k.title = r.text(3);
  k.summary = r.text(4);
  k.family_id = r.integer(5);
  k.family_slug = r.text(6);
  k.family_label = r.text(7);
  k.cohort_id = r.optional_integer(8);
  k.cohort_slug = r.text(9);
  k.cohort_label = r.text(10);
  k.stage = r.text(11);
  k.stage_since = at(r.integer(12));
  k.animating_organisation_id = r.optional_integer(13);
  k.animating_organisation_slug = r.text(14);
  k.animating_organisation_name = r.text(15);
  k.scale_local = r.boolean(16);
  k.scale_national = r.boolean(17);
  k.scale_european = r.boolean(18);
  k.booklet_revision = r.integer(19);
  k.created_at = at(r.integer(20));
  k.updated_at = at(r.integer(21));
  k.last_activity_at = at(r.integer(22));
  return k;
}

// "8.a" → "000008.a": runs of digits zero-padded so that numbers sort as people expect.
std::string number_key(const std::string& number) {
  std::string out, digits;
  auto flush = [&] {
    if (!digits.empty()) out += std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
    digits.clear();
  };
  for (char ch : number) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
    } else {
      flush();
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  flush();
  return out;
}

// A person's public face: name if consented, and their first organisation (alphabetically).
constexpr const char* kPublicPerson =
    "u.id, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, "
    "COALESCE((SELECT o.name FROM user_organisations uo JOIN organisations o ON o.id = uo.organisation_id "
    "WHERE uo.user_id = u.id ORDER BY o.name_key LIMIT 1), '')";

}  // namespace

namespace {
std::string where_clause(const Filter& f, storage::Params& params) {
  static const std::string within = territories::within_sql(territories::subject::coalition, "k.id");
  std::string where;
  auto add = [&](const char* clause, storage::Value v) {
    where += where.empty() ? "WHERE " : " AND ";
    where += clause;
    params.push_back(std::move(v));
  };
  if (f.family_id) add("k.family_id = ?", *f.family_id);
  if (f.cohort_id) add("k.cohort_id = ?", *f.cohort_id);
  if (!f.stage.empty()) add("k.stage = ?", f.stage);
  if (f.territory_id) add(within.c_str(), *f.territory_id);
  if (f.updated_since) {
    // Its fields or its life (booklet, stage, members): whatever its JSON shows may have changed.
    add("(k.updated_at >= ? OR k.last_activity_at >= ?)", storage::secs(*f.updated_since));
    params.push_back(storage::secs(*f.updated_since));
  }
  return where;
}
}  // namespace

std::vector<Coalition> first_of_each_family(Connection& c, std::int64_t per_family,
                                            std::map<std::int64_t, std::int64_t>& family_counts) {
  family_counts.clear();
  {
    storage::Rows none(c, "coalitions");  // how many per family: changes named by rows never change it
    for (const auto& r : c.query("SELECT family_id, COUNT(*) FROM coalitions GROUP BY family_id"))
      family_counts[r.integer(0)] = r.integer(1);
  }
  std::vector<Coalition> out;
  if (family_counts.empty()) return out;
  // The first coalitions of each family by their numbers, which changes named by rows never change:
  // the read depends on the rows shown. One branch per family reads its first rows from the
  // (family_id, number_key) index. Ranking every coalition with a window function read the whole
  // table (0.7 ms at 1,000 coalitions against 40 µs on SQLite); a subquery correlated with the family
  // was run by PostgreSQL for every pair of family and coalition (53 ms).
  std::string firsts;
  storage::Params params;
  for (const auto& [family, count] : family_counts) {
    firsts += fmt::format(
        "{}SELECT id FROM (SELECT c2.id FROM coalitions c2 WHERE c2.family_id = ? "
        "ORDER BY c2.number_key, c2.id LIMIT ?) AS family_{}",
        firsts.empty() ? "" : " UNION ALL ", family);
    params.push_back(family);
    params.push_back(per_family);
  }
  for (const auto& r : storage::query_keyed(
           c, "coalitions", {0},
           std::string(kSelect) + "WHERE k.id IN (" + firsts + ") ORDER BY f.position, f.id, k.number_key, k.id",
           params))
    out.push_back(read(r));
  return out;
}

// Unless asked for what changed since a date, which coalitions match and their order are never
// changed by a change named by a coalition's row (its activity): the count reads no row, the list
// the rows it shows.
std::int64_t count(Connection& c, const Filter& f) {
  storage::Params params;
  std::string where = where_clause(f, params);
  std::optional<storage::Rows> none;
  if (!f.updated_since) none.emplace(c, "coalitions");
  return c.query_integer("SELECT COUNT(*) FROM coalitions k " + where, params);
}

std::vector<Coalition> list(Connection& c, const Filter& f) {
  constexpr const char* kOrder = " ORDER BY f.position, f.id, k.number_key, k.id";
  storage::Params params;
  const std::string where = where_clause(f, params);
  std::string sql;
  if (f.limit >= 0) {
    // A page: the ids are sorted first, from the family index alone, then only the page's rows are
    // read whole (sorting every coalition with its summary was half of /coalitions).
    sql = std::string(kSelect) +
          "WHERE k.id IN (SELECT k.id FROM coalitions k JOIN coalition_families f ON f.id = k.family_id " + where +
          kOrder + storage::page_clause(f.limit, f.offset, params) + ")" + kOrder;
  } else {
    sql = std::string(kSelect) + where + kOrder;
  }
  std::vector<Coalition> out;
  for (const auto& r : f.updated_since ? c.query(sql, params) : storage::query_keyed(c, "coalitions", {0}, sql, params))
    out.push_back(read(r));
  return out;
}

namespace {
// One coalition found by a column no change named by its rows changes (storage::Rows): the read
// depends on its row alone.
std::optional<Coalition> one(Connection& c, const char* where, std::string_view value) {
  auto rows = storage::query_keyed(c, "coalitions", {0}, std::string(kSelect) + where, {std::string(value)});
  if (rows.empty()) return std::nullopt;
  return read(rows.front());
}
}  // namespace

std::optional<Coalition> by_slug(Connection& c, std::string_view slug) { return one(c, "WHERE k.slug = ?", slug); }

std::optional<Coalition> by_number(Connection& c, std::string_view number) {
  return one(c, "WHERE k.number = ?", number);
}

bool number_taken(Connection& c, std::string_view number, std::optional<std::int64_t> except) {
  return c.query_integer("SELECT COUNT(*) FROM coalitions WHERE number = ? AND id <> ?",
                         {std::string(number), except.value_or(0)}) > 0;
}

bool slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM coalitions WHERE slug = ?", {std::string(slug)}) > 0;
}

std::int64_t insert(Connection& c, const Coalition& k) {
  return c
      .query(
          "INSERT INTO coalitions (number, number_key, slug, title, summary, family_id, cohort_id, stage, stage_since, "
          "animating_organisation_id, scale_local, scale_national, scale_european, booklet_revision, created_at, "
          "updated_at, last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id",
          {k.number, number_key(k.number), k.slug, k.title, k.summary, k.family_id, nullable(k.cohort_id), k.stage,
           secs(k.stage_since), nullable(k.animating_organisation_id), std::int64_t(k.scale_local),
           std::int64_t(k.scale_national), std::int64_t(k.scale_european), secs(k.created_at), secs(k.updated_at),
           secs(k.last_activity_at)})
      .at(0)
      .integer(0);
}

void update_fields(Connection& c, const Coalition& k) {
  c.execute(
      "UPDATE coalitions SET number = ?, number_key = ?, title = ?, summary = ?, family_id = ?, cohort_id = ?, stage = "
      "?, "
      "stage_since = ?, animating_organisation_id = ?, scale_local = ?, scale_national = ?, scale_european = ?, "
      "updated_at = ?, last_activity_at = ? WHERE id = ?",
      {k.number, number_key(k.number), k.title, k.summary, k.family_id, nullable(k.cohort_id), k.stage,
       secs(k.stage_since), nullable(k.animating_organisation_id), std::int64_t(k.scale_local),
       std::int64_t(k.scale_national), std::int64_t(k.scale_european), secs(k.updated_at), secs(k.last_activity_at),
       k.id});
}

void touch(Connection& c, std::int64_t coalition_id, sys_seconds now) {
  // Never back, since it is named by its row: see roadmaps::store::quietest_coalitions.
  storage::Rows rows(c, "coalitions", coalition_id);
  c.execute("UPDATE coalitions SET last_activity_at = ? WHERE id = ? AND last_activity_at < ?",
            {secs(now), coalition_id, secs(now)});
}

void insert_stage_change(Connection& c, std::int64_t coalition_id, const std::string& from, const std::string& to,
                         sys_seconds when, std::optional<std::int64_t> by) {
  c.execute(
      "INSERT INTO coalition_stage_changes (coalition_id, from_stage, to_stage, changed_at, changed_by) "
      "VALUES (?, ?, ?, ?, ?)",
      {coalition_id, from.empty() ? storage::Value(nullptr) : storage::Value(from), to, secs(when), nullable(by)});
}

std::vector<StageChange> stage_history(Connection& c, std::int64_t coalition_id) {
  std::vector<StageChange> out;
  for (const auto& r :
       c.query("SELECT s.from_stage, s.to_stage, s.changed_at, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END "
               "FROM coalition_stage_changes s LEFT JOIN users u ON u.id = s.changed_by "
               "WHERE s.coalition_id = ? ORDER BY s.changed_at, s.id",
               {coalition_id}))
    out.push_back({r.text(0), r.text(1), at(r.integer(2)), r.text(3)});
  return out;
}

Booklet current_booklet(Connection& c, std::int64_t coalition_id) {
  Booklet b;
  storage::Rows rows(c, "booklet_current", coalition_id);
  for (const auto& r : c.query("SELECT section, body FROM booklet_current WHERE coalition_id = ?", {coalition_id}))
    b[r.text(0)] = r.text(1);
  return b;
}

Booklet booklet_at(Connection& c, std::int64_t coalition_id, std::int64_t number) {
  Booklet b;
  // Each revision holds only what it changed: replaying them in order gives the text at `number`.
  for (const auto& r : c.query("SELECT s.section, s.body FROM booklet_revision_sections s "
                               "JOIN booklet_revisions r ON r.id = s.revision_id "
                               "WHERE r.coalition_id = ? AND r.number <= ? ORDER BY r.number",
                               {coalition_id, number}))
    b[r.text(0)] = r.text(1);
  return b;
}

std::vector<Revision> revisions(Connection& c, std::int64_t coalition_id) {
  std::vector<Revision> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r : c.query(
           std::string("SELECT r.number, r.created_at, r.comment, r.restored_from, r.merged_with, ") + kPublicPerson +
               " FROM booklet_revisions r LEFT JOIN users u ON u.id = r.author_id "
               "WHERE r.coalition_id = ? ORDER BY r.number DESC",
           {coalition_id})) {
    Revision v;
    v.number = r.integer(0);
    v.created_at = at(r.integer(1));
    v.comment = r.text(2);
    v.restored_from = r.optional_integer(3);
    v.merged_with = r.optional_integer(4);
    v.author = {r.is_null(5) ? 0 : r.integer(5), r.text(6), r.text(7)};
    index[v.number] = out.size();
    out.push_back(std::move(v));
  }
  for (const auto& r : c.query("SELECT r.number, s.section FROM booklet_revision_sections s "
                               "JOIN booklet_revisions r ON r.id = s.revision_id WHERE r.coalition_id = ? "
                               // Without an order, each engine lists the sections its own way.
                               "ORDER BY s.revision_id, s.section",
                               {coalition_id}))
    if (auto it = index.find(r.integer(0)); it != index.end()) out[it->second].sections.push_back(r.text(1));
  return out;
}

std::optional<Revision> revision(Connection& c, std::int64_t coalition_id, std::int64_t number) {
  for (auto& r : revisions(c, coalition_id))
    if (r.number == number) return std::move(r);
  return std::nullopt;
}

bool insert_revision(Connection& c, std::int64_t coalition_id, std::int64_t number, std::optional<std::int64_t> author,
                     sys_seconds when, const std::string& comment, std::optional<std::int64_t> restored_from,
                     const Booklet& changed, std::optional<std::int64_t> merged_with) {
  // The compare-and-set on booklet_revision is what makes concurrent saves safe: only one writer
  // can move it from number - 1 to number. The booklet's text changes in its own rows alone.
  storage::Rows rows(c, "coalitions", coalition_id), booklet(c, "booklet_current", coalition_id);
  // Its activity never goes back (see touch).
  if (c.execute("UPDATE coalitions SET booklet_revision = ?, last_activity_at = CASE WHEN last_activity_at < ? THEN ? "
                "ELSE last_activity_at END, updated_at = ? WHERE id = ? AND booklet_revision = ?",
                {number, secs(when), secs(when), secs(when), coalition_id, number - 1}) != 1)
    return false;
  auto id = c.query(
                 "INSERT INTO booklet_revisions (coalition_id, number, author_id, created_at, comment, restored_from, "
                 "merged_with) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {coalition_id, number, nullable(author), secs(when), comment, nullable(restored_from),
                  nullable(merged_with)})
                .at(0)
                .integer(0);
  for (const auto& [section, body] : changed) {
    c.execute("INSERT INTO booklet_revision_sections (revision_id, section, body) VALUES (?, ?, ?)",
              {id, section, body});
    c.execute(
        "INSERT INTO booklet_current (coalition_id, section, body) VALUES (?, ?, ?) "
        "ON CONFLICT (coalition_id, section) DO UPDATE SET body = excluded.body",
        {coalition_id, section, body});
  }
  return true;
}

std::vector<Member> members(Connection& c, std::int64_t coalition_id) {
  std::vector<Member> out;
  for (const auto& r : c.query(
           "SELECT u.id, u.name, u.show_name, COALESCE((SELECT o.name FROM user_organisations uo JOIN organisations o "
           "ON o.id = uo.organisation_id WHERE uo.user_id = u.id ORDER BY o.name_key LIMIT 1), ''), m.role "
           "FROM coalition_members m JOIN users u ON u.id = m.user_id WHERE m.coalition_id = ? "
           "ORDER BY m.role DESC, u.name",
           {coalition_id}))
    out.push_back({r.integer(0), r.text(1), r.boolean(2), r.text(3),
                   r.text(4) == "co-porteur" ? Role::co_porteur : Role::membre});
  return out;
}

std::optional<Role> role_of(Connection& c, std::int64_t coalition_id, std::int64_t user_id) {
  auto r =
      c.query_one("SELECT role FROM coalition_members WHERE coalition_id = ? AND user_id = ?", {coalition_id, user_id});
  if (!r) return std::nullopt;
  return r->text(0) == "co-porteur" ? Role::co_porteur : Role::membre;
}

void set_role(Connection& c, std::int64_t coalition_id, std::int64_t user_id, Role role, sys_seconds now) {
  c.execute(
      "INSERT INTO coalition_members (coalition_id, user_id, role, created_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (coalition_id, user_id) DO UPDATE SET role = excluded.role",
      {coalition_id, user_id, std::string(role == Role::co_porteur ? "co-porteur" : "membre"), secs(now)});
}

void remove_member(Connection& c, std::int64_t coalition_id, std::int64_t user_id) {
  c.execute("DELETE FROM coalition_members WHERE coalition_id = ? AND user_id = ?", {coalition_id, user_id});
}

namespace {
constexpr const char* kDeclarationSelect =
    "SELECT d.id, d.coalition_id, k.slug, k.title, k.number, d.user_id, u.name, d.organisation_id, "
    "COALESCE(o.name, ''), COALESCE(ok.label, ''), d.lever_commande, d.lever_offre, d.lever_usages, d.message, "
    "d.created_at, d.updated_at FROM interest_declarations d JOIN coalitions k ON k.id = d.coalition_id "
    "JOIN users u ON u.id = d.user_id LEFT JOIN organisations o ON o.id = d.organisation_id "
    "LEFT JOIN organisation_kinds ok ON ok.id = o.kind_id ";

Declaration read_declaration(const storage::Row& r) {
  return {r.integer(0),          r.integer(1),     r.text(2), r.text(3),     r.text(4),     r.integer(5),  r.text(6),
          r.optional_integer(7), r.text(8),        r.text(9), r.boolean(10), r.boolean(11), r.boolean(12), r.text(13),
          at(r.integer(14)),     at(r.integer(15))};
}
}  // namespace

std::vector<Declaration> declarations(Connection& c, std::int64_t coalition_id) {
  storage::Rows coalition(c, "coalitions", coalition_id), declared(c, "interest_declarations", coalition_id);
  std::vector<Declaration> out;
  for (const auto& r :
       c.query(std::string(kDeclarationSelect) + "WHERE d.coalition_id = ? ORDER BY d.created_at", {coalition_id}))
    out.push_back(read_declaration(r));
  return out;
}

std::vector<Declaration> declarations_of_user(Connection& c, std::int64_t user_id) {
  // The person's rows, and what names their coalitions: another person's declaration, or a coalition's
  // activity moving, keeps a page that lists them.
  storage::Rows mine(c, "interest_declarations", "user_id"), names(c, "coalitions");
  mine.add(user_id);
  std::vector<Declaration> out;
  for (const auto& r :
       c.query(std::string(kDeclarationSelect) + "WHERE d.user_id = ? ORDER BY k.number_key", {user_id}))
    out.push_back(read_declaration(r));
  return out;
}

std::optional<Declaration> declaration(Connection& c, std::int64_t coalition_id, std::int64_t user_id) {
  storage::Rows coalition(c, "coalitions", coalition_id), declared(c, "interest_declarations", coalition_id);
  auto r = c.query_one(std::string(kDeclarationSelect) + "WHERE d.coalition_id = ? AND d.user_id = ?",
                       {coalition_id, user_id});
  if (!r) return std::nullopt;
  return read_declaration(*r);
}

namespace {
// A change to one person's declaration on a coalition is named by the coalition, by the person, and
// by the organisations it was and will be made for (storage::Rows: an organisation's page lists the
// coalitions it declared interest in, the person's account their declarations).
void name_declaration(Connection& c, storage::Rows& by_organisation, std::int64_t coalition_id, std::int64_t user_id) {
  auto old = c.query_one("SELECT organisation_id FROM interest_declarations WHERE coalition_id = ? AND user_id = ?",
                         {coalition_id, user_id});
  by_organisation.add(old ? old->optional_integer(0) : std::nullopt);
}
}  // namespace

void upsert_declaration(Connection& c, const Declaration& d, sys_seconds now) {
  storage::Rows by_coalition(c, "interest_declarations", d.coalition_id);
  storage::Rows by_user(c, "interest_declarations", "user_id"),
      by_organisation(c, "interest_declarations", "organisation_id");
  by_user.add(d.user_id);
  name_declaration(c, by_organisation, d.coalition_id, d.user_id);
  by_organisation.add(d.organisation_id);
  c.execute(
      "INSERT INTO interest_declarations (coalition_id, user_id, organisation_id, lever_commande, lever_offre, "
      "lever_usages, message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (coalition_id, user_id) DO UPDATE SET organisation_id = excluded.organisation_id, "
      "lever_commande = excluded.lever_commande, lever_offre = excluded.lever_offre, "
      "lever_usages = excluded.lever_usages, message = excluded.message, updated_at = excluded.updated_at",
      {d.coalition_id, d.user_id, nullable(d.organisation_id), std::int64_t(d.commande), std::int64_t(d.offre),
       std::int64_t(d.usages), d.message, secs(now), secs(now)});
}

void delete_declaration(Connection& c, std::int64_t coalition_id, std::int64_t user_id) {
  storage::Rows by_coalition(c, "interest_declarations", coalition_id);
  storage::Rows by_user(c, "interest_declarations", "user_id"),
      by_organisation(c, "interest_declarations", "organisation_id");
  by_user.add(user_id);
  name_declaration(c, by_organisation, coalition_id, user_id);
  c.execute("DELETE FROM interest_declarations WHERE coalition_id = ? AND user_id = ?", {coalition_id, user_id});
}

std::vector<std::pair<Named, Role>> coalitions_of_user(Connection& c, std::int64_t user_id) {
  std::vector<std::pair<Named, Role>> out;
  for (const auto& r :
       storage::query_identity(c, "coalitions",
                               "SELECT k.id, k.slug, k.number, k.title, m.role FROM coalition_members m "
                               "JOIN coalitions k ON k.id = m.coalition_id WHERE m.user_id = ? "
                               "ORDER BY k.number_key",
                               {user_id}))
    out.emplace_back(Named{r.integer(0), r.text(1), r.text(2), r.text(3)},
                     r.text(4) == "co-porteur" ? Role::co_porteur : Role::membre);
  return out;
}

namespace {
// The coalitions an organisation animates, has members in, or declared interest in: one set of ids,
// each then read by its key (an OR of the three scanned every coalition).
constexpr const char* kOfOrganisation =
    "k.id IN (SELECT a.id FROM coalitions a WHERE a.animating_organisation_id = ? "
    "UNION SELECT m.coalition_id FROM coalition_members m JOIN user_organisations uo "
    "ON uo.user_id = m.user_id WHERE uo.organisation_id = ? "
    "UNION SELECT d.coalition_id FROM interest_declarations d WHERE d.organisation_id = ?)";
}  // namespace

// The organisation's declarations are read by their organisation; of coalitions, no row: their numbers,
// slugs and titles, which changes named by a coalition's row (its activity) never change.
std::vector<Named> coalitions_of_organisation(Connection& c, std::int64_t organisation_id) {
  storage::Rows declared(c, "interest_declarations", "organisation_id");
  declared.add(organisation_id);
  storage::Rows none(c, "coalitions");  // which coalitions an organisation animates is no row's key
  std::vector<Named> out;
  for (const auto& r : c.query(std::string("SELECT k.id, k.slug, k.number, k.title FROM coalitions k WHERE ") +
                                   kOfOrganisation + " ORDER BY k.number_key",
                               {organisation_id, organisation_id, organisation_id}))
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

}  // namespace fabrique::coalitions::store
