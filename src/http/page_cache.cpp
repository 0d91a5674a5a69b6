// The visitors' page cache.
#include "http/page_cache.hpp"

#include "http/compress.hpp"

namespace fabrique::http {

std::optional<Response> PageCache::find(const std::string& key, const storage::Snapshot& now_data,
                                        std::chrono::steady_clock::time_point now, std::string_view accept_encoding) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  const Entry& e = it->second;
  if (!now_data.unchanged_since(e.tables, e.version) || now - e.stored_at > kMaxAge) {
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
  auto encoding = choose_encoding(accept_encoding);
  if (encoding == "br" && !e.brotli.empty()) {
    r.body = e.brotli;
    r.content_encoding = "br";
  } else if (encoding == "gzip" && !e.gzip.empty()) {
    r.body = e.gzip;
    r.content_encoding = "gzip";
  } else {
    r.body = e.identity.body;
  }
  return r;
}

void PageCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  total_bytes_ = 0;
}

void PageCache::store(const std::string& key, std::int64_t version, const storage::Tables& tables,
                      std::chrono::steady_clock::time_point now, const Response& r) {
  if (r.body.size() > kMaxBodyBytes) return;
  // Compressed once here, outside the lock, instead of on every response.
  Entry e{version, tables, now, r, {}, {}};
  // Server-Timing tells how long this rendering took; a copy served later took no such time.
  std::erase_if(e.identity.headers,
                [](const auto& h) { return h.first == "server-timing" || h.first == "Server-Timing"; });
  if (r.body.size() >= kMinCompressBytes) {
    e.gzip = gzip(r.body);
    e.brotli = brotli(r.body, 5);
  }
  std::size_t bytes = e.identity.body.size() + e.gzip.size() + e.brotli.size();
  std::lock_guard lock(mutex_);
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
