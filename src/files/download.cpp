// Serving stored files: headers that make the browser save them rather than render them in our origin.
#include "files/download.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace fabrique::files {

std::string content_disposition(std::string_view name) {
  // The plain filename= is for old clients: ASCII letters, digits and a few safe signs only,
  // anything else (accents, quotes, separators) becomes '_'. filename*= carries the real name.
  std::string ascii;
  for (unsigned char ch : name) {
    const bool safe = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
                      ch == '-' || ch == '_' || ch == ' ' || ch == '(' || ch == ')';
    if (ch >= 0x80 && (ch & 0xC0) == 0x80) continue;  // one '_' per accented letter, not per byte
    ascii += safe ? static_cast<char>(ch) : '_';
  }
  if (ascii.empty()) ascii = "fichier";
  std::string encoded = boost::urls::encode(name, boost::urls::unreserved_chars);
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

http::Response download(const StoredFile& file, std::string bytes) {
  http::Response r;
  r.status = 200;
  r.content_type = file.media_type.starts_with("text/") ? file.media_type + "; charset=utf-8" : file.media_type;
  r.body = std::move(bytes);
  r.compressible = false;
  r.set_header("Content-Disposition", content_disposition(file.name));
  // Should a browser still open it in a tab, it runs nothing and reaches nothing of the site.
  r.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
  r.set_header("Cache-Control", "private, max-age=3600");
  r.set_header("ETag", "\"" + file.sha256 + "\"");
  return r;
}

}  // namespace fabrique::files
