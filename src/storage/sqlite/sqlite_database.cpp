// The SQLite backend: connection set-up, cached prepared statements, typed binding, the pool and online backup.
#include "storage/sqlite/sqlite_database.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "common/log.hpp"
#include "storage/sqlite/kept_map.hpp"

namespace fabrique::storage::sqlite {
namespace {

// Backing up retries briefly when the source is busy (e.g. a checkpoint), then gives up.
constexpr int kBackupBusyRetries = 100;
constexpr int kBackupBusySleepMs = 50;

bool is_constraint(int rc) { return (rc & 0xff) == SQLITE_CONSTRAINT; }

// Another writer holding the lock past the busy timeout, a full disk, an I/O error: the same
// statement may work in a moment, and SQLite has undone what the transaction wrote.
bool is_unavailable(int rc) {
  const int primary = rc & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_FULL || primary == SQLITE_IOERR;
}

// Messages carry SQLite's text and the SQL, never bound values: those may be passwords or tokens.
[[noreturn]] void throw_error(int rc, std::string_view message, std::string_view sql) {
  std::string text =
      sql.empty() ? fmt::format("SQLite: {}", message) : fmt::format("SQLite: {} (in: {})", message, sql_excerpt(sql));
  if (is_constraint(rc)) throw ConstraintError(text);
  if (is_unavailable(rc)) throw Unavailable(text);
  throw StorageError(text);
}

bool only_separators(const char* p, const char* end) {
  for (; p < end; ++p) {
    if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t' && *p != ';') return false;
  }
  return true;
}

Value read_column(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_TEXT: {
      // Pointer first, then size: that order is what SQLite documents as safe.
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      const int n = sqlite3_column_bytes(stmt, i);
      if (p == nullptr) {
        if (sqlite3_errcode(sqlite3_db_handle(stmt)) == SQLITE_NOMEM) throw StorageError("SQLite: out of memory");
        return std::string();
      }
      return std::string(p, static_cast<std::size_t>(n));
    }
    case SQLITE_BLOB: {
      const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      const int n = sqlite3_column_bytes(stmt, i);
      if (p == nullptr) {
        if (sqlite3_errcode(sqlite3_db_handle(stmt)) == SQLITE_NOMEM) throw StorageError("SQLite: out of memory");
        return Blob{};  // a zero-length blob comes back as a null pointer
      }
      return Blob{std::string(p, static_cast<std::size_t>(n))};
    }
    default:
      return nullptr;
  }
}

// Leaves a cached statement ready for its next use whatever happens: reset releases its read
// snapshot (which would otherwise block WAL checkpoints) and unbinding drops pointers to the caller's
// parameters, which were bound without copying.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementReset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

// Closes a raw handle on scope exit (the backup's destination).
struct HandleCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, HandleCloser>;

// Copies every page of `from` over `to` with the online backup API (backup and restore). All pages in
// one step (-1): the copy is made inside a single read transaction, so it is one consistent snapshot,
// and in WAL mode writers carry on meanwhile. Copying in slices would restart whenever another
// connection writes, possibly forever on a busy server. `what` starts the error messages.
void copy_pages(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) throw StorageError(fmt::format("{} failed: {}", what, sqlite3_errmsg(to)));
  int rc = SQLITE_OK;
  for (int attempt = 0;; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt >= kBackupBusyRetries) break;
    sqlite3_sleep(kBackupBusySleepMs);
  }
  const int finish_rc = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw StorageError(fmt::format("{} failed: {}", what, sqlite3_errstr(rc)));
  if (finish_rc != SQLITE_OK) throw StorageError(fmt::format("{} failed: {}", what, sqlite3_errmsg(to)));
}

void remove_database_files(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
}

}  // namespace

// ---- SqliteConnection ----

