// The HTTP/1.1 server: accept loop, one coroutine per connection, limits, timeouts, headers, compression and shutdown.
#include "http/server.hpp"

#include <sys/sendfile.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <climits>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/log.hpp"
#include "http/compress.hpp"
#include "http/framing.hpp"
#include "http/open_data.hpp"
#include "http/spool.hpp"

namespace fabrique::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
// A response's body held by a shared pointer: a page from the page cache is sent from the cache's
// own bytes, where a string body would copy them (a page's size, under the cache's lock) per request.
// A Beast body type (https://www.boost.org/libs/beast, "Body type" concept), as string_body but shared.
struct SharedBody {
  using value_type = std::shared_ptr<const std::string>;
  static std::uint64_t size(const value_type& body) { return body ? body->size() : 0; }
  class writer {
   public:
    using const_buffers_type = asio::const_buffer;
    template <bool isRequest, class Fields>
    writer(const bhttp::header<isRequest, Fields>&, const value_type& body) : body_(body) {}
    void init(beast::error_code& ec) { ec = {}; }
    boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code& ec) {
      ec = {};
      if (!body_ || body_->empty()) return boost::none;
      return {{const_buffers_type(body_->data(), body_->size()), false}};
    }

   private:
    const value_type& body_;
  };
};
using BeastResponse = bhttp::response<SharedBody>;

// Completion token that reports errors as values: a client hanging up is routine, not an exception.
constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);

constexpr std::size_t kReadChunk = 4096;
// After an error response we read (and drop) what the client still sends for a moment before
// closing: closing with unread data makes the kernel send RST, which can destroy our response.
constexpr std::chrono::seconds kLingerTime{1};
constexpr std::size_t kLingerMaxBytes = 256 * 1024;
// Connections refused with 503 are cheap but not free: past this many at once, just close.
constexpr std::size_t kMaxRefusing = 64;
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"Content-Security-Policy",
     "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; "
     "frame-ancestors 'none'; base-uri 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "same-origin"},
    {"X-Frame-Options", "DENY"},
};

// What reading a request's body came to: read, or refused with `status` (0: the client went away).
struct BodyOutcome {
  unsigned status = 0;
  bool read = false;
  Response response;  // when refused with more than a status (503 with Retry-After)
};

// Holds `bytes` of a shared budget for as long as it lives; empty when the budget has no room.
class Reservation {
 public:
  Reservation(std::atomic<std::size_t>& used, std::size_t bytes, std::size_t budget) : used_(used), bytes_(bytes) {
    std::size_t current = used_.load();
    do {
      if (bytes > budget || current > budget - bytes) {
        bytes_ = 0;
        held_ = false;
        return;
      }
    } while (!used_.compare_exchange_weak(current, current + bytes));
  }
  ~Reservation() { used_.fetch_sub(bytes_); }
  Reservation(const Reservation&) = delete;
  Reservation& operator=(const Reservation&) = delete;
  explicit operator bool() const { return held_; }

 private:
  std::atomic<std::size_t>& used_;
  std::size_t bytes_;
  bool held_ = true;
};

// Gives `body` a temporary file with no name, or false (logged) if none can be made.
bool open_spill_file(bhttp::file_body::value_type& body) {
  const int fd = unnamed_temporary_file();
  if (fd < 0) {
    log::error("cannot create a temporary file for a request body", {{"error", std::strerror(errno)}});
    return false;
  }
  beast::file file;
  file.native_handle(fd);
  beast::error_code ec;
  body.reset(std::move(file), ec);
  if (ec) log::error("cannot use a temporary file for a request body", {{"error", ec.message()}});
  return !ec;
}

// Reads the whole temporary file back into `out`: the handler gets the body as it gets any other.
bool read_spill_file(beast::file& file, std::string& out) {
  beast::error_code ec;
  const std::uint64_t size = file.size(ec);
  if (!ec) file.seek(0, ec);
  if (!ec) {
    out.resize(size);
    std::size_t done = 0;
    while (!ec && done < size) {
      const std::size_t n = file.read(out.data() + done, size - done, ec);
      if (n == 0) break;
      done += n;
    }
    if (done != size && !ec) ec = beast::errc::make_error_code(beast::errc::io_error);
  }
  if (ec) log::error("cannot read back a request body", {{"error", ec.message()}});
  return !ec;
}

// What a connection is doing, so that stop() knows which ones it may close at once.
enum class Phase { idle, reading, busy };

// One open connection; lives in its coroutine's frame and is registered with its io_context's slot.
struct Connection {
  beast::tcp_stream stream;
  Phase phase = Phase::idle;
  // Waiting for a request after at least one: the first to close when connections run short.
  bool kept_alive = false;
  Clock::time_point idle_since{};

  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  void close() { stream.close(); }
};

