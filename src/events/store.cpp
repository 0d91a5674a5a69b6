// SQL for events, their series, coalitions and organisations, registrations and calendar tokens.
#include "events/store.hpp"

#include "territories/links.hpp"

namespace fabrique::events::store {
namespace {

using storage::at;
using storage::nullable;
using storage::secs;

constexpr std::string_view kColumns =
    "SELECT e.id, e.slug, e.kind_id, k.slug, k.label, e.title, e.starts_at, e.ends_at, e.place, e.online_url, "
    "e.capacity, e.description, e.registration_closes_at, e.series_id, e.minutes, e.minutes_revision, e.created_by, ";
constexpr std::string_view kFrom =
    "e.created_at, e.updated_at, e.status FROM events e JOIN event_kinds k ON k.id = e.kind_id ";
const std::string kSelect =
    std::string(kColumns) +
    "(SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'registered'), "
    "(SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waiting'), " +
    std::string(kFrom);
// The same columns without the counts (0): for lists that do not show them, which then read no
// registration and are not rendered again when one is made.
const std::string kSelectWithoutCounts = std::string(kColumns) + "0, 0, " + std::string(kFrom);

Event read(const storage::Row& r) {
  Event e;
  e.id = r.integer(0);
  e.slug = r.text(1);
  e.kind_id = r.integer(2);
  e.kind_slug = r.text(3);
  e.kind_label = r.text(4);
  e.title = r.text(5);
  e.starts_at = at(r.integer(6));
  e.ends_at = at(r.integer(7));
  e.place = r.text(8);
  e.online_url = r.text(9);
  e.capacity = r.optional_integer(10);
  e.description = r.text(11);
  if (auto v = r.optional_integer(12)) e.registration_closes_at = at(*v);
  e.series_id = r.optional_integer(13);
  e.minutes = r.text(14);
  e.minutes_revision = r.integer(15);
  e.created_by = r.optional_integer(16);
  e.registered = r.integer(17);
  e.waiting = r.integer(18);
  e.created_at = at(r.integer(19));
  e.updated_at = at(r.integer(20));
  if (auto s = event_status(r.text(21))) e.status = s->status;
  return e;
}

// Events read with kSelect: the registrations it counts are the returned events' own, so the read
// depends on their rows alone (storage::Rows), provided nothing in `sql` selects events by their
// registrations.
std::vector<Event> read_events(Connection& c, const std::string& sql, const storage::Params& params) {
  std::vector<Event> out;
  for (const auto& r : storage::query_keyed(c, "registrations", {0}, sql, params)) out.push_back(read(r));
  return out;
}

// Fills the coalitions (and, if asked, organisers) of many events in one query each.
void fill_refs(Connection& c, std::vector<Event>& events, bool organisers) {
  if (events.empty()) return;
  storage::Params ids;
  std::map<std::int64_t, Event*> by_id;
  for (auto& e : events) {
    ids.push_back(e.id);
    by_id[e.id] = &e;
  }
  // CROSS JOIN: the links drive, each coalition read by its key. With a plain JOIN and a long list of
  // ids, SQLite walked every coalition and probed every id of the list for it (1,000 × 4,000 for the
  // events' CSV: 480 ms; 5 ms this way).
  // Of coalitions, what names the linked ones.
  for (const auto& r :
       storage::query_identity(c, "coalitions",
                               "SELECT ec.event_id, k.id, k.slug, k.number, k.title FROM event_coalitions "
                               "ec CROSS JOIN coalitions k WHERE k.id = ec.coalition_id AND ec.event_id IN (" +
                                   storage::placeholders(ids.size()) + ") ORDER BY k.number_key",
                               ids))
    by_id[r.integer(0)]->coalitions.push_back({r.integer(1), r.text(2), r.text(3) + " — " + r.text(4)});
  if (!organisers) return;
  for (const auto& r : c.query("SELECT eo.event_id, o.id, o.slug, o.name FROM event_organisations eo "
                               "CROSS JOIN organisations o WHERE o.id = eo.organisation_id AND eo.role = 'organiser' "
                               "AND eo.event_id IN (" +
                                   storage::placeholders(ids.size()) + ") ORDER BY o.name_key",
                               ids))
    by_id[r.integer(0)]->organisers.push_back({r.integer(1), r.text(2), r.text(3)});
}

std::optional<Event> one(Connection& c, const std::string& where, const storage::Value& v) {
  std::vector<Event> v1 = read_events(c, std::string(kSelect) + where, {v});
  if (v1.empty()) return std::nullopt;
  fill_refs(c, v1, true);
  return std::move(v1.front());
}

constexpr const char* kPerson =
    "u.id, u.name, u.show_name, u.email, "
    "COALESCE((SELECT o.name FROM user_organisations uo JOIN organisations o ON o.id = uo.organisation_id "
    "WHERE uo.user_id = u.id ORDER BY o.name_key LIMIT 1), '')";

}  // namespace

namespace {
std::string where_of(const Filter& f, storage::Params& params) {
  static const std::string within = territories::within_sql(territories::subject::event, "e.id");
  std::string where;
  auto add = [&](const char* clause, storage::Value v) {
    where += where.empty() ? "WHERE " : " AND ";
    where += clause;
    params.push_back(std::move(v));
  };
  if (f.kind_id) add("e.kind_id = ?", *f.kind_id);
  if (f.coalition_id) add("e.id IN (SELECT event_id FROM event_coalitions WHERE coalition_id = ?)", *f.coalition_id);
  if (f.territory_id) add(within.c_str(), *f.territory_id);
  if (f.ends_after) {
    add(kNotOver, secs(*f.ends_after));
    params.push_back(secs(*f.ends_after));
  }
  if (f.ends_before) {
    // Also on the start, which the schema keeps before the end: the newest past events are then found
    // from that time back in the start's index, not after walking every upcoming event.
    add("e.ends_at <= ? AND e.starts_at < ?", secs(*f.ends_before));
    params.push_back(secs(*f.ends_before));
  }
  if (f.starts_before) add("e.starts_at < ?", secs(*f.starts_before));
  if (f.updated_since) add("e.updated_at >= ?", secs(*f.updated_since));
  if (f.after_id)
    add(f.newest_first ? "(e.starts_at, e.id) < (SELECT x.starts_at, x.id FROM events x WHERE x.id = ?)"
                       : "(e.starts_at, e.id) > (SELECT x.starts_at, x.id FROM events x WHERE x.id = ?)",
        *f.after_id);
  return where;
}
}  // namespace

std::vector<Event> list(Connection& c, const Filter& f) {
  storage::Params params;
  std::string sql = (f.counts ? kSelect : kSelectWithoutCounts) + where_of(f, params) +
                    (f.newest_first ? " ORDER BY e.starts_at DESC, e.id DESC" : " ORDER BY e.starts_at, e.id");
  sql += storage::page_clause(f.limit, f.offset, params);
  std::vector<Event> out;
  if (f.counts) {
    out = read_events(c, sql, params);
  } else {
    for (const auto& r : c.query(sql, params)) out.push_back(read(r));
  }
  fill_refs(c, out, false);
  return out;
}

std::int64_t count(Connection& c, const Filter& f) {
  storage::Params params;
  std::string where = where_of(f, params);
  return c.query_integer("SELECT COUNT(*) FROM events e " + where, params);
}

std::optional<Event> by_slug(Connection& c, std::string_view slug) {
  return one(c, "WHERE e.slug = ?", std::string(slug));
}
std::optional<Event> by_id(Connection& c, std::int64_t id) { return one(c, "WHERE e.id = ?", id); }

bool slug_taken(Connection& c, std::string_view slug) {
  return c.query_one("SELECT 1 FROM events WHERE slug = ?", {std::string(slug)}).has_value();
}

std::int64_t insert(Connection& c, const Event& e) {
  return c.query_integer(
      "INSERT INTO events (slug, kind_id, title, starts_at, ends_at, place, online_url, capacity, description, "
      "registration_closes_at, series_id, created_by, created_at, updated_at, status) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.slug, e.kind_id, e.title, secs(e.starts_at), secs(e.ends_at), e.place, e.online_url, nullable(e.capacity),
       e.description, nullable(e.registration_closes_at), nullable(e.series_id), nullable(e.created_by),
       secs(e.created_at), secs(e.updated_at), std::string(event_status(e.status).slug)});
}

