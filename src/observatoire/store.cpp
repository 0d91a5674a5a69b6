// SQL for the observatory, next to the functions that use it.
#include "observatoire/store.hpp"

#include "common/text.hpp"
#include "observatoire/json.hpp"
#include "territories/links.hpp"

namespace fabrique::observatoire::store {
namespace {

using storage::at;
using storage::nullable;
using storage::secs;

constexpr const char* kBodySelect =
    "SELECT b.id, b.slug, b.name, b.siren, b.organisation_id, COALESCE(o.name, '') FROM observatory_bodies b "
    "LEFT JOIN organisations o ON o.id = b.organisation_id ";

Body read_body(const storage::Row& r, std::size_t i = 0) {
  return {r.integer(i), r.text(i + 1), r.text(i + 2), r.text(i + 3), r.optional_integer(i + 4), r.text(i + 5)};
}

#define FABRIQUE_ENTRY_FROM                                                   \
  "FROM observatory_entries e JOIN observatory_bodies b ON b.id = e.body_id " \
  "LEFT JOIN organisations o ON o.id = b.organisation_id "
constexpr const char* kEntrySelect =
    "SELECT e.id, e.uuid, e.slug, e.revision, e.published_at, e.updated_at, e.document, e.rubric_version, "
    "e.openness, e.explainability, e.score, b.id, b.slug, b.name, b.siren, b.organisation_id, COALESCE(o.name, "
    "'') " FABRIQUE_ENTRY_FROM;
// The same but the document and the points: the name, status, category and theme instead
// (Filter::summary).
constexpr const char* kSummarySelect =
    "SELECT e.id, e.uuid, e.slug, e.revision, e.published_at, e.updated_at, e.name, e.rubric_version, "
    "e.openness, e.explainability, e.status, b.id, b.slug, b.name, b.siren, b.organisation_id, COALESCE(o.name, ''), "
    "e.category, e.theme " FABRIQUE_ENTRY_FROM;
#undef FABRIQUE_ENTRY_FROM

Score read_score(const std::string& details, std::int64_t version, std::int64_t openness, std::int64_t explainability) {
  // No details: the two axes only (a list's summary).
  Score s = details.empty() ? Score{} : json::parse_score(details).value_or(Score{});
  s.rubric_version = static_cast<int>(version);
  s.openness = static_cast<int>(openness);
  s.explainability = static_cast<int>(explainability);
  return s;
}

// An entry from kEntrySelect's columns, or from kSummarySelect's (`summary`): the same places but for
// the document and the points, whose columns hold the name and the status instead.
Entry read_entry(const storage::Row& r, bool summary = false) {
  Entry e;
  e.id = r.integer(0);
  e.uuid = r.text(1);
  e.slug = r.text(2);
  e.revision = r.integer(3);
  e.published_at = at(r.integer(4));
  e.updated_at = at(r.integer(5));
  if (summary) {
    e.doc.fields = {{"name", r.text(6)}, {"status", r.text(10)}, {"category", r.text(17)}, {"theme", r.text(18)}};
    e.score = read_score("", r.integer(7), r.integer(8), r.integer(9));
  } else {
    // The document was validated before it was stored; a broken one shows as empty rather than failing the page.
    e.doc = json::parse_document(r.text(6)).value_or(Document{});
    e.score = read_score(r.text(10), r.integer(7), r.integer(8), r.integer(9));
  }
  e.body = read_body(r, 11);
  return e;
}

// Folded name (accents removed, lower case) so that "Écoles" sorts with the E.
std::string name_key(const Entry& e) { return text::fold(e.name()); }

std::string score_text(const Score& s) { return boost::json::serialize(json::score(s)); }

// The SQL range of an axis's band (see rubric.cpp: 0–19, 20–34, 35–50).
std::pair<int, int> band_range(Band b) {
  switch (b) {
    case Band::open:
      return {35, 50};
    case Band::partial:
      return {20, 34};
    case Band::opaque:
      break;
  }
  return {0, 19};
}

}  // namespace

const char* status_key(ContributionStatus s) {
  switch (s) {
    case ContributionStatus::accepted:
      return "accepted";
    case ContributionStatus::rejected:
      return "rejected";
    case ContributionStatus::pending:
      break;
  }
  return "pending";
}

const char* kind_key(ContributionKind k) {
  switch (k) {
    case ContributionKind::entry:
      return "entry";
    case ContributionKind::evidence:
      return "evidence";
    case ContributionKind::field:
    case ContributionKind::correction:  // stored as a field without a target: the kinds are checked
      break;
  }
  return "field";
}

bool is_editor(Connection& c, std::int64_t user_id) {
  return c.query_integer("SELECT COUNT(*) FROM observatory_editors WHERE user_id = ?", {user_id}) > 0;
}

std::vector<Editor> editors(Connection& c) {
  std::vector<Editor> out;
  // CROSS JOIN: the few editors drive, each person read by their key. With a plain JOIN SQLite walked
  // every account by its e-mail index to probe the editors (5.8 ms with 100,000 accounts, none an editor).
  for (const auto& r : c.query("SELECT u.id, u.name, u.email, e.granted_at FROM observatory_editors e "
                               "CROSS JOIN users u WHERE u.id = e.user_id ORDER BY u.name, u.id"))
    out.push_back({r.integer(0), r.text(1), r.text(2), at(r.integer(3))});
  return out;
}

void grant_editor(Connection& c, std::int64_t user_id, std::int64_t by, sys_seconds now) {
  if (is_editor(c, user_id)) return;
  c.execute("INSERT INTO observatory_editors (user_id, granted_by, granted_at) VALUES (?, ?, ?)",
            {user_id, by, secs(now)});
}

void revoke_editor(Connection& c, std::int64_t user_id) {
  c.execute("DELETE FROM observatory_editors WHERE user_id = ?", {user_id});
}

std::optional<Body> body_by_slug(Connection& c, std::string_view slug) {
  auto r = c.query_one(std::string(kBodySelect) + "WHERE b.slug = ?", {std::string(slug)});
  if (!r) return std::nullopt;
  return read_body(*r);
}

std::optional<Body> body_by_siren(Connection& c, std::string_view siren) {
  auto r = c.query_one(std::string(kBodySelect) + "WHERE b.siren = ?", {std::string(siren)});
  if (!r) return std::nullopt;
  return read_body(*r);
}

std::vector<Body> bodies(Connection& c) {
  std::vector<Body> out;
  for (const auto& r : c.query(std::string(kBodySelect) + "ORDER BY b.name, b.id")) out.push_back(read_body(r));
  return out;
}

std::int64_t insert_body(Connection& c, const std::string& slug, const std::string& name, const std::string& siren,
                         sys_seconds now) {
  return c
      .query("INSERT INTO observatory_bodies (slug, name, siren, created_at) VALUES (?, ?, ?, ?) RETURNING id",
             {slug, name, siren, secs(now)})
      .at(0)
      .integer(0);
}

void rename_body(Connection& c, std::int64_t body_id, const std::string& name) {
  c.execute("UPDATE observatory_bodies SET name = ? WHERE id = ?", {name, body_id});
}

void set_body_organisation(Connection& c, std::int64_t body_id, std::optional<std::int64_t> organisation_id) {
  c.execute("UPDATE observatory_bodies SET organisation_id = ? WHERE id = ?", {nullable(organisation_id), body_id});
}

bool body_slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM observatory_bodies WHERE slug = ?", {std::string(slug)}) > 0;
}

