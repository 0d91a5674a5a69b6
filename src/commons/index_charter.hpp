// The charter's entries in the search index: the current (adopted) text, and the version in progress.
#pragma once
#include "commons/model.hpp"
#include "storage/database.hpp"

namespace fabrique::commons {

// Indexes version `v` as the charter in force (ref "charte", /charte) when adopted, or as the
// version in progress (ref "v<number>") — public once its consultation opened, animateurs only
// before — and removes the version-in-progress entry once adopted.
void index_charter(storage::Connection& c, const CharterVersion& v);

}  // namespace fabrique::commons
