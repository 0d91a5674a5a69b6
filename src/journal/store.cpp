// SQL for the journal's posts and their revisions: portable, next to the functions that use it.
#include "journal/store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "storage/settings.hpp"
#include "territories/links.hpp"

namespace fabrique::journal::store {

namespace {

using storage::at;
using storage::nullable;
using storage::Params;
using storage::Row;
using storage::secs;
using storage::Value;

const char* status_name(Status s) { return s == Status::published ? "published" : "draft"; }

std::string coalition_slugs(const std::vector<CoalitionRef>& coalitions) {
  std::string out;
  for (const auto& k : coalitions) out += (out.empty() ? "" : " ") + k.slug;
  return out;
}

constexpr const char* kPostColumns =
    "p.id, p.slug, p.title, p.kind, p.link, p.summary, p.body, p.status, "
    "p.published_at, p.author_id, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, p.revision, p.created_at, "
    "p.updated_at";
constexpr const char* kPostJoins = "posts p LEFT JOIN users u ON u.id = p.author_id";

Post post_of(const Row& row) {
  Post p;
  p.id = row.integer(0);
  p.slug = row.text(1);
  p.title = row.text(2);
  p.kind = row.text(3);
  p.link = row.text(4);
  p.summary = row.text(5);
  p.body = row.text(6);
  p.status = row.text(7) == "published" ? Status::published : Status::draft;
  if (!row.is_null(8)) p.published_at = at(row.integer(8));
  p.author_id = row.optional_integer(9);
  p.author_name = row.text(10);
  p.revision = row.integer(11);
  p.created_at = at(row.integer(12));
  p.updated_at = at(row.integer(13));
  return p;
}

// What narrows the list beyond who sees what: the kind, the year, and the links. Only the conditions
// the filter sets, so that a list walks the (status, published_at) index newest first and stops at its
// page (conditions such as "? = '' OR p.kind = ?" kept SQLite from using it: every post was read and
// sorted, its body with it).
void narrow(const PostFilter& f, std::string& where, Params& p) {
  if (!f.kind.empty()) {
    where += " AND p.kind = ?";
    p.push_back(f.kind);
  }
  if (f.from) {
    where += " AND p.published_at >= ?";
    p.push_back(secs(*f.from));
  }
  if (f.until) {
    where += " AND p.published_at < ?";
    p.push_back(secs(*f.until));
  }
  // Through the links: the posts that name the coalition or the event, or are placed on the territory.
  // A set read from the link's index, then the posts by id (an EXISTS per post read every post).
  if (f.coalition_id) {
    where += " AND p.id IN (SELECT l.post_id FROM post_links l WHERE l.coalition_id = ?)";
    p.push_back(*f.coalition_id);
  }
  if (f.event_id) {
    where += " AND p.id IN (SELECT l.post_id FROM post_links l WHERE l.event_id = ?)";
    p.push_back(*f.event_id);
  }
  if (f.territory_id) {
    where += " AND " + territories::within_sql(territories::subject::post, "p.id");
    p.push_back(*f.territory_id);
  }
}

bool linked(const PostFilter& f) { return f.coalition_id || f.event_id || f.territory_id; }

// The posts a filter shows, in disjoint parts that each come from an index in the list's order: first
// the undated ones (drafts never given a date), newest first by id, then the dated ones, newest
// publication first. A visitor sees only published posts whose date has come; a member also their own
// posts; an animateur every post.
struct Part {
  std::string where;
  Params params;
};
struct Parts {
  std::vector<Part> undated, dated;
};

Parts parts(const PostFilter& f) {
  Parts out;
  auto add = [&f](std::vector<Part>& to, std::string where, Params params) {
    narrow(f, where, params);
    to.push_back({std::move(where), std::move(params)});
  };
  if (f.all_unpublished) {
    // Each status from its own range of the index, in the list's order (a condition on the date alone,
    // or both statuses at once, would read and sort them all).
    add(out.undated, "p.status = 'draft' AND p.published_at IS NULL", {});
    add(out.undated, "p.status = 'published' AND p.published_at IS NULL", {});
    add(out.dated, "p.status = 'published' AND p.published_at IS NOT NULL", {});
    add(out.dated, "p.status = 'draft' AND p.published_at IS NOT NULL", {});
  } else {
    // The first dated part: count_posts shares its count.
    add(out.dated, "p.status = 'published' AND p.published_at <= ?", {secs(f.now)});
    if (f.editable_by) {
      add(out.undated, "p.author_id = ? AND p.published_at IS NULL", {*f.editable_by});
      add(out.dated,
          "p.author_id = ? AND p.published_at IS NOT NULL AND NOT (p.status = 'published' AND p.published_at <= ?)",
          {*f.editable_by, secs(f.now)});
    }
  }
  return out;
}

// The parts of `groups`, each written by `each` from its condition, joined by `between`; their
// parameters in the same order.
template <class Each>
std::string joined(std::initializer_list<const std::vector<Part>*> groups, std::string_view between, Params& p,
                   Each each) {
  std::string sql;
  for (const auto* group : groups)
    for (const auto& part : *group) {
      if (!sql.empty()) sql += between;
      sql += each(part.where);
      p.insert(p.end(), part.params.begin(), part.params.end());
    }
  return sql;
}

// Every part's condition in one: for the lists narrowed by a link, whose few posts are read from the
// link's index and sorted.
std::string any_part(const Parts& parts, Params& p) {
  return joined({&parts.undated, &parts.dated}, " OR ", p, [](const std::string& w) { return "(" + w + ")"; });
}

// The parts as one statement, merged in `order` (each part read in that order from its index, so that
// the merge stops at the page).
std::string merged(const std::vector<Part>& group, std::string_view order, Params& p) {
  return joined({&group}, " UNION ALL ", p,
                [](const std::string& w) {
                  return fmt::format("SELECT {} FROM {} WHERE {}", kPostColumns, kPostJoins, w);
                }) +
         " ORDER BY " + std::string(order);
}

void read_into(Connection& c, const std::string& sql, const Params& p, std::vector<Post>& out) {
  for (const auto& row : c.query(sql, p)) out.push_back(post_of(row));
}

}  // namespace

std::vector<Post> posts(Connection& c, const PostFilter& f) {
  const Parts all = parts(f);
  std::vector<Post> out;
  if (linked(f)) {
    // The posts of a coalition, an event or a territory are few: read from their links, then sorted
    // (the unary + keeps SQLite from walking every post in publication order to find them).
    Params p;
    const std::string where = any_part(all, p);
    const std::string page = storage::page_clause(f.limit, f.offset, p);
    read_into(c,
              fmt::format("SELECT {} FROM {} WHERE {} ORDER BY CASE WHEN p.published_at IS NULL THEN 0 ELSE 1 END, "
                          "+p.published_at DESC, p.id DESC{}",
                          kPostColumns, kPostJoins, where, page),
              p, out);
    return out;
  }
  // Columns 9 and 1 of kPostColumns: the publication date and the id. One OR over the parts sorted
  // every post, bodies with them (1.1–1.3 ms for a member's /journal at the bench size).
  std::int64_t dated_offset = f.offset;
  if (!all.undated.empty()) {
    Params p;
    const std::string sql = merged(all.undated, "1 DESC", p);
    Params paged = p;
    read_into(c, sql + storage::page_clause(f.limit, f.offset, paged), paged, out);
    if (!out.empty()) {
      dated_offset = 0;
    } else if (f.offset > 0) {  // the page lies past the undated posts: skip as many fewer dated ones
      dated_offset =
          std::max<std::int64_t>(0, f.offset - c.query_integer(fmt::format("SELECT COUNT(*) FROM ({}) u", sql), p));
    }
  }
  const std::int64_t room = f.limit < 0 ? -1 : f.limit - static_cast<std::int64_t>(out.size());
  if (room == 0) return out;
  Params p;
  const std::string sql = merged(all.dated, "9 DESC, 1 DESC", p);
  read_into(c, sql + storage::page_clause(room, dated_offset, p), p, out);
  return out;
}

namespace {

// Nothing narrows the list: no kind, year or link.
bool unnarrowed(const PostFilter& f) { return f.kind.empty() && !f.from && !f.until && !linked(f); }

// The published posts whose date has come, counted once per change of the posts and shared
// (storage::settings::memo): the journal's pager counted 9,000 of them on every view of the large
// programme (38 % of /journal). The count is kept with the time it was made at; the posts whose date
// came since then are added from the index (those dated between `now` and that time taken away, when
// a clock is behind it), so the figure is exact whenever it was counted.
std::int64_t published_by(Connection& c, sys_seconds now) {
  struct Counted {
    std::int64_t total, at;
  };
  constexpr const char* kCount = "SELECT COUNT(*) FROM posts p WHERE p.status = 'published' AND p.published_at ";
  const std::int64_t t = secs(now);
  const Counted kept = storage::settings::memo<Counted>(c, "journal.published_by_now", [&] {
    return Counted{c.query_integer(std::string(kCount) + "<= ?", {t}), t};
  });
  if (kept.at == t) return kept.total;
  const bool later = t > kept.at;
  const std::int64_t between =
      c.query_integer(std::string(kCount) + "> ? AND p.published_at <= ?", {later ? kept.at : t, later ? t : kept.at});
  return later ? kept.total + between : kept.total - between;
}

}  // namespace

std::int64_t count_posts(Connection& c, const PostFilter& f) {
  Parts all = parts(f);
  if (linked(f)) {
    Params p;
    return c.query_integer("SELECT COUNT(*) FROM posts p WHERE " + any_part(all, p), p);
  }
  // One count per part, each from its index.
  const auto count = [&c](const Parts& some) {
    Params p;
    if (some.undated.empty() && some.dated.empty()) return std::int64_t{0};
    return c.query_integer(
        "SELECT " + joined({&some.undated, &some.dated}, " + ", p,
                           [](const std::string& w) { return "(SELECT COUNT(*) FROM posts p WHERE " + w + ")"; }),
        p);
  };
  if (!unnarrowed(f)) return count(all);
  // An animateur's count of every post does not depend on the time: shared until the posts change.
  if (f.all_unpublished)
    return storage::settings::memo<std::int64_t>(c, "journal.every_post", [&] { return count(all); });
  // The published part (the first dated one) shared, the author's own counted for them.
  all.dated.erase(all.dated.begin());
  return published_by(c, f.now) + count(all);
}

void load_links(Connection& c, std::vector<Post>& posts) {
  if (posts.empty()) return;
  std::vector<std::int64_t> ids;
  Params p;
  for (const auto& post : posts) {
    ids.push_back(post.id);
    p.push_back(post.id);
  }
  std::map<std::int64_t, PostLinks> links;
  for (const auto& row : storage::query_identity(
           c, "coalitions",
           "SELECT l.post_id, k.id, k.slug, k.number, k.title FROM post_links l JOIN coalitions k ON "
           "k.id = l.coalition_id WHERE l.post_id IN (" +
               storage::placeholders(ids.size()) + ") ORDER BY l.position, l.id",
           p))
    links[row.integer(0)].coalitions.push_back({row.integer(1), row.text(2), row.text(3), row.text(4)});
  // The events, datasets and resources in one query: which one a row names is the column set.
  for (const auto& row : c.query(
           "SELECT l.post_id, CASE WHEN l.event_id IS NOT NULL THEN 'e' WHEN l.dataset_id IS NOT NULL THEN 'd' ELSE "
           "'r' END, COALESCE(e.id, d.id, r.id), COALESCE(e.slug, d.slug, r.slug), COALESCE(e.title, d.title, "
           "r.title), e.starts_at FROM post_links l LEFT JOIN events e ON e.id = l.event_id LEFT JOIN datasets d ON "
           "d.id = l.dataset_id LEFT JOIN resources r ON r.id = l.resource_id WHERE l.coalition_id IS NULL AND "
           "l.post_id IN (" +
               storage::placeholders(ids.size()) + ") ORDER BY l.position, l.id",
           p)) {
    PostLinks& to = links[row.integer(0)];
    LinkRef ref{row.integer(2), row.text(3), row.text(4), std::nullopt};
    if (!row.is_null(5)) ref.date = at(row.integer(5));
    const std::string kind = row.text(1);
    (kind == "e" ? to.events : kind == "d" ? to.datasets : to.resources).push_back(std::move(ref));
  }
  auto places = territories::places_of(c, territories::subject::post, ids);
  for (auto& post : posts) {
    post.links = std::move(links[post.id]);
    post.links.places = std::move(places[post.id]);
  }
}

std::optional<Post> post(Connection& c, std::string_view slug) {
  auto row =
      c.query_one(fmt::format("SELECT {} FROM {} WHERE p.slug = ?", kPostColumns, kPostJoins), {std::string(slug)});
  if (!row) return std::nullopt;
  std::vector<Post> one{post_of(*row)};
  load_links(c, one);
  return std::move(one.front());
}

bool slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM posts WHERE slug = ?", {std::string(slug)}) > 0;
}

