// SQL for decisions (see store.hpp); portable across SQLite and PostgreSQL.
#include "decisions/store.hpp"

#include <fmt/format.h>

#include "events/store.hpp"
#include "storage/instants.hpp"

namespace fabrique::decisions::store {

using storage::at;
using storage::Params;
using storage::Row;
using storage::secs;

namespace {

constexpr const char* kPublicName = "CASE WHEN u.show_name = 1 THEN u.name ELSE '' END";

// A decision with the names of its group and of what it decides.
constexpr const char* kColumns =
    "d.id, d.question, d.details, d.group_kind, d.group_coalition_id, d.group_event_id, "
    "COALESCE(gk.title, ge.title, ''), COALESCE(gk.slug, ge.slug, ''), d.charter_version_id, d.coalition_id, "
    "d.action_id, cv.number, COALESCE(a.title, ak.title, ''), COALESCE(ac.slug, ak.slug, ''), d.process, "
    "d.closes_at, d.outcome, d.outcome_at, d.closing_told, d.opened_by, d.created_at, d.updated_at, a.coalition_id";
constexpr const char* kJoins =
    "decisions d LEFT JOIN coalitions gk ON gk.id = d.group_coalition_id LEFT JOIN events ge ON ge.id = "
    "d.group_event_id LEFT JOIN charter_versions cv ON cv.id = d.charter_version_id LEFT JOIN coalitions ak ON "
    "ak.id = d.coalition_id LEFT JOIN actions a ON a.id = d.action_id LEFT JOIN coalitions ac ON ac.id = "
    "a.coalition_id";

Decision decision_of(const Row& r) {
  Decision d;
  d.id = r.integer(0);
  d.question = r.text(1);
  d.details = r.text(2);
  d.group = group_kind_of(r.text(3)).value_or(GroupKind::programme);
  d.group_coalition_id = r.optional_integer(4);
  d.group_event_id = r.optional_integer(5);
  d.group_title = r.text(6);
  d.group_slug = r.text(7);
  d.charter_version_id = r.optional_integer(8);
  d.coalition_id = r.optional_integer(9);
  d.action_id = r.optional_integer(10);
  d.charter_version_number = r.optional_integer(11);
  d.about_title = r.text(12);
  d.about_slug = r.text(13);
  d.process = process_of(r.text(14)).value_or(Process::consent);
  d.closes_at = at(r.integer(15));
  d.outcome = r.text(16);
  if (!r.is_null(17)) d.outcome_at = at(r.integer(17));
  d.closing_told = r.boolean(18);
  d.opened_by = r.optional_integer(19);
  d.created_at = at(r.integer(20));
  d.updated_at = at(r.integer(21));
  return d;
}

}  // namespace

namespace {
std::string where_of(const Filter& f, Params& p) {
  std::string where = "1 = 1";
  if (f.group) {
    where += " AND d.group_kind = ?";
    p.emplace_back(std::string(key(*f.group)));
  }
  if (f.coalition_id) {
    where += " AND d.group_coalition_id = ?";
    p.emplace_back(*f.coalition_id);
  }
  if (f.open) {
    where += *f.open ? " AND d.closes_at > ?" : " AND d.closes_at <= ?";
    p.emplace_back(secs(f.now));
  }
  if (f.charter_version_id) {
    where += " AND d.charter_version_id = ?";
    p.emplace_back(*f.charter_version_id);
  }
  if (f.about_coalition_id) {
    where += " AND d.coalition_id = ?";
    p.emplace_back(*f.about_coalition_id);
  }
  if (f.action_id) {
    where += " AND d.action_id = ?";
    p.emplace_back(*f.action_id);
  }
  if (f.updated_since) {
    where += " AND d.updated_at >= ?";
    p.emplace_back(secs(*f.updated_since));
  }
  return where;
}
}  // namespace

std::vector<Decision> decisions(Connection& c, const Filter& f) {
  Params p;
  const std::string where = where_of(f, p);
  const std::string page = storage::page_clause(f.limit, f.offset, p);
  std::vector<Decision> out;
  for (const auto& r :
       storage::query_identity(c, "coalitions",
                               fmt::format("SELECT {} FROM {} WHERE {} ORDER BY d.created_at DESC, d.id DESC{}",
                                           kColumns, kJoins, where, page),
                               p))
    out.push_back(decision_of(r));
  return out;
}

std::int64_t count_decisions(Connection& c, const Filter& f) {
  Params p;
  const std::string where = where_of(f, p);
  return c.query_integer("SELECT COUNT(*) FROM decisions d WHERE " + where, p);
}

std::optional<Decision> decision(Connection& c, std::int64_t id) {
  auto rows =
      storage::query_identity(c, "coalitions", fmt::format("SELECT {} FROM {} WHERE d.id = ?", kColumns, kJoins), {id});
  if (rows.empty()) return std::nullopt;
  Decision d = decision_of(rows.front());
  for (const auto& o :
       c.query("SELECT id, position, label FROM decision_options WHERE decision_id = ? ORDER BY position", {id}))
    d.options.push_back({o.integer(0), o.integer(1), o.text(2)});
  return d;
}

std::int64_t insert(Connection& c, const Decision& d) {
  const std::int64_t id = c.query_integer(
      "INSERT INTO decisions (question, details, group_kind, group_coalition_id, group_event_id, "
      "charter_version_id, coalition_id, action_id, process, closes_at, opened_by, created_at, updated_at) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {d.question, d.details, std::string(key(d.group)), storage::nullable(d.group_coalition_id),
       storage::nullable(d.group_event_id), storage::nullable(d.charter_version_id), storage::nullable(d.coalition_id),
       storage::nullable(d.action_id), std::string(key(d.process)), secs(d.closes_at), storage::nullable(d.opened_by),
       secs(d.created_at), secs(d.updated_at)});
  std::int64_t position = 0;
  for (const auto& o : d.options)
    c.execute("INSERT INTO decision_options (decision_id, position, label) VALUES (?, ?, ?)",
              {id, ++position, o.label});
  return id;
}

