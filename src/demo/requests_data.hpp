// The demo's data requests: what the people of the Breton workshop of the Reset Fest (14 April 2021)
// could not find or could not use as it was, with their "me too" and one answered by a dataset.
#pragma once
#include <cstdint>

#include "accounts/model.hpp"
#include "storage/database.hpp"

namespace fabrique::demo {

// Adds the requests (after load_datasets, whose datasets one is answered with). Skipped (returns 0)
// when the territories are not loaded, as the datasets are.
std::int64_t load_data_requests(storage::Connection& c, const accounts::User& animateur);

}  // namespace fabrique::demo
