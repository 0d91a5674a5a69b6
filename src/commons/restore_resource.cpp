// Use case: an animateur or a co-porteur of a linked coalition brings back the metadata of an old
// revision of a resource, saved as a new revision (nothing is lost: the current state stays in the
// history).
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

ResourceResult restore_resource_revision(storage::Connection& c, const User& actor, std::string_view slug,
                                         std::int64_t number, std::int64_t base_revision, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::resource(c, slug);
  if (!current) throw NotFound();
  if (!can_publish(c, &actor, *current))
    throw Forbidden(
        i18n::N_("Only the co-porteurs of its coalitions and the animateurs can restore a revision of this resource."));
  auto old = store::resource_revision(c, current->id, number);
  if (!old) throw NotFound();
  ResourceInput in;
  in.title = old->title;
  in.description = old->description;
  in.url = old->url;
  in.kind = old->kind;
  in.licence = old->licence;
  in.creator = old->creator;
  in.tags = old->tags;
  in.base_revision = base_revision;
  // The revision names its coalitions by number; one deleted since is left out.
  for (const auto& k : store::coalitions(c))
    for (const auto& n : split_list(old->coalitions))
      if (n == k.number) in.coalitions.push_back(k.slug);
  ResourceResult out = save_resource(c, actor, *current, in, now);
  if (out.errors.empty() && !out.conflict) tx.commit();
  return out;
}

}  // namespace fabrique::commons
