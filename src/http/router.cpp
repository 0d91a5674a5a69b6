// Route matching with typed path parameters.
#include "http/router.hpp"

#include <charconv>
#include <stdexcept>

namespace fabrique::http {
namespace {

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path[0] != '/') return out;
  path.remove_prefix(1);
  if (path.empty()) return out;  // "/" has no segments
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_slug(std::string_view s) {
  if (s.empty() || s.size() > 120) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool is_integer(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

const std::string& Context::param(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return kEmpty;
}

std::int64_t Context::param_int(std::string_view name) const {
  const auto& v = param(name);
  std::int64_t out = 0;
  std::from_chars(v.data(), v.data() + v.size(), out);
  return out;
}

void Router::add(Method method, std::string_view pattern, PageHandler handler, Needs needs) {
  Route r{method, std::string(pattern), {}, std::move(handler), needs};
  for (auto part : split(pattern)) {
    Segment s;
    if (!part.empty() && part[0] == '{') {
      auto close = part.find('}');
      if (close == std::string_view::npos) throw std::logic_error("bad route pattern: " + std::string(pattern));
      std::string_view inside = part.substr(1, close - 1);
      s.suffix = std::string(part.substr(close + 1));
      if (inside.ends_with(":int")) {
        s.kind = Segment::Kind::integer;
        s.text = std::string(inside.substr(0, inside.size() - 4));
      } else {
        s.kind = Segment::Kind::slug;
        s.text = std::string(inside);
      }
    } else {
      s.text = std::string(part);
    }
    r.segments.push_back(std::move(s));
  }
  routes_.push_back(std::move(r));
}

bool Router::matches(const Route& r, const std::vector<std::string_view>& parts,
                     std::vector<std::pair<std::string, std::string>>* params) {
  if (r.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& seg = r.segments[i];
    std::string_view part = parts[i];
    if (seg.kind == Segment::Kind::literal) {
      if (part != seg.text) return false;
      continue;
    }
    if (!part.ends_with(seg.suffix)) return false;
    part.remove_suffix(seg.suffix.size());
    if (!(seg.kind == Segment::Kind::integer ? is_integer(part) : is_slug(part))) return false;
    if (params) params->emplace_back(seg.text, std::string(part));
  }
  return true;
}

Router::Match Router::match(Method method, std::string_view path) const {
  Match out;
  auto parts = split(path);
  Method wanted = method == Method::head ? Method::get : method;
  for (const auto& r : routes_) {
    std::vector<std::pair<std::string, std::string>> params;
    if (!matches(r, parts, &params)) continue;
    out.path_known = true;
    if (r.method == wanted) {
      out.handler = &r.handler;
      out.signed_link = r.signed_link;
      out.creates = r.creates;
      out.params = std::move(params);
      out.needs = r.needs;
      return out;
    }
  }
  return out;
}

std::optional<std::string> Router::document_of(std::string_view path, std::string_view suffix) const {
  const std::string own = std::string(path) + std::string(suffix);
  if (match(Method::get, own).handler) return own;
  // The last segment of the GET route that has `page`, or nothing when none has it.
  auto last_segment = [this](std::string_view page) -> const Segment* {
    const auto parts = split(page);
    for (const auto& r : routes_)
      if (r.method == Method::get && !r.segments.empty() && matches(r, parts, nullptr)) return &r.segments.back();
    return nullptr;
  };
  // A view of a thing: a literal word (historique) after a page that names one ({slug}, {id:int}).
  const Segment* view = last_segment(path);
  if (!view || view->kind != Segment::Kind::literal) return std::nullopt;
  const std::string_view thing = path.substr(0, path.rfind('/'));
  const Segment* named = last_segment(thing);
  if (!named || named->kind == Segment::Kind::literal) return std::nullopt;
  const std::string document = std::string(thing) + std::string(suffix);
  if (match(Method::get, document).handler) return document;
  return std::nullopt;
}

std::vector<std::string> Router::patterns() const {
  std::vector<std::string> out;
  for (const auto& r : routes_) out.push_back((r.method == Method::post ? "POST " : "GET ") + r.pattern);
  return out;
}

}  // namespace fabrique::http
