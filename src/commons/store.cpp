// SQL for resources, the charter and the boussole: portable, next to the functions that use it.
#include "commons/store.hpp"

#include <fmt/format.h>

#include <limits>
#include <map>

#include "storage/settings.hpp"
#include "territories/links.hpp"

namespace fabrique::commons::store {

namespace {

using storage::Params;
using storage::Row;
using storage::Value;

using storage::at;
using storage::nullable;
using storage::secs;
std::optional<sys_seconds> opt_at(const Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return at(r.integer(i));
}
const char* status_name(Status s) { return s == Status::published ? "published" : "draft"; }

// "?, ?, ?" for n parameters.
constexpr const char* kPublicName = "CASE WHEN u.show_name = 1 THEN u.name ELSE '' END";

// --- Resources

const std::string kResourceColumns = fmt::format(
    "r.id, r.slug, r.title, r.description, r.url, r.file_id, r.kind, r.licence, r.status, r.submitted_by, {}, "
    "r.revision, r.created_at, r.updated_at, COALESCE(f.name, ''), COALESCE(f.media_type, ''), COALESCE(f.size, 0), "
    "r.creator",
    kPublicName);
// The joins kResourceColumns reads from.
constexpr const char* kResourceJoins =
    "LEFT JOIN users u ON u.id = r.submitted_by LEFT JOIN files f ON f.id = r.file_id";

Resource resource_of(const Row& row) {
  Resource r;
  r.id = row.integer(0);
  r.slug = row.text(1);
  r.title = row.text(2);
  r.description = row.text(3);
  r.url = row.text(4);
  r.file_id = row.optional_integer(5);
  r.kind = row.text(6);
  r.licence = row.text(7);
  r.status = row.text(8) == "published" ? Status::published : Status::draft;
  r.submitted_by = row.optional_integer(9);
  r.submitter_name = row.text(10);
  r.revision = row.integer(11);
  r.created_at = at(row.integer(12));
  r.updated_at = at(row.integer(13));
  r.file_name = row.text(14);
  r.file_type = row.text(15);
  r.file_size = row.integer(16);
  r.creator = row.text(17);
  return r;
}

// `where` (which resources one may see) narrowed by the filter's other conditions, their values
// appended to `p`. Only the conditions asked for: a generic "? = '' OR …" per filter kept SQLite from
// using any index and evaluated every condition on every resource (168 ms for the library's count at
// 200,000).
std::string narrowed(std::string where, const ResourceFilter& f, Params& p) {
  if (!f.kind.empty()) {
    where += " AND r.kind = ?";
    p.push_back(f.kind);
  }
  if (!f.licence.empty()) {
    where += " AND r.licence = ?";
    p.push_back(f.licence);
  }
  if (!f.tag.empty()) {
    where += " AND r.id IN (SELECT t.resource_id FROM resource_tags t WHERE t.tag = ?)";
    p.push_back(f.tag);
  }
  if (f.coalition_id && *f.coalition_id != 0) {
    where += " AND r.id IN (SELECT rc.resource_id FROM resource_coalitions rc WHERE rc.coalition_id = ?)";
    p.push_back(*f.coalition_id);
  }
  if (f.updated_since) {
    where += " AND r.updated_at >= ?";
    p.push_back(secs(*f.updated_since));
  }
  if (f.after_id) {
    where += " AND (r.updated_at, r.id) < (SELECT x.updated_at, x.id FROM resources x WHERE x.id = ?)";
    p.push_back(*f.after_id);
  }
  if (f.territory_id) {
    static const std::string within = territories::within_sql(territories::subject::resource, "r.id");
    where += " AND " + within;
    p.push_back(*f.territory_id);
  }
  return where;
}

std::string resource_where(const ResourceFilter& f, Params& p) {
  if (f.all_drafts) return narrowed("1 = 1", f, p);
  if (!f.drafts_of) return narrowed("r.status = 'published'", f, p);
  // The list walks the resources by date and stops at its page: `+` keeps SQLite from gathering both
  // sides of the OR through their indexes and sorting them all (136 ms for the library at 40,000).
  p.push_back(*f.drafts_of);
  return narrowed("(r.status = 'published' OR +r.submitted_by = ?)", f, p);
}

// Tags and coalitions of these resources, in two queries whatever their number.
void fill_links(Connection& c, std::vector<Resource>& list) {
  if (list.empty()) return;
  std::map<std::int64_t, Resource*> by_id;
  Params ids;
  for (auto& r : list) {
    by_id[r.id] = &r;
    ids.push_back(r.id);
  }
  for (const auto& row : c.query(fmt::format("SELECT resource_id, tag FROM resource_tags WHERE resource_id IN ({}) "
                                             "ORDER BY tag",
                                             storage::placeholders(ids.size())),
                                 ids))
    by_id[row.integer(0)]->tags.push_back(row.text(1));
  for (const auto& row :
       // CROSS JOIN: the links drive (see events::store::fill_refs; 2.5 s for 20,000 resources otherwise).
       storage::query_identity(
           c, "coalitions",
           fmt::format("SELECT rc.resource_id, k.id, k.slug, k.number, k.title FROM resource_coalitions "
                       "rc CROSS JOIN coalitions k WHERE k.id = rc.coalition_id AND rc.resource_id IN "
                       "({}) ORDER BY k.number_key",
                       storage::placeholders(ids.size())),
           ids))
    by_id[row.integer(0)]->coalitions.push_back({row.integer(1), row.text(2), row.text(3), row.text(4)});
}

// --- Boussole

const std::string kCardColumns = fmt::format(
    "b.id, b.slug, b.title, b.context, b.tried, b.outcome, b.learned, b.tensions, b.sources, b.coalition_id, "
    "k.slug, k.number, k.title, b.status, b.submitted_by, {}, b.revision, b.created_at, b.updated_at",
    kPublicName);

Card card_of(const Row& row) {
  Card k;
  k.id = row.integer(0);
  k.slug = row.text(1);
  k.title = row.text(2);
  k.context = row.text(3);
  k.tried = row.text(4);
  k.outcome = row.text(5);
  k.learned = row.text(6);
  k.tensions = row.text(7);
  k.sources = row.text(8);
  if (!row.is_null(9)) k.coalition = CoalitionRef{row.integer(9), row.text(10), row.text(11), row.text(12)};
  k.status = row.text(13) == "published" ? Status::published : Status::draft;
  k.submitted_by = row.optional_integer(14);
  k.submitter_name = row.text(15);
  k.revision = row.integer(16);
  k.created_at = at(row.integer(17));
  k.updated_at = at(row.integer(18));
  return k;
}

}  // namespace

std::vector<Resource> resources(Connection& c, const ResourceFilter& f) {
  Params p;
  std::string where = resource_where(f, p);
  std::string page = storage::page_clause(f.limit, f.offset, p);
  std::vector<Resource> out;
  for (const auto& row :
       c.query(fmt::format("SELECT {} FROM resources r {} WHERE {} ORDER BY r.updated_at DESC, r.id DESC{}",
                           kResourceColumns, kResourceJoins, where, page),
               p))
    out.push_back(resource_of(row));
  fill_links(c, out);
  return out;
}

namespace {

std::int64_t count_where(Connection& c, const std::string& where, const Params& p) {
  return c.query_integer(fmt::format("SELECT COUNT(*) FROM resources r WHERE {}", where), p);
}

}  // namespace

std::int64_t count_resources(Connection& c, const ResourceFilter& f) {
  Params p;
  if (f.all_drafts) return count_where(c, narrowed("1 = 1", f, p), p);
  const std::string published = narrowed("r.status = 'published'", f, p);
  // Nothing narrows it (each condition has a value): the library's count on every view of its first
  // page, shared until a resource changes.
  std::int64_t n = p.empty() ? storage::settings::memo<std::int64_t>(c, "commons.resources_published",
                                                                     [&] { return count_where(c, published, p); })
                             : count_where(c, published, p);
  // One's own drafts counted apart: with the OR of resource_where() SQLite read every resource (13 ms
  // at 40,000 against 1 ms), as no one index holds both conditions.
  if (f.drafts_of) {
    Params q{*f.drafts_of};
    n += count_where(c, narrowed("r.submitted_by = ? AND r.status <> 'published'", f, q), q);
  }
  return n;
}

std::optional<Resource> resource(Connection& c, std::string_view slug) {
  auto row =
      c.query_one(fmt::format("SELECT {} FROM resources r {} WHERE r.slug = ?", kResourceColumns, kResourceJoins),
                  {std::string(slug)});
  if (!row) return std::nullopt;
  std::vector<Resource> one{resource_of(*row)};
  fill_links(c, one);
  return one.front();
}

bool resource_slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM resources WHERE slug = ?", {std::string(slug)}) > 0;
}

