// GFM rendering with cmark-gfm: parse, sanitise the syntax tree (links, images, raw HTML, headings), render.
#include "text/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace fabrique::text {
namespace {

// CMARK_OPT_SAFE is the default in cmark-gfm (raw HTML and dangerous URLs are replaced), spelled
// out so that nobody adds CMARK_OPT_UNSAFE by accident; the tree is sanitised before rendering
// anyway, so this is the second of two locks. Double tildes only: French writes "~5 à ~10 km".
constexpr int kOptions = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
// Tasklist is left out: it renders unlabelled <input type="checkbox">, which assistive
// technologies announce as a nameless control; "- [ ] item" reads fine as text.
// Tagfilter only matters for raw HTML, which never reaches the renderer; attached as a spare lock.
constexpr const char* kExtensions[] = {"table", "autolink", "strikethrough", "tagfilter"};

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

// Takes ownership of a string cmark allocated with its default allocator.
std::string take_cmark_string(char* s) {
  if (s == nullptr) return {};
  std::string out(s);
  cmark_get_default_mem_allocator()->free(s);
  return out;
}

// Cells that the tables of one document may hold. The table extension pads every row to the
// width of the header, so 100 KB laid out as a 10,000-column header followed by 40,000 one-cell
// rows asks for 400 million cells and cmark aborts the process when allocation fails.
constexpr std::size_t kMaxTableCells = 100'000;

// An upper bound on the cells the table extension would create. A table lies within a run of
// non-blank lines (a blank line, even inside a block quote, ends it) and has as many columns as
// its delimiter row ("|:--|---|") has cells, so each run contributes at most its line count times
// the widest delimiter-like line in it. Block-quote markers and indentation are skipped so that
// nested tables are counted; code blocks are counted too, as overestimating only costs a document
// of that size its tables.
std::size_t table_cells_bound(std::string_view source) {
  std::size_t total = 0;
  std::size_t columns = 0;  // widest delimiter-like line of the current run
  std::size_t lines = 0;    // lines of the current run
  while (!source.empty()) {
    // Lines end at "\n", "\r\n" or a lone "\r", as for cmark.
    std::size_t eol = source.find_first_of("\r\n");
    std::string_view line = source.substr(0, eol);
    std::size_t next = eol == std::string_view::npos ? source.size() : eol + 1;
    if (eol != std::string_view::npos && source[eol] == '\r' && next < source.size() && source[next] == '\n') ++next;
    source.remove_prefix(next);
    std::size_t start = line.find_first_not_of(" \t>");
    if (start == std::string_view::npos) {
      total += columns * lines;
      columns = lines = 0;
      continue;
    }
    line.remove_prefix(start);
    ++lines;
    if (line.find_first_not_of("|:- \t") != std::string_view::npos) continue;
    std::size_t dash_runs = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
      if (line[i] == '-' && (i == 0 || line[i - 1] != '-')) ++dash_runs;
    columns = std::max(columns, dash_runs);
  }
  return total + columns * lines;
}

// A parser with the GFM extensions attached. The registry is global in cmark-gfm and its
// registration is not thread-safe: a function-local static makes it happen exactly once.
ParserPtr make_parser(bool tables) {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  ParserPtr parser(cmark_parser_new(kOptions));
  for (const char* name : kExtensions) {
    if (!tables && std::string_view(name) == "table") continue;
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  return parser;
}

// Parsing is serialised: this cmark-gfm (0.29.0.gfm.6) keeps the table of special inline
// characters in a global that every parse with strikethrough or autolink writes to (adding its
// characters before inlines, removing them after; github/cmark-gfm#176), so two parses at once
// race and one can lose "~~" or links. Parsing is quick; sanitising and rendering stay parallel.
NodePtr parse(cmark_parser* parser, std::string_view source) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  cmark_parser_feed(parser, source.data(), source.size());
  return NodePtr(cmark_parser_finish(parser));
}

enum class Target { refused, internal, external };

// Decides whether a link may point at `url` (as cmark decoded it: entities and backslash escapes
// already resolved, so "java&#x73;cript:" arrives here as "javascript:"). An allow-list, because
// browsers are lenient in ways a deny-list misses: they drop tabs and newlines anywhere in a URL
// ("java\tscript:"), strip leading spaces and controls, and ignore the case of the scheme.
// `normalised` receives the address to use when it is not refused.
Target classify_url(std::string_view url, std::string& normalised) {
  for (char c : url) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return Target::refused;
  }
  while (!url.empty() && url.front() == ' ') url.remove_prefix(1);
  while (!url.empty() && url.back() == ' ') url.remove_suffix(1);
  if (url.empty()) return Target::refused;
  if (url.starts_with("//")) {
    // Protocol-relative: another site over whatever scheme the page uses, i.e. https.
    normalised = "https:" + std::string(url);
    return Target::external;
  }
  if (url.starts_with("/\\")) return Target::refused;  // browsers read it as "//"
  normalised = std::string(url);
  if (url.front() == '/' || url.front() == '#') return Target::internal;
  // Anything else must name an allowed scheme before the first "/", "?" or "#"; a bare relative
  // path ("page.html") is refused too, as it is almost always a forgotten "https://".
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon > url.find_first_of("/?#")) return Target::refused;
  std::string scheme(url.substr(0, colon));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
  });
  // Lower-cased in the output too, so that "HTTPS://" is recognised as leaving the site.
  normalised.replace(0, colon, scheme);
  if (scheme == "http" || scheme == "https") return Target::external;
  if (scheme == "mailto") return Target::internal;  // no rel needed: nothing to follow or open
  return Target::refused;
}

