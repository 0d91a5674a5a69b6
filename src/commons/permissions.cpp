// Who may edit, publish and see resources and boussole cards, and what of them the search index holds.
#include "commons/store.hpp"
#include "commons/urls.hpp"
#include "commons/use_cases.hpp"
#include "search/search.hpp"

namespace fabrique::commons {

namespace {

std::vector<std::int64_t> ids(const std::vector<CoalitionRef>& list) {
  std::vector<std::int64_t> out;
  for (const auto& k : list) out.push_back(k.id);
  return out;
}

}  // namespace

bool can_publish(storage::Connection& c, const User* actor, const Resource& r) {
  if (!actor) return false;
  return actor->is_animateur() || store::is_co_porteur_of_any(c, actor->id, ids(r.coalitions));
}

bool can_edit(storage::Connection& c, const User* actor, const Resource& r) {
  if (!actor) return false;
  return (r.submitted_by && *r.submitted_by == actor->id) || can_publish(c, actor, r);
}

bool can_see(storage::Connection& c, const User* actor, const Resource& r) {
  return r.status == Status::published || can_edit(c, actor, r);
}

bool can_publish(storage::Connection& c, const User* actor, const Card& k) {
  if (!actor) return false;
  return actor->is_animateur() || (k.coalition && store::is_co_porteur_of_any(c, actor->id, {k.coalition->id}));
}

bool can_edit(storage::Connection& c, const User* actor, const Card& k) {
  if (!actor) return false;
  return (k.submitted_by && *k.submitted_by == actor->id) || can_publish(c, actor, k);
}

bool can_see(storage::Connection& c, const User* actor, const Card& k) {
  return k.status == Status::published || can_edit(c, actor, k);
}

void index_resource(storage::Connection& c, const Resource& r) {
  std::string body = r.description;
  for (const auto& t : r.tags) body += "\n" + t;
  // A draft is found only by those who may edit it: its submitter, the co-porteurs of its (first)
  // coalition, the animateurs, as can_edit says.
  const bool draft = r.status == Status::draft;
  search::index(c,
                {"resource", r.slug, r.title, body, urls::resource(r.slug),
                 draft ? search::Audience::editors : search::Audience::everyone, r.submitted_by,
                 draft && !r.coalitions.empty() ? std::optional(r.coalitions.front().id) : std::nullopt, r.updated_at});
}

void index_card(storage::Connection& c, const Card& k) {
  const bool draft = k.status == Status::draft;
  search::index(c, {"card", k.slug, k.title,
                    k.context + "\n\n" + k.tried + "\n\n" + k.learned + "\n\n" + k.tensions + "\n\n" + k.sources,
                    urls::card(k.slug), draft ? search::Audience::editors : search::Audience::everyone, k.submitted_by,
                    draft && k.coalition ? std::optional(k.coalition->id) : std::nullopt, k.updated_at});
}

}  // namespace fabrique::commons
