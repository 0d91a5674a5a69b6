// Use case: someone who may edit a resource changes its metadata, as a new revision. A form from an
// older revision is merged field by field with what was saved meanwhile; a field both changed
// differently is to settle first.
#include <algorithm>

#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"

namespace fabrique::commons {

ResourceResult save_resource(storage::Connection& c, const User& actor, const Resource& current,
                             const ResourceInput& in, sys_seconds now, std::optional<std::int64_t> merged_with) {
  ResourceResult out;
  std::optional<std::string> file_type;
  Resource r = validate(c, in, current.file_id.has_value(), out.errors, file_type);
  std::vector<std::int64_t> places;
  if (in.territories) places = territories::resolve_places(c, *in.territories, out.errors, "territoires");
  if (!out.errors.empty()) return out;
  r.file_id = current.file_id;  // a file stays attached unless replaced
  if (in.base_revision != current.revision) {
    out.conflict = true;
    out.resource = current;
    return out;
  }
  // Where it is placed is not part of its revisions: saved even when nothing else changed.
  if (in.territories) territories::place(c, territories::subject::resource, current.id, places);
  auto same_coalitions = [&] {
    if (r.coalitions.size() != current.coalitions.size()) return false;
    for (std::size_t i = 0; i < r.coalitions.size(); ++i)
      if (r.coalitions[i].id != current.coalitions[i].id) return false;
    return true;
  };
  if (file_type) r.file_id = files::store(c, *in.file, *file_type, actor.id, now).id;
  if (r.title == current.title && r.description == current.description && r.url == current.url &&
      r.file_id == current.file_id && r.kind == current.kind && r.licence == current.licence &&
      r.creator == current.creator && r.tags == current.tags && same_coalitions()) {
    out.resource = current;  // unchanged: no revision
    return out;
  }
  r.id = current.id;
  r.slug = current.slug;  // addresses stay stable
  r.revision = current.revision + 1;
  r.updated_at = now;
  if (!store::update_resource(c, r)) {
    out.conflict = true;  // only with weaker isolation than our write transaction
    return out;
  }
  std::vector<std::int64_t> ids;
  for (const auto& k : r.coalitions) ids.push_back(k.id);
  store::set_resource_links(c, r.id, r.tags, ids);
  out.resource = store::resource(c, r.slug);
  store::insert_resource_revision(c, *out.resource, actor.id, now, merged_with);
  out.merged_with = merged_with.value_or(0);
  index_resource(c, *out.resource);
  return out;
}

namespace {

// A list as the merge compares it: its items in order, one way of writing it.
std::string joined(std::vector<std::string> items, bool sorted) {
  if (sorted) std::sort(items.begin(), items.end());
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// A resource's metadata as the merge compares it, named as the form names it (its file is not
// merged: a new file is this person's own change).
text::Fields as_fields(const ResourceInput& in) {
  return {{"title", in.title},
          {"description", in.description},
          {"url", in.url},
          {"kind", in.kind},
          {"licence", in.licence},
          {"creator", in.creator},
          {"tags", joined(split_list(in.tags), false)},
          {"coalitions", joined(in.coalitions, true)}};
}
text::Fields as_fields(const Resource& r) {
  ResourceInput in{.title = r.title,
                   .description = r.description,
                   .url = r.url,
                   .kind = r.kind,
                   .licence = r.licence,
                   .creator = r.creator,
                   .tags = joined(r.tags, false)};
  for (const auto& k : r.coalitions) in.coalitions.push_back(k.slug);
  return as_fields(in);
}
// A revision names its coalitions by number; one deleted since is left out.
text::Fields as_fields(const ResourceRevision& v, const std::vector<CoalitionRef>& coalitions) {
  ResourceInput in{.title = v.title,
                   .description = v.description,
                   .url = v.url,
                   .kind = v.kind,
                   .licence = v.licence,
                   .creator = v.creator,
                   .tags = v.tags};
  for (const auto& n : split_list(v.coalitions))
    for (const auto& k : coalitions)
      if (n == k.number) in.coalitions.push_back(k.slug);
  return as_fields(in);
}
ResourceInput as_input(const ResourceInput& sent, const text::Fields& f, std::int64_t base_revision) {
  auto at = [&](const char* name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  ResourceInput in = sent;  // its file
  in.title = at("title");
  in.description = at("description");
  in.url = at("url");
  in.kind = at("kind");
  in.licence = at("licence");
  in.creator = at("creator");
  in.tags = at("tags");
  in.coalitions = split_list(at("coalitions"));
  in.base_revision = base_revision;
  in.merge = {};
  return in;
}

}  // namespace

ResourceResult update_resource(storage::Connection& c, const User& actor, std::string_view slug,
                               const ResourceInput& in, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::resource(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, *current))
    throw Forbidden(
        i18n::N_("Only its submitter, the co-porteurs of its coalitions and the animateurs can edit this resource."));
  const auto coalitions = store::coalitions(c);
  auto r = text::resolve(as_fields(in), in.merge, in.base_revision, as_fields(*current), current->revision,
                         [&](std::int64_t n) -> std::optional<text::Fields> {
                           if (auto v = store::resource_revision(c, current->id, n)) return as_fields(*v, coalitions);
                           return std::nullopt;
                         });
  if (r.to_settle()) {
    ResourceResult out;
    for (const auto& name : r.unsettled)
      out.errors.add(text::choice_field(name), i18n::N_("Choose which text to keep, or merge them by hand."));
    out.conflict = true;
    out.resource = *current;
    out.merged = as_input(in, r.form, r.form_revision);
    out.merge = std::move(r);
    return out;
  }
  ResourceResult out = save_resource(
      c, actor, *current, as_input(in, r.wanted, r.merged_with.value_or(in.base_revision)), now, r.merged_with);
  if (out.errors.empty() && !out.conflict) tx.commit();
  return out;
}

}  // namespace fabrique::commons
