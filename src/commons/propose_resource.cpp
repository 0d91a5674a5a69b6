// Use case: a member proposes a resource; an animateur or a co-porteur of a linked coalition
// publishes it at once; anyone else's proposal waits as a draft, and those who may publish it are told.
#include "coalitions/store.hpp"
#include "commons/store.hpp"
#include "commons/urls.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "territories/links.hpp"

namespace fabrique::commons {

using i18n::N_;

ResourceResult propose_resource(storage::Connection& c, const User& actor, const ResourceInput& in, sys_seconds now) {
  ResourceResult out;
  storage::Transaction tx(c, true);
  std::optional<std::string> file_type;
  Resource r = validate(c, in, false, out.errors, file_type);
  const auto places =
      territories::resolve_places(c, in.territories.value_or(std::vector<std::string>{}), out.errors, "territoires");
  if (!out.errors.empty()) return out;
  if (file_type) r.file_id = files::store(c, *in.file, *file_type, actor.id, now).id;
  r.slug = unique_slug(r.title, [&](const std::string& s) { return store::resource_slug_taken(c, s); });
  r.submitted_by = actor.id;
  r.status = can_publish(c, &actor, r) ? Status::published : Status::draft;
  r.created_at = r.updated_at = now;
  r.id = store::insert_resource(c, r);
  territories::place(c, territories::subject::resource, r.id, places);
  store::set_resource_links(c, r.id, r.tags, [&] {
    std::vector<std::int64_t> ids;
    for (const auto& k : r.coalitions) ids.push_back(k.id);
    return ids;
  }());
  out.resource = store::resource(c, r.slug);
  store::insert_resource_revision(c, *out.resource, actor.id, now);
  index_resource(c, *out.resource);
  if (r.status == Status::draft) {
    // Those who may publish it are told: the animateurs and the co-porteurs of its coalitions.
    auto moderators = notifications::animateurs(c);
    for (const auto& k : r.coalitions)
      for (const auto& m : coalitions::store::members(c, k.id))
        if (m.role == coalitions::Role::co_porteur) moderators.push_back(m.user_id);
    notifications::notify_each(c, moderators, actor.id, notifications::kModeration,
                               N_("A resource waits for review: “{}”"), urls::resource(r.slug), now, r.title);
  }
  tx.commit();
  return out;
}

}  // namespace fabrique::commons
