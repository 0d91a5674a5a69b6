// CSV exports that open correctly in LibreOffice and Excel: RFC 4180 quoting, CRLF, UTF-8 with a BOM.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "http/spool.hpp"

namespace fabrique::csv {

// Builds one CSV document row by row. The byte-order mark makes Excel read UTF-8 (accents
// included); LibreOffice ignores it. Every field is quoted when it holds a separator, a quote
// or a line break, and a leading =, +, - or @ is prefixed with ' so that a spreadsheet never
// runs a cell as a formula (CSV injection).
class Writer {
 public:
  Writer();
  // Rows written straight into `spool`, for a whole register's export (a document too large to hold).
  explicit Writer(http::Spool& spool);
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  Writer& row(std::initializer_list<std::string_view> fields);
  Writer& row(const std::vector<std::string>& fields);
  const std::string& text() const { return *out_; }
  std::string take() { return std::move(*out_); }

 private:
  friend http::Response response(Writer& w, std::string_view filename);
  void field(std::string_view value, bool first);
  void end_row();
  std::string own_;
  std::string* out_ = &own_;
  http::Spool* spool_ = nullptr;
};

// The media type to answer with.
inline constexpr const char* kContentType = "text/csv; charset=utf-8";

// The document as a download named `filename` (letters, digits, dots and dashes only).
http::Response response(Writer& w, std::string_view filename);

}  // namespace fabrique::csv
