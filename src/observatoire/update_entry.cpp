// Use case: an observatory editor saves an entry (fields, lists and evidence) as a new revision,
// unless someone saved since the revision they started from.
#include "common/text.hpp"
#include "observatoire/form_fields.hpp"
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
  // The form as it would be stored, so that it compares with the stored revisions field by field.
  FieldErrors ignored;
  const Document sent = validate_document(edit.doc, ignored, now);
  std::string src = validate_source(edit.source, out.errors, false);
  std::string comment = text::trim(edit.comment);
  if (!text::valid_utf8(comment, false) || text::length(comment) > kMaxComment)
    out.errors.add("comment", N_("The comment is too long (300 characters at most)."));
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  if (!can_edit(c, &actor)) throw Forbidden(N_("Only observatory editors can edit an entry."));
  out.entry = e;
  auto r = text::resolve(form_fields(sent), edit.merge, edit.base_revision, form_fields(e->doc), e->revision,
                         [&](std::int64_t n) -> std::optional<text::Fields> {
                           if (auto d = store::document_at(c, e->id, n)) return form_fields(*d);
                           return std::nullopt;
                         });
  if (r.to_settle()) {
    for (const auto& name : r.unsettled)
      out.errors.add(text::choice_field(name), N_("Choose which text to keep, or merge them by hand."));
    out.conflict = true;
    out.form = document_of(r.form);
    out.form_revision = r.form_revision;
    out.merge = std::move(r);
    return out;
  }
  const std::int64_t base = r.merged_with.value_or(edit.base_revision);
  Document clean = validate_document(document_of(r.wanted), out.errors, now);
  std::vector<std::int64_t> places;
  if (edit.territories) places = territories::resolve_places(c, *edit.territories, out.errors, "territoires");
  if (!out.errors.empty() || base != e->revision) {
    // Refused, or from a revision no longer kept: the form again, merged, from the current revision.
    out.conflict = out.errors.empty();
    out.form = r.merged_with ? clean : edit.doc;
    out.form_revision = r.merged_with || out.conflict ? e->revision : edit.base_revision;
    return out;
  }
  // Where it is placed is not part of its revisions: saved even when nothing else changed.
  if (edit.territories) territories::place(c, territories::subject::observatory_entry, e->id, places);
  if (clean == e->doc) {
    out.unchanged = true;
    tx.commit();
    return out;
  }
  out.entry = write_entry(
      c, &*e, clean, {.author = actor.id, .source = src, .comment = comment, .now = now, .merged_with = r.merged_with});
  if (!out.entry) {
    // Unreachable under the write lock, kept so that weaker isolation never overwrites silently.
    out.conflict = true;
    return out;
  }
  out.merged_with = r.merged_with.value_or(0);
  tx.commit();
  return out;
}

}  // namespace fabrique::observatoire
