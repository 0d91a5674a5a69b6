// The page template compiler: lexes a template, follows the HTML context of every slot (text,
// attribute, URL), and writes the C++ that fills it, with #line directives back to the template.
#include "compiler.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace fabrique::tmplc {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(std::string s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// A C++ string literal holding `s` byte for byte.
std::string literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03o", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// Where the next byte of output lands in the HTML, tracked byte by byte over the literal text.
struct HtmlState {
  enum Mode {
    text,
    tag_open,
    tag_name,
    in_tag,
    attr_name,
    after_attr,
    before_value,
    value_dq,
    value_sq,
    value_unquoted,
    markup_decl,
    comment,
    raw_text
  } mode = text;
  std::string tag;             // the name of the tag being read, lower case
  bool closing = false;        // reading an end tag
  std::string attr;            // the attribute being read, lower case
  bool value_started = false;  // the attribute value has content before this point
  std::string raw;             // "script" or "style" while inside one
  bool preserve = false;       // inside <pre> or <textarea>: white space is kept
  std::string pending;         // bytes matched so far of "<!--", "-->" or "</script"

  // What must agree where branches of an {% if %} meet again or a loop comes round.
  std::string key() const {
    // Between attributes, after a name or inside one, the next literal byte is read alike but for
    // extending a name, which no slot can do: all three count as one context.
    Mode m = mode == attr_name || mode == after_attr ? in_tag : mode;
    std::string k = std::to_string(m);
    // Where a URL value stands matters (its start is checked, the rest encoded); other values escape alike.
    if (mode == value_dq || mode == value_sq) k += "|" + attr + (url_attribute() && value_started ? "+" : "");
    if (mode == raw_text) k += "|" + raw;
    return k + (preserve ? "|pre" : "");
  }

  bool url_attribute() const {
    static const std::set<std::string> kUrl = {"href",   "src",  "action", "formaction", "cite",
                                               "poster", "data", "srcset", "xlink:href"};
    return kUrl.count(attr) > 0;
  }

  void end_tag() {
    if (!closing && (tag == "script" || tag == "style")) {
      mode = raw_text;
      raw = tag;
      return;
    }
    if (tag == "pre" || tag == "textarea") preserve = !closing;
    mode = text;
  }

  void feed(char c) {
    switch (mode) {
      case text:
        if (c == '<') mode = tag_open;
        break;
      case tag_open:
        if (c == '!') {
          mode = markup_decl;
          pending.clear();
        } else if (c == '/' || is_ident_start(c)) {
          closing = c == '/';
          tag = closing ? "" : std::string(1, static_cast<char>(std::tolower(c)));
          mode = tag_name;
        } else {
          mode = text;
        }
        break;
      case markup_decl:  // "<!" seen: a comment if "--" follows, else a declaration such as <!doctype>
        pending += c;
        if (pending == "--") {
          mode = comment;
          pending.clear();
        } else if (pending != "-") {
          if (c == '>')
            mode = text;
          else
            pending = "x";  // a declaration: read up to '>'
        }
        break;
      case comment:
        pending += c;
        if (pending.size() > 3) pending.erase(0, pending.size() - 3);
        if (pending == "-->") {
          mode = text;
          pending.clear();
        }
        break;
      case tag_name:
        if (is_ident(c) || c == '-')
          tag += static_cast<char>(std::tolower(c));
        else if (c == '>')
          end_tag();
        else
          mode = in_tag;
        break;
      case in_tag:
        if (c == '>')
          end_tag();
        else if (!is_space(c) && c != '/') {
          mode = attr_name;
          attr = std::string(1, static_cast<char>(std::tolower(c)));
        }
        break;
      case attr_name:
        if (c == '=')
          mode = before_value;
        else if (c == '>')
          end_tag();
        else if (is_space(c))
          mode = after_attr;
        else
          attr += static_cast<char>(std::tolower(c));
        break;
      case after_attr:
        if (c == '=')
          mode = before_value;
        else if (c == '>')
          end_tag();
        else if (!is_space(c) && c != '/') {
          mode = attr_name;
          attr = std::string(1, static_cast<char>(std::tolower(c)));
        }
        break;
      case before_value:
        value_started = false;
        if (c == '"')
          mode = value_dq;
        else if (c == '\'')
          mode = value_sq;
        else if (c == '>')
          end_tag();
        else if (!is_space(c))
          mode = value_unquoted;
        break;
      case value_dq:
      case value_sq:
        if (c == (mode == value_dq ? '"' : '\''))
          mode = in_tag;
        else
          value_started = true;
        break;
      case value_unquoted:
        if (is_space(c))
          mode = in_tag;
        else if (c == '>')
          end_tag();
        break;
      case raw_text: {
        pending += static_cast<char>(std::tolower(c));
        const std::string close = "</" + raw;
        if (close.compare(0, pending.size(), pending) != 0) pending = c == '<' ? "<" : "";
        if (pending == close) {
          pending.clear();
          raw.clear();
          closing = true;
          tag = "";
          mode = tag_name;
        }
        break;
      }
    }
  }
};

