// Requests made with a personal access token: the token, its scope and rate, the JSON body in, and
// the page's answer out as JSON (see api.hpp).
#include "http/api.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cmath>

#include "accounts/urls.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "http/app.hpp"
#include "http/multipart.hpp"
#include "http/open_data.hpp"
#include "http/router.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::http {

using i18n::N_;

namespace {

namespace bj = boost::json;

Response json_answer(int status, const bj::object& body) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = bj::serialize(body);
  return r;
}

// 403 for a token that lacks the scope the request needs (RFC 6750 §3.1).
Response lacks_scope(const Context& ctx, std::string_view scope, const char* message) {
  Response r = json_error(403, ctx.tr(message));
  r.set_header("WWW-Authenticate",
               fmt::format("Bearer realm=\"fabrique\", error=\"insufficient_scope\", scope=\"{}\"", scope));
  return r;
}

bool is_json_body(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  while (!content_type.empty() && content_type.back() == ' ') content_type.remove_suffix(1);
  return content_type == "application/json";
}

// The account itself is a browser's business: a token that leaked must not be able to change the
// password or the address, make more tokens, or delete the account.
bool manages_the_account(const Request& request, Needs needs) {
  const std::string account = accounts::urls::account();
  return needs == Needs::password_hashing || request.path == account || request.path.starts_with(account + "/");
}

// The JSON of an error page: its message, the field errors its use case added, and on a conflict
// the revision the form would be sent again from.
Response refusal_answer(const Context& ctx, const Response& page, const Refusal& refusal) {
  bj::object body;
  if (page.status == 404) {
    body["error"] = "not found";  // as every JSON document says it (docs/api.md)
  } else if (page.status == 409) {
    body["error"] =
        ctx.tr(N_("Someone saved this since the revision you started from: nothing was saved. Send "
                  "your change again from current_revision."));
  } else if (page.status == 422) {
    body["error"] = ctx.tr(N_("Nothing was saved: correct the fields named in errors."));
  } else {
    body["error"] = ctx.refusal.empty() ? ctx.tr(N_("The request was refused.")) : ctx.refusal;
  }
  if (!refusal.errors.empty()) {
    bj::object errors;
    for (const auto& [field, message] : refusal.errors)
      if (!errors.contains(field)) errors[field] = ctx.tr(message);
    body["errors"] = std::move(errors);
  }
  if (page.status == 409 && refusal.revision) body["current_revision"] = *refusal.revision;
  Response out = json_answer(page.status, body);
  for (const auto& [name, value] : page.headers)
    if (name == "Retry-After" || name == "Allow") out.set_header(name, value);
  return out;
}

// After a successful POST, the page's redirect to `location` is answered with the JSON document of
// that page, read as the token's owner once the change is committed; or, for a page without one,
// with its address. 201 and a Location when the route creates what the page shows. A history page
// (after a save or a restore) answers with the document of the thing, which holds what was written.
Response followed_answer(Context& ctx, std::string_view location, bool created) {
  const std::string_view path = location.substr(0, location.find_first_of("?#"));
  std::string_view shown = path;
  if (constexpr std::string_view history = "/historique"; shown.ends_with(history)) shown.remove_suffix(history.size());
  const int status = created ? 201 : 200;
  std::optional<Response> out;
  if (auto document = routes().document_of(shown, ".json")) {
    Request get = ctx.request;
    get.method = Method::get;
    get.method_name = "GET";
    get.path = get.target = *document;
    get.query.clear();
    get.body.clear();
    Context read(get, ctx.db, ctx.options, ctx.assets);
    read.t = ctx.t;
    read.now = ctx.now;
    read.base_url = ctx.base_url;
    read.user = ctx.user;
    read.csrf_key = ctx.csrf_key;
    auto match = routes().match(Method::get, *document);
    read.params = std::move(match.params);
    Response r = run_page(read, *match.handler);
    if (r.status == 200 && open_data::is_data(r.content_type)) {
      out = std::move(r);
      out->status = status;
    }
  }
  if (!out) out = json_answer(status, {{"url", ctx.base_url + std::string(path)}});
  if (created) out->set_header("Location", ctx.base_url + std::string(path));
  return std::move(*out);
}

}  // namespace

