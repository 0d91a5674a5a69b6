// What is placed on a territory or within it, kind by kind: one query per kind.
#include "territories/placed.hpp"

#include "coalitions/urls.hpp"
#include "commons/urls.hpp"
#include "datasets/urls.hpp"
#include "events/urls.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/urls.hpp"
#include "organisations/urls.hpp"
#include "territories/links.hpp"
#include "views/html.hpp"

namespace fabrique::territories {

using i18n::N_;

namespace {

// One kind of thing placed on territories: its table, what anyone may see of it, and its pages.
struct Kind {
  std::string_view subject;
  const char* heading;
  const char* see_all;
  std::string (*list)();                       // its list, which ?territoire= narrows
  std::string (*item)(std::string_view slug);  // one thing's page
  const char* from;                            // "coalitions k": the table and its alias
  const char* id;                              // "k.id"
  const char* name;                            // "k.title"
  const char* visible;                         // what anyone may see, or "1 = 1"
  const char* order;                           // "k.number_key"
};

const Kind kKinds[] = {
    {subject::organisation, N_("Organisations"), N_("See them all in the list of organisations"),
     organisations::urls::list, organisations::urls::organisation, "organisations x", "x.id", "x.name", "1 = 1",
     "x.name_key, x.id"},
    {subject::coalition, N_("Coalitions"), N_("See them all in the list of coalitions"), coalitions::urls::list,
     coalitions::urls::coalition, "coalitions x", "x.id", "x.title", "1 = 1", "x.number_key, x.id"},
    {subject::event, N_("Events"), N_("See them all in the list of events"), events::urls::list, events::urls::event,
     "events x", "x.id", "x.title", "1 = 1", "x.starts_at DESC, x.id"},
    {subject::resource, N_("Resources"), N_("See them all in the list of resources"), commons::urls::resources,
     commons::urls::resource, "resources x", "x.id", "x.title", "x.status = 'published'", "x.title, x.id"},
    {subject::card, N_("Experience cards of the boussole"), N_("See them all in the boussole"), commons::urls::boussole,
     commons::urls::card, "boussole_cards x", "x.id", "x.title", "x.status = 'published'", "x.title, x.id"},
    {subject::observatory_entry, N_("Entries of the observatory placed here"),
     N_("See them all in the observatory, with those of its public bodies"), observatoire::urls::scoreboard,
     observatoire::urls::entry, "observatory_entries x", "x.id", "x.name", "1 = 1", "x.name_key, x.id"},
    {subject::dataset, N_("Datasets covering it or produced there"), N_("See them all in the register of datasets"),
     datasets::urls::list, datasets::urls::dataset, "datasets x", "x.id", "x.title", "1 = 1", "x.title_key, x.id"},
};

}  // namespace

std::vector<Placed> placed_within(storage::Connection& c, std::int64_t territory_id, std::string_view territory_key,
                                  std::int64_t first) {
  std::vector<Placed> out;
  for (const Kind& k : kKinds) {
    Placed p{.subject = k.subject,
             .heading = k.heading,
             .see_all = k.see_all,
             .list = k.list() + "?territoire=" + html::url_encode(territory_key)};
    // The first ones and, in each row, how many there are: the territory's links are walked once
    // per kind, not once for the count and again for the list.
    for (const auto& r :
         c.query(std::string("SELECT x.slug, ") + k.name + ", COUNT(*) OVER () FROM " + k.from + " WHERE " + k.visible +
                     " AND " + within_sql(k.subject, k.id) + " ORDER BY " + k.order + " LIMIT ?",
                 {territory_id, first})) {
      p.first.push_back({r.text(1), k.item(r.text(0))});
      p.total = r.integer(2);
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace fabrique::territories
