// The HTTP/1.1 server: Boost.Beast over Asio with C++20 coroutines, one io_context per core.
//
// It owns sockets, parsing, limits, timeouts, compression, security headers and the access log;
// everything else is the Handler's.
#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace fabrique::http {

struct ServerLimits {
  std::size_t max_header_bytes = 16 * 1024;            // larger → 431
  std::size_t max_body_bytes = 1024 * 1024;            // larger → 413
  std::size_t max_upload_bytes = 21 * 1000 * 1000;     // the same for a file sent by a signed-in person (Admission)
  std::chrono::seconds upload_timeout{300};            // such a request must arrive within this
  std::size_t spill_bytes = 256 * 1024;                // larger bodies go to a temporary file while they arrive
  std::size_t max_receiving_bytes = 64 * 1024 * 1024;  // bodies being received at once, all connections (else 503)
  std::chrono::seconds read_timeout{10};               // whole request (headers and body) must arrive within this
  std::chrono::seconds idle_timeout{30};               // keep-alive connection with no request
  std::size_t max_connections = 1024;                  // beyond this, new connections get 503 and are closed
  std::size_t max_connections_per_address = 64;        // the same from one client address
  std::vector<std::string> uncapped_addresses;         // trusted proxies: many clients behind one address
  std::size_t slow_threads = 2;                        // threads for slow-on-purpose requests (password hashing)
  std::size_t slow_queue = 64;                         // such requests waiting or running at most (else 503)
  std::size_t write_threads = 4;            // threads for writes (Admission::writes), which may wait on a lock
  std::size_t write_queue = 256;            // writes waiting or running at most (else 503)
  std::chrono::seconds shutdown_grace{10};  // in-flight requests finish within this on SIGTERM
  std::chrono::seconds write_timeout{10};   // a response must be written within this (client not reading)
};

class Server {
 public:
  // `listen` is "host:port"; port 0 picks a free port (see port()).
  Server(Handler& handler, std::string listen, int threads, ServerLimits limits);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket. Throws std::runtime_error with a readable message if it cannot.
  void bind();
  unsigned short port() const;

  // Serves until stop() or SIGTERM/SIGINT (when handle_signals is true). Blocks.
  void run(bool handle_signals);
  // Stops accepting, lets in-flight requests finish, then returns from run(). Thread-safe.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fabrique::http
