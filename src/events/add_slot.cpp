// Use case: an organiser adds a slot to the programme of an event, or removes one.
#include "coalitions/store.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::events {

using i18n::N_;

namespace {

// "14:00" on the event's (Paris) day, or a full "2026-12-15T14:00".
std::optional<sys_seconds> slot_time(const Event& e, const std::string& in) {
  if (in.size() == 5 && in[2] == ':') return times::parse_paris(times::date_value(e.starts_at) + "T" + in);
  return times::parse_paris(in);
}

Event organised(storage::Connection& c, const User& actor, std::string_view slug) {
  return event_to_organise(c, actor, slug, N_("Only the organisers of this event can change its programme."));
}

}  // namespace

FieldErrors add_slot(storage::Connection& c, const User& actor, std::string_view slug, const SlotInput& in,
                     sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  Event e = organised(c, actor, slug);
  Slot s;
  s.title = check_line(errors, "slot_title", in.title, kMaxTitle, N_("The title is too long (200 characters at most)."));
  if (s.title.empty() && !errors.find("slot_title")) errors.add("slot_title", N_("Enter the slot's title."));
  auto starts = slot_time(e, in.starts), ends = slot_time(e, in.ends);
  if (!starts) errors.add("slot_starts", N_("Enter a time, such as 14:00."));
  if (!ends) errors.add("slot_ends", N_("Enter a time, such as 14:00."));
  if (starts && ends && *ends <= *starts) errors.add("slot_ends", N_("The end must come after the start."));
  if (!slot_kind(in.kind)) errors.add("slot_kind", N_("Choose a kind of slot from the list."));
  s.kind = in.kind;
  s.speakers = check_line(errors, "speakers", in.speakers, kMaxShort, N_("This field is too long (200 characters at most)."));
  if (!in.coalition.empty()) {
    auto k = coalitions::store::by_slug(c, in.coalition);
    if (!k)
      errors.add("slot_coalition", N_("Choose coalitions from the list."));
    else
      s.coalition = Ref{k->id, k->slug, k->title};
  }
  if (!errors.empty()) return errors;
  s.starts_at = *starts;
  s.ends_at = *ends;
  store::insert_slot(c, e.id, s);
  tx.commit();
  return errors;
}

void remove_slot(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t slot_id,
                 sys_seconds now) {
  storage::Transaction tx(c, true);
  Event e = organised(c, actor, slug);
  if (!store::delete_slot(c, e.id, slot_id)) throw NotFound();
  tx.commit();
}

}  // namespace fabrique::events
