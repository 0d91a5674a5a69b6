// Requests made with a personal access token (`Authorization: Bearer …`; docs/api.md, "Writing"):
// the same routes, pages and use cases as a browser's, hence the same permissions and rules. Only
// what comes in and what goes out differs. A JSON body is read into the same Form the page reads;
// the page's answer becomes JSON: a redirect after a successful POST becomes the JSON document of
// the page it points to (201 when the route creates() it), an error page its message, with the field
// errors the use case added and, on a conflict, the revision to start again from (fabrique::Refusal).
#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "accounts/use_cases.hpp"
#include "config/options.hpp"
#include "http/context.hpp"
#include "http/form.hpp"
#include "http/message.hpp"

namespace fabrique::http {

// The token of an `Authorization: Bearer TOKEN` header; nothing without one. Other schemes (Basic,
// from a proxy in front of the site) are not the site's and are ignored.
std::optional<std::string_view> bearer_token(const Request& request);

// {"error": message}, answered to a script: never kept by a cache.
Response json_error(int status, std::string message);

// A JSON object's members as the fields of a form, in order: text as it is, numbers in digits, true
// as "1" (the value of every checkbox the site draws), false and null left out (an unticked box),
// an array as the field repeated (a multiple choice). Nothing when the body is not such an object
// (an object or an array inside an array), holds more than `max_fields` values, or is not JSON.
std::optional<Form> form_of_json(std::string_view body, std::size_t max_fields = 200);

// How many requests each token may make: `per_minute` a minute, refilled as time passes, so a token
// may spend a minute's allowance at once then goes at the steady pace. Counted in memory on each
// node, like the connections per address (server.cpp): behind N nodes a token may make N times as
// many. Thread-safe.
class RateLimit {
 public:
  explicit RateLimit(int per_minute) : per_minute_(per_minute) {}
  // Counts one request for `key` at `now`: 0 when it may go on, else the seconds until it may.
  std::int64_t take(std::int64_t key, std::chrono::sys_seconds now);

 private:
  static constexpr std::size_t kMaxKeys = 100'000;
  struct Allowance {
    std::int64_t left = 0;  // in sixtieths of a request
    std::chrono::sys_seconds at{};
  };
  const std::int64_t per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::int64_t, Allowance> allowances_;
};

// Answers the requests that carry an access token, for the App.
class Api {
 public:
  Api(const config::Options& options, accounts::SeenSessions& seen)
      : limit_(options.api_requests_per_minute), seen_(seen) {}

  struct Answer {
    Response response;
    bool ran_post = false;  // a POST's page ran: what it changed moves the data version
  };
  // Answers, in JSON, the request of `ctx` (language, clock, base_url and CSRF key set; no session)
  // made with `token`: who the token acts for, its scope, its rate, the JSON body, the page, and
  // what the page answered turned into JSON.
  Answer respond(Context& ctx, std::string_view token);

 private:
  RateLimit limit_;
  accounts::SeenSessions& seen_;
};

}  // namespace fabrique::http
