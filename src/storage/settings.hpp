// The site's own state kept in the database: its secret keys (table settings) and the version of
// its data (table data_version) that shared cached pages are checked against.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace fabrique::storage::settings {

// The value stored under `key`, or `fresh` stored and returned when there is none yet. In one write
// transaction, so that nodes starting together all end up with the first value written.
std::string value_or_create(Database& db, std::string_view key, const std::string& fresh);

// The version of the site's data: it moves on with every change made through the site.
std::int64_t data_version(Connection& c);

// Moves the version on, in its own write transaction. Throws storage::Unavailable when the database
// cannot take the write now.
void move_data_version(Connection& c);

}  // namespace fabrique::storage::settings
