// The demo programme's decisions (decisions_data.cpp), loaded after its commons.
#pragma once
#include "storage/database.hpp"

namespace fabrique::demo {

// Loads, through the decisions' use cases, the governance principles and the charter's version 2
// decided by consent (the latter with a block and its reason), a workshop's day chosen by a
// coalition, and a choice of workshop topics still open with several answers. The demo accounts,
// coalitions and charter versions must already be loaded. Throws on refused data.
void load_decisions(storage::Connection& c);

}  // namespace fabrique::demo
