// Safe HTML building: every value is escaped unless it is already an Html, and the only way to
// make an Html from a string is html::trusted() — one greppable call for every exception.
#pragma once
#include <fmt/format.h>

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace fabrique::html {

// Escapes &, <, >, " and ' so that the text is safe in element content and in quoted attributes.
std::string escape(std::string_view text);
// The same, appended to `s` (what compiled templates call for every text slot).
void escape_to(std::string& s, std::string_view text);

class Html {
 public:
  Html() = default;
  const std::string& str() const { return s_; }
  std::string release() && { return std::move(s_); }
  bool empty() const { return s_.empty(); }

  Html& operator+=(const Html& other) {
    s_ += other.s_;
    return *this;
  }
  // Appends text, escaped.
  Html& operator+=(std::string_view text) {
    s_ += escape(text);
    return *this;
  }

 private:
  explicit Html(std::string s) : s_(std::move(s)) {}
  friend Html trusted(std::string s);
  std::string s_;
};

// Marks `s` as safe HTML as it is. Use only for markup the code itself produced or that went
// through the Markdown sanitizer; never for user input.
inline Html trusted(std::string s) { return Html(std::move(s)); }

namespace detail {
inline std::string piece(const Html& h) { return h.str(); }
inline std::string piece(std::string_view s) { return escape(s); }
inline std::string piece(const std::string& s) { return escape(s); }
inline std::string piece(const char* s) { return escape(s); }
template <std::integral T>
std::string piece(T n) {
  return std::to_string(n);
}
inline std::string piece(double d) { return fmt::format("{}", d); }
template <class T>
using piece_t = std::string;

// The number of replacement fields ("{}", "{:…}") in a template, "{{" escapes skipped; -1 when a
// field names its argument ("{0}"), since the same argument may then fill several fields.
// constexpr rather than consteval because clang 14 (the sanitizer build) refuses a consteval call on
// the constructor's parameter; it still runs at compile time, called from the consteval constructor.
constexpr int count_fields(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '{') continue;
    if (i + 1 < s.size() && s[i + 1] == '{') {
      ++i;
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] != '}' && s[i + 1] != ':') return -1;
    ++n;
  }
  return n;
}

// Never defined: calling it during constant evaluation is the compile error below.
void template_fields_and_arguments_differ_in_number();

// A render() template, checked at compile time: fmt refuses too few arguments, and this refuses
// too many, which fmt lets through (an argument added without its "{}" was silently dropped and
// pushed the markup after it into the wrong element).
template <class... Args>
struct Template {
  fmt::format_string<piece_t<Args>...> f;
  template <class S>
  requires std::is_convertible_v<const S&, std::string_view>
  consteval Template(const S& s) : f(s) {
    const int fields = count_fields(std::string_view(s));
    if (fields >= 0 && fields != static_cast<int>(sizeof...(Args))) template_fields_and_arguments_differ_in_number();
  }
};
}  // namespace detail

// Fills the literal template `f` (trusted markup, checked at compile time) with `args`, escaping
// each argument unless it is an Html. Example:
//   render(R"(<a href="{}">{}</a>)", organisations::urls::organisation(org.slug), org.name)
template <class... Args>
Html render(detail::Template<std::type_identity_t<Args>...> t, const Args&... args) {
  return trusted(fmt::format(t.f, detail::piece(args)...));
}

// Escapes for use in a URL query value (percent-encoding), then the result is HTML-safe too.
std::string url_encode(std::string_view text);
// Adds `name=value` (the value encoded) to the query string `qs`, "?" before the first and "&"
// before the others; nothing for an empty value. For the links that keep a list's filters.
void add_param(std::string& qs, std::string_view name, std::string_view value);

}  // namespace fabrique::html
