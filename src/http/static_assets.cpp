// Content-hashed, precompressed static assets.
#include "http/static_assets.hpp"

#include <stdexcept>

#include "accounts/crypto.hpp"
#include "common/resources.hpp"
#include "http/compress.hpp"

namespace fabrique::http {
namespace {

std::string content_type_of(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml; charset=utf-8";
  if (name.ends_with(".png")) return "image/png";
  if (name.ends_with(".ico")) return "image/x-icon";
  if (name.ends_with(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

StaticAssets::StaticAssets() {
  for (const auto& r : resources::static_files()) {
    std::string name(r.name);
    auto dot = name.rfind('.');
    std::string hash = accounts::token_hash(r.bytes).substr(0, 12);
    std::string url = std::string(kPrefix) + name.substr(0, dot) + "." + hash + name.substr(dot);
    Asset a{content_type_of(name), std::string(r.bytes), gzip(r.bytes), brotli(r.bytes, 11)};
    by_url_.emplace(url, std::move(a));
    url_by_name_.emplace(name, url);
  }
}

const std::string& StaticAssets::url(std::string_view name) const {
  auto it = url_by_name_.find(name);
  if (it == url_by_name_.end()) throw std::out_of_range("no static asset named " + std::string(name));
  return it->second;
}

std::optional<Response> StaticAssets::serve(std::string_view path, std::string_view accept_encoding) const {
  auto it = by_url_.find(path);
  if (it == by_url_.end()) return std::nullopt;
  const Asset& a = it->second;
  Response r;
  r.content_type = a.content_type;
  r.compressible = false;
  r.set_header("Cache-Control", "public, max-age=31536000, immutable");
  r.set_header("Vary", "Accept-Encoding");
  auto encoding = choose_encoding(accept_encoding);
  if (encoding == "br" && a.brotli.size() < a.identity.size()) {
    r.body = a.brotli;
    r.content_encoding = "br";
  } else if (encoding == "gzip" && a.gzip.size() < a.identity.size()) {
    r.body = a.gzip;
    r.content_encoding = "gzip";
  } else {
    r.body = a.identity;
  }
  return r;
}

}  // namespace fabrique::http
