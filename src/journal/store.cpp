// SQL for the journal's posts and their revisions: portable, next to the functions that use it.
#include "journal/store.hpp"

#include <fmt/format.h>

namespace fabrique::journal::store {

namespace {

using storage::at;
using storage::nullable;
using storage::Params;
using storage::Row;
using storage::secs;
using storage::Value;

const char* status_name(Status s) { return s == Status::published ? "published" : "draft"; }

constexpr const char* kPostColumns =
    "p.id, p.slug, p.title, p.kind, p.link, p.summary, p.body, p.coalition_id, k.slug, k.number, k.title, p.status, "
    "p.published_at, p.author_id, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, p.revision, p.created_at, "
    "p.updated_at";
constexpr const char* kPostJoins =
    "posts p LEFT JOIN coalitions k ON k.id = p.coalition_id LEFT JOIN users u ON u.id = p.author_id";

Post post_of(const Row& row) {
  Post p;
  p.id = row.integer(0);
  p.slug = row.text(1);
  p.title = row.text(2);
  p.kind = row.text(3);
  p.link = row.text(4);
  p.summary = row.text(5);
  p.body = row.text(6);
  if (!row.is_null(7)) p.coalition = CoalitionRef{row.integer(7), row.text(8), row.text(9), row.text(10)};
  p.status = row.text(11) == "published" ? Status::published : Status::draft;
  if (!row.is_null(12)) p.published_at = at(row.integer(12));
  p.author_id = row.optional_integer(13);
  p.author_name = row.text(14);
  p.revision = row.integer(15);
  p.created_at = at(row.integer(16));
  p.updated_at = at(row.integer(17));
  return p;
}

std::string post_where(const PostFilter& f, Params& p) {
  p.insert(p.end(), {secs(f.now), std::int64_t{f.all_unpublished ? 1 : 0}, f.editable_by.value_or(-1), f.kind, f.kind,
                     f.coalition_id.value_or(0), f.coalition_id.value_or(0), f.from ? secs(*f.from) : std::int64_t{0},
                     f.from ? secs(*f.from) : std::int64_t{0}, f.until ? secs(*f.until) : std::int64_t{0},
                     f.until ? secs(*f.until) : std::int64_t{0}});
  return "((p.status = 'published' AND p.published_at <= ?) OR ? = 1 OR p.author_id = ?) AND (? = '' OR p.kind = ?) "
         "AND (? = 0 OR p.coalition_id = ?) AND (? = 0 OR p.published_at >= ?) AND (? = 0 OR p.published_at < ?)";
}

}  // namespace

std::vector<Post> posts(Connection& c, const PostFilter& f) {
  Params p;
  const std::string where = post_where(f, p);
  const std::string page = storage::page_clause(f.limit, f.offset, p);
  std::vector<Post> out;
  // Unpublished posts first for those who see them, then the newest publication first.
  for (const auto& row : c.query(fmt::format("SELECT {} FROM {} WHERE {} ORDER BY CASE WHEN p.published_at IS NULL "
                                             "THEN 0 ELSE 1 END, p.published_at DESC, p.id DESC{}",
                                             kPostColumns, kPostJoins, where, page),
                                 p))
    out.push_back(post_of(row));
  return out;
}

std::int64_t count_posts(Connection& c, const PostFilter& f) {
  Params p;
  const std::string where = post_where(f, p);
  return c.query_integer("SELECT COUNT(*) FROM posts p WHERE " + where, p);
}

std::optional<Post> post(Connection& c, std::string_view slug) {
  auto row =
      c.query_one(fmt::format("SELECT {} FROM {} WHERE p.slug = ?", kPostColumns, kPostJoins), {std::string(slug)});
  if (!row) return std::nullopt;
  return post_of(*row);
}

bool slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM posts WHERE slug = ?", {std::string(slug)}) > 0;
}

std::int64_t insert_post(Connection& c, const Post& p) {
  return c
      .query_one(
          "INSERT INTO posts (slug, title, kind, link, summary, body, coalition_id, status, published_at, author_id, "
          "revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
          {p.slug, p.title, p.kind, p.link, p.summary, p.body, p.coalition ? Value(p.coalition->id) : Value(nullptr),
           std::string(status_name(p.status)), p.published_at ? Value(secs(*p.published_at)) : Value(nullptr),
           nullable(p.author_id), secs(p.created_at), secs(p.updated_at)})
      ->integer(0);
}

bool update_post(Connection& c, const Post& p) {
  return c.execute(
             "UPDATE posts SET title = ?, kind = ?, link = ?, summary = ?, body = ?, coalition_id = ?, status = ?, "
             "published_at = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?",
             {p.title, p.kind, p.link, p.summary, p.body, p.coalition ? Value(p.coalition->id) : Value(nullptr),
              std::string(status_name(p.status)), p.published_at ? Value(secs(*p.published_at)) : Value(nullptr),
              p.revision, secs(p.updated_at), p.id, p.revision - 1}) == 1;
}

void insert_revision(Connection& c, const Post& p, std::optional<std::int64_t> author, sys_seconds when,
                     std::optional<std::int64_t> merged_with) {
  c.execute(
      "INSERT INTO post_revisions (post_id, number, author_id, created_at, title, kind, link, summary, body, "
      "coalition, merged_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {p.id, p.revision, nullable(author), secs(when), p.title, p.kind, p.link, p.summary, p.body,
       p.coalition ? p.coalition->slug : std::string(), nullable(merged_with)});
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
