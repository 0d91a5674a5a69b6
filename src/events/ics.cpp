// Writing iCalendar with libical: libical escapes text values, folds long lines and ends lines with CRLF.
#include "events/ics.hpp"

#include <libical/ical.h>

#include <cstdlib>
#include <memory>
#include <string_view>

#include "events/urls.hpp"
#include "text/markdown.hpp"

namespace fabrique::events::ics {
namespace {

icaltimetype utc(sys_seconds t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

std::string host_of(const std::string& base_url) {
  std::string h = base_url;
  if (auto p = h.find("://"); p != std::string::npos) h = h.substr(p + 3);
  if (auto p = h.find_first_of("/:"); p != std::string::npos) h = h.substr(0, p);
  return h.empty() ? "fabrique" : h;
}

using Component = std::unique_ptr<icalcomponent, void (*)(icalcomponent*)>;

// libical's text of `c` (escaped, folded, CRLF), appended to `out`.
void append_text(std::string& out, icalcomponent* c) {
  char* text = icalcomponent_as_ical_string_r(c);
  out += text;
  std::free(text);
}

constexpr std::string_view kCalendarEnd = "END:VCALENDAR\r\n";

}  // namespace

Writer::Writer(std::string& out, const std::string& base_url, const std::string& name, sys_seconds now)
    : out_(out), base_url_(base_url), host_(host_of(base_url)), now_(now) {
  Component cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT), icalcomponent_free);
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//fabrique//evenements//FR"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalproperty* calname = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calname, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), calname);
  // The calendar without its events, less its last line: the events go between.
  const std::size_t start = out_.size();
  append_text(out_, cal.get());
  if (std::string_view(out_).substr(start).ends_with(kCalendarEnd)) out_.resize(out_.size() - kCalendarEnd.size());
}

void Writer::event(const Event& e, const std::function<bool(const Event&)>& reveal_link,
                   const std::function<std::string(const Event&)>& more) {
  Component v(icalcomponent_new(ICAL_VEVENT_COMPONENT), icalcomponent_free);
  const std::string uid = "event-" + std::to_string(e.id) + "@" + host_;
  const std::string url = base_url_ + urls::event(e.slug);
  icalcomponent_add_property(v.get(), icalproperty_new_uid(uid.c_str()));
  icalcomponent_add_property(v.get(), icalproperty_new_dtstamp(utc(now_)));
  icalcomponent_add_property(v.get(), icalproperty_new_lastmodified(utc(e.updated_at)));
  icalcomponent_add_property(v.get(), icalproperty_new_dtstart(utc(e.starts_at)));
  icalcomponent_add_property(v.get(), icalproperty_new_dtend(utc(e.ends_at)));
  icalcomponent_add_property(v.get(), icalproperty_new_summary(e.title.c_str()));
  icalcomponent_add_property(v.get(),
                             icalproperty_new_status(e.status == EventStatus::tentative   ? ICAL_STATUS_TENTATIVE
                                                     : e.status == EventStatus::cancelled ? ICAL_STATUS_CANCELLED
                                                                                          : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(v.get(), icalproperty_new_url(url.c_str()));
  const bool link = !e.online_url.empty() && reveal_link(e);
  std::string location = e.place;
  if (link) location += (location.empty() ? "" : " — ") + e.online_url;
  if (!location.empty()) icalcomponent_add_property(v.get(), icalproperty_new_location(location.c_str()));
  std::string description = text::markdown_to_text(e.description, 2000);
  if (more)
    if (std::string m = more(e); !m.empty()) description += (description.empty() ? "" : "\n\n") + m;
  description += (description.empty() ? "" : "\n\n") + url;
  icalcomponent_add_property(v.get(), icalproperty_new_description(description.c_str()));
  append_text(out_, v.get());
}

void Writer::end() { out_ += kCalendarEnd; }

std::string calendar(const std::vector<Event>& events, const std::string& base_url, const std::string& name,
                     sys_seconds now, const std::function<bool(const Event&)>& reveal_link,
                     const std::function<std::string(const Event&)>& more) {
  std::string out;
  Writer w(out, base_url, name, now);
  for (const Event& e : events) w.event(e, reveal_link, more);
  w.end();
  return out;
}

}  // namespace fabrique::events::ics