namespace {

// The WHERE clause of the filter (empty when none), its values added to `params`.
std::string where_of(const Filter& f, storage::Params& params) {
  std::string where;
  auto add = [&](const std::string& clause, std::vector<storage::Value> values) {
    where += where.empty() ? "WHERE " : " AND ";
    where += clause;
    for (auto& v : values) params.push_back(std::move(v));
  };
  if (f.body_id) add("e.body_id = ?", {*f.body_id});
  if (f.territory_id)
    add("b.siren <> '' AND b.siren IN (SELECT t.siren FROM territories t JOIN territory_ancestors a ON "
        "a.territory_id = t.id WHERE a.ancestor_id = ? AND t.siren <> '')",
        {*f.territory_id});
  if (f.within_id) {
    static const std::string placed = territories::within_sql(territories::subject::observatory_entry, "e.id");
    add("(" + placed +
            " OR (b.siren <> '' AND b.siren IN (SELECT t.siren FROM territories t JOIN territory_ancestors a ON "
            "a.territory_id = t.id WHERE a.ancestor_id = ? AND t.siren <> '')))",
        {*f.within_id, *f.within_id});
  }
  if (!f.theme.empty()) add("e.theme = ?", {f.theme});
  if (!f.status.empty()) add("e.status = ?", {f.status});
  if (!f.category.empty()) add("e.category = ?", {f.category});
  if (f.openness_band) {
    auto [lo, hi] = band_range(*f.openness_band);
    add("e.openness BETWEEN ? AND ?", {std::int64_t(lo), std::int64_t(hi)});
  }
  if (f.explainability_band) {
    auto [lo, hi] = band_range(*f.explainability_band);
    add("e.explainability BETWEEN ? AND ?", {std::int64_t(lo), std::int64_t(hi)});
  }
  if (f.after_id)
    add("(e.name_key, e.id) > (SELECT x.name_key, x.id FROM observatory_entries x WHERE x.id = ?)", {*f.after_id});
  return where;
}

}  // namespace

