// Use case: an animateur edits a drafted version of the charter, until its consultation opens; from
// then on the text is frozen, since members comment on it and sign what was adopted.
#include "commons/index_charter.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

using i18n::N_;

CharterEdit edit_charter_draft(storage::Connection& c, const User& actor, std::int64_t number,
                               const CharterDraftInput& in, std::int64_t base_updated_at, sys_seconds now) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only the animateurs can edit a draft of the charter."));
  CharterEdit out;
  CharterVersion edited = validate(in, out.errors);
  storage::Transaction tx(c, true);
  auto v = store::charter_version(c, number);
  if (!v) throw NotFound();
  if (v->frozen()) {
    out.frozen = true;  // checked before the fields: nothing the form says can change it
    return out;
  }
  if (!out.errors.empty()) return out;
  if (base_updated_at != v->updated_at.time_since_epoch().count()) {
    out.conflict = true;
    return out;
  }
  v->label = edited.label;
  v->summary = edited.summary;
  v->sections = edited.sections;
  // One second later at least, so that a form made before this edit is always seen as stale.
  v->updated_at = std::max(now, v->updated_at + std::chrono::seconds(1));
  store::update_charter_version(c, *v);
  index_charter(c, *v);
  tx.commit();
  return out;
}

}  // namespace fabrique::commons
