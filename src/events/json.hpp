// The JSON form of events and proposals (documented in docs/api.md): stable field names, UTC times.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "events/model.hpp"
#include "http/context.hpp"

namespace fabrique::events::json {

// An event as listed; the online link only when `reveal_link`.
boost::json::object event(const http::Context& ctx, const Event& e, bool reveal_link);
boost::json::object proposal(const http::Context& ctx, const Proposal& p);
boost::json::object item(const MinutesItem& i);
// A slot's speakers: organisations, and people named only where they consented (organisers get
// every name with "public": false); an unnamed person appears as their organisation alone.
boost::json::array speakers(const http::Context& ctx, const Slot& s, bool organiser);

}  // namespace fabrique::events::json
