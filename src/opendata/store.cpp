// The sitemap's queries: which rows of each module have a public page, and when they last changed.
// What is public follows the modules' own rules (published resources and cards, charter versions
// once opened to consultation); a change to those rules changes the query here too.
#include "opendata/store.hpp"

#include "coalitions/urls.hpp"
#include "commons/urls.hpp"
#include "events/urls.hpp"
#include "observatoire/urls.hpp"
#include "organisations/urls.hpp"
#include "programme/urls.hpp"
#include "roadmaps/urls.hpp"
#include "storage/instants.hpp"

namespace fabrique::opendata::store {
namespace {

// The programme-wide pages, in the order of the site's menu.
std::string (*const kListPages[])() = {programme::urls::home,           coalitions::urls::list,
                                       organisations::urls::list,       events::urls::list,
                                       events::urls::proposals,         roadmaps::urls::programme_roadmap,
                                       roadmaps::urls::dashboard,       commons::urls::resources,
                                       commons::urls::boussole,         commons::urls::charter,
                                       commons::urls::charter_versions, commons::urls::signatories,
                                       observatoire::urls::scoreboard};

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
};

}  // namespace

std::vector<PublicPage> public_pages(storage::Connection& c) {
  std::vector<PublicPage> out;
  for (auto path : kListPages) out.push_back({path(), std::nullopt});
  for (const char* sql : kQueries) {
    for (const auto& r : c.query(sql)) {
      std::optional<std::chrono::sys_seconds> modified;
      if (!r.is_null(1)) modified = storage::at(r.integer(1));
      out.push_back({r.text(0), modified});
    }
  }
  return out;
}

}  // namespace fabrique::opendata::store
