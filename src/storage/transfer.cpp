// Copying, counting and checksumming whole databases table by table, identically on both engines.
#include "storage/transfer.hpp"

#include <fmt/format.h>
#include <sodium.h>
#include <stdlib.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "storage/dialect.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace fabrique::storage::transfer {
namespace {

// Rows read per query: bounds memory whatever the size of a table.
constexpr std::int64_t kPageRows = 2000;
// Values bound per INSERT, well under PostgreSQL's limit of 65,535 parameters per statement.
constexpr std::size_t kValuesPerInsert = 20000;
constexpr std::size_t kMaxRowsPerInsert = 500;

// The SQL of a migration with comments removed and string literals emptied, so that the patterns
// below only see code.
std::string code_of(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (std::size_t i = 0; i < sql.size();) {
    if (sql.compare(i, 2, "--") == 0) {
      const std::size_t eol = sql.find('\n', i);
      i = eol == std::string_view::npos ? sql.size() : eol;
    } else if (sql.compare(i, 2, "/*") == 0) {
      const std::size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
      out += ' ';
    } else if (sql[i] == '\'') {
      // A doubled quote inside is an escaped quote, not the end.
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == '\'' && j + 1 < sql.size() && sql[j + 1] == '\'') {
          j += 2;
        } else if (sql[j] == '\'') {
          break;
        } else {
          ++j;
        }
      }
      out += "''";
      i = j + 1;
    } else {
      out += sql[i++];
    }
  }
  return out;
}

std::string unquote(std::string name) {
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  return name;
}

std::string join_quoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += dialect::quote_identifier(n);
  }
  return out;
}

// Appends the canonical form of one value (see summarise()).
void serialise(const Value& v, std::string& out) {
  std::visit(Overloaded{
                 [&](std::nullptr_t) { out += 'N'; },
                 [&](std::int64_t n) { out += fmt::format("I{};", n); },
                 [&](double d) { out += fmt::format("R{};", d); },
                 [&](const std::string& s) {
                   out += fmt::format("T{}:", s.size());
                   out += s;
                 },
                 [&](const Blob& b) {
                   out += fmt::format("B{}:", b.bytes.size());
                   out += b.bytes;
                 },
             },
             v);
}

using Digest = std::array<unsigned char, crypto_generichash_BYTES>;

Digest digest(std::string_view bytes) {
  Digest d{};
  crypto_generichash(d.data(), d.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr,
                     0);
  return d;
}

std::string hex(const Digest& d) {
  std::string out;
  for (unsigned char b : d) out += fmt::format("{:02x}", b);
  return out;
}

// Reads `table` page by page in primary-key order and hands each row to `visit`.
void each_row(Connection& c, const TableShape& table, const std::function<void(Row&)>& visit) {
  const std::string sql = fmt::format("SELECT {} FROM {} ORDER BY {} LIMIT ? OFFSET ?", join_quoted(table.columns),
                                      dialect::quote_identifier(table.name), join_quoted(table.key));
  for (std::int64_t offset = 0;; offset += kPageRows) {
    std::vector<Row> rows = c.query(sql, {kPageRows, offset});
    for (Row& r : rows) visit(r);
    if (static_cast<std::int64_t>(rows.size()) < kPageRows) break;
  }
}

TableShape shape_of(const std::string& table, const std::vector<dialect::ColumnInfo>& columns,
                    const std::set<std::string>& keep) {
  TableShape s{table, {}, {}};
  std::vector<std::pair<int, std::string>> key;
  for (const dialect::ColumnInfo& col : columns) {
    if (col.generated || !keep.count(col.name)) continue;
    s.columns.push_back(col.name);
    if (col.key_position > 0) key.emplace_back(col.key_position, col.name);
  }
  std::sort(key.begin(), key.end());
  for (auto& [position, name] : key) s.key.push_back(name);
  if (s.key.empty()) s.key = s.columns;  // no primary key: order by every column
  return s;
}

