// SQL for the newsletters: who they reach, and those sent, kept with what they contained.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "newsletters/model.hpp"
#include "storage/database.hpp"

namespace fabrique::newsletters::store {

using storage::Connection;

// The people a newsletter reaches: every open account with a confirmed address, or (`followers`)
// those who follow one of `coalition_ids`; never those who turned newsletters off. By id.
std::vector<Recipient> recipients(Connection& c, Audience audience, const std::vector<std::int64_t>& coalition_ids);
std::int64_t count_recipients(Connection& c, Audience audience, const std::vector<std::int64_t>& coalition_ids);

// The events a digest may name, between `from` and `until` and not cancelled, by start: all of them,
// or only those `slugs` names when it names some.
struct UpcomingEvent {
  std::string slug, title;
  sys_seconds starts_at;
};
std::vector<UpcomingEvent> upcoming_events(Connection& c, sys_seconds from, sys_seconds until,
                                           const std::vector<std::string>& slugs);

// Writes a sent newsletter with its coalitions and items; returns its id.
std::int64_t insert(Connection& c, const Newsletter& n);
// The newsletters sent, newest first, without their items; and how many there are.
std::vector<Newsletter> sent(Connection& c, std::int64_t limit, std::int64_t offset);
std::int64_t count(Connection& c);
// One newsletter with its coalitions and items.
std::optional<Newsletter> by_id(Connection& c, std::int64_t id);

}  // namespace fabrique::newsletters::store
