// Reading a whole list a batch at a time (an export of a whole register), so that memory holds one
// batch whatever the list's length.
#pragma once
#include <cstdint>
#include <optional>

namespace fabrique::storage {

// How many rows an export reads at a time.
inline constexpr std::int64_t kExportBatch = 500;

// Calls `read(after)` for the rows that follow the row whose id is `after` in the list's order
// (nothing: the first rows), at most kExportBatch of them, and `each(rows)` on every batch until the
// list ends. The next batch is found from the last row's key, never by counting past the rows read
// already (as an OFFSET would, reading the list again for each batch). Run it inside one transaction
// so that the batches are one snapshot.
template <class Read, class Each>
void each_batch(Read read, Each each) {
  std::optional<std::int64_t> after;
  for (;;) {
    auto rows = read(after);
    each(rows);
    if (static_cast<std::int64_t>(rows.size()) < kExportBatch) return;
    after = rows.back().id;
  }
}

}  // namespace fabrique::storage
