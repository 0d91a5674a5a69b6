// The JSON form of actions and indicators (documented in docs/api.md).
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <vector>

#include "http/context.hpp"
#include "roadmaps/model.hpp"

namespace fabrique::roadmaps::json {

// An event as linked from an action or listed on the dashboard: {slug, title, starts_at, url}.
boost::json::object event(const http::Context& ctx, const std::string& slug, const std::string& title,
                          sys_seconds starts_at);
boost::json::object action(const http::Context& ctx, const Action& a);
boost::json::object indicator(const Indicator& i);
// An action's or an indicator's revisions, newest first: each with every field as it was then.
boost::json::array revisions(const std::vector<Revision>& revisions);

}  // namespace fabrique::roadmaps::json
