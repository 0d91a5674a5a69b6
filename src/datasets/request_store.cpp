// SQL for data requests: the request, its themes, its "me too", and the producers it concerns.
#include "datasets/request_store.hpp"

#include <fmt/format.h>

#include <map>

#include "common/text.hpp"
#include "storage/instants.hpp"
#include "territories/links.hpp"

namespace fabrique::datasets::request_store {
namespace {

using storage::secs;

constexpr const char* kSelectRequest =
    "SELECT r.id, r.title, r.description, r.purpose, r.audience, r.link, r.requester_id, "
    "CASE WHEN u.show_name = 1 AND u.deleted_at IS NULL THEN u.name ELSE '' END, r.status, r.answer, "
    "COALESCE(d.slug, ''), COALESCE(d.title, ''), COALESCE(o.slug, ''), COALESCE(o.name, ''), r.answered_at, "
    "(SELECT COUNT(*) FROM data_request_supports s WHERE s.request_id = r.id), r.created_at, r.updated_at "
    "FROM data_requests r LEFT JOIN users u ON u.id = r.requester_id LEFT JOIN datasets d ON d.id = r.dataset_id "
    "LEFT JOIN organisations o ON o.id = r.answered_for ";

DataRequest read_request(const storage::Row& row) {
  DataRequest r;
  r.id = row.integer(0);
  r.title = row.text(1);
  r.description = row.text(2);
  r.purpose = row.text(3);
  r.audience = row.text(4);
  r.link = row.text(5);
  r.requester_id = row.optional_integer(6);
  r.requester_name = row.text(7);
  r.status = row.text(8);
  r.answer = row.text(9);
  r.dataset_slug = row.text(10);
  r.dataset_title = row.text(11);
  r.answered_for_slug = row.text(12);
  r.answered_for_name = row.text(13);
  if (auto at = row.optional_integer(14)) r.answered_at = storage::at(*at);
  r.supports = row.integer(15);
  r.created_at = storage::at(row.integer(16));
  r.updated_at = storage::at(row.integer(17));
  return r;
}

// "EXISTS (…)": the organisation `organisation` produces a dataset in one of the themes of the
// request `request`, or on one of its territories, within one or around one.
std::string concerns_sql(std::string_view organisation, std::string_view request) {
  return fmt::format(
      "EXISTS (SELECT 1 FROM datasets md WHERE md.producer_id = {0} AND ("
      "EXISTS (SELECT 1 FROM dataset_theme_links mt JOIN data_request_themes mrt ON mrt.theme_id = mt.theme_id "
      "WHERE mt.dataset_id = md.id AND mrt.request_id = {1}) OR "
      "EXISTS (SELECT 1 FROM territory_links mdl JOIN territory_links mrl ON mrl.subject = '{2}' AND "
      "mrl.subject_id = {1} JOIN territory_ancestors ma ON (ma.territory_id = mdl.territory_id AND "
      "ma.ancestor_id = mrl.territory_id) OR (ma.territory_id = mrl.territory_id AND ma.ancestor_id = "
      "mdl.territory_id) WHERE mdl.subject = '{3}' AND mdl.subject_id = md.id)))",
      organisation, request, territories::subject::data_request, territories::subject::dataset);
}

// The words as a LIKE pattern, its wildcards escaped.
std::string like_pattern(std::string_view words) {
  std::string out = "%";
  for (char ch : text::fold(text::trim(words))) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

std::string request_where(const Filter& f, storage::Params& params) {
  static const std::string within = territories::within_sql(territories::subject::data_request, "r.id");
  static const std::string concerns = "EXISTS (SELECT 1 FROM user_organisations uo WHERE uo.user_id = ? AND " +
                                      concerns_sql("uo.organisation_id", "r.id") + ")";
  std::string where;
  auto clause = [&](const std::string& sql) { where += (where.empty() ? "WHERE " : " AND ") + sql; };
  if (f.territory_id) {
    clause(within);
    params.push_back(*f.territory_id);
  }
  if (f.theme_id) {
    clause("EXISTS (SELECT 1 FROM data_request_themes t WHERE t.request_id = r.id AND t.theme_id = ?)");
    params.push_back(*f.theme_id);
  }
  if (!f.status.empty()) {
    clause("r.status = ?");
    params.push_back(f.status);
  }
  if (!text::trim(f.words).empty()) {
    clause("r.words_key LIKE ? ESCAPE '\\'");
    params.push_back(like_pattern(f.words));
  }
  if (f.for_user) {
    clause(concerns);
    params.push_back(*f.for_user);
  }
  return where;
}

// Fills the themes of `requests`, one query.
void fill(Connection& c, std::vector<DataRequest>& requests) {
  if (requests.empty()) return;
  storage::Params ids;
  std::map<std::int64_t, DataRequest*> by_id;
  for (auto& r : requests) {
    ids.push_back(r.id);
    by_id[r.id] = &r;
  }
  for (const auto& row : c.query("SELECT l.request_id, t.slug, t.label FROM data_request_themes l "
                                 "JOIN dataset_themes t ON t.id = l.theme_id WHERE l.request_id IN (" +
                                     storage::placeholders(ids.size()) + ") ORDER BY t.position, t.id",
                                 ids))
    by_id[row.integer(0)]->themes.push_back({row.text(1), row.text(2)});
}

std::vector<std::int64_t> ids(const std::vector<storage::Row>& rows) {
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.integer(0));
  return out;
}

}  // namespace

std::vector<DataRequest> list(Connection& c, const Filter& f) {
  storage::Params params;
  std::string sql = std::string(kSelectRequest) + request_where(f, params) + " ORDER BY r.created_at DESC, r.id DESC";
  sql += storage::page_clause(f.limit, f.offset, params);
  std::vector<DataRequest> out;
  for (const auto& row : c.query(sql, params)) out.push_back(read_request(row));
  fill(c, out);
  return out;
}

std::int64_t count(Connection& c, const Filter& f) {
  storage::Params params;
  std::string where = request_where(f, params);
  return c.query_integer("SELECT COUNT(*) FROM data_requests r " + where, params);
}

std::optional<DataRequest> by_id(Connection& c, std::int64_t id) {
  auto row = c.query_one(std::string(kSelectRequest) + "WHERE r.id = ?", {id});
  if (!row) return std::nullopt;
  std::vector<DataRequest> one{read_request(*row)};
  fill(c, one);
  return std::move(one.front());
}

std::int64_t insert(Connection& c, const DataRequest& r, std::int64_t requester, sys_seconds now) {
  return c
      .query(
          "INSERT INTO data_requests (title, title_key, words_key, description, purpose, audience, link, "
          "requester_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {r.title, text::lower(r.title), text::fold(r.title + "\n" + r.description + "\n" + r.purpose), r.description,
           r.purpose, r.audience, r.link, requester, std::string(kOpen), secs(now), secs(now)})
      .at(0)
      .integer(0);
}

