// The static archive's text work, with no database: where each document is written, relative
// addresses, and the rewriting of a page's links and forms (see archive.hpp).
#include <algorithm>
#include <cctype>
#include <cstdint>

#include "opendata/archive.hpp"
#include "views/html.hpp"

namespace fabrique::opendata::archive::detail {
namespace {

// One attribute of a start tag, by its offsets in the page.
struct TagAttribute {
  std::string name;  // lower case
  std::size_t value_begin = 0, value_end = 0;
  bool has_value = false;
};

// One tag of the page: html.substr(begin, end - begin) is "<…>".
struct Tag {
  bool closing = false;
  std::string name;  // lower case
  std::size_t begin = 0, end = 0;
  std::vector<TagAttribute> attributes;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The tag starting at html[at] == '<', or nothing when that '<' opens no tag (text, a comment).
std::optional<Tag> read_tag(std::string_view html, std::size_t at) {
  Tag tag;
  tag.begin = at;
  std::size_t i = at + 1;
  if (i < html.size() && html[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_begin = i;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-')) ++i;
  if (i == name_begin) return std::nullopt;
  tag.name = lower(html.substr(name_begin, i - name_begin));
  for (;;) {
    while (i < html.size() && (is_space(html[i]) || html[i] == '/')) ++i;
    if (i >= html.size()) return std::nullopt;
    if (html[i] == '>') {
      tag.end = i + 1;
      return tag;
    }
    TagAttribute a;
    const std::size_t attr_begin = i;
    while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/') ++i;
    a.name = lower(html.substr(attr_begin, i - attr_begin));
    while (i < html.size() && is_space(html[i])) ++i;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && is_space(html[i])) ++i;
      if (i >= html.size()) return std::nullopt;
      a.has_value = true;
      if (html[i] == '"' || html[i] == '\'') {
        const char quote = html[i];
        const std::size_t close = html.find(quote, i + 1);
        if (close == std::string_view::npos) return std::nullopt;
        a.value_begin = i + 1;
        a.value_end = close;
        i = close + 1;
      } else {
        a.value_begin = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
        a.value_end = i;
      }
    }
    tag.attributes.push_back(std::move(a));
  }
}

// An attribute value as the browser reads it: the few entities our escaping writes, and numeric ones.
std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    std::uint32_t code = 0;
    static constexpr std::pair<std::string_view, char> kNamed[] = {
        {"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"lt", '<'}, {"gt", '>'}};
    for (const auto& [entity, c] : kNamed)
      if (name == entity) code = static_cast<std::uint32_t>(c);
    if (code == 0 && name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      for (char c : name.substr(hex ? 2 : 1)) {
        const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c))
                              ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                              : -1;
        if (digit < 0 || code > 0x10FFFF) {
          code = 0;
          break;
        }
        code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      }
    }
    if (code == 0 || code >= 0x80) {  // our pages write only ASCII entities: anything else stays as it is
      out += s[i];
      continue;
    }
    out += static_cast<char>(code);
    i = semi;
  }
  return out;
}

const TagAttribute* attribute(const Tag& tag, std::string_view name) {
  for (const auto& a : tag.attributes)
    if (a.name == name && a.has_value) return &a;
  return nullptr;
}

std::string value_of(std::string_view html, const TagAttribute& a) {
  return decode_entities(html.substr(a.value_begin, a.value_end - a.value_begin));
}

bool has_class(std::string_view html, const Tag& tag, std::string_view name) {
  const TagAttribute* a = attribute(tag, "class");
  if (a == nullptr) return false;
  const std::string classes = value_of(html, *a);
  std::size_t at = 0;
  while (at < classes.size()) {
    const std::size_t space = std::min(classes.find(' ', at), classes.size());
    if (std::string_view(classes).substr(at, space - at) == name) return true;
    at = space + 1;
  }
  return false;
}

// The offset just past the closing tag `</name>` that follows `from`, or the end of the page.
std::size_t past_closing(std::string_view html, std::size_t from, std::string_view name) {
  const std::string closing = "</" + std::string(name);
  for (std::size_t at = html.find(closing, from); at != std::string_view::npos; at = html.find(closing, at + 1)) {
    if (auto tag = read_tag(html, at); tag && tag->closing && tag->name == name) return tag->end;
  }
  return html.size();
}

bool is_link_attribute(std::string_view name) { return name == "href" || name == "src" || name == "action"; }

// `url` as a path of the site ("/x?y", "?y"), or nothing when it leaves the site or is a fragment only.
std::optional<std::string> internal_target(std::string_view url, std::string_view base_url) {
  if (!base_url.empty() && url.starts_with(base_url)) {
    const std::string_view rest = url.substr(base_url.size());
    if (rest.empty()) return std::string("/");
    if (rest.front() == '/' || rest.front() == '?' || rest.front() == '#') return std::string(rest);
    return std::nullopt;  // https://site.example.org.evil/…
  }
  if (url.starts_with("//") || url.starts_with("/\\")) return std::nullopt;
  if (url.starts_with('/') || url.starts_with('?')) return std::string(url);
  return std::nullopt;
}

std::vector<std::string_view> split_path(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at <= s.size()) {
    const std::size_t slash = std::min(s.find('/', at), s.size());
    out.push_back(s.substr(at, slash - at));
    at = slash + 1;
  }
  return out;
}

