// The shared connection pool and backup-file creation.
#include "storage/pool.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fabrique::storage {

PooledDatabase::PooledDatabase(int pool_size) : pool_size_(pool_size) {
  if (pool_size_ < 1) throw StorageError(fmt::format("pool size must be at least 1, not {}", pool_size_));
  // Reserved up front so that release(), which runs in destructors, never allocates.
  idle_.reserve(static_cast<std::size_t>(pool_size_));
}

void PooledDatabase::open_first() {
  idle_.push_back(open_connection());
  open_count_ = 1;
}

Database::Lease PooledDatabase::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || open_count_ < pool_size_; });
  if (!idle_.empty()) {
    // Last in, first out: the most recently used connection has the warmest statement cache.
    std::unique_ptr<Connection> c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(c));
  }
  ++open_count_;
  lock.unlock();  // opening a file or a network connection must not hold up other threads
  try {
    return Lease(this, open_connection());
  } catch (...) {
    lock.lock();
    --open_count_;
    lock.unlock();
    available_.notify_one();
    throw;
  }
}

void PooledDatabase::release(std::unique_ptr<Connection> c) {
  // Runs in Lease's destructor: nothing here may throw.
  if (!make_reusable(*c)) c.reset();  // closed; a new one will be opened on demand
  {
    std::lock_guard lock(mutex_);
    if (c) {
      idle_.push_back(std::move(c));
    } else {
      --open_count_;
    }
  }
  available_.notify_one();
}

void create_backup_file(const std::string& path) {
  if (path.empty()) throw StorageError("backup: no target file given");
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) throw StorageError(fmt::format("backup: cannot create directory {}: {}", parent.string(), ec.message()));
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int e = errno;
    if (e == EEXIST) throw StorageError(fmt::format("backup: {} already exists; choose a new file name", path));
    throw StorageError(fmt::format("backup: cannot create {}: {}", path, std::strerror(e)));
  }
  ::close(fd);
}

}  // namespace fabrique::storage
