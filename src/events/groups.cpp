// Use cases of breakout groups (groups.hpp): the organisers split the registered participants into
// groups, by hand or evenly; the organisers and each group's facilitator write the group's notes.
#include "events/groups.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/numbers.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::events {

using i18n::N_;

namespace {

constexpr const char* kOrganisersOnly = N_("Only the organisers of this event can split its participants into groups.");

// The people registered to the event (with a place), by id.
std::set<std::int64_t> registered_people(storage::Connection& c, std::int64_t event_id) {
  std::set<std::int64_t> out;
  for (const auto& r : store::registrations(c, event_id))
    if (r.status == Status::registered) out.insert(r.user_id);
  return out;
}

// Locks the event's groups and checks that `version` is still theirs; on conflict fills `out`.
bool still_at(storage::Connection& c, const Event& e, std::int64_t version, GroupsResult& out) {
  store::lock(c, e.id);
  const std::int64_t current = store::groups_version(c, e.id);
  if (current == version) return true;
  out.conflict = true;
  out.version = current;
  return false;
}

}  // namespace

std::string group_field(const char* field, std::int64_t id) {
  return std::string(field) + "-" + (id ? std::to_string(id) : std::string("new"));
}

GroupsResult save_groups(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                         const GroupsInput& in, std::int64_t version, sys_seconds now) {
  GroupsResult out;
  storage::Transaction tx(c, true);
  const Event e = event_to_organise(c, actor, slug, kOrganisersOnly);
  if (!still_at(c, e, version, out)) return out;
  const auto people = registered_people(c, e.id);
  const auto stored = store::groups(c, e.id);
  auto known = [&](std::int64_t id) {
    return std::any_of(stored.begin(), stored.end(), [&](const BreakoutGroup& g) { return g.id == id; });
  };

  struct Checked {
    std::int64_t id;
    std::string topic;
    std::optional<std::int64_t> facilitator;
  };
  std::vector<Checked> kept;
  std::set<std::int64_t> removed;
  for (const auto& g : in.groups) {
    if (g.id && !known(g.id)) {
      out.errors.add("members", N_("A group of this form no longer exists. Reload the page."));
      continue;
    }
    if (g.id && g.remove) {
      removed.insert(g.id);
      continue;
    }
    const std::string topic_field = group_field("topic", g.id), facilitator_field = group_field("facilitator", g.id);
    std::string topic = check_line(out.errors, topic_field.c_str(), g.topic, kMaxTitle,
                                   N_("This topic is too long (200 characters at most)."));
    if (!g.id && topic.empty() && g.facilitator.empty()) continue;  // the new group's row left empty
    if (topic.empty() && !out.errors.find(topic_field)) out.errors.add(topic_field, N_("Give this group a topic."));
    std::optional<std::int64_t> facilitator;
    if (g.facilitator.size() > 1) {
      out.errors.add(facilitator_field, N_("Choose one facilitator only."));
    } else if (g.facilitator.size() == 1) {
      auto who = numbers::whole(g.facilitator.front(), 1, numbers::kMaxId);
      if (!who || !people.count(*who))
        out.errors.add(facilitator_field, N_("Choose the facilitator among the people registered to this event."));
      else
        facilitator = who;
    }
    kept.push_back({g.id, std::move(topic), facilitator});
  }
  if (kept.size() > kMaxGroups) out.errors.add("members", N_("An event has 30 groups at most."));

  std::map<std::int64_t, std::int64_t> members;
  for (const auto& [user, group] : in.members) {
    if (group.empty()) continue;
    auto id = numbers::whole(group, 1, numbers::kMaxId);
    if (!people.count(user) || !id || !known(*id) || removed.count(*id)) {
      out.errors.add("members", N_("Put each registered person in one of the groups, or in none."));
      break;
    }
    members[user] = *id;
  }
  if (!out.errors.empty()) return out;

  for (auto id : removed) store::delete_group(c, id);
  std::int64_t position = 0;
  for (const auto& g : kept) {
    ++position;
    if (g.id)
      store::update_group(c, g.id, position, g.topic, g.facilitator);
    else
      store::insert_group(c, e.id, position, g.topic, g.facilitator, now);
  }
  store::set_members(c, e.id, members);
  out.version = version + 1;
  store::set_groups_version(c, e.id, out.version);
  tx.commit();
  return out;
}

