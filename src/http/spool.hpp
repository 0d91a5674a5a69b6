// A response body too large to hold in memory (a whole register's export): the handler writes it in
// pieces, which go to an unnamed temporary file, compressed on the way when the client accepts gzip
// and hashed on the way for the strong ETag; the server then sends the file (Response::file).
//
// A 35 MB export built as one string cost 300 MB of heap at its peak (the rows, the JSON tree, the
// string grown by doubling) and most of its CPU in malloc and page faults (bench/RESULTS.md); written
// through a spool it costs the rows of one batch and the spool's buffer.
#pragma once
#include <zlib.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace fabrique::http {

// A file open for reading and writing that has no name left (deleted once open): it goes when its
// descriptor is closed, even if the process dies. -1 (errno set) when none can be made.
int unnamed_temporary_file();

// The bytes of `file`, read back whole (an archive or a test wants the body as a string). Throws
// std::runtime_error when the file cannot be read.
std::string contents(const BodyFile& file);

class Spool {
 public:
  // The buffer is written out (compressed, hashed) each time it holds this much.
  static constexpr std::size_t kFlushBytes = 256 * 1024;

  // `accept_encoding` is the request's: the body is gzipped when the client accepts gzip. Throws
  // std::runtime_error when no temporary file can be made.
  explicit Spool(std::string_view accept_encoding);
  // The encoding a spool writes for a request that sent `accept_encoding`: "gzip" or "" (identity).
  static std::string_view encoding(std::string_view accept_encoding);
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  // Where the handler appends the document; call flush_if_full() after each item it appends.
  std::string& out() { return buffer_; }
  void write(std::string_view bytes) {
    buffer_ += bytes;
    flush_if_full();
  }
  void flush_if_full() {
    if (buffer_.size() >= kFlushBytes) flush(false);
  }

  // Ends the document and hands it to `r`: r.file set, r.body empty. Throws std::runtime_error when
  // the file cannot be written (disk full).
  void finish(Response& r);

 private:
  void flush(bool last);
  void put(const unsigned char* bytes, std::size_t n);  // to the file, hashed

  std::string buffer_;
  std::shared_ptr<BodyFile> file_;
  bool gzip_ = false;
  z_stream zs_{};
  std::string deflated_;
  struct Hash;
  std::unique_ptr<Hash> hash_;
};

}  // namespace fabrique::http
