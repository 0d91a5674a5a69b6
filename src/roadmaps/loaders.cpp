// The loaders the roadmap pages share: the coalition of the path, the action form's choices, and
// the roadmap part of the coalition page.
#include "roadmaps/loaders.hpp"

#include "coalitions/store.hpp"
#include "events/picker.hpp"
#include "organisations/picker.hpp"
#include "roadmaps/store.hpp"

namespace fabrique::roadmaps::pages {

coalitions::Coalition coalition_of(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) throw NotFound();
  return *k;
}

ActionChoices action_choices(Context& ctx, const coalitions::Coalition& k, const ActionInput& v,
                             const std::vector<Action>& actions, std::optional<std::int64_t> editing) {
  ActionChoices out;
  for (const auto& p : actions)
    if (!p.parent_id && p.id != editing) out.parents.push_back({std::to_string(p.id), p.title});
  out.organisations = organisations::picker_of(ctx.db, "organisations", i18n::N_("Carrying organisations"),
                                               v.organisations, ctx.form.get("organisations_q"));
  std::vector<fabrique::views::Choice> offered;
  for (const auto& e : store::coalition_events(ctx.db, k.id))
    offered.push_back({.key = e.slug, .label = e.title, .detail = ctx.t->date(e.starts_at)});
  out.any_event = !offered.empty();
  out.events =
      fabrique::events::picker_of(offered, "events", i18n::N_("Linked events"), v.events, ctx.form.get("events_q"));
  return out;
}

bool action_picker_searched(const Context& ctx) {
  return !ctx.form.get("organisations_q").empty() || !ctx.form.get("events_q").empty();
}

CoalitionRoadmap load_coalition_section(Context& ctx, const coalitions::Coalition& k) {
  std::vector<ActorRecord> records;
  for (auto& [id, r] : store::actors(ctx.db, k.id)) records.push_back(std::move(r));
  CoalitionRoadmap out{.slug = k.slug, .matrix = build_matrix(store::kinds(ctx.db), records)};
  for (const auto& kind : out.matrix.missing_kinds) out.missing += (out.missing.empty() ? "" : ", ") + kind.label;
  for (std::size_t l = 0; l < kLevers.size(); ++l)
    if (!out.matrix.lever_covered[l])
      out.uncovered += (out.uncovered.empty() ? "" : ", ") + short_lever(*ctx.t, kLevers[l].slug);
  return out;
}

}  // namespace fabrique::roadmaps::pages
