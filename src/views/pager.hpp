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

// Narrows `filter` (its limit and offset) to the page asked for of a list of `total` things, and
// tells `page` where it stands (total, page, pages, and pager_base: the list at `address` with its
// filters, page.query_string).
template <class Page, class Filter>
void narrow_to_page(const http::Context& ctx, std::int64_t total, std::int64_t per_page, const std::string& address,
                    Page& page, Filter& filter) {
  const PageOf shown = page_of(ctx, total, per_page);
  page.total = total;
  page.page = shown.page;
  page.pages = shown.pages;
  page.pager_base = pager_base(address, page.query_string);
  filter.limit = shown.limit;
  filter.offset = shown.offset;
}

}  // namespace fabrique::views
