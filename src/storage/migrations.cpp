// Applies the numbered schema migrations and records them in schema_migrations.
#include "storage/migrations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>

#include "common/log.hpp"
#include "storage/dialect.hpp"

namespace fabrique::storage {
namespace {

constexpr std::string_view kNamePattern = "NNNN_name.sql (4 digits, then lower-case letters, digits or _)";

// Portable SQL: the same table on SQLite and PostgreSQL.
constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The version number of a well-formed file name, or nothing.
std::optional<int> version_of(std::string_view name) {
  constexpr std::string_view kSuffix = ".sql";
  if (name.size() < 4 + 1 + 1 + kSuffix.size()) return std::nullopt;
  if (!name.ends_with(kSuffix) || name[4] != '_') return std::nullopt;
  int version = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
    version = version * 10 + (name[i] - '0');
  }
  const std::string_view label = name.substr(5, name.size() - 5 - kSuffix.size());
  if (!is_lower_alnum(label.front())) return std::nullopt;
  for (char c : label) {
    if (!is_lower_alnum(c) && c != '_') return std::nullopt;
  }
  return version;
}

// The history is append-only: versions must run 1, 2, 3... without a gap or a repeat, and each name
// must carry its own version, so that every database that has version N has the same first N files.
void check_sequence(const std::vector<Migration>& migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    const Migration& m = migrations[i];
    const std::optional<int> named = version_of(m.name);
    if (!named) throw StorageError(fmt::format("migration {}: the file name must be {}", m.name, kNamePattern));
    if (*named != m.version) {
      throw StorageError(fmt::format("migration {}: version {} does not match its file name", m.name, m.version));
    }
    const int expected = static_cast<int>(i) + 1;
    if (m.version == expected) continue;
    if (i > 0 && m.version == migrations[i - 1].version) {
      throw StorageError(
          fmt::format("migration {}: version {:04} is already used by {}", m.name, m.version, migrations[i - 1].name));
    }
    if (m.version < 1) throw StorageError(fmt::format("migration {}: numbering starts at 0001", m.name));
    throw StorageError(fmt::format("migration {}: expected version {:04} here; numbers must have no gap{}", m.name,
                                   expected, i > 0 ? fmt::format(" (it follows {})", migrations[i - 1].name) : ""));
  }
}

bool table_exists(Connection& c) {
  // The catalogues differ between engines; everything else in this file is portable.
  if (c.engine() == Engine::sqlite) {
    return c.query_integer("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") >
           0;
  }
  return c.query_integer(
             "SELECT COUNT(*) FROM information_schema.tables "
             "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'") > 0;
}

int recorded_version(Connection& c) {
  return static_cast<int>(c.query_integer("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A database migrated by a binary whose history differs (a renamed or replaced file) must not be
// migrated further: the versions would no longer mean the same schema.
void check_recorded_names(Connection& c, const std::vector<Migration>& migrations) {
  for (const Row& row : c.query("SELECT version, name FROM schema_migrations ORDER BY version")) {
    const std::int64_t version = row.integer(0);
    if (version < 1 || version > static_cast<std::int64_t>(migrations.size())) continue;
    const Migration& m = migrations[static_cast<std::size_t>(version - 1)];
    if (row.text(1) != m.name) {
      throw StorageError(fmt::format("migration {:04}: the database recorded it as {} but this binary has {}", version,
                                     row.text(1), m.name));
    }
  }
}

}  // namespace

std::vector<Migration> parse_migrations(std::span<const resources::Resource> files) {
  std::vector<Migration> migrations;
  migrations.reserve(files.size());
  for (const resources::Resource& file : files) {
    const std::optional<int> version = version_of(file.name);
    if (!version) throw StorageError(fmt::format("migration {}: the file name must be {}", file.name, kNamePattern));
    migrations.push_back(Migration{*version, std::string(file.name), std::string(file.bytes)});
  }
  std::stable_sort(migrations.begin(), migrations.end(),
                   [](const Migration& a, const Migration& b) { return a.version < b.version; });
  check_sequence(migrations);
  return migrations;
}

std::vector<Migration> known_migrations() { return parse_migrations(resources::migrations()); }

int schema_version(Connection& c) {
  // Reading the version must not create the table: this is also asked of databases we only inspect.
  if (!table_exists(c)) return 0;
  return recorded_version(c);
}

int migrate(Connection& c, const std::vector<Migration>& migrations) {
  check_sequence(migrations);
  // Several nodes may start at once: on PostgreSQL they take turns here (on SQLite this is a no-op).
  dialect::MigrationLock lock(c);
  {
    Transaction tx(c, true);
    c.execute(kCreateTable);
    tx.commit();
  }
  {
    Transaction tx(c, false);
    check_recorded_names(c, migrations);
    const int version = recorded_version(c);
    if (version > static_cast<int>(migrations.size())) {
      log::info("storage: the database schema is newer than this binary",
                {{"database_version", std::to_string(version)}, {"binary_version", std::to_string(migrations.size())}});
    }
    tx.commit();
  }
  int applied = 0;
  for (const Migration& m : migrations) {
    // The version is read again under the write lock: another process starting at the same time may
    // have applied this migration meanwhile, and it must run exactly once.
    Transaction tx(c, true);
    if (recorded_version(c) >= m.version) continue;
    try {
      // The script runs inside our transaction, so it must not contain BEGIN/COMMIT itself; if any of
      // its statements fails, the guard rolls back every statement before it, and the record.
      c.execute_script(dialect::script_for(c.engine(), m.sql));
      dialect::after_migration(c);
      c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                {std::int64_t{m.version}, m.name, unix_now()});
      tx.commit();
    } catch (const StorageError& e) {
      throw StorageError(fmt::format("migration {} failed, nothing of it was applied: {}", m.name, e.what()));
    }
    log::info("storage: migration applied", {{"migration", m.name}});
    ++applied;
  }
  return applied;
}

int migrate(Connection& c) { return migrate(c, known_migrations()); }

bool is_up_to_date(Connection& c, const std::vector<Migration>& migrations) {
  check_sequence(migrations);
  return schema_version(c) >= static_cast<int>(migrations.size());
}

bool is_up_to_date(Connection& c) { return is_up_to_date(c, known_migrations()); }

}  // namespace fabrique::storage
