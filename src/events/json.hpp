// The JSON form of events and proposals (documented in docs/api.md): stable field names, UTC times.
#pragma once
#include <boost/json/object.hpp>

#include "events/model.hpp"
#include "http/context.hpp"

namespace fabrique::events::json {

// An event as listed; the online link only when `reveal_link`.
boost::json::object event(const http::Context& ctx, const Event& e, bool reveal_link);
boost::json::object proposal(const http::Context& ctx, const Proposal& p);
boost::json::object item(const MinutesItem& i);

}  // namespace fabrique::events::json
