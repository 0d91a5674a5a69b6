// SQL for an event's minutes: their revisions, their items (decisions, next steps) and attached files.
#include "events/store.hpp"

namespace fabrique::events::store {
namespace {

using storage::at;
using storage::nullable;
using storage::secs;

}  // namespace

bool insert_minutes_revision(Connection& c, std::int64_t event_id, std::int64_t number,
                             std::optional<std::int64_t> author, sys_seconds when, const std::string& comment,
                             std::optional<std::int64_t> restored_from, const std::string& body,
                             std::optional<std::int64_t> merged_with) {
  if (c.execute("UPDATE events SET minutes_revision = ?, minutes = ? WHERE id = ? AND minutes_revision = ?",
                {number, body, event_id, number - 1}) != 1)
    return false;
  c.execute(
      "INSERT INTO minutes_revisions (event_id, number, author_id, created_at, comment, restored_from, body, "
      "merged_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {event_id, number, nullable(author), secs(when), comment, nullable(restored_from), body, nullable(merged_with)});
  return true;
}

namespace {
constexpr const char* kRevisionSelect =
    "SELECT v.number, v.created_at, v.comment, v.restored_from, v.body, v.merged_with, "
    "COALESCE(CASE WHEN u.show_name = 1 THEN u.name ELSE NULL END, (SELECT o.name FROM user_organisations uo "
    "JOIN organisations o ON o.id = uo.organisation_id WHERE uo.user_id = u.id ORDER BY o.name_key LIMIT 1), '') "
    "FROM minutes_revisions v LEFT JOIN users u ON u.id = v.author_id WHERE v.event_id = ? ";
MinutesRevision read_revision(const storage::Row& r) {
  return {r.integer(0), at(r.integer(1)),     r.text(2), r.optional_integer(3), r.text(6),
          r.text(4),    r.optional_integer(5)};
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
    "k.title, e.slug, e.title, i.assignee_id, i.version, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, "
    "i.group_id "
    "FROM minutes_items i JOIN events e ON e.id = i.event_id LEFT JOIN coalitions k ON k.id = i.coalition_id "
    "LEFT JOIN users u ON u.id = i.assignee_id ";
MinutesItem read_item(const storage::Row& r) {
  MinutesItem i;
  i.id = r.integer(0);
  i.event_id = r.integer(1);
  const std::string kind = r.text(2);
  i.kind = kind == "decision"    ? ItemKind::decision
           : kind == "next_step" ? ItemKind::next_step
           : kind == "idea"      ? ItemKind::idea
                                 : ItemKind::question;
  i.body = r.text(3);
  i.asked_by = r.text(4);
  i.asked_to = r.text(5);
  i.answer = r.text(6);
  if (auto v = r.optional_integer(7)) i.due_at = at(*v);
  if (!r.is_null(8)) i.coalition = Ref{r.integer(8), r.text(9), r.text(10) + " — " + r.text(11)};
  i.event_slug = r.text(12);
  i.event_title = r.text(13);
  i.assignee_id = r.optional_integer(14);
  i.version = r.integer(15);
  i.assignee_name = r.text(16);
  i.group_id = r.optional_integer(17);
  return i;
}
}  // namespace

std::vector<MinutesItem> items(Connection& c, std::int64_t event_id) {
  std::vector<MinutesItem> out;
  for (const auto& r : storage::query_identity(
           c, "coalitions", std::string(kItemSelect) + "WHERE i.event_id = ? ORDER BY i.id", {event_id}))
    out.push_back(read_item(r));
  return out;
}

void insert_item(Connection& c, const MinutesItem& i, sys_seconds now) {
  c.execute(
      "INSERT INTO minutes_items (event_id, kind, body, asked_by, asked_to, answer, due_at, coalition_id, "
      "assignee_id, created_at, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {i.event_id, std::string(item_kind_slug(i.kind)), i.body, i.asked_by, i.asked_to, i.answer, nullable(i.due_at),
       i.coalition ? storage::Value(i.coalition->id) : storage::Value(nullptr),
       i.assignee_id ? storage::Value(*i.assignee_id) : storage::Value(nullptr), secs(now), nullable(i.group_id)});
}

std::optional<MinutesItem> item(Connection& c, std::int64_t event_id, std::int64_t item_id) {
  for (const auto& r : storage::query_identity(
           c, "coalitions", std::string(kItemSelect) + "WHERE i.event_id = ? AND i.id = ?", {event_id, item_id}))
    return read_item(r);
  return std::nullopt;
}

bool update_item(Connection& c, const MinutesItem& i) {
  return c.execute(
             "UPDATE minutes_items SET kind = ?, body = ?, asked_by = ?, asked_to = ?, answer = ?, due_at = ?, "
             "coalition_id = ?, assignee_id = ?, version = version + 1 WHERE event_id = ? AND id = ? AND version = ?",
             {std::string(item_kind_slug(i.kind)), i.body, i.asked_by, i.asked_to, i.answer, nullable(i.due_at),
              i.coalition ? storage::Value(i.coalition->id) : storage::Value(nullptr),
              i.assignee_id ? storage::Value(*i.assignee_id) : storage::Value(nullptr), i.event_id, i.id, i.version}) >
         0;
}

bool delete_item(Connection& c, std::int64_t event_id, std::int64_t item_id) {
  return c.execute("DELETE FROM minutes_items WHERE event_id = ? AND id = ?", {event_id, item_id}) > 0;
}

std::vector<MinutesItem> next_steps_of_person(Connection& c, std::int64_t user_id) {
  std::vector<MinutesItem> out;
  for (const auto& r :
       storage::query_identity(c, "coalitions",
                               std::string(kItemSelect) +
                                   "WHERE i.assignee_id = ? AND i.kind = 'next_step' "
                                   "ORDER BY CASE WHEN i.due_at IS NULL THEN 1 ELSE 0 END, i.due_at, e.starts_at, i.id",
                               {user_id}))
    out.push_back(read_item(r));
  return out;
}

std::vector<MinutesItem> next_steps_of_coalition(Connection& c, std::int64_t coalition_id) {
  std::vector<MinutesItem> out;
  for (const auto& r :
       storage::query_identity(c, "coalitions",
                               std::string(kItemSelect) +
                                   "WHERE i.coalition_id = ? AND i.kind = 'next_step' "
                                   "ORDER BY CASE WHEN i.due_at IS NULL THEN 1 ELSE 0 END, i.due_at, e.starts_at, i.id",
                               {coalition_id}))
    out.push_back(read_item(r));
  return out;
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

}  // namespace fabrique::events::store
