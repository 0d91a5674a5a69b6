// Fuzzes multipart/form-data decoding (http::multipart_boundary, http::parse_multipart): the forms that send a file.
//
// Input: a Content-Type header, then the body, cut from the bytes. Asserts that a boundary is 1 to 70 bytes,
// that a decoded body has no more parts than allowed, text fields in valid UTF-8 within their byte limit, and
// files whose content is a slice of the body.
#include "http/multipart.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/text.hpp"
#include "fuzz/check.hpp"

using fabrique::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string content_type = in.ConsumeRandomLengthString(200);
  const std::string body = in.ConsumeRemainingBytesAsString();
  auto boundary = fabrique::http::multipart_boundary(content_type);
  if (!boundary) return 0;
  check(!boundary->empty() && boundary->size() <= 70, "a boundary is 1 to 70 bytes");
  constexpr std::size_t kMaxParts = 8, kMaxText = 1024;
  auto parsed = fabrique::http::parse_multipart(body, *boundary, kMaxParts, kMaxText);
  if (!parsed) return 0;
  check(parsed->fields.fields().size() + parsed->files.size() <= kMaxParts, "no more parts than allowed");
  std::size_t text_bytes = 0;
  for (const auto& [name, value] : parsed->fields.fields()) {
    check(fabrique::text::valid_utf8(value), "text fields are UTF-8");
    text_bytes += value.size();
  }
  check(text_bytes <= kMaxText, "text fields stay within their byte limit");
  for (const auto& file : parsed->files)
    check(body.find(file.bytes) != std::string::npos, "a file's content is a slice of the body");
  return 0;
}
