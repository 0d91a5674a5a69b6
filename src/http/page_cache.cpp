// The visitors' page cache.
#include "http/page_cache.hpp"

#include "http/compress.hpp"

namespace fabrique::http {

std::optional<Response> PageCache::find(const std::string& key, const storage::Snapshot& now_data,
                                        std::chrono::sys_seconds now, std::string_view accept_encoding) {
  std::unique_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  Entry& e = it->second;
  if (!now_data.unchanged_since(e.reads, e.version) || now - e.stored_at > kMaxAge || now < e.stored_at) {
    total_bytes_ -= e.identity.body.size() + e.gzip.size() + e.brotli.size();
    entries_.erase(it);
    return std::nullopt;
  }
  // Copy the headers and only the one body the client will get.
  Response r;
  r.status = e.identity.status;
  r.content_type = e.identity.content_type;
  r.headers = e.identity.headers;
  r.compressible = false;
  const auto encoding = choose_encoding(accept_encoding);
  const bool br = encoding == "br";
  if ((!br && encoding != "gzip") || e.identity.body.size() < kMinCompressBytes) {
    r.body = e.identity.body;
    return r;
  }
  r.content_encoding = std::string(encoding);
  if (const std::string& kept = br ? e.brotli : e.gzip; !kept.empty()) {
    r.body = kept;
    return r;
  }
  // The first request for this encoding compresses it, outside the lock, at the level of cached pages.
  const std::uint64_t serial = e.serial;
  std::string body = e.identity.body;
  lock.unlock();
  r.body = br ? brotli(body, 5) : gzip(body);
  lock.lock();
  if (auto again = entries_.find(key); again != entries_.end() && again->second.serial == serial) {
    std::string& kept = br ? again->second.brotli : again->second.gzip;
    if (kept.empty() && total_bytes_ + r.body.size() <= kMaxTotalBytes) {
      kept = r.body;
      total_bytes_ += kept.size();
    }
  }
  return r;
}

void PageCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  total_bytes_ = 0;
}

void PageCache::store(const std::string& key, std::int64_t version, storage::Reads reads, std::chrono::sys_seconds now,
                      const Response& r) {
  if (r.body.size() > kMaxBodyBytes || r.file) return;  // a body in a file is the size of a whole register
  reads.normalize();
  Entry e{version, std::move(reads), now, r, {}, {}, 0};
  // Server-Timing tells how long this rendering took; a copy served later took no such time.
  std::erase_if(e.identity.headers,
                [](const auto& h) { return h.first == "server-timing" || h.first == "Server-Timing"; });
  const std::size_t bytes = e.identity.body.size();
  std::lock_guard lock(mutex_);
  e.serial = ++next_serial_;
  if (auto old = entries_.find(key); old != entries_.end()) {
    total_bytes_ -= old->second.identity.body.size() + old->second.gzip.size() + old->second.brotli.size();
    entries_.erase(old);
  }
  if (total_bytes_ + bytes > kMaxTotalBytes) {
    entries_.clear();  // rare; simpler than LRU, and bounded
    total_bytes_ = 0;
  }
  entries_.emplace(key, std::move(e));
  total_bytes_ += bytes;
}

}  // namespace fabrique::http
