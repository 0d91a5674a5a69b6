// The kept map of a database file (kept_map.hpp): SQLite's own file layer, with the memory map of
// main database files held by this layer instead, shared and never dropped while the file is open.
#include "storage/sqlite/kept_map.hpp"

#include <sqlite3.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.hpp"

namespace fabrique::storage::sqlite {
namespace {

constexpr const char* kName = "fabrique-kept-map";
// SQLite's own bound on a map (SQLITE_MAX_MMAP_SIZE as built for Linux; Debian's: 0x7fff0000).
constexpr sqlite3_int64 kMaxMap = 0x7fff0000;
// The version of the WAL index's layout its header begins with (https://sqlite.org/walformat.html).
constexpr std::uint32_t kWalIndexVersion = 3007000;

// One map of one file (by device and inode), shared by every connection that has the file open.
struct Map {
  dev_t device = 0;
  ino_t inode = 0;
  unsigned char* start = nullptr;
  sqlite3_int64 length = 0;                // of the mapped range: the map limit, not the file
  std::atomic<sqlite3_int64> readable{0};  // bytes of the file known to exist: nothing past it is handed out
  int users = 0;
};

std::mutex maps_mutex;
std::vector<std::unique_ptr<Map>> maps;  // a few: one a database file open
std::atomic<std::int64_t> maps_made{0};

// What SQLite holds for an open main database file: this layer's part, then SQLite's own file.
struct File {
  sqlite3_file base;
  sqlite3_file* real;  // SQLite's own file, in the same allocation, right after this struct
  const char* path;    // valid until xClose (SQLite's promise for xOpen's name)
  Map* map;            // null until the first page is asked for, or when the file could not be mapped
  bool map_failed;
  sqlite3_int64 limit;  // PRAGMA mmap_size, as SQLite passes it on (SQLITE_FCNTL_MMAP_SIZE)
  // The first region of the WAL index this connection mapped (SQLite's shared memory, the -shm
  // file), where its header is: null until SQLite maps it, and again once it unmaps it.
  const volatile unsigned char* wal_index;
};

File* as_file(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
sqlite3_file* real(sqlite3_file* f) { return as_file(f)->real; }

// SQLite's own file (os_unix.c, struct unixFile) begins with its methods, its file layer, its inode
// record and its descriptor, and SQLite has no call that gives the descriptor. The map must be made
// from that descriptor: opening the file again and closing it would drop every lock this process
// holds on it (POSIX locks belong to the process and the file, not to a descriptor), which SQLite's
// own layer avoids by deferring its closes. It is used only when it is an open descriptor of this
// very file (same device and inode as the path), so a layout that changed leaves reads going through
// read(), never through a wrong map.
int descriptor_of(sqlite3_file* own_file) {
  struct Head {
    const sqlite3_io_methods* methods;
    sqlite3_vfs* vfs;
    void* inode;
    int fd;
  };
  return reinterpret_cast<const Head*>(own_file)->fd;
}

// The map of the file `f` opened, shared with every other open of the same file; null if it cannot
// be made (reads then go through read(), as without a map). The map holds the file: the descriptor
// it was made from may be closed, and the inode cannot be reused while the map lives.
Map* attach(File& f) {
  struct stat by_path {};
  struct stat by_fd {};
  const int fd = descriptor_of(f.real);
  if (::stat(f.path, &by_path) != 0 || fd < 0 || ::fstat(fd, &by_fd) != 0 || by_fd.st_dev != by_path.st_dev ||
      by_fd.st_ino != by_path.st_ino)
    return nullptr;
  std::lock_guard lock(maps_mutex);
  for (auto& m : maps) {
    if (m->device == by_fd.st_dev && m->inode == by_fd.st_ino) {
      ++m->users;
      return m.get();
    }
  }
  void* start = ::mmap(nullptr, static_cast<std::size_t>(f.limit), PROT_READ, MAP_SHARED, fd, 0);
  if (start == MAP_FAILED) return nullptr;
  auto m = std::make_unique<Map>();
  m->device = by_fd.st_dev;
  m->inode = by_fd.st_ino;
  m->start = static_cast<unsigned char*>(start);
  m->length = f.limit;
  m->readable.store(std::min<sqlite3_int64>(by_fd.st_size, f.limit));
  m->users = 1;
  maps.push_back(std::move(m));
  maps_made.fetch_add(1);
  return maps.back().get();
}

void detach(Map* map) {
  std::lock_guard lock(maps_mutex);
  if (--map->users > 0) return;
  ::munmap(map->start, static_cast<std::size_t>(map->length));
  std::erase_if(maps, [&](const std::unique_ptr<Map>& m) { return m.get() == map; });
}

// Reads the file's size again (SQLite's own layer: fstat) into the bound of what is handed out.
void read_size(File& f) {
  sqlite3_int64 size = 0;
  if (f.real->pMethods->xFileSize(f.real, &size) == SQLITE_OK)
    f.map->readable.store(std::min(size, f.map->length), std::memory_order_release);
}

int fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  *out = nullptr;
  File& f = *as_file(file);
  if (f.limit <= 0 || f.map_failed) return SQLITE_OK;
  if (f.map == nullptr && (f.map = attach(f)) == nullptr) {
    f.map_failed = true;
    return SQLITE_OK;
  }
  const sqlite3_int64 end = offset + amount;
  if (end > f.map->length) return SQLITE_OK;
  if (end > f.map->readable.load(std::memory_order_acquire)) {
    read_size(f);
    if (end > f.map->readable.load(std::memory_order_acquire)) return SQLITE_OK;
  }
  *out = f.map->start + offset;
  return SQLITE_OK;
}

// A page given back (kept: the map stays), or, with no page, where SQLite would drop its whole map
// because another connection committed: the file may have grown or shrunk, so its size is read again.
int unfetch(sqlite3_file* file, sqlite3_int64, void* page) {
  File& f = *as_file(file);
  if (page == nullptr && f.map != nullptr) read_size(f);
  return SQLITE_OK;
}

int close_file(sqlite3_file* file) {
  File& f = *as_file(file);
  const int rc = f.real->pMethods->xClose(f.real);
  if (f.map != nullptr) detach(f.map);
  f.map = nullptr;
  return rc;
}

int file_control(sqlite3_file* file, int op, void* arg) {
  File& f = *as_file(file);
  // The map limit is this layer's: SQLite's own layer would map the file itself on a size hint.
  if (op == SQLITE_FCNTL_MMAP_SIZE) {
    auto* value = static_cast<sqlite3_int64*>(arg);
    const sqlite3_int64 asked = *value;
    *value = f.limit;
    if (asked >= 0) f.limit = std::min(asked, kMaxMap);
    return SQLITE_OK;
  }
  return f.real->pMethods->xFileControl(f.real, op, arg);
}

const sqlite3_io_methods kMethods = {
    3,
    close_file,
    [](sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
      return real(f)->pMethods->xRead(real(f), buffer, amount, offset);
    },
    [](sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
      return real(f)->pMethods->xWrite(real(f), buffer, amount, offset);
    },
    [](sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); },
    [](sqlite3_file* f, int flags) { return real(f)->pMethods->xSync(real(f), flags); },
    [](sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); },
    [](sqlite3_file* f, int lock) { return real(f)->pMethods->xLock(real(f), lock); },
    [](sqlite3_file* f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); },
    [](sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); },
    file_control,
    [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); },
    [](sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); },
    [](sqlite3_file* f, int region, int size, int extend, void volatile** out) {
      const int rc = real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
      if (rc == SQLITE_OK && region == 0 && *out != nullptr)
        as_file(f)->wal_index = static_cast<const volatile unsigned char*>(*out);
      return rc;
    },
    [](sqlite3_file* f, int offset, int n, int flags) {
      return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
    },
    [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); },
    [](sqlite3_file* f, int remove) {
      as_file(f)->wal_index = nullptr;
      return real(f)->pMethods->xShmUnmap(real(f), remove);
    },
    fetch,
    unfetch,
};