// The text an image stands for: the literal text of its description, as cmark renders alt text.
std::string flat_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

cmark_node* new_text(const std::string& text) {
  cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(n, text.c_str());
  return n;
}

// Replaces `node` by its children (unlinking a link keeps what it says).
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_unlink(child);
    cmark_node_insert_before(node, child);
  }
  cmark_node_free(node);  // unlinks it first
}

// Replaces `node` (and its subtree) by `replacement`.
void replace(cmark_node* node, cmark_node* replacement) {
  cmark_node_insert_before(node, replacement);
  cmark_node_free(node);
}

// Links are inline, so the search stops at the first block: deeply nested block quotes must not
// make every image cost the depth of the document.
bool inside_link(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p != nullptr; p = cmark_node_parent(p)) {
    cmark_node_type type = cmark_node_get_type(p);
    if (type == CMARK_NODE_LINK) return true;
    if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) return false;
  }
  return false;
}

// Rewrites the tree so that whatever cmark then renders is safe (see render_markdown's contract).
// Nodes are collected first and handled in reverse document order: changing a node frees only
// that node and its descendants, which by then have been handled, never a node still to come.
void sanitise(cmark_node* root, int heading_offset) {
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(iter));
  }
  cmark_iter_free(iter);

  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    cmark_node* node = *it;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        cmark_node_free(node);
        break;
      case CMARK_NODE_PARAGRAPH:
        // Left empty when all it held was raw HTML (children come before it in this order).
        if (cmark_node_first_child(node) == nullptr) cmark_node_free(node);
        break;
      case CMARK_NODE_HEADING:
        cmark_node_set_heading_level(node, std::clamp(cmark_node_get_heading_level(node) + heading_offset, 1, 6));
        break;
      case CMARK_NODE_LINK: {
        std::string url;
        if (classify_url(cmark_node_get_url(node) ? cmark_node_get_url(node) : "", url) == Target::refused) {
          unwrap(node);
        } else {
          cmark_node_set_url(node, url.c_str());
        }
        break;
      }
      case CMARK_NODE_IMAGE: {
        std::string url;
        std::string alt = flat_text(node);
        Target target = classify_url(cmark_node_get_url(node) ? cmark_node_get_url(node) : "", url);
        if (target == Target::refused || inside_link(node)) {
          // No address worth linking to, or a link already around it: the alt text stands alone.
          replace(node, new_text(alt));
        } else {
          cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
          cmark_node_set_url(link, url.c_str());
          if (const char* title = cmark_node_get_title(node)) cmark_node_set_title(link, title);
          cmark_node_append_child(link, new_text(alt.empty() ? url : alt));
          replace(node, link);
        }
        break;
      }
      default:
        break;
    }
  }
}

