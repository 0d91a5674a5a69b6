// Writing to the search index: documents added, replaced and removed inside the caller's transaction.
#include <algorithm>
#include <set>

#include "common/text.hpp"
#include "search/search.hpp"
#include "storage/dialect.hpp"
#include "text/markdown.hpp"

namespace fabrique::search {

namespace {

using storage::nullable;

const char* audience_name(Audience a) {
  switch (a) {
    case Audience::everyone:
      return "public";
    case Audience::signed_in:
      return "signed_in";
    case Audience::coalition:
      return "coalition";
    case Audience::editors:
      return "editors";
  }
  return "editors";
}

// What a result shows is the start of the text; the index holds all of it.
constexpr std::size_t kStoredBodyChars = 20000;

// Records the distinct words of `title` and `body` (already normalised, space-separated) in
// search_terms, for completing the last word of a query (query.cpp), a few hundred per statement.
void record_terms(storage::Connection& c, const std::string& title, const std::string& body) {
  std::set<std::string_view> distinct;
  for (std::string_view all : {std::string_view(title), std::string_view(body)})
    for (std::size_t i = 0; i < all.size();) {
      const std::size_t end = std::min(all.find(' ', i), all.size());
      if (end > i) distinct.insert(all.substr(i, end - i));
      i = end + 1;
    }
  constexpr std::size_t kBatch = 200;
  auto it = distinct.begin();
  while (it != distinct.end()) {
    std::string sql = "INSERT INTO search_terms (term) VALUES (?)";
    storage::Params params{std::string(*it++)};
    while (it != distinct.end() && params.size() < kBatch) {
      sql += ", (?)";
      params.emplace_back(std::string(*it++));
    }
    c.execute(sql + " ON CONFLICT (term) DO NOTHING", params);
  }
}

}  // namespace

const TypeDef* type(std::string_view name) {
  for (const auto& t : kTypes)
    if (name == t.type) return &t;
  return nullptr;
}

void index(storage::Connection& c, const Document& d) {
  const std::string plain = text::markdown_to_text(d.body, kStoredBodyChars);
  const std::int64_t at = storage::secs(d.updated_at);
  const storage::Value group = d.group.empty() ? storage::Value(nullptr) : storage::Value(d.group);
  const storage::Value occurs = nullable(d.occurs_at);
  const storage::Value visible_from =
      d.visible_from ? storage::Value(storage::secs(*d.visible_from)) : storage::Value(nullptr);
  std::int64_t id = 0;
  if (auto row = c.query_one("SELECT id FROM search_documents WHERE type = ? AND ref = ?", {d.type, d.ref})) {
    id = row->integer(0);
    c.execute(
        "UPDATE search_documents SET title = ?, body = ?, url = ?, audience = ?, owner_id = ?, coalition_id = ?, "
        "updated_at = ?, group_key = ?, occurs_at = ?, visible_from = ? WHERE id = ?",
        {d.title, plain, d.url, std::string(audience_name(d.audience)), nullable(d.owner_id), nullable(d.coalition_id),
         at, group, occurs, visible_from, id});
    c.execute("DELETE FROM search_fts WHERE rowid = ?", {id});
  } else {
    id =
        c.query_one(
             "INSERT INTO search_documents (type, ref, title, body, url, audience, owner_id, coalition_id, "
             "updated_at, group_key, occurs_at, visible_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             {d.type, d.ref, d.title, plain, d.url, std::string(audience_name(d.audience)), nullable(d.owner_id),
              nullable(d.coalition_id), at, group, occurs, visible_from})
            ->integer(0);
  }
  // The body is indexed whole (from its Markdown source, whose markup has no letters to index
  // beyond link addresses), not only the excerpt kept above.
  std::string title = terms(d.title), body = terms(d.body);
  record_terms(c, title, body);
  c.execute(storage::dialect::full_text(c.engine()).insert, {id, std::move(title), std::move(body)});
}

void remove(storage::Connection& c, std::string_view type, std::string_view ref) {
  auto row =
      c.query_one("SELECT id FROM search_documents WHERE type = ? AND ref = ?", {std::string(type), std::string(ref)});
  if (!row) return;
  c.execute("DELETE FROM search_fts WHERE rowid = ?", {row->integer(0)});
  c.execute("DELETE FROM search_documents WHERE id = ?", {row->integer(0)});
}

}  // namespace fabrique::search