enum class Kind { literal, slot, tag };

struct Token {
  Kind kind;
  std::string text;
  int line;
  bool line_start = false;  // literal text that begins at the start of a line of the template
  bool alone = false;       // a tag that stood alone on its line (and took the line with it)
};

// Reads up to the closing delimiter of a slot or a tag, skipping string and character literals and
// bracketed groups, so that "}}" inside Row{.a = X{1}} does not end the slot too early.
bool read_expression(const std::string& s, std::size_t& i, const std::string& close, std::string& out, int& line) {
  int depth = 0;
  while (i < s.size()) {
    char c = s[i];
    if (depth == 0 && s.compare(i, close.size(), close) == 0) {
      i += close.size();
      return true;
    }
    if (c == '"' || c == '\'') {
      char q = c;
      out += c;
      ++i;
      while (i < s.size() && s[i] != q) {
        if (s[i] == '\\' && i + 1 < s.size()) out += s[i++];
        if (s[i] == '\n') ++line;
        out += s[i++];
      }
      if (i >= s.size()) return false;
      out += s[i++];
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (c == '\n') ++line;
    out += c;
    ++i;
  }
  return false;
}

// The identifiers an expression names at its top level (not after '.', '->' or '::').
void names_in(const std::string& e, std::set<std::string>& used) {
  for (std::size_t i = 0; i < e.size();) {
    char c = e[i];
    if (c == '"' || c == '\'') {
      ++i;
      while (i < e.size() && e[i] != c) i += e[i] == '\\' ? 2 : 1;
      ++i;
      continue;
    }
    if (is_ident_start(c)) {
      std::size_t b = i;
      while (i < e.size() && is_ident(e[i])) ++i;
      std::size_t p = b;
      while (p > 0 && is_space(e[p - 1])) --p;
      bool member = p > 0 && (e[p - 1] == '.' || (p > 1 && e[p - 1] == '>' && e[p - 2] == '-') ||
                              (p > 1 && e[p - 1] == ':' && e[p - 2] == ':'));
      if (!member) used.insert(e.substr(b, i - b));
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      while (i < e.size() && (is_ident(e[i]) || e[i] == '.')) ++i;
      continue;
    }
    ++i;
  }
}

// Splits a parameter list on its top-level commas.
std::vector<std::string> split_top(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '<' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == '>' || c == ']' || c == '}') --depth;
    if (c == sep && depth == 0) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!trim(cur).empty()) parts.push_back(cur);
  return parts;
}

struct Param {
  std::string type, name, init;
  int line;
};

struct Block {
  enum Type { if_, for_, let_ } type;
  int line;
  HtmlState start;                       // the context where the block began
  std::vector<std::string> branch_ends;  // the context at the end of each finished branch
  bool has_else = false;
};

class Compiler {
 public:
  Compiler(const std::string& path, const std::string& ns, const std::string& header_include)
      : path_(path), ns_(ns), header_include_(header_include) {}

