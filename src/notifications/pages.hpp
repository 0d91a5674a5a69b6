// The notifications block of the account page, the action that marks them read, and the choice of
// which notices also come by mail (on the account, or by a mail's one-click link).
#pragma once
#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::notifications::pages {

// The "My notifications" section of /compte: the unread count and the latest notices.
html::Html account_section(http::Context& ctx);
http::Response mark_read(http::Context& ctx);          // POST /compte/notifications/lues
http::Response mail_choices_form(http::Context& ctx);  // GET /compte/courriels
http::Response save_mail_choices(http::Context& ctx);  // POST /compte/courriels
// The one-click unsubscription of a mail's List-Unsubscribe link, signed, no sign-in needed.
http::Response unsubscribe_form(http::Context& ctx);  // GET /courriels/desabonnement/{user}/{kind}/{token}
http::Response unsubscribe(http::Context& ctx);       // POST (RFC 8058, no CSRF token)

}  // namespace fabrique::notifications::pages
