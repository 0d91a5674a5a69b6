// iCalendar (RFC 5545) files and feeds of events, written with libical. Times are written in UTC
// (DTSTART:20261215T130000Z), which every calendar shows in its own zone, so no VTIMEZONE is needed.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "events/model.hpp"

namespace fabrique::events::ics {

// A VCALENDAR named `name` with one VEVENT per event: stable UID (event-<id>@<host of base_url>),
// the event's URL, the place, and the online link only where `reveal_link(event)` is true;
// `more(event)`, if given, is added to the DESCRIPTION (the programme of a single event).
std::string calendar(const std::vector<Event>& events, const std::string& base_url, const std::string& name,
                     sys_seconds now, const std::function<bool(const Event&)>& reveal_link,
                     const std::function<std::string(const Event&)>& more = {});

// The same calendar written in pieces into `out` (a whole programme's events, read a batch at a time
// and spooled, http/spool.hpp): the constructor writes the VCALENDAR's head, event() one VEVENT,
// end() the END:VCALENDAR: the bytes libical writes for the whole calendar as one component.
class Writer {
 public:
  Writer(std::string& out, const std::string& base_url, const std::string& name, sys_seconds now);
  void event(const Event& e, const std::function<bool(const Event&)>& reveal_link,
             const std::function<std::string(const Event&)>& more = {});
  void end();

 private:
  std::string& out_;
  std::string base_url_;
  std::string host_;
  sys_seconds now_;
};

inline constexpr const char* kContentType = "text/calendar; charset=utf-8";

}  // namespace fabrique::events::ics