void update(Connection& c, const Event& e) {
  c.execute(
      "UPDATE events SET kind_id = ?, title = ?, starts_at = ?, ends_at = ?, place = ?, online_url = ?, capacity = ?, "
      "description = ?, registration_closes_at = ?, updated_at = ?, status = ? WHERE id = ?",
      {e.kind_id, e.title, secs(e.starts_at), secs(e.ends_at), e.place, e.online_url, nullable(e.capacity),
       e.description, nullable(e.registration_closes_at), secs(e.updated_at), std::string(event_status(e.status).slug),
       e.id});
}

void set_coalitions(Connection& c, std::int64_t event_id, const std::vector<std::int64_t>& coalition_ids) {
  c.execute("DELETE FROM event_coalitions WHERE event_id = ?", {event_id});
  for (auto id : coalition_ids)
    c.execute("INSERT INTO event_coalitions (event_id, coalition_id) VALUES (?, ?)", {event_id, id});
}

void set_organisations(Connection& c, std::int64_t event_id, const std::vector<std::int64_t>& organisation_ids,
                       const char* role) {
  c.execute("DELETE FROM event_organisations WHERE event_id = ? AND role = ?", {event_id, std::string(role)});
  for (auto id : organisation_ids)
    c.execute("INSERT INTO event_organisations (event_id, organisation_id, role) VALUES (?, ?, ?)",
              {event_id, id, std::string(role)});
}