sqlite3_vfs* own(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

// Main database files get this layer's methods; journals, WAL and temporary files are SQLite's own.
int open_file(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  sqlite3_vfs* base = own(vfs);
  if ((flags & SQLITE_OPEN_MAIN_DB) == 0 || name == nullptr) return base->xOpen(base, name, file, flags, out_flags);
  File& f = *as_file(file);
  f.real = reinterpret_cast<sqlite3_file*>(&f + 1);
  f.path = name;
  f.map = nullptr;
  f.map_failed = false;
  f.limit = 0;
  f.wal_index = nullptr;
  const int rc = base->xOpen(base, name, f.real, flags, out_flags);
  // SQLite calls xClose whenever pMethods is set, even after a failed open.
  f.base.pMethods = f.real->pMethods != nullptr ? &kMethods : nullptr;
  return rc;
}

sqlite3_vfs make_vfs(sqlite3_vfs* base) {
  sqlite3_vfs v{};
  // Version 3 adds the system-call overrides, which are for SQLite's own tests.
  v.iVersion = 2;
  v.szOsFile = static_cast<int>(sizeof(File)) + base->szOsFile;
  v.mxPathname = base->mxPathname;
  v.zName = kName;
  v.pAppData = base;
  v.xOpen = open_file;
  v.xDelete = [](sqlite3_vfs* s, const char* path, int sync) { return own(s)->xDelete(own(s), path, sync); };
  v.xAccess = [](sqlite3_vfs* s, const char* path, int flags, int* out) {
    return own(s)->xAccess(own(s), path, flags, out);
  };
  v.xFullPathname = [](sqlite3_vfs* s, const char* path, int n, char* out) {
    return own(s)->xFullPathname(own(s), path, n, out);
  };
  v.xDlOpen = [](sqlite3_vfs* s, const char* path) { return own(s)->xDlOpen(own(s), path); };
  v.xDlError = [](sqlite3_vfs* s, int n, char* out) { own(s)->xDlError(own(s), n, out); };
  v.xDlSym = [](sqlite3_vfs* s, void* handle, const char* symbol) { return own(s)->xDlSym(own(s), handle, symbol); };
  v.xDlClose = [](sqlite3_vfs* s, void* handle) { own(s)->xDlClose(own(s), handle); };
  v.xRandomness = [](sqlite3_vfs* s, int n, char* out) { return own(s)->xRandomness(own(s), n, out); };
  v.xSleep = [](sqlite3_vfs* s, int micros) { return own(s)->xSleep(own(s), micros); };
  v.xCurrentTime = [](sqlite3_vfs* s, double* out) { return own(s)->xCurrentTime(own(s), out); };
  v.xGetLastError = [](sqlite3_vfs* s, int n, char* out) { return own(s)->xGetLastError(own(s), n, out); };
  v.xCurrentTimeInt64 = [](sqlite3_vfs* s, sqlite3_int64* out) { return own(s)->xCurrentTimeInt64(own(s), out); };
  return v;
}

}  // namespace

