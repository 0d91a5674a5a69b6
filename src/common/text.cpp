// Text helpers: trimming, UTF-8 validation, French-aware folding and slugs.
#include "common/text.hpp"

#include <array>
#include <boost/url/parse.hpp>
#include <cstdint>
#include <utility>

namespace fabrique::text {
namespace {

// Decodes one code point at s[i]; returns the code point and advances i, or -1 when malformed.
// Hand-written because it is a few lines and avoids pulling ICU for validation alone.
long next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
  if (extra < 0) return -1;
  long cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k <= extra; ++k) {
    if (i + k >= s.size()) return -1;
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr long kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  i += extra + 1;
  return cp;
}

void append_utf8(std::string& out, long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

long lower_cp(long cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;  // Latin-1 capitals
  if (cp == 0x152) return 0x153;                               // Œ
  if (cp == 0x178) return 0xFF;                                // Ÿ
  return cp;
}

// The unaccented form of a lower-case Latin-1 letter, or nullptr if it has none.
const char* unaccent(long cp) {
  switch (cp) {
    case 0xE0:
    case 0xE1:
    case 0xE2:
    case 0xE3:
    case 0xE4:
    case 0xE5:
      return "a";
    case 0xE6:
      return "ae";
    case 0xE7:
      return "c";
    case 0xE8:
    case 0xE9:
    case 0xEA:
    case 0xEB:
      return "e";
    case 0xEC:
    case 0xED:
    case 0xEE:
    case 0xEF:
      return "i";
    case 0xF1:
      return "n";
    case 0xF2:
    case 0xF3:
    case 0xF4:
    case 0xF5:
    case 0xF6:
    case 0xF8:
      return "o";
    case 0xF9:
    case 0xFA:
    case 0xFB:
    case 0xFC:
      return "u";
    case 0xFD:
    case 0xFF:
      return "y";
    case 0x153:
      return "oe";
    case 0xDF:
      return "ss";
    default:
      return nullptr;
  }
}

}  // namespace

std::string trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool valid_utf8(std::string_view s, bool allow_newlines) {
  for (std::size_t i = 0; i < s.size();) {
    long cp = next_code_point(s, i);
    if (cp < 0) return false;
    if (cp < 0x20 && cp != '\t' && !(allow_newlines && (cp == '\n' || cp == '\r'))) return false;
    if (cp == 0x7F) return false;
  }
  return true;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (next_code_point(s, i) < 0) ++i;
    ++n;
  }
  return n;
}

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    long cp = next_code_point(s, i);
    if (cp < 0) {
      out += s[start];  // malformed bytes are kept as they are
      i = start + 1;
      continue;
    }
    append_utf8(out, lower_cp(cp));
  }
  return out;
}

std::string fold(std::string_view s) {
  std::string lowered = lower(s);
  std::string out;
  out.reserve(lowered.size());
  for (std::size_t i = 0; i < lowered.size();) {
    std::size_t start = i;
    long cp = next_code_point(lowered, i);
    if (cp < 0) {
      i = start + 1;  // malformed bytes are dropped
    } else if (const char* plain = unaccent(cp)) {
      out += plain;
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string slugify(std::string_view s) {
  std::string folded = fold(s);
  std::string out;
  bool dash = false;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool looks_like_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : s)
    if (c == ' ' || c == '<' || c == '>' || c == ',' || static_cast<unsigned char>(c) < 0x21) return false;
  return s.size() <= 254;
}

bool looks_like_web_address(std::string_view s) {
  if (!s.starts_with("http://") && !s.starts_with("https://")) return false;
  auto u = boost::urls::parse_absolute_uri(s);
  return u.has_value() && u->has_authority() && !u->host().empty();
}

}  // namespace fabrique::text
