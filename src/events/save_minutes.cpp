// Use case: an organiser saves the minutes ("Retour sur …") as a new revision, unless someone saved
// since the revision they started from — then nothing is written and both texts are returned. The
// first text published tells those who held a place.
#include "common/text.hpp"
#include "events/store.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::events {

using i18n::N_;

namespace {
// A browser's CRLF is not a change.
std::string normalise(std::string_view body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i)
    if (body[i] != '\r') out += body[i];
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}
}  // namespace

MinutesResult save_minutes(storage::Connection& c, const User& actor, std::string_view slug, const MinutesEdit& edit,
                           sys_seconds now) {
  MinutesResult out;
  std::string body = normalise(edit.body);
  if (body.size() > kMaxMinutesBytes)
    out.errors.add("minutes", N_("The minutes are too long (200 KB at most)."));
  else if (!text::valid_utf8(body))
    out.errors.add("minutes", N_("This field contains characters that are not allowed."));
  std::string comment =
      check_line(out.errors, "comment", edit.comment, 300, N_("The comment is too long (300 characters at most)."));
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  if (!out.errors.empty()) return out;
  out.current_revision = e.minutes_revision;
  if (edit.base_revision != e.minutes_revision) {
    out.conflict = true;
    out.current = e.minutes;
    if (auto base = store::minutes_revision(c, e.id, edit.base_revision)) out.base = base->body;
    return out;
  }
  if (body == e.minutes) {
    out.unchanged = true;
    return out;
  }
  out.revision = e.minutes_revision + 1;
  if (!store::insert_minutes_revision(c, e.id, out.revision, actor.id, now, comment, std::nullopt, body)) {
    out.conflict = true;  // unreachable under the write lock; kept so nothing is ever overwritten
    return out;
  }
  e.minutes = body;
  index_event(c, e);
  // The first text of the minutes is their publication: those who held a place are told.
  if (out.revision == 1)
    for (const auto& r : store::registrations(c, e.id))
      if (r.status == Status::registered && r.user_id != actor.id)
        notifications::notify(c, r.user_id, notifications::kEvents, N_("The minutes of “{}” are published"),
                              urls::minutes(e.slug), now, e.title);
  tx.commit();
  return out;
}

std::int64_t restore_minutes(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t number,
                             sys_seconds now) {
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  auto old = store::minutes_revision(c, e.id, number);
  if (!old) throw NotFound();
  if (old->body == e.minutes) return 0;
  const std::int64_t revision = e.minutes_revision + 1;
  store::insert_minutes_revision(c, e.id, revision, actor.id, now, "", number, old->body);
  e.minutes = old->body;
  index_event(c, e);
  tx.commit();
  return revision;
}

}  // namespace fabrique::events
