// SQL for the newsletters: portable, next to the functions that use it.
#include "newsletters/store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "events/store.hpp"
#include "storage/instants.hpp"
#include "storage/settings.hpp"

namespace fabrique::newsletters::store {

namespace {

using storage::at;
using storage::secs;

constexpr const char* kSelect =
    "SELECT n.id, n.subject, n.introduction, n.content, n.audience, n.sender_id, "
    "CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, n.recipients, n.sent_at "
    "FROM newsletters n LEFT JOIN users u ON u.id = n.sender_id ";

Newsletter read_newsletter(const storage::Row& r) {
  Newsletter n;
  n.id = r.integer(0);
  n.subject = r.text(1);
  n.introduction = r.text(2);
  n.content = r.text(3) == "post" ? Content::post : Content::digest;
  n.audience = r.text(4) == "followers" ? Audience::followers : Audience::members;
  n.sender_id = r.optional_integer(5);
  n.sender_name = r.text(6);
  n.recipients = r.integer(7);
  n.sent_at = at(r.integer(8));
  return n;
}

// The coalitions and items of the newsletters `ids`, each added to the newsletter `of` gives for its
// id: two queries whatever their number.
constexpr const char* kCoalitionsOf =
    "SELECT nc.newsletter_id, k.id, k.slug, k.number, k.title FROM newsletter_coalitions nc "
    "JOIN coalitions k ON k.id = nc.coalition_id WHERE nc.newsletter_id IN ({}) ORDER BY nc.newsletter_id, k.id";
constexpr const char* kItemsOf =
    "SELECT newsletter_id, kind, slug, title, summary, body, place, happens_at FROM newsletter_items "
    "WHERE newsletter_id IN ({}) ORDER BY newsletter_id, position";

void read_parts(Connection& c, const storage::Params& ids, const std::function<Newsletter&(std::int64_t)>& of) {
  const std::string in = storage::placeholders(ids.size());
  for (const auto& r : c.query(fmt::format(fmt::runtime(kCoalitionsOf), in), ids))
    of(r.integer(0)).coalitions.push_back({r.integer(1), r.text(2), r.text(3), r.text(4)});
  for (const auto& r : c.query(fmt::format(fmt::runtime(kItemsOf), in), ids)) {
    Item i;
    i.kind = r.text(1) == "event" ? Item::Kind::event : Item::Kind::post;
    i.slug = r.text(2);
    i.title = r.text(3);
    i.summary = r.text(4);
    i.body = r.text(5);
    i.place = r.text(6);
    i.at = at(r.integer(7));
    of(r.integer(0)).items.push_back(std::move(i));
  }
}

}  // namespace

namespace {
// Who a newsletter reaches: confirmed accounts that did not turn newsletters off, and for followers,
// those who follow one of `coalition_ids`. False when nobody can be (followers of no coalition).
bool recipients_where(Audience audience, const std::vector<std::int64_t>& coalition_ids, std::string& where,
                      storage::Params& params) {
  params.push_back(std::string(kMailKind));
  where =
      " FROM users u WHERE u.deleted_at IS NULL AND u.email_confirmed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
      "mail_preferences m WHERE m.user_id = u.id AND m.kind = ? AND m.enabled = 0)";
  if (audience != Audience::followers) return true;
  if (coalition_ids.empty()) return false;
  where += fmt::format(
      " AND EXISTS (SELECT 1 FROM follows f WHERE f.user_id = u.id AND f.subject = 'coalition' "
      "AND f.subject_id IN ({}))",
      storage::placeholders(coalition_ids.size()));
  for (auto id : coalition_ids) params.push_back(id);
  return true;
}
}  // namespace

std::vector<Recipient> recipients(Connection& c, Audience audience, const std::vector<std::int64_t>& coalition_ids) {
  std::string where;
  storage::Params params;
  if (!recipients_where(audience, coalition_ids, where, params)) return {};
  std::vector<Recipient> out;
  for (const auto& r : c.query("SELECT u.id, u.email, u.name, u.language" + where + " ORDER BY u.id", params))
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

std::int64_t count_recipients(Connection& c, Audience audience, const std::vector<std::int64_t>& coalition_ids) {
  std::string where;
  storage::Params params;
  if (!recipients_where(audience, coalition_ids, where, params)) return 0;
  // Every account read (1.3 ms at 10,000 members) for a figure the letter's form shows on each view:
  // kept until the accounts, preferences or follows change (storage::settings::memo).
  std::string name = audience == Audience::followers ? "newsletters.reach.followers" : "newsletters.reach.members";
  for (auto id : coalition_ids) fmt::format_to(std::back_inserter(name), ",{}", id);
  return storage::settings::memo<std::int64_t>(c, name,
                                               [&] { return c.query_integer("SELECT COUNT(*)" + where, params); });
}

std::int64_t insert(Connection& c, const Newsletter& n) {
  const std::int64_t id =
      c.query(
           "INSERT INTO newsletters (subject, introduction, content, audience, sender_id, recipients, sent_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {n.subject, n.introduction, std::string(n.content == Content::post ? "post" : "digest"),
            std::string(n.audience == Audience::followers ? "followers" : "members"), storage::nullable(n.sender_id),
            n.recipients, secs(n.sent_at)})
          .at(0)
          .integer(0);
  for (const auto& k : n.coalitions)
    c.execute("INSERT INTO newsletter_coalitions (newsletter_id, coalition_id) VALUES (?, ?)", {id, k.id});
  std::int64_t position = 0;
  for (const auto& i : n.items)
    c.execute(
        "INSERT INTO newsletter_items (newsletter_id, position, kind, slug, title, summary, body, place, happens_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, ++position, std::string(i.kind == Item::Kind::post ? "post" : "event"), i.slug, i.title, i.summary, i.body,
         i.place, secs(i.at)});
  return id;
}

