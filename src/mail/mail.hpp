// Mail: how any module writes to a person. A mail is composed at once (both parts, headers,
// Message-ID) and written to the outbox inside the caller's transaction; the sender (sender.hpp)
// delivers it later, off the request path. See docs/mail.md.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "i18n/i18n.hpp"
#include "storage/database.hpp"
#include "views/html.hpp"

namespace fabrique::mail {

using std::chrono::sys_seconds;

// A file joined to a mail (an .ics invitation…).
struct Attachment {
  std::string filename;      // ASCII is safest; other names are encoded
  std::string content_type;  // e.g. "text/calendar; method=PUBLISH"
  std::string data;
};

// What a module says; the layout (greeting, link, footer) is the same for every mail.
struct Mail {
  std::string to;       // the address
  std::string to_name;  // shown in the To header; any CR or LF is dropped
  i18n::Lang lang = i18n::Lang::fr;
  std::string subject;                  // already in `lang`
  std::vector<std::string> paragraphs;  // plain text, already in `lang`
  // Optional: the HTML part's body in place of `paragraphs`, for a mail with headings and links of its
  // own (a newsletter); the plain-text part keeps `paragraphs`.
  html::Html html;
  std::string link_label;  // optional: one link, drawn as a button in HTML
  std::string link;        // absolute URL (see url())
  // What the mail is about. Transactional kinds (kConfirmation, kPasswordRecovery, kAddressChange,
  // kAccountExists, kAccountDeleted, kReplyInvitation, kInvitation) are sent whatever the person's preferences; any
  // other kind carries List-Unsubscribe for `user_id` (RFC 8058 one-click).
  std::string kind;
  std::int64_t user_id = 0;  // the recipient's account, when they have one
  std::vector<Attachment> attachments;
};

inline constexpr const char* kConfirmation = "confirmation";
inline constexpr const char* kPasswordRecovery = "password";
inline constexpr const char* kAddressChange = "address";
inline constexpr const char* kAccountExists = "account-exists";
inline constexpr const char* kAccountDeleted = "account-deleted";
// To an address with no account (a public body's contact), once per entry: nothing to unsubscribe from.
inline constexpr const char* kReplyInvitation = "reply-invitation";
// An invitation to a coalition or an event (src/invitations/), to an address that may have no account.
inline constexpr const char* kInvitation = "invitation";
bool transactional(std::string_view kind);

// Site-wide values every mail needs, set once at start-up by the App (from the options and the
// database) before any mail is written.
struct Settings {
  std::string from = "fabrique <fabrique@localhost>";  // mail_from: "Name <address>" or an address
  std::string base_url = "http://127.0.0.1:8080";      // links in mails are absolute
  std::string key;                                     // signs unsubscription links
};
void configure(Settings settings);
const Settings& settings();

// `path` (starting with /) on this site, as an absolute URL.
std::string url(std::string_view path);

// The message exactly as it will be sent: headers, multipart/alternative (text and HTML, quoted-
// printable UTF-8), inside multipart/mixed when there are attachments. No header can hold a CR or LF
// coming from `mail`.
struct Composed {
  std::string message_id;  // <…@host>, without the angle brackets' surroundings removed
  std::string message;     // CRLF line ends, 7-bit
};
Composed compose(const Mail& mail, sys_seconds now);

// Composes `mail` and writes it to the outbox, inside the caller's write transaction: the mail is
// sent if and only if the caller commits. Returns the outbox id.
std::int64_t enqueue(storage::Connection& c, const Mail& mail, sys_seconds now);

// The path of the one-click unsubscription from `kind` for `user_id` (signed with settings().key).
std::string unsubscribe_path(std::int64_t user_id, std::string_view kind);
// True when `token` is the signature of (user_id, kind).
bool unsubscribe_token_valid(std::int64_t user_id, std::string_view kind, std::string_view token);

// Lower-level pieces of compose(), exposed for their unit tests.
// A header value: CR and LF become spaces; non-ASCII text becomes RFC 2047 encoded-words (UTF-8,
// base64), folded so that no line exceeds 78 characters. `name` is the header's name (for folding).
std::string header_text(std::string_view name, std::string_view value);
// "Name <address>" with the name quoted or encoded; an address alone when the name is empty.
std::string address_header(std::string_view name, std::string_view address);
// Quoted-printable (RFC 2045) with CRLF line ends, lines at most 76 characters.
std::string quoted_printable(std::string_view text);

}  // namespace fabrique::mail
