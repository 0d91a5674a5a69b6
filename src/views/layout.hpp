// The page shell every HTML page shares: head, skip link, header with navigation and language
// switch, main landmark, footer; and the standard error pages.
#pragma once
#include <string_view>

#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::views {

using html::Html;
using http::Context;
using http::Response;

// A whole HTML page with `title` (the <title> and nothing else; the h1 is in `main`).
Response page(Context& ctx, int status, std::string_view title, const Html& main);
inline Response page(Context& ctx, std::string_view title, const Html& main) { return page(ctx, 200, title, main); }

// 404 inside the site layout.
Response not_found(Context& ctx);
// 403 inside the site layout, with the reason (an English msgid).
Response forbidden(Context& ctx, const char* reason);
// 400 for a request that could not be read (malformed form body…).
Response bad_request(Context& ctx, const char* reason);
// 503 with Retry-After when the database cannot take the request now (locked, full, unreachable).
Response unavailable(Context& ctx);

// The address of the current page with its query, to come back to after an action.
std::string current_location(const Context& ctx);
// `target` if it is a path on this site, else "/". Prevents open redirects.
std::string safe_return(std::string_view target);

}  // namespace fabrique::views