std::int64_t insert_post(Connection& c, const Post& p) {
  return c
      .query_one(
          "INSERT INTO posts (slug, title, kind, link, summary, body, status, published_at, author_id, "
          "revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
          {p.slug, p.title, p.kind, p.link, p.summary, p.body, std::string(status_name(p.status)),
           p.published_at ? Value(secs(*p.published_at)) : Value(nullptr), nullable(p.author_id), secs(p.created_at),
           secs(p.updated_at)})
      ->integer(0);
}

bool update_post(Connection& c, const Post& p) {
  return c.execute(
             "UPDATE posts SET title = ?, kind = ?, link = ?, summary = ?, body = ?, status = ?, "
             "published_at = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?",
             {p.title, p.kind, p.link, p.summary, p.body, std::string(status_name(p.status)),
              p.published_at ? Value(secs(*p.published_at)) : Value(nullptr), p.revision, secs(p.updated_at), p.id,
              p.revision - 1}) == 1;
}

void insert_revision(Connection& c, const Post& p, std::optional<std::int64_t> author, sys_seconds when,
                     std::optional<std::int64_t> merged_with) {
  c.execute(
      "INSERT INTO post_revisions (post_id, number, author_id, created_at, title, kind, link, summary, body, "
      "coalition, merged_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {p.id, p.revision, nullable(author), secs(when), p.title, p.kind, p.link, p.summary, p.body,
       coalition_slugs(p.links.coalitions), nullable(merged_with)});
}

