// The mail of a newsletter: its plain-text part written here, its HTML part the newsletter's own
// template (the same as its web version), in the recipient's language, through the outbox.
#include <fmt/format.h>

#include "events/urls.hpp"
#include "journal/urls.hpp"
#include "mail/mail.hpp"
#include "newsletters/templates/newsletters.hpp"
#include "newsletters/urls.hpp"
#include "newsletters/use_cases.hpp"
#include "text/markdown.hpp"

namespace fabrique::newsletters {

using i18n::N_;

void mail_letter(storage::Connection& c, const Newsletter& letter, std::int64_t id, const Recipient& to, bool test,
                 sys_seconds now) {
  mail::Mail m;
  m.to = to.email;
  m.to_name = to.name;
  i18n::parse(to.lang, m.lang);
  const i18n::Translator& t = i18n::translator(m.lang);
  m.kind = kMailKind;
  m.user_id = to.user_id;
  m.subject = test ? fmt::format(fmt::runtime(t.tr(N_("[Test] {}"))), letter.subject) : letter.subject;

  // The plain-text part: the introduction as written, then each post and event with its address.
  if (!letter.introduction.empty()) m.paragraphs.push_back(letter.introduction);
  bool events_heading = false;
  for (const auto& i : letter.items) {
    if (i.kind == Item::Kind::post) {
      std::string p = i.title + "\n" + t.date(i.at);
      if (!i.summary.empty()) p += "\n\n" + i.summary;
      if (!i.body.empty()) p += "\n\n" + i.body;
      m.paragraphs.push_back(p + "\n" + mail::url(journal::urls::post(i.slug)));
    } else {
      if (!events_heading) m.paragraphs.push_back(t.tr(N_("Upcoming events")));
      events_heading = true;
      std::string p = "- " + t.datetime(i.at) + " — " + i.title;
      if (!i.place.empty()) p += " (" + i.place + ")";
      m.paragraphs.push_back(p + "\n  " + mail::url(events::urls::event(i.slug)));
    }
  }
  m.html = html::render(t, templates::LetterBody{.letter = letter, .base = mail::url("")});
  if (id) {
    m.link_label = t.tr(N_("Read it on the site"));
    m.link = mail::url(urls::letter(id));
  }
  mail::enqueue(c, m, now);
}

}  // namespace fabrique::newsletters
