// Parsing of multipart/form-data bodies (RFC 7578): the forms that send a file.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "files/files.hpp"
#include "http/form.hpp"

namespace fabrique::http {

struct MultipartBody {
  Form fields;                       // the text fields, as a urlencoded form would give them
  std::vector<files::Upload> files;  // every part that carried a filename (even an empty one)
};

// The boundary named by a `multipart/form-data; boundary=…` Content-Type, or nothing.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Splits `body` on `boundary`. Returns nothing when the body is malformed, has more than
// `max_parts` parts, a text field that is not UTF-8, or more than `max_text_bytes` of text fields
// (files are limited by the server's body limit and by files::check).
std::optional<MultipartBody> parse_multipart(std::string_view body, std::string_view boundary,
                                             std::size_t max_parts = 200, std::size_t max_text_bytes = 1 << 20);

}  // namespace fabrique::http