std::int64_t count(Connection& c, const Filter& f) {
  storage::Params params;
  const std::string where = where_of(f, params);
  // The public body is joined only when a filter reads it (every entry has one): SQLite then counts
  // from the smallest index (10 µs at 10,000 entries, 0.3 ms with the join).
  const bool reads_body = f.territory_id || f.within_id;
  return c.query_integer(std::string("SELECT COUNT(*) FROM observatory_entries e ") +
                             (reads_body ? "JOIN observatory_bodies b ON b.id = e.body_id " : "") + where,
                         params);
}

std::vector<Entry> list(Connection& c, const Filter& f) {
  storage::Params params;
  const std::string where = where_of(f, params);
  const char* order = " ORDER BY e.name_key, e.id";
  switch (f.sort) {
    case Sort::openness:
      order = " ORDER BY e.openness DESC, e.name_key, e.id";
      break;
    case Sort::explainability:
      order = " ORDER BY e.explainability DESC, e.name_key, e.id";
      break;
    case Sort::total:
      order = " ORDER BY e.openness + e.explainability DESC, e.name_key, e.id";
      break;
    case Sort::updated:
      order = " ORDER BY e.updated_at DESC, e.id DESC";
      break;
    case Sort::name:
      break;
  }
  std::vector<Entry> out;
  const std::string page = storage::page_clause(f.limit, f.offset, params);
  for (const auto& r : c.query(std::string(f.summary ? kSummarySelect : kEntrySelect) + where + order + page, params))
    out.push_back(read_entry(r, f.summary));
  return out;
}

std::vector<std::string> themes(Connection& c) {
  std::vector<std::string> out;
  // From one theme to the next in the theme index: one probe per theme.
  for (const auto& r : c.query(storage::distinct_values("observatory_entries", "theme") +
                               "SELECT value FROM distinct_values WHERE value IS NOT NULL ORDER BY value"))
    out.push_back(r.text(0));
  return out;
}

std::optional<Entry> by_slug(Connection& c, std::string_view slug) {
  auto r = c.query_one(std::string(kEntrySelect) + "WHERE e.slug = ?", {std::string(slug)});
  if (!r) return std::nullopt;
  return read_entry(*r);
}

std::optional<Entry> by_uuid(Connection& c, std::string_view uuid) {
  auto r = c.query_one(std::string(kEntrySelect) + "WHERE e.uuid = ?", {std::string(uuid)});
  if (!r) return std::nullopt;
  return read_entry(*r);
}

bool slug_taken(Connection& c, std::string_view slug) {
  return c.query_integer("SELECT COUNT(*) FROM observatory_entries WHERE slug = ?", {std::string(slug)}) > 0;
}

std::int64_t insert(Connection& c, const Entry& e) {
  return c
      .query(
          "INSERT INTO observatory_entries (uuid, slug, name, name_key, body_id, status, category, theme, revision, "
          "document, rubric_version, openness, explainability, score, published_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {e.uuid, e.slug, e.name(), name_key(e), e.body.id, e.doc.get("status"), e.doc.get("category"),
           e.doc.get("theme"), e.revision, json::serialize(e.doc), std::int64_t(e.score.rubric_version),
           std::int64_t(e.score.openness), std::int64_t(e.score.explainability), score_text(e.score),
           secs(e.published_at), secs(e.updated_at)})
      .at(0)
      .integer(0);
}

