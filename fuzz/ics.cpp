// Fuzzes the iCalendar writer (events::ics::calendar) with event fields as the event form accepts them.
//
// Asserts that libical parses the feed back, with one event whose summary is the title exactly and whose
// start is the event's.
#include "events/ics.hpp"

#include <fuzzer/FuzzedDataProvider.h>
#include <libical/ical.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "events/validation.hpp"
#include "fuzz/check.hpp"

using fabrique::fuzz::check;
namespace events = fabrique::events;

namespace {

// The fields of the event form are checked as the form checks them; an input the form refuses is skipped.
bool line(FuzzedDataProvider& in, std::size_t max, std::string& out) {
  fabrique::FieldErrors errors;
  out = events::check_line(errors, "field", in.ConsumeRandomLengthString(max * 4), max, "too long");
  return errors.empty();
}

std::chrono::sys_seconds instant(FuzzedDataProvider& in) {
  // From 2000 to the end of 2099: the events a programme holds.
  return std::chrono::sys_seconds{
      std::chrono::seconds{in.ConsumeIntegralInRange<std::int64_t>(946'684'800, 4'102'444'799)}};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  events::Event e;
  e.id = in.ConsumeIntegralInRange<std::int64_t>(1, 1'000'000);
  e.slug = "evenement-" + std::to_string(e.id);
  std::string name;
  if (!line(in, 200, e.title) || e.title.empty() || !line(in, 300, e.place) || !line(in, 200, name)) return 0;
  e.online_url = in.ConsumeBool() ? "https://visio.example/" + in.ConsumeRandomLengthString(40) : "";
  e.status = static_cast<events::EventStatus>(in.ConsumeIntegralInRange<int>(0, 2));
  e.starts_at = instant(in);
  e.ends_at = instant(in);
  e.updated_at = instant(in);
  e.description = in.ConsumeRemainingBytesAsString();

  const std::string feed = events::ics::calendar({e}, "https://fabrique.example", name, instant(in),
                                                 [](const events::Event&) { return true; });
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> root(icalparser_parse_string(feed.c_str()),
                                                                icalcomponent_free);
  check(root != nullptr, "libical parses the feed");
  icalcomponent* event = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT);
  check(event != nullptr, "the feed holds the event");
  const char* summary = icalcomponent_get_summary(event);
  check(summary != nullptr && e.title == summary, "the summary is the title, exactly");
  const auto start = icaltime_as_timet_with_zone(icalcomponent_get_dtstart(event), icaltimezone_get_utc_timezone());
  check(static_cast<std::int64_t>(start) == e.starts_at.time_since_epoch().count(), "the start is the event's");
  return 0;
}