  Output run(const std::string& text) {
    auto tokens = lex(text);
    // A template's last line break is the file's layout, not the page's: a fragment ends where its
    // markup ends, so that it can stand inside a tag or a sentence.
    for (std::size_t i = 1; i < tokens.size(); ++i)
      if (tokens[i].kind == Kind::tag && tokens[i].text == "endtemplate" && tokens[i - 1].kind == Kind::literal &&
          !tokens[i - 1].text.empty() && tokens[i - 1].text.back() == '\n')
        tokens[i - 1].text.pop_back();
    for (const auto& t : tokens) {
      if (t.kind == Kind::literal)
        literal_text(t);
      else if (t.kind == Kind::slot)
        slot(t);
      else {
        tag(t);
        // White space after a tag on a line of markup is the page's, not the template's indentation.
        if (!t.alone) at_line_start_ = false;
      }
    }
    if (in_template_) error(template_line_, "template " + name_ + " has no {% endtemplate %}");
    if (templates_.empty() && errors_.empty()) error(1, "no {% template Name(...) %} in this file");
    Output out;
    out.errors = errors_;
    out.header = "// Generated by tmplc from " + path_ +
                 ": edit that file, not this one.\n#pragma once\n"
                 "#include \"views/template.hpp\"\n" +
                 includes_ + "\nnamespace " + ns_ + " {\n\nusing ::fabrique::html::Html;\n\n" + header_body_ +
                 "}  // namespace " + ns_ + "\n";
    out.source = "// Generated by tmplc from " + path_ + ": edit that file, not this one.\n#include \"" +
                 header_include_ + "\"\n\nnamespace " + ns_ + " {\n" + source_body_ + "}  // namespace " + ns_ + "\n";
    return out;
  }

 private:
  void error(int line, const std::string& message) {
    errors_.push_back(path_ + ":" + std::to_string(line) + ": " + message);
  }

  std::string line_directive(int line) const { return "#line " + std::to_string(line) + " " + literal(path_) + "\n"; }

  // Splits the file into literal text, slots and tags. A tag or comment alone on its line takes
  // the line with it, so that control flow adds no blank lines to the page.
  std::vector<Token> lex(const std::string& s) {
    std::vector<Token> out;
    std::string lit;
    int line = 1, lit_line = 1;
    std::size_t i = 0;
    bool clean = true;  // `lit` begins at the start of a line
    auto flush = [&] {
      if (!lit.empty()) out.push_back({Kind::literal, lit, lit_line, clean});
      lit.clear();
    };
    while (i < s.size()) {
      if (s[i] == '{' && i + 1 < s.size() && (s[i + 1] == '{' || s[i + 1] == '%' || s[i + 1] == '#')) {
        char kind = s[i + 1];
        int start_line = line;
        // Alone on its line: only white space between the last newline and here.
        std::size_t ls = lit.find_last_of('\n');
        std::string before = ls == std::string::npos ? lit : lit.substr(ls + 1);
        bool line_start = std::all_of(before.begin(), before.end(), is_space) && (ls != std::string::npos || clean);
        i += 2;
        std::string body;
        if (kind == '#') {
          std::size_t end = s.find("#}", i);
          if (end == std::string::npos) {
            error(start_line, "a comment {# is never closed by #}");
            return out;
          }
          line += static_cast<int>(std::count(s.begin() + i, s.begin() + end, '\n'));
          i = end + 2;
        } else if (!read_expression(s, i, kind == '{' ? "}}" : "%}", body, line)) {
          error(start_line, kind == '{' ? "a slot {{ is never closed by }}" : "a tag {% is never closed by %}");
          return out;
        }
        bool took_line = false;
        if (kind != '{' && line_start) {
          std::size_t j = i;
          while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
          if (j >= s.size() || s[j] == '\n') {
            lit.erase(lit.size() - before.size());
            if (j < s.size()) ++line;
            i = j < s.size() ? j + 1 : j;
            took_line = true;
          }
        }
        flush();
        clean = took_line;
        if (kind == '{') out.push_back({Kind::slot, trim(body), start_line});
        if (kind == '%') out.push_back({Kind::tag, trim(body), start_line, false, took_line});
        lit_line = line;
        continue;
      }
      if (lit.empty()) lit_line = line;
      if (s[i] == '\n') ++line;
      lit += s[i++];
    }
    flush();
    return out;
  }

