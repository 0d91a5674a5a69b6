// Use case: a co-porteur or an animateur saves the booklet as a new revision. When someone saved
// since the revision they started from, the two are merged section by section; a section both
// changed differently is shown to settle, and nothing is written until it is.
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::coalitions {

using i18n::N_;

namespace {

// Normalises line endings so that a browser's CRLF does not count as a change.
std::string normalise(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') {
      out += '\n';
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
    } else {
      out += body[i];
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// The text of section `key`, empty when it was never written.
std::string section_text(const Booklet& booklet, const std::string& key) {
  auto it = booklet.find(key);
  return it == booklet.end() ? std::string() : it->second;
}

}  // namespace

BookletResult save_booklet(storage::Connection& c, const User& actor, std::string_view slug, const BookletEdit& edit,
                           sys_seconds now) {
  BookletResult out;
  storage::Transaction tx(c, true);
  auto k = store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can edit its booklet."));

  // A section settled on the conflict page takes the text chosen there, "theirs" being its text at
  // the revision the page showed, which the form now starts from; the others keep their textarea's.
  Booklet typed = edit.sections;
  Booklet shown;
  if (!edit.merge.empty()) shown = store::booklet_at(c, k->id, edit.base_revision);
  for (const auto& [key, s] : edit.merge.settlements) {
    if (!is_section(key)) continue;
    if (auto settled = text::settled_text(s, section_text(shown, key)))
      typed[key] = std::move(*settled);
    else
      out.errors.add(text::choice_field(key), N_("Choose which text to keep, or merge them by hand."));
  }
  Booklet wanted;
  for (const auto& [key, body] : typed) {
    if (!is_section(key)) continue;  // unknown fields are ignored, never stored
    if (body.size() > kMaxSectionBytes) {
      out.errors.add(key, N_("This section is too long (100 KB at most)."));
    } else if (!text::valid_utf8(body)) {
      out.errors.add(key, N_("This section contains characters that are not allowed."));
    }
    wanted[key] = normalise(body);
  }
  std::string comment = text::trim(edit.comment);
  if (!text::valid_utf8(comment, false) || text::length(comment) > kMaxComment)
    out.errors.add("comment", N_("The comment is too long (300 characters at most)."));
  if (!out.errors.empty()) {
    if (edit.merge.empty()) return out;
    // Refused on the conflict page: the same sections to settle again, with what was answered kept.
    out.conflict = true;
    out.current_revision = edit.base_revision;
    out.merge_base = edit.merge.base_revision.value_or(edit.base_revision);
    out.base = store::booklet_at(c, k->id, out.merge_base);
    out.current = std::move(shown);
    for (const auto& [key, s] : edit.merge.settlements) {
      if (!is_section(key)) continue;
      out.conflicts.push_back(key);
      out.mine[key] = normalise(s.mine);
    }
    out.merged = edit.sections;
    return out;
  }

  out.current_revision = k->booklet_revision;
  Booklet current = store::current_booklet(c, k->id);
  std::optional<std::int64_t> merged_with;
  if (edit.base_revision > k->booklet_revision) {
    // A revision that does not exist: no form of this site started from it. Refused, to be sent
    // again from the current one.
    out.conflict = true;
    out.merge_base = k->booklet_revision;
    out.merged = wanted;
    return out;
  }
  if (edit.base_revision < k->booklet_revision) {
    // Someone saved since the form was drawn: only what this person changed is brought over.
    Booklet base = store::booklet_at(c, k->id, edit.base_revision);
    auto merged = text::merge_fields(base, current, wanted);
    if (!merged.conflicts.empty()) {
      out.conflict = true;
      out.merge_base = edit.base_revision;
      out.conflicts = merged.conflicts;
      out.base = std::move(base);
      out.current = std::move(current);
      out.mine = wanted;
      out.merged = merged.fields;
      for (const auto& key : merged.conflicts) out.merged[key] = section_text(wanted, key);
      return out;
    }
    wanted = std::move(merged.fields);
    merged_with = k->booklet_revision;
  } else if (!edit.merge.empty()) {
    merged_with = k->booklet_revision;  // the conflicts with it were settled on the conflict page
  }
  Booklet changed;
  for (const auto& [key, body] : wanted) {
    auto it = current.find(key);
    if ((it == current.end() && !body.empty()) || (it != current.end() && it->second != body)) changed[key] = body;
  }
  if (changed.empty()) {
    out.unchanged = true;
    return out;
  }
  out.revision = k->booklet_revision + 1;
  if (!store::insert_revision(c, k->id, out.revision, actor.id, now, comment, std::nullopt, changed, merged_with)) {
    // Someone saved between the read and this write (PostgreSQL reads without the write lock): the
    // person's text goes back in the form, from the revision read, so that sending it again merges
    // it with what was saved. Nothing is overwritten.
    out.conflict = true;
    out.merged = std::move(wanted);
    return out;
  }
  out.merged_with = merged_with.value_or(0);
  index_booklet(c, k->slug);
  tx.commit();
  return out;
}

}  // namespace fabrique::coalitions
