// The demo programme's roadmaps and impact indicators (roadmaps_data.cpp), loaded after the coalitions.
#pragma once
#include "storage/database.hpp"

namespace fabrique::demo {

struct RoadmapSummary {
  std::int64_t actions = 0, revisions = 0, indicators = 0, measurements = 0;
};

// Loads the actions and indicators of the demo coalitions through the roadmap use cases, as their
// co-porteurs would have written them. Expects demo::load to have created the coalitions and people.
RoadmapSummary load_roadmaps(storage::Connection& c);

}  // namespace fabrique::demo