std::vector<Ref> present_organisations(Connection& c, std::int64_t event_id) {
  storage::Rows registrations(c, "registrations", event_id);
  std::vector<Ref> out;
  for (const auto& r :
       c.query("SELECT o.id, o.slug, o.name FROM organisations o WHERE o.id IN ("
               "SELECT organisation_id FROM event_organisations WHERE event_id = ? AND role = 'present' UNION "
               "SELECT uo.organisation_id FROM registrations r JOIN user_organisations uo ON uo.user_id = r.user_id "
               "WHERE r.event_id = ? AND r.attended = 1) ORDER BY o.name_key",
               {event_id, event_id}))
    out.push_back({r.integer(0), r.text(1), r.text(2)});
  return out;
}

std::vector<Event> series_from(Connection& c, std::int64_t series_id, sys_seconds from) {
  return read_events(c, std::string(kSelect) + "WHERE e.series_id = ? AND e.starts_at >= ? ORDER BY e.starts_at",
                     {series_id, secs(from)});
}

std::int64_t insert_series(Connection& c, const std::string& title, const std::string& rule, sys_seconds now) {
  return c.query_integer("INSERT INTO event_series (title, rule, created_at) VALUES (?, ?, ?) RETURNING id",
                         {title, rule, secs(now)});
}

void lock(Connection& c, std::int64_t event_id) {
  // A read, not a write: the event itself does not change, and the pages that show it stay cached
  // (storage/changes.hpp). SQLite has no row locks and needs none.
  if (c.engine() == storage::Engine::postgresql) c.query("SELECT id FROM events WHERE id = ? FOR UPDATE", {event_id});
}

std::int64_t count(Connection& c, std::int64_t event_id, Status s) {
  storage::Rows registrations(c, "registrations", event_id);
  return c.query_integer("SELECT COUNT(*) FROM registrations WHERE event_id = ? AND status = ?",
                         {event_id, std::string(s == Status::registered ? "registered" : "waiting")});
}

std::optional<Registration> registration(Connection& c, std::int64_t event_id, std::int64_t user_id) {
  storage::Rows registrations(c, "registrations", event_id);
  auto r = c.query_one(
      "SELECT r.id, r.status, r.attended, r.created_at, "
      "(SELECT COUNT(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.id <= r.id) "
      "FROM registrations r WHERE r.event_id = ? AND r.user_id = ?",
      {event_id, user_id});
  if (!r) return std::nullopt;
  Registration out;
  out.id = r->integer(0);
  out.user_id = user_id;
  out.status = r->text(1) == "waiting" ? Status::waiting : Status::registered;
  out.attended = r->boolean(2);
  out.created_at = at(r->integer(3));
  out.position = out.status == Status::waiting ? r->integer(4) : 0;
  return out;
}

void insert_registration(Connection& c, std::int64_t event_id, std::int64_t user_id, Status s, sys_seconds now) {
  storage::Rows registrations(c, "registrations", event_id);
  c.execute("INSERT INTO registrations (event_id, user_id, status, created_at) VALUES (?, ?, ?, ?)",
            {event_id, user_id, std::string(s == Status::registered ? "registered" : "waiting"), secs(now)});
}

void delete_registration(Connection& c, std::int64_t event_id, std::int64_t user_id) {
  storage::Rows registrations(c, "registrations", event_id);
  c.execute("DELETE FROM registrations WHERE event_id = ? AND user_id = ?", {event_id, user_id});
}

std::optional<std::int64_t> promote_first_waiting(Connection& c, std::int64_t event_id) {
  storage::Rows registrations(c, "registrations", event_id);
  auto r =
      c.query_one("SELECT id, user_id FROM registrations WHERE event_id = ? AND status = 'waiting' ORDER BY id LIMIT 1",
                  {event_id});
  if (!r) return std::nullopt;
  c.execute("UPDATE registrations SET status = 'registered' WHERE id = ?", {r->integer(0)});
  return r->integer(1);
}