  // Literal text: its indentation dropped (outside <pre> and <textarea>), its bytes followed by
  // the HTML context, and appended as one string.
  void literal_text(const Token& t) {
    if (!in_template_) {
      if (!trim(t.text).empty()) error(t.line, "text outside {% template %}: put it inside a template");
      return;
    }
    std::string kept;
    if (t.line_start) at_line_start_ = true;
    for (char c : t.text) {
      if (at_line_start_ && (c == ' ' || c == '\t') && !html_.preserve) continue;
      html_.feed(c);
      kept += c;
      at_line_start_ = c == '\n';
    }
    if (!kept.empty()) body_ += "  out_.s.append(" + literal(kept) + ", " + std::to_string(kept.size()) + ");\n";
  }

  void slot(const Token& t) {
    if (!in_template_) {
      error(t.line, "a slot outside {% template %}");
      return;
    }
    if (t.text.empty()) {
      error(t.line, "an empty slot {{ }}");
      return;
    }
    std::string fn = "slot";
    using M = HtmlState;
    switch (html_.mode) {
      case M::text:
        break;
      case M::value_dq:
      case M::value_sq:
        if (html_.attr.rfind("on", 0) == 0 || html_.attr == "style") {
          error(t.line, "no slot in the attribute " + html_.attr + ": scripts and styles come from static files");
          return;
        }
        if (html_.url_attribute()) fn = html_.value_started ? "url_part" : "url_start";
        html_.value_started = true;
        break;
      case M::before_value:
      case M::value_unquoted:
        error(t.line, "a slot in an attribute value must stand inside quotes");
        return;
      case M::comment:
        error(t.line, "no slot inside an HTML comment");
        return;
      case M::raw_text:
        error(t.line, "no slot inside <" + html_.raw + ">");
        return;
      case M::tag_name:
      case M::in_tag:
      case M::attr_name:
      case M::after_attr:
        // Only an attributes template ({% template Name(…) attributes %}) may stand among attributes.
        fn = "attributes";
        html_.mode = M::in_tag;
        break;
      default:
        error(t.line, "a slot cannot stand in a tag or an attribute name: put {% if %} around a literal attribute");
        return;
    }
    names_in(t.text, used_);
    body_ += line_directive(t.line) + "  ::fabrique::html::tpl::" + fn + "(out_, (" + t.text + "));\n";
    at_line_start_ = false;
  }

