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
  if (c.known_version) return *c.known_version;
  // Nothing committed since the version was last read (the database's commit mark unchanged, on
  // SQLite): it still holds, without a statement. The mark is read before the version, so that a
  // commit in between leaves a mark that no later one equals.
  const std::optional<CommitMark> mark = c.changes != nullptr ? c.commit_mark() : std::nullopt;
  if (mark)
    if (auto version = c.changes->version_at(*mark)) return *version;
  const std::int64_t version = c.query_integer("SELECT version FROM data_version WHERE id = 1");
  if (mark) c.changes->remember_version(*mark, version);
  return version;
}

}  // namespace fabrique::storage::settings
