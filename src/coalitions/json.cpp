// Serialising coalitions to JSON with Boost.JSON.
#include "coalitions/json.hpp"

#include <boost/json/serialize.hpp>

#include "coalitions/urls.hpp"
#include "http/open_data.hpp"

namespace fabrique::coalitions::json {

boost::json::object revision(const RevisionEntry& r) {
  boost::json::object o;
  o["number"] = r.number;
  o["created_at"] = iso(r.created_at);
  o["author"] = r.author.empty() ? boost::json::value(nullptr) : boost::json::value(r.author);
  o["comment"] = r.comment;
  o["restored_from"] = r.restored_from ? boost::json::value(*r.restored_from) : boost::json::value(nullptr);
  if (r.merged_with) o["merged_with"] = *r.merged_with;
  return o;
}

boost::json::object summary(const http::Context& ctx, const Coalition& k) {
  boost::json::object o;
  o["number"] = k.number;
  o["slug"] = k.slug;
  o["title"] = k.title;
  o["summary"] = k.summary;
  o["url"] = ctx.base_url + urls::coalition(k.slug);
  o["family"] = {{"slug", k.family_slug}, {"label", k.family_label}};
  if (k.cohort_id)
    o["cohort"] = {{"slug", k.cohort_slug}, {"label", k.cohort_label}};
  else
    o["cohort"] = nullptr;
  o["stage"] = k.stage;
  o["stage_since"] = iso(k.stage_since);
  if (k.animating_organisation_id)
    o["animating_organisation"] = {{"slug", k.animating_organisation_slug}, {"name", k.animating_organisation_name}};
  else
    o["animating_organisation"] = nullptr;
  boost::json::array scales;
  if (k.scale_local) scales.push_back("local");
  if (k.scale_national) scales.push_back("national");
  if (k.scale_european) scales.push_back("european");
  o["scales"] = std::move(scales);
  o["booklet_revision"] = k.booklet_revision;
  o["last_activity_at"] = iso(k.last_activity_at);
  return o;
}

namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";

// The licence comes first, so that whoever opens the document reads it before the data.
// Built on `body`'s storage, so that its values move instead of being copied.
boost::json::object with_licence(const http::Context& ctx, boost::json::object body) {
  boost::json::object document(body.storage());
  document.reserve(body.size() + 1);
  document["licence"] = {{"id", ctx.options.data_licence},
                         {"url", http::open_data::licence_url(ctx.options.data_licence)}};
  for (auto& [key, value] : body) document[key] = std::move(value);
  return document;
}

}  // namespace

http::Response response(const http::Context& ctx, boost::json::object&& body) {
  http::Response r;
  r.content_type = kJsonType;
  r.body = boost::json::serialize(with_licence(ctx, std::move(body)));
  // CORS is the HTTP layer's (App::handle): only documents that do not depend on the session get it.
  return r;
}

StreamedDocument::StreamedDocument(const http::Context& ctx, boost::json::object head, std::string_view key)
    : spool_(ctx.request.header("accept-encoding")) {
  head[key] = boost::json::array();
  std::string opening = boost::json::serialize(with_licence(ctx, std::move(head)));
  opening.resize(opening.size() - 2);  // the empty array's "]" and the document's "}" come at the end
  spool_.write(opening);
}

void StreamedDocument::item(const boost::json::value& v) {
  if (!first_) spool_.out() += ',';
  first_ = false;
  spool_.out() += boost::json::serialize(v);
  spool_.flush_if_full();
}

http::Response StreamedDocument::finish() {
  spool_.write("]}");
  http::Response r;
  r.content_type = kJsonType;
  spool_.finish(r);
  return r;
}

http::Response error(const http::Context& ctx, int status, const char* message) {
  http::Response r = response(ctx, {{"error", ctx.tr(message)}});
  r.status = status;
  return r;
}

http::Response not_found(const http::Context& ctx) {
  http::Response r = response(ctx, {{"error", "not found"}});
  r.status = 404;
  return r;
}

http::Response page(const http::Context& ctx, std::string_view key, boost::json::array items, std::int64_t total,
                    const http::open_data::Paging& paging) {
  boost::json::object out;
  out["count"] = items.size();
  out["total"] = total;
  out["page"] = paging.page;
  out["pages"] = paging.pages(total);
  out["per_page"] = paging.per_page;
  out[key] = std::move(items);
  http::Response r = response(ctx, std::move(out));
  http::open_data::set_paging_links(r, ctx.base_url, ctx.request.path, ctx.request.query, paging.page,
                                    paging.pages(total));
  return r;
}

std::optional<http::open_data::Paging> paging(const http::Context& ctx, http::Response& refusal) {
  const char* message = nullptr;
  auto p = http::open_data::paging_of(ctx.query, message);
  if (!p) refusal = error(ctx, 400, message);
  return p;
}

}  // namespace fabrique::coalitions::json
