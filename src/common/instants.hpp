// Instants written the way every export, feed and sitemap of the site writes them: UTC, to the
// second, "2026-11-28T18:00:00Z" (RFC 3339, W3C datetime, ISO 8601). One writer for all of them:
// whole-register exports write tens of thousands, and date::format's stream cost more per row than
// the rest of the row.
#pragma once
#include <chrono>
#include <string>

namespace fabrique::instants {

// "2026-11-28T18:00:00Z"
std::string iso(std::chrono::sys_seconds t);
// The same, appended to `out`.
void append_iso(std::string& out, std::chrono::sys_seconds t);

}  // namespace fabrique::instants
