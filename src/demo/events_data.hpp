// The events of the demo programme (events_data.cpp), loaded after its coalitions.
#pragma once
#include "storage/database.hpp"

namespace fabrique::demo {

// Loads the historical events with their programmes, attendance, minutes and items, a coalition
// proposal, and a monthly Reset Day series open for registration. Throws on refused data.
void load_events(storage::Connection& c);
// Splits the Reset Fest Bretagne workshop into its three groups, each with its notes (groups_data.cpp).
void load_breakout_groups(storage::Connection& c);

}  // namespace fabrique::demo
