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

// The page of a list of `total` items, `per_page` a page, that the visitor asked for with ?page=
// (the first when absent or not a page number, the last when past it), and where it starts.
struct PageOf {
  std::int64_t page = 1, pages = 1, limit = 0, offset = 0;
};
PageOf page_of(const http::Context& ctx, std::int64_t total, std::int64_t per_page);
// "?filters&page=" or "?page=": the pager's base for a list at `address` narrowed by `query_string`
// ("" or "?a=b...").
std::string pager_base(const std::string& address, const std::string& query_string);

}  // namespace fabrique::views