  void tag(const Token& t) {
    std::size_t sp = 0;
    while (sp < t.text.size() && !is_space(t.text[sp])) ++sp;
    std::string word = t.text.substr(0, sp), rest = trim(t.text.substr(sp));
    if (word == "include") return include(t, rest);
    if (word == "template") return open_template(t, rest);
    if (!in_template_) {
      error(t.line, "{% " + word + " %} outside {% template %}");
      return;
    }
    if (word == "endtemplate") return close_template(t);
    if (word == "if") {
      need(t, rest, "if");
      names_in(rest, used_);
      blocks_.push_back({Block::if_, t.line, html_, {}, false});
      body_ += line_directive(t.line) + "  if (" + rest + ") {\n";
      return;
    }
    if (word == "elif" || word == "else") {
      if (blocks_.empty() || blocks_.back().type != Block::if_ || blocks_.back().has_else) {
        error(t.line, "{% " + word + " %} without its {% if %}");
        return;
      }
      Block& b = blocks_.back();
      b.branch_ends.push_back(html_.key());
      html_ = b.start;
      if (word == "else") {
        b.has_else = true;
        body_ += "  } else {\n";
      } else {
        need(t, rest, "elif");
        names_in(rest, used_);
        body_ += line_directive(t.line) + "  } else if (" + rest + ") {\n";
      }
      return;
    }
    if (word == "endif") return close_block(t, Block::if_, "endif");
    if (word == "for") {
      std::size_t colon = std::string::npos;
      int depth = 0;
      for (std::size_t i = 0; i < rest.size(); ++i) {
        char c = rest[i];
        if (c == '[' || c == '(') ++depth;
        if (c == ']' || c == ')') --depth;
        if (c == ':' && depth == 0 && (i + 1 >= rest.size() || rest[i + 1] != ':') && (i == 0 || rest[i - 1] != ':')) {
          colon = i;
          break;
        }
      }
      if (colon == std::string::npos) {
        error(t.line, "write {% for name : list %}");
        return;
      }
      std::string var = trim(rest.substr(0, colon)), list = trim(rest.substr(colon + 1));
      if (var.empty() || list.empty()) {
        error(t.line, "write {% for name : list %}");
        return;
      }
      names_in(list, used_);
      blocks_.push_back({Block::for_, t.line, html_, {}, false});
      body_ += line_directive(t.line) + "  for (const auto& " + var + " : " + list + ") {\n";
      return;
    }
    if (word == "endfor") return close_block(t, Block::for_, "endfor");
    if (word == "let") {
      std::size_t eq = rest.find('=');
      std::string name = eq == std::string::npos ? "" : trim(rest.substr(0, eq));
      std::string value = eq == std::string::npos ? "" : trim(rest.substr(eq + 1));
      if (name.empty() || value.empty() || !std::all_of(name.begin(), name.end(), is_ident)) {
        error(t.line, "write {% let name = value %}");
        return;
      }
      names_in(value, used_);
      body_ += line_directive(t.line) + "  const auto& " + name + " = " + value + ";\n";
      return;
    }
    error(t.line, "unknown tag {% " + word + " %}");
  }

  void need(const Token& t, const std::string& rest, const std::string& word) {
    if (rest.empty()) error(t.line, "{% " + word + " %} needs a condition");
  }

  void close_block(const Token& t, Block::Type type, const std::string& word) {
    if (blocks_.empty() || blocks_.back().type != type) {
      error(t.line, "{% " + word + " %} without its opening tag");
      return;
    }
    Block b = blocks_.back();
    blocks_.pop_back();
    b.branch_ends.push_back(html_.key());
    // Every way through the block must leave the page in one HTML context, or the escaping chosen
    // for the slots after it would be wrong for some of them. An if without else may be skipped.
    if (type == Block::if_ && !b.has_else) b.branch_ends.push_back(b.start.key());
    if (type == Block::for_) b.branch_ends.push_back(b.start.key());
    for (const auto& k : b.branch_ends)
      if (k != b.branch_ends.front()) {
        error(b.line, "the ways through this {% " + std::string(type == Block::if_ ? "if" : "for") +
                          " %} end in different HTML contexts (an element or attribute left open in one of them)");
        break;
      }
    body_ += "  }\n";
  }

  void include(const Token& t, const std::string& rest) {
    if (in_template_) {
      error(t.line, "{% include %} goes before the first template");
      return;
    }
    bool quoted = rest.size() > 2 && rest.front() == '"' && rest.back() == '"';
    bool angled = rest.size() > 2 && rest.front() == '<' && rest.back() == '>';
    if (!quoted && !angled) {
      error(t.line, "write {% include \"module/file.hpp\" %} or {% include <header> %}");
      return;
    }
    includes_ += "#include " + rest + "\n";
  }