// A query string made into a piece of a file name: letters and digits kept, anything else a dash,
// and a long one shortened to a hash (FNV-1a), so that every variant of a list has its own file.
std::string query_slug(std::string_view query) {
  std::string out;
  for (unsigned char c : query) {
    if (std::isalnum(c))
      out += static_cast<char>(c);
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  constexpr std::size_t kLongest = 80;
  if (out.size() > kLongest || out.empty()) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : query) h = (h ^ c) * 1099511628211ull;
    out = "q" + std::to_string(h);
  }
  return out;
}

// The file name a download asks for (Content-Disposition: attachment; filename="…"), reduced to
// characters every file system and static host takes.
std::string disposition_name(std::string_view disposition) {
  const std::string_view key = "filename=\"";
  const std::size_t at = disposition.find(key);
  if (at == std::string_view::npos) return {};
  const std::size_t close = disposition.find('"', at + key.size());
  if (close == std::string_view::npos) return {};
  std::string name;
  for (unsigned char c : disposition.substr(at + key.size(), close - at - key.size()))
    name += std::isalnum(c) || c == '.' || c == '-' || c == '_' ? static_cast<char>(c) : '_';
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.size() > 100) name.erase(0, name.size() - 100);
  return name;
}

std::string_view extension_for(std::string_view content_type) {
  static constexpr std::pair<std::string_view, std::string_view> kExtensions[] = {
      {"application/json", ".json"},
      {"application/ld+json", ".json"},
      {"text/csv", ".csv"},
      {"text/calendar", ".ics"},
      {"application/atom+xml", ".atom"},
      {"application/xml", ".xml"},
      {"text/xml", ".xml"},
      {"text/plain", ".txt"},
      {"text/css", ".css"},
      {"image/svg+xml", ".svg"},
      {"application/pdf", ".pdf"},
      {"image/png", ".png"},
      {"image/jpeg", ".jpg"},
  };
  for (const auto& [type, extension] : kExtensions)
    if (content_type.starts_with(type)) return extension;
  return ".bin";
}

}  // namespace

std::optional<std::string> file_for(std::string_view tree, std::string_view path, std::string_view query,
                                    std::string_view content_type, std::string_view disposition) {
  if (!path.starts_with('/')) return std::nullopt;
  std::string_view trimmed = path.substr(1);
  if (trimmed.ends_with('/')) trimmed.remove_suffix(1);
  const auto segments = split_path(trimmed);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto s = segments[i];
    if (s.empty() && !(trimmed.empty() && i == 0)) return std::nullopt;
    if (s == "." || s == "..") return std::nullopt;
    for (unsigned char c : s)
      if (c < 0x20 || c == '\\' || c == 0x7F) return std::nullopt;
  }
  std::string base(tree);
  if (!trimmed.empty()) base += (base.empty() ? "" : "/") + std::string(trimmed);
  const std::string prefix = base.empty() ? "" : base + "/";
  if (content_type.starts_with("text/html"))
    return prefix + "index" + (query.empty() ? "" : "-" + query_slug(query)) + ".html";
  const std::string_view last = segments.back();
  if (const std::size_t dot = last.rfind('.'); dot != std::string_view::npos && dot > 0) {
    if (query.empty()) return base;
    const std::size_t at = base.size() - (last.size() - dot);
    return base.substr(0, at) + "-" + query_slug(query) + base.substr(at);
  }
  if (base.empty()) return std::nullopt;
  std::string name = disposition_name(disposition);
  if (name.empty()) name = "index" + std::string(extension_for(content_type));
  return prefix + (query.empty() ? "" : query_slug(query) + "-") + name;
}

