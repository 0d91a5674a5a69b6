// The JSON form of actions and indicators (documented in docs/api.md).
#pragma once
#include <boost/json/object.hpp>

#include "http/context.hpp"
#include "roadmaps/model.hpp"

namespace fabrique::roadmaps::json {

boost::json::object action(const http::Context& ctx, const Action& a);
boost::json::object indicator(const Indicator& i);

}  // namespace fabrique::roadmaps::json
