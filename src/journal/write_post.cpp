// Use case: an animateur, or a co-porteur for their coalition, writes a post: kept as a draft, or
// published, at once or from a later date (seen by everyone only from then on).
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"
#include "journal/store.hpp"
#include "journal/use_cases.hpp"
#include "territories/links.hpp"

namespace fabrique::journal {

PostResult write_post(storage::Connection& c, const User& actor, const PostInput& in, sys_seconds now) {
  PostResult out;
  storage::Transaction tx(c, true);
  if (!can_write(c, &actor))
    throw Forbidden(i18n::N_("Only the animateurs and the co-porteurs of a coalition write in the journal."));
  std::vector<std::int64_t> places;
  Post p = validate(c, actor, in, now, out.errors, places);
  if (!out.errors.empty()) return out;
  p.slug = commons::unique_slug(
      p.title, [&](const std::string& s) { return s == "ecrire" || s == "lettres" || store::slug_taken(c, s); });
  p.author_id = actor.id;
  p.created_at = p.updated_at = now;
  p.id = store::insert_post(c, p);
  store::set_links(c, p.id, p.links);
  territories::place(c, territories::subject::post, p.id, places);
  out.post = store::post(c, p.slug);
  store::insert_revision(c, *out.post, actor.id, now);
  index_post(c, *out.post);
  tx.commit();
  return out;
}

}  // namespace fabrique::journal
