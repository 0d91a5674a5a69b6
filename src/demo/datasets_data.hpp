// The demo's register of environmental data: what the Breton workshop of the Reset Fest (14 April
// 2021) named or implied — regional air quality, the environment observatory, a CPIE's field counts.
#pragma once
#include <cstdint>

#include "accounts/model.hpp"
#include "storage/database.hpp"

namespace fabrique::demo {

// Adds the datasets and their producers, placed on Bretagne, Finistère, Brest and Rennes, and reuses
// of them for pedagogy, activism and policy (demo_reuses in datasets_data.cpp). Skipped
// (returns 0) when the territories are not loaded: a dataset is always placed somewhere.
std::int64_t load_datasets(storage::Connection& c, const accounts::User& animateur);

}  // namespace fabrique::demo
