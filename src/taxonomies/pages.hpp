// The page that edits one editable list: each entry renamed in place, and a form to add one.
#pragma once
#include "http/context.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::taxonomies::pages {

http::Response edit(http::Context& ctx, const Taxonomy& t);    // GET  <path>
http::Response add(http::Context& ctx, const Taxonomy& t);     // POST <path>
http::Response rename(http::Context& ctx, const Taxonomy& t);  // POST <path>/{slug}

}  // namespace fabrique::taxonomies::pages
