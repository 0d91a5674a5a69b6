// SQL for events and everything hanging from them.
#include "events/store.hpp"

namespace fabrique::events::store {
namespace {

using storage::at;
using storage::nullable;
using storage::secs;

constexpr const char* kSelect =
    "SELECT e.id, e.slug, e.kind_id, k.slug, k.label, e.title, e.starts_at, e.ends_at, e.place, e.online_url, "
    "e.capacity, e.description, e.registration_closes_at, e.series_id, e.minutes, e.minutes_revision, e.created_by, "
    "(SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'registered'), "
    "(SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waiting'), "
    "e.created_at, e.updated_at, e.status FROM events e JOIN event_kinds k ON k.id = e.kind_id ";

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

// "?, ?, ?" for n values.
std::string marks(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
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
  for (const auto& r : c.query("SELECT ec.event_id, k.id, k.slug, k.number, k.title FROM event_coalitions ec "
                               "JOIN coalitions k ON k.id = ec.coalition_id WHERE ec.event_id IN (" +
                                   marks(ids.size()) + ") ORDER BY k.number_key",
                               ids))
    by_id[r.integer(0)]->coalitions.push_back({r.integer(1), r.text(2), r.text(3) + " — " + r.text(4)});
  if (!organisers) return;
  for (const auto& r : c.query("SELECT eo.event_id, o.id, o.slug, o.name FROM event_organisations eo "
                               "JOIN organisations o ON o.id = eo.organisation_id WHERE eo.role = 'organiser' AND "
                               "eo.event_id IN (" +
                                   marks(ids.size()) + ") ORDER BY o.name_key",
                               ids))
    by_id[r.integer(0)]->organisers.push_back({r.integer(1), r.text(2), r.text(3)});
}

std::optional<Event> one(Connection& c, const std::string& where, const storage::Value& v) {
  auto r = c.query_one(std::string(kSelect) + where, {v});
  if (!r) return std::nullopt;
  std::vector<Event> v1{read(*r)};
  fill_refs(c, v1, true);
  return std::move(v1.front());
}

constexpr const char* kPerson =
    "u.id, u.name, u.show_name, u.email, "
    "COALESCE((SELECT o.name FROM user_organisations uo JOIN organisations o ON o.id = uo.organisation_id "
    "WHERE uo.user_id = u.id ORDER BY o.name_key LIMIT 1), '')";

}  // namespace

std::vector<Event> list(Connection& c, const Filter& f) {
  std::string where;
  storage::Params params;
  auto add = [&](const char* clause, storage::Value v) {
    where += where.empty() ? "WHERE " : " AND ";
    where += clause;
    params.push_back(std::move(v));
  };
  if (f.kind_id) add("e.kind_id = ?", *f.kind_id);
  if (f.coalition_id) add("e.id IN (SELECT event_id FROM event_coalitions WHERE coalition_id = ?)", *f.coalition_id);
  if (f.ends_after) add("e.ends_at > ?", secs(*f.ends_after));
  if (f.ends_before) add("e.ends_at <= ?", secs(*f.ends_before));
  std::string sql = std::string(kSelect) + where +
                    (f.newest_first ? " ORDER BY e.starts_at DESC, e.id DESC" : " ORDER BY e.starts_at, e.id");
  if (f.limit >= 0) {
    sql += " LIMIT ?";
    params.push_back(f.limit);
  }
  std::vector<Event> out;
  for (const auto& r : c.query(sql, params)) out.push_back(read(r));
  fill_refs(c, out, false);
  return out;
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
  std::vector<Event> out;
  for (const auto& r : c.query(std::string(kSelect) + "WHERE e.series_id = ? AND e.starts_at >= ? ORDER BY e.starts_at",
                               {series_id, secs(from)}))
    out.push_back(read(r));
  return out;
}

std::int64_t insert_series(Connection& c, const std::string& title, const std::string& rule, sys_seconds now) {
  return c.query_integer("INSERT INTO event_series (title, rule, created_at) VALUES (?, ?, ?) RETURNING id",
                         {title, rule, secs(now)});
}

void lock(Connection& c, std::int64_t event_id) {
  c.execute("UPDATE events SET updated_at = updated_at WHERE id = ?", {event_id});
}

std::int64_t count(Connection& c, std::int64_t event_id, Status s) {
  return c.query_integer("SELECT COUNT(*) FROM registrations WHERE event_id = ? AND status = ?",
                         {event_id, std::string(s == Status::registered ? "registered" : "waiting")});
}

std::optional<Registration> registration(Connection& c, std::int64_t event_id, std::int64_t user_id) {
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
  c.execute("INSERT INTO registrations (event_id, user_id, status, created_at) VALUES (?, ?, ?, ?)",
            {event_id, user_id, std::string(s == Status::registered ? "registered" : "waiting"), secs(now)});
}

void delete_registration(Connection& c, std::int64_t event_id, std::int64_t user_id) {
  c.execute("DELETE FROM registrations WHERE event_id = ? AND user_id = ?", {event_id, user_id});
}

std::optional<std::int64_t> promote_first_waiting(Connection& c, std::int64_t event_id) {
  auto r =
      c.query_one("SELECT id, user_id FROM registrations WHERE event_id = ? AND status = 'waiting' ORDER BY id LIMIT 1",
                  {event_id});
  if (!r) return std::nullopt;
  c.execute("UPDATE registrations SET status = 'registered' WHERE id = ?", {r->integer(0)});
  return r->integer(1);
}

std::vector<Registration> registrations(Connection& c, std::int64_t event_id) {
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
  c.execute("UPDATE registrations SET attended = 0 WHERE event_id = ?", {event_id});
  for (auto id : user_ids)
    c.execute("UPDATE registrations SET attended = 1 WHERE event_id = ? AND user_id = ? AND status = 'registered'",
              {event_id, id});
}

std::vector<std::pair<Event, Status>> events_of_user(Connection& c, std::int64_t user_id) {
  std::vector<std::pair<Event, Status>> out;
  for (const auto& r : c.query(std::string(kSelect) + "JOIN registrations mine ON mine.event_id = e.id "
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

namespace {

// The slots of an event, or only the one numbered `slot_id` (when not 0), with their speakers.
std::vector<Slot> load_slots(Connection& c, std::int64_t event_id, std::int64_t slot_id) {
  std::vector<Slot> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r : c.query("SELECT s.id, s.starts_at, s.ends_at, s.title, s.kind, s.speakers, k.id, k.slug, "
                               "k.number, k.title, s.version FROM event_slots s "
                               "LEFT JOIN coalitions k ON k.id = s.coalition_id "
                               "WHERE s.event_id = ? AND (? = 0 OR s.id = ?) ORDER BY s.starts_at, s.id",
                               {event_id, slot_id, slot_id})) {
    Slot s{r.integer(0), at(r.integer(1)), at(r.integer(2)), r.text(3), r.text(4), {}, r.text(5), std::nullopt};
    if (!r.is_null(6)) s.coalition = Ref{r.integer(6), r.text(7), r.text(8) + " — " + r.text(9)};
    s.version = r.integer(10);
    index[s.id] = out.size();
    out.push_back(std::move(s));
  }
  // Every speaker of every slot in one more query.
  for (const auto& r : c.query(
           "SELECT sp.id, sp.slot_id, sp.user_id, COALESCE(u.name, ''), COALESCE(u.show_name, 0), sp.consent, o.id, "
           "o.slug, o.name, COALESCE(u.email, '') FROM event_slot_speakers sp JOIN event_slots s ON s.id = sp.slot_id "
           "LEFT JOIN users u ON u.id = sp.user_id LEFT JOIN organisations o ON o.id = sp.organisation_id "
           "WHERE s.event_id = ? AND (? = 0 OR s.id = ?) ORDER BY sp.slot_id, sp.position, sp.id",
           {event_id, slot_id, slot_id})) {
    Speaker sp;
    sp.id = r.integer(0);
    sp.user_id = r.optional_integer(2);
    sp.name = r.text(3);
    sp.email = r.text(9);
    if (auto v = r.optional_integer(5)) sp.consent = *v == 1;
    sp.named = sp.user_id && sp.consent.value_or(r.integer(4) == 1);
    if (!r.is_null(6)) sp.organisation = Ref{r.integer(6), r.text(7), r.text(8)};
    out[index.at(r.integer(1))].speakers.push_back(std::move(sp));
  }
  return out;
}

// Writes the speakers of a slot in their order, each person with their own consent if given.
void insert_speakers(Connection& c, std::int64_t slot_id, const std::vector<Speaker>& speakers) {
  std::int64_t position = 0;
  for (const auto& sp : speakers)
    c.execute(
        "INSERT INTO event_slot_speakers (slot_id, organisation_id, user_id, consent, position) "
        "VALUES (?, ?, ?, ?, ?)",
        {slot_id, sp.organisation ? storage::Value(sp.organisation->id) : storage::Value(nullptr), nullable(sp.user_id),
         sp.consent ? storage::Value(std::int64_t{*sp.consent ? 1 : 0}) : storage::Value(nullptr), ++position});
}

}  // namespace

std::vector<Slot> slots(Connection& c, std::int64_t event_id) { return load_slots(c, event_id, 0); }

std::optional<Slot> slot(Connection& c, std::int64_t event_id, std::int64_t slot_id) {
  if (slot_id == 0) return std::nullopt;
  auto found = load_slots(c, event_id, slot_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void insert_slot(Connection& c, std::int64_t event_id, const Slot& s) {
  const std::int64_t id = c.query_integer(
      "INSERT INTO event_slots (event_id, starts_at, ends_at, title, kind, speakers, coalition_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {event_id, secs(s.starts_at), secs(s.ends_at), s.title, s.kind, s.other_speakers,
       s.coalition ? storage::Value(s.coalition->id) : storage::Value(nullptr)});
  insert_speakers(c, id, s.speakers);
}

bool update_slot(Connection& c, std::int64_t event_id, const Slot& s, std::int64_t base_version) {
  if (c.execute(
          "UPDATE event_slots SET starts_at = ?, ends_at = ?, title = ?, kind = ?, speakers = ?, "
          "coalition_id = ?, version = version + 1 WHERE event_id = ? AND id = ? AND version = ?",
          {secs(s.starts_at), secs(s.ends_at), s.title, s.kind, s.other_speakers,
           s.coalition ? storage::Value(s.coalition->id) : storage::Value(nullptr), event_id, s.id, base_version}) == 0)
    return false;
  // A person who stays a speaker keeps the choice they made; nobody else can make it for them.
  std::map<std::int64_t, bool> consents;
  for (const auto& r : c.query("SELECT user_id, consent FROM event_slot_speakers "
                               "WHERE slot_id = ? AND user_id IS NOT NULL AND consent IS NOT NULL",
                               {s.id}))
    consents[r.integer(0)] = r.integer(1) == 1;
  std::vector<Speaker> speakers = s.speakers;
  for (auto& sp : speakers)
    if (sp.user_id)
      if (auto found = consents.find(*sp.user_id); found != consents.end()) sp.consent = found->second;
  c.execute("DELETE FROM event_slot_speakers WHERE slot_id = ?", {s.id});
  insert_speakers(c, s.id, speakers);
  return true;
}

bool set_speaker_consent(Connection& c, std::int64_t event_id, std::int64_t slot_id, std::int64_t user_id,
                         bool consent) {
  return c.execute(
             "UPDATE event_slot_speakers SET consent = ? WHERE slot_id = ? AND user_id = ? AND slot_id IN "
             "(SELECT id FROM event_slots WHERE event_id = ?)",
             {std::int64_t{consent ? 1 : 0}, slot_id, user_id, event_id}) > 0;
}

std::optional<Ref> first_organisation(Connection& c, std::int64_t user_id) {
  auto r = c.query_one(
      "SELECT o.id, o.slug, o.name FROM user_organisations uo JOIN organisations o "
      "ON o.id = uo.organisation_id WHERE uo.user_id = ? ORDER BY o.name_key LIMIT 1",
      {user_id});
  if (!r) return std::nullopt;
  return Ref{r->integer(0), r->text(1), r->text(2)};
}

bool delete_slot(Connection& c, std::int64_t event_id, std::int64_t slot_id) {
  return c.execute("DELETE FROM event_slots WHERE event_id = ? AND id = ?", {event_id, slot_id}) > 0;
}

bool insert_minutes_revision(Connection& c, std::int64_t event_id, std::int64_t number,
                             std::optional<std::int64_t> author, sys_seconds when, const std::string& comment,
                             std::optional<std::int64_t> restored_from, const std::string& body) {
  if (c.execute("UPDATE events SET minutes_revision = ?, minutes = ? WHERE id = ? AND minutes_revision = ?",
                {number, body, event_id, number - 1}) != 1)
    return false;
  c.execute(
      "INSERT INTO minutes_revisions (event_id, number, author_id, created_at, comment, restored_from, body) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {event_id, number, nullable(author), secs(when), comment, nullable(restored_from), body});
  return true;
}

namespace {
constexpr const char* kRevisionSelect =
    "SELECT v.number, v.created_at, v.comment, v.restored_from, v.body, "
    "COALESCE(CASE WHEN u.show_name = 1 THEN u.name ELSE NULL END, (SELECT o.name FROM user_organisations uo "
    "JOIN organisations o ON o.id = uo.organisation_id WHERE uo.user_id = u.id ORDER BY o.name_key LIMIT 1), '') "
    "FROM minutes_revisions v LEFT JOIN users u ON u.id = v.author_id WHERE v.event_id = ? ";
MinutesRevision read_revision(const storage::Row& r) {
  return {r.integer(0), at(r.integer(1)), r.text(2), r.optional_integer(3), r.text(5), r.text(4)};
}
}  // namespace

std::vector<MinutesRevision> minutes_revisions(Connection& c, std::int64_t event_id) {
  std::vector<MinutesRevision> out;
  for (const auto& r : c.query(std::string(kRevisionSelect) + "ORDER BY v.number DESC", {event_id}))
    out.push_back(read_revision(r));
  return out;
}

std::optional<MinutesRevision> minutes_revision(Connection& c, std::int64_t event_id, std::int64_t number) {
  auto r = c.query_one(std::string(kRevisionSelect) + "AND v.number = ?", {event_id, number});
  if (!r) return std::nullopt;
  return read_revision(*r);
}

namespace {
constexpr const char* kItemSelect =
    "SELECT i.id, i.event_id, i.kind, i.body, i.asked_by, i.asked_to, i.answer, i.due_at, k.id, k.slug, k.number, "
    "k.title, e.slug, e.title FROM minutes_items i JOIN events e ON e.id = i.event_id "
    "LEFT JOIN coalitions k ON k.id = i.coalition_id ";
MinutesItem read_item(const storage::Row& r) {
  MinutesItem i;
  i.id = r.integer(0);
  i.event_id = r.integer(1);
  const std::string kind = r.text(2);
  i.kind = kind == "decision" ? ItemKind::decision : kind == "next_step" ? ItemKind::next_step : ItemKind::question;
  i.body = r.text(3);
  i.asked_by = r.text(4);
  i.asked_to = r.text(5);
  i.answer = r.text(6);
  if (auto v = r.optional_integer(7)) i.due_at = at(*v);
  if (!r.is_null(8)) i.coalition = Ref{r.integer(8), r.text(9), r.text(10) + " — " + r.text(11)};
  i.event_slug = r.text(12);
  i.event_title = r.text(13);
  return i;
}
}  // namespace

std::vector<MinutesItem> items(Connection& c, std::int64_t event_id) {
  std::vector<MinutesItem> out;
  for (const auto& r : c.query(std::string(kItemSelect) + "WHERE i.event_id = ? ORDER BY i.id", {event_id}))
    out.push_back(read_item(r));
  return out;
}

void insert_item(Connection& c, const MinutesItem& i, sys_seconds now) {
  c.execute(
      "INSERT INTO minutes_items (event_id, kind, body, asked_by, asked_to, answer, due_at, coalition_id, "
      "assignee_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {i.event_id, std::string(item_kind_slug(i.kind)), i.body, i.asked_by, i.asked_to, i.answer, nullable(i.due_at),
       i.coalition ? storage::Value(i.coalition->id) : storage::Value(nullptr),
       i.assignee_id ? storage::Value(*i.assignee_id) : storage::Value(nullptr), secs(now)});
}

bool delete_item(Connection& c, std::int64_t event_id, std::int64_t item_id) {
  return c.execute("DELETE FROM minutes_items WHERE event_id = ? AND id = ?", {event_id, item_id}) > 0;
}

std::vector<MinutesItem> next_steps_of_coalition(Connection& c, std::int64_t coalition_id) {
  std::vector<MinutesItem> out;
  for (const auto& r : c.query(std::string(kItemSelect) +
                                   "WHERE i.coalition_id = ? AND i.kind = 'next_step' "
                                   "ORDER BY CASE WHEN i.due_at IS NULL THEN 1 ELSE 0 END, i.due_at, e.starts_at, i.id",
                               {coalition_id}))
    out.push_back(read_item(r));
  return out;
}

namespace {
constexpr const char* kProposalSelect =
    "SELECT p.id, p.title, p.intention, p.why_now, p.actors, p.proposed_by, p.proposer, a.id, a.slug, a.title, "
    "b.id, b.slug, b.title, p.presented_by, p.status, p.reason, k.id, k.slug, k.number, k.title, p.decided_at, "
    "p.created_at FROM coalition_proposals p LEFT JOIN events a ON a.id = p.proposed_at_event_id "
    "LEFT JOIN events b ON b.id = p.presented_at_event_id LEFT JOIN coalitions k ON k.id = p.coalition_id ";
Proposal read_proposal(const storage::Row& r) {
  Proposal p;
  p.id = r.integer(0);
  p.title = r.text(1);
  p.intention = r.text(2);
  p.why_now = r.text(3);
  p.actors = r.text(4);
  p.proposed_by = r.optional_integer(5);
  p.proposer = r.text(6);
  if (!r.is_null(7)) p.proposed_at = Ref{r.integer(7), r.text(8), r.text(9)};
  if (!r.is_null(10)) p.presented_at = Ref{r.integer(10), r.text(11), r.text(12)};
  p.presented_by = r.text(13);
  const std::string s = r.text(14);
  p.status = s == "adopted"    ? ProposalStatus::adopted
             : s == "merged"   ? ProposalStatus::merged
             : s == "declined" ? ProposalStatus::declined
                               : ProposalStatus::proposed;
  p.reason = r.text(15);
  if (!r.is_null(16)) p.coalition = Ref{r.integer(16), r.text(17), r.text(18) + " — " + r.text(19)};
  if (auto v = r.optional_integer(20)) p.decided_at = at(*v);
  p.created_at = at(r.integer(21));
  return p;
}
}  // namespace

std::vector<Proposal> proposals(Connection& c) {
  std::vector<Proposal> out;
  for (const auto& r : c.query(std::string(kProposalSelect) + "ORDER BY p.created_at DESC, p.id DESC"))
    out.push_back(read_proposal(r));
  return out;
}

std::optional<Proposal> proposal(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kProposalSelect) + "WHERE p.id = ?", {id});
  if (!r) return std::nullopt;
  return read_proposal(*r);
}

std::vector<Proposal> proposals_of_coalition(Connection& c, std::int64_t coalition_id) {
  std::vector<Proposal> out;
  for (const auto& r : c.query(std::string(kProposalSelect) + "WHERE p.coalition_id = ? ORDER BY p.id", {coalition_id}))
    out.push_back(read_proposal(r));
  return out;
}

std::int64_t insert_proposal(Connection& c, const Proposal& p) {
  return c.query_integer(
      "INSERT INTO coalition_proposals (title, intention, why_now, actors, proposed_by, proposer, "
      "proposed_at_event_id, presented_at_event_id, presented_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {p.title, p.intention, p.why_now, p.actors, nullable(p.proposed_by), p.proposer,
       p.proposed_at ? storage::Value(p.proposed_at->id) : storage::Value(nullptr),
       p.presented_at ? storage::Value(p.presented_at->id) : storage::Value(nullptr), p.presented_by,
       secs(p.created_at)});
}

void schedule_proposal(Connection& c, std::int64_t id, std::optional<std::int64_t> event_id, const std::string& by) {
  c.execute("UPDATE coalition_proposals SET presented_at_event_id = ?, presented_by = ? WHERE id = ?",
            {nullable(event_id), by, id});
}

bool decide_proposal(Connection& c, std::int64_t id, ProposalStatus s, std::optional<std::int64_t> coalition_id,
                     const std::string& reason, std::int64_t by, sys_seconds when) {
  return c.execute(
             "UPDATE coalition_proposals SET status = ?, coalition_id = ?, reason = ?, decided_by = ?, "
             "decided_at = ? WHERE id = ? AND status = 'proposed'",
             {std::string(proposal_status_slug(s)), nullable(coalition_id), reason, by, secs(when), id}) == 1;
}

std::vector<files::StoredFile> attachments(Connection& c, std::int64_t event_id) {
  std::vector<files::StoredFile> out;
  for (const auto& r : c.query("SELECT f.id, f.name, f.media_type, f.size, f.sha256, f.uploaded_by, f.created_at "
                               "FROM event_attachments a JOIN files f ON f.id = a.file_id WHERE a.event_id = ? "
                               "ORDER BY f.id",
                               {event_id}))
    out.push_back(
        {r.integer(0), r.text(1), r.text(2), r.integer(3), r.text(4), r.optional_integer(5), at(r.integer(6))});
  return out;
}

void insert_attachment(Connection& c, std::int64_t event_id, std::int64_t file_id) {
  c.execute("INSERT INTO event_attachments (event_id, file_id) VALUES (?, ?)", {event_id, file_id});
}

bool is_attachment(Connection& c, std::int64_t event_id, std::int64_t file_id) {
  return c.query_one("SELECT 1 FROM event_attachments WHERE event_id = ? AND file_id = ?", {event_id, file_id})
      .has_value();
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
