// Use case: a co-porteur or an animateur saves the booklet as a new revision, unless someone saved
// since the revision they started from — then nothing is written and they are shown both texts.
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

}  // namespace

BookletResult save_booklet(storage::Connection& c, const User& actor, std::string_view slug, const BookletEdit& edit,
                           sys_seconds now) {
  BookletResult out;
  Booklet wanted;
  for (const auto& [key, body] : edit.sections) {
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

  storage::Transaction tx(c, true);
  auto k = store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can edit its booklet."));
  if (!out.errors.empty()) return out;

  out.current_revision = k->booklet_revision;
  if (edit.base_revision != k->booklet_revision) {
    out.conflict = true;
    out.current = store::current_booklet(c, k->id);
    out.base = store::booklet_at(c, k->id, edit.base_revision);
    return out;
  }
  Booklet current = store::current_booklet(c, k->id);
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
  if (!store::insert_revision(c, k->id, out.revision, actor.id, now, comment, std::nullopt, changed)) {
    // Unreachable inside the write transaction (the revision was read under the same lock), but
    // kept so that a backend with weaker isolation still never overwrites silently.
    out.conflict = true;
    return out;
  }
  index_booklet(c, k->slug);
  tx.commit();
  return out;
}

}  // namespace fabrique::coalitions
