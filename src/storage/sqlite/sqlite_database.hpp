// The SQLite backend of the storage interface: one connection class and a thread-safe pool of them.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"
#include "storage/pool.hpp"

// Kept opaque here so that including this header does not pull sqlite3.h into every domain file.
struct sqlite3;
struct sqlite3_stmt;

namespace fabrique::storage::sqlite {

// One SQLite connection, configured for a multi-threaded server: WAL journal, foreign keys on,
// 5 s busy timeout, synchronous=NORMAL. Keeps its prepared statements in a bounded LRU cache.
// fts_rank.cpp: registers fabrique_bm25(), bm25 with the phrases' document counts given by the
// caller (see storage::dialect::full_text). Throws StorageError when FTS5 is missing.
void register_fts_rank(sqlite3* db);

class SqliteConnection final : public Connection {
 public:
  static constexpr std::size_t kStatementCacheSize = 64;
  static constexpr int kBusyTimeoutMs = 5000;

  // Opens (creating if needed) the database file at `path`. Throws StorageError on failure.
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  std::vector<Row> query(std::string_view sql, const Params& params = {}) override;
  void each_row(std::string_view sql, const Params& params, const std::function<void(const Row&)>& each) override;
  std::int64_t execute(std::string_view sql, const Params& params = {}) override;
  void execute_script(std::string_view sql) override;

  void begin(bool write) override;
  void commit() override;
  void rollback() override;
  void begin_reads() override;
  void end_reads() override;

  Engine engine() const override { return Engine::sqlite; }
  // The header of the WAL index (sqlite::commit_mark).
  std::optional<CommitMark> commit_mark() override;

  // True while a transaction is open (the pool rolls such a connection back before reuse).
  bool in_transaction() const;
  // How many prepared statements are cached now (never more than kStatementCacheSize).
  std::size_t cached_statements() const { return statements_.size(); }
  // The raw handle, for the online backup API.
  sqlite3* handle() { return db_; }

 private:
  // Steps the statement, handing each row to `each` (query() keeps them, each_row() passes them on).
  void step_rows(std::string_view sql, const Params& params, const std::function<void(Row&&)>& each);

  struct CachedStatement {
    std::string sql;
    sqlite3_stmt* stmt;
  };

  sqlite3_stmt* prepare(std::string_view sql);
  void bind(sqlite3_stmt* stmt, const Params& params);
  [[noreturn]] void fail(int rc, std::string_view sql);

  // Ends the held reads before a statement that writes.
  void before(sqlite3_stmt* stmt);

  sqlite3* db_ = nullptr;
  bool held_ = false;  // a page's reads are held in a transaction (begin_reads)
  int joined_ = 0;     // read transactions begun inside it, not yet ended
  // Most recently used first; the map points into the list for O(1) lookup and eviction.
  std::list<CachedStatement> lru_;
  std::unordered_map<std::string_view, std::list<CachedStatement>::iterator> statements_;
};

// A pool of SqliteConnection to one file. Connections are opened lazily up to `pool_size`;
// acquire() blocks while all of them are leased.
class SqliteDatabase final : public PooledDatabase {
 public:
  // Creates the file's parent directory if missing and opens a first connection, so that a bad
  // path fails here rather than on the first request.
  SqliteDatabase(std::string path, int pool_size);
  ~SqliteDatabase() override = default;

  Engine engine() const override { return Engine::sqlite; }
  // Copies the database with the online backup API into `path`, which must not exist yet.
  void backup(const std::string& path) override;
  // Checks the backup file's integrity, then copies it over this database with the online backup API
  // (one write transaction: readers see the old content or the new, never a mix).
  void restore(const std::string& path) override;

  const std::string& path() const { return path_; }

 protected:
  std::unique_ptr<Connection> open_connection() override;
  bool make_reusable(Connection& c) noexcept override;

 private:
  const std::string path_;
};

// Opens a pool on the SQLite database file at `path`.
std::unique_ptr<Database> open(const std::string& path, int pool_size);

}  // namespace fabrique::storage::sqlite