void set_links(Connection& c, std::int64_t post_id, const PostLinks& links) {
  c.execute("DELETE FROM post_links WHERE post_id = ?", {post_id});
  auto insert = [&](const char* column, std::int64_t id, std::int64_t position) {
    c.execute(fmt::format("INSERT INTO post_links (post_id, {}, position) VALUES (?, ?, ?)", column),
              {post_id, id, position});
  };
  std::int64_t n = 0;
  for (const auto& k : links.coalitions) insert("coalition_id", k.id, n++);
  n = 0;
  for (const auto& e : links.events) insert("event_id", e.id, n++);
  n = 0;
  for (const auto& d : links.datasets) insert("dataset_id", d.id, n++);
  n = 0;
  for (const auto& r : links.resources) insert("resource_id", r.id, n++);
}

namespace {

// The table of a kind, and what narrows it to what may be linked to.
const char* table_of(Linked kind) {
  switch (kind) {
    case Linked::event:
      return "events";
    case Linked::dataset:
      return "datasets";
    case Linked::resource:
      return "resources";
  }
  return "events";
}
std::string linkable_sql(Linked kind) {
  return fmt::format("SELECT id, slug, title, {} FROM {} WHERE {}", kind == Linked::event ? "starts_at" : "NULL",
                     table_of(kind), kind == Linked::resource ? "status = 'published'" : "1 = 1");
}
LinkRef link_of(const Row& row) {
  LinkRef ref{row.integer(0), row.text(1), row.text(2), std::nullopt};
  if (!row.is_null(3)) ref.date = at(row.integer(3));
  return ref;
}

}  // namespace

