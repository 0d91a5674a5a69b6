// The request and response the application sees: plain structs, independent of Boost.Beast.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fabrique::http {

enum class Method { get, head, post, other };

struct Request {
  Method method = Method::get;
  std::string method_name;                                   // as sent, for logs
  std::string target;                                        // path and query, as sent
  std::string path;                                          // percent-decoded path, without the query
  std::string query;                                         // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string client_address;

  // The first header with that (lower-case) name, or "".
  std::string_view header(std::string_view lower_name) const;
};

// A body written to a file instead of memory (http/spool.hpp): the server sends the file's bytes.
struct BodyFile {
  int fd = -1;                   // an unnamed temporary file, read with pread (shared by copies)
  std::uint64_t size = 0;        // its bytes, as sent
  std::string content_encoding;  // "gzip" when the bytes are compressed, else ""
  std::string etag;              // strong, of the bytes as sent
  BodyFile() = default;
  BodyFile(const BodyFile&) = delete;
  BodyFile& operator=(const BodyFile&) = delete;
  ~BodyFile();
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Location, Set-Cookie…)
  std::string body;
  // Instead of `body`: bytes kept elsewhere (the page cache), sent as they are, not copied.
  std::shared_ptr<const std::string> shared_body;
  // Compress on the fly when the client accepts it (HTML, JSON, CSV). Static assets are
  // served precompressed and set this to false.
  bool compressible = true;
  // Set for static assets: body already encoded with this Content-Encoding.
  std::string content_encoding;
  // Set instead of `body` for a document too large to hold in memory (see http/spool.hpp).
  std::shared_ptr<const BodyFile> file;
  // A data document's strong ETag, of `body` as sent, when it is already known (a kept page's, with
  // `compressible` false): the server then does not hash the body again.
  std::string etag;

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  // The body's bytes, wherever they are.
  std::string_view bytes() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
  static Response redirect(std::string location, int status = 303);
  static Response text(int status, std::string body);
  // 503 with the time to wait: the server is busy, not broken.
  static Response retry_later();
  static constexpr const char* kRetryAfterSeconds = "5";
};

// What the server must know of a request from its header alone, before it reads the body.
struct Admission {
  // A form with a file from a signed-in person: the larger body limit and the upload timeout.
  bool takes_files = false;
  // Slow on purpose (password hashing): handled on a small pool of its own, off the network threads,
  // so that pages keep their latency; refused with 503 when that pool's queue is full.
  bool slow = false;
  // A write, which may wait for the database's write lock (another writer, up to the busy timeout):
  // handled on the writers' pool, so that a locked database never stalls the pages being read.
  bool writes = false;
};

// The application: turns one request into one response. Must not throw for bad input;
// an exception that escapes is logged and answered with a plain 500.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual Response handle(Request& request) = 0;
  // Called with the request's header (no body yet). Must not throw; may be called on any thread.
  virtual Admission admit(const Request& /*head*/) { return {}; }
};

}  // namespace fabrique::http
