// The visitors' page cache.
#include "http/page_cache.hpp"

#include <algorithm>
#include <iterator>

#include "http/compress.hpp"
#include "http/open_data.hpp"
#include "http/spool.hpp"

namespace fabrique::http {

namespace {
// Where a document kept as a file is, beside the pages: one key per encoding the file is written in,
// the one Spool chooses for the request.
std::string file_key(std::string_view key, std::string_view content_encoding) {
  return std::string(key) + "\nfile " + std::string(content_encoding.empty() ? "identity" : content_encoding);
}

std::size_t size_of(const std::shared_ptr<const std::string>& s) { return s ? s->size() : 0; }
}  // namespace

void PageCache::erase(Entries::iterator it) {
  const Entry& e = it->second;
  used_.erase(e.used);
  total_bytes_ -= size_of(e.identity.shared_body) + size_of(e.gzip) + size_of(e.brotli);
  if (e.identity.file) {
    file_bytes_ -= e.identity.file->size;
    --files_;
  }
  entries_.erase(it);
}

std::optional<Response> PageCache::find(const std::string& key, const storage::Snapshot& now_data,
                                        std::chrono::sys_seconds now, std::string_view accept_encoding) {
  std::unique_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() && files_ > 0) it = entries_.find(file_key(key, Spool::encoding(accept_encoding)));
  if (it == entries_.end()) return std::nullopt;
  Entry& e = it->second;
  if (!now_data.unchanged_since(e.reads, e.version) || now - e.stored_at > kMaxAge || now < e.stored_at) {
    erase(it);
    return std::nullopt;
  }
  used_.splice(used_.begin(), used_, e.used);
  if (e.identity.file) return e.identity;  // the file is shared, read with pread
  // Copy the headers, and share the one body the client will get.
  Response r;
  r.status = e.identity.status;
  r.content_type = e.identity.content_type;
  r.headers = e.identity.headers;
  r.compressible = false;
  const auto encoding = choose_encoding(accept_encoding);
  const bool br = encoding == "br";
  if ((!br && encoding != "gzip") || e.identity.shared_body->size() < kMinCompressBytes) {
    r.shared_body = e.identity.shared_body;
    r.etag = e.identity_etag;
    return r;
  }
  r.content_encoding = std::string(encoding);
  if (const auto& kept = br ? e.brotli : e.gzip; kept) {
    r.shared_body = kept;
    r.etag = br ? e.brotli_etag : e.gzip_etag;
    return r;
  }
  // The first request for this encoding compresses it (and hashes a data document), outside the
  // lock, at the level of cached pages.
  const std::uint64_t serial = e.serial;
  const bool data = !e.identity_etag.empty();
  const std::shared_ptr<const std::string> body = e.identity.shared_body;
  lock.unlock();
  r.shared_body = std::make_shared<const std::string>(br ? brotli(*body, 5) : gzip(*body));
  if (data) r.etag = open_data::strong_etag(*r.shared_body);
  lock.lock();
  if (auto again = entries_.find(key); again != entries_.end() && again->second.serial == serial) {
    auto& kept = br ? again->second.brotli : again->second.gzip;
    if (!kept && total_bytes_ + r.shared_body->size() <= max_total_bytes_) {
      kept = r.shared_body;
      (br ? again->second.brotli_etag : again->second.gzip_etag) = r.etag;
      total_bytes_ += kept->size();
    }
  }
  return r;
}

void PageCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  used_.clear();
  total_bytes_ = 0;
  file_bytes_ = 0;
  files_ = 0;
}

void PageCache::store(const std::string& key, std::int64_t version, storage::Reads reads, std::chrono::sys_seconds now,
                      const Response& r) {
  if (r.bytes().size() > std::min(kMaxBodyBytes, max_total_bytes_) || (r.file && r.file->size > kMaxFileBytes)) return;
  reads.normalize();
  Entry e{version, std::move(reads), now, r, {}, {}, {}, {}, {}, 0, {}};
  // Kept once, and shared with every response served from it (sent from these bytes, not a copy).
  if (!e.identity.shared_body) e.identity.shared_body = std::make_shared<const std::string>(std::move(e.identity.body));
  e.identity.body = {};
  if (!r.file && r.status == 200 && open_data::is_data(r.content_type))
    e.identity_etag = open_data::strong_etag(*e.identity.shared_body);
  // Server-Timing tells how long this rendering took; a copy served later took no such time.
  std::erase_if(e.identity.headers,
                [](const auto& h) { return h.first == "server-timing" || h.first == "Server-Timing"; });
  const std::size_t bytes = e.identity.shared_body->size();
  const std::uint64_t file_bytes = r.file ? r.file->size : 0;
  std::string where = r.file ? file_key(key, r.file->content_encoding) : key;
  std::lock_guard lock(mutex_);
  e.serial = ++next_serial_;
  if (auto old = entries_.find(where); old != entries_.end()) erase(old);
  make_room(bytes, file_bytes);
  auto it = entries_.emplace(std::move(where), std::move(e)).first;
  used_.push_front(it);
  it->second.used = used_.begin();
  total_bytes_ += bytes;
  file_bytes_ += file_bytes;
  files_ += r.file ? 1 : 0;
}

void PageCache::make_room(std::size_t bytes, std::uint64_t file_bytes) {
  auto pages_short = [&] { return total_bytes_ + bytes > max_total_bytes_; };
  auto files_short = [&] { return file_bytes_ + file_bytes > kMaxFileBytes; };
  // From the entry used longest ago; `at` stays on the entry after the one looked at.
  for (auto at = used_.end(); at != used_.begin() && (pages_short() || files_short());) {
    const Entries::iterator it = *std::prev(at);
    const Entry& e = it->second;
    const bool holds_pages = size_of(e.identity.shared_body) + size_of(e.gzip) + size_of(e.brotli) > 0;
    if ((pages_short() && holds_pages) || (files_short() && e.identity.file))
      erase(it);
    else
      --at;
  }
}

}  // namespace fabrique::http
