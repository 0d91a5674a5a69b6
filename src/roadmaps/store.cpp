// SQL for roadmaps and impact, portable between SQLite and PostgreSQL.
#include "roadmaps/store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "storage/batches.hpp"

namespace fabrique::roadmaps::store {
namespace {

using storage::at;
using storage::nullable;
using storage::secs;

// Every column of an action and its coalition. The progress of actions with sub-actions is filled
// afterwards by attach_sub_progress (one grouped query for the whole list, never one per row).
constexpr const char* kActionSelect =
    "SELECT a.id, a.coalition_id, k.slug, k.number, k.title, a.parent_id, a.title, a.description, a.lever, a.scale, "
    "a.status, a.abandon_reason, a.starts_on, a.due_on, a.progress, a.victory, a.qualities, a.resources, a.revision, "
    "a.created_at, a.updated_at, a.origin_next_step_id, oe.slug, oe.title "
    "FROM actions a JOIN coalitions k ON k.id = a.coalition_id "
    "LEFT JOIN minutes_items om ON om.id = a.origin_next_step_id LEFT JOIN events oe ON oe.id = om.event_id ";

// Roadmap order: coalitions by number, each main action followed by its sub-actions.
constexpr const char* kActionOrder =
    " ORDER BY k.number_key, COALESCE(a.parent_id, a.id), a.parent_id IS NOT NULL, a.id";

std::vector<std::string> split_qualities(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    if (ch == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string join_qualities(const std::vector<std::string>& q) {
  if (q.empty()) return "";
  std::string out = ",";
  for (const auto& s : q) out += s + ",";
  return out;
}

Action read_action(const storage::Row& r) {
  Action a;
  a.id = r.integer(0);
  a.coalition_id = r.integer(1);
  a.coalition_slug = r.text(2);
  a.coalition_number = r.text(3);
  a.coalition_title = r.text(4);
  a.parent_id = r.optional_integer(5);
  a.title = r.text(6);
  a.description = r.text(7);
  a.lever = r.text(8);
  a.scale = r.text(9);
  a.status = r.text(10);
  a.abandon_reason = r.text(11);
  if (auto s = r.optional_integer(12)) a.starts_on = at(*s);
  if (auto s = r.optional_integer(13)) a.due_on = at(*s);
  a.entered_progress = static_cast<int>(r.integer(14));
  a.progress = a.entered_progress;
  a.victory = r.boolean(15);
  a.qualities = split_qualities(r.text(16));
  a.resources = r.text(17);
  a.revision = r.integer(18);
  a.created_at = at(r.integer(19));
  a.updated_at = at(r.integer(20));
  a.origin_next_step_id = r.optional_integer(21);
  a.origin_event_slug = r.text(22);
  a.origin_event_title = r.text(23);
  return a;
}

std::string where_clause(const ActionFilter& f, storage::Params& params) {
  std::string where;
  auto add = [&](const char* clause, storage::Value v) {
    where += where.empty() ? "WHERE " : " AND ";
    where += clause;
    params.push_back(std::move(v));
  };
  if (f.coalition_id) add("a.coalition_id = ?", *f.coalition_id);
  if (!f.lever.empty()) add("a.lever = ?", f.lever);
  if (!f.status.empty()) add("a.status = ?", f.status);
  if (!f.quality.empty()) add("a.qualities LIKE ?", "%," + f.quality + ",%");
  if (!f.organisation_ids.empty()) {
    std::string in;
    for (auto id : f.organisation_ids) {
      in += in.empty() ? "?" : ", ?";
      params.push_back(id);
    }
    where += where.empty() ? "WHERE " : " AND ";
    where += "a.id IN (SELECT action_id FROM action_organisations WHERE organisation_id IN (" + in + "))";
  }
  return where;
}

// "?, ?, ?" for the ids of `list`, with their positions, to read what belongs to them in one query.
std::string id_list(const std::vector<Action>& list, storage::Params& params,
                    std::map<std::int64_t, std::size_t>& index) {
  std::string in;
  for (std::size_t i = 0; i < list.size(); ++i) {
    index[list[i].id] = i;
    in += in.empty() ? "?" : ", ?";
    params.push_back(list[i].id);
  }
  return in;
}

// Fills the carrying organisations and the progress computed from sub-actions of `list`: two
// queries whatever its length. The progress of an action with sub-actions is their mean (an
// achieved one counts 100, an abandoned one does not count).
void attach(Connection& c, std::vector<Action>& list) {
  if (list.empty()) return;
  std::map<std::int64_t, std::size_t> index;
  storage::Params params;
  const std::string in = id_list(list, params, index);
  // CROSS JOIN: the links drive, each organisation or event read by its key. With a plain JOIN and
  // the programme's 9,000 actions in the list, SQLite walked every organisation (every event) in the
  // ORDER BY's order and probed the list for each: 0.3 s and 1.8 s for /feuille-de-route.csv, against
  // 31 ms and 8 ms this way.
  for (const auto& r : c.query("SELECT ao.action_id, o.id, o.slug, o.name FROM action_organisations ao "
                               "CROSS JOIN organisations o WHERE o.id = ao.organisation_id AND ao.action_id IN (" +
                                   in + ") ORDER BY o.name_key",
                               params))
    list[index[r.integer(0)]].organisations.push_back({r.integer(1), r.text(2), r.text(3)});
  for (const auto& r : c.query("SELECT ae.action_id, e.id, e.slug, e.title, e.starts_at FROM action_events ae "
                               "CROSS JOIN events e WHERE e.id = ae.event_id AND ae.action_id IN (" +
                                   in + ") ORDER BY e.starts_at, e.id",
                               params))
    list[index[r.integer(0)]].events.push_back({r.integer(1), r.text(2), r.text(3), at(r.integer(4))});
  for (const auto& r :
       c.query("SELECT parent_id, COUNT(*), SUM(CASE WHEN status = 'realisee' THEN 100 ELSE progress END) "
               "FROM actions WHERE status <> 'abandonnee' AND parent_id IN (" +
                   in + ") GROUP BY parent_id",
               params)) {
    Action& a = list[index[r.integer(0)]];
    a.sub_actions = static_cast<int>(r.integer(1));
    a.progress = static_cast<int>(std::lround(r.real(2) / a.sub_actions));
  }
}

// The actions `sql` selects (kActionSelect's columns), completed by attach.
std::vector<Action> read_actions(Connection& c, const std::string& sql, const storage::Params& params) {
  std::vector<Action> out;
  for (const auto& r : c.query(sql, params)) out.push_back(read_action(r));
  attach(c, out);
  return out;
}

}  // namespace

std::vector<Action> actions(Connection& c, const ActionFilter& f) {
  storage::Params params;
  std::string sql;
  if (f.limit >= 0) {
    // A page: the narrow ids are sorted first (covered by actions_coalition), then only the page's
    // rows are read whole, rather than sorting every action with its description.
    const std::string where = where_clause(f, params);  // its parameters before the page's
    sql = std::string(kActionSelect) +
          "WHERE a.id IN (SELECT a.id FROM actions a JOIN coalitions k ON k.id = a.coalition_id " + where +
          kActionOrder + storage::page_clause(f.limit, f.offset, params) + ")" + kActionOrder;
  } else {
    sql = std::string(kActionSelect) + where_clause(f, params) + kActionOrder;
  }
  return read_actions(c, sql, params);
}

std::int64_t count_actions(Connection& c, const ActionFilter& f) {
  storage::Params params;
  std::string where = where_clause(f, params);
  return c.query_integer("SELECT COUNT(*) FROM actions a " + where, params);
}

ActionBatches action_batches(Connection& c, const ActionFilter& f) {
  storage::Params params;
  const std::string where = where_clause(f, params);
  ActionBatches out;
  std::int64_t in_batch = 0;
  // The coalitions in order (coalitions_number), each one's actions counted from actions_coalition.
  for (const auto& r : c.query("SELECT k.number_key, COUNT(*) FROM actions a JOIN coalitions k ON k.id = "
                               "a.coalition_id " +
                                   where + " GROUP BY k.number_key ORDER BY k.number_key",
                               params)) {
    if (out.ranges.empty() || in_batch >= storage::kExportBatch) {
      out.ranges.push_back({r.text(0), r.text(0)});
      in_batch = 0;
    } else {
      out.ranges.back().second = r.text(0);
    }
    in_batch += r.integer(1);
    out.count += r.integer(1);
  }
  return out;
}

std::vector<Action> actions(Connection& c, const ActionFilter& f, const std::pair<std::string, std::string>& range) {
  storage::Params params;
  std::string where = where_clause(f, params);
  where += where.empty() ? "WHERE " : " AND ";
  where += "k.number_key >= ? AND k.number_key <= ?";
  params.push_back(range.first);
  params.push_back(range.second);
  return read_actions(c, std::string(kActionSelect) + where + kActionOrder, params);
}

std::optional<Action> action(Connection& c, std::int64_t coalition_id, std::int64_t id) {
  auto r = c.query_one(std::string(kActionSelect) + "WHERE a.coalition_id = ? AND a.id = ?", {coalition_id, id});
  if (!r) return std::nullopt;
  std::vector<Action> one{read_action(*r)};
  attach(c, one);
  return std::move(one.front());
}

bool has_sub_actions(Connection& c, std::int64_t action_id) {
  return c.query_integer("SELECT COUNT(*) FROM actions WHERE parent_id = ?", {action_id}) > 0;
}

std::int64_t insert_action(Connection& c, const Action& a) {
  return c
      .query(
          "INSERT INTO actions (coalition_id, parent_id, title, description, lever, scale, status, abandon_reason, "
          "starts_on, due_on, progress, victory, qualities, resources, revision, created_at, updated_at, "
          "origin_next_step_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
          {a.coalition_id, nullable(a.parent_id), a.title, a.description, a.lever, a.scale, a.status, a.abandon_reason,
           nullable(a.starts_on), nullable(a.due_on), std::int64_t(a.entered_progress), std::int64_t(a.victory),
           join_qualities(a.qualities), a.resources, secs(a.created_at), secs(a.updated_at),
           nullable(a.origin_next_step_id)})
      .at(0)
      .integer(0);
}

bool update_action(Connection& c, const Action& a) {
  // Compare-and-set on the revision: only one writer moves it from revision - 1 to revision.
  return c.execute(
             "UPDATE actions SET parent_id = ?, title = ?, description = ?, lever = ?, scale = ?, status = ?, "
             "abandon_reason = ?, starts_on = ?, due_on = ?, progress = ?, victory = ?, qualities = ?, "
             "resources = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?",
             {nullable(a.parent_id), a.title, a.description, a.lever, a.scale, a.status, a.abandon_reason,
              nullable(a.starts_on), nullable(a.due_on), std::int64_t(a.entered_progress), std::int64_t(a.victory),
              join_qualities(a.qualities), a.resources, a.revision, secs(a.updated_at), a.id, a.revision - 1}) == 1;
}

std::optional<std::int64_t> action_of_next_step(Connection& c, std::int64_t next_step_id) {
  auto r = c.query_one("SELECT id FROM actions WHERE origin_next_step_id = ?", {next_step_id});
  if (!r) return std::nullopt;
  return r->integer(0);
}

std::optional<std::string> coalition_slug_of_action(Connection& c, std::int64_t action_id) {
  auto r = c.query_one("SELECT k.slug FROM actions a JOIN coalitions k ON k.id = a.coalition_id WHERE a.id = ?",
                       {action_id});
  if (!r) return std::nullopt;
  return r->text(0);
}

std::vector<ActionFromStep> actions_from_event(Connection& c, std::int64_t event_id) {
  std::vector<ActionFromStep> out;
  for (const auto& r : c.query("SELECT a.origin_next_step_id, a.id, k.slug, a.title FROM actions a "
                               "JOIN coalitions k ON k.id = a.coalition_id "
                               "JOIN minutes_items i ON i.id = a.origin_next_step_id WHERE i.event_id = ?",
                               {event_id}))
    out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3)});
  return out;
}