// One io_context with its thread's state. `connections` is only touched on that context's thread.
// It is declared before `ctx` so that it outlives the coroutine frames that ctx's destructor destroys.
struct Slot {
  std::unordered_set<Connection*> connections;
  asio::io_context ctx{1};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
};

// Registers a connection with its slot for the lifetime of the session.
class Registration {
 public:
  Registration(Slot& slot, Connection& connection) : slot_(slot), connection_(connection) {
    slot_.connections.insert(&connection_);
  }
  ~Registration() { slot_.connections.erase(&connection_); }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  Slot& slot_;
  Connection& connection_;
};

// Decrements a counter when the scope ends, however it ends.
// A pool of threads that runs some requests' handlers off the network threads, with a bound on the
// requests waiting or running there.
struct Offload {
  Offload(const char* n, std::size_t thread_count, std::size_t q)
      : name(n), queue(q), threads(std::make_unique<asio::thread_pool>(std::max<std::size_t>(thread_count, 1))) {}
  const char* name;  // the reason logged when it refuses
  std::size_t queue;
  std::atomic<std::size_t> pending{0};
  std::unique_ptr<asio::thread_pool> threads;
};

class CountGuard {
 public:
  explicit CountGuard(std::atomic<std::size_t>& count) : count_(count) {}
  ~CountGuard() { count_.fetch_sub(1); }
  CountGuard(const CountGuard&) = delete;
  CountGuard& operator=(const CountGuard&) = delete;

 private:
  std::atomic<std::size_t>& count_;
};

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

bool has_forbidden_chars(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

std::string_view path_of_target(std::string_view target) { return target.substr(0, target.find('?')); }

// Statuses whose responses carry no body and no Content-Length.
bool status_has_body(unsigned status) { return status >= 200 && status != 204 && status != 304; }

void add_vary_accept_encoding(BeastResponse& res) {
  auto it = res.find(bhttp::field::vary);
  if (it == res.end()) {
    res.set(bhttp::field::vary, "Accept-Encoding");
    return;
  }
  std::string current = to_lower(it->value());
  if (current.find("accept-encoding") == std::string::npos && current != "*") {
    res.set(bhttp::field::vary, std::string(it->value()) + ", Accept-Encoding");
  }
}

// What the client said about the copy it already holds (If-None-Match, If-Modified-Since).
struct Preconditions {
  std::string_view if_none_match;
  std::string_view if_modified_since;
};

// Turns the application's response into the wire message, adding what every response needs. A data
// document (open_data::is_data) gets a strong ETag of the bytes sent, so each encoding has its own,
// and becomes 304 Not Modified when `preconditions` say the client's copy is current.
BeastResponse make_response(Response response, unsigned version, bool keep_alive, std::string_view accept_encoding,
                            Preconditions preconditions = {}) {
  unsigned status = static_cast<unsigned>(response.status);
  if (response.status < 100 || response.status > 999) {
    log::error("handler returned an invalid status", {{"status", std::to_string(response.status)}});
    status = 500;
    response = Response::text(500, "Internal error");
  }
  BeastResponse res;
  res.version(version);
  res.result(status);
  for (auto& [name, value] : response.headers) {
    // A CR or LF in a header would let a value chosen by a user (a redirect target…) split the response.
    if (name.empty() || has_forbidden_chars(name) || has_forbidden_chars(value)) {
      log::error("dropped invalid response header", {{"name", name}});
      continue;
    }
    res.insert(name, value);
  }
  // The handler may override a security header (a page needing another policy); otherwise ours apply.
  for (const auto& [name, value] : kSecurityHeaders) {
    if (res.find(name) == res.end()) res.set(name, value);
  }
  res.set(bhttp::field::server, "fabrique");
  if (!response.content_type.empty()) res.set(bhttp::field::content_type, response.content_type);

  std::shared_ptr<const std::string> shared = std::move(response.shared_body);
  std::string body = std::move(response.body);
  if (shared && response.compressible) {  // to be compressed here: a body of its own
    body = *shared;
    shared.reset();
  }
  if (response.file && status_has_body(status)) {
    // Written to a file by the handler (http/spool.hpp), hashed and compressed on the way: the caller
    // sends the file after this header, which has its length.
    const BodyFile& file = *response.file;
    add_vary_accept_encoding(res);
    if (!file.content_encoding.empty()) res.set(bhttp::field::content_encoding, file.content_encoding);
    res.set(bhttp::field::etag, file.etag);
    res.keep_alive(keep_alive);
    if (status == 200 && open_data::not_modified(preconditions.if_none_match, preconditions.if_modified_since,
                                                 file.etag, res[bhttp::field::last_modified])) {
      res.result(304);
      res.erase(bhttp::field::content_encoding);
      res.erase(bhttp::field::content_type);
      return res;
    }
    res.content_length(file.size);
    return res;
  }
  if (!status_has_body(status)) {
    body.clear();
    shared.reset();
  } else if (!response.content_encoding.empty()) {
    // Precompressed by the application, which picked the variant from Accept-Encoding.
    res.set(bhttp::field::content_encoding, response.content_encoding);
    add_vary_accept_encoding(res);
  } else if (response.compressible) {
    add_vary_accept_encoding(res);
    if (body.size() >= kMinCompressBytes) {
      std::string_view encoding = choose_encoding(accept_encoding);
      std::string encoded;
      if (encoding == "br") {
        encoded = brotli(body, kDynamicBrotliQuality);
      } else if (encoding == "gzip") {
        encoded = gzip(body, kDynamicGzipLevel);
      }
      if (!encoding.empty() && encoded.size() < body.size()) {
        body = std::move(encoded);
        res.set(bhttp::field::content_encoding, encoding);
      }
    }
  }
  if (status == 200 && open_data::is_data(response.content_type)) {
    const std::string etag = !response.etag.empty() && !response.compressible
                                 ? response.etag
                                 : open_data::strong_etag(shared ? *shared : body);
    res.set(bhttp::field::etag, etag);
    if (open_data::not_modified(preconditions.if_none_match, preconditions.if_modified_since, etag,
                                res[bhttp::field::last_modified])) {
      status = 304;
      res.result(status);
      res.erase(bhttp::field::content_encoding);
      res.erase(bhttp::field::content_type);
      body.clear();
      shared.reset();
    }
  }
  if (!shared && !body.empty()) shared = std::make_shared<const std::string>(std::move(body));
  if (status_has_body(status)) res.content_length(SharedBody::size(shared));
  res.body() = std::move(shared);
  res.keep_alive(keep_alive);
  return res;
}

std::string to_text(Clock::duration d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
}

void log_request(std::string_view method, std::string_view path, unsigned status, std::size_t bytes,
                 Clock::time_point started, std::string_view client) {
  log::info("request", {{"method", method},
                        {"path", path},
                        {"status", std::to_string(status)},
                        {"bytes", std::to_string(bytes)},
                        {"duration_us", to_text(Clock::now() - started)},
                        {"client", client}});
}

// Half-closes, drains what the client is still sending for a moment, then closes (see kLingerTime).
asio::awaitable<void> linger_close(beast::tcp_stream& stream) {
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(kLingerTime);
  std::array<char, kReadChunk> sink;
  std::size_t drained = 0;
  while (drained < kLingerMaxBytes) {
    auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(sink), kUseTuple);
    if (read_ec) break;
    drained += n;
  }
  stream.close();
}