std::int64_t insert_resource(Connection& c, const Resource& r) {
  return c
      .query_one(
          "INSERT INTO resources (slug, title, description, url, file_id, kind, licence, creator, status, "
          "submitted_by, revision, created_at, updated_at, published_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
          {r.slug, r.title, r.description, r.url, nullable(r.file_id), r.kind, r.licence, r.creator,
           std::string(status_name(r.status)), nullable(r.submitted_by), secs(r.created_at), secs(r.updated_at),
           r.status == Status::published ? Value(secs(r.created_at)) : Value(nullptr)})
      ->integer(0);
}

bool update_resource(Connection& c, const Resource& r) {
  return c.execute(
             "UPDATE resources SET title = ?, description = ?, url = ?, file_id = ?, kind = ?, licence = ?, "
             "creator = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?",
             {r.title, r.description, r.url, nullable(r.file_id), r.kind, r.licence, r.creator, r.revision,
              secs(r.updated_at), r.id, r.revision - 1}) == 1;
}

void set_resource_status(Connection& c, std::int64_t id, Status s, sys_seconds now) {
  c.execute("UPDATE resources SET status = ?, published_at = ?, updated_at = ? WHERE id = ?",
            {std::string(status_name(s)), s == Status::published ? Value(secs(now)) : Value(nullptr), secs(now), id});
}

