// The loaders of the roadmap and impact pages: each reads, through the stores, everything its page
// shows and returns the page's view model (view_models.hpp); nothing after it reads the database.
#pragma once
#include <optional>
#include <vector>

#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "http/context.hpp"
#include "roadmaps/view_models.hpp"

namespace fabrique::roadmaps::pages {

using http::Context;

// The coalition named by the {slug} of the path; throws NotFound (a 404 page) when there is none.
coalitions::Coalition coalition_of(Context& ctx);

// The choices of the action form of coalition `k` showing `v`: its main actions among `actions` but
// `editing` (the action being edited, if any), the pickers of organisations and of the coalition's
// events (with what their words sent in the request match).
ActionChoices action_choices(Context& ctx, const coalitions::Coalition& k, const ActionInput& v,
                             const std::vector<Action>& actions, std::optional<std::int64_t> editing = std::nullopt);
// A picker of the action form was searched: the form comes back with what matches, nothing saved.
bool action_picker_searched(const Context& ctx);

// The roadmap part of the coalition page: the actors × levers matrix.
CoalitionRoadmap load_coalition_section(Context& ctx, const coalitions::Coalition& k);

// A coalition's roadmap; `form` and `errors` refill the action form after a refused one.
RoadmapPage load_roadmap(Context& ctx, const coalitions::Coalition& k, const ActionInput& form,
                         const FieldErrors& errors);

// An action's page; `form` and `errors` refill its edit form, `conflict` after a stale save.
ActionPage load_action(Context& ctx, const coalitions::Coalition& k, const Action& a, const ActionInput& form,
                       const FieldErrors& errors, bool conflict);

// An action's history; `refused` holds why a restore could not be made, else nothing.
ActionHistoryPage load_action_history(Context& ctx, const coalitions::Coalition& k, const Action& a,
                                      const FieldErrors& refused);

// A coalition's impact, with empty forms (the page fills them again after a refused one).
ImpactPage load_impact(Context& ctx, const coalitions::Coalition& k);

// An indicator's page, without its form (the page fills it); `refused` holds why a restore could
// not be made, else nothing.
IndicatorPage load_indicator(Context& ctx, const coalitions::Coalition& k, const Indicator& i,
                             const FieldErrors& refused);

// The programme dashboard, with the page of the pace table asked for in ?page=.
DashboardPage load_dashboard_page(Context& ctx);

}  // namespace fabrique::roadmaps::pages
