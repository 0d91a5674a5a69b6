// Whole-database operations that work on any engine: the tables in migration order, row counts and
// checksums computed the same way on SQLite and PostgreSQL, and copying every table from one database
// to another (`fabrique copy`, `fabrique checksum`, `fabrique restore`).
//
// Nothing here names a table: the list is read from the migrations compiled into the binary, so a
// table that a module adds in its own migration is copied and checked without any change here.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace fabrique::storage::transfer {

// The tables the migrations create, in the order they create them (so that a table comes after the
// tables its foreign keys point to), following DROP TABLE and ALTER TABLE ... RENAME TO. Virtual tables
// (search indexes) are not listed: they are derived from the others. schema_migrations is not listed
// either: each database records its own migrations.
std::vector<std::string> tables_in_migration_order(const std::vector<Migration>& migrations);
std::vector<std::string> tables_in_migration_order();

// What is compared for one table: its name, the columns both databases have (generated ones left
// out), and its primary key (all the compared columns when it has none).
struct TableShape {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::string> key;
};

// The shape of each table of the migrations on `c` (tables it lacks are skipped).
std::vector<TableShape> shapes(Connection& c);
// The shape of each table of the migrations on both databases, with the columns they share. Throws
// StorageError naming a table that only one of them has.
std::vector<TableShape> common_shapes(Connection& a, Connection& b);

struct TableSummary {
  std::string table;
  std::int64_t rows = 0;
  std::string checksum;  // 64 hex digits
};

// Row count and checksum of one table. The checksum is BLAKE2b-256 over the rows sorted by primary
// key (byte order of the key's canonical form, so the database's collation does not matter), each row
// serialised canonically: per column a type letter and the value (N; I decimal; R shortest decimal
// that reads back the same double; T and B length, ':' and the bytes). Equal data give equal sums on
// both engines.
TableSummary summarise(Connection& c, const TableShape& table);
// Every table of `shapes`, read inside one snapshot of the database.
std::vector<TableSummary> summarise_all(Connection& c, const std::vector<TableShape>& shapes);

// The tables of `c` that hold more rows than a freshly migrated database (whose migrations may seed
// some, such as the kinds of organisation). Empty when `c` holds no programme yet.
std::vector<std::string> tables_with_data(Connection& c);

// Copies every row of `tables` from `from` to `to`, in one transaction on `to` read from one snapshot
// of `from`: first empties those tables on `to` (in reverse order), then inserts in migration order,
// then rebuilds the full-text index
// (copy_full_text), then moves identity sequences past the largest ids, and once committed, gives the planner
// its statistics (dialect::refresh_statistics). Both databases must be at the same schema version. `progress`
// (optional) is told each table and its row count once copied.
void copy(Connection& from, Connection& to, const std::vector<TableShape>& tables,
          const std::function<void(const std::string&, std::int64_t)>& progress = {});

// The full-text index of the search (see migrations/0007_commons.sql): an FTS5 virtual table on
// SQLite, a table of tsvectors on PostgreSQL, so its rows cannot be copied or checksummed as they are.
inline constexpr std::string_view kFullTextIndex = "search_fts";
// Rebuilds the full-text index of `to` from the words indexed in `from` (any engine to any engine),
// inside the caller's transactions; returns the number of documents indexed. copy() calls it.
std::int64_t copy_full_text(Connection& from, Connection& to);
// The number of documents in the full-text index (0 before the commons migration).
std::int64_t full_text_rows(Connection& c);

// Moves the visitors' page cache version past `at_least`, so that every node renders its pages again
// after the data changed underneath it (a copy, a restore).
void bump_data_version(Connection& c, std::int64_t at_least);
// The current data version, or 0 when the database has none yet.
std::int64_t data_version(Connection& c);

}  // namespace fabrique::storage::transfer
