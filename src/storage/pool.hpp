// The connection pool both engines share: connections opened lazily up to a size, handed out
// most-recently-used first, cleaned when returned; and the safe creation of a backup file.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace fabrique::storage {

class PooledDatabase : public Database {
 public:
  Lease acquire() final;

 protected:
  // Throws StorageError for a size below 1.
  explicit PooledDatabase(int pool_size);
  // Opens a first connection, so that a bad location fails at start-up rather than on a request.
  // Call it at the end of the engine's constructor (it uses open_connection()).
  void open_first();

  virtual std::unique_ptr<Connection> open_connection() = 0;
  // Makes a returned connection ready for the next user (e.g. rolls back a transaction left open).
  // Returns false when it cannot be cleaned: the pool then closes it. Must not throw.
  virtual bool make_reusable(Connection& c) noexcept = 0;

  void release(std::unique_ptr<Connection> c) final;

 private:
  const int pool_size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_count_ = 0;  // leased + idle
};

// Creates `path` (and its folder) for a backup, empty, readable only by its owner (the copy holds
// password hashes and sessions). Refuses an existing file atomically, so a backup never
// overwrites anything. Throws StorageError with a readable message.
void create_backup_file(const std::string& path);

}  // namespace fabrique::storage
