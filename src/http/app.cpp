// Request dispatch: static files, context building, CSRF check, routing, error pages.
#include "http/app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "accounts/crypto.hpp"
#include "accounts/use_cases.hpp"
#include "common/errors.hpp"
#include "common/log.hpp"
#include "http/context.hpp"
#include "http/form.hpp"
#include "http/multipart.hpp"
#include "http/open_data.hpp"
#include "http/router.hpp"
#include "http/spool.hpp"
#include "i18n/i18n.hpp"
#include "mail/mail.hpp"
#include "storage/changes.hpp"
#include "storage/migrations.hpp"
#include "storage/settings.hpp"
#include "views/layout.hpp"

namespace fabrique::http {

using i18n::N_;

namespace {

std::string load_or_create_key(storage::Database& db, const char* name) {
  return storage::settings::value_or_create(db, name, accounts::random_token());
}

const i18n::Translator& language_of(const Request& request, const std::map<std::string, std::string>& cookies) {
  i18n::Lang lang;
  if (auto it = cookies.find(App::kLangCookie); it != cookies.end() && i18n::parse(it->second, lang))
    return i18n::translator(lang);
  return i18n::translator(i18n::negotiate(request.header("accept-language")));
}

// The last entry of a header a proxy may have appended to ("a, b" → "b"), without spaces.
std::string_view last_entry(std::string_view value) {
  if (auto comma = value.rfind(','); comma != std::string_view::npos) value.remove_prefix(comma + 1);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return value;
}

bool is_trusted_proxy(const Request& request, const std::vector<std::string>& trusted_proxies) {
  return std::find(trusted_proxies.begin(), trusted_proxies.end(), request.client_address) != trusted_proxies.end();
}

// The client's address: the peer's, or behind a trusted reverse proxy the last address of the
// X-Forwarded-For it appended (earlier entries come from the client and prove nothing).
std::string client_address(const Request& request, const std::vector<std::string>& trusted_proxies) {
  if (!is_trusted_proxy(request, trusted_proxies)) return request.client_address;
  std::string_view forwarded = last_entry(request.header("x-forwarded-for"));
  if (forwarded.empty() || forwarded.size() > 45 ||
      forwarded.find_first_not_of("0123456789abcdefABCDEF.:") != std::string_view::npos)
    return request.client_address;
  return std::string(forwarded);
}

// `host` lower-cased if it is a well-formed Host value (a name, an IPv4 address or a bracketed IPv6
// address, with an optional port), else nothing: a Host is chosen by the client and ends up in links.
std::optional<std::string> well_formed_host(std::string_view host) {
  if (host.empty() || host.size() > 255) return std::nullopt;
  std::string out(host);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::size_t port_at = std::string::npos;
  if (out.front() == '[') {
    const std::size_t close = out.find(']');
    if (close == std::string::npos || close < 3 || out.find_first_not_of("0123456789abcdef:.", 1) != close)
      return std::nullopt;
    if (close + 1 < out.size()) {
      if (out[close + 1] != ':') return std::nullopt;
      port_at = close + 1;
    }
  } else {
    port_at = out.find(':');
    const std::string_view name = std::string_view(out).substr(0, port_at);
    if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string_view::npos)
      return std::nullopt;
  }
  if (port_at != std::string::npos) {
    const std::string_view port = std::string_view(out).substr(port_at + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
      return std::nullopt;
  }
  return out;
}

// The host part of a well-formed Host value, without its port ("[::1]:8080" → "[::1]").
std::string_view host_name(std::string_view host) {
  if (host.front() == '[') return host.substr(0, host.find(']') + 1);
  return host.substr(0, host.find(':'));
}

// The fields and files of a POST body, or nothing when the body cannot be read as a form.
std::optional<MultipartBody> read_form(const Request& request) {
  auto content_type = request.header("content-type");
  if (content_type.empty() || content_type.starts_with("application/x-www-form-urlencoded")) {
    auto form = Form::parse(request.body);
    if (!form) return std::nullopt;
    return MultipartBody{std::move(*form), {}};
  }
  if (auto boundary = multipart_boundary(content_type)) return parse_multipart(request.body, *boundary);
  return std::nullopt;
}

bool is_form_body(std::string_view content_type) {
  return content_type.empty() || content_type.starts_with("application/x-www-form-urlencoded") ||
         multipart_boundary(content_type).has_value();
}

}  // namespace

App::App(storage::Database& db, const config::Options& options, Clock clock)
    : db_(db), options_(options), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
  csrf_key_ = load_or_create_key(db_, "csrf_key");
  {
    // Which tables pages read and changes write (storage/changes.hpp). On a schema not yet current,
    // nothing is learned: every change then renders every cached page again.
    auto c = db_.acquire();
    if (storage::is_up_to_date(*c)) db_.changes().learn(*c);
  }
  // A mailed link never comes from a request's Host header, which the client chooses (a password
  // recovery link pointing at an attacker's site): without base_url, mails name the listen address.
  std::string mail_base = options_.base_url;
  if (mail_base.empty()) {
    mail_base = "http://" + options_.listen;
    log::info("mail links use the listen address: set base_url to the site's public address",
              {{"base_url", mail_base}});
  }
  mail::configure({options_.mail_from, mail_base, load_or_create_key(db_, "mail_key")});
}

