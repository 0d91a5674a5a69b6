// Response compression: gzip and brotli encoders, their decoders (for tests), and Accept-Encoding negotiation.
#pragma once
#include <string>
#include <string_view>

namespace fabrique::http {

// Bodies smaller than this are sent as they are: the saving would not pay for the CPU.
inline constexpr std::size_t kMinCompressBytes = 512;

// gzip format (RFC 1952), deflate level 6.
std::string gzip(std::string_view data);
// Inverse of gzip(); throws std::runtime_error on corrupt input.
std::string gunzip(std::string_view data);

// Brotli (RFC 7932) at `quality` 0..11; 5 is a good speed/size balance for dynamic pages.
std::string brotli(std::string_view data, int quality = 5);
// Inverse of brotli(); throws std::runtime_error on corrupt input.
std::string unbrotli(std::string_view data);

// The encoding to use for a response given the request's Accept-Encoding: "br", "gzip" or ""
// (identity). Honours q-values, q=0 and "*"; on equal preference brotli wins.
std::string_view choose_encoding(std::string_view accept_encoding);

}  // namespace fabrique::http
