// The notifications block of the account page and the action that marks them read.
#pragma once
#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::notifications::pages {

// The "My notifications" section of /compte: the unread count and the latest notices.
html::Html account_section(http::Context& ctx);
http::Response mark_read(http::Context& ctx);  // POST /compte/notifications/lues

}  // namespace fabrique::notifications::pages
