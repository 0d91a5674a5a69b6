// The right of reply, offered: when an entry is published, the public body's contact (when it is an
// e-mail address) is invited by mail to answer it, and the members of the organisation that speaks
// for the body are told on the site. Once per entry, at its publication; imports invite nobody.
#include <fmt/format.h>

#include "accounts/by_mail.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"

namespace fabrique::observatoire {

using i18n::N_;

void invite_reply(storage::Connection& c, const Entry& e, sys_seconds now) {
  const std::string path = urls::entry(e.slug);
  const std::string contact = e.doc.get("contact");
  FieldErrors not_an_address;
  accounts::check_email(not_an_address, "contact", contact);
  if (!contact.empty() && not_an_address.empty()) {
    const i18n::Translator& t = i18n::translator(i18n::Lang::fr);
    mail::Mail m;
    m.to = contact;
    m.lang = i18n::Lang::fr;
    m.kind = mail::kReplyInvitation;
    m.subject = fmt::format(
        fmt::runtime(t.tr(N_("An entry of the observatory of public algorithms concerns you: “{}”"))), e.name());
    m.paragraphs.push_back(t.tr(N_("Hello,")));
    m.paragraphs.push_back(fmt::format(
        fmt::runtime(t.tr(N_("The entry “{}” was published in the programme's observatory of public algorithms. This "
                             "address is given as the contact of the public body concerned."))),
        e.name()));
    m.paragraphs.push_back(
        t.tr(N_("The public body may answer it: its answer is shown beside the entry. To answer, "
                "create an account on the site, join the organisation that speaks for the body, "
                "and use the answer form on the entry's page.")));
    m.paragraphs.push_back(t.tr(N_("This is the only mail you will receive about this entry.")));
    m.link_label = t.tr(N_("See the entry"));
    m.link = mail::url(path);
    mail::enqueue(c, m, now);
  }
  if (e.body.organisation_id) {
    std::vector<std::int64_t> members;
    for (const auto& r :
         c.query("SELECT user_id FROM user_organisations WHERE organisation_id = ?", {*e.body.organisation_id}))
      members.push_back(r.integer(0));
    notifications::notify_each(c, members, 0, notifications::kContributions,
                               N_("An entry of the observatory concerns your organisation: “{}”. You may answer it."),
                               path, now, e.name());
  }
}

}  // namespace fabrique::observatoire