std::vector<LinkedEvent> coalition_events(Connection& c, std::int64_t coalition_id) {
  std::vector<LinkedEvent> out;
  for (const auto& r : c.query("SELECT e.id, e.slug, e.title, e.starts_at FROM events e "
                               "JOIN event_coalitions ec ON ec.event_id = e.id WHERE ec.coalition_id = ? "
                               "ORDER BY e.starts_at DESC, e.id DESC",
                               {coalition_id}))
    out.push_back({r.integer(0), r.text(1), r.text(2), at(r.integer(3))});
  return out;
}

void set_events(Connection& c, std::int64_t action_id, const std::vector<LinkedEvent>& events) {
  c.execute("DELETE FROM action_events WHERE action_id = ?", {action_id});
  for (const auto& e : events)
    c.execute("INSERT INTO action_events (action_id, event_id) VALUES (?, ?)", {action_id, e.id});
}

void set_organisations(Connection& c, std::int64_t action_id, const std::vector<std::int64_t>& organisation_ids) {
  c.execute("DELETE FROM action_organisations WHERE action_id = ?", {action_id});
  for (auto id : organisation_ids)
    c.execute("INSERT INTO action_organisations (action_id, organisation_id) VALUES (?, ?)", {action_id, id});
}

namespace {
// Actions and indicators keep their revisions alike, in tables of the same shape.
void insert_revision_into(Connection& c, const char* table, const char* key, std::int64_t id, std::int64_t number,
                          std::optional<std::int64_t> author, sys_seconds when, const std::string& comment,
                          const std::string& snapshot, std::optional<std::int64_t> restored_from,
                          std::optional<std::int64_t> merged_with) {
  c.execute(
      fmt::format("INSERT INTO {} ({}, number, author_id, created_at, comment, snapshot, restored_from, "
                  "merged_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  table, key),
      {id, number, nullable(author), secs(when), comment, snapshot, nullable(restored_from), nullable(merged_with)});
}

std::vector<Revision> revisions_of(Connection& c, const char* table, const char* key, std::int64_t id) {
  std::vector<Revision> out;
  for (const auto& r :
       c.query(fmt::format("SELECT r.number, r.created_at, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, "
                           "r.comment, r.snapshot, r.restored_from, r.merged_with FROM {} r LEFT JOIN users u ON u.id "
                           "= r.author_id "
                           "WHERE r.{} = ? ORDER BY r.number DESC",
                           table, key),
               {id})) {
    out.push_back({r.integer(0), at(r.integer(1)), r.text(2), r.text(3), r.text(4)});
    if (!r.is_null(5)) out.back().restored_from = r.integer(5);
    if (!r.is_null(6)) out.back().merged_with = r.integer(6);
  }
  return out;
}
}  // namespace

void insert_revision(Connection& c, std::int64_t action_id, std::int64_t number, std::optional<std::int64_t> author,
                     sys_seconds when, const std::string& comment, const std::string& snapshot,
                     std::optional<std::int64_t> restored_from, std::optional<std::int64_t> merged_with) {
  insert_revision_into(c, "action_revisions", "action_id", action_id, number, author, when, comment, snapshot,
                       restored_from, merged_with);
}

std::vector<ActionRevision> revisions(Connection& c, std::int64_t action_id) {
  return revisions_of(c, "action_revisions", "action_id", action_id);
}

void insert_indicator_revision(Connection& c, std::int64_t indicator_id, std::int64_t number,
                               std::optional<std::int64_t> author, sys_seconds when, const std::string& comment,
                               const std::string& snapshot, std::optional<std::int64_t> restored_from,
                               std::optional<std::int64_t> merged_with) {
  insert_revision_into(c, "indicator_revisions", "indicator_id", indicator_id, number, author, when, comment, snapshot,
                       restored_from, merged_with);
}

std::vector<Revision> indicator_revisions(Connection& c, std::int64_t indicator_id) {
  return revisions_of(c, "indicator_revisions", "indicator_id", indicator_id);
}

void touch_coalition(Connection& c, std::int64_t coalition_id, sys_seconds when) {
  // Never back: a read of the coalitions longest without activity depends on that (quietest_coalitions).
  storage::Rows rows(c, "coalitions", coalition_id);
  c.execute("UPDATE coalitions SET last_activity_at = ? WHERE id = ? AND last_activity_at < ?",
            {secs(when), coalition_id, secs(when)});
}

namespace {
// The coalition's indicators, or only indicator `only`, with their measurements (two queries).
// The indicators of one coalition (or of all, ordered by coalition), or only indicator `only`.
std::vector<Indicator> read_indicators(Connection& c, std::optional<std::int64_t> coalition_id,
                                       std::optional<std::int64_t> only) {
  std::vector<Indicator> out;
  std::map<std::int64_t, std::size_t> index;
  std::string where = coalition_id ? "i.coalition_id = ?" : "1 = 1";
  std::vector<storage::Value> params;
  if (coalition_id) params.emplace_back(*coalition_id);
  if (only) {
    where += " AND i.id = ?";
    params.emplace_back(*only);
  }
  for (const auto& r : c.query("SELECT i.id, i.coalition_id, i.name, i.unit, i.quality, i.impact, i.description, "
                               "i.baseline, i.target, i.created_at, i.updated_at, i.revision FROM indicators i "
                               "WHERE " +
                                   where + " ORDER BY i.coalition_id, i.id",
                               params)) {
    Indicator i;
    i.id = r.integer(0);
    i.coalition_id = r.integer(1);
    i.name = r.text(2);
    i.unit = r.text(3);
    i.quality = r.text(4);
    i.impact = r.text(5);
    i.description = r.text(6);
    if (!r.is_null(7)) i.baseline = r.real(7);
    if (!r.is_null(8)) i.target = r.real(8);
    i.created_at = at(r.integer(9));
    i.updated_at = at(r.integer(10));
    i.revision = r.integer(11);
    index[i.id] = out.size();
    out.push_back(std::move(i));
  }
  for (const auto& r : c.query("SELECT m.indicator_id, m.id, m.measured_on, m.value, m.source, m.revision "
                               "FROM measurements m JOIN indicators i ON i.id = m.indicator_id WHERE " +
                                   where + " ORDER BY m.measured_on, m.id",
                               params))
    out[index[r.integer(0)]].measurements.push_back(
        {r.integer(1), at(r.integer(2)), r.real(3), r.text(4), r.integer(5)});
  return out;
}
}  // namespace

std::vector<Indicator> indicators(Connection& c, std::int64_t coalition_id) {
  return read_indicators(c, coalition_id, std::nullopt);
}

std::vector<Indicator> all_indicators(Connection& c) { return read_indicators(c, std::nullopt, std::nullopt); }

std::optional<Indicator> indicator(Connection& c, std::int64_t coalition_id, std::int64_t id) {
  auto found = read_indicators(c, coalition_id, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::int64_t insert_indicator(Connection& c, const Indicator& i) {
  return c
      .query(
          "INSERT INTO indicators (coalition_id, name, unit, quality, impact, baseline, target, description, "
          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {i.coalition_id, i.name, i.unit, i.quality, i.impact, nullable(i.baseline), nullable(i.target), i.description,
           secs(i.created_at), secs(i.updated_at)})
      .at(0)
      .integer(0);
}

bool update_indicator(Connection& c, const Indicator& i) {
  return c.execute(
             "UPDATE indicators SET name = ?, unit = ?, quality = ?, impact = ?, baseline = ?, target = ?, "
             "description = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?",
             {i.name, i.unit, i.quality, i.impact, nullable(i.baseline), nullable(i.target), i.description, i.revision,
              secs(i.updated_at), i.id, i.revision - 1}) == 1;
}

void insert_measurement(Connection& c, std::int64_t indicator_id, const Measurement& m,
                        std::optional<std::int64_t> author, sys_seconds now) {
  c.execute(
      "INSERT INTO measurements (indicator_id, measured_on, value, source, author_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {indicator_id, secs(m.measured_on), m.value, m.source, nullable(author), secs(now)});
  c.execute("UPDATE indicators SET updated_at = ? WHERE id = ?", {secs(now), indicator_id});
}

std::optional<Measurement> measurement(Connection& c, std::int64_t indicator_id, std::int64_t id) {
  auto r = c.query_one(
      "SELECT id, measured_on, value, source, revision FROM measurements "
      "WHERE id = ? AND indicator_id = ?",
      {id, indicator_id});
  if (!r) return std::nullopt;
  return Measurement{r->integer(0), at(r->integer(1)), r->real(2), r->text(3), r->integer(4)};
}

void update_measurement(Connection& c, std::int64_t indicator_id, const Measurement& m, sys_seconds now) {
  c.execute(
      "UPDATE measurements SET measured_on = ?, value = ?, source = ?, revision = ? "
      "WHERE id = ? AND indicator_id = ?",
      {secs(m.measured_on), m.value, m.source, m.revision, m.id, indicator_id});
  c.execute("UPDATE indicators SET updated_at = ? WHERE id = ?", {secs(now), indicator_id});
}

void delete_measurement(Connection& c, std::int64_t indicator_id, std::int64_t id, sys_seconds now) {
  c.execute("DELETE FROM measurements WHERE id = ? AND indicator_id = ?", {id, indicator_id});
  c.execute("UPDATE indicators SET updated_at = ? WHERE id = ?", {secs(now), indicator_id});
}

void insert_measurement_change(Connection& c, std::int64_t indicator_id, const Measurement& before,
                               const Measurement* after, const std::string& reason, std::optional<std::int64_t> author,
                               sys_seconds now) {
  c.execute(
      "INSERT INTO measurement_changes (indicator_id, measurement_id, kind, old_measured_on, old_value, "
      "old_source, new_measured_on, new_value, new_source, reason, author_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {indicator_id, before.id, after ? "correction" : "removal", secs(before.measured_on), before.value, before.source,
       after ? storage::Value(secs(after->measured_on)) : storage::Value(nullptr),
       after ? storage::Value(after->value) : storage::Value(nullptr),
       after ? storage::Value(after->source) : storage::Value(nullptr), reason, nullable(author), secs(now)});
}

std::vector<MeasurementChange> measurement_changes(Connection& c, std::int64_t indicator_id) {
  std::vector<MeasurementChange> out;
  for (const auto& r : c.query("SELECT m.measurement_id, m.kind, m.old_measured_on, m.old_value, m.old_source, "
                               "m.new_measured_on, m.new_value, m.new_source, m.reason, "
                               "CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, m.created_at "
                               "FROM measurement_changes m LEFT JOIN users u ON u.id = m.author_id "
                               "WHERE m.indicator_id = ? ORDER BY m.id DESC",
                               {indicator_id})) {
    MeasurementChange ch;
    ch.measurement_id = r.integer(0);
    ch.removal = r.text(1) == "removal";
    ch.before = {ch.measurement_id, at(r.integer(2)), r.real(3), r.text(4)};
    if (!ch.removal) ch.after = Measurement{ch.measurement_id, at(r.integer(5)), r.real(6), r.text(7)};
    ch.reason = r.text(8);
    ch.author = r.text(9);
    ch.at = at(r.integer(10));
    out.push_back(std::move(ch));
  }
  return out;
}

bool indicator_exists(Connection& c, std::int64_t coalition_id, std::int64_t indicator_id) {
  return c.query_integer("SELECT COUNT(*) FROM indicators WHERE id = ? AND coalition_id = ?",
                         {indicator_id, coalition_id}) > 0;
}

std::vector<std::pair<std::int64_t, ActorRecord>> actors(Connection& c, std::optional<std::int64_t> coalition_id) {
  // Three sources, one statement: the organisations of members (by role), those named in interest
  // declarations (with their levers), and those carrying actions (on the action's lever).
  std::string only = coalition_id ? " WHERE x.coalition_id = ?" : "";
  storage::Params params;
  if (coalition_id) params.push_back(*coalition_id);
  std::string sql =
      "SELECT x.coalition_id, o.id, o.slug, o.name, o.kind_id, x.involvement, x.c, x.o, x.u FROM ("
      "SELECT m.coalition_id, uo.organisation_id, CASE WHEN m.role = 'co-porteur' THEN 0 ELSE 1 END AS involvement, "
      "0 AS c, 0 AS o, 0 AS u FROM coalition_members m JOIN user_organisations uo ON uo.user_id = m.user_id "
      "UNION ALL SELECT d.coalition_id, d.organisation_id, 2, d.lever_commande, d.lever_offre, d.lever_usages "
      "FROM interest_declarations d WHERE d.organisation_id IS NOT NULL "
      "UNION ALL SELECT a.coalition_id, ao.organisation_id, 3, CASE WHEN a.lever = 'commande' THEN 1 ELSE 0 END, "
      "CASE WHEN a.lever = 'offre' THEN 1 ELSE 0 END, CASE WHEN a.lever = 'usages' THEN 1 ELSE 0 END "
      "FROM action_organisations ao JOIN actions a ON a.id = ao.action_id WHERE a.status <> 'abandonnee'"
      ") x JOIN organisations o ON o.id = x.organisation_id" +
      only + " ORDER BY x.coalition_id";
  // One coalition's: the interest declarations read are its own.
  std::optional<storage::Rows> declared;
  if (coalition_id) declared.emplace(c, "interest_declarations", *coalition_id);
  std::vector<std::pair<std::int64_t, ActorRecord>> out;
  for (const auto& r : c.query(sql, params))
    out.emplace_back(r.integer(0), ActorRecord{r.integer(1),
                                               r.text(2),
                                               r.text(3),
                                               r.integer(4),
                                               static_cast<Involvement>(r.integer(5)),
                                               {r.boolean(6), r.boolean(7), r.boolean(8)}});
  return out;
}

std::vector<KindCount> organisations_per_kind(Connection& c, const std::vector<std::int64_t>* ids) {
  std::vector<KindCount> out;
  if (ids && ids->empty()) return out;
  // The filter goes into each branch, so that only the chosen coalitions' rows are read.
  storage::Params params;
  std::string in;
  if (ids)
    for (std::size_t i = 0; i < ids->size(); ++i) in += in.empty() ? "?" : ", ?";
  auto only = [&](const char* column) {
    return ids ? std::string(" AND ") + column + " IN (" + in + ")" : std::string();
  };
  for (int branch = 0; ids && branch < 3; ++branch)
    for (auto id : *ids) params.push_back(id);
  // Of the declarations, the chosen coalitions' rows: a declaration on another keeps what was read.
  std::optional<storage::Rows> declared;
  if (ids) {
    declared.emplace(c, "interest_declarations");
    for (auto id : *ids) declared->add(id);
  }
  // The rows themselves, counted here: SQLite's COUNT(DISTINCT) per group clears a temporary
  // b-tree for every group and cost three times as much on the dashboard's page.
  std::vector<std::array<std::int64_t, 3>> rows;  // coalition, kind, organisation
  c.each_row(
      "SELECT x.coalition_id, o.kind_id, x.organisation_id FROM ("
      "SELECT m.coalition_id, uo.organisation_id FROM coalition_members m "
      "JOIN user_organisations uo ON uo.user_id = m.user_id WHERE 1 = 1" +
          only("m.coalition_id") +
          " UNION ALL SELECT coalition_id, organisation_id FROM interest_declarations "
          "WHERE organisation_id IS NOT NULL" +
          only("coalition_id") +
          " UNION ALL SELECT a.coalition_id, ao.organisation_id FROM action_organisations ao "
          "JOIN actions a ON a.id = ao.action_id WHERE a.status <> 'abandonnee'" +
          only("a.coalition_id") + ") x JOIN organisations o ON o.id = x.organisation_id",
      params, [&](const storage::Row& r) {
        rows.push_back({r.integer(0), r.integer(1), r.integer(2)});
      });
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  for (const auto& [coalition, kind, organisation] : rows) {
    if (out.empty() || out.back().coalition_id != coalition || out.back().kind_id != kind)
      out.push_back({coalition, kind, 0});
    ++out.back().organisations;
  }
  return out;
}

std::vector<KindDef> kinds(Connection& c) {
  std::vector<KindDef> out;
  for (const auto& r : c.query("SELECT id, slug, label FROM organisation_kinds ORDER BY position, id"))
    out.push_back({r.integer(0), r.text(1), r.text(2)});
  return out;
}

namespace {

constexpr const char* kDashboardSelect =
    "SELECT k.id, k.number, k.slug, k.title, k.stage, k.stage_since, k.last_activity_at "
    "FROM coalitions k JOIN coalition_families f ON f.id = k.family_id ";
constexpr const char* kListOrder = "f.position, f.id, k.number_key, k.id";

std::vector<coalitions::Coalition> read_dashboard_coalitions(Connection& c, const std::string& sql,
                                                             const storage::Params& params) {
  std::vector<coalitions::Coalition> out;
  for (const auto& r : c.query(sql, params)) {
    coalitions::Coalition k;
    k.id = r.integer(0);
    k.number = r.text(1);
    k.slug = r.text(2);
    k.title = r.text(3);
    k.stage = r.text(4);
    k.stage_since = at(r.integer(5));
    k.last_activity_at = at(r.integer(6));
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<StageEntry> read_stage_entries(Connection& c, const std::string& sql, const storage::Params& params) {
  std::vector<StageEntry> out;
  for (const auto& r : c.query(sql, params)) out.push_back({r.integer(0), r.text(1), at(r.integer(2))});
  return out;
}

}  // namespace

std::vector<coalitions::Coalition> dashboard_coalitions(Connection& c) {
  // Narrow on purpose: the full list's summaries and joins cost more than the rest of the dashboard.
  return read_dashboard_coalitions(c, std::string(kDashboardSelect) + "ORDER BY " + kListOrder, {});
}

std::vector<coalitions::Coalition> quietest_coalitions(Connection& c, std::int64_t offset, std::int64_t limit) {
  // Which coalitions come first depends on those up to the last one returned alone: a change named
  // by a coalition's row only moves its activity later (coalitions::store::touch, touch_coalition,
  // insert_revision), so one further down stays further down. Those rows are named: what people do
  // in a coalition further down keeps the page (storage::Rows; past kMaxRowsPerTable, the table).
  storage::Rows first(c, "coalitions");
  if (offset > 0)
    for (const auto& r : c.query("SELECT id FROM coalitions ORDER BY last_activity_at, id LIMIT ?", {offset}))
      first.add(r.integer(0));
  // Read from the index on (last_activity_at, id): the rows shown, not every coalition sorted.
  auto out = read_dashboard_coalitions(c,
                                       "SELECT k.id, k.number, k.slug, k.title, k.stage, k.stage_since, "
                                       "k.last_activity_at FROM coalitions k ORDER BY k.last_activity_at, k.id "
                                       "LIMIT ? OFFSET ?",
                                       {limit, offset});
  for (const auto& k : out) first.add(k.id);
  return out;
}

std::map<std::string, std::int64_t> coalitions_per_stage(Connection& c) {
  std::map<std::string, std::int64_t> out;
  storage::Rows none(c, "coalitions");  // how many per stage: changes named by rows never change it
  for (const auto& r : c.query("SELECT stage, COUNT(*) FROM coalitions GROUP BY stage")) out[r.text(0)] = r.integer(1);
  return out;
}

std::vector<StageEntry> stage_entries(Connection& c) {
  return read_stage_entries(
      c, "SELECT coalition_id, to_stage, changed_at FROM coalition_stage_changes ORDER BY coalition_id, changed_at, id",
      {});
}

std::vector<StageEntry> stage_entries(Connection& c, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  storage::Params params(ids.begin(), ids.end());
  std::string in;
  for (std::size_t i = 0; i < ids.size(); ++i) in += i == 0 ? "?" : ", ?";
  return read_stage_entries(c,
                            "SELECT coalition_id, to_stage, changed_at FROM coalition_stage_changes "
                            "WHERE coalition_id IN (" +
                                in + ") ORDER BY coalition_id, changed_at, id",
                            params);
}

std::map<std::pair<std::string, std::string>, std::int64_t> actions_by_status_and_lever(Connection& c) {
  std::map<std::pair<std::string, std::string>, std::int64_t> out;
  for (const auto& r : c.query("SELECT status, lever, COUNT(*) FROM actions GROUP BY status, lever"))
    out[{r.text(0), r.text(1)}] = r.integer(2);
  return out;
}

std::vector<Action> achieved_victories(Connection& c, std::int64_t limit) {
  std::vector<Action> out;
  // Of the coalitions, what names those the victories belong to.
  for (const auto& r :
       storage::query_identity(c, "coalitions",
                               std::string(kActionSelect) + "WHERE a.victory = 1 AND a.status = 'realisee' "
                                                            "ORDER BY a.updated_at DESC, a.id LIMIT ?",
                               {limit}))
    out.push_back(read_action(r));
  attach(c, out);
  return out;
}

std::int64_t count_achieved_victories(Connection& c) {
  return c.query_integer("SELECT COUNT(*) FROM actions WHERE victory = 1 AND status = 'realisee'");
}

}  // namespace fabrique::roadmaps::store
