// How the server frames a request read from the wire (see framing.hpp).
#include "http/framing.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <iterator>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/url/parse.hpp>

#include "common/text.hpp"

namespace fabrique::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

bool is_multipart(std::string_view content_type) {
  constexpr std::string_view kMultipart = "multipart/form-data";
  return content_type.size() >= kMultipart.size() && beast::iequals(content_type.substr(0, kMultipart.size()), kMultipart);
}

Method method_of(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get: return Method::get;
    case bhttp::verb::head: return Method::head;
    case bhttp::verb::post: return Method::post;
    default: return Method::other;
  }
}

bool is_http_parse_error(const beast::error_code& ec) {
  static const auto& kHttpCategory = bhttp::make_error_code(bhttp::error::bad_method).category();
  return ec.category() == kHttpCategory;
}

}  // namespace

void limit_request(RequestParser& parser, const ServerLimits& limits) {
  parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(limits.max_header_bytes, UINT32_MAX)));
  parser.body_limit(std::max(limits.max_body_bytes, limits.max_upload_bytes));
}

beast::error_code limit_body(RequestParser& parser, const ServerLimits& limits, bool& upload) {
  upload = is_multipart(parser.get()[bhttp::field::content_type]);
  if (upload) return {};
  parser.body_limit(limits.max_body_bytes);
  if (auto length = parser.content_length(); length && *length > limits.max_body_bytes) return bhttp::error::body_limit;
  return {};
}

unsigned status_for_read_error(const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) return 431;
  if (ec == bhttp::error::body_limit) return 413;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
  if (is_http_parse_error(ec)) return 400;
  return 0;
}

bool fill_request(bhttp::request<bhttp::string_body>& msg, const std::string& client, Request& request) {
  request.method = method_of(msg.method());
  request.method_name = std::string(msg.method_string());
  request.target = std::string(msg.target());
  request.client_address = client;
  request.headers.reserve(std::distance(msg.begin(), msg.end()));
  for (const auto& field : msg) request.headers.emplace_back(text::lower(field.name_string()), std::string(field.value()));
  auto url = boost::urls::parse_origin_form(std::string_view(msg.target()));
  if (!url) return false;
  request.path = url->path();
  // A NUL in a path is never legitimate and trips up whatever later treats it as a C string.
  if (request.path.find('\0') != std::string::npos) return false;
  request.query = std::string(std::string_view(url->encoded_query()));
  request.body = std::move(msg.body());
  return true;
}

}  // namespace fabrique::http
