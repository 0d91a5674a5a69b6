// A file layer (VFS) over SQLite's own that keeps one memory map of each database file for the whole
// process, across commits and connections.
//
// Why: in WAL mode a connection that begins a read after another connection committed empties its
// page cache and, when it reads through a memory map (PRAGMA mmap_size), unmaps the whole file
// (pager.c: pagerBeginReadTransaction → sqlite3OsUnfetch(fd, 0, 0)). Its next reads map the file again
// and fault on every page they touch, and every munmap interrupts the other cores to flush their
// address caches. Under a Reset Day's writes (bench/mixed.sh: 150 commits a second) that was a quarter
// of the server's time (bench/RESULTS.md, issue #20, fifth round). SQLite has no setting for it.
//
// Keeping the map is safe for the same reasons SQLite's own map is safe between processes: a shared
// map shows the file as it is now, like read() would; the pager reads through it only pages the WAL
// does not hold for its snapshot, which a checkpoint cannot overwrite while that snapshot is read; and
// it never asks for a page past the end of the file. So the file is mapped once, the length of the map
// limit, and unmapped when its last connection closes; where SQLite would unmap, the size of the file
// is read again, and nothing past it is ever handed out. Everything else goes to SQLite's own layer.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>

#include "storage/database.hpp"

namespace fabrique::storage::sqlite {

// The name of the layer, for sqlite3_open_v2; registers it the first time (not as the default).
const char* kept_map_vfs();

// How many maps of database files this process has made so far (tests).
std::int64_t kept_maps_made();

// The header of the WAL index of the database `db` (opened through this layer) as it is now, read
// from the shared memory every connection to the file maps, in any process, without a lock or a
// system call: nothing when `db` has not mapped it yet, or a commit is writing it this instant.
//
// Why: every commit, by any connection of any process, writes that header, and its change counter
// (iChange) moves on with each (https://sqlite.org/walformat.html, "The WAL-Index Header"). The
// header unchanged, nothing was committed: a value read from the database since still holds. A
// cached page's check read the data version with a statement, whose read transaction and locks
// (fcntl) were a fifth of the server's CPU for a cached page (bench/RESULTS.md, issue #20). SQLite
// has no call that says whether anything was committed without beginning a read (PRAGMA
// data_version and SQLITE_FCNTL_DATA_VERSION need one). The header's layout is part of the file
// format that processes linked with different SQLite versions share; it is checked before use.
std::optional<CommitMark> commit_mark(sqlite3* db);

}  // namespace fabrique::storage::sqlite
