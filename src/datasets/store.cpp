// SQL for datasets, their themes, distributions and revisions.
#include "datasets/store.hpp"

#include <map>

#include "common/text.hpp"
#include "storage/instants.hpp"
#include "territories/links.hpp"

namespace fabrique::datasets::store {
namespace {

using storage::secs;

constexpr const char* kSelectDataset =
    "SELECT d.id, d.slug, d.title, d.description, d.producer_id, o.slug, o.name, d.contact, d.keywords, d.licence, "
    "d.frequency, d.temporal_start, d.temporal_end, d.issued, d.modified, d.conforms_to, d.conforms_to_url, "
    "d.revision, d.created_at, d.updated_at "
    "FROM datasets d JOIN organisations o ON o.id = d.producer_id ";

Dataset read_dataset(const storage::Row& r) {
  Dataset d;
  d.id = r.integer(0);
  d.slug = r.text(1);
  d.title = r.text(2);
  d.description = r.text(3);
  d.producer_id = r.integer(4);
  d.producer_slug = r.text(5);
  d.producer_name = r.text(6);
  d.contact = r.text(7);
  d.keywords = r.text(8);
  d.licence = r.text(9);
  d.frequency = r.text(10);
  d.temporal_start = r.text(11);
  d.temporal_end = r.text(12);
  d.issued = r.text(13);
  d.modified = r.text(14);
  d.conforms_to = r.text(15);
  d.conforms_to_url = r.text(16);
  d.revision = r.integer(17);
  d.created_at = storage::at(r.integer(18));
  d.updated_at = storage::at(r.integer(19));
  return d;
}

// "?, ?, …" for `n` values.
std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

std::string dataset_where(const Filter& f, storage::Params& params) {
  static const std::string within = territories::within_sql(territories::subject::dataset, "d.id");
  std::string where;
  auto clause = [&](const std::string& sql) { where += (where.empty() ? "WHERE " : " AND ") + sql; };
  if (f.territory_id) {
    clause(within);
    params.push_back(*f.territory_id);
  }
  if (f.theme_id) {
    clause("EXISTS (SELECT 1 FROM dataset_theme_links t WHERE t.dataset_id = d.id AND t.theme_id = ?)");
    params.push_back(*f.theme_id);
  }
  if (f.producer_id) {
    clause("d.producer_id = ?");
    params.push_back(*f.producer_id);
  }
  if (!f.format.empty()) {
    clause("EXISTS (SELECT 1 FROM dataset_distributions x WHERE x.dataset_id = d.id AND x.format_key = ?)");
    params.push_back(text::lower(f.format));
  }
  if (!f.licence.empty()) {
    clause("d.licence = ?");
    params.push_back(f.licence);
  }
  if (f.reused) clause("EXISTS (SELECT 1 FROM reuse_datasets x WHERE x.dataset_id = d.id)");
  if (f.slugs) {
    if (f.slugs->empty()) {
      clause("1 = 0");
    } else {
      clause("d.slug IN (" + placeholders(f.slugs->size()) + ")");
      for (const auto& s : *f.slugs) params.push_back(s);
    }
  }
  if (f.updated_since) {
    clause("d.updated_at >= ?");
    params.push_back(secs(*f.updated_since));
  }
  if (f.after_id) {
    clause("(d.title_key, d.id) > (SELECT x.title_key, x.id FROM datasets x WHERE x.id = ?)");
    params.push_back(*f.after_id);
  }
  return where;
}

// Fills the themes and distributions of `datasets`, one query each.
void fill(Connection& c, std::vector<Dataset>& datasets) {
  if (datasets.empty()) return;
  storage::Params ids;
  std::map<std::int64_t, Dataset*> by_id;
  for (auto& d : datasets) {
    ids.push_back(d.id);
    by_id[d.id] = &d;
  }
  const std::string in = "(" + placeholders(ids.size()) + ")";
  for (const auto& r : c.query("SELECT l.dataset_id, t.slug, t.label FROM dataset_theme_links l "
                               "JOIN dataset_themes t ON t.id = l.theme_id WHERE l.dataset_id IN " +
                                   in + " ORDER BY t.position, t.id",
                               ids))
    by_id[r.integer(0)]->themes.push_back({r.text(1), r.text(2)});
  for (const auto& r : c.query("SELECT dataset_id, access_url, format, media_type, byte_size "
                               "FROM dataset_distributions WHERE dataset_id IN " +
                                   in + " ORDER BY dataset_id, position",
                               ids))
    by_id[r.integer(0)]->distributions.push_back({r.text(1), r.text(2), r.text(3), r.optional_integer(4)});
}

}  // namespace

std::vector<Dataset> list(Connection& c, const Filter& f) {
  storage::Params params;
  std::string sql = std::string(kSelectDataset) + dataset_where(f, params) + " ORDER BY d.title_key, d.id";
  sql += storage::page_clause(f.limit, f.offset, params);
  std::vector<Dataset> out;
  for (const auto& r : c.query(sql, params)) out.push_back(read_dataset(r));
  fill(c, out);
  return out;
}

std::int64_t count(Connection& c, const Filter& f) {
  storage::Params params;
  std::string where = dataset_where(f, params);
  return c.query_integer("SELECT COUNT(*) FROM datasets d " + where, params);
}

std::optional<Dataset> by_slug(Connection& c, std::string_view slug) {
  auto r = c.query_one(std::string(kSelectDataset) + "WHERE d.slug = ?", {std::string(slug)});
  if (!r) return std::nullopt;
  std::vector<Dataset> one{read_dataset(*r)};
  fill(c, one);
  return std::move(one.front());
}

bool slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM datasets WHERE slug = ?", {std::string(slug)}) > 0;
}

