// Maps a method and a path to a page handler. Patterns are written with typed parameters:
//   /organisations/{slug}          slug: lower-case letters, digits and dashes
//   /evenements/{id:int}           int: digits
// and a segment may end with a literal suffix: /coalitions/{slug}.json
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/context.hpp"

namespace fabrique::http {

using PageHandler = std::function<Response(Context&)>;

// What a route's form needs beyond the ordinary, read by the server before the body (Admission).
enum class Needs {
  form,              // a small form: the ordinary body limit and read timeout
  files,             // a form with a file: the upload limit and timeout, once the sender is signed in
  password_hashing,  // hashes a password (Argon2id, slow on purpose): handled off the network threads
};

class Router {
 public:
  void add(Method method, std::string_view pattern, PageHandler handler, Needs needs = Needs::form);
  void get(std::string_view pattern, PageHandler h) { add(Method::get, pattern, std::move(h)); }
  Router& post(std::string_view pattern, PageHandler h, Needs needs = Needs::form) {
    add(Method::post, pattern, std::move(h), needs);
    return *this;
  }
  // Written after post(): a successful POST makes the thing its redirect names, so that a request
  // with an access token is answered 201 Created rather than 200 (http/api.cpp).
  void creates() { routes_.back().creates = true; }
  // A POST that a mail client sends on its own (RFC 8058 one-click unsubscription): it cannot carry
  // our CSRF token, so the handler must check the signed token in its path instead.
  void post_signed(std::string_view pattern, PageHandler h) {
    add(Method::post, pattern, std::move(h));
    routes_.back().signed_link = true;
  }

  struct Match {
    const PageHandler* handler = nullptr;  // null: no route for this method
    bool path_known = false;               // some route has this path (then 405, not 404)
    bool signed_link = false;              // a post_signed() route: no CSRF token is asked for
    bool creates = false;                  // a creates() route
    std::vector<std::pair<std::string, std::string>> params;
    Needs needs = Needs::form;
  };
  // HEAD is answered by GET routes.
  Match match(Method method, std::string_view path) const;

  // The data document (`suffix`: ".json") of the page at `path`: the page's own (path + suffix) when
  // a GET route has it, else, for a view of a thing (a literal word after a parameter), the thing's:
  // /coalitions/x/historique → /coalitions/x.json. Never a list's: /ressources/x is no view of
  // /ressources. Nothing when neither has one.
  std::optional<std::string> document_of(std::string_view path, std::string_view suffix) const;

  // The patterns, for documentation and tests.
  std::vector<std::string> patterns() const;

 private:
  struct Segment {
    enum class Kind { literal, slug, integer } kind = Kind::literal;
    std::string text;    // literal text, or parameter name
    std::string suffix;  // literal text after a parameter
  };
  struct Route {
    Method method;
    std::string pattern;
    std::vector<Segment> segments;
    PageHandler handler;
    Needs needs = Needs::form;
    bool signed_link = false;
    bool creates = false;
  };
  // Whether `r` matches the path split into `parts`; its parameters go to `params` when given.
  static bool matches(const Route& r, const std::vector<std::string_view>& parts,
                      std::vector<std::pair<std::string, std::string>>* params);
  std::vector<Route> routes_;
};

// The one route table of the product (routes.cpp).
const Router& routes();

}  // namespace fabrique::http