std::string_view parse_error_text(unsigned status) {
  switch (status) {
    case 413:
      return "Payload too large";
    case 431:
      return "Request header fields too large";
    case 503:
      return "Service unavailable";
    default:
      return "Bad request";
  }
}

Response error_response(unsigned status) {
  Response response = Response::text(static_cast<int>(status), std::string(parse_error_text(status)));
  response.compressible = false;
  return response;
}

std::runtime_error listen_error(const std::string& listen, std::string_view why) {
  return std::runtime_error("cannot listen on " + listen + ": " + std::string(why));
}

// Splits "host:port" or "[v6]:port".
std::pair<std::string, unsigned short> split_listen(const std::string& listen) {
  std::string host;
  std::string_view port_text;
  if (!listen.empty() && listen.front() == '[') {
    auto close = listen.find("]:");
    if (close == std::string::npos) throw listen_error(listen, "expected [address]:port");
    host = listen.substr(1, close - 1);
    port_text = std::string_view(listen).substr(close + 2);
  } else {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw listen_error(listen, "expected host:port");
    host = listen.substr(0, colon);
    port_text = std::string_view(listen).substr(colon + 1);
  }
  unsigned port = 0;
  auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty() || port_text.empty() || ec != std::errc{} || ptr != port_text.data() + port_text.size() ||
      port > 65535) {
    throw listen_error(listen, "expected host:port with a port from 0 to 65535");
  }
  return {host, static_cast<unsigned short>(port)};
}

}  // namespace

struct Server::Impl {
  Handler& handler;
  std::string listen;
  ServerLimits limits;

  std::atomic<std::size_t> open_connections{0};
  std::atomic<std::size_t> refusing{0};
  std::atomic<std::size_t> kept_alive{0};       // connections idle between two requests
  std::atomic<std::size_t> receiving_bytes{0};  // bodies being read, all connections (Reservation)
  std::atomic<bool> stopping{false};
  unsigned short bound_port = 0;

