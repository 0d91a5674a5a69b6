// Fuzzes the request head and body framing as the server reads them: the raw header's checks, Beast's parser set
// up by the server's own functions (http/framing.hpp: limits, Host and Transfer-Encoding, chunked bodies, the body
// limit once the request is admitted), then the checks that turn a parsed header into a Request, over as many
// pipelined requests as the input holds.
//
// Input: the first byte picks how many bytes each read returns (5 to 260, as a network splits them); the rest
// is what the client sends. Not fewer than 5: Beast 1.81 asserts n >= 5 when a chunked body's end arrives
// in smaller pieces, wrongly (boostorg/beast#2861, fixed in later Boost; the code after it handles them),
// which aborts this build; Release builds compile that assert out. Asserts that a failed read maps to 400, 413, 431 or
// silence, that no body exceeds its limit, and that an accepted request has an absolute path without NUL and lower-case
// header names.
#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz/check.hpp"
#include "http/framing.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using fabrique::fuzz::check;

// A synchronous stream over the fuzzer's bytes, handing them out `chunk` at a time, then end of file.
class Wire {
 public:
  Wire(std::string_view bytes, std::size_t chunk) : bytes_(bytes), chunk_(chunk) {}

  template <class MutableBuffers>
  std::size_t read_some(const MutableBuffers& buffers, beast::error_code& ec) {
    ec = {};
    if (bytes_.empty()) {
      ec = asio::error::eof;
      return 0;
    }
    std::size_t n = asio::buffer_copy(buffers, asio::buffer(bytes_.data(), std::min(chunk_, bytes_.size())));
    bytes_.remove_prefix(n);
    return n;
  }
  template <class MutableBuffers>
  std::size_t read_some(const MutableBuffers& buffers) {
    beast::error_code ec;
    std::size_t n = read_some(buffers, ec);
    if (ec) throw beast::system_error(ec);
    return n;
  }

 private:
  std::string_view bytes_;
  std::size_t chunk_;
};

// The server's limits made small, so that inputs of a few kilobytes reach every limit.
fabrique::http::ServerLimits small_limits() {
  fabrique::http::ServerLimits limits;
  limits.max_header_bytes = 1024;
  limits.max_body_bytes = 2048;
  limits.max_upload_bytes = 8192;
  return limits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const fabrique::http::ServerLimits limits = small_limits();
  // The first byte's low bit stands for the application's answer: whether this request may send a file.
  const fabrique::http::Admission admission{.takes_files = (data[0] & 1) != 0};
  Wire wire(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), std::size_t{data[0]} + 5);
  beast::flat_buffer buffer;
  for (;;) {
    std::optional<unsigned> refused;
    while (!(refused = fabrique::http::head_status({static_cast<const char*>(buffer.data().data()), buffer.size()},
                                                   limits))) {
      beast::error_code ec;
      const std::size_t n = wire.read_some(buffer.prepare(512), ec);
      if (ec) return 0;  // the client went away before its header was whole
      buffer.commit(n);
    }
    check(*refused == 0 || *refused == 400 || *refused == 431, "a refused header is 400 or 431");
    if (*refused != 0) return 0;

    fabrique::http::RequestParser parser;
    fabrique::http::limit_request(parser, limits);
    beast::error_code ec;
    bhttp::read_header(wire, buffer, parser, ec);
    fabrique::http::Request request;
    if (!ec) {
      if (fabrique::http::framing_status(parser) != 0) return 0;                     // 400 and close
      if (!fabrique::http::fill_head(parser.get(), "192.0.2.1", request)) return 0;  // 400 and close
    }
    const std::size_t limit = fabrique::http::body_limit(admission, limits);
    if (!ec && !parser.is_done()) ec = fabrique::http::limit_body(parser, limit);
    if (!ec && !parser.is_done()) bhttp::read(wire, buffer, parser, ec);
    if (ec) {
      unsigned status = fabrique::http::status_for_read_error(ec);
      check(status == 0 || status == 400 || status == 413 || status == 431,
            "a failed read is 400, 413, 431 or silence");
      return 0;
    }
    auto& msg = parser.get();
    check(msg.body().size() <= limit, "a body never exceeds the limit of its admission");
    check(!request.path.empty() && request.path.front() == '/', "an accepted path is absolute");
    check(request.path.find('\0') == std::string::npos, "an accepted path holds no NUL");
    for (const auto& [name, value] : request.headers) {
      check(!name.empty(), "header names are not empty");
      for (char c : name) check(!(c >= 'A' && c <= 'Z'), "header names are lower-cased");
    }
    if (!msg.keep_alive()) return 0;
  }
}
