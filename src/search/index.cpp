// Writing to the search index: documents added, replaced and removed inside the caller's transaction.
#include "common/text.hpp"
#include "search/search.hpp"
#include "storage/dialect.hpp"
#include "text/markdown.hpp"

namespace fabrique::search {

namespace {

const char* audience_name(Audience a) {
  switch (a) {
    case Audience::everyone: return "public";
    case Audience::signed_in: return "signed_in";
    case Audience::coalition: return "coalition";
    case Audience::editors: return "editors";
  }
  return "editors";
}

// What a result shows is the start of the text; the index holds all of it.
constexpr std::size_t kStoredBodyChars = 20000;

storage::Value optional(const std::optional<std::int64_t>& v) {
  return v ? storage::Value(*v) : storage::Value(nullptr);
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
  std::int64_t id = 0;
  if (auto row = c.query_one("SELECT id FROM search_documents WHERE type = ? AND ref = ?", {d.type, d.ref})) {
    id = row->integer(0);
    c.execute(
        "UPDATE search_documents SET title = ?, body = ?, url = ?, audience = ?, owner_id = ?, coalition_id = ?, "
        "updated_at = ? WHERE id = ?",
        {d.title, plain, d.url, std::string(audience_name(d.audience)), optional(d.owner_id),
         optional(d.coalition_id), at, id});
    c.execute("DELETE FROM search_fts WHERE rowid = ?", {id});
  } else {
    id = c.query_one(
              "INSERT INTO search_documents (type, ref, title, body, url, audience, owner_id, coalition_id, "
              "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {d.type, d.ref, d.title, plain, d.url, std::string(audience_name(d.audience)), optional(d.owner_id),
               optional(d.coalition_id), at})
             ->integer(0);
  }
  // The body is indexed whole (from its Markdown source, whose markup has no letters to index
  // beyond link addresses), not only the excerpt kept above.
  c.execute(storage::dialect::full_text(c.engine()).insert, {id, terms(d.title), terms(d.body)});
}

void remove(storage::Connection& c, std::string_view type, std::string_view ref) {
  auto row = c.query_one("SELECT id FROM search_documents WHERE type = ? AND ref = ?",
                         {std::string(type), std::string(ref)});
  if (!row) return;
  c.execute("DELETE FROM search_fts WHERE rowid = ?", {row->integer(0)});
  c.execute("DELETE FROM search_documents WHERE id = ?", {row->integer(0)});
}

}  // namespace fabrique::search
