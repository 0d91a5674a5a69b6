// Pages rendered for visitors who are not signed in, kept with their compressed forms so that the
// next visitor gets them without rendering or compressing again.
//
// A document written to a file (http/spool.hpp: a whole register's export) is kept as that file, in
// the encoding it was written in: the next client that accepts the same gets the file, the others
// have it written again in theirs. Rendering one costs up to a second of CPU; sending a kept one is
// reading a file.
//
// An entry is served only while nothing it was rendered from has changed since (the tables its
// statements read, or only some rows of the keyed ones, storage/changes.hpp: every change made
// through the site stamps the tables or rows it wrote, on whichever node), and for at most kMaxAge,
// so that relative times ("3 days ago") and changes made outside the site (the CLI) show up soon.
//
// Past its bounds (the bytes of pages, the bytes of files), the pages used longest ago go first: the
// signed-in people's cache holds every page each of them opened, and one person walking through
// hundreds of events must not take from everyone the pages they come back to.
#pragma once
#include <chrono>
#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "http/message.hpp"
#include "storage/changes.hpp"

namespace fabrique::http {

class PageCache {
 public:
  static constexpr std::chrono::seconds kMaxAge{60};
  static constexpr std::size_t kMaxBodyBytes = 512 * 1024;
  // Bounds the memory of the cache whatever the query strings visitors send.
  static constexpr std::size_t kMaxTotalBytes = 32 * 1024 * 1024;
  // Bounds the disk held by the documents kept as files (their files have no name: they go with
  // the entry, or with the last response still sending one).
  static constexpr std::uint64_t kMaxFileBytes = 256 * 1024 * 1024;

  explicit PageCache(std::size_t max_total_bytes = kMaxTotalBytes) : max_total_bytes_(max_total_bytes) {}

  // The cached response for `key` if none of its tables changed as of `now`, encoded as the client
  // accepts.
  std::optional<Response> find(const std::string& key, const storage::Snapshot& now_data, std::chrono::sys_seconds now,
                               std::string_view accept_encoding);
  // Keeps `r` (an uncompressed 200 response, or one whose body is a file) for `key`, rendered from what
  // it `reads` after the snapshot of data version `version` was taken.
  void store(const std::string& key, std::int64_t version, storage::Reads reads, std::chrono::sys_seconds now,
             const Response& r);
  // Forgets every page (their version could not be checked against the database's).
  void clear();

 private:
  struct Entry {
    std::int64_t version;
    storage::Reads reads;
    std::chrono::sys_seconds stored_at;  // by the site's clock: tests move it
    Response identity;
    // Compressed on the first request that asks for each: a page rendered again after a change may
    // never be asked for in both, or at all, before the next change.
    std::shared_ptr<const std::string> gzip;
    std::shared_ptr<const std::string> brotli;
    // A data document's strong ETag of each form (http/open_data.hpp), hashed once, not per request.
    std::string identity_etag, gzip_etag, brotli_etag;
    std::uint64_t serial;  // tells a compression done outside the lock which entry it was for
    std::list<std::map<std::string, Entry, std::less<>>::iterator>::iterator used;  // its place in used_
  };
  using Entries = std::map<std::string, Entry, std::less<>>;
  const std::size_t max_total_bytes_;
  std::mutex mutex_;
  std::uint64_t next_serial_ = 0;
  Entries entries_;
  std::list<Entries::iterator> used_;  // the entries, the one used last first
  std::size_t total_bytes_ = 0;
  std::uint64_t file_bytes_ = 0;
  std::size_t files_ = 0;  // entries kept as files: none, and a page's miss looks no further
  // Takes `it` out, with the bytes it held.
  void erase(Entries::iterator it);
  // Takes out the entries used longest ago until `bytes` more of pages and `file_bytes` more of files
  // fit (only entries that hold what is short go).
  void make_room(std::size_t bytes, std::uint64_t file_bytes);
};

}  // namespace fabrique::http
