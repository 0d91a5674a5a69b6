// Reading the search index: ranked results the viewer may see, counts per type, excerpts.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "search/search.hpp"
#include "storage/dialect.hpp"

namespace fabrique::search {

namespace {

// Who may see a document, as a condition on `d` taking four parameters (see viewer_params).
constexpr const char* kVisible =
    "(d.audience = 'public' OR (d.audience = 'signed_in' AND ? = 1) OR ? = 1 OR d.owner_id = ? OR "
    "(d.coalition_id IS NOT NULL AND d.audience IN ('coalition', 'editors') AND EXISTS (SELECT 1 FROM "
    "coalition_members m WHERE m.coalition_id = d.coalition_id AND m.user_id = ? AND "
    "(d.audience = 'coalition' OR m.role = 'co-porteur'))))";

void add_viewer_params(storage::Params& p, const Viewer& v) {
  const std::int64_t user = v.user_id.value_or(-1);
  p.push_back(std::int64_t{v.user_id ? 1 : 0});
  p.push_back(std::int64_t{v.animateur ? 1 : 0});
  p.push_back(user);
  p.push_back(user);
}

}  // namespace

Results find(storage::Connection& c, const Viewer& viewer, const Query& q) {
  Results out;
  bool prefix = false;
  out.words = query_words(q.text, prefix);
  if (out.words.empty()) return out;
  const auto& ft = storage::dialect::full_text(c.engine());
  const std::string match = storage::dialect::match_query(c.engine(), out.words, prefix);

  // Only the kMaxRanked newest matches are counted and ranked (see kMaxRanked).
  std::int64_t after = 0;
  if (auto row = c.query_one(ft.nth_newest, {match, kMaxRanked})) {
    after = row->integer(0);
    out.capped = true;
  }
  storage::Params params{match, after};
  add_viewer_params(params, viewer);
  std::map<std::string, std::int64_t> counts;
  for (const auto& row : c.query(fmt::format("SELECT d.type, COUNT(*) FROM {} WHERE {} AND search_fts.rowid > ? AND {} "
                                             "GROUP BY d.type",
                                             ft.from, ft.where, kVisible),
                                 params)) {
    counts[row.text(0)] = row.integer(1);
    out.total += row.integer(1);
  }
  for (const auto& t : kTypes)
    if (auto it = counts.find(t.type); it != counts.end()) out.facets.emplace_back(t.type, it->second);
  for (const auto& [t, n] : counts)  // types a module indexes without a line in kTypes yet
    if (!type(t)) out.facets.emplace_back(t, n);

  const bool one_type = !q.type.empty() && counts.contains(q.type);
  out.matching = one_type ? counts[q.type] : (q.type.empty() ? out.total : 0);
  out.pages = std::max<std::int64_t>(1, (out.matching + kPerPage - 1) / kPerPage);
  out.page = std::clamp<std::int64_t>(q.page, 1, out.pages);
  if (out.matching == 0) return out;

  std::string sql = fmt::format("SELECT d.type, d.ref, d.title, d.body, d.url FROM {} WHERE {} AND search_fts.rowid > ? AND {}{} ORDER BY {}, d.id DESC LIMIT ? OFFSET ?",
                                ft.from, ft.where, kVisible, one_type ? " AND d.type = ?" : "", ft.order);
  if (one_type) params.push_back(q.type);
  params.push_back(kPerPage);
  params.push_back((out.page - 1) * kPerPage);
  for (const auto& row : c.query(sql, params)) {
    Hit h;
    h.type = row.text(0);
    h.ref = row.text(1);
    h.title = row.text(2);
    h.url = row.text(4);
    h.title_html = highlight(h.title, out.words, prefix, 300);
    h.excerpt = highlight(row.text(3), out.words, prefix, 240);
    out.hits.push_back(std::move(h));
  }
  return out;
}

}  // namespace fabrique::search
