// /sitemap.xml, its numbered parts, and /robots.txt.
#include "opendata/pages.hpp"

#include <optional>

#include "common/errors.hpp"
#include "http/open_data.hpp"
#include "opendata/sitemap.hpp"
#include "opendata/store.hpp"

namespace fabrique::opendata::pages {
namespace {

constexpr const char* kXml = "application/xml; charset=utf-8";

// The document, last modified when the latest of pages [from, to) was.
Response xml(std::string body, const std::vector<store::PublicPage>& pages, std::size_t from, std::size_t to) {
  Response r;
  r.content_type = kXml;
  r.body = std::move(body);
  std::optional<std::chrono::sys_seconds> latest;
  for (std::size_t i = from; i < to && i < pages.size(); ++i)
    if (pages[i].modified && (!latest || *pages[i].modified > *latest)) latest = pages[i].modified;
  if (latest) http::open_data::set_last_modified(r, *latest);
  return r;
}

}  // namespace

Response sitemap(Context& ctx) {
  const auto shared = store::public_pages(ctx.db);
  const auto& pages = *shared;
  const std::size_t max = ctx.options.sitemap_max_urls;
  if (pages.size() <= max) return xml(sitemap::urlset(ctx.base_url, pages, 0, pages.size()), pages, 0, pages.size());
  return xml(sitemap::index(ctx.base_url, pages, max), pages, 0, pages.size());
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
  return xml(sitemap::urlset(ctx.base_url, pages, from, from + max), pages, from, from + max);
}

Response robots(Context& ctx) {
  Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = sitemap::robots(ctx.base_url);
  return r;
}

}  // namespace fabrique::opendata::pages
