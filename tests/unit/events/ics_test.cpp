// The iCalendar text of events: what a calendar program reads from the values we write.
#include <gtest/gtest.h>

#include "events/ics.hpp"

namespace fabrique::events::ics {
namespace {

// The calendar's name is a TEXT value (RFC 5545 §3.3.11): a comma would split it into a list and a
// semicolon would end it, so both are escaped, as is the backslash that escapes them.
TEST(Ics, CalendarNameEscapesCommasSemicolonsAndBackslashes) {
  const std::string text = calendar({}, "https://fabrique.example", "Rennes, Nantes; et \\ Brest",
                                    std::chrono::sys_seconds{}, [](const Event&) { return false; });
  EXPECT_NE(text.find("X-WR-CALNAME:Rennes\\, Nantes\\; et \\\\ Brest\r\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace fabrique::events::ics
