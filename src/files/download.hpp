// The HTTP answer that hands a stored file to a browser without letting it run as part of the site.
#pragma once
#include <string>

#include "files/files.hpp"
#include "http/message.hpp"

namespace fabrique::files {

// 200 with the detected media type, `Content-Disposition: attachment` and the person's file name
// (an ASCII fallback plus the RFC 5987 UTF-8 form), a sandboxing CSP, and a private cache life.
http::Response download(const StoredFile& file, std::string bytes);

// The value of the Content-Disposition header for `name` (exposed for tests).
std::string content_disposition(std::string_view name);

}  // namespace fabrique::files
