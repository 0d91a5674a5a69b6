// How the server frames a request read from the wire (see framing.hpp).
#include "http/framing.hpp"

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/url/parse.hpp>
#include <climits>
#include <cstdint>
#include <iterator>

#include "common/text.hpp"

namespace fabrique::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

Method method_of(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::get;
    case bhttp::verb::head:
      return Method::head;
    case bhttp::verb::post:
      return Method::post;
    default:
      return Method::other;
  }
}

bool is_http_parse_error(const beast::error_code& ec) {
  static const auto& kHttpCategory = bhttp::make_error_code(bhttp::error::bad_method).category();
  return ec.category() == kHttpCategory;
}

}  // namespace

std::optional<unsigned> head_status(std::string_view received, const ServerLimits& limits) {
  if (auto end = received.find("\r\n\r\n"); end != std::string_view::npos) {
    if (end + 4 > limits.max_header_bytes) return 431;
    const std::string_view header = received.substr(0, end);
    if (header.find("\r\n ") != std::string_view::npos || header.find("\r\n\t") != std::string_view::npos) return 400;
    return 0;
  }
  if (received.size() >= limits.max_header_bytes) return 431;
  return std::nullopt;
}

void limit_request(RequestParser& parser, const ServerLimits& limits) {
  parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(limits.max_header_bytes, UINT32_MAX)));
  parser.body_limit(std::max(limits.max_body_bytes, limits.max_upload_bytes));
}

unsigned framing_status(const RequestParser& parser) {
  const auto& header = parser.get();
  const auto host = header.equal_range(bhttp::field::host);
  const auto hosts = std::distance(host.first, host.second);
  if (hosts > 1 || (header.version() >= 11 && hosts != 1)) return 400;
  const auto codings = header.equal_range(bhttp::field::transfer_encoding);
  const auto coding_count = std::distance(codings.first, codings.second);
  if (coding_count == 0) return 0;
  if (coding_count > 1 || header.version() < 11 || !parser.chunked() ||
      !beast::iequals(codings.first->value(), "chunked"))
    return 400;
  return 0;
}

std::size_t body_limit(const Admission& admission, const ServerLimits& limits) {
  return admission.takes_files ? limits.max_upload_bytes : limits.max_body_bytes;
}

beast::error_code limit_body(RequestParser& parser, std::size_t limit) {
  parser.body_limit(limit);
  if (auto length = parser.content_length(); length && *length > limit) return bhttp::error::body_limit;
  return {};
}

unsigned status_for_read_error(const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) return 431;
  if (ec == bhttp::error::body_limit) return 413;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
  if (is_http_parse_error(ec)) return 400;
  return 0;
}

bool fill_head(const bhttp::request_header<>& header, const std::string& client, Request& request) {
  request.method = method_of(header.method());
  request.method_name = std::string(header.method_string());
  request.target = std::string(header.target());
  request.client_address = client;
  request.headers.reserve(std::distance(header.begin(), header.end()));
  for (const auto& field : header)
    request.headers.emplace_back(text::lower(field.name_string()), std::string(field.value()));
  auto url = boost::urls::parse_origin_form(std::string_view(header.target()));
  if (!url) return false;
  request.path = url->path();
  // A NUL in a path is never legitimate and trips up whatever later treats it as a C string.
  if (request.path.find('\0') != std::string::npos) return false;
  request.query = std::string(std::string_view(url->encoded_query()));
  return true;
}

}  // namespace fabrique::http