std::set<std::string> insertable(const std::vector<dialect::ColumnInfo>& columns) {
  std::set<std::string> out;
  for (const dialect::ColumnInfo& col : columns)
    if (!col.generated) out.insert(col.name);
  return out;
}

bool has_table(Connection& c, std::string_view name) {
  const std::vector<std::string> names = dialect::table_names(c);
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The words of one document of the full-text index, as search::index() wrote them (already
// normalised, so that either engine's insert indexes them the same way).
struct IndexedWords {
  std::int64_t rowid = 0;
  std::string title;
  std::string body;
};

// Reads the full-text index back. FTS5 stores the words it was given. PostgreSQL only keeps each
// word's positions and weight (A for the title, B for the body): the words are put back in
// position order, which is the order they were written in, so reindexing them gives the same matches.
std::vector<IndexedWords> read_full_text(Connection& c) {
  std::vector<IndexedWords> out;
  if (c.engine() == Engine::sqlite) {
    for (Row& r : c.query("SELECT rowid, title, body FROM search_fts ORDER BY rowid"))
      out.push_back({r.integer(0), r.text(1), r.text(2)});
    return out;
  }
  // One row per document, word and position: (rowid, position, weight, word).
  const std::vector<Row> rows = c.query(
      "SELECT f.rowid, CAST(p.position AS BIGINT), p.weight, w.lexeme FROM search_fts f "
      "CROSS JOIN LATERAL unnest(f.terms) AS w CROSS JOIN LATERAL unnest(w.positions, w.weights) AS p(position, "
      "weight) "
      "ORDER BY f.rowid, p.position");
  for (const Row& r : rows) {
    if (out.empty() || out.back().rowid != r.integer(0)) out.push_back({r.integer(0), {}, {}});
    std::string& field = r.text(2) == "A" ? out.back().title : out.back().body;
    if (!field.empty()) field += ' ';
    field += r.text(3);
  }
  // A document whose title and body hold no word has no position at all.
  for (const Row& r : c.query("SELECT rowid FROM search_fts WHERE length(terms) = 0 ORDER BY rowid"))
    out.push_back({r.integer(0), {}, {}});
  return out;
}

}  // namespace

std::int64_t copy_full_text(Connection& from, Connection& to) {
  const std::vector<IndexedWords> documents = read_full_text(from);
  to.execute("DELETE FROM search_fts");
  const std::string& insert = dialect::full_text(to.engine()).insert;
  for (const IndexedWords& d : documents) to.execute(insert, {d.rowid, d.title, d.body});
  return static_cast<std::int64_t>(documents.size());
}

std::int64_t full_text_rows(Connection& c) {
  if (!has_table(c, "search_documents")) return 0;
  return c.query_integer("SELECT COUNT(*) FROM search_fts");
}

std::vector<std::string> tables_in_migration_order(const std::vector<Migration>& migrations) {
  static const std::regex kStatement(
      R"((CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("[^"]+"|\w+))|(DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?("[^"]+"|\w+))|(ALTER\s+TABLE\s+("[^"]+"|\w+)\s+RENAME\s+TO\s+("[^"]+"|\w+)))",
      std::regex::icase | std::regex::ECMAScript);
  std::vector<std::string> tables;
  for (const Migration& m : migrations) {
    const std::string code = code_of(m.sql);
    for (auto it = std::sregex_iterator(code.begin(), code.end(), kStatement); it != std::sregex_iterator(); ++it) {
      const std::smatch& match = *it;
      if (match[1].matched) {
        std::string name = unquote(match[2].str());
        if (std::find(tables.begin(), tables.end(), name) == tables.end()) tables.push_back(std::move(name));
      } else if (match[3].matched) {
        std::erase(tables, unquote(match[4].str()));
      } else if (match[5].matched) {
        const std::string from = unquote(match[6].str());
        for (std::string& t : tables)
          if (t == from) t = unquote(match[7].str());
      }
    }
  }
  std::erase(tables, "schema_migrations");
  // A table that some engine creates as a virtual table is a full-text index (search_fts: FTS5 on
  // SQLite, a table of tsvectors on PostgreSQL). Its rows differ by engine, so it is neither copied
  // nor checksummed as data: copy() rebuilds it (see copy_full_text).
  static const std::regex kVirtual(R"(CREATE\s+VIRTUAL\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("[^"]+"|\w+))",
                                   std::regex::icase | std::regex::ECMAScript);
  for (const Migration& m : migrations) {
    const std::string code = code_of(m.sql);
    for (auto it = std::sregex_iterator(code.begin(), code.end(), kVirtual); it != std::sregex_iterator(); ++it)
      std::erase(tables, unquote((*it)[1].str()));
  }
  return tables;
}