// Adds rel="nofollow noopener" to links that leave the site. Safe to do on the output text:
// raw HTML was removed from the tree and cmark escapes every "<" of text, code and attributes, so
// each literal "<a href=\"http" in the output is the start of a link cmark itself wrote.
std::string add_rel_to_external_links(std::string html) {
  static constexpr std::string_view kOpen = "<a href=\"http";
  static constexpr std::string_view kWithRel = "<a rel=\"nofollow noopener\" href=\"http";
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  std::size_t from = 0;
  for (std::size_t at; (at = html.find(kOpen, from)) != std::string::npos; from = at + kOpen.size()) {
    out.append(html, from, at - from);
    out += kWithRel;
  }
  out.append(html, from, std::string::npos);
  return out;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Byte length of the first `n` code points of valid UTF-8 `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return i;
}

// Texts rendered once, not on every view. A booklet, a resource or the minutes of an event are
// read far more often than written, and turning their Markdown into HTML was the largest part of
// their pages' cost (bench/RESULTS.md). The key is the exact source with the rendering's options,
// so a new revision is simply a new key, on every node, and nothing ever needs invalidating.
// Bounded by bytes in two generations: when the current one is full it becomes the previous one
// and the older is dropped; a text found in the previous generation moves back to the current.
class Rendered {
 public:
  static constexpr std::size_t kGenerationBytes = 8 * 1024 * 1024;

  std::optional<std::string> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    if (auto it = current_.find(key); it != current_.end()) return it->second;
    auto it = previous_.find(key);
    if (it == previous_.end()) return std::nullopt;
    std::string value = it->second;
    keep_locked(std::move(previous_.extract(it).key()), value);
    return value;
  }

  void keep(std::string key, const std::string& value) {
    std::lock_guard lock(mutex_);
    keep_locked(std::move(key), value);
  }

 private:
  void keep_locked(std::string key, const std::string& value) {
    const std::size_t bytes = key.size() + value.size();
    if (bytes > kGenerationBytes / 16) return;  // a huge text would evict everything else
    if (current_bytes_ + bytes > kGenerationBytes) {
      previous_ = std::move(current_);
      current_.clear();
      current_bytes_ = 0;
    }
    if (current_.emplace(std::move(key), value).second) current_bytes_ += bytes;
  }

  std::mutex mutex_;
  std::unordered_map<std::string, std::string> current_;
  std::unordered_map<std::string, std::string> previous_;
  std::size_t current_bytes_ = 0;
};

// The key of `source` rendered with `options` (a heading offset, a length): "options\0source".
std::string rendered_key(std::size_t options, std::string_view source) {
  std::string key = std::to_string(options);
  key += '\0';
  key += source;
  return key;
}

std::string render_html(std::string_view source, int heading_offset) {
  ParserPtr parser = make_parser(table_cells_bound(source) <= kMaxTableCells);
  NodePtr root = parse(parser.get(), source);
  if (!root) return {};
  sanitise(root.get(), heading_offset);
  std::string out =
      take_cmark_string(cmark_render_html(root.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get())));
  return add_rel_to_external_links(std::move(out));
}

// The text of `source` without markup, as markdown_to_text returns it (which keeps it once rendered).
std::string render_text(std::string_view source, std::size_t max_chars) {
  ParserPtr parser = make_parser(table_cells_bound(source) <= kMaxTableCells);
  NodePtr root = parse(parser.get(), source);
  if (!root) return {};
  sanitise(root.get(), 0);
  // Walked by hand rather than with cmark_render_plaintext, which writes tables and strikethrough
  // back as Markdown ("| a |", "~x~").
  std::string text;
  auto separate = [&text] {
    if (!text.empty() && text.back() != ' ') text += ' ';
  };
  cmark_iter* iter = cmark_iter_new(root.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (ev == CMARK_EVENT_EXIT) {
      if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) separate();
      continue;
    }
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK || type == CMARK_NODE_THEMATIC_BREAK) {
      separate();
    } else if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
      const char* literal = cmark_node_get_literal(node);
      for (const char* c = literal ? literal : ""; *c != '\0'; ++c) {
        if (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r' || *c == '\f' || *c == '\v') {
          separate();
        } else {
          text += *c;
        }
      }
      if (type == CMARK_NODE_CODE_BLOCK) separate();
    }
  }
  cmark_iter_free(iter);
  if (!text.empty() && text.back() == ' ') text.pop_back();
  if (code_points(text) <= max_chars) return text;

  // Keep room for the ellipsis, and cut at the last space if that does not lose too much.
  std::size_t cut = prefix_bytes(text, max_chars - 1);
  std::size_t space = text.rfind(' ', cut);
  if (space != std::string::npos && space > 0 && space >= cut / 2) cut = space;
  text.resize(cut);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text + "…";
}

}  // namespace

html::Html render_markdown(std::string_view source, int heading_offset) {
  static Rendered rendered;
  std::string key = rendered_key(static_cast<std::size_t>(heading_offset + 8), source);
  std::optional<std::string> out = rendered.find(key);
  if (!out) {
    out = render_html(source, heading_offset);
    rendered.keep(std::move(key), *out);
  }
  // Trusted because: the tree holds no raw HTML any more, every link and image address was
  // checked against an allow-list, cmark escapes all text and attribute values, and it runs in
  // safe mode (raw HTML and dangerous URLs suppressed) as a second lock.
  return html::trusted(std::move(*out));
}

std::string markdown_to_text(std::string_view source, std::size_t max_chars) {
  if (max_chars == 0) return {};
  static Rendered rendered;
  std::string key = rendered_key(max_chars, source);
  std::optional<std::string> out = rendered.find(key);
  if (!out) {
    out = render_text(source, max_chars);
    rendered.keep(std::move(key), *out);
  }
  return std::move(*out);
}

}  // namespace fabrique::text