Response json_error(int status, std::string message) {
  Response r = json_answer(status, {{"error", std::move(message)}});
  r.set_header("Cache-Control", "no-store, private");
  return r;
}

std::optional<std::string_view> bearer_token(const Request& request) {
  std::string_view value = request.header("authorization");
  // The scheme's name is case-insensitive (RFC 9110 §11.1); "Bearer" alone is a token left empty.
  constexpr std::string_view kScheme = "bearer";
  if (value.size() < kScheme.size() || (value.size() > kScheme.size() && value[kScheme.size()] != ' '))
    return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(value[i])) != kScheme[i]) return std::nullopt;
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return value;
}

std::optional<Form> form_of_json(std::string_view body, std::size_t max_fields) {
  bj::parse_options options;
  options.max_depth = 3;  // an object, its arrays, their values
  boost::system::error_code ec;
  bj::monotonic_resource memory;
  bj::value doc = bj::parse(body, ec, &memory, options);
  if (ec || !doc.is_object()) return std::nullopt;
  Form form;
  std::size_t count = 0;
  // Adds one value of member `name`; false when it is not a value a form could hold.
  auto add = [&](std::string_view name, const bj::value& v) {
    std::optional<std::string> text;
    switch (v.kind()) {
      case bj::kind::string:
        text = std::string(v.get_string());
        break;
      case bj::kind::int64:
        text = std::to_string(v.get_int64());
        break;
      case bj::kind::uint64:
        text = std::to_string(v.get_uint64());
        break;
      case bj::kind::double_:
        if (!std::isfinite(v.get_double())) return false;
        text = fmt::format("{}", v.get_double());
        break;
      case bj::kind::bool_:
        if (v.get_bool()) text = "1";
        break;
      case bj::kind::null:
        break;
      default:
        return false;
    }
    if (!text) return true;
    // The same rules as a urlencoded form's values (Form::parse).
    if (++count > max_fields || !text::valid_utf8(*text) || !text::valid_utf8(name)) return false;
    form.add(std::string(name), std::move(*text));
    return true;
  };
  for (const auto& member : doc.get_object()) {
    if (member.value().is_array()) {
      for (const auto& item : member.value().get_array())
        if (!add(member.key(), item)) return std::nullopt;
    } else if (!add(member.key(), member.value())) {
      return std::nullopt;
    }
  }
  return form;
}

std::int64_t RateLimit::take(std::int64_t key, std::chrono::sys_seconds now) {
  std::lock_guard lock(mutex_);
  // Counted in sixtieths of a request, so that a second refills exactly per_minute_ of them.
  const std::int64_t whole = per_minute_ * 60;
  auto refilled = [&](const Allowance& a) {
    const std::int64_t elapsed = now > a.at ? (now - a.at).count() : 0;
    return elapsed >= 60 ? whole : std::min(whole, a.left + elapsed * per_minute_);
  };
  if (allowances_.size() >= kMaxKeys && !allowances_.contains(key)) {
    // Forget the keys whose allowance is whole again: they would start afresh anyway.
    std::erase_if(allowances_, [&](const auto& entry) { return refilled(entry.second) == whole; });
    if (allowances_.size() >= kMaxKeys) allowances_.clear();
  }
  Allowance& a = allowances_.try_emplace(key, Allowance{whole, now}).first->second;
  a.left = refilled(a);
  a.at = std::max(a.at, now);
  if (a.left >= 60) {
    a.left -= 60;
    return 0;
  }
  return (60 - a.left + per_minute_ - 1) / per_minute_;  // whole seconds until a request's worth
}

