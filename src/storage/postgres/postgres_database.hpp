// The PostgreSQL backend of the storage interface: one libpq connection class and a thread-safe pool of them.
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

// Kept opaque here so that including this header does not pull libpq-fe.h into every domain file.
struct pg_conn;
struct pg_result;

namespace fabrique::storage::postgres {

// One libpq connection. Portable SQL is translated once (dialect::to_postgresql) and prepared once
// per connection; prepared statements are kept in a bounded LRU cache keyed by SQL text and the
// types of the parameters.
//
// Transactions run at READ COMMITTED, PostgreSQL's default: the stores guard their read-modify-write
// sequences with compare-and-set UPDATEs (... WHERE revision = ?) and unique constraints, which are
// correct at that level. Unlike SQLite, an error inside a transaction aborts it: the caller can only
// roll back (which is what every Transaction guard does).
class PgConnection final : public Connection {
 public:
  static constexpr std::size_t kStatementCacheSize = 128;

  // Connects with a libpq connection string or postgresql:// URL. Throws StorageError on failure.
  explicit PgConnection(const std::string& conninfo);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  std::vector<Row> query(std::string_view sql, const Params& params = {}) override;
  std::int64_t execute(std::string_view sql, const Params& params = {}) override;
  void execute_script(std::string_view sql) override;

  void begin(bool write) override;
  void commit() override;
  void rollback() override;

  Engine engine() const override { return Engine::postgresql; }

  // True while a transaction is open or failed (the pool rolls such a connection back before reuse).
  bool in_transaction() const;
  // False once the connection to the server is lost; the pool then discards it.
  bool healthy() const;
  std::size_t cached_statements() const { return statements_.size(); }
  // The database this connection is on, for pg_dump.
  std::string database_name() const;

 private:
  struct CachedStatement {
    std::string key;
    std::string name;
    std::size_t placeholders;
  };

  struct ResultDeleter {
    void operator()(pg_result* r) const;
  };
  using Result = std::unique_ptr<pg_result, ResultDeleter>;

  const CachedStatement& prepare(std::string_view sql, const Params& params);
  Result run(std::string_view sql, const Params& params);
  Result check(pg_result* raw, std::string_view sql);

  pg_conn* conn_ = nullptr;
  std::size_t next_statement_ = 0;
  // Most recently used first; the map points into the list for O(1) lookup and eviction.
  std::list<CachedStatement> lru_;
  std::unordered_map<std::string_view, std::list<CachedStatement>::iterator> statements_;
};

// A pool of PgConnection to one database. Connections are opened lazily up to `pool_size`;
// acquire() blocks while all of them are leased.
class PgDatabase final : public PooledDatabase {
 public:
  // Opens a first connection, so that a bad URL or an unreachable server fails here.
  PgDatabase(std::string conninfo, int pool_size);
  ~PgDatabase() override = default;

  Engine engine() const override { return Engine::postgresql; }
  // Runs `pg_dump --format=custom` of this database into `path`, which must not exist yet.
  // Restore with pg_restore. pg_dump takes one consistent snapshot, so the server may keep running.
  void backup(const std::string& path) override;
  // Turns the pg_dump archive into SQL with pg_restore, then runs it with psql in one transaction that
  // first drops every table of the schema: the database ends up exactly as dumped, or unchanged.
  void restore(const std::string& path) override;

 protected:
  std::unique_ptr<Connection> open_connection() override;
  bool make_reusable(Connection& c) noexcept override;

 private:
  const std::string conninfo_;
};

// Opens a pool on the PostgreSQL database named by `conninfo` (postgresql://user@host:port/db, or
// libpq's key=value form).
std::unique_ptr<Database> open(const std::string& conninfo, int pool_size);

}  // namespace fabrique::storage::postgres