std::vector<Newsletter> sent(Connection& c, std::int64_t limit, std::int64_t offset) {
  storage::Params params;
  const std::string page = storage::page_clause(limit, offset, params);
  std::vector<Newsletter> out;
  for (const auto& r : c.query(std::string(kSelect) + "ORDER BY n.sent_at DESC, n.id DESC" + page, params))
    out.push_back(read_newsletter(r));
  // Their coalitions and items: two queries for the whole page.
  if (out.empty()) return out;
  storage::Params ids;
  for (const auto& n : out) ids.push_back(n.id);
  read_parts(c, ids, [&](std::int64_t id) -> Newsletter& {
    return *std::find_if(out.begin(), out.end(), [&](const Newsletter& n) { return n.id == id; });
  });
  return out;
}

std::int64_t count(Connection& c) { return c.query_integer("SELECT COUNT(*) FROM newsletters"); }

std::optional<Newsletter> by_id(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kSelect) + "WHERE n.id = ?", {id});
  if (!r) return std::nullopt;
  Newsletter n = read_newsletter(*r);
  read_parts(c, {id}, [&](std::int64_t) -> Newsletter& { return n; });
  return n;
}

std::vector<UpcomingEvent> upcoming_events(Connection& c, sys_seconds from, sys_seconds until,
                                           const std::vector<std::string>& slugs) {
  storage::Params p{secs(from), secs(from), secs(until)};
  std::string sql = fmt::format(
      "SELECT e.slug, e.title, e.starts_at FROM events e WHERE {} AND e.starts_at < ? AND e.status <> 'cancelled'",
      events::store::kNotOver);
  if (!slugs.empty()) {
    sql += " AND e.slug IN (" + storage::placeholders(slugs.size()) + ")";
    for (const auto& s : slugs) p.push_back(s);
  }
  std::vector<UpcomingEvent> out;
  for (const auto& row : c.query(sql + " ORDER BY e.starts_at, e.id", p))
    out.push_back({row.text(0), row.text(1), at(row.integer(2))});
  return out;
}

}  // namespace fabrique::newsletters::store