Api::Answer Api::respond(Context& ctx, std::string_view token) {
  const Request& request = ctx.request;
  auto owner = accounts::token_owner(ctx.db, token, ctx.now, &seen_);
  if (!owner) {
    Response r = json_error(401, ctx.tr(N_("This access token is unknown, revoked or expired.")));
    r.set_header("WWW-Authenticate", "Bearer realm=\"fabrique\", error=\"invalid_token\"");
    return {std::move(r)};
  }
  // From here on the request is the owner's, in the owner's language.
  ctx.user = owner->user;
  ctx.t = &i18n::translator(owner->lang);
  if (const std::int64_t wait = limit_.take(owner->token.id, ctx.now); wait > 0) {
    Response r =
        json_error(429, fmt::format(fmt::runtime(ctx.trn("Too many requests with this token: wait {} second.",
                                                         "Too many requests with this token: wait {} seconds.", wait)),
                                    wait));
    r.set_header("Retry-After", std::to_string(wait));
    return {std::move(r)};
  }

  auto match = routes().match(request.method, request.path);
  if (!match.handler) {
    if (!match.path_known) return {json_error(404, "not found")};
    Response r = json_error(405, ctx.tr(N_("Method not allowed")));
    r.set_header("Allow", request.method == Method::post ? "GET, HEAD" : "POST");
    return {std::move(r)};
  }
  const bool post = request.method == Method::post;
  if (!post) {
    if (!owner->token.can_read)
      return {lacks_scope(ctx, "read", N_("This token may not read: make one with the read scope."))};
  } else {
    if (!owner->token.can_write)
      return {lacks_scope(ctx, "write", N_("This token may not write: make one with the write scope."))};
    if (manages_the_account(request, match.needs))
      return {json_error(403, ctx.tr(N_("Your account itself (its password, address, sessions, tokens) is "
                                        "managed from a browser only.")))};
    const std::string_view content_type = request.header("content-type");
    if (auto boundary = multipart_boundary(content_type); boundary && match.needs == Needs::files) {
      // A form that carries a file (a resource, a piece of the minutes) comes as a browser sends it.
      auto body = parse_multipart(request.body, *boundary);
      if (!body)
        return {json_error(400, ctx.tr(N_("The multipart/form-data body could not be read: check its boundary "
                                          "and that each part names its field.")))};
      ctx.form = std::move(body->fields);
      ctx.uploads = std::move(body->files);
    } else if (!is_json_body(content_type)) {
      return {json_error(
          415, ctx.tr(match.needs == Needs::files ? N_("Send the form's fields as a JSON object (Content-Type: "
                                                       "application/json), or with its file as multipart/form-data.")
                                                  : N_("Send the form's fields as a JSON object, with Content-Type: "
                                                       "application/json.")))};
    } else {
      auto form = form_of_json(request.body);
      if (!form)
        return {json_error(400, ctx.tr(N_("The body must be one JSON object whose members are the form's fields: "
                                          "text, numbers, true or false, or arrays of these.")))};
      ctx.form = std::move(*form);
    }
  }
  ctx.params = std::move(match.params);

  Refusal refusal;  // listens to what the page is refused for, until this answer is made
  Response page = run_page(ctx, *match.handler);
  Response out;
  if (!post &&
      (open_data::is_data(page.content_type) || (page.status == 200 && !page.content_type.starts_with("text/html")))) {
    out = std::move(page);  // a document (or its JSON error), or a file as its page downloads it
  } else if (!post && page.status < 400) {
    out = json_error(403, ctx.tr(N_("An access token reads the JSON and CSV documents and the files; pages are for "
                                    "browsers.")));
  } else if (page.status >= 300 && page.status < 400) {
    std::string location;
    for (const auto& [name, value] : page.headers)
      if (name == "Location") location = value;
    out = followed_answer(ctx, location, match.creates);
  } else if (open_data::is_data(page.content_type)) {
    out = std::move(page);  // a document, or a document's own JSON error
  } else if (page.status < 300) {
    out = json_answer(page.status, {});  // a page drawn after a POST that succeeded
  } else {
    out = refusal_answer(ctx, page, refusal);
  }
  std::erase_if(out.headers, [](const auto& h) { return h.first == "Cache-Control" || h.first == "Set-Cookie"; });
  // Answered for one person: no cache in between may keep it.
  out.set_header("Cache-Control", "no-store, private");
  return {std::move(out), post};
}

}  // namespace fabrique::http
