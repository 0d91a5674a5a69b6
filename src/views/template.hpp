// What the code generated from page templates (src/<module>/templates/*.html, compiled by
// tools/tmplc) calls: one overload per kind of value a slot may hold, each escaping for where the
// slot stands. A value of any other type has no overload, so the build fails at the template's line.
#pragma once
#include <fmt/format.h>

#include <chrono>
#include <concepts>
#include <string>
#include <string_view>

#include "i18n/i18n.hpp"
#include "views/html.hpp"

namespace fabrique::html {

// Where a template writes: the page being built and the language it speaks.
struct Out {
  std::string& s;
  const i18n::Translator& t;
};

namespace tpl {

// Element content and quoted attribute values: &, <, >, " and ' escaped (html::escape_to).
inline void slot(Out& o, const Html& h) { o.s += h.str(); }
inline void slot(Out& o, std::string_view v) { escape_to(o.s, v); }
inline void slot(Out& o, const std::string& v) { escape_to(o.s, v); }
inline void slot(Out& o, const char* v) { escape_to(o.s, v); }
// Numbers as digits; bool and char are not numbers to show.
template <std::integral T>
requires(!std::same_as<T, bool> && !std::same_as<T, char>) void slot(Out& o, T n) {
  fmt::format_to(std::back_inserter(o.s), "{}", n);
}
void slot(Out& o, double d);
// Another template's values: that template, written in place.
template <class T>
requires requires(Out& o, const T& v) { write(o, v); }
void slot(Out& o, const T& v) { write(o, v); }

// Among a tag's attributes: only an attributes template ({% template Name(…) attributes %}).
template <class T>
requires(T::kAttributes) void attributes(Out& o, const T& v) { write(o, v); }

// A URL attribute's value that begins with the slot: only a path, a query, a fragment or an
// http(s) or mailto address; anything else (javascript:, data:…) becomes "#unsafe-url".
void url_start(Out& o, std::string_view url);
// A slot further into a URL (a path segment, a query value): percent-encoded.
void url_part(Out& o, std::string_view part);
template <std::integral T>
requires(!std::same_as<T, bool> && !std::same_as<T, char>) void url_part(Out& o, T n) {
  fmt::format_to(std::back_inserter(o.s), "{}", n);
}

}  // namespace tpl

// The markup of a template filled with `values` (a template's struct), in the language `t`.
template <class T>
Html render(const i18n::Translator& t, const T& values) {
  std::string s;
  Out out{s, t};
  write(out, values);
  return trusted(std::move(s));
}

}  // namespace fabrique::html

// The shared components (src/views/templates/: form controls…) as templates name them: ui::Input{…}.
namespace fabrique::views::templates {}
namespace fabrique {
namespace ui = views::templates;
}

// The message helpers every generated template body starts with: tr("…") translates, trn("{} x",
// "{} xs", n) chooses the plural form and puts n in, trf("… {} …", a…) translates then formats,
// date(t) and datetime(t) write an instant in Paris time in the page's language, and `translator`
// is the language itself for a helper that needs it. Their results are plain strings, escaped by
// the slot like any other.
#define FABRIQUE_TEMPLATE_HELPERS(out)                                                        \
  [[maybe_unused]] const ::fabrique::i18n::Translator& translator = (out).t;                  \
  [[maybe_unused]] auto tr = [&](const char* m) { return (out).t.tr(m); };                    \
  [[maybe_unused]] auto trn = [&](const char* one, const char* many, long n) {                \
    return fmt::format(fmt::runtime((out).t.trn(one, many, n)), n);                           \
  };                                                                                          \
  [[maybe_unused]] auto trf = [&](const char* f, const auto&... a) {                          \
    return fmt::format(fmt::runtime((out).t.tr(f)), a...);                                    \
  };                                                                                          \
  [[maybe_unused]] auto date = [&](std::chrono::sys_seconds at) { return (out).t.date(at); }; \
  [[maybe_unused]] auto datetime = [&](std::chrono::sys_seconds at) { return (out).t.datetime(at); }