std::vector<LinkRef> named(Connection& c, Linked kind, const std::vector<std::string>& slugs) {
  std::vector<LinkRef> out;
  if (slugs.empty()) return out;
  Params p;
  for (const auto& s : slugs) p.push_back(s);
  std::map<std::string, LinkRef> found;
  for (const auto& row : c.query(linkable_sql(kind) + " AND slug IN (" + storage::placeholders(slugs.size()) + ")", p))
    found.emplace(row.text(1), link_of(row));
  std::set<std::string> seen;
  for (const auto& s : slugs)
    if (auto it = found.find(s); it != found.end() && seen.insert(s).second) out.push_back(it->second);
  return out;
}

std::vector<LinkRef> linkable(Connection& c, Linked kind) {
  std::vector<LinkRef> out;
  for (const auto& row : c.query(linkable_sql(kind) + " ORDER BY " +
                                     (kind == Linked::event ? std::string("starts_at DESC") : std::string("id DESC")),
                                 {}))
    out.push_back(link_of(row));
  return out;
}

namespace {

std::vector<PostRevision> revisions_where(Connection& c, const std::string& where, const Params& p) {
  std::vector<PostRevision> out;
  for (const auto& row : c.query(
           "SELECT v.number, v.created_at, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, v.title, v.kind, "
           "v.link, v.summary, v.body, v.coalition, v.merged_with FROM post_revisions v LEFT JOIN users u ON u.id = "
           "v.author_id WHERE " +
               where + " ORDER BY v.number DESC",
           p))
    out.push_back({row.integer(0), at(row.integer(1)), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6),
                   row.text(7), row.text(8), row.optional_integer(9)});
  return out;
}

}  // namespace

std::vector<PostRevision> revisions(Connection& c, std::int64_t post_id) {
  return revisions_where(c, "v.post_id = ?", {post_id});
}

std::optional<PostRevision> revision(Connection& c, std::int64_t post_id, std::int64_t number) {
  auto list = revisions_where(c, "v.post_id = ? AND v.number = ?", {post_id, number});
  if (list.empty()) return std::nullopt;
  return list.front();
}

bool carries_a_coalition(Connection& c, std::int64_t user_id) {
  return c.query_integer("SELECT COUNT(*) FROM coalition_members WHERE user_id = ? AND role = 'co-porteur'",
                         {user_id}) > 0;
}

}  // namespace fabrique::journal::store