const std::string& Context::csrf_token() {
  if (csrf_.empty()) {
    if (browser_secret.empty()) renew_browser_secret();
    csrf_ = accounts::csrf_token(*csrf_key, browser_secret);
  }
  return csrf_;
}

void Context::renew_browser_secret() {
  browser_secret = accounts::random_token();
  csrf_.clear();
  std::erase_if(set_cookies,
                [](const std::string& c) { return c.starts_with(std::string(App::kBrowserCookie) + "="); });
  set_cookies.push_back(
      set_cookie(App::kBrowserCookie, browser_secret,
                 {.http_only = true, .secure = options.secure_cookies, .max_age_seconds = 365L * 24 * 3600}));
}

// Every change made through the site is a POST: stamp the tables it wrote so that the cached pages
// read from them are rendered again, on every node (storage/changes.hpp). The change itself is
// already committed: if the stamps cannot be written now (database locked or full), the answer stays
// the handler's and this node forgets its cached pages instead (other nodes' expire within kMaxAge).
void App::move_data_version(storage::Connection& db) {
  try {
    storage::record_changes(db);
  } catch (const storage::Unavailable& e) {
    log::error("data version not moved", {{"error", e.what()}});
    cache_.clear();
    personal_cache_.clear();
  }
}

Admission App::admit(const Request& head) {
  if (head.method != Method::post) return {};
  auto match = routes().match(head.method, head.path);
  if (!match.handler) return {};
  Admission out;
  out.slow = match.needs == Needs::password_hashing;
  out.writes = !out.slow;
  if (match.needs == Needs::files) {
    // Only someone signed in, or a script with a token that may write, may send a file: anyone
    // else's large body is refused before it comes.
    if (auto token = bearer_token(head)) {
      auto lease = db_.acquire();
      auto owner = accounts::token_owner(*lease, *token, clock_());
      out.takes_files = owner && owner->token.can_write;
    } else {
      auto cookies = parse_cookies(head.header("cookie"));
      if (auto it = cookies.find(kSessionCookie); it != cookies.end()) {
        auto lease = db_.acquire();
        out.takes_files = accounts::current_user(*lease, it->second, clock_()).has_value();
      }
    }
  }
  return out;
}

Response App::handle(Request& request) {
  if (request.path.starts_with(StaticAssets::kPrefix)) {
    if (request.method != Method::get && request.method != Method::head)
      return Response::text(405, "Method not allowed");
    if (auto r = assets_.serve(request.path, request.header("accept-encoding"))) return *r;
    return Response::text(404, "Not found");
  }

  // Who may say which host and scheme the request came to: the client (Host), or a trusted proxy in
  // front of it (X-Forwarded-Host, X-Forwarded-Proto). Decided before the client address is rewritten.
  const bool from_proxy = is_trusted_proxy(request, options_.trusted_proxies);
  std::string_view host_header = request.header("host");
  std::string scheme = "http";
  if (from_proxy) {
    if (auto forwarded = last_entry(request.header("x-forwarded-host")); !forwarded.empty()) host_header = forwarded;
    if (auto proto = last_entry(request.header("x-forwarded-proto")); proto == "https" || proto == "http")
      scheme = std::string(proto);
  }
  const std::optional<std::string> host = well_formed_host(host_header);
  if (!host && (options_.base_url.empty() || !options_.allowed_hosts.empty()))
    return Response::text(400, "Bad request: missing or malformed Host header");
  if (!options_.allowed_hosts.empty() && std::find(options_.allowed_hosts.begin(), options_.allowed_hosts.end(),
                                                   host_name(*host)) == options_.allowed_hosts.end())
    return Response::text(421, "Misdirected request: this site does not answer to that host");

  request.client_address = client_address(request, options_.trusted_proxies);
  try {
    return respond(request, options_.base_url.empty() ? scheme + "://" + *host : options_.base_url);
  } catch (const storage::Unavailable& e) {
    // Before a page could be drawn: no connection to be had, or the session could not be read.
    log::error("database unavailable", {{"path", request.path}, {"error", e.what()}});
    return Response::retry_later();
  }
}

