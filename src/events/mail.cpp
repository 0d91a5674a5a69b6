// The confirmation mail of a registration, with the event attached for the person's calendar.
#include "events/mail.hpp"

#include <fmt/format.h>

#include "accounts/by_mail.hpp"
#include "events/ics.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::events {

using i18n::N_;

void mail_registration(storage::Connection& c, std::int64_t user_id, const Event& e, Status status, sys_seconds now) {
  auto to = accounts::store::recipient(c, user_id);
  if (!to || !to->confirmed || !notifications::mail_enabled(c, user_id, notifications::kEvents.key)) return;
  const bool place = status == Status::registered;
  const i18n::Translator* t = nullptr;
  mail::Mail m = accounts::letter(*to, user_id, notifications::kEvents.key,
                                  place ? N_("Your place at “{}”") : N_("You are on the waiting list of “{}”"), t);
  m.subject = fmt::format(fmt::runtime(m.subject), e.title);
  m.paragraphs.push_back(fmt::format(
      fmt::runtime(t->tr(place ? N_("Your registration to “{}”, on {}, is recorded: your place is kept.")
                               : N_("“{}”, on {}, is full: you are on the waiting list, and will be told when a "
                                    "place frees up."))),
      e.title, t->datetime(e.starts_at)));
  m.paragraphs.push_back(t->tr(N_("The event is attached to this mail, to add it to your calendar.")));
  m.link_label = t->tr(N_("See the event"));
  m.link = mail::url("/evenements/" + e.slug);
  m.attachments.push_back({e.slug + ".ics", std::string(ics::kContentType) + "; method=PUBLISH",
                           ics::calendar({e}, mail::settings().base_url, e.title, now,
                                         [place](const Event&) { return place; })});
  mail::enqueue(c, m, now);
}

}  // namespace fabrique::events