void update_closing(Connection& c, std::int64_t id, sys_seconds closes_at, sys_seconds now) {
  c.execute("UPDATE decisions SET closes_at = ?, updated_at = ? WHERE id = ?", {secs(closes_at), secs(now), id});
}

void set_outcome(Connection& c, std::int64_t id, const std::string& outcome, sys_seconds now) {
  c.execute("UPDATE decisions SET outcome = ?, outcome_at = ?, updated_at = ? WHERE id = ?",
            {outcome, secs(now), secs(now), id});
}

void set_closing_told(Connection& c, std::int64_t id) {
  c.execute("UPDATE decisions SET closing_told = 1 WHERE id = ?", {id});
}

std::vector<Decision> closed_untold(Connection& c, sys_seconds now) {
  std::vector<Decision> out;
  for (const auto& r :
       storage::query_identity(c, "coalitions",
                               fmt::format("SELECT {} FROM {} WHERE d.closing_told = 0 AND d.closes_at <= "
                                           "? ORDER BY d.closes_at, d.id",
                                           kColumns, kJoins),
                               {secs(now)}))
    out.push_back(decision_of(r));
  return out;
}

std::vector<Answer> answers(Connection& c, std::int64_t decision_id) {
  std::vector<Answer> out;
  for (const auto& r : c.query(
           fmt::format("SELECT a.id, a.user_id, {}, COALESCE((SELECT o.name FROM user_organisations uo JOIN "
                       "organisations o ON o.id = uo.organisation_id WHERE uo.user_id = a.user_id ORDER BY "
                       "uo.created_at, o.id LIMIT 1), ''), a.position, a.reason, a.updated_at FROM decision_answers a "
                       "JOIN users u ON u.id = a.user_id WHERE a.decision_id = ? ORDER BY a.created_at, a.id",
                       kPublicName),
           {decision_id})) {
    Answer a;
    a.user_id = r.integer(1);
    a.name = r.text(2);
    a.organisation = r.text(3);
    a.position = r.text(4);
    a.reason = r.text(5);
    a.updated_at = at(r.integer(6));
    out.push_back(std::move(a));
  }
  // The options chosen, for every answer at once.
  for (const auto& r : c.query("SELECT a.user_id, x.option_id, x.rank FROM decision_answer_options x JOIN "
                               "decision_answers a ON a.id = x.answer_id WHERE a.decision_id = ? ORDER BY a.user_id, "
                               "x.rank, x.option_id",
                               {decision_id}))
    for (auto& a : out)
      if (a.user_id == r.integer(0)) a.choices.push_back({r.integer(1), r.integer(2)});
  return out;
}

