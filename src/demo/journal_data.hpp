// The demo's journal: the programme's own posts of 2020–2021 (the assembly of June 2020, the
// podcast with Vraiment Vraiment, the Breton workshop of the Reset Fest, the Reset Day of June 2021,
// the invitation to frame the public AI coalition), told anew, linked to the demo's coalitions,
// events, datasets and resources.
#pragma once
#include <cstdint>

#include "accounts/model.hpp"
#include "storage/database.hpp"

namespace fabrique::demo {

// Writes the posts through the journal's use case, each on its historical date. A dataset or a
// resource the demo did not load (datasets need the territories) is left out of the links.
// Returns the number of posts.
std::int64_t load_journal(storage::Connection& c, const accounts::User& animateur);

}  // namespace fabrique::demo