  std::mutex addresses_mutex;                                // guards per_address
  std::unordered_map<std::string, std::size_t> per_address;  // open connections by client address

  std::mutex mutex;  // guards stop_requested and running_threads
  std::condition_variable changed;
  bool stop_requested = false;
  std::size_t running_threads = 0;

  // Declared before the I/O objects below, which must be destroyed before their io_context.
  std::vector<std::unique_ptr<Slot>> slots;
  std::size_t next_slot = 0;  // touched by the accept loop only
  std::optional<tcp::acceptor> acceptor;
  // Signals get their own context and thread: a handler busy on context 0 must not delay a SIGTERM.
  asio::io_context signal_ctx{1};
  std::optional<asio::signal_set> signals;
  // Declared last: destroyed first, they wait for the requests they run, which may still use slots.
  Offload slow;    // password hashing
  Offload writes;  // writes that may wait on the database's lock

  Impl(Handler& h, std::string l, int threads, ServerLimits lim)
      : handler(h),
        listen(std::move(l)),
        limits(std::move(lim)),
        slow("slow_queue", limits.slow_threads, limits.slow_queue),
        writes("write_queue", limits.write_threads, limits.write_queue) {
    std::size_t count = threads > 0 ? static_cast<std::size_t>(threads) : std::thread::hardware_concurrency();
    count = std::max<std::size_t>(count, 1);
    for (std::size_t i = 0; i < count; ++i) slots.push_back(std::make_unique<Slot>());
  }

  void request_stop() {
    {
      std::lock_guard lock(mutex);
      stop_requested = true;
    }
    changed.notify_all();
  }