  void open_template(const Token& t, const std::string& rest) {
    if (in_template_) {
      error(t.line, "a template cannot open inside template " + name_);
      return;
    }
    std::string decl = rest;
    bool attributes = false;
    if (decl.size() > 10 && decl.compare(decl.size() - 10, 10, "attributes") == 0 && decl[decl.size() - 11] != '(') {
      attributes = true;
      decl = trim(decl.substr(0, decl.size() - 10));
    }
    std::size_t open = decl.find('(');
    std::string name = trim(decl.substr(0, open));
    if (open == std::string::npos || decl.back() != ')' || name.empty() ||
        !std::all_of(name.begin(), name.end(), is_ident) || !std::isupper(static_cast<unsigned char>(name[0]))) {
      error(t.line, "write {% template Name(const Type& value, …) %} with a capitalised name");
      return;
    }
    if (!names_.insert(name).second) error(t.line, "template " + name + " is defined twice");
    params_.clear();
    for (auto& p : split_top(decl.substr(open + 1, decl.size() - open - 2), ',')) {
      std::string decl = trim(p), init;
      auto eq = split_top(decl, '=');
      if (eq.size() > 1) {
        init = trim(decl.substr(eq[0].size() + 1));
        decl = trim(eq[0]);
      }
      std::size_t e = decl.size();
      std::size_t b = e;
      while (b > 0 && is_ident(decl[b - 1])) --b;
      std::string pname = decl.substr(b), ptype = trim(decl.substr(0, b));
      if (pname.empty() || ptype.empty() || !is_ident_start(pname[0])) {
        error(t.line, "cannot read the parameter '" + trim(p) + "': write a type and a name");
        continue;
      }
      params_.push_back({ptype, pname, init, t.line});
    }
    in_template_ = true;
    name_ = name;
    template_line_ = t.line;
    used_.clear();
    body_.clear();
    blocks_.clear();
    // An attributes template is written, and must end, among the attributes of a tag.
    attributes_ = attributes;
    html_ = HtmlState{};
    if (attributes) html_.mode = HtmlState::in_tag;
    at_line_start_ = true;
  }

  void close_template(const Token& t) {
    if (!blocks_.empty()) {
      error(blocks_.back().line, "this block is not closed before {% endtemplate %}");
      blocks_.clear();
    }
    HtmlState end;
    if (attributes_) end.mode = HtmlState::in_tag;
    if (html_.key() != end.key())
      error(t.line, attributes_ ? "attributes template " + name_ + " must end between attributes"
                                : "template " + name_ + " ends inside a tag, an attribute or a comment");
    for (const auto& p : params_)
      if (!used_.count(p.name)) error(p.line, "the value '" + p.name + "' of template " + name_ + " is never used");
    header_body_ += "struct " + name_ + " {\n";
    for (const auto& p : params_)
      header_body_ +=
          line_directive(p.line) + "  " + p.type + " " + p.name + (p.init.empty() ? "" : " = " + p.init) + ";\n";
    if (attributes_)
      header_body_ += "  static constexpr bool kAttributes = true;  // stands among a tag's attributes\n";
    header_body_ += "};\nvoid write(::fabrique::html::Out& out_, const " + name_ + "& v_);\n\n";
    source_body_ +=
        "\nvoid write(::fabrique::html::Out& out_, const " + name_ + "& v_) {\n  FABRIQUE_TEMPLATE_HELPERS(out_);\n";
    for (const auto& p : params_)
      source_body_ += "  [[maybe_unused]] const auto& " + p.name + " = v_." + p.name + ";\n";
    if (params_.empty()) source_body_ += "  (void)v_;\n";
    source_body_ += body_ + "}\n";
    in_template_ = false;
    templates_.push_back(name_);
  }

  std::string path_, ns_, header_include_;
  std::vector<std::string> errors_;
  std::string includes_, header_body_, source_body_;
  std::set<std::string> names_;
  std::vector<std::string> templates_;
  // The template being compiled.
  bool in_template_ = false;
  bool attributes_ = false;
  std::string name_;
  int template_line_ = 0;
  std::vector<Param> params_;
  std::set<std::string> used_;
  std::string body_;
  std::vector<Block> blocks_;
  HtmlState html_;
  bool at_line_start_ = true;
};

}  // namespace

Output compile(const std::string& text, const std::string& display_path, const std::string& name_space,
               const std::string& header_include) {
  return Compiler(display_path, name_space, header_include).run(text);
}

}  // namespace fabrique::tmplc
