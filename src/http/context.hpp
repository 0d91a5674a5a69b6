// Everything a page handler needs about the current request: who asks, in which language, the
// database connection, the decoded form, the path parameters, and what to send back in cookies.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "config/options.hpp"
#include "files/files.hpp"
#include "http/form.hpp"
#include "http/message.hpp"
#include "i18n/i18n.hpp"
#include "storage/database.hpp"

namespace fabrique::http {

class StaticAssets;

// A feed a page points feed readers to from its head (<link rel="alternate" type="application/atom+xml">).
struct FeedLink {
  std::string title;  // in the reader's language
  std::string href;   // a path on this site
};

struct Context {
  Context(Request& r, storage::Connection& c, const config::Options& o, const StaticAssets& a)
      : request(r), db(c), options(o), assets(a) {}

  Request& request;
  storage::Connection& db;
  const config::Options& options;
  const StaticAssets& assets;
  const i18n::Translator* t = nullptr;  // never null once the context is built
  std::chrono::sys_seconds now{};
  // The start of every absolute link this request's documents carry ("https://fabrique.example.org"):
  // the base_url option, else the scheme and host the request came to (see App::handle). Never a
  // guessed default.
  std::string base_url;
  std::optional<accounts::User> user;
  // The signed-in person as the use cases take them: nullptr for a visitor.
  const accounts::User* actor() const { return user ? &*user : nullptr; }
  std::string session_token;                                // the raw cookie value, for sign-out and password change
  Form query;                                               // decoded query string
  Form form;                                                // decoded body of a POST
  std::vector<files::Upload> uploads;                       // the files of a multipart/form-data POST
  std::vector<std::pair<std::string, std::string>> params;  // from the route pattern
  std::vector<std::string> set_cookies;                     // Set-Cookie values to add to the response
  std::vector<FeedLink> feeds;                              // set by a page before views::page() draws the head
  // What an error page said the request was refused for, translated (views::forbidden's reason, an
  // error page's title): the message of the JSON answered to an access token (http/api.cpp).
  std::string refusal;

  // A path parameter captured by the route ({slug}, {id:int}). Empty if absent.
  const std::string& param(std::string_view name) const;
  std::int64_t param_int(std::string_view name) const;

  // The file sent in form field `field`, or nullptr when the form sent none under that name.
  const files::Upload* upload(std::string_view field) const {
    for (const auto& u : uploads)
      if (u.field == field) return &u;
    return nullptr;
  }

  // The CSRF token to put in a form. The first call on a page gives the browser its secret (a
  // cookie) if it has none, and marks the page as personal, so it is never cached.
  const std::string& csrf_token();
  bool csrf_used() const { return !csrf_.empty(); }
  // Gives the browser a new secret (a cookie) when a person signs in: tokens taken from its old
  // secret, perhaps by someone who shared the browser or planted the cookie, stop working.
  void renew_browser_secret();
  // Set by the App: the server key and the browser's secret (empty until needed).
  const std::string* csrf_key = nullptr;
  std::string browser_secret;

  std::string tr(const char* message) const { return t->tr(message); }
  std::string trn(const char* singular, const char* plural, long n) const { return t->trn(singular, plural, n); }
  i18n::Lang lang() const { return t->lang(); }
  bool signed_in() const { return user.has_value(); }

 private:
  std::string csrf_;
};

}  // namespace fabrique::http
