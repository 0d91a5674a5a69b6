// The sitemaps.org documents that list the public pages for search engines and archivists: one
// urlset while the pages fit in one file, else an index pointing at several numbered files.
#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opendata/store.hpp"

namespace fabrique::opendata::sitemap {

// How many files `pages` need with at most `max_urls` addresses each (at least 1).
std::size_t parts(std::size_t pages, std::size_t max_urls);

// The address of file `part` (1-based) of a split sitemap.
std::string part_url(const std::string& base_url, std::size_t part);

// A <urlset> of pages [from, to) with absolute addresses under `base_url` and <lastmod> where known.
std::string urlset(const std::string& base_url, const store::PageList& pages, std::size_t from, std::size_t to);

using Modified = std::optional<std::chrono::sys_seconds>;
// The latest <lastmod> of pages [from, to) (nothing when none of them has one).
Modified latest(const store::PageList& pages, std::size_t from, std::size_t to);
// The latest <lastmod> of each of the `parts(pages.size(), max_urls)` files, in order.
std::vector<Modified> latest_of_parts(const store::PageList& pages, std::size_t max_urls);

// A <sitemapindex> of the files whose latest changes are `parts` (latest_of_parts), in order.
std::string index(const std::string& base_url, const std::vector<Modified>& parts);

// robots.txt: the sitemap's address, and the pages of accounts, forms and administration closed to robots.
std::string robots(const std::string& base_url);

// Whether robots.txt closes `path` to robots (as robots read it: a prefix, '*' for any characters).
// The static archive leaves out the same pages.
bool closed_to_robots(std::string_view path);

}  // namespace fabrique::opendata::sitemap
