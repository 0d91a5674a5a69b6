// Reading the search index: ranked results the viewer may see, counts per type, excerpts.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "search/highlight.hpp"
#include "search/search.hpp"
#include "storage/dialect.hpp"
#include "storage/instants.hpp"

namespace fabrique::search {

namespace {

// Who may see a document, as a condition on `d` taking five parameters (see viewer_params): its
// date reached (for everyone: a scheduled post is found from its date on), and its audience.
constexpr const char* kVisible =
    "((d.visible_from IS NULL OR d.visible_from <= ?) AND (d.audience = 'public' OR (d.audience = 'signed_in' AND "
    "? = 1) OR ? = 1 OR d.owner_id = ? OR "
    "(d.coalition_id IS NOT NULL AND d.audience IN ('coalition', 'editors') AND EXISTS (SELECT 1 FROM "
    "coalition_members m WHERE m.coalition_id = d.coalition_id AND m.user_id = ? AND "
    "(d.audience = 'coalition' OR m.role = 'co-porteur')))))";

void add_viewer_params(storage::Params& p, const Viewer& v) {
  p.push_back(storage::secs(v.now));
  const std::int64_t user = v.user_id.value_or(-1);
  p.push_back(std::int64_t{v.user_id ? 1 : 0});
  p.push_back(std::int64_t{v.animateur ? 1 : 0});
  p.push_back(user);
  p.push_back(user);
}

// How many documents hold the i-th word, for its weight in the ranking (SQLite's bm25, see
// storage/sqlite/fts_rank.cpp): exact up to kMaxRanked; above it, estimated from how densely its
// kMaxRanked + 1 newest documents lie among all of them, so that only the end of its list is read.
std::int64_t documents_of(storage::Connection& c, const std::vector<std::string>& words, std::size_t i, bool prefix) {
  const auto& ft = storage::dialect::full_text(c.engine());
  auto row = c.query_one(
      ft.word_documents,
      {storage::dialect::match_query(c.engine(), {words[i]}, prefix && i + 1 == words.size()), kMaxRanked + 1});
  const std::int64_t n = row->integer(0);
  if (n <= kMaxRanked) return n;
  const std::int64_t oldest = row->integer(1), highest = row->integer(2);
  return std::min(highest, n * highest / std::max<std::int64_t>(1, highest - oldest + 1));
}

// The indexed words that the last word typed, `prefix`, begins (itself included when indexed), at
// most kMaxCompletions; nullopt when there are more (then FTS5 matches the prefix itself).
//
// Why: FTS5 keeps ready-made lists for prefixes of 2 to 4 letters only (migrations/0007). A longer
// prefix ("numer" from "numérique", "coalit", "environ") is answered by merging, in memory, the
// whole lists of every word it begins before the first row comes out: for a common word that is
// its entire list, read on every search, when only the kMaxRanked newest matches are used. The
// same words written as an OR of whole words are streamed newest first by FTS5 and the scan stops
// at the LIMIT. SQLite only: PostgreSQL's GIN index answers prefixes itself.
constexpr std::size_t kMaxCompletions = 8;
constexpr std::size_t kReadyPrefixChars = 4;  // FTS5's longest prefix list (prefix = '2 3 4')

std::optional<std::vector<std::string>> completions(storage::Connection& c, const std::string& prefix) {
  std::size_t chars = 0;
  for (unsigned char ch : prefix) chars += (ch & 0xC0) != 0x80;
  if (chars <= kReadyPrefixChars) return std::nullopt;
  // Every word that begins with `prefix` sorts in [prefix, prefix with its last byte raised):
  // SQLite compares text bytewise, and a word's last byte (ASCII, or a UTF-8 continuation byte,
  // at most 0xBF) can always be raised.
  std::string after = prefix;
  after.back() = static_cast<char>(static_cast<unsigned char>(after.back()) + 1);
  std::vector<std::string> out;
  for (const auto& row : c.query("SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
                                 {prefix, after, static_cast<std::int64_t>(kMaxCompletions + 1)}))
    out.push_back(row.text(0));
  if (out.size() > kMaxCompletions) return std::nullopt;
  return out;
}

// One visible match; a group's stands for the others of its group found (`others`).
struct Match {
  std::int64_t id;
  std::string type;
  double rank;
  std::string group;  // empty: none
  std::optional<std::int64_t> at;
  std::int64_t others = 0;
};

// Whether occurrence `a` is a better "next date" than `b` at `now`: one to come beats one past; the
// soonest to come, else the latest past; a date beats none.
bool comes_next(const std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b, std::int64_t now) {
  if (!a || !b) return a.has_value();
  const bool a_ahead = *a >= now, b_ahead = *b >= now;
  if (a_ahead != b_ahead) return a_ahead;
  return a_ahead ? *a < *b : *a > *b;
}

// The matches with each group's occurrences as one: its next one (comes_next), ranked as its best.
std::vector<Match> grouped(std::vector<Match> matches, std::int64_t now) {
  std::vector<Match> out;
  std::map<std::pair<std::string, std::string>, std::size_t> where;  // (type, group) → its place in `out`
  for (auto& m : matches) {
    if (m.group.empty()) {
      out.push_back(std::move(m));
      continue;
    }
    auto [it, first] = where.try_emplace({m.type, m.group}, out.size());
    if (first) {
      out.push_back(std::move(m));
      continue;
    }
    Match& g = out[it->second];
    const double best = std::min(g.rank, m.rank);
    const std::int64_t others = g.others + 1;
    if (comes_next(m.at, g.at, now)) g = std::move(m);
    g.rank = best;
    g.others = others;
  }
  return out;
}

}  // namespace

Results find(storage::Connection& c, const Viewer& viewer, const Query& q) {
  Results out;
  bool prefix = false;
  out.words = query_words(q.text, prefix);
  if (out.words.empty()) return out;
  const auto engine = c.engine();
  const auto& ft = storage::dialect::full_text(engine);

  // The phrases matched: every word, the last one as a prefix or, on SQLite, as the few whole
  // words it begins (see completions()). A prefix that begins no indexed word matches nothing.
  std::vector<std::string> phrases(out.words);
  bool last_is_prefix = prefix;
  std::string match;
  std::optional<std::vector<std::string>> completed;
  if (prefix && engine == storage::Engine::sqlite) completed = completions(c, out.words.back());
  if (completed) {
    if (completed->empty()) return out;
    phrases.pop_back();
    std::string alternatives;
    for (const auto& w : *completed)
      alternatives += (alternatives.empty() ? "" : " OR ") + storage::dialect::match_query(engine, {w}, false);
    // FTS5 reads two phrases side by side as AND, but a parenthesis only after an explicit AND.
    if (!phrases.empty()) match = storage::dialect::match_query(engine, phrases, false) + " AND ";
    match += "(" + alternatives + ")";
    phrases.insert(phrases.end(), completed->begin(), completed->end());
    last_is_prefix = false;
  } else {
    match = storage::dialect::match_query(engine, out.words, prefix);
  }

  // Each phrase's number of documents weighs it in the ranking; a single word's weight changes no
  // order, so it is not looked up.
  std::vector<std::int64_t> documents(phrases.size(), 0);
  if (!ft.word_documents.empty() && out.words.size() > 1)
    for (std::size_t i = 0; i < phrases.size(); ++i) documents[i] = documents_of(c, phrases, i, last_is_prefix);

  // One pass over the index: the kMaxRanked newest matches (and one more, to know there are more),
  // each with its type, whether the viewer may see it and its rank. Counts and ranking are done
  // here on those rows (see kMaxRanked).
  storage::Params params;
  add_viewer_params(params, viewer);
  for (auto& p : storage::dialect::rank_params(engine, match, documents)) params.push_back(std::move(p));
  params.push_back(match);
  params.push_back(kMaxRanked + 1);
  std::vector<Match> visible;
  std::map<std::string, std::int64_t> counts;
  std::int64_t seen = 0;
  for (const auto& row : c.query(fmt::format(fmt::runtime(ft.newest), fmt::arg("visible", kVisible),
                                             fmt::arg("rank", storage::dialect::rank_order(engine, phrases.size()))),
                                 params)) {
    if (++seen > kMaxRanked) {
      out.capped = true;
      break;
    }
    if (row.integer(2) == 0) continue;
    visible.push_back({row.integer(0), row.text(1), row.real(3), row.is_null(4) ? std::string() : row.text(4),
                       row.is_null(5) ? std::nullopt : std::optional(row.integer(5))});
  }
  visible = grouped(std::move(visible), storage::secs(q.now));
  for (const auto& m : visible) {
    ++counts[m.type];
    ++out.total;
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

  // Best first, the newest first among equals; only the shown page's rows are read whole.
  if (one_type) std::erase_if(visible, [&](const Match& m) { return m.type != q.type; });
  const auto first = static_cast<std::size_t>((out.page - 1) * kPerPage);
  const auto last = std::min(visible.size(), first + static_cast<std::size_t>(kPerPage));
  std::partial_sort(visible.begin(), visible.begin() + static_cast<std::ptrdiff_t>(last), visible.end(),
                    [](const Match& a, const Match& b) { return a.rank != b.rank ? a.rank < b.rank : a.id > b.id; });
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, const Match*> shown_match;
  for (std::size_t i = first; i < last; ++i) {
    ids.push_back(visible[i].id);
    shown_match[visible[i].id] = &visible[i];
  }
  if (ids.empty()) return out;
  std::string in = "?";
  for (std::size_t i = 1; i < ids.size(); ++i) in += ", ?";
  storage::Params shown(ids.begin(), ids.end());
  std::map<std::int64_t, Hit> by_id;
  std::unordered_map<std::string, bool> matched;  // the words of the shown rows, stemmed once each
  for (const auto& row :
       c.query("SELECT id, type, ref, title, body, url FROM search_documents WHERE id IN (" + in + ")", shown)) {
    Hit h;
    h.type = row.text(1);
    h.ref = row.text(2);
    h.title = row.text(3);
    h.url = row.text(5);
    h.title_html = highlight(h.title, out.words, prefix, 300, matched, true);
    h.excerpt = highlight(row.text(4), out.words, prefix, 240, matched);
    const Match& m = *shown_match.at(row.integer(0));
    if (m.at) h.occurs_at = std::chrono::sys_seconds(std::chrono::seconds(*m.at));
    h.others = m.others;
    by_id.emplace(row.integer(0), std::move(h));
  }
  for (auto id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.hits.push_back(std::move(it->second));
  return out;
}

}  // namespace fabrique::search