void delete_resource(Connection& c, std::int64_t id) { c.execute("DELETE FROM resources WHERE id = ?", {id}); }

void set_resource_links(Connection& c, std::int64_t id, const std::vector<std::string>& tags,
                        const std::vector<std::int64_t>& coalition_ids) {
  c.execute("DELETE FROM resource_tags WHERE resource_id = ?", {id});
  c.execute("DELETE FROM resource_coalitions WHERE resource_id = ?", {id});
  for (const auto& t : tags) c.execute("INSERT INTO resource_tags (resource_id, tag) VALUES (?, ?)", {id, t});
  for (auto k : coalition_ids)
    c.execute("INSERT INTO resource_coalitions (resource_id, coalition_id) VALUES (?, ?)", {id, k});
}

void insert_resource_revision(Connection& c, const Resource& r, std::optional<std::int64_t> author, sys_seconds when,
                              std::optional<std::int64_t> merged_with) {
  std::string tags, coalitions;
  for (const auto& t : r.tags) tags += (tags.empty() ? "" : ", ") + t;
  for (const auto& k : r.coalitions) coalitions += (coalitions.empty() ? "" : ", ") + k.number;
  c.execute(
      "INSERT INTO resource_revisions (resource_id, number, author_id, created_at, title, description, url, kind, "
      "licence, tags, coalitions, creator, merged_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, r.revision, nullable(author), secs(when), r.title, r.description, r.url, r.kind, r.licence, tags,
       coalitions, r.creator, nullable(merged_with)});
}

namespace {

std::vector<ResourceRevision> resource_revisions_where(Connection& c, const std::string& where, const Params& p) {
  std::vector<ResourceRevision> out;
  storage::Rows none(c, "coalitions");  // v.coalitions is a column: no row of the table is read
  for (const auto& row : c.query(fmt::format("SELECT v.number, v.created_at, {}, v.title, v.description, v.url, "
                                             "v.kind, v.licence, v.tags, v.coalitions, v.creator, v.merged_with "
                                             "FROM resource_revisions v "
                                             "LEFT JOIN users u ON u.id = v.author_id WHERE {} ORDER BY v.number DESC",
                                             kPublicName, where),
                                 p))
    out.push_back({row.integer(0), at(row.integer(1)), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6),
                   row.text(7), row.text(8), row.text(9), row.text(10), row.optional_integer(11)});
  return out;
}

}  // namespace

