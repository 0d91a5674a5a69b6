// The JSON form of coalitions (documented in docs/api.md): stable field names, UTC timestamps.
#pragma once
#include <boost/json/object.hpp>

#include "coalitions/model.hpp"
#include "http/context.hpp"

namespace fabrique::coalitions::json {

// The fields shown in lists.
boost::json::object summary(const http::Context& ctx, const Coalition& k);
// A JSON response (application/json; charset=utf-8): `body` after a first field, "licence", naming
// the licence of the data (option data_licence) and the address of its text.
http::Response response(const http::Context& ctx, const boost::json::object& body);
// 2026-11-28T15:00:00Z
std::string iso(sys_seconds t);

}  // namespace fabrique::coalitions::json
