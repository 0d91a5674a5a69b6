// The demo's breakout groups: the Reset Fest Bretagne workshop on environmental data, where the
// participants worked in three groups (experiments under way, resources at hand, difficulties met),
// each with its facilitator and a few notes. Facts from the source; every sentence written for the demo.
#include <stdexcept>

#include "accounts/store.hpp"
#include "demo/check.hpp"
#include "demo/demo.hpp"
#include "demo/events_data.hpp"
#include "events/groups.hpp"
#include "events/store.hpp"

namespace fabrique::demo {

void load_breakout_groups(storage::Connection& c) {
  auto user = [&](const std::string& email) {
    auto u = accounts::store::user_by_email(c, email);
    if (!u) throw std::runtime_error("demo groups: unknown person " + email);
    return *u;
  };
  const char* slug = "reset-fest-bretagne-2021";
  const accounts::User animateur = user(kAnimateurEmail);
  // The evening of the workshop (14 April 2021, 21:00 UTC).
  const auto evening = std::chrono::sys_days{std::chrono::year{2021} / 4 / 14} + std::chrono::hours{21};
  struct Group {
    const char* topic;
    const char* facilitator;
    std::vector<std::pair<events::ItemKind, const char*>> notes;
  };
  const std::vector<Group> groups = {
      {"Les expérimentations déjà en cours",
       "camille@demo.fabrique",
       {{events::ItemKind::idea,
         "Partir des sciences participatives à l'école : montrer aux élèves ce que devient une observation une fois "
         "partagée."},
        {events::ItemKind::question, "Comment repérer les initiatives bretonnes qui ne se font pas connaître ?"}}},
      {"Les ressources disponibles",
       "noa@demo.fabrique",
       {{events::ItemKind::idea, "Une liste commentée des portails et jeux de données environnementales de la région."},
        {events::ItemKind::next_step, "Envoyer aux participants les ressources citées pendant l'atelier."}}},
      {"Les difficultés des producteurs et des utilisateurs",
       "jade@demo.fabrique",
       {{events::ItemKind::question, "Un producteur peut-il savoir qui reprend ses données, et pour en faire quoi ?"},
        {events::ItemKind::idea,
         "Passer de la donnée brute à une information que les élus et les habitants lisent sans être experts."},
        {events::ItemKind::next_step, "Préparer un temps sur la culture des données pour la rencontre suivante."}}},
  };
  events::GroupsInput in;
  for (const auto& g : groups)
    in.groups.push_back({.id = 0, .topic = g.topic, .facilitator = {std::to_string(user(g.facilitator).id)}});
  // One new group per save: the form adds one at a time.
  std::int64_t version = 0;
  for (const auto& g : in.groups) {
    auto r = events::save_groups(c, animateur, slug, {.groups = {g}, .members = {}}, version, evening);
    check(std::string(slug) + " group", r.errors);
    version = r.version;
  }
  auto spread = events::spread_into_groups(c, animateur, slug, "3", version, "Groupe {}", evening);
  check(std::string(slug) + " groups", spread.errors);
  const auto saved = events::store::groups(c, events::store::by_slug(c, slug)->id);
  for (std::size_t i = 0; i < groups.size(); ++i)
    for (const auto& [kind, body] : groups[i].notes)
      check(std::string(slug) + " group note",
            events::add_group_note(c, user(groups[i].facilitator), slug, saved.at(i).id, kind, body, evening));
}

}  // namespace fabrique::demo
