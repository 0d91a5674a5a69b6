// Use case: someone who may edit a resource changes its metadata, as a new revision, unless
// someone saved since the revision their form was made from.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"

namespace fabrique::commons {

ResourceResult save_resource(storage::Connection& c, const User& actor, const Resource& current,
                             const ResourceInput& in, sys_seconds now) {
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
  store::insert_resource_revision(c, *out.resource, actor.id, now);
  index_resource(c, *out.resource);
  return out;
}

ResourceResult update_resource(storage::Connection& c, const User& actor, std::string_view slug,
                               const ResourceInput& in, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::resource(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, *current))
    throw Forbidden(
        i18n::N_("Only its submitter, the co-porteurs of its coalitions and the animateurs can edit this resource."));
  ResourceResult out = save_resource(c, actor, *current, in, now);
  if (out.errors.empty() && !out.conflict) tx.commit();
  return out;
}

}  // namespace fabrique::commons