std::string relative(std::string_view from, std::string_view to) {
  auto from_parts = split_path(from);
  from_parts.pop_back();  // the page's own file name
  const auto to_parts = split_path(to);
  std::size_t common = 0;
  while (common < from_parts.size() && common + 1 < to_parts.size() && from_parts[common] == to_parts[common]) ++common;
  std::string out;
  for (std::size_t i = common; i < from_parts.size(); ++i) out += "../";
  for (std::size_t i = common; i < to_parts.size(); ++i) {
    out += to_parts[i];
    if (i + 1 < to_parts.size()) out += '/';
  }
  return html::url_encode(out);
}

std::vector<std::string> links_of(std::string_view html) {
  std::vector<std::string> out;
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    auto tag = read_tag(html, at);
    if (!tag || tag->closing) continue;
    for (const auto& a : tag->attributes)
      if (a.has_value && is_link_attribute(a.name)) out.push_back(value_of(html, a));
    at = tag->end - 1;
  }
  return out;
}

std::string rewrite_page(std::string_view html, std::string_view file, std::string_view base_url,
                         const Resolve& resolve, const PageText& text) {
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;
  int plain_links = 0;  // <a> made <span> whose closing tag is still to come
  while (pos < html.size()) {
    const std::size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos) {
      out += html.substr(pos);
      break;
    }
    out += html.substr(pos, lt - pos);
    if (html.substr(lt).starts_with("<!--")) {
      const std::size_t close = html.find("-->", lt + 4);
      const std::size_t end = close == std::string_view::npos ? html.size() : close + 3;
      out += html.substr(lt, end - lt);
      pos = end;
      continue;
    }
    auto tag = read_tag(html, lt);
    if (!tag) {
      out += '<';
      pos = lt + 1;
      continue;
    }
    if (tag->closing) {
      if (tag->name == "a" && plain_links > 0) {
        --plain_links;
        out += "</span>";
      } else {
        out += html.substr(tag->begin, tag->end - tag->begin);
      }
      pos = tag->end;
      continue;
    }
    // Nothing to send a form to: it gives way to a sentence saying so.
    if (tag->name == "form") {
      const TagAttribute* role = attribute(*tag, "role");
      const bool search = role != nullptr && value_of(html, *role) == "search";
      out += "<p class=\"archived\">" + html::escape(search ? text.search_replaced : text.form_replaced) + "</p>";
      pos = past_closing(html, tag->end, "form");
      continue;
    }
    // Nobody signs in to an archive.
    if (tag->name == "nav" && has_class(html, *tag, "account")) {
      pos = past_closing(html, tag->end, "nav");
      continue;
    }
    std::string rebuilt;
    std::size_t copied = tag->begin;
    bool dead = false;
    for (const auto& a : tag->attributes) {
      if (!a.has_value || !is_link_attribute(a.name)) continue;
      const std::string value = value_of(html, a);
      const auto target = internal_target(value, base_url);
      if (!target) continue;
      const std::size_t hash = target->find('#');
      const std::string fragment = hash == std::string::npos ? "" : target->substr(hash);
      const std::string without = target->substr(0, hash);
      std::string written;
      if (without.empty()) {
        written = fragment;
      } else if (auto to = resolve(without)) {
        written = relative(file, *to) + fragment;
      } else {
        dead = true;
        break;
      }
      rebuilt += html.substr(copied, a.value_begin - copied);
      rebuilt += html::escape(written);
      copied = a.value_end;
    }
    if (dead) {
      // A link to what the archive does not hold keeps its words; anything else that needs it goes.
      if (tag->name == "a") {
        out += "<span>";
        ++plain_links;
      }
      pos = tag->end;
      continue;
    }
    rebuilt += html.substr(copied, tag->end - copied);
    out += rebuilt;
    pos = tag->end;
    if (tag->name == "script" || tag->name == "style") {  // raw text up to its closing tag
      const std::size_t end = past_closing(html, pos, tag->name);
      out += html.substr(pos, end - pos);
      pos = end;
    }
  }
  return out;
}

}  // namespace fabrique::opendata::archive::detail