GroupsResult spread_into_groups(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                                std::string_view count, std::int64_t version, std::string_view new_topic,
                                sys_seconds now) {
  GroupsResult out;
  storage::Transaction tx(c, true);
  const Event e = event_to_organise(c, actor, slug, kOrganisersOnly);
  auto n = numbers::whole(count, 1, static_cast<std::int64_t>(kMaxGroups));
  if (!n) {
    out.errors.add("count", N_("Enter a number of groups from 1 to 30."));
    return out;
  }
  if (!still_at(c, e, version, out)) return out;
  auto groups = store::groups(c, e.id);
  std::vector<std::int64_t> ids;
  for (const auto& g : groups)
    if (static_cast<std::int64_t>(ids.size()) < *n) ids.push_back(g.id);
  // Groups added after the last one, named from their number.
  std::int64_t position = groups.empty() ? 0 : groups.back().position;
  for (auto k = static_cast<std::int64_t>(ids.size()) + 1; k <= *n; ++k)
    ids.push_back(store::insert_group(c, e.id, ++position, fmt::format(fmt::runtime(new_topic), k), std::nullopt, now));
  // Everyone registered, in the order they registered, dealt in turn: sizes differ by one at most.
  std::map<std::int64_t, std::int64_t> members;
  std::size_t turn = 0;
  for (const auto& r : store::registrations(c, e.id))
    if (r.status == Status::registered) members[r.user_id] = ids[turn++ % ids.size()];
  store::set_members(c, e.id, members);
  out.version = version + 1;
  store::set_groups_version(c, e.id, out.version);
  tx.commit();
  return out;
}

bool may_write_group_notes(storage::Connection& c, const accounts::User* actor, const Event& e,
                           const BreakoutGroup& g) {
  if (!actor) return false;
  return (g.facilitator_id && *g.facilitator_id == actor->id) || can_organise(c, actor, e);
}

namespace {

// The event and its group `group_id` if `actor` may write its notes: NotFound, or Forbidden.
std::pair<Event, BreakoutGroup> group_to_write(storage::Connection& c, const accounts::User& actor,
                                               std::string_view slug, std::int64_t group_id) {
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  for (auto& g : store::groups(c, e->id))
    if (g.id == group_id) {
      if (!may_write_group_notes(c, &actor, *e, g))
        throw Forbidden(N_("Only the organisers of this event and the group's facilitator can write its notes."));
      return {std::move(*e), std::move(g)};
    }
  throw NotFound();
}

}  // namespace

FieldErrors add_group_note(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                           std::int64_t group_id, std::optional<ItemKind> kind, std::string_view body,
                           sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto [e, g] = group_to_write(c, actor, slug, group_id);
  MinutesItem item;
  item.event_id = e.id;
  // A group notes questions, ideas and next steps; its decisions are the whole event's.
  if (!kind || *kind == ItemKind::decision)
    errors.add("kind", N_("Choose what to add from the list."));
  else
    item.kind = *kind;
  item.group_id = g.id;
  item.body = check_text(errors, "body", body, kMaxItem, N_("This text is too long (2000 characters at most)."));
  if (item.body.empty() && !errors.find("body")) errors.add("body", N_("Write the text of this note."));
  if (!errors.empty()) return errors;
  store::insert_item(c, item, now);
  tx.commit();
  return errors;
}

void remove_group_note(storage::Connection& c, const accounts::User& actor, std::string_view slug,
                       std::int64_t group_id, std::int64_t item_id) {
  storage::Transaction tx(c, true);
  auto [e, g] = group_to_write(c, actor, slug, group_id);
  auto item = store::item(c, e.id, item_id);
  if (!item || item->group_id != g.id) throw NotFound();
  store::delete_item(c, e.id, item_id);
  tx.commit();
}

}  // namespace fabrique::events