bool update(Connection& c, const Entry& e) {
  return c.execute(
             "UPDATE observatory_entries SET name = ?, name_key = ?, body_id = ?, status = ?, category = ?, theme = ?, "
             "revision = ?, document = ?, rubric_version = ?, openness = ?, explainability = ?, score = ?, "
             "updated_at = ? WHERE id = ? AND revision = ?",
             {e.name(), name_key(e), e.body.id, e.doc.get("status"), e.doc.get("category"), e.doc.get("theme"),
              e.revision, json::serialize(e.doc), std::int64_t(e.score.rubric_version), std::int64_t(e.score.openness),
              std::int64_t(e.score.explainability), score_text(e.score), secs(e.updated_at), e.id, e.revision - 1}) ==
         1;
}

void insert_revision(Connection& c, std::int64_t entry_id, std::int64_t number, const Document& d,
                     std::optional<std::int64_t> author, const std::string& source, const std::string& comment,
                     sys_seconds when, std::optional<std::int64_t> merged_with) {
  c.execute(
      "INSERT INTO observatory_revisions (entry_id, number, document, author_id, source, comment, created_at, "
      "merged_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {entry_id, number, json::serialize(d), nullable(author), source, comment, secs(when), nullable(merged_with)});
}

std::vector<Revision> revisions(Connection& c, std::int64_t entry_id) {
  std::vector<Revision> out;
  for (const auto& r :
       c.query("SELECT v.number, v.created_at, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, v.source, v.comment, "
               "v.merged_with "
               "FROM observatory_revisions v LEFT JOIN users u ON u.id = v.author_id WHERE v.entry_id = ? "
               "ORDER BY v.number DESC",
               {entry_id}))
    out.push_back({r.integer(0), at(r.integer(1)), r.text(2), r.text(3), r.text(4), r.optional_integer(5)});
  return out;
}

std::optional<Document> document_at(Connection& c, std::int64_t entry_id, std::int64_t number) {
  auto r =
      c.query_one("SELECT document FROM observatory_revisions WHERE entry_id = ? AND number = ?", {entry_id, number});
  if (!r) return std::nullopt;
  return json::parse_document(r->text(0));
}

std::vector<Change> recent_changes(Connection& c, std::int64_t limit) {
  std::vector<Change> out;
  for (const auto& r : c.query("SELECT e.slug, e.name, v.number, v.created_at, v.comment, v.source "
                               "FROM observatory_revisions v JOIN observatory_entries e ON e.id = v.entry_id "
                               "ORDER BY v.created_at DESC, v.id DESC LIMIT ?",
                               {limit}))
    out.push_back({r.text(0), r.text(1), r.integer(2), at(r.integer(3)), r.text(4), r.text(5)});
  return out;
}

void insert_score(Connection& c, std::int64_t entry_id, std::int64_t revision, const Score& s, sys_seconds when) {
  c.execute(
      "INSERT INTO observatory_scores (entry_id, revision, rubric_version, openness, explainability, score, "
      "computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {entry_id, revision, std::int64_t(s.rubric_version), std::int64_t(s.openness), std::int64_t(s.explainability),
       score_text(s), secs(when)});
}

std::vector<ScoreRecord> score_history(Connection& c, std::int64_t entry_id) {
  std::vector<ScoreRecord> out;
  for (const auto& r : c.query("SELECT revision, computed_at, rubric_version, openness, explainability, score "
                               "FROM observatory_scores WHERE entry_id = ? ORDER BY computed_at, id",
                               {entry_id}))
    out.push_back({r.integer(0), at(r.integer(1)), read_score(r.text(5), r.integer(2), r.integer(3), r.integer(4))});
  return out;
}

