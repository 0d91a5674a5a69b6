// Use case: an organiser adds a slot to the programme of an event (with its speakers), edits one or
// removes one; a speaker agrees or refuses to be named.
#include <algorithm>

#include "accounts/store.hpp"
#include "coalitions/store.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"

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

// The slot as typed, checked field by field (errors go to `errors`; times are left unset if invalid).
Slot read_slot(storage::Connection& c, const Event& e, const SlotInput& in, FieldErrors& errors) {
  Slot s;
  s.title =
      check_line(errors, "slot_title", in.title, kMaxTitle, N_("The title is too long (200 characters at most)."));
  if (s.title.empty() && !errors.find("slot_title")) errors.add("slot_title", N_("Enter the slot's title."));
  auto starts = slot_time(e, in.starts), ends = slot_time(e, in.ends);
  if (!starts) errors.add("slot_starts", N_("Enter a time, such as 14:00."));
  if (!ends) errors.add("slot_ends", N_("Enter a time, such as 14:00."));
  if (starts && ends && *ends <= *starts) errors.add("slot_ends", N_("The end must come after the start."));
  if (!slot_kind(in.kind)) errors.add("slot_kind", N_("Choose a kind of slot from the list."));
  s.kind = in.kind;
  s.other_speakers =
      check_line(errors, "speakers", in.speakers, kMaxShort, N_("This field is too long (200 characters at most)."));
  for (const auto& o : in.organisations) {
    auto org = organisations::store::by_slug(c, o);
    if (!org) {
      errors.add("speaker_organisations", N_("Choose organisations from the list."));
      break;
    }
    Speaker sp;
    sp.organisation = Ref{org->id, org->slug, org->name};
    s.speakers.push_back(std::move(sp));
  }
  if (in.people.size() > kMaxSpeakers * (accounts::kMaxEmailLength + 2))
    errors.add("speaker_people", N_("A slot has 20 speakers at most."));
  else
    for (const std::string& email : nonempty_lines(in.people)) {
      auto person = accounts::store::user_by_email(c, email);
      if (!person) {
        errors.add("speaker_people",
                   N_("No account has one of these addresses. Write the person in the free-text line instead."));
        break;
      }
      if (std::any_of(s.speakers.begin(), s.speakers.end(), [&](const Speaker& x) { return x.user_id == person->id; }))
        continue;  // named twice: once is enough
      Speaker sp;
      sp.user_id = person->id;
      sp.organisation = store::first_organisation(c, person->id);
      s.speakers.push_back(std::move(sp));
    }
  if (s.speakers.size() > kMaxSpeakers && !errors.find("speaker_people"))
    errors.add("speaker_people", N_("A slot has 20 speakers at most."));
  if (!in.coalition.empty()) {
    auto k = coalitions::store::by_slug(c, in.coalition);
    if (!k)
      errors.add("slot_coalition", N_("Choose coalitions from the list."));
    else
      s.coalition = Ref{k->id, k->slug, k->title};
  }
  if (starts && ends) {
    s.starts_at = *starts;
    s.ends_at = *ends;
  }
  return s;
}

}  // namespace

FieldErrors add_slot(storage::Connection& c, const User& actor, std::string_view slug, const SlotInput& in,
                     sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  Event e = organised(c, actor, slug);
  Slot s = read_slot(c, e, in, errors);
  if (!errors.empty()) return errors;
  store::insert_slot(c, e.id, s);
  tx.commit();
  return errors;
}

SlotEdit edit_slot(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t slot_id,
                   const SlotInput& in, std::int64_t base_version, sys_seconds now) {
  SlotEdit out;
  storage::Transaction tx(c, true);
  Event e = organised(c, actor, slug);
  auto current = store::slot(c, e.id, slot_id);
  if (!current) throw NotFound();
  // Someone saved the slot since this form was opened: say so rather than overwrite their change.
  if (current->version != base_version) {
    out.conflict = true;
    out.current = std::move(*current);
    return out;
  }
  Slot s = read_slot(c, e, in, out.errors);
  if (!out.errors.empty()) return out;
  s.id = slot_id;
  if (!store::update_slot(c, e.id, s, base_version)) {
    out.conflict = true;  // unreachable under the write lock; kept so nothing is ever overwritten
    return out;
  }
  tx.commit();
  return out;
}

void remove_slot(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t slot_id,
                 sys_seconds now) {
  storage::Transaction tx(c, true);
  Event e = organised(c, actor, slug);
  if (!store::delete_slot(c, e.id, slot_id)) throw NotFound();
  tx.commit();
}

}  // namespace fabrique::events

namespace fabrique::events {

void consent_to_speak(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t slot_id,
                      bool named) {
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  if (!store::set_speaker_consent(c, e->id, slot_id, actor.id, named))
    throw Forbidden(N_("Only the speaker themself can choose whether their name is shown."));
  tx.commit();
}

}  // namespace fabrique::events
