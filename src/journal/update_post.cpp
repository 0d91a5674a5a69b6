// Use case: someone who may edit a post changes it, as a new revision. A form from an older revision
// is merged field by field with what was saved meanwhile (text::merge_fields); when both changed the
// same field differently nothing is written and the person's text comes back to compare.
#include "i18n/i18n.hpp"
#include "journal/store.hpp"
#include "journal/use_cases.hpp"
#include "territories/links.hpp"

namespace fabrique::journal {

namespace {

// The coalitions as the revisions keep them: their slugs, space-separated.
std::string joined(const std::vector<std::string>& slugs) {
  std::string out;
  for (const auto& s : slugs)
    if (!s.empty()) out += (out.empty() ? "" : " ") + s;
  return out;
}
std::vector<std::string> split(const std::string& slugs) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < slugs.size()) {
    std::size_t to = slugs.find(' ', from);
    if (to == std::string::npos) to = slugs.size();
    if (to > from) out.push_back(slugs.substr(from, to - from));
    from = to + 1;
  }
  return out;
}

text::Fields as_fields(const std::string& title, const std::string& kind, const std::string& link,
                       const std::string& summary, const std::string& body, const std::string& coalitions) {
  return {{"title", title},     {"kind", kind}, {"link", link},
          {"summary", summary}, {"body", body}, {"coalitions", coalitions}};
}
text::Fields as_fields(const PostInput& in) {
  return as_fields(in.title, in.kind, in.link, in.summary, in.body, joined(in.coalitions));
}
text::Fields as_fields(const PostRevision& r) {
  return as_fields(r.title, r.kind, r.link, r.summary, r.body, r.coalitions);
}
text::Fields as_fields(const Post& p) {
  std::vector<std::string> slugs;
  for (const auto& k : p.links.coalitions) slugs.push_back(k.slug);
  return as_fields(p.title, p.kind, p.link, p.summary, p.body, joined(slugs));
}
std::vector<std::int64_t> ids_of(const std::vector<LinkRef>& refs) {
  std::vector<std::int64_t> out;
  for (const auto& r : refs) out.push_back(r.id);
  return out;
}
std::vector<std::int64_t> ids_of(const std::vector<CoalitionRef>& refs) {
  std::vector<std::int64_t> out;
  for (const auto& r : refs) out.push_back(r.id);
  return out;
}
std::vector<std::string> place_keys(const std::vector<territories::TerritoryRef>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.key);
  return out;
}
bool same_links(const PostLinks& a, const PostLinks& b) {
  return ids_of(a.coalitions) == ids_of(b.coalitions) && ids_of(a.events) == ids_of(b.events) &&
         ids_of(a.datasets) == ids_of(b.datasets) && ids_of(a.resources) == ids_of(b.resources) &&
         place_keys(a.places) == place_keys(b.places);
}
void take(PostInput& in, const text::Fields& f) {
  auto at = [&](const char* name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  in.title = at("title");
  in.kind = at("kind");
  in.link = at("link");
  in.summary = at("summary");
  in.body = at("body");
  in.coalitions = split(at("coalitions"));
}

}  // namespace

PostResult update_post(storage::Connection& c, const User& actor, std::string_view slug, const PostInput& sent,
                       sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::post(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, *current))
    throw Forbidden(i18n::N_("Only the animateurs and the co-porteurs of its coalition can edit this post."));
  PostResult out;
  PostInput in = sent;
  std::optional<std::int64_t> merged_with;
  if (in.base_revision != current->revision) {
    auto base = store::revision(c, current->id, in.base_revision);
    if (!base) {
      out.conflict = true;
      return out;
    }
    // Someone saved since the form was drawn: only what this person changed is brought over.
    auto merged = text::merge_fields(as_fields(*base), as_fields(*current), as_fields(in));
    if (!merged.conflicts.empty()) {
      out.conflict = true;
      out.conflicts = std::move(merged.conflicts);
      out.post = current;
      return out;
    }
    take(in, merged.fields);
    merged_with = current->revision;
  }
  std::vector<std::int64_t> places;
  Post p = validate(c, actor, in, now, out.errors, places);
  if (!out.errors.empty()) return out;
  // Published again without a new date: it keeps the date it was first published on.
  if (p.status == Status::published && sent.publish_on.empty() && current->published_at)
    p.published_at = current->published_at;
  if (p.title == current->title && p.kind == current->kind && p.link == current->link &&
      p.summary == current->summary && p.body == current->body && p.status == current->status &&
      p.published_at == current->published_at && same_links(p.links, current->links)) {
    out.post = current;  // unchanged: no revision
    return out;
  }
  p.id = current->id;
  p.slug = current->slug;
  p.author_id = current->author_id;
  p.created_at = current->created_at;
  p.revision = current->revision + 1;
  p.updated_at = now;
  if (!store::update_post(c, p)) {
    out.conflict = true;
    return out;
  }
  store::set_links(c, p.id, p.links);
  territories::place(c, territories::subject::post, p.id, places);
  out.post = store::post(c, p.slug);
  store::insert_revision(c, *out.post, actor.id, now, merged_with);
  index_post(c, *out.post);
  out.merged_with = merged_with.value_or(0);
  tx.commit();
  return out;
}

}  // namespace fabrique::journal
