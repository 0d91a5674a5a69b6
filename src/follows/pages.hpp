// Following from a page (a coalition, an organisation, an event's series), and the digest section
// of /compte/notifications.
#pragma once
#include "follows/follows.hpp"
#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::follows::pages {

using http::Context;
using http::Response;

// The follow (or stop following) button of a subject, for a signed-in person; nothing otherwise.
// `action` is the path it posts to, `label` names the subject for screen readers.
html::Html button(Context& ctx, Subject s, std::int64_t id, std::string_view action, std::string_view label);
// The digest's frequency and what the person follows, on /compte/notifications.
html::Html digest_section(Context& ctx);

Response follow_coalition(Context& ctx);     // POST /coalitions/{slug}/suivre (suivre=1|0)
Response follow_organisation(Context& ctx);  // POST /organisations/{slug}/suivre
Response follow_series(Context& ctx);        // POST /evenements/{slug}/serie/suivre
Response save_digest(Context& ctx);          // POST /compte/resume

}  // namespace fabrique::follows::pages
