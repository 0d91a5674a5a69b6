// A small blocking HTTP/1.1 client for integration tests: raw bytes for malformed input, or Beast requests.
//
// Every operation has a timeout, so a server bug fails a test instead of hanging it.
#pragma once
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fabrique::test {

inline constexpr std::chrono::milliseconds kClientTimeout{5000};

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased; repeated headers (Set-Cookie) kept
  std::string body;

  // The first value of that header (name in any case), or "".
  std::string header(std::string_view name) const {
    auto it = headers.find(lower(name));
    return it == headers.end() ? std::string() : it->second;
  }
  bool has_header(std::string_view name) const { return headers.count(lower(name)) > 0; }
  // Every value of that header, in order (several Set-Cookie…).
  std::vector<std::string> header_values(std::string_view name) const {
    std::vector<std::string> values;
    auto [from, to] = headers.equal_range(lower(name));
    for (auto it = from; it != to; ++it) values.push_back(it->second);
    return values;
  }

  static std::string lower(std::string_view s) {
    std::string out(s);
    for (char& ch : out) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return out;
  }
};

namespace detail {

template <class Message>
HttpResponse to_response(const Message& message) {
  HttpResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    response.headers.emplace(HttpResponse::lower(field.name_string()), std::string(field.value()));
  }
  response.body = message.body();
  return response;
}

}  // namespace detail

// Parses one raw response (as returned by send()); throws std::runtime_error if it is not one.
inline HttpResponse parse_response(std::string_view raw, bool head = false) {
  namespace http = boost::beast::http;
  http::response_parser<http::string_body> parser;
  parser.eager(true);
  parser.skip(head);
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(raw.data(), raw.size()), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec) throw std::runtime_error("not an HTTP response (" + ec.message() + "): " + std::string(raw.substr(0, 200)));
  return detail::to_response(parser.get());
}

// One client connection to 127.0.0.1:port; requests on it reuse the connection (keep-alive).
// `from` picks the client's own address (another loopback address such as 127.0.0.2 is another client).
class HttpConnection {
 public:
  explicit HttpConnection(unsigned short port, std::chrono::milliseconds timeout = kClientTimeout,
                          std::string_view from = {})
      : stream_(ioc_), timeout_(timeout) {
    boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::make_address("127.0.0.1"), port);
    if (!from.empty()) {
      stream_.socket().open(endpoint.protocol());
      stream_.socket().bind(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address(std::string(from)), 0));
    }
    auto ec = run([&](auto handler) { stream_.async_connect(endpoint, handler); }, timeout_);
    if (ec) throw std::runtime_error("connect to port " + std::to_string(port) + ": " + ec.message());
  }

  // Sends one request and reads its response. Adds Host, and Content-Length when there is a body
  // or the method is POST.
  HttpResponse request(std::string_view method, std::string_view target, const Headers& headers = {},
                       std::string body = {}) {
    namespace http = boost::beast::http;
    http::request<http::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) {
      if (HttpResponse::lower(name) == "host") {
        req.set(http::field::host, value);
      } else {
        req.insert(name, value);
      }
    }
    const bool has_body = !body.empty() || method == "POST";
    req.body() = std::move(body);
    if (has_body) req.prepare_payload();
    auto ec = run([&](auto handler) { http::async_write(stream_, req, handler); }, timeout_);
    if (ec) throw std::runtime_error("write request: " + ec.message());

    http::response_parser<http::string_body> parser;
    parser.skip(method == "HEAD");  // a HEAD response has Content-Length but no body
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    ec = run([&](auto handler) { http::async_read(stream_, buffer_, parser, handler); }, timeout_);
    if (ec) throw std::runtime_error("read response: " + ec.message());
    return detail::to_response(parser.get());
  }

  // Writes raw bytes.
  void write(std::string_view bytes) {
    auto ec = run(
        [&](auto handler) {
          boost::asio::async_write(stream_, boost::asio::buffer(bytes.data(), bytes.size()), handler);
        },
        timeout_);
    if (ec) throw std::runtime_error("write: " + ec.message());
  }

  // Waits for some bytes and returns them ("" if the server closed the connection).
  std::string read_some() {
    std::string out = take_buffered();
    if (!out.empty()) return out;
    char chunk[4096];
    std::size_t got = 0;
    auto ec = run(
        [&](auto handler) {
          stream_.async_read_some(boost::asio::buffer(chunk), [&got, handler](auto error, std::size_t n) {
            got = n;
            handler(error);
          });
        },
        timeout_);
    if (ec && ec != boost::asio::error::eof && ec != boost::asio::error::connection_reset) {
      throw std::runtime_error("read: " + ec.message());
    }
    return std::string(chunk, got);
  }

  // Reads everything until the server closes the connection. Throws if it does not within the timeout.
  std::string read_until_closed() {
    std::string out = take_buffered();
    for (;;) {
      std::string more = read_some();
      if (more.empty()) return out;
      out += more;
    }
  }

  // Closes the connection at once, as a client that gives up on a download does: what was received
  // and not read is dropped, so the server's end is reset.
  void close() {
    boost::beast::error_code ignored;
    stream_.socket().close(ignored);
  }

  // True if the server closes the connection within `within` (data it sends meanwhile is dropped).
  bool wait_closed(std::chrono::milliseconds within) {
    buffer_.consume(buffer_.size());
    const auto deadline = std::chrono::steady_clock::now() + within;
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      char chunk[4096];
      auto ec = run([&](auto handler) { stream_.async_read_some(boost::asio::buffer(chunk), handler); }, left);
      if (ec == boost::beast::error::timeout) return false;
      if (ec) return true;  // eof or reset: closed by the server
    }
  }

 private:
  // Runs one asynchronous operation to completion; the stream's timer bounds it.
  template <class Start>
  boost::beast::error_code run(Start start, std::chrono::milliseconds timeout) {
    boost::beast::error_code result;
    stream_.expires_after(timeout);
    start([&result](boost::beast::error_code ec, auto&&...) { result = ec; });
    ioc_.restart();
    ioc_.run();
    return result;
  }

  std::string take_buffered() {
    std::string out = boost::beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    return out;
  }

  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::chrono::milliseconds timeout_;
};

// Sends raw bytes on a fresh connection and returns everything the server answers until it closes.
inline std::string send(unsigned short port, std::string_view raw) {
  HttpConnection connection(port);
  connection.write(raw);
  return connection.read_until_closed();
}

// One request on a fresh connection.
inline HttpResponse request(unsigned short port, std::string_view method, std::string_view target,
                            const Headers& headers = {}, std::string body = {}) {
  HttpConnection connection(port);
  return connection.request(method, target, headers, std::move(body));
}

}  // namespace fabrique::test
