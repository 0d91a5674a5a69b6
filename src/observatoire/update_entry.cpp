// Use case: an observatory editor saves an entry (fields, lists and evidence) as a new revision,
// unless someone saved since the revision they started from.
#include "common/text.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"
#include "observatoire/write_entry.hpp"
#include "territories/links.hpp"

namespace fabrique::observatoire {

using i18n::N_;

SaveResult update_entry(storage::Connection& c, const User& actor, std::string_view slug, const EntryEdit& edit,
                        sys_seconds now) {
  SaveResult out;
  Document clean = validate_document(edit.doc, out.errors, now);
  std::string src = validate_source(edit.source, out.errors, false);
  std::string comment = text::trim(edit.comment);
  if (!text::valid_utf8(comment, false) || text::length(comment) > kMaxComment)
    out.errors.add("comment", N_("The comment is too long (300 characters at most)."));
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  if (!can_edit(c, &actor)) throw Forbidden(N_("Only observatory editors can edit an entry."));
  out.entry = e;
  std::vector<std::int64_t> places;
  if (edit.territories) places = territories::resolve_places(c, *edit.territories, out.errors, "territoires");
  if (!out.errors.empty()) return out;
  if (edit.base_revision != e->revision) {
    out.conflict = true;
    return out;
  }
  // Where it is placed is not part of its revisions: saved even when nothing else changed.
  if (edit.territories) territories::place(c, territories::subject::observatory_entry, e->id, places);
  if (clean == e->doc) {
    out.unchanged = true;
    tx.commit();
    return out;
  }
  out.entry = write_entry(c, &*e, clean, {.author = actor.id, .source = src, .comment = comment, .now = now});
  if (!out.entry) {
    // Unreachable under the write lock, kept so that weaker isolation never overwrites silently.
    out.conflict = true;
    return out;
  }
  tx.commit();
  return out;
}

}  // namespace fabrique::observatoire