SqliteConnection::SqliteConnection(const std::string& path) {
  // NOMUTEX: a connection is only ever used by one thread at a time (see Connection), so SQLite's
  // per-connection mutex would be pure overhead. EXRESCODE: extended codes tell constraint kinds apart.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, kept_map_vfs());
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StorageError(fmt::format("SQLite: cannot open {}: {}", path, message));
  }
  try {
    // The busy timeout comes first: switching to WAL needs a lock another connection may hold.
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    std::string mode;
    char* error = nullptr;
    const int jrc = sqlite3_exec(
        db_, "PRAGMA journal_mode=WAL",
        [](void* out, int n, char** values, char**) {
          if (n > 0 && values[0]) *static_cast<std::string*>(out) = values[0];
          return 0;
        },
        &mode, &error);
    if (jrc != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errstr(jrc);
      sqlite3_free(error);
      throw_error(jrc, message, "PRAGMA journal_mode=WAL");
    }
    // Readers never block the writer and vice versa only in WAL mode; a server cannot do without it.
    if (mode != "wal") throw StorageError(fmt::format("SQLite: {} cannot use WAL journal mode (got '{}')", path, mode));
    // Foreign keys are off by default in SQLite; synchronous=NORMAL is durable enough in WAL mode
    // (a power cut may lose the last commits, never corrupt the file) and much faster than FULL.
    execute_script("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
    // Reads through a memory map of the file (its first GiB): pages come from the kernel's page
    // cache, shared by every connection, without a read() copy each; the search's index lookups
    // spent a quarter of their time in those copies (bench/RESULTS.md). The map is kept across
    // commits and shared by the connections (kept_map.hpp).
    execute_script("PRAGMA mmap_size=1073741824;");
    register_fts_rank(db_);
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  statements_.clear();
  for (CachedStatement& c : lru_) sqlite3_finalize(c.stmt);
  lru_.clear();
  sqlite3_close_v2(db_);
}

// Placeholders: SQL reaches SQLite unchanged, since the portable `?` is SQLite's own syntax. This is
// the one place where a backend would translate placeholders (the PostgreSQL backend rewrites them to
// $1, $2, ... in its own prepare).
sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
  if (auto found = statements_.find(sql); found != statements_.end()) {
    lru_.splice(lru_.begin(), lru_, found->second);
    return found->second->stmt;
  }
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  const int rc =
      sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) fail(rc, sql);
  if (stmt == nullptr) throw StorageError(fmt::format("SQLite: empty statement (in: {})", sql_excerpt(sql)));
  if (tail && !only_separators(tail, sql.data() + sql.size())) {
    sqlite3_finalize(stmt);
    throw StorageError(fmt::format(
        "SQLite: several statements given where one is expected; use execute_script (in: {})", sql_excerpt(sql)));
  }
  lru_.push_front(CachedStatement{std::string(sql), stmt});
  statements_.emplace(lru_.front().sql, lru_.begin());
  if (lru_.size() > kStatementCacheSize) {
    CachedStatement& oldest = lru_.back();
    statements_.erase(oldest.sql);
    sqlite3_finalize(oldest.stmt);
    lru_.pop_back();
  }
  return stmt;
}

void SqliteConnection::bind(sqlite3_stmt* stmt, const Params& params) {
  const int expected = sqlite3_bind_parameter_count(stmt);
  if (static_cast<std::size_t>(expected) != params.size()) {
    throw StorageError(fmt::format("SQLite: the statement has {} placeholders but {} values were given (in: {})",
                                   expected, params.size(), sql_excerpt(sqlite3_sql(stmt))));
  }
  for (std::size_t k = 0; k < params.size(); ++k) {
    const int i = static_cast<int>(k) + 1;
    // SQLITE_STATIC: the values outlive the statement's run (StatementReset unbinds them), so large
    // blobs are not copied. std::string::data() is never null, so an empty string or blob binds as
    // empty, not as NULL.
    const int rc = std::visit(
        storage::Overloaded{
            [&](std::nullptr_t) { return sqlite3_bind_null(stmt, i); },
            [&](std::int64_t v) { return sqlite3_bind_int64(stmt, i, v); },
            [&](double v) { return sqlite3_bind_double(stmt, i, v); },
            [&](const std::string& v) {
              return sqlite3_bind_text64(stmt, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
            },
            [&](const Blob& v) { return sqlite3_bind_blob64(stmt, i, v.bytes.data(), v.bytes.size(), SQLITE_STATIC); },
        },
        params[k]);
    if (rc != SQLITE_OK) fail(rc, sqlite3_sql(stmt));
  }
}

void SqliteConnection::fail(int rc, std::string_view sql) { throw_error(rc, sqlite3_errmsg(db_), sql); }

std::vector<Row> SqliteConnection::query(std::string_view sql, const Params& params) {
  std::vector<Row> rows;
  step_rows(sql, params, [&](Row&& r) { rows.push_back(std::move(r)); });
  return rows;
}

void SqliteConnection::each_row(std::string_view sql, const Params& params,
                                const std::function<void(const Row&)>& each) {
  step_rows(sql, params, [&](Row&& r) { each(r); });
}

void SqliteConnection::step_rows(std::string_view sql, const Params& params, const std::function<void(Row&&)>& each) {
  const StatementTables tables = note(sql);
  sqlite3_stmt* stmt = prepare(sql);
  before(stmt);
  StatementReset reset(stmt);
  bind(stmt, params);
  const int columns = sqlite3_column_count(stmt);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(rc, sql);
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) values.push_back(read_column(stmt, i));
    each(Row(std::move(values)));
  }
  if (!sqlite3_stmt_readonly(stmt)) wrote(tables, sqlite3_changes64(db_));  // INSERT … RETURNING
}

std::int64_t SqliteConnection::execute(std::string_view sql, const Params& params) {
  const StatementTables tables = note(sql);
  sqlite3_stmt* stmt = prepare(sql);
  before(stmt);
  StatementReset reset(stmt);
  bind(stmt, params);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(rc, sql);  // rows of a RETURNING clause are ignored here
  }
  // sqlite3_changes64 keeps the count of the last INSERT/UPDATE/DELETE, so a read-only statement
  // (SELECT, BEGIN, COMMIT) would otherwise report someone else's count.
  const std::int64_t changed = sqlite3_stmt_readonly(stmt) ? 0 : sqlite3_changes64(db_);
  wrote(tables, changed);
  return changed;
}