std::vector<ResourceRevision> resource_revisions(Connection& c, std::int64_t resource_id) {
  return resource_revisions_where(c, "v.resource_id = ?", {resource_id});
}

std::optional<ResourceRevision> resource_revision(Connection& c, std::int64_t resource_id, std::int64_t number) {
  auto list = resource_revisions_where(c, "v.resource_id = ? AND v.number = ?", {resource_id, number});
  if (list.empty()) return std::nullopt;
  return list.front();
}

std::vector<std::string> used_tags(Connection& c) {
  // Read from every published resource's tags: once per change of the data, not per view of the list.
  return storage::settings::memo<std::vector<std::string>>(c, "commons.used_tags", [&] {
    std::vector<std::string> out;
    for (const auto& row : c.query("SELECT DISTINCT t.tag FROM resource_tags t JOIN resources r ON r.id = "
                                   "t.resource_id WHERE r.status = 'published' ORDER BY t.tag"))
      out.push_back(row.text(0));
    return out;
  });
}

std::vector<CoalitionRef> coalitions(Connection& c) {
  std::vector<CoalitionRef> out;
  for (const auto& row : c.query("SELECT id, slug, number, title FROM coalitions ORDER BY number_key"))
    out.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
  return out;
}

std::vector<CoalitionRef> coalitions_with_slugs(Connection& c, const std::vector<std::string>& slugs) {
  std::vector<CoalitionRef> out;
  if (slugs.empty()) return out;
  const Params p(slugs.begin(), slugs.end());
  for (const auto& row : c.query(fmt::format("SELECT id, slug, number, title FROM coalitions WHERE slug IN ({}) "
                                             "ORDER BY number_key",
                                             storage::placeholders(slugs.size())),
                                 p))
    out.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
  return out;
}

bool is_co_porteur_of_any(Connection& c, std::int64_t user_id, const std::vector<std::int64_t>& coalition_ids) {
  if (coalition_ids.empty()) return false;
  Params p{user_id};
  for (auto k : coalition_ids) p.push_back(k);
  return c.query_integer(fmt::format("SELECT COUNT(*) FROM coalition_members WHERE user_id = ? AND role = "
                                     "'co-porteur' AND coalition_id IN ({})",
                                     storage::placeholders(coalition_ids.size())),
                         p) > 0;
}

// --- The charter

namespace {

constexpr const char* kVersionColumns =
    "id, number, label, summary, consultation_opens_at, consultation_closes_at, adopted_at, created_at, updated_at";

CharterVersion version_of(const Row& row) {
  CharterVersion v;
  v.id = row.integer(0);
  v.number = row.integer(1);
  v.label = row.text(2);
  v.summary = row.text(3);
  v.opens_at = opt_at(row, 4);
  v.closes_at = opt_at(row, 5);
  v.adopted_at = opt_at(row, 6);
  v.created_at = at(row.integer(7));
  v.updated_at = at(row.integer(8));
  return v;
}

void fill_sections(Connection& c, CharterVersion& v) {
  for (const auto& row : c.query("SELECT section, body FROM charter_sections WHERE version_id = ?", {v.id}))
    v.sections[row.text(0)] = row.text(1);
}

}  // namespace

std::vector<CharterVersion> charter_versions(Connection& c) {
  std::vector<CharterVersion> out;
  for (const auto& row : c.query(fmt::format("SELECT {} FROM charter_versions ORDER BY number DESC", kVersionColumns)))
    out.push_back(version_of(row));
  return out;
}

std::optional<CharterVersion> charter_version(Connection& c, std::int64_t number) {
  auto row = c.query_one(fmt::format("SELECT {} FROM charter_versions WHERE number = ?", kVersionColumns), {number});
  if (!row) return std::nullopt;
  CharterVersion v = version_of(*row);
  fill_sections(c, v);
  return v;
}

