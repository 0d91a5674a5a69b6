// SQL for reuses and their answers.
#include "datasets/reuse_store.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "storage/instants.hpp"
#include "territories/links.hpp"

namespace fabrique::datasets::reuse_store {
namespace {

using storage::secs;

constexpr const char* kSelectReuse =
    "SELECT r.id, r.title, r.description, r.kind, r.purpose_text, r.url, COALESCE(r.author_id, 0), "
    "CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, r.created_at, r.updated_at "
    "FROM reuses r LEFT JOIN users u ON u.id = r.author_id ";

Reuse read_reuse(const storage::Row& row) {
  Reuse r;
  r.id = row.integer(0);
  r.title = row.text(1);
  r.description = row.text(2);
  r.kind = row.text(3);
  r.purpose_text = row.text(4);
  r.url = row.text(5);
  r.author_id = row.integer(6);
  r.author_name = row.text(7);
  r.created_at = storage::at(row.integer(8));
  r.updated_at = storage::at(row.integer(9));
  return r;
}

std::string reuse_where(const Filter& f, storage::Params& params) {
  static const std::string within = territories::within_sql(territories::subject::reuse, "r.id");
  std::string where;
  auto clause = [&](const std::string& sql) { where += (where.empty() ? "WHERE " : " AND ") + sql; };
  if (!f.kind.empty()) {
    clause("r.kind = ?");
    params.push_back(f.kind);
  }
  if (!f.audience.empty()) {
    clause("EXISTS (SELECT 1 FROM reuse_audiences a WHERE a.reuse_id = r.id AND a.audience = ?)");
    params.push_back(f.audience);
  }
  // From the dataset (or the producer's datasets) to their links, then each reuse by its key: an EXISTS
  // per reuse read every reuse of the register to keep those of one dataset (16 ms for a producer's
  // page of the large programme).
  if (f.dataset_id) {
    clause("r.id IN (SELECT x.reuse_id FROM reuse_datasets x WHERE x.dataset_id = ?)");
    params.push_back(*f.dataset_id);
  }
  if (f.producer_id) {
    clause(
        "r.id IN (SELECT x.reuse_id FROM datasets d CROSS JOIN reuse_datasets x "
        "WHERE d.producer_id = ? AND x.dataset_id = d.id)");
    params.push_back(*f.producer_id);
  }
  if (f.territory_id) {
    clause(within);
    params.push_back(*f.territory_id);
  }
  return where;
}

// Fills the datasets, purposes and audiences of `reuses`, one query each: of every reuse when
// `every` (the whole register, as its CSV asks: each table read in full, where an IN list of a
// thousand ids was built into a temporary index, then probed for each row), else of those listed.
void fill(Connection& c, std::vector<Reuse>& reuses, bool every) {
  if (reuses.empty()) return;
  storage::Params ids;
  std::map<std::int64_t, Reuse*> by_id;
  for (auto& r : reuses) {
    if (!every) ids.push_back(r.id);
    by_id[r.id] = &r;
  }
  const std::string in = every ? "" : "x.reuse_id IN (" + storage::placeholders(ids.size()) + ")";
  // A row of a reuse not listed (written after the list was read, outside a transaction) is left out.
  auto of = [&](std::int64_t id) {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : it->second;
  };
  // Sorted here by title: ordered in SQL, SQLite walked every dataset by title and probed each reuse
  // of the list for it (2,000 × 1,000 lookups for the reuses' CSV, 300 ms).
  std::vector<std::tuple<std::int64_t, std::string, UsedDataset>> used;
  // CROSS JOIN: the links drive, each dataset and producer read by its key. With a plain JOIN, SQLite
  // went from each organisation through every one of its datasets to their links (2,000 datasets for
  // 1,500 links).
  for (const auto& row : c.query("SELECT x.reuse_id, d.title_key, d.id, d.slug, d.title, o.id, o.slug, o.name "
                                 "FROM reuse_datasets x CROSS JOIN datasets d CROSS JOIN organisations o "
                                 "WHERE d.id = x.dataset_id AND o.id = d.producer_id" +
                                     (every ? "" : " AND " + in),
                                 ids))
    used.emplace_back(row.integer(0), row.text(1),
                      UsedDataset{row.integer(2), row.text(3), row.text(4), row.integer(5), row.text(6), row.text(7)});
  std::sort(used.begin(), used.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<1>(a), std::get<2>(a).id) < std::tie(std::get<1>(b), std::get<2>(b).id);
  });
  for (auto& [reuse_id, title_key, dataset] : used)
    if (auto* r = of(reuse_id)) r->datasets.push_back(std::move(dataset));
  for (const auto& row : c.query("SELECT x.reuse_id, x.purpose FROM reuse_purposes x" + (every ? "" : " WHERE " + in) +
                                     " ORDER BY x.reuse_id, x.purpose",
                                 ids))
    if (auto* r = of(row.integer(0))) r->purposes.push_back(row.text(1));
  for (const auto& row : c.query("SELECT x.reuse_id, x.audience FROM reuse_audiences x" +
                                     (every ? "" : " WHERE " + in) + " ORDER BY x.reuse_id, x.audience",
                                 ids))
    if (auto* r = of(row.integer(0))) r->audiences.push_back(row.text(1));
}

}  // namespace

