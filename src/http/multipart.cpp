// multipart/form-data parsing. Written here because Boost.Beast has none and no maintained
// C++ parser is packaged by Debian; the format browsers send (RFC 7578) is small and strict.
#include "http/multipart.hpp"

#include <boost/beast/core/string.hpp>

#include "common/text.hpp"

namespace fabrique::http {
namespace {

using boost::beast::iequals;

constexpr std::string_view kCrlf = "\r\n";

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `name` in a header like `form-data; name="a"; filename="b.pdf"`.
// Browsers write quotes and line breaks inside names as %22, %0D, %0A, so a quoted value
// ends at the next quote.
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
  std::size_t pos = 0;
  while ((pos = header.find(';', pos)) != std::string_view::npos) {
    ++pos;
    auto rest = trim_view(header.substr(pos));
    auto eq = rest.find('=');
    if (eq == std::string_view::npos) continue;
    if (!iequals(trim_view(rest.substr(0, eq)), name)) continue;
    auto value = trim_view(rest.substr(eq + 1));
    if (!value.empty() && value.front() == '"') {
      auto close = value.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      return std::string(value.substr(1, close - 1));
    }
    return std::string(value.substr(0, value.find(';')));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto semicolon = content_type.find(';');
  if (!iequals(trim_view(content_type.substr(0, semicolon)), "multipart/form-data")) return std::nullopt;
  auto b = parameter(content_type, "boundary");
  // RFC 2046: 1 to 70 characters.
  if (!b || b->empty() || b->size() > 70) return std::nullopt;
  return b;
}

std::optional<MultipartBody> parse_multipart(std::string_view body, std::string_view boundary, std::size_t max_parts,
                                             std::size_t max_text_bytes) {
  const std::string delimiter = "--" + std::string(boundary);
  const std::string separator = std::string(kCrlf) + delimiter;
  // The first delimiter opens the body (a preamble before it is allowed and ignored).
  std::size_t cursor;
  if (body.starts_with(delimiter)) {
    cursor = delimiter.size();
  } else {
    auto first = body.find(separator);
    if (first == std::string_view::npos) return std::nullopt;
    cursor = first + separator.size();
  }
  MultipartBody out;
  std::size_t parts = 0, text_bytes = 0;
  for (;;) {
    if (body.substr(cursor, 2) == "--") return out;  // the closing delimiter
    if (body.substr(cursor, 2) != kCrlf) return std::nullopt;
    cursor += 2;
    if (++parts > max_parts) return std::nullopt;
    const auto headers_end = body.find("\r\n\r\n", cursor);
    if (headers_end == std::string_view::npos) return std::nullopt;
    std::optional<std::string> name, filename;
    std::string type;
    for (std::size_t line = cursor; line < headers_end + 2;) {
      const auto eol = body.find(kCrlf, line);
      auto header = body.substr(line, eol - line);
      line = eol + 2;
      const auto colon = header.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      const auto key = trim_view(header.substr(0, colon));
      const auto value = trim_view(header.substr(colon + 1));
      if (iequals(key, "content-disposition")) {
        if (!iequals(trim_view(value.substr(0, value.find(';'))), "form-data")) return std::nullopt;
        name = parameter(value, "name");
        filename = parameter(value, "filename");
      } else if (iequals(key, "content-type")) {
        type = std::string(value);
      }
    }
    if (!name) return std::nullopt;
    const auto content_start = headers_end + 4;
    const auto content_end = body.find(separator, content_start);
    if (content_end == std::string_view::npos) return std::nullopt;
    auto content = body.substr(content_start, content_end - content_start);
    if (filename) {
      out.files.push_back({std::move(*name), std::move(*filename), std::move(type), std::string(content)});
    } else {
      text_bytes += content.size();
      if (text_bytes > max_text_bytes || !text::valid_utf8(content)) return std::nullopt;
      // Browsers send line breaks of text areas as CRLF; a urlencoded form gives the same.
      out.fields.add(std::move(*name), std::string(content));
    }
    cursor = content_end + separator.size();
  }
}

}  // namespace fabrique::http
