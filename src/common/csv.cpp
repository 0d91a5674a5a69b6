// CSV writing: quoting and formula neutralisation (see csv.hpp).
#include "common/csv.hpp"

namespace fabrique::csv {

Writer::Writer() : out_("\xEF\xBB\xBF") {}

void Writer::field(std::string_view value, bool first) {
  if (!first) out_ += ',';
  const bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@');
  // A negative number is data, not a formula: keep "-3" and "-2.5" as they are.
  const bool number = formula && value[0] == '-' && value.size() > 1 &&
                      value.find_first_not_of("0123456789.,", 1) == std::string_view::npos;
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos || (formula && !number);
  if (!quote) {
    out_ += value;
    return;
  }
  out_ += '"';
  if (formula && !number) out_ += '\'';
  for (char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

Writer& Writer::row(std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto f : fields) {
    field(f, first);
    first = false;
  }
  out_ += "\r\n";
  return *this;
}

Writer& Writer::row(const std::vector<std::string>& fields) {
  bool first = true;
  for (const auto& f : fields) {
    field(f, first);
    first = false;
  }
  out_ += "\r\n";
  return *this;
}

}  // namespace fabrique::csv

namespace fabrique::csv {

http::Response response(Writer& w, std::string_view filename) {
  http::Response r;
  r.content_type = kContentType;
  r.body = w.take();
  r.set_header("Content-Disposition", "attachment; filename=\"" + std::string(filename) + "\"");
  return r;
}

}  // namespace fabrique::csv