std::vector<Reuse> list(Connection& c, const Filter& f) {
  storage::Params params;
  std::string sql = std::string(kSelectReuse) + reuse_where(f, params) + " ORDER BY r.created_at DESC, r.id DESC";
  sql += storage::page_clause(f.limit, f.offset, params);
  std::vector<Reuse> out;
  for (const auto& row : c.query(sql, params)) out.push_back(read_reuse(row));
  const bool every = f.kind.empty() && f.audience.empty() && !f.dataset_id && !f.producer_id && !f.territory_id &&
                     f.limit < 0 && f.offset == 0;
  fill(c, out, every);
  return out;
}

std::int64_t count(Connection& c, const Filter& f) {
  storage::Params params;
  const std::string where = reuse_where(f, params);
  return c.query_integer("SELECT COUNT(*) FROM reuses r " + where, params);
}

std::optional<Reuse> by_id(Connection& c, std::int64_t id) {
  auto row = c.query_one(std::string(kSelectReuse) + "WHERE r.id = ?", {id});
  if (!row) return std::nullopt;
  std::vector<Reuse> one{read_reuse(*row)};
  fill(c, one, false);
  return std::move(one.front());
}

std::int64_t insert(Connection& c, const Reuse& r, sys_seconds now) {
  return c
      .query(
          "INSERT INTO reuses (title, description, kind, purpose_text, url, author_id, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {r.title, r.description, r.kind, r.purpose_text, r.url,
           storage::nullable(r.author_id ? std::optional<std::int64_t>(r.author_id) : std::nullopt), secs(now),
           secs(now)})
      .at(0)
      .integer(0);
}

void update(Connection& c, const Reuse& r, sys_seconds now) {
  c.execute(
      "UPDATE reuses SET title = ?, description = ?, kind = ?, purpose_text = ?, url = ?, updated_at = ? "
      "WHERE id = ?",
      {r.title, r.description, r.kind, r.purpose_text, r.url, secs(now), r.id});
}

void set_links(Connection& c, std::int64_t reuse_id, const std::vector<std::int64_t>& dataset_ids,
               const std::vector<std::string>& purposes, const std::vector<std::string>& audiences) {
  c.execute("DELETE FROM reuse_datasets WHERE reuse_id = ?", {reuse_id});
  c.execute("DELETE FROM reuse_purposes WHERE reuse_id = ?", {reuse_id});
  c.execute("DELETE FROM reuse_audiences WHERE reuse_id = ?", {reuse_id});
  for (auto id : dataset_ids)
    c.execute("INSERT INTO reuse_datasets (reuse_id, dataset_id) VALUES (?, ?)", {reuse_id, id});
  for (const auto& p : purposes)
    c.execute("INSERT INTO reuse_purposes (reuse_id, purpose) VALUES (?, ?)", {reuse_id, p});
  for (const auto& a : audiences)
    c.execute("INSERT INTO reuse_audiences (reuse_id, audience) VALUES (?, ?)", {reuse_id, a});
}

std::map<std::int64_t, std::int64_t> counts_of(Connection& c, const std::vector<std::int64_t>& dataset_ids) {
  std::map<std::int64_t, std::int64_t> out;
  if (dataset_ids.empty()) return out;
  storage::Params ids(dataset_ids.begin(), dataset_ids.end());
  for (const auto& row : c.query("SELECT dataset_id, COUNT(*) FROM reuse_datasets WHERE dataset_id IN (" +
                                     storage::placeholders(ids.size()) + ") GROUP BY dataset_id",
                                 ids))
    out[row.integer(0)] = row.integer(1);
  return out;
}

std::map<std::int64_t, std::vector<std::int64_t>> reuses_of(Connection& c,
                                                            const std::vector<std::int64_t>& dataset_ids) {
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  if (dataset_ids.empty()) return out;
  storage::Params ids(dataset_ids.begin(), dataset_ids.end());
  for (const auto& row : c.query("SELECT dataset_id, reuse_id FROM reuse_datasets WHERE dataset_id IN (" +
                                     storage::placeholders(ids.size()) + ") ORDER BY dataset_id, reuse_id",
                                 ids))
    out[row.integer(0)].push_back(row.integer(1));
  return out;
}

std::vector<ReuseAnswer> answers(Connection& c, std::int64_t reuse_id) {
  std::vector<ReuseAnswer> out;
  for (const auto& row : c.query("SELECT o.id, o.slug, o.name, a.body, a.created_at, a.updated_at "
                                 "FROM reuse_answers a JOIN organisations o ON o.id = a.organisation_id "
                                 "WHERE a.reuse_id = ? ORDER BY o.name_key, o.id",
                                 {reuse_id}))
    out.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), storage::at(row.integer(4)),
                   storage::at(row.integer(5))});
  return out;
}

void save_answer(Connection& c, std::int64_t reuse_id, std::int64_t organisation_id, const std::string& body,
                 std::int64_t author_id, sys_seconds now) {
  if (c.execute("UPDATE reuse_answers SET body = ?, author_id = ?, updated_at = ? "
                "WHERE reuse_id = ? AND organisation_id = ?",
                {body, author_id, secs(now), reuse_id, organisation_id}) == 1)
    return;
  c.execute(
      "INSERT INTO reuse_answers (reuse_id, organisation_id, body, author_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {reuse_id, organisation_id, body, author_id, secs(now), secs(now)});
}

}  // namespace fabrique::datasets::reuse_store
