// The engine-independent parts of the storage interface: typed row accessors, query helpers and `open`.
#include "storage/database.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace fabrique::storage {
namespace {

std::string_view type_name(const Value& v) {
  switch (v.index()) {
    case 0:
      return "NULL";
    case 1:
      return "an integer";
    case 2:
      return "a real";
    case 3:
      return "text";
    case 4:
      return "a blob";
  }
  return "an unknown value";
}

// Column indexes are zero-based, as in the accessors, so the message matches the calling code.
[[noreturn]] void mismatch(std::size_t i, std::string_view expected, const Value& found) {
  throw StorageError(fmt::format("column {}: expected {}, found {}", i, expected, type_name(found)));
}

const Value& column(const std::vector<Value>& values, std::size_t i) {
  if (i >= values.size()) {
    throw StorageError(fmt::format("column {}: out of range, the row has {} columns", i, values.size()));
  }
  return values[i];
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = column(values_, i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  mismatch(i, "an integer", v);
}

double Row::real(std::size_t i) const {
  const Value& v = column(values_, i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  // Engines hand back whole numbers as integers even in a REAL context (SQLite for SUM() of
  // integers, a REAL column holding 3); widening them loses nothing.
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  mismatch(i, "a real", v);
}

std::string Row::text(std::size_t i) const {
  const Value& v = column(values_, i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (std::holds_alternative<std::nullptr_t>(v)) return {};
  mismatch(i, "text", v);
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (std::holds_alternative<std::nullptr_t>(column(values_, i))) return std::nullopt;
  return text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (std::holds_alternative<std::nullptr_t>(column(values_, i))) return std::nullopt;
  return integer(i);
}

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  std::vector<Row> rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::int64_t Connection::query_integer(std::string_view sql, const Params& params) {
  std::optional<Row> row = query_one(sql, params);
  // The SQL is safe to name (values are bound separately) and says which call site is wrong.
  if (!row) throw StorageError(fmt::format("query_integer: no row returned by: {}", sql));
  if (row->size() != 1) {
    throw StorageError(fmt::format("query_integer: {} columns returned by: {}", row->size(), sql));
  }
  return row->integer(0);
}

std::unique_ptr<Database> open(const std::string& location, int pool_size) {
  if (pool_size < 1) throw StorageError(fmt::format("pool size must be at least 1, not {}", pool_size));
  if (starts_with_ci(location, "postgresql://") || starts_with_ci(location, "postgres://")) {
    return postgres::open(location, pool_size);
  }
  return sqlite::open(location, pool_size);
}

std::string sql_excerpt(std::string_view sql) {
  // Long scripts make unreadable messages; the start of the statement is enough to find it.
  constexpr std::size_t kSqlInMessage = 200;
  std::string out;
  out.reserve(std::min(sql.size(), kSqlInMessage));
  bool space = false;
  // Collapses newlines and indentation so that the message stays on one log line.
  for (char c : sql) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= kSqlInMessage) {
      out += "...";
      break;
    }
  }
  return out;
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

std::string distinct_values(std::string_view table, std::string_view column) {
  return fmt::format(
      "WITH RECURSIVE distinct_values(value) AS (SELECT MIN({1}) FROM {0} WHERE {1} > '' UNION ALL SELECT (SELECT "
      "MIN({1}) FROM {0} WHERE {1} > distinct_values.value) FROM distinct_values WHERE distinct_values.value IS NOT "
      "NULL) ",
      table, column);
}

std::string page_clause(std::int64_t limit, std::int64_t offset, Params& params) {
  if (limit < 0) return "";
  params.push_back(limit);
  params.push_back(offset);
  return " LIMIT ? OFFSET ?";
}

}  // namespace fabrique::storage
