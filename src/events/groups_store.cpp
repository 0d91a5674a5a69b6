// SQL of breakout groups: the groups of an event, who is in which, and the version of the whole
// (migration 0029). Their notes are minutes items carrying the group (minutes_store.cpp).
#include "events/groups.hpp"
#include "events/store.hpp"
#include "storage/instants.hpp"

namespace fabrique::events::store {

std::vector<BreakoutGroup> groups(storage::Connection& c, std::int64_t event_id) {
  std::vector<BreakoutGroup> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r : c.query(
           "SELECT g.id, g.position, g.topic, g.facilitator_id, COALESCE(u.name, ''), "
           "COALESCE(CASE WHEN u.show_name = 1 THEN u.name ELSE NULL END, (SELECT o.name FROM user_organisations uo "
           "JOIN organisations o ON o.id = uo.organisation_id WHERE uo.user_id = u.id ORDER BY o.name_key LIMIT 1), "
           "'') FROM breakout_groups g LEFT JOIN users u ON u.id = g.facilitator_id WHERE g.event_id = ? "
           "ORDER BY g.position, g.id",
           {event_id})) {
    index[r.integer(0)] = out.size();
    BreakoutGroup g;
    g.id = r.integer(0);
    g.position = r.integer(1);
    g.topic = r.text(2);
    g.facilitator_id = r.optional_integer(3);
    if (g.facilitator_id) {
      g.facilitator_name = r.text(4);
      g.facilitator_public = r.text(5);
    }
    out.push_back(std::move(g));
  }
  // Only people still registered: someone who cancelled is in no group any more.
  for (const auto& r : c.query("SELECT m.group_id, m.user_id FROM breakout_members m JOIN users u ON u.id = m.user_id "
                               "JOIN registrations r ON r.event_id = m.event_id AND r.user_id = m.user_id "
                               "AND r.status = 'registered' WHERE m.event_id = ? ORDER BY u.name, u.id",
                               {event_id}))
    if (auto it = index.find(r.integer(0)); it != index.end()) out[it->second].members.push_back(r.integer(1));
  return out;
}

std::vector<BreakoutGroup> groups_with_notes(storage::Connection& c, std::int64_t event_id) {
  auto out = groups(c, event_id);
  if (out.empty()) return out;
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < out.size(); ++i) index[out[i].id] = i;
  for (auto& item : items(c, event_id))
    if (item.group_id)
      if (auto it = index.find(*item.group_id); it != index.end()) out[it->second].notes.push_back(std::move(item));
  return out;
}

std::int64_t groups_version(storage::Connection& c, std::int64_t event_id) {
  auto r = c.query_one("SELECT version FROM breakout_plans WHERE event_id = ?", {event_id});
  return r ? r->integer(0) : 0;
}

void set_groups_version(storage::Connection& c, std::int64_t event_id, std::int64_t version) {
  if (c.execute("UPDATE breakout_plans SET version = ? WHERE event_id = ?", {version, event_id}) == 0)
    c.execute("INSERT INTO breakout_plans (event_id, version) VALUES (?, ?)", {event_id, version});
}

std::int64_t insert_group(storage::Connection& c, std::int64_t event_id, std::int64_t position,
                          const std::string& topic, std::optional<std::int64_t> facilitator, sys_seconds now) {
  return c.query_integer(
      "INSERT INTO breakout_groups (event_id, position, topic, facilitator_id, created_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {event_id, position, topic, storage::nullable(facilitator), storage::secs(now)});
}

void update_group(storage::Connection& c, std::int64_t group_id, std::int64_t position, const std::string& topic,
                  std::optional<std::int64_t> facilitator) {
  c.execute("UPDATE breakout_groups SET position = ?, topic = ?, facilitator_id = ? WHERE id = ?",
            {position, topic, storage::nullable(facilitator), group_id});
}

void delete_group(storage::Connection& c, std::int64_t group_id) {
  c.execute("UPDATE minutes_items SET group_id = NULL WHERE group_id = ?", {group_id});
  c.execute("DELETE FROM breakout_members WHERE group_id = ?", {group_id});
  c.execute("DELETE FROM breakout_groups WHERE id = ?", {group_id});
}

void set_members(storage::Connection& c, std::int64_t event_id, const std::map<std::int64_t, std::int64_t>& members) {
  c.execute("DELETE FROM breakout_members WHERE event_id = ?", {event_id});
  for (const auto& [user, group] : members)
    c.execute("INSERT INTO breakout_members (event_id, user_id, group_id) VALUES (?, ?, ?)", {event_id, user, group});
}

}  // namespace fabrique::events::store
