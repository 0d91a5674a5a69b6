// Response compression: gzip and brotli encoders, their decoders (for tests), and Accept-Encoding negotiation.
#pragma once
#include <string>
#include <string_view>

namespace fabrique::http {

// Bodies smaller than this are sent as they are: the saving would not pay for the CPU.
inline constexpr std::size_t kMinCompressBytes = 512;
// A page rendered for one person is compressed on every request: the fastest levels. On a 23 KB
// signed-in coalition page, gzip 6 cost 360 µs and brotli 5 480 µs of CPU per request, more than
// rendering the page (bench/RESULTS.md); levels 1 keep most of the saving for a fraction of it.
inline constexpr int kDynamicGzipLevel = 1;
// zlib's window bits for gzip: a 32 KiB window, gzip's header and trailer instead of zlib's.
inline constexpr int kGzipWindowBits = 15 + 16;
inline constexpr int kDynamicBrotliQuality = 1;

// gzip format (RFC 1952) at deflate `level` 1..9: 6 for bodies compressed once and kept (cached
// pages), kDynamicGzipLevel for a body compressed on every request.
std::string gzip(std::string_view data, int level = 6);
// Inverse of gzip(); throws std::runtime_error on corrupt input.
std::string gunzip(std::string_view data);

// Brotli (RFC 7932) at `quality` 0..11: 5 for bodies compressed once and kept, 11 for static files.
std::string brotli(std::string_view data, int quality = 5);
// Inverse of brotli(); throws std::runtime_error on corrupt input.
std::string unbrotli(std::string_view data);

// The encoding to use for a response given the request's Accept-Encoding: "br", "gzip" or ""
// (identity). Honours q-values, q=0 and "*"; on equal preference brotli wins. Without `brotli`
// (a body that can only be gzipped), "gzip" or "".
std::string_view choose_encoding(std::string_view accept_encoding, bool brotli = true);

}  // namespace fabrique::http
