// The sitemap's queries: which rows of each module have a public page, and when they last changed.
// What is public follows the modules' own rules (published resources and cards, charter versions
// once opened to consultation); a change to those rules changes the query here too.
#include "opendata/store.hpp"

#include <algorithm>
#include <limits>

#include "coalitions/urls.hpp"
#include "commons/urls.hpp"
#include "datasets/urls.hpp"
#include "decisions/urls.hpp"
#include "events/urls.hpp"
#include "observatoire/urls.hpp"
#include "organisations/urls.hpp"
#include "programme/urls.hpp"
#include "roadmaps/urls.hpp"
#include "storage/instants.hpp"
#include "storage/settings.hpp"

namespace fabrique::opendata::store {
namespace {

// The programme-wide pages, in the order of the site's menu.
std::string (*const kListPages[])() = {programme::urls::home,
                                       coalitions::urls::list,
                                       organisations::urls::list,
                                       events::urls::list,
                                       events::urls::proposals,
                                       roadmaps::urls::programme_roadmap,
                                       roadmaps::urls::dashboard,
                                       commons::urls::resources,
                                       commons::urls::boussole,
                                       commons::urls::charter,
                                       commons::urls::charter_versions,
                                       commons::urls::signatories,
                                       observatoire::urls::scoreboard,
                                       decisions::urls::decisions,
                                       datasets::urls::list,
                                       datasets::urls::requests,
                                       programme::urls::registers};

// Each query gives (path, modified or NULL), the path already built: slugs and numbers need no
// escaping in a path (lower-case letters, digits and dashes).
constexpr const char* kQueries[] = {
    "SELECT '/coalitions/' || slug, last_activity_at FROM coalitions ORDER BY number_key",
    "SELECT '/coalitions/' || slug || '/historique', updated_at FROM coalitions ORDER BY number_key",
    "SELECT '/coalitions/' || slug || '/feuille-de-route', last_activity_at FROM coalitions ORDER BY number_key",
    "SELECT '/coalitions/' || slug || '/impact', NULL FROM coalitions ORDER BY number_key",
    "SELECT '/organisations/' || slug, updated_at FROM organisations ORDER BY id",
    "SELECT '/evenements/' || slug, updated_at FROM events ORDER BY starts_at, id",
    "SELECT '/evenements/' || slug || '/compte-rendu', updated_at FROM events WHERE minutes_revision > 0 "
    "ORDER BY starts_at, id",
    "SELECT '/coalitions/' || k.slug || '/feuille-de-route/' || CAST(a.id AS TEXT), a.updated_at "
    "FROM actions a JOIN coalitions k ON k.id = a.coalition_id ORDER BY a.id",
    "SELECT '/ressources/' || slug, updated_at FROM resources WHERE status = 'published' ORDER BY id",
    "SELECT '/boussole/' || slug, updated_at FROM boussole_cards WHERE status = 'published' ORDER BY id",
    "SELECT '/charte/versions/' || CAST(number AS TEXT), updated_at FROM charter_versions "
    "WHERE consultation_opens_at IS NOT NULL ORDER BY number",
    "SELECT '/observatoire/' || slug, updated_at FROM observatory_entries ORDER BY name_key, id",
    "SELECT '/observatoire/' || slug || '/historique', updated_at FROM observatory_entries ORDER BY name_key, id",
    "SELECT '/observatoire/organismes/' || slug, created_at FROM observatory_bodies ORDER BY id",
    "SELECT '/decisions/' || CAST(id AS TEXT), updated_at FROM decisions ORDER BY id",
    "SELECT '/donnees/' || slug, updated_at FROM datasets ORDER BY id",
    "SELECT '/donnees/demandes/' || CAST(id AS TEXT), updated_at FROM data_requests ORDER BY id",
};

// The news of each kind: its query (columns: ref, path, title, detail, at, when) and, per scope,
// what narrows it (nullptr: that kind has no news in that scope). Each ends where the scope's
// condition goes, after a WHERE clause of its own.
struct NewsKind {
  const char* kind;
  const char* select;
  const char* per_scope[4];  // programme, coalition, organisation, series
  const char* group_by = "";
};

constexpr const char* kEventOfCoalition = " AND e.id IN (SELECT event_id FROM event_coalitions WHERE coalition_id = ?)";
constexpr const char* kEventOfOrganisation =
    " AND e.id IN (SELECT event_id FROM event_organisations WHERE organisation_id = ? AND role = 'organiser')";

const NewsKind kNews[] = {
    {"coalition",
     "SELECT k.id, '/coalitions/' || k.slug, k.number || ' — ' || k.title, '', k.created_at, NULL "
     "FROM coalitions k WHERE 1 = 1",
     {"", " AND k.id = ?", " AND k.animating_organisation_id = ?", nullptr}},
    {"stage",
     "SELECT s.id, '/coalitions/' || k.slug, k.number || ' — ' || k.title, s.to_stage, s.changed_at, NULL "
     "FROM coalition_stage_changes s JOIN coalitions k ON k.id = s.coalition_id WHERE s.from_stage IS NOT NULL",
     {"", " AND k.id = ?", " AND k.animating_organisation_id = ?", nullptr}},
    {"event",
     "SELECT e.id, '/evenements/' || e.slug, e.title, e.status, e.created_at, e.starts_at FROM events e WHERE 1 = 1",
     {"", kEventOfCoalition, kEventOfOrganisation, " AND e.series_id = ?"}},
    {"minutes",
     "SELECT e.id, '/evenements/' || e.slug || '/compte-rendu', e.title, '', MAX(m.created_at), e.starts_at "
     "FROM minutes_revisions m JOIN events e ON e.id = m.event_id WHERE 1 = 1",
     {"", kEventOfCoalition, kEventOfOrganisation, " AND e.series_id = ?"},
     " GROUP BY e.id, e.slug, e.title, e.starts_at"},
    {"resource",
     "SELECT r.id, '/ressources/' || r.slug, r.title, r.kind, COALESCE(r.published_at, r.created_at), NULL "
     "FROM resources r WHERE r.status = 'published'",
     {"", " AND r.id IN (SELECT resource_id FROM resource_coalitions WHERE coalition_id = ?)", nullptr, nullptr}},
    {"charter_consultation",
     "SELECT v.number, '/charte/versions/' || CAST(v.number AS TEXT), v.label, v.summary, v.consultation_opens_at, "
     "NULL FROM charter_versions v WHERE v.consultation_opens_at IS NOT NULL",
     {"", nullptr, nullptr, nullptr}},
    {"charter_adopted",
     "SELECT v.number, '/charte/versions/' || CAST(v.number AS TEXT), v.label, v.summary, v.adopted_at, NULL "
     "FROM charter_versions v WHERE v.adopted_at IS NOT NULL",
     {"", nullptr, nullptr, nullptr}},
    {"charter_signed",
     "SELECT MIN(s.id), '/charte/versions/' || CAST(v.number AS TEXT), v.label, CAST(v.number AS TEXT), "
     "MIN(s.created_at), NULL FROM charter_signatures s JOIN charter_versions v ON v.id = s.version_id WHERE 1 = 1",
     {nullptr, nullptr, " AND s.organisation_id = ?", nullptr},
     " GROUP BY v.number, v.label"},
    {"action",
     "SELECT a.id, '/coalitions/' || k.slug || '/feuille-de-route/' || CAST(a.id AS TEXT), a.title, "
     "k.number || ' — ' || k.title, a.created_at, NULL FROM actions a JOIN coalitions k ON k.id = a.coalition_id "
     "WHERE 1 = 1",
     {nullptr, " AND a.coalition_id = ?",
      " AND a.id IN (SELECT action_id FROM action_organisations WHERE organisation_id = ?)", nullptr}},
};

}  // namespace

std::vector<News> news(storage::Connection& c, Scope scope, std::int64_t id, std::int64_t limit) {
  std::vector<News> out;
  for (const auto& k : kNews) {
    const char* narrow = k.per_scope[static_cast<int>(scope)];
    if (narrow == nullptr) continue;
    storage::Params params;
    if (scope != Scope::programme) params.push_back(id);
    params.push_back(limit);
    const std::string sql = std::string(k.select) + narrow + k.group_by + " ORDER BY 5 DESC, 1 DESC LIMIT ?";
    for (const auto& r : c.query(sql, params)) {
      News n{.kind = k.kind,
             .ref = r.integer(0),
             .path = r.text(1),
             .title = r.text(2),
             .detail = r.text(3),
             .at = storage::at(r.integer(4))};
      if (!r.is_null(5)) n.when = storage::at(r.integer(5));
      out.push_back(std::move(n));
    }
  }
  // Newest first across kinds; among equal instants, by kind then row, so that the order is stable.
  std::sort(out.begin(), out.end(), [](const News& a, const News& b) {
    if (a.at != b.at) return a.at > b.at;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.ref > b.ref;
  });
  if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
  return out;
}

std::optional<Series> series_of_event(storage::Connection& c, std::string_view event_slug) {
  auto r = c.query_one("SELECT s.id, s.title FROM events e JOIN event_series s ON s.id = e.series_id WHERE e.slug = ?",
                       {std::string(event_slug)});
  if (!r) return std::nullopt;
  return Series{r->integer(0), r->text(1)};
}

namespace {
constexpr std::int64_t kNoDate = std::numeric_limits<std::int64_t>::min();
}  // namespace

void PageList::add(std::string_view path, std::optional<std::chrono::sys_seconds> modified) {
  paths_ += path;
  ends_.push_back(paths_.size());
  modified_.push_back(modified ? modified->time_since_epoch().count() : kNoDate);
}

void PageList::shrink_to_fit() {
  paths_.shrink_to_fit();
  ends_.shrink_to_fit();
  modified_.shrink_to_fit();
}

PublicPage PageList::operator[](std::size_t i) const {
  const std::size_t from = i == 0 ? 0 : ends_[i - 1];
  PublicPage out{std::string_view(paths_).substr(from, ends_[i] - from), std::nullopt};
  if (modified_[i] != kNoDate) out.modified = std::chrono::sys_seconds(std::chrono::seconds(modified_[i]));
  return out;
}

PublicPages public_pages(storage::Connection& c) {
  // Shared until what it reads changes: the sitemap's index and each of its parts need the whole list
  // (hundreds of thousands of pages at a large programme's size, 86 ms to read at the bench size).
  return storage::settings::memo<PublicPages>(c, "opendata.public_pages", [&] {
    auto out = std::make_shared<PageList>();
    for (auto path : kListPages) out->add(path(), std::nullopt);
    for (const char* sql : kQueries) {
      for (const auto& r : c.query(sql)) {
        std::optional<std::chrono::sys_seconds> modified;
        if (!r.is_null(1)) modified = storage::at(r.integer(1));
        out->add(r.text(0), modified);
      }
    }
    out->shrink_to_fit();
    return PublicPages(std::move(out));
  });
}

}  // namespace fabrique::opendata::store
