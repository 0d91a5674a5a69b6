// Use case: an observatory editor publishes a new register entry; the public body is invited to answer.
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"
#include "observatoire/write_entry.hpp"
#include "territories/links.hpp"

namespace fabrique::observatoire {

using i18n::N_;

SaveResult create_entry(storage::Connection& c, const User& actor, const Document& doc, const std::string& source,
                        sys_seconds now, const std::vector<std::string>& places) {
  SaveResult out;
  Document clean = validate_document(doc, out.errors, now);
  std::string src = validate_source(source, out.errors, false);
  storage::Transaction tx(c, true);
  if (!can_edit(c, &actor)) throw Forbidden(N_("Only observatory editors can publish an entry."));
  const auto ids = territories::resolve_places(c, places, out.errors, "territoires");
  if (!out.errors.empty()) return out;
  out.entry = write_entry(c, nullptr, clean, {.author = actor.id, .source = src, .now = now});
  if (out.entry) {
    territories::place(c, territories::subject::observatory_entry, out.entry->id, ids);
    invite_reply(c, *out.entry, now);
  }
  tx.commit();
  return out;
}

}  // namespace fabrique::observatoire