std::optional<CharterVersion> latest_adopted(Connection& c, std::optional<std::int64_t> before) {
  auto row = c.query_one(fmt::format("SELECT {} FROM charter_versions WHERE adopted_at IS NOT NULL AND number < ? "
                                     "ORDER BY number DESC LIMIT 1",
                                     kVersionColumns),
                         {before.value_or(std::numeric_limits<std::int64_t>::max())});
  if (!row) return std::nullopt;
  CharterVersion v = version_of(*row);
  fill_sections(c, v);
  return v;
}

std::int64_t next_charter_number(Connection& c) {
  return c.query_integer("SELECT COALESCE(MAX(number), 0) + 1 FROM charter_versions");
}

std::int64_t insert_charter_version(Connection& c, const CharterVersion& v, std::int64_t by) {
  std::int64_t id = c.query_one(
                         "INSERT INTO charter_versions (number, label, summary, consultation_opens_at, "
                         "consultation_closes_at, adopted_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, "
                         "?, ?, ?, ?, ?) RETURNING id",
                         {v.number, v.label, v.summary, nullable(v.opens_at), nullable(v.closes_at),
                          nullable(v.adopted_at), by, secs(v.created_at), secs(v.updated_at)})
                        ->integer(0);
  for (const auto& [key, body] : v.sections)
    c.execute("INSERT INTO charter_sections (version_id, section, body) VALUES (?, ?, ?)", {id, key, body});
  return id;
}

void update_charter_version(Connection& c, const CharterVersion& v) {
  c.execute(
      "UPDATE charter_versions SET label = ?, summary = ?, consultation_opens_at = ?, consultation_closes_at = ?, "
      "adopted_at = ?, updated_at = ? WHERE id = ?",
      {v.label, v.summary, nullable(v.opens_at), nullable(v.closes_at), nullable(v.adopted_at), secs(v.updated_at),
       v.id});
  c.execute("DELETE FROM charter_sections WHERE version_id = ?", {v.id});
  for (const auto& [key, body] : v.sections)
    c.execute("INSERT INTO charter_sections (version_id, section, body) VALUES (?, ?, ?)", {v.id, key, body});
}

std::vector<CharterComment> charter_comments(Connection& c, std::int64_t version_id) {
  std::vector<CharterComment> out;
  for (const auto& row :
       c.query(fmt::format("SELECT m.id, m.section, {}, COALESCE((SELECT o.name FROM user_organisations uo JOIN "
                           "organisations o ON o.id = uo.organisation_id WHERE uo.user_id = m.author_id ORDER BY "
                           "uo.created_at, o.id LIMIT 1), ''), m.body, m.created_at FROM charter_comments m LEFT JOIN "
                           "users u ON u.id = m.author_id WHERE m.version_id = ? ORDER BY m.created_at, m.id",
                           kPublicName),
               {version_id}))
    out.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), at(row.integer(5))});
  return out;
}

void insert_charter_comment(Connection& c, std::int64_t version_id, const std::string& section, std::int64_t author,
                            const std::string& body, sys_seconds when) {
  c.execute("INSERT INTO charter_comments (version_id, section, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
            {version_id, section, author, body, secs(when)});
}

namespace {

// The signatures in the order they are listed: newest version first, then its organisations by name,
// then the people, each in the order they signed.
constexpr const char* kSignatureOrder =
    "ORDER BY v.number DESC, s.organisation_id = 0, COALESCE(o.name, ''), s.created_at, s.id";
constexpr const char* kSignatureFrom =
    "FROM charter_signatures s JOIN charter_versions v ON v.id = s.version_id JOIN users u ON u.id = s.user_id "
    "LEFT JOIN organisations o ON o.id = s.organisation_id ";

std::vector<Signature> read_signatures(Connection& c, const std::string& where, const Params& p) {
  std::vector<Signature> out;
  for (const auto& row : c.query(fmt::format("SELECT s.id, v.number, s.user_id, {}, s.organisation_id, "
                                             "COALESCE(o.name, ''), COALESCE(o.slug, ''), s.created_at {}{}{}",
                                             kPublicName, kSignatureFrom, where, kSignatureOrder),
                                 p))
    out.push_back({row.integer(0), row.integer(1), row.integer(2), row.text(3), row.integer(4), row.text(5),
                   row.text(6), at(row.integer(7))});
  return out;
}

}  // namespace