std::vector<std::string> tables_in_migration_order() { return tables_in_migration_order(known_migrations()); }

std::vector<TableShape> shapes(Connection& c) {
  const std::vector<std::string> present = dialect::table_names(c);
  std::vector<TableShape> out;
  for (const std::string& table : tables_in_migration_order()) {
    if (std::find(present.begin(), present.end(), table) == present.end()) continue;
    const std::vector<dialect::ColumnInfo> columns = dialect::columns(c, table);
    out.push_back(shape_of(table, columns, insertable(columns)));
  }
  return out;
}

std::vector<TableShape> common_shapes(Connection& a, Connection& b) {
  const std::vector<std::string> in_a = dialect::table_names(a);
  const std::vector<std::string> in_b = dialect::table_names(b);
  std::vector<TableShape> out;
  for (const std::string& table : tables_in_migration_order()) {
    const bool has_a = std::find(in_a.begin(), in_a.end(), table) != in_a.end();
    const bool has_b = std::find(in_b.begin(), in_b.end(), table) != in_b.end();
    if (!has_a && !has_b) continue;
    if (has_a != has_b) {
      throw StorageError(fmt::format("table {} exists in only one of the two databases; migrate both first", table));
    }
    const std::vector<dialect::ColumnInfo> columns_a = dialect::columns(a, table);
    const std::set<std::string> insertable_b = insertable(dialect::columns(b, table));
    std::set<std::string> shared;
    for (const std::string& name : insertable(columns_a))
      if (insertable_b.count(name)) shared.insert(name);
    out.push_back(shape_of(table, columns_a, shared));
  }
  return out;
}

