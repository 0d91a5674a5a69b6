// gzip/brotli encoding and decoding through zlib and libbrotli, and Accept-Encoding parsing.
#include "http/compress.hpp"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <stdexcept>

namespace fabrique::http {
namespace {

constexpr std::size_t kChunk = 16 * 1024;
// Decoders refuse to inflate beyond this: they serve tests, but must not be a memory bomb.
constexpr std::size_t kMaxDecoded = 256 * 1024 * 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

// q-value of one Accept-Encoding element's parameters ("q=0.5"); 1 when absent, 0 when unreadable
// (a client that garbles its preference should not get a coding it may not decode).
double quality_of(std::string_view params) {
  while (!params.empty()) {
    auto semi = params.find(';');
    std::string_view param = trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    auto eq = param.find('=');
    if (eq == std::string_view::npos || !iequals(trim(param.substr(0, eq)), "q")) continue;
    std::string_view value = trim(param.substr(eq + 1));
    double q = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
    if (ec != std::errc{} || ptr != value.data() + value.size() || q < 0) return 0;
    return std::min(q, 1.0);
  }
  return 1;
}

}  // namespace

std::string gzip(std::string_view data, int level) {
  z_stream zs{};
  if (deflateInit2(&zs, std::clamp(level, 1, 9), Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("gzip: deflateInit2 failed");
  }
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(std::min<std::size_t>(data.size(), ULONG_MAX))));
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  std::size_t in_left = data.size();
  std::size_t produced = 0;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    // zlib counts in uInt: feed and drain in pieces so that any size works.
    if (zs.avail_in == 0 && in_left > 0) {
      zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in_left, UINT_MAX));
      in_left -= zs.avail_in;
    }
    if (produced == out.size()) out.resize(out.size() + kChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(std::min<std::size_t>(out.size() - produced, UINT_MAX));
    uInt before = zs.avail_out;
    rc = deflate(&zs, in_left == 0 ? Z_FINISH : Z_NO_FLUSH);
    produced += before - zs.avail_out;
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      deflateEnd(&zs);
      throw std::runtime_error("gzip: deflate failed");
    }
  }
  deflateEnd(&zs);
  out.resize(produced);
  return out;
}

std::string gunzip(std::string_view data) {
  z_stream zs{};
  if (inflateInit2(&zs, kGzipWindowBits) != Z_OK) throw std::runtime_error("gunzip: inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), UINT_MAX));
  std::string out;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    char buf[kChunk];
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      throw std::runtime_error("gunzip: corrupt or truncated input");
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > kMaxDecoded) {
      inflateEnd(&zs);
      throw std::runtime_error("gunzip: output too large");
    }
  }
  inflateEnd(&zs);
  return out;
}

std::string brotli(std::string_view data, int quality) {
  std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
  if (out.empty()) out.resize(16);  // 0 means "too large to bound"; only reachable for empty input here
  std::size_t size = out.size();
  if (!BrotliEncoderCompress(std::clamp(quality, BROTLI_MIN_QUALITY, BROTLI_MAX_QUALITY), BROTLI_DEFAULT_WINDOW,
                             BROTLI_MODE_TEXT, data.size(), reinterpret_cast<const uint8_t*>(data.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data()))) {
    throw std::runtime_error("brotli: compression failed");
  }
  out.resize(size);
  return out;
}

std::string unbrotli(std::string_view data) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (state == nullptr) throw std::runtime_error("unbrotli: out of memory");
  std::size_t avail_in = data.size();
  const auto* next_in = reinterpret_cast<const uint8_t*>(data.data());
  std::string out;
  BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    uint8_t buf[kChunk];
    std::size_t avail_out = sizeof buf;
    uint8_t* next_out = buf;
    rc = BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.append(reinterpret_cast<const char*>(buf), sizeof buf - avail_out);
    if (out.size() > kMaxDecoded) break;
  }
  BrotliDecoderDestroyInstance(state);
  if (rc != BROTLI_DECODER_RESULT_SUCCESS) throw std::runtime_error("unbrotli: corrupt, truncated or too large input");
  return out;
}

std::string_view choose_encoding(std::string_view accept_encoding, bool brotli) {
  // -1: not mentioned, so "*" (or nothing) decides.
  double br = -1, gz = -1, star = -1;
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    std::string_view element = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    auto semi = element.find(';');
    std::string_view coding = trim(element.substr(0, semi));
    double q = semi == std::string_view::npos ? 1.0 : quality_of(element.substr(semi + 1));
    if (iequals(coding, "br")) {
      br = std::max(br, q);
    } else if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
      gz = std::max(gz, q);
    } else if (coding == "*") {
      star = std::max(star, q);
    }
  }
  double br_q = br >= 0 ? br : std::max(star, 0.0);
  double gz_q = gz >= 0 ? gz : std::max(star, 0.0);
  if (brotli && br_q > 0 && br_q >= gz_q) return "br";
  if (gz_q > 0) return "gzip";
  return "";
}

}  // namespace fabrique::http