std::vector<Signature> signatures(Connection& c, std::optional<std::int64_t> signer_of) {
  if (!signer_of) return read_signatures(c, "", {});
  // The person's own signatures, then those of the organisations they signed for, each found from
  // an index: an OR of the two read every signature of the charter (1.1 ms for the charter's page,
  // signed in, in the large programme).
  return read_signatures(
      c,
      "WHERE s.id IN (SELECT m.id FROM charter_signatures m WHERE m.user_id = ? AND m.organisation_id = 0 "
      "UNION ALL SELECT y.id FROM charter_signatures x CROSS JOIN charter_signatures y "
      "WHERE x.user_id = ? AND x.organisation_id <> 0 AND y.organisation_id = x.organisation_id) ",
      {*signer_of, *signer_of});
}

std::vector<Signature> signature_order(Connection& c) {
  std::vector<Signature> out;
  for (const auto& row : c.query(
           fmt::format("SELECT s.id, v.number, s.user_id, s.organisation_id {}{}", kSignatureFrom, kSignatureOrder)))
    out.push_back({.id = row.integer(0),
                   .version_number = row.integer(1),
                   .user_id = row.integer(2),
                   .organisation_id = row.integer(3)});
  return out;
}

std::vector<Signature> signatures_by_id(Connection& c, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  return read_signatures(c, "WHERE s.id IN (" + storage::placeholders(ids.size()) + ") ",
                         Params(ids.begin(), ids.end()));
}

bool signed_already(Connection& c, std::int64_t version_id, std::int64_t user_id, std::int64_t organisation_id) {
  return c.query_integer(
             "SELECT COUNT(*) FROM charter_signatures WHERE version_id = ? AND user_id = ? AND organisation_id = ?",
             {version_id, user_id, organisation_id}) > 0;
}

bool organisation_signed(Connection& c, std::int64_t version_id, std::int64_t organisation_id) {
  return c.query_integer("SELECT COUNT(*) FROM charter_signatures WHERE version_id = ? AND organisation_id = ?",
                         {version_id, organisation_id}) > 0;
}

void insert_signature(Connection& c, std::int64_t version_id, std::int64_t user_id, std::int64_t organisation_id,
                      sys_seconds when) {
  c.execute("INSERT INTO charter_signatures (version_id, user_id, organisation_id, created_at) VALUES (?, ?, ?, ?)",
            {version_id, user_id, organisation_id, secs(when)});
}

// --- The boussole

namespace {

std::string card_where(const CardFilter& f, Params& p) {
  p.insert(p.end(), {std::int64_t{f.all_drafts ? 1 : 0}, f.drafts_of.value_or(-1), f.outcome, f.outcome,
                     f.coalition_id.value_or(0), f.coalition_id.value_or(0),
                     f.updated_since ? secs(*f.updated_since) : std::int64_t{0}});
  std::string where =
      "(b.status = 'published' OR ? = 1 OR b.submitted_by = ?) AND (? = '' OR b.outcome = ?) AND "
      "(? = 0 OR b.coalition_id = ?) AND b.updated_at >= ?";
  if (f.territory_id) {
    static const std::string within = territories::within_sql(territories::subject::card, "b.id");
    where += " AND " + within;
    p.push_back(*f.territory_id);
  }
  return where;
}

}  // namespace

std::vector<Card> cards(Connection& c, const CardFilter& f) {
  Params p;
  const std::string where = card_where(f, p);
  const std::string page = storage::page_clause(f.limit, f.offset, p);
  std::vector<Card> out;
  for (const auto& row :
       storage::query_identity(c, "coalitions",
                               fmt::format("SELECT {} FROM boussole_cards b LEFT JOIN coalitions k ON k.id = "
                                           "b.coalition_id LEFT JOIN users u ON u.id = b.submitted_by WHERE {} "
                                           "ORDER BY b.updated_at DESC, b.id DESC{}",
                                           kCardColumns, where, page),
                               p))
    out.push_back(card_of(row));
  return out;
}

