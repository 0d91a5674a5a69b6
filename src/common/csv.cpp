// CSV writing: quoting and formula neutralisation (see csv.hpp).
#include "common/csv.hpp"

namespace fabrique::csv {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}

Writer::Writer() : own_(kByteOrderMark) {}

Writer::Writer(http::Spool& spool) : out_(&spool.out()), spool_(&spool) { *out_ += kByteOrderMark; }

void Writer::end_row() {
  *out_ += "\r\n";
  if (spool_ != nullptr) spool_->flush_if_full();
}

void Writer::field(std::string_view value, bool first) {
  std::string& out = *out_;
  if (!first) out += ',';
  const bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@');
  // A negative number is data, not a formula: keep "-3" and "-2.5" as they are.
  const bool number = formula && value[0] == '-' && value.size() > 1 &&
                      value.find_first_not_of("0123456789.,", 1) == std::string_view::npos;
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos || (formula && !number);
  if (!quote) {
    out += value;
    return;
  }
  out += '"';
  if (formula && !number) out += '\'';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

Writer& Writer::row(std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto f : fields) {
    field(f, first);
    first = false;
  }
  end_row();
  return *this;
}

Writer& Writer::row(const std::vector<std::string>& fields) {
  bool first = true;
  for (const auto& f : fields) {
    field(f, first);
    first = false;
  }
  end_row();
  return *this;
}

}  // namespace fabrique::csv

namespace fabrique::csv {

http::Response response(Writer& w, std::string_view filename) {
  http::Response r;
  r.content_type = kContentType;
  if (w.spool_ != nullptr)
    w.spool_->finish(r);
  else
    r.body = w.take();
  r.set_header("Content-Disposition", "attachment; filename=\"" + std::string(filename) + "\"");
  return r;
}

}  // namespace fabrique::csv
