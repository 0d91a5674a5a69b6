// What events tell people: the mail of a registration, of a freed place and of the reminder, each
// with the event attached for the person's calendar.
#include "events/mail.hpp"

#include <fmt/format.h>

#include "accounts/by_mail.hpp"
#include "events/ics.hpp"
#include "events/store.hpp"
#include "events/urls.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::events {

using i18n::N_;

namespace {
const char* subject_of(Letter letter) {
  switch (letter) {
    case Letter::place:
      return N_("Your place at “{}”");
    case Letter::waiting:
      return N_("You are on the waiting list of “{}”");
    case Letter::promoted:
      return N_("A place freed up for you at “{}”");
    case Letter::reminder:
      return N_("Reminder: “{}”");
  }
  return "";
}
}  // namespace

void mail_event(storage::Connection& c, std::int64_t user_id, const Event& e, Letter letter, sys_seconds now) {
  auto to = accounts::store::recipient(c, user_id);
  if (!to || !to->confirmed || !notifications::mail_enabled(c, user_id, notifications::kEvents.key)) return;
  const bool place = letter != Letter::waiting;
  const i18n::Translator* t = nullptr;
  mail::Mail m = accounts::letter(*to, user_id, notifications::kEvents.key, subject_of(letter), t);
  m.subject = fmt::format(fmt::runtime(m.subject), e.title);
  const char* what = nullptr;
  switch (letter) {
    case Letter::place:
      what = N_("Your registration to “{}”, on {}, is recorded: your place is kept.");
      break;
    case Letter::waiting:
      what = N_("“{}”, on {}, is full: you are on the waiting list, and will be told when a place frees up.");
      break;
    case Letter::promoted:
      what = N_("A place freed up at “{}”, on {}: it is yours, nothing more to do.");
      break;
    case Letter::reminder:
      what = N_("“{}” starts on {}. Your place is kept.");
      break;
  }
  m.paragraphs.push_back(fmt::format(fmt::runtime(t->tr(what)), e.title, t->datetime(e.starts_at)));
  if (letter == Letter::reminder) {
    if (!e.place.empty()) m.paragraphs.push_back(fmt::format(fmt::runtime(t->tr(N_("Place: {}"))), e.place));
    if (!e.online_url.empty())
      m.paragraphs.push_back(fmt::format(fmt::runtime(t->tr(N_("To join online: {}"))), e.online_url));
    m.paragraphs.push_back(
        t->tr(N_("If you cannot come after all, cancel your registration on the event's page: "
                 "someone waiting will get your place.")));
  }
  m.paragraphs.push_back(t->tr(N_("The event is attached to this mail, to add it to your calendar.")));
  m.link_label = t->tr(N_("See the event"));
  m.link = mail::url(urls::event(e.slug));
  m.attachments.push_back(
      {e.slug + ".ics", std::string(ics::kContentType) + "; method=PUBLISH",
       ics::calendar({e}, mail::settings().base_url, e.title, now, [place](const Event&) { return place; })});
  mail::enqueue(c, m, now);
}

std::optional<std::int64_t> promote_first_waiting(storage::Connection& c, const Event& e, sys_seconds now) {
  auto promoted = store::promote_first_waiting(c, e.id);
  if (!promoted) return std::nullopt;
  notifications::notice(c, *promoted, N_("A place freed up for you at “{}”"), urls::event(e.slug), now, e.title);
  mail_event(c, *promoted, e, Letter::promoted, now);
  return promoted;
}

int withdraw_registrations(storage::Connection& c, std::int64_t user_id, sys_seconds now) {
  auto held = store::events_of_user(c, user_id);
  for (const auto& [e, status] : held) {
    store::lock(c, e.id);
    store::delete_registration(c, e.id, user_id);
    if (status == Status::registered && now < e.starts_at) promote_first_waiting(c, e, now);
  }
  return static_cast<int>(held.size());
}

}  // namespace fabrique::events
