// The addresses of the pages that edit the lists: each list's page is its module's own address
// (organisations::urls::kinds, coalitions::urls::families…, named by its Taxonomy), its entries are
// renamed under it (the route table in http/routes.cpp keeps the patterns).
#pragma once
#include <string>
#include <string_view>

#include "taxonomies/taxonomy.hpp"

namespace fabrique::taxonomies::urls {

inline std::string edit(const Taxonomy& t) { return t.path(); }
inline std::string rename(const Taxonomy& t, std::string_view slug) { return edit(t) + "/" + std::string(slug); }

}  // namespace fabrique::taxonomies::urls