void save_answer(Connection& c, std::int64_t decision_id, const Answer& a, sys_seconds now) {
  auto id =
      c.query_one("SELECT id FROM decision_answers WHERE decision_id = ? AND user_id = ?", {decision_id, a.user_id});
  std::int64_t answer_id;
  if (id) {
    answer_id = id->integer(0);
    c.execute("UPDATE decision_answers SET position = ?, reason = ?, updated_at = ? WHERE id = ?",
              {a.position, a.reason, secs(now), answer_id});
    c.execute("DELETE FROM decision_answer_options WHERE answer_id = ?", {answer_id});
  } else {
    answer_id = c.query_integer(
        "INSERT INTO decision_answers (decision_id, user_id, position, reason, created_at, updated_at) VALUES (?, ?, "
        "?, ?, ?, ?) RETURNING id",
        {decision_id, a.user_id, a.position, a.reason, secs(now), secs(now)});
  }
  for (const auto& choice : a.choices)
    c.execute("INSERT INTO decision_answer_options (answer_id, option_id, rank) VALUES (?, ?, ?)",
              {answer_id, choice.option_id, choice.rank});
}

bool in_group(Connection& c, const Decision& d, std::int64_t user_id) {
  switch (d.group) {
    case GroupKind::programme:
      return true;  // every account is a member of the programme
    case GroupKind::coalition:
      return d.group_coalition_id &&
             c.query_one("SELECT 1 FROM coalition_members WHERE coalition_id = ? AND user_id = ?",
                         {*d.group_coalition_id, user_id});
    case GroupKind::event:
      return d.group_event_id && c.query_one(
                                     "SELECT 1 FROM registrations WHERE event_id = ? AND user_id = ? AND "
                                     "status = 'registered'",
                                     {*d.group_event_id, user_id});
  }
  return false;
}

std::vector<std::int64_t> group_members(Connection& c, const Decision& d) {
  std::vector<Row> rows;
  switch (d.group) {
    case GroupKind::programme:
      rows = c.query("SELECT id FROM users WHERE deleted_at IS NULL ORDER BY id");
      break;
    case GroupKind::coalition:
      if (d.group_coalition_id)
        rows = c.query("SELECT user_id FROM coalition_members WHERE coalition_id = ? ORDER BY user_id",
                       {*d.group_coalition_id});
      break;
    case GroupKind::event:
      if (d.group_event_id)
        rows =
            c.query("SELECT user_id FROM registrations WHERE event_id = ? AND status = 'registered' ORDER BY user_id",
                    {*d.group_event_id});
      break;
  }
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.integer(0));
  return out;
}

std::optional<std::int64_t> event_id(Connection& c, std::string_view slug) {
  auto r = c.query_one("SELECT id FROM events WHERE slug = ?", {std::string(slug)});
  return r ? std::optional(r->integer(0)) : std::nullopt;
}

std::optional<ActionRef> action(Connection& c, std::int64_t id) {
  auto r = c.query_one(
      "SELECT a.id, a.title, k.slug FROM actions a JOIN coalitions k ON k.id = a.coalition_id WHERE a.id = ?", {id});
  if (!r) return std::nullopt;
  return ActionRef{r->integer(0), r->text(1), r->text(2)};
}

std::vector<GroupChoice> recent_events(Connection& c, sys_seconds since) {
  std::vector<GroupChoice> out;
  // Not over at `since` (ending at it or after), read from the start index from `since` less the
  // longest event (events::store::kNotOver), not from the first event ever held.
  const std::int64_t before = secs(since) - 1;
  for (const auto& r : c.query(std::string("SELECT e.slug, e.title, e.starts_at FROM events e WHERE ") +
                                   events::store::kNotOver + " ORDER BY e.starts_at LIMIT 30",
                               {before, before}))
    out.push_back({r.text(0), r.text(1), at(r.integer(2))});
  return out;
}

}  // namespace fabrique::decisions::store
