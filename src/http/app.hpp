// The application as the HTTP server sees it: static assets, then per request a database
// connection, the visitor's language, session (or access token) and CSRF secret, the route, and the
// error pages.
#pragma once
#include <chrono>
#include <functional>
#include <string>

#include "accounts/use_cases.hpp"
#include "config/options.hpp"
#include "http/api.hpp"
#include "http/message.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"
#include "http/static_assets.hpp"
#include "storage/database.hpp"

namespace fabrique::http {

class App final : public Handler {
 public:
  using Clock = std::function<std::chrono::sys_seconds()>;

  // Reads (or creates) the server-wide CSRF key from the database. The schema must be current.
  App(storage::Database& db, const config::Options& options, Clock clock = {});

  Response handle(Request& request) override;
  // Files only on the routes that take them and from a signed-in person; password hashing off the
  // network threads (the route's Needs).
  Admission admit(const Request& head) override;

  // Sessions seen in use, for the chores to record (accounts::SeenSessions).
  accounts::SeenSessions& seen_sessions() { return seen_sessions_; }

  static constexpr const char* kSessionCookie = "fabrique_session";
  static constexpr const char* kBrowserCookie = "fabrique_browser";  // the browser secret behind CSRF tokens
  static constexpr const char* kLangCookie = "lang";

 private:
  // Everything after the host checks, with the connection this request holds.
  Response respond(Request& request, std::string base_url);
  void move_data_version(storage::Connection& db);

  storage::Database& db_;
  const config::Options& options_;
  Clock clock_;
  StaticAssets assets_;
  std::string csrf_key_;
  PageCache cache_;           // visitors' pages, shared
  PageCache personal_cache_;  // signed-in people's pages, each for its session and browser
  accounts::SeenSessions seen_sessions_;
  accounts::KnownSessions known_sessions_;
  Api api_{options_, seen_sessions_};  // requests made with an access token
};

// Runs a page: what it refuses by throwing (Forbidden, NotFound, a database that cannot take the
// request now) becomes the matching error page.
Response run_page(Context& ctx, const PageHandler& page);

}  // namespace fabrique::http
