// What is placed on a territory or within it, kind by kind: one query for every kind.
#include "territories/placed.hpp"

#include <fmt/format.h>

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
  // The territory's descendants are walked once for every kind (a walk per kind, seven of a
  // département's 900 territories, cost 1.4 ms of its page), then each kind's first ones and, in each
  // row, how many there are (the links are not read twice, for the count and for the list).
  std::string sql = "WITH within AS MATERIALIZED (" + links_within_sql() + ")";
  storage::Params params{territory_id};
  std::vector<Placed> out;
  for (const Kind& k : kKinds) {
    sql += fmt::format(
        "{} SELECT * FROM (SELECT {} AS kind, x.slug AS slug, {} AS name, COUNT(*) OVER () AS total, ROW_NUMBER() "
        "OVER (ORDER BY {}) AS position FROM {} WHERE {} AND {} IN (SELECT w.subject_id FROM within w WHERE "
        "w.subject = '{}') ORDER BY {} LIMIT ?) k{}",
        out.empty() ? "" : " UNION ALL", out.size(), k.name, k.order, k.from, k.visible, k.id, k.subject, k.order,
        out.size());
    params.push_back(first);
    out.push_back({.subject = k.subject,
                   .heading = k.heading,
                   .see_all = k.see_all,
                   .list = k.list() + "?territoire=" + html::url_encode(territory_key)});
  }
  for (const auto& r : c.query(sql + " ORDER BY 1, 5", params)) {
    Placed& p = out.at(static_cast<std::size_t>(r.integer(0)));
    p.first.push_back({r.text(2), kKinds[r.integer(0)].item(r.text(1))});
    p.total = r.integer(3);
  }
  return out;
}

}  // namespace fabrique::territories
