// Numbered, append-only schema migrations (migrations/NNNN_name.sql), each applied in its own transaction.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "common/resources.hpp"
#include "storage/database.hpp"

namespace fabrique::storage {

struct Migration {
  int version;       // NNNN from the file name
  std::string name;  // file name
  std::string sql;
};

// The migrations compiled into this binary, in order. Throws if two files share a number
// or the numbers have a gap (append-only history).
std::vector<Migration> known_migrations();

// The highest version recorded in the database (0 for an empty database).
int schema_version(Connection& c);

// Applies every migration newer than the database's version, each in one transaction, and
// records it. Returns how many were applied. Idempotent: a second call applies none.
int migrate(Connection& c);

// True when the database has every migration of this binary.
bool is_up_to_date(Connection& c);

// The same operations on a given list, so that tests can feed their own migrations.
// parse_migrations checks names (NNNN_name.sql), duplicates and gaps, and sorts by version;
// the other two also refuse a list that is not numbered 1, 2, 3... in order.
std::vector<Migration> parse_migrations(std::span<const resources::Resource> files);
int migrate(Connection& c, const std::vector<Migration>& migrations);
bool is_up_to_date(Connection& c, const std::vector<Migration>& migrations);

}  // namespace fabrique::storage
