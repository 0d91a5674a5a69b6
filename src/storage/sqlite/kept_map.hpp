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
#include <cstdint>

namespace fabrique::storage::sqlite {

// The name of the layer, for sqlite3_open_v2; registers it the first time (not as the default).
const char* kept_map_vfs();

// How many maps of database files this process has made so far (tests).
std::int64_t kept_maps_made();

}  // namespace fabrique::storage::sqlite