const char* kept_map_vfs() {
  static const char* name = [] {
    sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
    if (base == nullptr || base->iVersion < 2) throw StorageError("SQLite: no file layer to open databases with");
    static sqlite3_vfs vfs = make_vfs(base);
    if (const int rc = sqlite3_vfs_register(&vfs, 0); rc != SQLITE_OK)
      throw StorageError(std::string("SQLite: cannot register its file layer: ") + sqlite3_errstr(rc));
    return kName;
  }();
  return name;
}

std::int64_t kept_maps_made() { return maps_made.load(); }

std::optional<CommitMark> commit_mark(sqlite3* db) {
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || file == nullptr ||
      file->pMethods != &kMethods)
    return std::nullopt;
  const volatile unsigned char* index = as_file(file)->wal_index;
  if (index == nullptr) return std::nullopt;
  // The header is written twice, the second copy first, then the first after a memory barrier; read
  // in the other order, the two copies differ while a commit is being written (as SQLite's own
  // readers check: wal.c, walIndexTryHdr).
  CommitMark first{};
  CommitMark second{};
  std::atomic_thread_fence(std::memory_order_seq_cst);
  for (std::size_t i = 0; i < first.size(); ++i) first[i] = index[i];
  std::atomic_thread_fence(std::memory_order_seq_cst);
  for (std::size_t i = 0; i < second.size(); ++i) second[i] = index[first.size() + i];
  if (first != second) return std::nullopt;
  // The layout read here: the header's version (3007000, the only one since WAL came, in SQLite
  // 3.7.0), and set up (isInit).
  std::uint32_t version = 0;
  std::memcpy(&version, first.data(), sizeof version);
  if (version != kWalIndexVersion || first[12] == 0) return std::nullopt;
  return first;
}

}  // namespace fabrique::storage::sqlite
