// The few helpers of the plain request/response structs.
#include "http/message.hpp"

#include <unistd.h>

namespace fabrique::http {

BodyFile::~BodyFile() {
  if (fd >= 0) ::close(fd);
}

std::string_view Request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

Response Response::redirect(std::string location, int status) {
  Response response;
  response.status = status;
  response.content_type.clear();  // no body, so nothing to type
  response.set_header("Location", std::move(location));
  return response;
}

Response Response::text(int status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response Response::retry_later() {
  Response response = text(503, "Service unavailable");
  response.compressible = false;
  response.set_header("Retry-After", kRetryAfterSeconds);
  return response;
}

}  // namespace fabrique::http