  // Logs an exception that escaped a coroutine; none should, this is the last line of defence.
  static auto report(std::string_view what) {
    return [what](std::exception_ptr error) {
      if (!error) return;
      try {
        std::rethrow_exception(error);
      } catch (const std::exception& e) {
        log::error("coroutine failed", {{"coroutine", what}, {"error", e.what()}});
      } catch (...) {
        log::error("coroutine failed", {{"coroutine", what}, {"error", "unknown exception"}});
      }
    };
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      Slot& slot = *slots[next_slot];
      next_slot = (next_slot + 1) % slots.size();
      auto [ec, socket] = co_await acceptor->async_accept(slot.ctx, kUseTuple);
      if (stopping || !acceptor->is_open()) co_return;
      if (ec) {
        if (ec == asio::error::operation_aborted) co_return;
        // Out of descriptors and the like: pause rather than spin.
        log::error("accept failed", {{"error", ec.message()}});
        asio::steady_timer timer(co_await asio::this_coro::executor, kAcceptRetryDelay);
        co_await timer.async_wait(kUseTuple);
        continue;
      }
      beast::error_code remote_ec;
      auto remote = socket.remote_endpoint(remote_ec);
      if (remote_ec) continue;  // already gone
      std::string address = remote.address().to_string();
      // Near the cap, an idle keep-alive connection makes room: a new visitor matters more.
      const std::size_t open = open_connections.fetch_add(1);
      const bool near_cap = open + limits.max_connections / 8 >= limits.max_connections;
      if (near_cap && kept_alive.load() > 0) close_one_idle(next_slot, slots.size());
      const char* refusal = nullptr;
      if (open >= limits.max_connections && kept_alive.load() == 0) {
        refusal = "max_connections";
      } else if (!take_address(address)) {
        refusal = "max_connections_per_address";
      }
      if (refusal != nullptr) {
        open_connections.fetch_sub(1);
        if (refusing.fetch_add(1) >= kMaxRefusing) {
          refusing.fetch_sub(1);
          beast::error_code ignored;
          socket.close(ignored);
          continue;
        }
        asio::co_spawn(slot.ctx, refuse(std::move(socket), address, refusal), report("refuse"));
        continue;
      }
      // A body sent from a file goes out after its header in pieces, as the socket takes them: with
      // Nagle's algorithm, each piece's last small segment waited for the client's delayed
      // acknowledgement (40 ms).
      beast::error_code nodelay_ec;
      socket.set_option(tcp::no_delay(true), nodelay_ec);
      asio::co_spawn(slot.ctx, session(slot, std::move(socket), std::move(address)), report("session"));
    }
  }

  // Counts one more connection from `address`; false when that address has its share already.
  // Trusted proxies are not counted: behind one, every client has its address.
  bool take_address(const std::string& address) {
    if (std::find(limits.uncapped_addresses.begin(), limits.uncapped_addresses.end(), address) !=
        limits.uncapped_addresses.end())
      return true;
    std::lock_guard lock(addresses_mutex);
    std::size_t& count = per_address[address];
    if (count >= limits.max_connections_per_address) {
      if (count == 0) per_address.erase(address);
      return false;
    }
    ++count;
    return true;
  }

  void release_address(const std::string& address) {
    std::lock_guard lock(addresses_mutex);
    auto it = per_address.find(address);
    if (it == per_address.end()) return;  // an uncapped address
    if (--it->second == 0) per_address.erase(it);
  }

  // Closes the connection idle the longest on slot `index`, or asks the next slot when it has none;
  // gives up once every slot has been asked.
  void close_one_idle(std::size_t index, std::size_t slots_left) {
    if (slots_left == 0) return;
    Slot& slot = *slots[index % slots.size()];
    asio::post(slot.ctx, [this, &slot, index, slots_left] {
      Connection* oldest = nullptr;
      for (Connection* connection : slot.connections) {
        if (connection->phase == Phase::idle && connection->kept_alive &&
            (oldest == nullptr || connection->idle_since < oldest->idle_since))
          oldest = connection;
      }
      if (oldest != nullptr) {
        oldest->close();
        return;
      }
      close_one_idle(index + 1, slots_left - 1);
    });
  }

  // Answers 503 to a connection over a cap, without reading its request.
  asio::awaitable<void> refuse(tcp::socket socket, std::string client, const char* reason) {
    CountGuard guard(refusing);
    try {
      log::info("connection refused", {{"reason", reason}, {"client", client}});
      beast::tcp_stream stream(std::move(socket));
      BeastResponse res = make_response(Response::retry_later(), 11, false, "");
      stream.expires_after(limits.write_timeout);
      auto [write_ec, n] = co_await bhttp::async_write(stream, res, kUseTuple);
      if (!write_ec) co_await linger_close(stream);
    } catch (const std::exception& e) {
      log::error("refusing a connection failed", {{"error", e.what()}});
    }
  }

  asio::awaitable<void> session(Slot& slot, tcp::socket socket, std::string address) {
    CountGuard guard(open_connections);
    struct AddressGuard {
      Impl& impl;
      const std::string& address;
      ~AddressGuard() { impl.release_address(address); }
    } address_guard{*this, address};
    try {
      co_await serve(slot, std::move(socket));
    } catch (const std::exception& e) {
      log::error("connection failed", {{"error", e.what()}});
    } catch (...) {
      log::error("connection failed", {{"error", "unknown exception"}});
    }
  }

  Response call_handler(Request& request) {
    try {
      return handler.handle(request);
    } catch (const std::exception& e) {
      log::error("request failed", {{"method", request.method_name}, {"path", request.path}, {"error", e.what()}});
    } catch (...) {
      log::error("request failed",
                 {{"method", request.method_name}, {"path", request.path}, {"error", "unknown exception"}});
    }
    return Response::text(500, "Internal error");
  }

  // Answers a request that will not be read with `response`, logs it, and closes the connection.
  // The response is the caller's: GCC 12 destroys a coroutine's by-value class arguments made of
  // temporaries (or defaults) twice.
  asio::awaitable<void> refuse_request(beast::tcp_stream& stream, const Response& response, std::string_view method,
                                       std::string_view path, Clock::time_point started, const std::string& client) {
    const auto status = static_cast<unsigned>(response.status);
    BeastResponse res = make_response(response, 11, false, "");
    stream.expires_after(limits.write_timeout);
    auto [write_ec, n] = co_await bhttp::async_write(stream, res, kUseTuple);
    log_request(method, path, status, write_ec ? 0 : SharedBody::size(res.body()), started, client);
    if (!write_ec) co_await linger_close(stream);
  }

  // Serves requests on one connection until it closes, times out, errs, or the server stops.
  asio::awaitable<void> serve(Slot& slot, tcp::socket socket) {
    beast::error_code ec;
    auto remote = socket.remote_endpoint(ec);
    if (ec) co_return;  // already gone
    const std::string client = remote.address().to_string();
    Connection connection(std::move(socket));
    Registration registration(slot, connection);
    if (stopping) co_return;  // accepted while stop() was closing idle connections
    beast::tcp_stream& stream = connection.stream;
    beast::flat_buffer buffer;

    // The first request must arrive whole within read_timeout of the accept; later ones get
    // idle_timeout to start and read_timeout from their first byte.
    stream.expires_after(limits.read_timeout);
    for (bool first = true;; first = false) {
      connection.phase = Phase::idle;
      if (buffer.size() == 0) {
        if (!first) stream.expires_after(limits.idle_timeout);
        connection.kept_alive = !first;
        connection.idle_since = Clock::now();
        if (connection.kept_alive) kept_alive.fetch_add(1);
        auto [read_ec, n] = co_await stream.async_read_some(buffer.prepare(kReadChunk), kUseTuple);
        if (connection.kept_alive) kept_alive.fetch_sub(1);
        connection.kept_alive = false;
        if (read_ec) co_return;  // hang-up, idle timeout, stop() or room made for a new connection
        buffer.commit(n);
      }
      connection.phase = Phase::reading;
      const auto started = Clock::now();
      if (!first) stream.expires_after(limits.read_timeout);

      // The whole header is read before Beast parses it, so that its limit is on the total and
      // folded lines are refused before anything reads them.
      std::optional<unsigned> refused;
      while (!(refused = head_status({static_cast<const char*>(buffer.data().data()), buffer.size()}, limits))) {
        auto [more_ec, more_n] = co_await stream.async_read_some(buffer.prepare(kReadChunk), kUseTuple);
        if (more_ec) co_return;  // hang-up or read timeout
        buffer.commit(more_n);
      }
      if (*refused != 0) {
        connection.phase = Phase::busy;
        const Response refusal = error_response(*refused);
        co_await refuse_request(stream, refusal, "", "", started, client);
        co_return;
      }

      RequestParser parser;
      limit_request(parser, limits);
      auto [header_ec, header_n] = co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
      connection.phase = Phase::busy;
      if (header_ec) {
        const unsigned status = status_for_read_error(header_ec);
        const auto& partial = parser.get();
        if (status != 0) {
          const Response refusal = error_response(status);
          co_await refuse_request(stream, refusal, partial.method_string(), path_of_target(partial.target()), started,
                                  client);
        }
        co_return;
      }
      const auto& header = parser.get();
      Request request;
      if (unsigned status = framing_status(parser); status != 0 || !fill_head(header, client, request)) {
        const Response refusal = error_response(status != 0 ? status : 400);
        co_await refuse_request(stream, refusal, header.method_string(), path_of_target(header.target()), started,
                                client);
        co_return;
      }
      const bool keep_alive_asked = header.keep_alive();
      const unsigned version = header.version();
      const Admission admission = admit(request);
      if (!parser.is_done()) {
        connection.phase = Phase::reading;
        BodyOutcome body = co_await read_body(stream, buffer, parser, admission, request);
        connection.phase = Phase::busy;
        if (body.status != 0) {
          const Response refusal = body.response.body.empty() ? error_response(body.status) : body.response;
          co_await refuse_request(stream, refusal, request.method_name, request.path, started, client);
        }
        if (!body.read) co_return;
      }

      Response response;
      if (admission.slow) {
        response = co_await call_offloaded(slow, request);
      } else if (admission.writes) {
        response = co_await call_offloaded(writes, request);
      } else {
        response = call_handler(request);
      }
      // Checked after the handler: a stop() that came meanwhile makes this the connection's last response.
      const bool keep_alive = keep_alive_asked && !stopping && response.status != 503;
      const bool head = request.method == Method::head;
      // Only reads are conditional: a POST always runs.
      const Preconditions preconditions =
          head || request.method == Method::get
              ? Preconditions{request.header("if-none-match"), request.header("if-modified-since")}
              : Preconditions{};
      const std::shared_ptr<const BodyFile> file = response.file;
      BeastResponse res =
          make_response(std::move(response), version, keep_alive, request.header("accept-encoding"), preconditions);
      const unsigned status = res.result_int();
      const bool from_file = file && status_has_body(status);
      stream.expires_after(limits.write_timeout);
      beast::error_code write_ec;
      if (head || from_file) {
        // Content-Length is that of the GET (or of the file that follows); the header goes out alone.
        bhttp::response_serializer<SharedBody> serializer(res);
        auto [head_ec, n] = co_await bhttp::async_write_header(stream, serializer, kUseTuple);
        write_ec = head_ec;
        if (!write_ec && !head && from_file) write_ec = co_await send_file(stream, *file);
      } else {
        auto [body_ec, n] = co_await bhttp::async_write(stream, res, kUseTuple);
        write_ec = body_ec;
      }
      const std::size_t sent = write_ec || head ? 0 : from_file ? file->size : SharedBody::size(res.body());
      log_request(request.method_name, request.path, status, sent, started, client);
      if (write_ec) co_return;
      if (!keep_alive) {
        stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        co_return;
      }
      if (stopping) co_return;
    }
  }

  // Sends a body written to a file (http/spool.hpp) after its header with sendfile(2): the kernel
  // copies from the file's pages to the socket, no read into a buffer of ours and write back (a 35 MB
  // export took 32 ms of CPU that way). Each wait for room in the socket has the write timeout.
  asio::awaitable<beast::error_code> send_file(beast::tcp_stream& stream, const BodyFile& file) {
    using namespace asio::experimental::awaitable_operators;
    tcp::socket& socket = stream.socket();
    beast::error_code ec;
    socket.native_non_blocking(true, ec);
    if (ec) co_return ec;
    asio::steady_timer deadline(socket.get_executor());
    off_t offset = 0;
    const auto size = static_cast<off_t>(file.size);
    while (offset < size) {
      const ssize_t n = ::sendfile(socket.native_handle(), file.fd, &offset, static_cast<std::size_t>(size - offset));
      if (n > 0) continue;
      if (n == 0) {
        log::error("cannot read a response's file", {{"error", "short file"}});
        co_return beast::errc::make_error_code(beast::errc::io_error);
      }
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) co_return beast::error_code(errno, beast::system_category());
      deadline.expires_after(limits.write_timeout);
      auto waited = co_await (socket.async_wait(tcp::socket::wait_write, kUseTuple) || deadline.async_wait(kUseTuple));
      if (waited.index() == 1) co_return beast::error::timeout;
      if (auto [wait_ec] = std::get<0>(waited); wait_ec) co_return wait_ec;
    }
    co_return beast::error_code{};
  }

  // The handler's admission of a request, from its header; the smallest one if it throws.
  Admission admit(const Request& head) {
    try {
      return handler.admit(head);
    } catch (const std::exception& e) {
      log::error("admission failed", {{"path", head.path}, {"error", e.what()}});
    }
    return {};
  }

  // Reads the body of the request whose header `parser` holds into request.body, within the limits
  // of its admission.
  asio::awaitable<BodyOutcome> read_body(beast::tcp_stream& stream, beast::flat_buffer& buffer, RequestParser& parser,
                                         const Admission& admission, Request& request) {
    const std::size_t limit = body_limit(admission, limits);
    if (limit_body(parser, limit)) co_return BodyOutcome{413, false, {}};
    const auto length = parser.content_length();
    // A chunked body counts for its limit until it is read: its length is not known before.
    Reservation reservation(receiving_bytes, length ? *length : limit, limits.max_receiving_bytes);
    if (!reservation) {
      log::info("request refused", {{"reason", "max_receiving_bytes"}, {"path", request.path}});
      co_return BodyOutcome{503, false, Response::retry_later()};
    }
    // A file takes the time a slow connection needs for it; anything else must come in read_timeout.
    if (admission.takes_files) stream.expires_after(limits.upload_timeout);
    const auto& header = parser.get();
    // Clients that ask first (curl for large uploads) would otherwise wait a second before sending.
    if (header.version() >= 11 && beast::iequals(header[bhttp::field::expect], "100-continue")) {
      auto [continue_ec, continue_n] = co_await asio::async_write(stream, asio::buffer(kContinue), kUseTuple);
      if (continue_ec) co_return BodyOutcome{0, false, {}};
    }
    beast::error_code read_ec;
    if (length && *length <= limits.spill_bytes) {
      auto [body_ec, body_n] = co_await bhttp::async_read(stream, buffer, parser, kUseTuple);
      read_ec = body_ec;
      if (!read_ec) request.body = std::move(parser.get().body());
    } else {
      // Larger bodies are written to a temporary file as they arrive: many slow uploads at once
      // must not hold their bytes in memory. The file has no name: it goes when it is closed.
      bhttp::request_parser<bhttp::file_body> spill(std::move(parser));
      spill.body_limit(limit);
      if (!open_spill_file(spill.get().body())) co_return BodyOutcome{503, false, Response::retry_later()};
      auto [body_ec, body_n] = co_await bhttp::async_read(stream, buffer, spill, kUseTuple);
      read_ec = body_ec;
      if (!read_ec && !read_spill_file(spill.get().body().file(), request.body))
        co_return BodyOutcome{503, false, Response::retry_later()};
    }
    if (read_ec) co_return BodyOutcome{status_for_read_error(read_ec), false, {}};
    co_return BodyOutcome{0, true, {}};
  }

  // Runs the handler on `pool`, off the network threads, or answers 503 when its queue is full.
  asio::awaitable<Response> call_offloaded(Offload& pool, Request& request) {
    if (pool.pending.fetch_add(1) >= pool.queue) {
      pool.pending.fetch_sub(1);
      log::info("request refused", {{"reason", pool.name}, {"path", request.path}});
      co_return Response::retry_later();
    }
    CountGuard guard(pool.pending);
    co_return co_await asio::co_spawn(
        pool.threads->get_executor(),
        [this, &request]() -> asio::awaitable<Response> { co_return call_handler(request); }, asio::use_awaitable);
  }

  // Runs a context until it runs out of work; nothing should throw out of it, but if something
  // does, the thread logs it and carries on rather than taking the process down.
  static void run_context(asio::io_context& ctx) {
    for (;;) {
      try {
        ctx.run();
        return;
      } catch (const std::exception& e) {
        log::error("io thread failed", {{"error", e.what()}});
      } catch (...) {
        log::error("io thread failed", {{"error", "unknown exception"}});
      }
    }
  }

  void run_slot(Slot& slot) {
    run_context(slot.ctx);
    {
      std::lock_guard lock(mutex);
      --running_threads;
    }
    changed.notify_all();
  }

  // Stops accepting and closes idle connections; busy ones finish and close after their response.
  void begin_shutdown() {
    stopping = true;
    asio::post(slots.front()->ctx, [this] {
      beast::error_code ignored;
      if (acceptor) acceptor->close(ignored);
    });
    // Stopped by stop() rather than a signal: release the signals so that the signal thread ends.
    asio::post(signal_ctx, [this] {
      beast::error_code ignored;
      if (signals) signals->clear(ignored);
      if (signals) signals->cancel(ignored);
    });
    for (auto& slot : slots) {
      asio::post(slot->ctx, [s = slot.get()] {
        for (Connection* connection : s->connections) {
          if (connection->phase == Phase::idle) connection->close();
        }
      });
    }
    for (auto& slot : slots) slot->work.reset();
  }

  void run(bool handle_signals) {
    if (!acceptor) throw std::logic_error("Server::run() called before bind()");
    asio::io_context& main_ctx = slots.front()->ctx;
    for (auto& slot : slots) slot->work.emplace(slot->ctx.get_executor());
    asio::co_spawn(main_ctx, accept_loop(), report("accept loop"));
    std::thread signal_thread;
    if (handle_signals) {
      signals.emplace(signal_ctx, SIGINT, SIGTERM);
      signals->async_wait([this](const beast::error_code& ec, int signal) {
        if (ec) return;
        // Back to the default action: a second SIGTERM/SIGINT during the grace period ends the process.
        beast::error_code ignored;
        signals->clear(ignored);
        log::info("stopping", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
        request_stop();
      });
      signal_thread = std::thread([this] { run_context(signal_ctx); });
    }
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(mutex);
      running_threads = slots.size();
    }
    for (auto& slot : slots) threads.emplace_back([this, s = slot.get()] { run_slot(*s); });

    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [this] { return stop_requested || running_threads == 0; });
    }
    begin_shutdown();
    bool finished = false;
    {
      std::unique_lock lock(mutex);
      finished = changed.wait_for(lock, limits.shutdown_grace, [this] { return running_threads == 0; });
    }
    if (!finished) {
      log::error("shutdown grace period over, dropping requests still in flight");
      for (auto& slot : slots) slot->ctx.stop();
    }
    for (auto& thread : threads) thread.join();
    if (signal_thread.joinable()) signal_thread.join();
    signals.reset();
  }
};

