// Parsing of query strings, urlencoded form bodies and Cookie headers.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fabrique::http {

// Fields of a query string or an application/x-www-form-urlencoded body, in order.
class Form {
 public:
  // Parses `encoded`; '+' is a space. Returns nothing when the encoding is malformed, a value is
  // not UTF-8, or there are more than `max_fields` fields.
  static std::optional<Form> parse(std::string_view encoded, std::size_t max_fields = 200);

  // The first value of `name`, or "" when absent.
  std::string get(std::string_view name) const;
  bool has(std::string_view name) const;
  // Every value of `name` (checkboxes, multiple selects).
  std::vector<std::string> all(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Cookies from a Cookie header: name → value (the first one wins).
std::map<std::string, std::string> parse_cookies(std::string_view header);

struct CookieOptions {
  bool http_only = true;
  bool secure = false;
  long max_age_seconds = -1;  // -1: session cookie; 0: delete
};
// A Set-Cookie value with Path=/ and SameSite=Lax.
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace fabrique::http