std::vector<std::string> formats(Connection& c) {
  std::vector<std::string> out;
  // One spelling per format: the smallest, so that "CSV" and "csv" are one choice. From one format
  // to the next in the (format_key, format) index: one probe each, not a read of every distribution.
  for (const auto& r : c.query(storage::distinct_values("dataset_distributions", "format_key") +
                               "SELECT (SELECT MIN(d.format) FROM dataset_distributions d WHERE d.format_key = "
                               "distinct_values.value) FROM distinct_values WHERE value IS NOT NULL ORDER BY value"))
    out.push_back(r.text(0));
  return out;
}

std::vector<Producer> producers(Connection& c) {
  std::vector<Producer> out;
  for (const auto& r :
       c.query("SELECT o.id, o.slug, o.name FROM organisations o "
               "WHERE EXISTS (SELECT 1 FROM datasets d WHERE d.producer_id = o.id) ORDER BY o.name_key"))
    out.push_back({r.integer(0), r.text(1), r.text(2)});
  return out;
}

std::int64_t insert(Connection& c, const Dataset& d, std::optional<std::int64_t> author, sys_seconds now) {
  return c
      .query(
          "INSERT INTO datasets (slug, title, title_key, description, producer_id, contact, keywords, licence, "
          "frequency, temporal_start, temporal_end, issued, modified, conforms_to, conforms_to_url, revision, "
          "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
          "RETURNING id",
          {d.slug, d.title, text::lower(d.title), d.description, d.producer_id, d.contact, d.keywords, d.licence,
           d.frequency, d.temporal_start, d.temporal_end, d.issued, d.modified, d.conforms_to, d.conforms_to_url,
           storage::nullable(author), secs(now), secs(now)})
      .at(0)
      .integer(0);
}

bool update(Connection& c, const Dataset& d, sys_seconds now) {
  return c.execute(
             "UPDATE datasets SET title = ?, title_key = ?, description = ?, producer_id = ?, contact = ?, "
             "keywords = ?, licence = ?, frequency = ?, temporal_start = ?, temporal_end = ?, issued = ?, "
             "modified = ?, conforms_to = ?, conforms_to_url = ?, revision = ?, updated_at = ? "
             "WHERE id = ? AND revision = ?",
             {d.title, text::lower(d.title), d.description, d.producer_id, d.contact, d.keywords, d.licence,
              d.frequency, d.temporal_start, d.temporal_end, d.issued, d.modified, d.conforms_to, d.conforms_to_url,
              d.revision, secs(now), d.id, d.revision - 1}) == 1;
}

void set_themes(Connection& c, std::int64_t dataset_id, const std::vector<std::int64_t>& theme_ids) {
  c.execute("DELETE FROM dataset_theme_links WHERE dataset_id = ?", {dataset_id});
  for (auto id : theme_ids)
    c.execute("INSERT INTO dataset_theme_links (dataset_id, theme_id) VALUES (?, ?)", {dataset_id, id});
}

void set_distributions(Connection& c, std::int64_t dataset_id, const std::vector<Distribution>& distributions) {
  c.execute("DELETE FROM dataset_distributions WHERE dataset_id = ?", {dataset_id});
  std::int64_t position = 0;
  for (const auto& x : distributions)
    c.execute(
        "INSERT INTO dataset_distributions (dataset_id, position, access_url, format, format_key, media_type, "
        "byte_size) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {dataset_id, ++position, x.access_url, x.format, text::lower(x.format), x.media_type,
         storage::nullable(x.byte_size)});
}

void insert_revision(Connection& c, std::int64_t dataset_id, std::int64_t number, std::optional<std::int64_t> author,
                     sys_seconds now, std::optional<std::int64_t> merged_with, const std::string& document) {
  c.execute(
      "INSERT INTO dataset_revisions (dataset_id, number, author_id, created_at, merged_with, document) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {dataset_id, number, storage::nullable(author), secs(now), storage::nullable(merged_with), document});
}

namespace {
// The author's name only when they chose to show it.
constexpr const char* kSelectRevision =
    "SELECT r.number, r.created_at, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, COALESCE(r.merged_with, 0), "
    "r.document "
    "FROM dataset_revisions r LEFT JOIN users u ON u.id = r.author_id ";
Revision read_revision(const storage::Row& r) {
  return {r.integer(0), storage::at(r.integer(1)), r.text(2), r.integer(3), r.text(4)};
}
}  // namespace

std::vector<Revision> revisions(Connection& c, std::int64_t dataset_id) {
  std::vector<Revision> out;
  for (const auto& r :
       c.query(std::string(kSelectRevision) + "WHERE r.dataset_id = ? ORDER BY r.number DESC", {dataset_id}))
    out.push_back(read_revision(r));
  return out;
}

std::optional<Revision> revision(Connection& c, std::int64_t dataset_id, std::int64_t number) {
  auto r = c.query_one(std::string(kSelectRevision) + "WHERE r.dataset_id = ? AND r.number = ?", {dataset_id, number});
  if (!r) return std::nullopt;
  return read_revision(*r);
}

}  // namespace fabrique::datasets::store
