// What animateurs do with newsletters: count whom one reaches, send it to themselves as a test, send
// it to everyone it reaches. Each use case is one transaction, checks permissions itself and knows
// nothing of HTTP.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "newsletters/model.hpp"
#include "storage/database.hpp"

namespace fabrique::newsletters {

using accounts::User;

// What the form sends (its field names in comments).
struct NewsletterInput {
  std::string subject;                  // subject
  std::string introduction;             // introduction: Markdown, optional
  std::string content = "digest";       // content: "post" (one post) or "digest"
  std::string post;                     // post: with "post", the post's slug
  std::vector<std::string> posts;       // posts: with "digest", the chosen posts' slugs
  std::string weeks;                    // weeks: with "digest", the upcoming events of the next N weeks ("" none)
  std::vector<std::string> events;      // events: some of those events (none ticked: all of them)
  std::string audience = "members";     // audience: "members" or "followers"
  std::vector<std::string> coalitions;  // coalitions: with "followers", the coalitions' slugs
};

// Animateurs only send newsletters.
bool can_send(const User* actor);

// The newsletter `in` describes and the people it reaches, read now, or the fields to correct.
struct Prepared {
  FieldErrors errors;
  Newsletter letter;                  // no id, sender nor date yet
  std::vector<Recipient> recipients;  // left empty when only counted
  std::int64_t reach = 0;             // how many they are
};

// send_newsletter.cpp. Reads the form into a newsletter (its posts among those published, its events
// among those to come) and who it reaches (`count_only`: only how many, as the form shows); writes
// nothing. Forbidden unless animateur.
Prepared prepare_newsletter(storage::Connection& c, const User& actor, const NewsletterInput& in, sys_seconds now,
                            bool count_only = false);

// Adds to `p.errors` why it cannot be sent when it reaches nobody.
void refuse_if_nobody(Prepared& p);

struct SendResult {
  FieldErrors errors;     // nothing sent or written when not empty
  std::int64_t id = 0;    // the newsletter kept (send_newsletter)
  std::int64_t sent = 0;  // mails written to the outbox
  std::string to;         // send_test: the address it went to
};

// send_newsletter.cpp. The newsletter to the animateur's own address only, its subject marked as a
// test; nothing kept but that mail. Outcomes: sent | field errors | Forbidden.
SendResult send_test(storage::Connection& c, const User& actor, const NewsletterInput& in, sys_seconds now);
// send_newsletter.cpp. One mail per person it reaches through the outbox, each with the one-click
// unsubscription from newsletters, and the newsletter kept with its recipients' count, in one
// transaction. Outcomes: sent | field errors, among them nobody to reach (nothing sent or written) |
// Forbidden.
SendResult send_newsletter(storage::Connection& c, const User& actor, const NewsletterInput& in, sys_seconds now);

// letter_mail.cpp. The mail of `letter` (kept as `id`, 0 for a test) to `to`, in their language.
void mail_letter(storage::Connection& c, const Newsletter& letter, std::int64_t id, const Recipient& to, bool test,
                 sys_seconds now);

}  // namespace fabrique::newsletters
