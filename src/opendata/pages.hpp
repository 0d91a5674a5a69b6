// The open data pages that belong to no single module: /sitemap.xml (and its parts), /robots.txt, and
// the Atom feeds of news (the programme's, a coalition's, an organisation's, an event series').
#pragma once
#include <string>
#include <string_view>

#include "http/context.hpp"

namespace fabrique::opendata::pages {

using http::Context;
using http::Response;

Response sitemap(Context& ctx);       // GET /sitemap.xml: a urlset, or an index past sitemap_max_urls
Response sitemap_part(Context& ctx);  // GET /sitemaps/{part:int}.xml
Response robots(Context& ctx);        // GET /robots.txt

Response programme_atom(Context& ctx);     // GET /actualites.atom
Response coalition_atom(Context& ctx);     // GET /coalitions/{slug}.atom
Response organisation_atom(Context& ctx);  // GET /organisations/{slug}.atom
Response series_atom(Context& ctx);        // GET /evenements/{slug}/serie.atom (the series of that event)

// The addresses of the feeds of what has no urls.hpp of its own (a coalition's and a series' are
// coalitions::urls::feed and events::urls::series_feed), for the pages that link to them.
std::string programme_feed();
std::string organisation_feed(std::string_view slug);

}  // namespace fabrique::opendata::pages