std::vector<Registration> registrations(Connection& c, std::int64_t event_id) {
  storage::Rows rows(c, "registrations", event_id);
  std::vector<Registration> out;
  std::int64_t position = 0;
  for (const auto& r : c.query(std::string("SELECT r.id, r.status, r.attended, r.created_at, ") + kPerson +
                                   " FROM registrations r JOIN users u ON u.id = r.user_id WHERE r.event_id = ? "
                                   "ORDER BY CASE WHEN r.status = 'registered' THEN 0 ELSE 1 END, r.id",
                               {event_id})) {
    Registration g;
    g.id = r.integer(0);
    g.status = r.text(1) == "waiting" ? Status::waiting : Status::registered;
    g.attended = r.boolean(2);
    g.created_at = at(r.integer(3));
    g.user_id = r.integer(4);
    g.name = r.text(5);
    g.show_name = r.boolean(6);
    g.email = r.text(7);
    g.organisation = r.text(8);
    g.position = g.status == Status::waiting ? ++position : 0;
    out.push_back(std::move(g));
  }
  return out;
}

void set_attended(Connection& c, std::int64_t event_id, const std::set<std::int64_t>& user_ids) {
  storage::Rows registrations(c, "registrations", event_id);
  c.execute("UPDATE registrations SET attended = 0 WHERE event_id = ?", {event_id});
  for (auto id : user_ids)
    c.execute("UPDATE registrations SET attended = 1 WHERE event_id = ? AND user_id = ? AND status = 'registered'",
              {event_id, id});
}

std::vector<std::pair<Event, Status>> events_of_user(Connection& c, std::int64_t user_id) {
  std::vector<std::pair<Event, Status>> out;
  // Without the counts of registrations: neither the person's list, nor their calendar, nor the
  // withdrawal of their registrations uses them (61 events of 50 people each: 0.8 ms at scale 5).
  for (const auto& r : c.query(kSelectWithoutCounts + "JOIN registrations mine ON mine.event_id = e.id "
                                                      "WHERE mine.user_id = ? ORDER BY e.starts_at",
                               {user_id})) {
    out.emplace_back(read(r), Status::registered);
  }
  // The status of each, in one more query (kept apart so the shared SELECT list stays one).
  std::map<std::int64_t, Status> status;
  for (const auto& r : c.query("SELECT event_id, status FROM registrations WHERE user_id = ?", {user_id}))
    status[r.integer(0)] = r.text(1) == "waiting" ? Status::waiting : Status::registered;
  for (auto& [e, s] : out) s = status[e.id];
  return out;
}

bool is_organiser(Connection& c, std::int64_t event_id, std::int64_t user_id) {
  return c
      .query_one(
          "SELECT 1 FROM events WHERE id = ? AND created_by = ? UNION "
          "SELECT 1 FROM event_coalitions ec JOIN coalition_members m ON m.coalition_id = ec.coalition_id "
          "WHERE ec.event_id = ? AND m.user_id = ? AND m.role = 'co-porteur'",
          {event_id, user_id, event_id, user_id})
      .has_value();
}

std::set<std::int64_t> co_ported(Connection& c, std::int64_t user_id) {
  std::set<std::int64_t> out;
  for (const auto& r :
       c.query("SELECT coalition_id FROM coalition_members WHERE user_id = ? AND role = 'co-porteur'", {user_id}))
    out.insert(r.integer(0));
  return out;
}

void set_calendar_token(Connection& c, std::int64_t user_id, const std::string& token_hash, sys_seconds now) {
  c.execute("DELETE FROM calendar_tokens WHERE user_id = ?", {user_id});
  c.execute("INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?)",
            {user_id, token_hash, secs(now)});
}

void delete_calendar_token(Connection& c, std::int64_t user_id) {
  c.execute("DELETE FROM calendar_tokens WHERE user_id = ?", {user_id});
}

bool has_calendar_token(Connection& c, std::int64_t user_id) {
  return c.query_one("SELECT 1 FROM calendar_tokens WHERE user_id = ?", {user_id}).has_value();
}

std::optional<std::int64_t> user_of_calendar_token(Connection& c, const std::string& token_hash) {
  auto r = c.query_one("SELECT user_id FROM calendar_tokens WHERE token_hash = ?", {token_hash});
  if (!r) return std::nullopt;
  return r->integer(0);
}

}  // namespace fabrique::events::store
