// The demo programme's commons: resources, the charter's two versions with signatures, boussole cards.
#pragma once
#include "storage/database.hpp"

namespace fabrique::demo {

// Loads the commons of the demo through the commons' use cases; the demo accounts and coalitions
// must already be loaded (demo::load calls this last).
void load_commons(storage::Connection& c);

}  // namespace fabrique::demo