namespace {

// CROSS JOIN: the contributions drive, each contributor read by its key. With a plain JOIN, SQLite
// walked every account (100,000 in the large programme) to probe the contributions of each, even
// when there were none: 6.7 ms for a member's own list. Conditions follow with AND.
constexpr const char* kContributionSelect =
    "SELECT k.id, k.entry_id, COALESCE(e.slug, ''), COALESCE(e.name, ''), k.kind, k.target, k.proposal, k.source, "
    "k.contributor_id, CASE WHEN u.show_name = 1 THEN u.name ELSE '' END, k.status, k.reason, k.created_at, "
    "k.decided_at FROM observatory_contributions k LEFT JOIN observatory_entries e ON e.id = k.entry_id "
    "CROSS JOIN users u WHERE u.id = k.contributor_id ";

Contribution read_contribution(const storage::Row& r) {
  Contribution k;
  k.id = r.integer(0);
  k.entry_id = r.optional_integer(1);
  k.entry_slug = r.text(2);
  k.entry_name = r.text(3);
  std::string kind = r.text(4);
  k.kind = kind == "entry"      ? ContributionKind::entry
           : kind == "evidence" ? ContributionKind::evidence
                                : ContributionKind::field;
  k.target = r.text(5);
  if (k.kind == ContributionKind::field && k.target.empty()) k.kind = ContributionKind::correction;
  k.proposal = r.text(6);
  k.source = r.text(7);
  k.contributor_id = r.integer(8);
  k.contributor_name = r.text(9);
  std::string status = r.text(10);
  k.status = status == "accepted"   ? ContributionStatus::accepted
             : status == "rejected" ? ContributionStatus::rejected
                                    : ContributionStatus::pending;
  k.reason = r.text(11);
  k.created_at = at(r.integer(12));
  if (auto d = r.optional_integer(13)) k.decided_at = at(*d);
  return k;
}

}  // namespace

std::int64_t insert_contribution(Connection& c, const Contribution& k) {
  return c
      .query(
          "INSERT INTO observatory_contributions (entry_id, kind, target, proposal, source, contributor_id, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {nullable(k.entry_id), kind_key(k.kind), k.target, k.proposal, k.source, k.contributor_id,
           secs(k.created_at)})
      .at(0)
      .integer(0);
}

std::optional<Contribution> contribution(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kContributionSelect) + "AND k.id = ?", {id});
  if (!r) return std::nullopt;
  return read_contribution(*r);
}

std::vector<Contribution> contributions(Connection& c, std::optional<ContributionStatus> status,
                                        std::optional<std::int64_t> entry_id,
                                        std::optional<std::int64_t> contributor_id) {
  std::string where;
  storage::Params params;
  if (status) {
    where = " AND k.status = ?";
    params.push_back(std::string(status_key(*status)));
  }
  if (entry_id) {
    where += " AND k.entry_id = ?";
    params.push_back(*entry_id);
  }
  if (contributor_id) {
    where += " AND k.contributor_id = ?";
    params.push_back(*contributor_id);
  }
  std::vector<Contribution> out;
  for (const auto& r : c.query(std::string(kContributionSelect) + where + " ORDER BY k.created_at, k.id", params))
    out.push_back(read_contribution(r));
  return out;
}

bool decide(Connection& c, std::int64_t id, ContributionStatus status, const std::string& reason, std::int64_t by,
            sys_seconds when) {
  return c.execute(
             "UPDATE observatory_contributions SET status = ?, reason = ?, decided_by = ?, decided_at = ? "
             "WHERE id = ? AND status = 'pending'",
             {std::string(status_key(status)), reason, by, secs(when), id}) == 1;
}

void insert_reply(Connection& c, std::int64_t entry_id, std::int64_t organisation_id, std::int64_t author_id,
                  const std::string& text, sys_seconds when) {
  c.execute(
      "INSERT INTO observatory_replies (entry_id, organisation_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)",
      {entry_id, organisation_id, author_id, text, secs(when)});
}

std::vector<Reply> replies(Connection& c, std::int64_t entry_id) {
  std::vector<Reply> out;
  for (const auto& r : c.query("SELECT r.id, o.name, r.text, r.created_at FROM observatory_replies r "
                               "JOIN organisations o ON o.id = r.organisation_id WHERE r.entry_id = ? "
                               "ORDER BY r.created_at, r.id",
                               {entry_id}))
    out.push_back({r.integer(0), r.text(1), r.text(2), at(r.integer(3))});
  return out;
}

}  // namespace fabrique::observatoire::store
