// Escaping for HTML text and attributes, and percent-encoding for query values.
#include "views/html.hpp"

#include <cctype>

namespace fabrique::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  escape_to(out, text);
  return out;
}

void escape_to(std::string& s, std::string_view text) {
  std::size_t from = 0;  // the text since the last entity is appended in one piece
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    s.append(text.data() + from, i - from);
    s += entity;
    from = i + 1;
  }
  s.append(text.data() + from, text.size() - from);
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~' || ch == '/') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

void add_param(std::string& qs, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  qs += qs.empty() ? '?' : '&';
  qs.append(name);
  qs += '=';
  qs += url_encode(value);
}

}  // namespace fabrique::html
