// Request dispatch: static files, context building, CSRF check, routing, error pages.
#include "http/app.hpp"

#include <algorithm>

#include "accounts/crypto.hpp"
#include "accounts/use_cases.hpp"
#include "common/errors.hpp"
#include "common/log.hpp"
#include "http/context.hpp"
#include "http/form.hpp"
#include "http/multipart.hpp"
#include "http/router.hpp"
#include "i18n/i18n.hpp"
#include "mail/mail.hpp"
#include "views/layout.hpp"

namespace fabrique::http {

using i18n::N_;

namespace {

std::string load_or_create_key(storage::Database& db, const char* name) {
  auto c = db.acquire();
  storage::Transaction tx(*c, true);
  c->execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
             {std::string(name), accounts::random_token()});
  auto value = c->query_one("SELECT value FROM settings WHERE key = ?", {std::string(name)})->text(0);
  tx.commit();
  return value;
}

const i18n::Translator& language_of(const Request& request, const std::map<std::string, std::string>& cookies) {
  i18n::Lang lang;
  if (auto it = cookies.find(App::kLangCookie); it != cookies.end() && i18n::parse(it->second, lang))
    return i18n::translator(lang);
  return i18n::translator(i18n::negotiate(request.header("accept-language")));
}

// The client's address: the peer's, or behind a trusted reverse proxy the last address of the
// X-Forwarded-For it appended (earlier entries come from the client and prove nothing).
std::string client_address(const Request& request, const std::vector<std::string>& trusted_proxies) {
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), request.client_address) == trusted_proxies.end())
    return request.client_address;
  std::string_view forwarded = request.header("x-forwarded-for");
  forwarded = forwarded.substr(forwarded.rfind(',') == std::string_view::npos ? 0 : forwarded.rfind(',') + 1);
  while (!forwarded.empty() && forwarded.front() == ' ') forwarded.remove_prefix(1);
  while (!forwarded.empty() && forwarded.back() == ' ') forwarded.remove_suffix(1);
  if (forwarded.empty() || forwarded.size() > 45 || forwarded.find_first_not_of("0123456789abcdefABCDEF.:") != std::string_view::npos)
    return request.client_address;
  return std::string(forwarded);
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
  mail::configure({options_.mail_from, options_.base_url, load_or_create_key(db_, "mail_key")});
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
  std::erase_if(set_cookies, [](const std::string& c) { return c.starts_with(std::string(App::kBrowserCookie) + "="); });
  set_cookies.push_back(set_cookie(App::kBrowserCookie, browser_secret,
                                   {.http_only = true, .secure = options.secure_cookies,
                                    .max_age_seconds = 365L * 24 * 3600}));
}

Admission App::admit(const Request& head) {
  if (head.method != Method::post) return {};
  auto match = routes().match(head.method, head.path);
  if (!match.handler) return {};
  Admission out;
  out.slow = match.needs == Needs::password_hashing;
  if (match.needs == Needs::files) {
    // A visitor who is not signed in may not send a file: their large body is refused before it comes.
    auto cookies = parse_cookies(head.header("cookie"));
    if (auto it = cookies.find(kSessionCookie); it != cookies.end()) {
      auto lease = db_.acquire();
      out.takes_files = accounts::current_user(*lease, it->second, clock_()).has_value();
    }
  }
  return out;
}

Response App::handle(Request& request) {
  if (request.path.starts_with("/static/")) {
    if (request.method != Method::get && request.method != Method::head) return Response::text(405, "Method not allowed");
    if (auto r = assets_.serve(request.path, request.header("accept-encoding"))) return *r;
    return Response::text(404, "Not found");
  }

  request.client_address = client_address(request, options_.trusted_proxies);
  auto lease = db_.acquire();
  auto cookies = parse_cookies(request.header("cookie"));
  Context ctx(request, *lease, options_, assets_);
  ctx.t = &language_of(request, cookies);
  ctx.now = clock_();
  ctx.csrf_key = &csrf_key_;
  if (auto it = cookies.find(kBrowserCookie); it != cookies.end() && it->second.size() == 43)
    ctx.browser_secret = it->second;
  if (auto it = cookies.find(kSessionCookie); it != cookies.end()) {
    ctx.session_token = it->second;
    ctx.user = accounts::current_user(ctx.db, ctx.session_token, ctx.now);
  }

  // Visitors who are not signed in share the pages rendered for them (see page_cache.hpp).
  const bool visitor_get = (request.method == Method::get || request.method == Method::head) && !ctx.user;
  std::string cache_key;
  std::int64_t version = 0;
  auto steady_now = std::chrono::steady_clock::now();
  if (visitor_get) {
    cache_key = std::string(i18n::code(ctx.lang())) + " " + request.target;
    version = ctx.db.query_integer("SELECT version FROM data_version WHERE id = 1");
    if (auto hit = cache_.find(cache_key, version, steady_now, request.header("accept-encoding")))
      return std::move(*hit);
  }

  if (auto q = Form::parse(request.query)) ctx.query = std::move(*q);
  Response response;
  auto match = routes().match(request.method, request.path);
  try {
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
        response = (*match.handler)(ctx);
        // Every change made through the site is a POST: move the version on so that cached
        // pages are rendered again, on every node. A refused form moves it too, harmlessly.
        storage::Transaction tx(ctx.db, true);
        ctx.db.execute("UPDATE data_version SET version = version + 1 WHERE id = 1");
        tx.commit();
      }
    } else if (match.handler) {
      ctx.params = std::move(match.params);
      response = (*match.handler)(ctx);
    } else if (match.path_known) {
      response = views::page(ctx, 405, ctx.tr(N_("Method not allowed")),
                             html::render("<h1>{}</h1>", ctx.tr(N_("Method not allowed"))));
      response.set_header("Allow", request.method == Method::post ? "GET, HEAD" : "POST");
    } else {
      response = views::not_found(ctx);
    }
  } catch (const Forbidden& e) {
    response = views::forbidden(ctx, e.message());
  } catch (const NotFound&) {
    response = views::not_found(ctx);
  }
  // A page is shared only if nothing in it belongs to this visitor: no form token, no cookie.
  if (visitor_get && response.status == 200 && !ctx.csrf_used() && ctx.set_cookies.empty() &&
      response.content_encoding.empty())
    cache_.store(cache_key, version, steady_now, response);
  for (auto& c : ctx.set_cookies) response.set_header("Set-Cookie", std::move(c));
  return response;
}

}  // namespace fabrique::http
