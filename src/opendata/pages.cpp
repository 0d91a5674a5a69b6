// /sitemap.xml, its numbered parts, and /robots.txt.
#include "opendata/pages.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "http/open_data.hpp"
#include "opendata/sitemap.hpp"
#include "opendata/store.hpp"
#include "storage/settings.hpp"

namespace fabrique::opendata::pages {
namespace {

constexpr const char* kXml = "application/xml; charset=utf-8";

// The document, last modified when the latest of its pages was.
Response xml(std::string body, const sitemap::Modified& latest) {
  Response r;
  r.content_type = kXml;
  r.body = std::move(body);
  if (latest) http::open_data::set_last_modified(r, *latest);
  return r;
}

// The latest change of each part of a split sitemap, kept as the list of pages is: the index would
// otherwise walk the whole list (hundreds of thousands of pages at a large programme's size) twice
// per request.
std::shared_ptr<const std::vector<sitemap::Modified>> latest_of_parts(Context& ctx, std::size_t max) {
  using Parts = std::shared_ptr<const std::vector<sitemap::Modified>>;
  return storage::settings::memo<Parts>(ctx.db, "opendata.sitemap_parts." + std::to_string(max), [&] {
    return std::make_shared<const std::vector<sitemap::Modified>>(
        sitemap::latest_of_parts(*store::public_pages(ctx.db), max));
  });
}

}  // namespace

Response sitemap(Context& ctx) {
  const auto shared = store::public_pages(ctx.db);
  const auto& pages = *shared;
  const std::size_t max = ctx.options.sitemap_max_urls;
  if (pages.size() <= max)
    return xml(sitemap::urlset(ctx.base_url, pages, 0, pages.size()), sitemap::latest(pages, 0, pages.size()));
  const auto parts = latest_of_parts(ctx, max);
  sitemap::Modified latest;
  for (const auto& at : *parts)
    if (at && (!latest || *at > *latest)) latest = at;
  return xml(sitemap::index(ctx.base_url, *parts), latest);
}

Response sitemap_part(Context& ctx) {
  const auto shared = store::public_pages(ctx.db);
  const auto& pages = *shared;
  const std::size_t max = ctx.options.sitemap_max_urls;
  const std::int64_t part = ctx.param_int("part");
  // A sitemap that fits in one file has no parts.
  if (pages.size() <= max || part < 1 || static_cast<std::size_t>(part) > sitemap::parts(pages.size(), max))
    throw NotFound();
  const std::size_t from = (static_cast<std::size_t>(part) - 1) * max;
  return xml(sitemap::urlset(ctx.base_url, pages, from, from + max), sitemap::latest(pages, from, from + max));
}

Response robots(Context& ctx) {
  Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = sitemap::robots(ctx.base_url);
  return r;
}

}  // namespace fabrique::opendata::pages