Server::Server(Handler& handler, std::string listen, int threads, ServerLimits limits)
    : impl_(std::make_unique<Impl>(handler, std::move(listen), threads, limits)) {
  // A write to a socket whose client hung up raises SIGPIPE, whose default action ends the process.
  // Asio's own writes pass MSG_NOSIGNAL; sendfile(2) (send_file) has no such flag, so the signal is
  // ignored for the whole process, as servers do: the write then fails with EPIPE, and only that
  // connection ends.
  std::signal(SIGPIPE, SIG_IGN);
}

Server::~Server() = default;

void Server::bind() {
  Impl& s = *impl_;
  auto [host, port] = split_listen(s.listen);
  asio::io_context& ctx = s.slots.front()->ctx;
  beast::error_code ec;
  tcp::endpoint endpoint;
  auto address = asio::ip::make_address(host, ec);
  if (!ec) {
    endpoint = tcp::endpoint(address, port);
  } else {
    // A host name ("localhost"): take its first address.
    tcp::resolver resolver(ctx);
    auto results = resolver.resolve(host, std::to_string(port), ec);
    if (ec || results.empty()) throw listen_error(s.listen, ec ? ec.message() : "host not found");
    endpoint = results.begin()->endpoint();
  }
  tcp::acceptor acceptor(ctx);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw listen_error(s.listen, ec.message());
  auto local = acceptor.local_endpoint(ec);
  if (ec) throw listen_error(s.listen, ec.message());
  s.bound_port = local.port();
  s.acceptor.emplace(std::move(acceptor));
}

unsigned short Server::port() const { return impl_->bound_port; }

void Server::run(bool handle_signals) { impl_->run(handle_signals); }

void Server::stop() { impl_->request_stop(); }

}  // namespace fabrique::http