TableSummary summarise(Connection& c, const TableShape& table) {
  std::vector<std::size_t> key_index;
  for (const std::string& k : table.key)
    key_index.push_back(
        static_cast<std::size_t>(std::find(table.columns.begin(), table.columns.end(), k) - table.columns.begin()));
  // Only the key and a digest of each row are kept, so a large table costs little memory.
  std::vector<std::pair<std::string, Digest>> rows;
  std::string buffer;
  each_row(c, table, [&](Row& r) {
    std::string key;
    for (std::size_t i : key_index)
      if (i < r.size()) serialise(r.value(i), key);
    buffer.clear();
    for (std::size_t i = 0; i < r.size(); ++i) serialise(r.value(i), buffer);
    rows.emplace_back(std::move(key), digest(buffer));
  });
  std::sort(rows.begin(), rows.end());
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  for (const auto& [key, row] : rows) {
    const std::string length = fmt::format("{}:", key.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_generichash_update(&state, row.data(), row.size());
  }
  Digest total{};
  crypto_generichash_final(&state, total.data(), total.size());
  return TableSummary{table.name, static_cast<std::int64_t>(rows.size()), hex(total)};
}

std::vector<TableSummary> summarise_all(Connection& c, const std::vector<TableShape>& shapes) {
  Transaction tx(c, false);
  dialect::read_snapshot(c);
  std::vector<TableSummary> out;
  for (const TableShape& s : shapes) out.push_back(summarise(c, s));
  tx.commit();
  return out;
}

std::vector<std::string> tables_with_data(Connection& c) {
  // A freshly migrated SQLite database in a private temporary folder tells how many rows the
  // migrations themselves put in each table.
  std::string pattern = (std::filesystem::temp_directory_path() / "fabrique-fresh.XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw StorageError("cannot create a temporary folder");
  const std::filesystem::path folder = pattern;
  std::map<std::string, std::int64_t> seeded;
  try {
    sqlite::SqliteConnection fresh((folder / "fresh.db").string());
    migrate(fresh);
    for (const std::string& table : dialect::table_names(fresh))
      seeded[table] = fresh.query_integer(fmt::format("SELECT COUNT(*) FROM {}", dialect::quote_identifier(table)));
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
    throw;
  }
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);

  std::vector<std::string> out;
  for (const TableShape& s : shapes(c)) {
    const std::int64_t rows =
        c.query_integer(fmt::format("SELECT COUNT(*) FROM {}", dialect::quote_identifier(s.name)));
    if (rows > seeded[s.name]) out.push_back(s.name);
  }
  return out;
}

void copy(Connection& from, Connection& to, const std::vector<TableShape>& tables,
          const std::function<void(const std::string&, std::int64_t)>& progress) {
  Transaction read(from, false);
  dialect::read_snapshot(from);
  Transaction write(to, true);
  // Children before parents, so that no foreign key refuses a delete.
  for (auto it = tables.rbegin(); it != tables.rend(); ++it)
    to.execute(fmt::format("DELETE FROM {}", dialect::quote_identifier(it->name)));
  for (const TableShape& table : tables) {
    const std::size_t width = table.columns.size();
    const std::size_t batch = std::max<std::size_t>(1, std::min(kMaxRowsPerInsert, kValuesPerInsert / width));
    const std::string head =
        fmt::format("INSERT INTO {} ({}) VALUES ", dialect::quote_identifier(table.name), join_quoted(table.columns));
    std::string one_row = "(";
    for (std::size_t i = 0; i < width; ++i) one_row += i == 0 ? "?" : ", ?";
    one_row += ')';
    Params pending;
    std::size_t pending_rows = 0;
    std::int64_t copied = 0;
    // The statement for n rows is built once per distinct n (in practice two: full and last batch).
    std::map<std::size_t, std::string> statements;
    auto flush = [&] {
      if (pending_rows == 0) return;
      std::string& sql = statements[pending_rows];
      if (sql.empty()) {
        sql = head;
        for (std::size_t r = 0; r < pending_rows; ++r) sql += (r == 0 ? "" : ", ") + one_row;
      }
      to.execute(sql, pending);
      copied += static_cast<std::int64_t>(pending_rows);
      pending.clear();
      pending_rows = 0;
    };
    each_row(from, table, [&](Row& r) {
      for (std::size_t i = 0; i < r.size(); ++i) pending.push_back(r.value(i));
      if (++pending_rows == batch) flush();
    });
    flush();
    if (progress) progress(table.name, copied);
  }
  if (has_table(from, "search_documents") && has_table(to, "search_documents")) {
    const std::int64_t indexed = copy_full_text(from, to);
    if (progress) progress(std::string(kFullTextIndex), indexed);
  }
  // Rows were inserted with their ids: identity sequences must move past them.
  dialect::after_migration(to);
  write.commit();
  read.commit();
  dialect::refresh_statistics(to, true);
}

std::int64_t data_version(Connection& c) {
  if (!has_table(c, "data_version")) return 0;
  const std::optional<Row> r = c.query_one("SELECT version FROM data_version WHERE id = 1");
  return r ? r->integer(0) : 0;
}

void bump_data_version(Connection& c, std::int64_t at_least) {
  if (!has_table(c, "data_version")) return;
  Transaction tx(c, true);
  c.execute("UPDATE data_version SET version = CASE WHEN version > ? THEN version + 1 ELSE ? END WHERE id = 1",
            {at_least, at_least + 1});
  // Every table may have changed (storage/changes.hpp); a database from before table_changes is
  // stamped by the migration that adds it.
  if (has_table(c, "table_changes"))
    c.execute(
        "INSERT INTO table_changes (name, version) SELECT '*', version FROM data_version WHERE id = 1 "
        "ON CONFLICT (name) DO UPDATE SET version = excluded.version");
  tx.commit();
}

}  // namespace fabrique::storage::transfer
