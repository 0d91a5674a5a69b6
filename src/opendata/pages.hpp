// The open data pages that belong to no single module: /sitemap.xml (and its parts) and /robots.txt.
#pragma once
#include "http/context.hpp"

namespace fabrique::opendata::pages {

using http::Context;
using http::Response;

Response sitemap(Context& ctx);       // GET /sitemap.xml: a urlset, or an index past sitemap_max_urls
Response sitemap_part(Context& ctx);  // GET /sitemaps/{part:int}.xml
Response robots(Context& ctx);        // GET /robots.txt

}  // namespace fabrique::opendata::pages
