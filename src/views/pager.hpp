// The navigation between pages of a long list ("Page 2 of 7", previous, next).
#pragma once
#include <cstdint>
#include <string>

#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::views {

// Empty when there is one page. `base` is the list's address ending where the page number goes,
// e.g. "/ressources?type=guide&page=".
html::Html pager(const http::Context& ctx, const std::string& base, std::int64_t page, std::int64_t pages);

}  // namespace fabrique::views
