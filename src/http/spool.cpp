// Writing a response body to an unnamed temporary file (see spool.hpp).
#include "http/spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "http/compress.hpp"
#include "http/open_data.hpp"

namespace fabrique::http {
namespace {

std::runtime_error spool_error(const char* what) {
  return std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

int unnamed_temporary_file() {
  std::string path = (std::filesystem::temp_directory_path() / "fabrique-XXXXXX").string();
  const int fd = ::mkostemp(path.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(path.c_str());
  return fd;
}

std::string contents(const BodyFile& file) {
  std::string out(static_cast<std::size_t>(file.size), '\0');
  for (std::size_t done = 0; done < out.size();) {
    const ssize_t n = ::pread(file.fd, out.data() + done, out.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw spool_error("cannot read a response back from its temporary file");
    done += static_cast<std::size_t>(n);
  }
  return out;
}

struct Spool::Hash {
  open_data::EtagHasher hasher;
};

Spool::Spool(std::string_view accept_encoding) : file_(std::make_shared<BodyFile>()), hash_(std::make_unique<Hash>()) {
  file_->fd = unnamed_temporary_file();
  if (file_->fd < 0) throw spool_error("cannot create a temporary file for a response");
  gzip_ = encoding(accept_encoding) == "gzip";
  // Level 1, as for every body compressed on each request: it keeps most of the saving (compress.hpp).
  if (gzip_ && deflateInit2(&zs_, kDynamicGzipLevel, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: deflateInit2 failed");
  buffer_.reserve(kFlushBytes + kFlushBytes / 4);
}

std::string_view Spool::encoding(std::string_view accept_encoding) {
  return choose_encoding(accept_encoding, false) == "gzip" ? "gzip" : "";
}

Spool::~Spool() {
  if (gzip_) deflateEnd(&zs_);
}

void Spool::put(const unsigned char* bytes, std::size_t n) {
  hash_->hasher.update(bytes, n);
  while (n > 0) {
    const ssize_t w = ::write(file_->fd, bytes, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) throw spool_error("cannot write a response to its temporary file");
    bytes += w;
    n -= static_cast<std::size_t>(w);
    file_->size += static_cast<std::uint64_t>(w);
  }
}

void Spool::flush(bool last) {
  const auto* in = reinterpret_cast<const unsigned char*>(buffer_.data());
  if (!gzip_) {
    put(in, buffer_.size());
    buffer_.clear();
    return;
  }
  zs_.next_in = const_cast<unsigned char*>(in);
  zs_.avail_in = static_cast<uInt>(buffer_.size());
  deflated_.resize(64 * 1024);
  int rc = Z_OK;
  do {
    zs_.next_out = reinterpret_cast<unsigned char*>(deflated_.data());
    zs_.avail_out = static_cast<uInt>(deflated_.size());
    rc = deflate(&zs_, last ? Z_FINISH : Z_NO_FLUSH);
    if (rc == Z_STREAM_ERROR) throw std::runtime_error("gzip: deflate failed");
    put(reinterpret_cast<const unsigned char*>(deflated_.data()), deflated_.size() - zs_.avail_out);
  } while (zs_.avail_out == 0 || (last && rc != Z_STREAM_END));
  buffer_.clear();
}

void Spool::finish(Response& r) {
  flush(true);
  file_->etag = hash_->hasher.etag();
  if (gzip_) file_->content_encoding = "gzip";
  r.body.clear();
  r.file = std::move(file_);
}

}  // namespace fabrique::http
