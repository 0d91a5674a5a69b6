// What the HTTP layer adds to every open data document (JSON, CSV, iCalendar, Atom, XML): a strong
// ETag and 304 Not Modified, Last-Modified where the data has a date, the licence, and CORS.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace fabrique::http::open_data {

// True for the media types of data documents (the part before ';' decides): application/json,
// text/csv, text/calendar, application/atom+xml, application/xml. HTML pages are not data.
bool is_data(std::string_view content_type);

// A strong validator of exactly these bytes: BLAKE2b-128 of `body` in hex, quoted.
std::string strong_etag(std::string_view body);

// An instant as an HTTP date (IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(std::chrono::sys_seconds t);
// An IMF-fixdate read back; nothing for another form or a malformed date (then it is ignored).
std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text);

// Whether a client holding a copy may be told 304 Not Modified (RFC 9110 §13.1–13.2): If-None-Match
// decides when present (weak comparison, "*" matches any); else If-Modified-Since, against
// `last_modified` (an HTTP date, or empty when the document has none).
bool not_modified(std::string_view if_none_match, std::string_view if_modified_since, std::string_view etag,
                  std::string_view last_modified);

// Marks `r` as last changed at `t` (a Last-Modified header), for documents whose data have a date.
void set_last_modified(Response& r, std::chrono::sys_seconds t);

// The address of a licence's text from its SPDX identifier, for Link: <…>; rel="license" and Atom.
std::string licence_url(std::string_view spdx_id);

}  // namespace fabrique::http::open_data