void SqliteConnection::execute_script(std::string_view sql) {
  if (held_ && joined_ == 0) end_reads();  // a script may write
  wrote(note(sql), 1);                     // a script's rows are not counted: taken as changed
  const std::string script(sql);           // sqlite3_exec wants a terminating NUL
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw_error(rc, message, sql);
  }
}

void SqliteConnection::begin(bool write) {
  if (held_) {
    if (!write) {
      ++joined_;
      return;
    }
    end_reads();
  }
  // IMMEDIATE takes the write lock now (waiting up to the busy timeout); a deferred transaction
  // that writes later could fail with SQLITE_BUSY on the upgrade without waiting at all.
  execute(write ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteConnection::commit() {
  if (joined_ > 0) {
    --joined_;
    return;
  }
  execute("COMMIT");
}

void SqliteConnection::rollback() {
  if (joined_ > 0) {  // a read transaction: nothing to undo
    --joined_;
    return;
  }
  // Some errors (disk full, I/O) make SQLite roll back by itself; rolling back again would throw.
  if (!in_transaction()) return;
  execute("ROLLBACK");
}

void SqliteConnection::before(sqlite3_stmt* stmt) {
  if (held_ && joined_ == 0 && !sqlite3_stmt_readonly(stmt)) end_reads();
}

void SqliteConnection::begin_reads() {
  if (in_transaction()) return;
  execute("BEGIN");
  held_ = true;
}

void SqliteConnection::end_reads() {
  if (!held_) return;
  held_ = false;
  joined_ = 0;
  if (in_transaction()) execute("COMMIT");
}

bool SqliteConnection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

std::optional<CommitMark> SqliteConnection::commit_mark() {
  if (in_transaction()) return std::nullopt;
  return sqlite::commit_mark(db_);
}

// ---- SqliteDatabase ----

SqliteDatabase::SqliteDatabase(std::string path, int pool_size) : PooledDatabase(pool_size), path_(std::move(path)) {
  // Each pooled connection to ":memory:" would be a separate, empty database.
  if (path_.empty() || path_ == ":memory:") {
    throw StorageError("SQLite: the database must be a file path (an in-memory database cannot be pooled)");
  }
  const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) throw StorageError(fmt::format("SQLite: cannot create directory {}: {}", parent.string(), ec.message()));
  }
  open_first();
}

std::unique_ptr<Connection> SqliteDatabase::open_connection() { return std::make_unique<SqliteConnection>(path_); }

bool SqliteDatabase::make_reusable(Connection& c) noexcept {
  auto& connection = static_cast<SqliteConnection&>(c);
  if (!connection.in_transaction()) return true;
  // A transaction left open (begin() without a Transaction guard, then an exception) would hold
  // the write lock forever and leak its writes into the next user's transaction.
  log::error("storage: connection returned with an open transaction, rolling back");
  try {
    connection.rollback();
  } catch (...) {
  }
  return !connection.in_transaction();
}

void SqliteDatabase::backup(const std::string& path) {
  create_backup_file(path);

  try {
    // A connection of its own rather than a pooled one: the caller may hold the pool's only lease.
    SqliteConnection source(path_);
    sqlite3* raw = nullptr;
    const int orc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    Handle target(raw);
    if (orc != SQLITE_OK) {
      throw StorageError(
          fmt::format("backup: cannot open {}: {}", path, raw ? sqlite3_errmsg(raw) : sqlite3_errstr(orc)));
    }
    copy_pages(source.handle(), target.get(), fmt::format("backup: copying to {}", path));
  } catch (...) {
    // A partial copy must not be mistaken for a backup.
    remove_database_files(path);
    throw;
  }
}

void SqliteDatabase::restore(const std::string& path) {
  sqlite3* raw = nullptr;
  const int orc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  Handle source(raw);
  if (orc != SQLITE_OK) {
    throw StorageError(
        fmt::format("restore: cannot open {}: {}", path, raw ? sqlite3_errmsg(raw) : sqlite3_errstr(orc)));
  }
  // A damaged backup must not replace a sound database.
  std::string verdict;
  char* error = nullptr;
  const int qrc = sqlite3_exec(
      source.get(), "PRAGMA quick_check",
      [](void* out, int n, char** values, char**) {
        if (n > 0 && values[0]) *static_cast<std::string*>(out) += values[0];
        return 0;
      },
      &verdict, &error);
  if (qrc != SQLITE_OK || verdict != "ok") {
    std::string message = error ? error : (qrc != SQLITE_OK ? sqlite3_errstr(qrc) : verdict);
    sqlite3_free(error);
    throw StorageError(fmt::format("restore: {} is not a sound SQLite database: {}", path, message));
  }
  // The backup API in the other direction: the pages of the file replace those of the database in one
  // write transaction, and the database keeps its WAL journal.
  SqliteConnection target(path_);
  copy_pages(source.get(), target.handle(), fmt::format("restore: copying from {}", path));
}

std::unique_ptr<Database> open(const std::string& path, int pool_size) {
  return std::make_unique<SqliteDatabase>(path, pool_size);
}

}  // namespace fabrique::storage::sqlite
