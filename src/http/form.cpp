// Query strings, form bodies and cookies, decoded with Boost.URL.
#include "http/form.hpp"

#include <fmt/format.h>

#include <boost/url/decode_view.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/grammar/parse.hpp>
#include <boost/url/rfc/pct_encoded_rule.hpp>
#include <boost/url/rfc/query_rule.hpp>

#include "common/text.hpp"

namespace fabrique::http {
namespace {

std::optional<std::string> decode(std::string_view encoded) {
  // Forms encode spaces as '+'; Boost.URL decodes those when asked to.
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  auto checked = boost::urls::make_pct_string_view(encoded);
  if (!checked) return std::nullopt;
  std::string out;
  auto view = boost::urls::decode_view(*checked, opts);
  out.assign(view.begin(), view.end());
  if (!text::valid_utf8(out)) return std::nullopt;
  return out;
}

}  // namespace

std::optional<Form> Form::parse(std::string_view encoded, std::size_t max_fields) {
  Form form;
  while (!encoded.empty()) {
    auto amp = encoded.find('&');
    std::string_view pair = encoded.substr(0, amp);
    encoded = amp == std::string_view::npos ? std::string_view() : encoded.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto name = decode(pair.substr(0, eq));
    auto value = decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!name || !value) return std::nullopt;
    if (form.fields_.size() >= max_fields) return std::nullopt;
    form.fields_.emplace_back(std::move(*name), std::move(*value));
  }
  return form;
}

std::string Form::get(std::string_view name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return v;
  return {};
}

bool Form::has(std::string_view name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return true;
  return false;
}

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields_)
    if (k == name) out.push_back(v);
  return out;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
  std::map<std::string, std::string> out;
  while (!header.empty()) {
    auto semi = header.find(';');
    std::string item = text::trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    out.emplace(item.substr(0, eq), item.substr(eq + 1));
  }
  return out;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out = fmt::format("{}={}; Path=/; SameSite=Lax", name, value);
  if (o.max_age_seconds >= 0) out += fmt::format("; Max-Age={}", o.max_age_seconds);
  if (o.http_only) out += "; HttpOnly";
  if (o.secure) out += "; Secure";
  return out;
}

}  // namespace fabrique::http
