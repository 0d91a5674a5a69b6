// The stylesheet, icon and scripts compiled into the binary, served under content-hashed URLs
// (cacheable forever) and compressed once at start-up.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace fabrique::http {

class StaticAssets {
 public:
  // Where every asset is served: the server hands this prefix's requests to serve().
  static constexpr std::string_view kPrefix = "/static/";

  // Loads every embedded static file, hashes and compresses it.
  StaticAssets();

  // The URL of a file by its plain name ("style.css" → "/static/style.1a2b3c4d5e6f.css").
  // Throws std::out_of_range for a name that does not exist (a programming error).
  const std::string& url(std::string_view name) const;

  // The response for a /static/… path, or nothing when no asset has that URL.
  std::optional<Response> serve(std::string_view path, std::string_view accept_encoding) const;

 private:
  struct Asset {
    std::string content_type;
    std::string identity;
    std::string gzip;
    std::string brotli;
  };
  std::map<std::string, Asset, std::less<>> by_url_;
  std::map<std::string, std::string, std::less<>> url_by_name_;
};

}  // namespace fabrique::http