void set_themes(Connection& c, std::int64_t id, const std::vector<std::int64_t>& theme_ids) {
  c.execute("DELETE FROM data_request_themes WHERE request_id = ?", {id});
  for (auto theme : theme_ids)
    c.execute("INSERT INTO data_request_themes (request_id, theme_id) VALUES (?, ?)", {id, theme});
}

void answer(Connection& c, std::int64_t id, const std::string& status, const std::string& answer,
            std::optional<std::int64_t> dataset_id, std::int64_t by, std::optional<std::int64_t> for_organisation,
            sys_seconds now) {
  c.execute(
      "UPDATE data_requests SET status = ?, answer = ?, dataset_id = ?, answered_by = ?, answered_for = ?, "
      "answered_at = ?, updated_at = ? WHERE id = ?",
      {status, answer, storage::nullable(dataset_id), by, storage::nullable(for_organisation), secs(now), secs(now),
       id});
}

std::vector<Support> supports(Connection& c, std::int64_t id) {
  std::vector<Support> out;
  for (const auto& row :
       c.query("SELECT s.user_id, CASE WHEN u.show_name = 1 AND u.deleted_at IS NULL THEN u.name ELSE '' END, "
               "s.purpose, s.created_at FROM data_request_supports s JOIN users u ON u.id = s.user_id "
               "WHERE s.request_id = ? ORDER BY s.created_at, s.user_id",
               {id}))
    out.push_back({row.integer(0), row.text(1), row.text(2), storage::at(row.integer(3))});
  return out;
}

void support(Connection& c, std::int64_t id, std::int64_t user_id, const std::string& purpose, sys_seconds now) {
  c.execute(
      "INSERT INTO data_request_supports (request_id, user_id, purpose, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id, user_id) DO UPDATE SET purpose = excluded.purpose, "
      "updated_at = excluded.updated_at",
      {id, user_id, purpose, secs(now), secs(now)});
}

void withdraw(Connection& c, std::int64_t id, std::int64_t user_id) {
  c.execute("DELETE FROM data_request_supports WHERE request_id = ? AND user_id = ?", {id, user_id});
}

std::vector<std::int64_t> producers_concerned(Connection& c, std::int64_t id) {
  return ids(
      c.query("SELECT o.id FROM organisations o WHERE " + concerns_sql("o.id", "?") + " ORDER BY o.id", {id, id}));
}

std::vector<std::int64_t> producers_concerned(Connection& c, std::int64_t id, std::int64_t user_id) {
  return ids(c.query("SELECT uo.organisation_id FROM user_organisations uo WHERE uo.user_id = ? AND " +
                         concerns_sql("uo.organisation_id", "?") + " ORDER BY uo.organisation_id",
                     {user_id, id, id}));
}

std::vector<std::int64_t> members_concerned(Connection& c, std::int64_t id) {
  return ids(
      c.query("SELECT DISTINCT uo.user_id FROM user_organisations uo JOIN users u ON u.id = uo.user_id "
              "WHERE u.deleted_at IS NULL AND " +
                  concerns_sql("uo.organisation_id", "?") + " ORDER BY uo.user_id",
              {id, id}));
}

}  // namespace fabrique::datasets::request_store