std::int64_t count_cards(Connection& c, const CardFilter& f) {
  Params p;
  const std::string where = card_where(f, p);
  return c.query_integer("SELECT COUNT(*) FROM boussole_cards b WHERE " + where, p);
}

std::optional<Card> card(Connection& c, std::string_view slug) {
  auto rows =
      storage::query_identity(c, "coalitions",
                              fmt::format("SELECT {} FROM boussole_cards b LEFT JOIN coalitions k ON k.id = "
                                          "b.coalition_id LEFT JOIN users u ON u.id = b.submitted_by WHERE b.slug = ?",
                                          kCardColumns),
                              {std::string(slug)});
  if (rows.empty()) return std::nullopt;
  return card_of(rows.front());
}

bool card_slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM boussole_cards WHERE slug = ?", {std::string(slug)}) > 0;
}

std::int64_t insert_card(Connection& c, const Card& k) {
  return c
      .query_one(
          "INSERT INTO boussole_cards (slug, title, context, tried, outcome, learned, tensions, sources, "
          "coalition_id, status, submitted_by, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, 1, ?, ?) RETURNING id",
          {k.slug, k.title, k.context, k.tried, k.outcome, k.learned, k.tensions, k.sources,
           k.coalition ? Value(k.coalition->id) : Value(nullptr), std::string(status_name(k.status)),
           nullable(k.submitted_by), secs(k.created_at), secs(k.updated_at)})
      ->integer(0);
}

bool update_card(Connection& c, const Card& k) {
  return c.execute(
             "UPDATE boussole_cards SET title = ?, context = ?, tried = ?, outcome = ?, learned = ?, tensions = ?, "
             "sources = ?, coalition_id = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?",
             {k.title, k.context, k.tried, k.outcome, k.learned, k.tensions, k.sources,
              k.coalition ? Value(k.coalition->id) : Value(nullptr), k.revision, secs(k.updated_at), k.id,
              k.revision - 1}) == 1;
}

void set_card_status(Connection& c, std::int64_t id, Status s, sys_seconds now) {
  c.execute("UPDATE boussole_cards SET status = ?, updated_at = ? WHERE id = ?",
            {std::string(status_name(s)), secs(now), id});
}

void insert_card_revision(Connection& c, const Card& k, std::optional<std::int64_t> author, sys_seconds when,
                          std::optional<std::int64_t> merged_with) {
  c.execute(
      "INSERT INTO boussole_card_revisions (card_id, number, author_id, created_at, title, context, tried, outcome, "
      "learned, tensions, sources, coalition, merged_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {k.id, k.revision, nullable(author), secs(when), k.title, k.context, k.tried, k.outcome, k.learned, k.tensions,
       k.sources, k.coalition ? k.coalition->slug : std::string(), nullable(merged_with)});
}

namespace {

std::vector<CardRevision> card_revisions_where(Connection& c, const std::string& where, const Params& p) {
  std::vector<CardRevision> out;
  for (const auto& row :
       c.query(fmt::format("SELECT v.number, v.created_at, {}, v.title, v.context, v.tried, "
                           "v.outcome, v.learned, v.tensions, v.sources, v.coalition, v.merged_with FROM "
                           "boussole_card_revisions v LEFT JOIN users u ON u.id = v.author_id "
                           "WHERE {} ORDER BY v.number DESC",
                           kPublicName, where),
               p))
    out.push_back({row.integer(0), at(row.integer(1)), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6),
                   row.text(7), row.text(8), row.text(9), row.text(10), row.optional_integer(11)});
  return out;
}

}  // namespace

std::vector<CardRevision> card_revisions(Connection& c, std::int64_t card_id) {
  return card_revisions_where(c, "v.card_id = ?", {card_id});
}

std::optional<CardRevision> card_revision(Connection& c, std::int64_t card_id, std::int64_t number) {
  auto list = card_revisions_where(c, "v.card_id = ? AND v.number = ?", {card_id, number});
  if (list.empty()) return std::nullopt;
  return list.front();
}

}  // namespace fabrique::commons::store
