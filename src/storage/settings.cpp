// SQL for the site's secret keys and data version (storage/settings.hpp).
#include "storage/settings.hpp"

namespace fabrique::storage::settings {

std::string value_or_create(Database& db, std::string_view key, const std::string& fresh) {
  auto c = db.acquire();
  Transaction tx(*c, true);
  c->execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", {std::string(key), fresh});
  auto value = c->query_one("SELECT value FROM settings WHERE key = ?", {std::string(key)})->text(0);
  tx.commit();
  return value;
}

std::int64_t data_version(Connection& c) {
  return c.known_version ? *c.known_version : c.query_integer("SELECT version FROM data_version WHERE id = 1");
}

}  // namespace fabrique::storage::settings
