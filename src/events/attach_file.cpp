// Use case: an organiser attaches a file to the minutes of an event, or removes one.
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::events {

using i18n::N_;

FieldErrors attach_file(storage::Connection& c, const User& actor, std::string_view slug, const files::Upload* upload,
                        sys_seconds now) {
  FieldErrors errors;
  const files::Upload none{"file", "", "", ""};
  // Checked before the transaction: reading 20 MB with libmagic need not hold the write lock.
  auto media_type = files::check(upload ? *upload : none, "file", errors);
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  if (!media_type) return errors;
  auto stored = files::store(c, *upload, *media_type, actor.id, now);
  store::insert_attachment(c, e.id, stored.id);
  tx.commit();
  return errors;
}

void remove_attachment(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t file_id) {
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  if (!store::is_attachment(c, e.id, file_id)) throw NotFound();
  files::remove(c, file_id);  // the link goes with it (ON DELETE CASCADE)
  tx.commit();
}

}  // namespace fabrique::events