Response run_page(Context& ctx, const PageHandler& page) {
  try {
    return page(ctx);
  } catch (const Forbidden& e) {
    return views::forbidden(ctx, e.message());
  } catch (const NotFound&) {
    return views::not_found(ctx);
  } catch (const storage::Unavailable& e) {
    // Locked past the wait, disk full, connection lost: the use case's transaction was undone.
    log::error("database unavailable", {{"path", ctx.request.path}, {"error", e.what()}});
    return views::unavailable(ctx);
  }
}

Response App::respond(Request& request, std::string base_url) {
  auto lease = db_.acquire();
  auto cookies = parse_cookies(request.header("cookie"));
  Context ctx(request, *lease, options_, assets_);
  ctx.t = &language_of(request, cookies);
  ctx.now = clock_();
  ctx.base_url = std::move(base_url);
  ctx.csrf_key = &csrf_key_;
  if (auto token = bearer_token(request)) {
    // A script with its owner's token, answered in JSON and never cached. It needs no CSRF token: a
    // browser never sends a token by itself. A session cookie alongside would make it unclear who acts.
    if (cookies.contains(kSessionCookie))
      return json_error(400, ctx.tr(N_("Send either an access token or a session cookie, not both.")));
    auto answer = api_.respond(ctx, *token);
    if (answer.ran_post) move_data_version(ctx.db);
    return std::move(answer.response);
  }
  if (auto it = cookies.find(kBrowserCookie); it != cookies.end() && it->second.size() == 43)
    ctx.browser_secret = it->second;
  if (auto it = cookies.find(kSessionCookie); it != cookies.end()) {
    ctx.session_token = it->second;
    ctx.user = accounts::current_user(ctx.db, ctx.session_token, ctx.now, &seen_sessions_, &known_sessions_);
  }

  // Visitors who are not signed in share the pages rendered for them (see page_cache.hpp). A signed-in
  // person's pages are kept for that session in that browser alone (the CSRF tokens in them come from
  // the browser's secret), under who the person is now: a change of role or name is another key.
  // Either cache is off to measure the rendering, except for the documents written to files (a whole
  // register's export, up to a second of CPU): those are kept even then, as the memos are
  // (storage/memo.hpp), so that they are written once per change, not once per download.
  const bool get = request.method == Method::get || request.method == Method::head;
  const bool visitor_get = get && !ctx.user;
  PageCache& cache = ctx.user ? personal_cache_ : cache_;
  std::string cache_key;
  std::int64_t version = 0;
  if (get) {
    // Without base_url a document's links name the host it was asked for, which the client chooses:
    // each host has its own entries, so that a page built for one is never served to another.
    cache_key = std::string(i18n::code(ctx.lang())) + " " + (options_.base_url.empty() ? ctx.base_url : "") + " " +
                request.target + "\n" + std::string(request.header("accept"));  // some addresses negotiate
    if (ctx.user)
      cache_key += fmt::format("\n{}\n{}\n{} {} {} {}\n{}", ctx.session_token, ctx.browser_secret, ctx.user->id,
                               static_cast<int>(ctx.user->role), ctx.user->show_name, ctx.user->email, ctx.user->name);
    // Read once for the request (with the session when there is one): see Connection::known_version.
    if (!ctx.db.known_version) ctx.db.known_version = storage::settings::data_version(ctx.db);
    auto snapshot = db_.changes().snapshot(ctx.db);
    version = snapshot->version;
    if (auto hit = cache.find(cache_key, *snapshot, ctx.now, request.header("accept-encoding"))) return std::move(*hit);
  }
  // From here on: what the page is rendered from, and whether rendering it changed anything.
  ctx.db.reads.reset();
  ctx.db.writes.reset();
  ctx.db.changed = false;
  bool wrote = false;
  // A page is read in one snapshot, one read transaction (ended first if the page writes).
  std::optional<storage::HeldReads> held;
  if (get) held.emplace(ctx.db);

  if (auto q = Form::parse(request.query)) ctx.query = std::move(*q);
  Response response;
  auto match = routes().match(request.method, request.path);
  if (request.method == Method::post && match.handler) {
    if (!is_form_body(request.header("content-type"))) {
      response = views::bad_request(ctx, N_("This form was sent in a format the site does not accept."));
    } else if (auto form = read_form(request); !form) {
      response = views::bad_request(ctx, N_("The form could not be read. Please try again."));
    } else if (!match.signed_link && !accounts::csrf_valid(csrf_key_, ctx.browser_secret, form->fields.get("csrf"))) {
      // Nothing is done: the form did not come from a page of this site (or it is too old).
      response = views::forbidden(
          ctx, N_("This form has expired or did not come from this site. Go back, reload the page and try again."));
    } else {
      ctx.form = std::move(form->fields);
      ctx.uploads = std::move(form->files);
      ctx.params = std::move(match.params);
      response = run_page(ctx, *match.handler);
      move_data_version(ctx.db);
    }
  } else if (match.handler) {
    ctx.params = std::move(match.params);
    response = run_page(ctx, *match.handler);
    // A page that changes something as it is shown (a confirmation link): its change reaches the
    // cached pages like a form's.
    wrote = ctx.db.changed;
    if (wrote) move_data_version(ctx.db);
  } else if (match.path_known) {
    response = views::page(ctx, 405, ctx.tr(N_("Method not allowed")),
                           html::render("<h1>{}</h1>", ctx.tr(N_("Method not allowed"))));
    response.set_header("Allow", request.method == Method::post ? "GET, HEAD" : "POST");
  } else {
    response = views::not_found(ctx);
  }
  if (response.status == 200 && open_data::is_data(response.content_type)) {
    // Anyone's page may read what any visitor may read, but never what depends on the session:
    // a document for a signed-in person, or one a handler marked private (a personal calendar, one's
    // own data). Those are not open data either: no licence.
    const bool personal = std::any_of(response.headers.begin(), response.headers.end(), [](const auto& h) {
      return (h.first == "Cache-Control" || h.first == "cache-control") &&
             h.second.find("private") != std::string::npos;
    });
    if (!personal) {
      // One Link header: the licence joins the paging links a list may already have (RFC 8288 §3).
      const std::string licence = "<" + open_data::licence_url(options_.data_licence) + ">; rel=\"license\"";
      auto link = std::find_if(response.headers.begin(), response.headers.end(),
                               [](const auto& h) { return h.first == "Link"; });
      if (link == response.headers.end())
        response.set_header("Link", licence);
      else
        link->second += ", " + licence;
    }
    if (visitor_get && ctx.set_cookies.empty() && !personal) response.set_header("Access-Control-Allow-Origin", "*");
  }
  // A document too large for the page cache's memory (a sitemap of 50,000 pages, the data register's CSV)
  // goes to a file as the exports do, and is kept as one: written and hashed once per change, not
  // per request.
  if (get && response.status == 200 && !response.file && response.compressible && response.content_encoding.empty() &&
      response.body.size() > PageCache::kMaxBodyBytes) {
    try {
      Spool spool(request.header("accept-encoding"));
      const std::string_view body = response.body;
      for (std::size_t at = 0; at < body.size(); at += Spool::kFlushBytes)
        spool.write(body.substr(at, Spool::kFlushBytes));
      spool.finish(response);
    } catch (const std::runtime_error& e) {
      log::error("large response not written to a file", {{"path", request.path}, {"error", e.what()}});
    }
  }
  // A visitor's page is shared only if nothing in it belongs to this visitor: no form token, no cookie.
  if (get && (options_.page_cache || response.file) && response.status == 200 && (ctx.user || !ctx.csrf_used()) &&
      ctx.set_cookies.empty() && response.content_encoding.empty() && !wrote)
    cache.store(cache_key, version, ctx.db.reads, ctx.now, response);
  for (auto& c : ctx.set_cookies) response.set_header("Set-Cookie", std::move(c));
  return response;
}

}  // namespace fabrique::http
