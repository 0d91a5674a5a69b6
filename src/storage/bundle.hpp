// A whole programme in one portable file (`fabrique export --bundle`, `fabrique import --bundle`):
// every table, uploaded files included (they live in the `files` table), and a manifest with the
// schema version and each table's row count and checksum (transfer::summarise), so that the file
// can move a programme to another instance, on either engine, and prove it arrived whole.
//
// The file is a gzip-compressed tar archive of two members:
//   manifest.json     {"format": "fabrique-bundle", "format_version": 1, "schema_version": N,
//                      "created_at": "…Z", "tables": [{"table", "rows", "checksum"}…], "search_documents": n}
//   programme.sqlite  the programme as a SQLite database at that schema version
// Why these: tar and gzip open with standard tools everywhere (`tar xzf`), and gzip's CRC-32 and
// length trailer make a truncated or altered file fail to read (zlib is already a dependency). A
// SQLite database keeps every value with its type (BLOBs stay bytes, unlike JSON), is readable by
// any language without fabrique, is a format archives recommend for datasets, and lets both
// directions reuse transfer::copy — the same code as `fabrique copy` — instead of a second
// serialisation of every table.
#pragma once
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/transfer.hpp"

namespace fabrique::storage::bundle {

// A bundle that cannot be read or used; the message says why, for the operator.
class BundleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Manifest {
  int schema_version = 0;
  std::string created_at;  // ISO 8601, UTC
  std::vector<transfer::TableSummary> tables;
  std::int64_t search_documents = 0;  // the full-text index's document count (rebuilt, not checksummed)
};

// Writes the whole programme of `from` (at the current schema version) to the bundle `path`,
// replacing it. Returns the manifest written, whose checksums are those of the bundled copy.
Manifest write(Connection& from, const std::filesystem::path& path);

// A bundle read back: its manifest, and its programme in a temporary SQLite database, removed with
// this object.
class Opened {
 public:
  ~Opened();
  const Manifest& manifest() const { return manifest_; }
  Connection& connection() { return **lease_; }

 private:
  friend std::unique_ptr<Opened> open(const std::filesystem::path& path);
  Opened() = default;
  std::filesystem::path folder_;
  Manifest manifest_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Database::Lease> lease_;
};

// Reads the bundle at `path` and checks it whole: a complete gzip stream, the two members, a
// manifest of a schema no newer than this program's, and every table's count and checksum equal to
// the manifest's. Throws BundleError otherwise. The programme is then migrated to this program's
// schema if it is older.
std::unique_ptr<Opened> open(const std::filesystem::path& path);

}  // namespace fabrique::storage::bundle
