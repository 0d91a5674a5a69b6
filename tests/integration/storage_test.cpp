// The storage interface behaves the same on whichever engine the suite runs (SQLite, or PostgreSQL with
// FABRIQUE_TEST_DATABASE_URL): values, errors, transactions, ids, concurrent migrations, backup.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "integration/site.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/settings.hpp"

namespace fabrique::test {
namespace {

using storage::Blob;
using storage::ConstraintError;
using storage::StorageError;
using storage::Value;

class Storage : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_quiet(true);
    db_ = storage::open(database_.location(), 4);
  }
  void TearDown() override { db_.reset(); }

  TestDatabase database_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(Storage, ReportsItsEngine) {
  const auto expected = database_.is_postgresql() ? storage::Engine::postgresql : storage::Engine::sqlite;
  EXPECT_EQ(db_->engine(), expected);
  EXPECT_EQ(db_->acquire()->engine(), expected);
}

TEST_F(Storage, ValuesRoundTrip) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)");
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  const std::int64_t small = std::numeric_limits<std::int64_t>::min();
  const std::string unicode = "Collectivité — 8.a « ? » 'quoted' \"double\" \\ émoji 🌍";
  const std::string bytes("\0\x01\xff\x7f\\x00'", 8);
  c->execute("INSERT INTO t (i, r, s, b) VALUES (?, ?, ?, ?)", {big, 0.1, unicode, Blob{bytes}});
  c->execute("INSERT INTO t (i, r, s, b) VALUES (?, ?, ?, ?)", {small, -1.5e300, std::string(), Blob{}});
  c->execute("INSERT INTO t (i, r, s, b) VALUES (?, ?, ?, ?)", {nullptr, nullptr, nullptr, nullptr});
  const auto rows = c->query("SELECT i, r, s, b FROM t ORDER BY i");
  ASSERT_EQ(rows.size(), 3u);
  // NULLs sort first on SQLite, last on PostgreSQL: find each row by its integer instead.
  for (const auto& row : rows) {
    if (row.is_null(0)) {
      EXPECT_TRUE(row.is_null(1));
      EXPECT_TRUE(row.is_null(2));
      EXPECT_TRUE(row.is_null(3));
      EXPECT_EQ(row.text(2), "");
    } else if (row.integer(0) == big) {
      EXPECT_EQ(row.real(1), 0.1);
      EXPECT_EQ(row.text(2), unicode);
      EXPECT_EQ(std::get<Blob>(row.value(3)).bytes, bytes);
    } else {
      EXPECT_EQ(row.integer(0), small);
      EXPECT_EQ(row.real(1), -1.5e300);
      EXPECT_EQ(row.text(2), "");
      EXPECT_FALSE(row.is_null(2));  // an empty string is not NULL
      EXPECT_EQ(std::get<Blob>(row.value(3)).bytes, "");
    }
  }
}

TEST_F(Storage, ExpressionsComeBackAsIntegers) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (n INTEGER NOT NULL, flag INTEGER NOT NULL DEFAULT 0)");
  for (std::int64_t n : {1, 2, 3}) c->execute("INSERT INTO t (n, flag) VALUES (?, ?)", {n, std::int64_t{n == 2}});
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 3);
  EXPECT_EQ(c->query_integer("SELECT SUM(n) FROM t"), 6);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t WHERE flag = ?", {std::int64_t{1}}), 1);
  EXPECT_EQ(c->query_integer("SELECT CASE WHEN ? = 1 THEN 10 ELSE 20 END", {std::int64_t{1}}), 10);
  // A comparison is a boolean on PostgreSQL and an integer on SQLite: both read as 0/1.
  const auto row = c->query_one("SELECT n = 2, n > 5 FROM t WHERE n = ?", {std::int64_t{2}});
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->boolean(0));
  EXPECT_FALSE(row->boolean(1));
  // Integers beyond 32 bits: unix seconds after 2038.
  c->execute("INSERT INTO t (n) VALUES (?)", {std::int64_t{4102444800}});
  EXPECT_EQ(c->query_integer("SELECT MAX(n) FROM t"), 4102444800);
  EXPECT_NEAR(c->query_one("SELECT AVG(n) FROM t WHERE n < 4")->real(0), 2.0, 1e-9);
}

TEST_F(Storage, ExecuteCountsChangedRows) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
  EXPECT_EQ(c->execute("INSERT INTO t (n) VALUES (?), (?), (?)", {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}}),
            3);
  EXPECT_EQ(c->execute("UPDATE t SET n = n + 10 WHERE n >= ?", {std::int64_t{2}}), 2);
  EXPECT_EQ(c->execute("UPDATE t SET n = 0 WHERE n = ?", {std::int64_t{99}}), 0);
  EXPECT_EQ(c->execute("SELECT n FROM t"), 0);
  EXPECT_EQ(c->execute("DELETE FROM t"), 3);
}

TEST_F(Storage, ManyDistinctStatementsOutgrowTheStatementCacheAndStillWork) {
  auto c = db_->acquire();
  // More distinct statements than either backend caches, twice over: evicted ones are prepared again.
  for (int round = 0; round < 2; ++round) {
    for (std::int64_t k = 0; k < 300; ++k) {
      EXPECT_EQ(c->query_integer("SELECT ? + " + std::to_string(k), {std::int64_t{1}}), k + 1);
    }
  }
  // The same text with a NULL, then an integer, in the same position.
  EXPECT_TRUE(c->query_one("SELECT COALESCE(?, 7)", {nullptr})->integer(0) == 7);
  EXPECT_TRUE(c->query_one("SELECT COALESCE(?, 7)", {std::int64_t{3}})->integer(0) == 3);
}

TEST_F(Storage, PlaceholdersInsideLiteralsAreNotParameters) {
  auto c = db_->acquire();
  const auto row = c->query_one("SELECT 'why?', ?, 'it''s ?'", {std::string("x")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "why?");
  EXPECT_EQ(row->text(1), "x");
  EXPECT_EQ(row->text(2), "it's ?");
}

TEST_F(Storage, ConstraintViolationsThrowConstraintErrorWithoutTheValues) {
  auto c = db_->acquire();
  c->execute_script(
      "CREATE TABLE parent (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);"
      "CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id))");
  c->execute("INSERT INTO parent (email) VALUES (?)", {std::string("secret@example.org")});
  try {
    c->execute("INSERT INTO parent (email) VALUES (?)", {std::string("secret@example.org")});
    FAIL() << "a duplicate was accepted";
  } catch (const ConstraintError& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
  EXPECT_THROW(c->execute("INSERT INTO child (parent_id) VALUES (?)", {std::int64_t{424242}}), ConstraintError);
  EXPECT_THROW(c->execute("INSERT INTO parent (email) VALUES (?)", {nullptr}), ConstraintError);
}

TEST_F(Storage, BrokenSqlIsAStorageErrorButNotAConstraintError) {
  auto c = db_->acquire();
  try {
    c->query("SELEKT nothing");
    FAIL();
  } catch (const ConstraintError&) {
    FAIL() << "a syntax error is not a constraint violation";
  } catch (const StorageError&) {
  }
  EXPECT_THROW(c->query("SELECT ?", {}), StorageError);  // a placeholder without its value
  // The connection is still usable afterwards.
  EXPECT_EQ(c->query_integer("SELECT 1"), 1);
}

TEST_F(Storage, RolledBackWritesAreGone) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (n INTEGER)");
  {
    storage::Transaction tx(*c, true);
    c->execute("INSERT INTO t (n) VALUES (?)", {std::int64_t{1}});
  }
  {
    storage::Transaction tx(*c, true);
    c->execute("INSERT INTO t (n) VALUES (?)", {std::int64_t{2}});
    tx.commit();
  }
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 1);
  EXPECT_EQ(c->query_integer("SELECT n FROM t"), 2);
}

TEST_F(Storage, AConnectionReturnedInATransactionIsRolledBack) {
  {
    auto c = db_->acquire();
    c->execute_script("CREATE TABLE t (n INTEGER)");
  }
  {
    auto c = db_->acquire();
    c->begin(true);
    c->execute("INSERT INTO t (n) VALUES (?)", {std::int64_t{1}});
  }  // returned without commit
  auto c = db_->acquire();
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 0);
  storage::Transaction tx(*c, true);  // and it can begin again
  tx.commit();
}

TEST_F(Storage, MigratedIdsContinueAfterTheSeededOnes) {
  auto c = db_->acquire();
  storage::migrate(*c);
  const std::int64_t seeded = c->query_integer("SELECT MAX(id) FROM organisation_kinds");
  const auto id = c->query_one("INSERT INTO organisation_kinds (slug, label, position) VALUES (?, ?, ?) RETURNING id",
                               {std::string("test"), std::string("Test"), std::int64_t{99}});
  ASSERT_TRUE(id);
  EXPECT_EQ(id->integer(0), seeded + 1);
}

TEST_F(Storage, ConcurrentMigrationsApplyEachMigrationOnce) {
  // Several nodes starting at once, each with a pool of its own.
  constexpr int kNodes = 4;
  std::vector<int> applied(kNodes, -1);
  std::vector<std::string> errors(kNodes);
  std::vector<std::thread> nodes;
  for (int i = 0; i < kNodes; ++i) {
    nodes.emplace_back([&, i] {
      try {
        auto db = storage::open(database_.location(), 1);
        auto c = db->acquire();
        applied[i] = storage::migrate(*c);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& t : nodes) t.join();
  int total = 0;
  for (int i = 0; i < kNodes; ++i) {
    EXPECT_EQ(errors[i], "") << "node " << i;
    total += applied[i];
  }
  const int known = static_cast<int>(storage::known_migrations().size());
  EXPECT_EQ(total, known);
  auto c = db_->acquire();
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM schema_migrations"), known);
  EXPECT_TRUE(storage::is_up_to_date(*c));
}

TEST_F(Storage, BackupWritesANewFileAndRefusesAnExistingOne) {
  {
    auto c = db_->acquire();
    storage::migrate(*c);
  }
  const std::filesystem::path target = database_.scratch() / "backup.dump";
  db_->backup(target.string());
  ASSERT_TRUE(std::filesystem::exists(target));
  EXPECT_GT(std::filesystem::file_size(target), 0u);
  if (database_.is_postgresql()) {
    std::ifstream in(target, std::ios::binary);
    std::string magic(5, '\0');
    in.read(magic.data(), 5);
    EXPECT_EQ(magic, "PGDMP");  // pg_dump's custom format, for pg_restore
  }
  EXPECT_THROW(db_->backup(target.string()), StorageError);
}

TEST_F(Storage, AnAbortedTransactionDoesNotCommit) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (n INTEGER NOT NULL UNIQUE)");
  storage::Transaction tx(*c, true);
  c->execute("INSERT INTO t (n) VALUES (?)", {std::int64_t{1}});
  EXPECT_THROW(c->execute("INSERT INTO t (n) VALUES (?)", {std::int64_t{1}}), ConstraintError);
  if (database_.is_postgresql()) {
    // PostgreSQL aborts the whole transaction on an error: committing must say so, not pretend.
    EXPECT_THROW(tx.commit(), StorageError);
    EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 0);
  } else {
    // SQLite undoes the failed statement only.
    tx.commit();
    EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 1);
  }
}

// The database of `database` opened with `connections` connections, the tables its statements read
// and write learned (storage/changes.hpp), as `fabrique serve` does.
std::unique_ptr<storage::Database> learned(const TestDatabase& database, int connections) {
  auto db = storage::open(database.location(), connections);
  auto c = db->acquire();
  storage::migrate(*c);  // a no-op when already migrated
  db->changes().learn(*c);
  return db;
}

// A change stamps the tables it wrote, and only those, and only when it changed rows: the pages that
// read other tables stay cached (storage/changes.hpp), on either engine.
TEST(Changes, AChangeStampsOnlyTheTablesItChangedRowsOf) {
  log::set_quiet(true);
  TestDatabase database(TestDatabase::Schema::migrated);
  auto db = learned(database, 2);
  auto c = db->acquire();  // a lease starts with nothing read or written
  const storage::Tables users = db->changes().tables_of("SELECT 1 FROM users").reads;
  const storage::Tables organisations = db->changes().tables_of("SELECT 1 FROM organisations").reads;
  ASSERT_TRUE(users.any());
  ASSERT_TRUE(organisations.any());

  c->execute("UPDATE organisations SET name = name WHERE id = -1");
  EXPECT_TRUE(c->writes.none()) << "an UPDATE that matched no row changed nothing";
  const auto before = db->changes().snapshot(*c);
  storage::record_changes(*c);
  EXPECT_EQ(db->changes().snapshot(*c)->version, before->version) << "nothing written: nothing stamped";

  c->query(
      "INSERT INTO users (email, email_key, name, password_hash, role, show_name, created_at, updated_at) "
      "VALUES ('stamp@example.org', 'stamp@example.org', 'Stamp', 'x', 'member', 1, 0, 0) RETURNING id");
  EXPECT_EQ(db->changes().names(c->writes.tables), std::vector<std::string>{"users"});
  storage::record_changes(*c);
  EXPECT_TRUE(c->writes.none());
  const auto after = db->changes().snapshot(*c);
  EXPECT_GT(after->version, before->version);
  EXPECT_FALSE(after->unchanged_since(users, before->version)) << "a page that read users is rendered again";
  EXPECT_TRUE(after->unchanged_since(organisations, before->version)) << "one that read organisations is kept";

  // Another database's connection (another node) sees the same stamps.
  auto other = storage::open(database.location(), 1);
  auto o = other->acquire();
  other->changes().learn(*o);
  EXPECT_FALSE(other->changes().snapshot(*o)->unchanged_since(users, before->version));
}

// A write transaction stamps what it changed as it commits, in the same commit: another node sees the
// change and its stamp together, with no record_changes() after; one rolled back stamps nothing; a
// connection that gathers its stamps itself (the mail sender) is left to do so.
TEST(Changes, AWriteTransactionStampsItsChangeInItsOwnCommit) {
  log::set_quiet(true);
  TestDatabase database(TestDatabase::Schema::migrated);
  auto db = learned(database, 2);
  auto other = learned(database, 1);  // another node
  const storage::Tables users = db->changes().tables_of("SELECT 1 FROM users").reads;
  auto o = other->acquire();
  const std::int64_t start = other->changes().snapshot(*o)->version;
  auto c = db->acquire();
  auto add_user = [&](const std::string& email) {
    c->execute(
        "INSERT INTO users (email, email_key, name, password_hash, role, show_name, created_at, updated_at) "
        "VALUES (?, ?, 'Stamp', 'x', 'member', 1, 0, 0)",
        {email, email});
  };
  {
    storage::Transaction tx(*c, true);
    add_user("rolled-back@example.org");
  }  // rolled back
  EXPECT_EQ(other->changes().snapshot(*o)->version, start) << "nothing committed: nothing stamped";
  {
    storage::Transaction tx(*c, true);
    add_user("committed@example.org");
    tx.commit();
  }
  EXPECT_TRUE(c->writes.none()) << "stamped with its commit";
  EXPECT_TRUE(c->changed);
  const auto seen = other->changes().snapshot(*o);
  EXPECT_EQ(seen->version, start + 1) << "one version for the change and its stamp";
  EXPECT_FALSE(seen->unchanged_since(users, start)) << "another node renders again the pages that read users";

  // A Rows alive around the commit may still be given keys: its rows are stamped when it has ended.
  const std::int64_t user = c->query_integer("SELECT id FROM users WHERE email = 'committed@example.org'");
  c->execute("INSERT INTO notifications (user_id, message, created_at) VALUES (?, 'Bonjour', 0)", {user});
  storage::record_changes(*c);
  const std::int64_t before_read = other->changes().snapshot(*o)->version;
  {
    storage::Transaction tx(*c, true);
    storage::Rows theirs(*c, "notifications");
    c->execute("UPDATE notifications SET read_at = 1 WHERE user_id = ?", {user});
    tx.commit();
    theirs.add(user);
  }
  EXPECT_EQ(other->changes().snapshot(*o)->version, before_read) << "not stamped without its rows";
  storage::record_changes(*c);
  const auto read = other->changes().snapshot(*o);
  EXPECT_EQ(read->version, before_read + 1);
  EXPECT_EQ(read->rows->at({static_cast<std::uint32_t>(db->changes().keyed_index("notifications").value()), 0, user}),
            read->version)
      << "its rows stamped once it ended";

  c->stamp_at_commit = false;
  const std::int64_t before_gathered = read->version;
  {
    storage::Transaction tx(*c, true);
    add_user("gathered@example.org");
    tx.commit();
  }
  EXPECT_FALSE(c->writes.none()) << "left to the caller";
  EXPECT_EQ(other->changes().snapshot(*o)->version, before_gathered);
  storage::record_changes(*c);
  EXPECT_EQ(other->changes().snapshot(*o)->version, before_gathered + 1);
}

// The data version a request read as it began serves its memos and snapshot of stamps, until the
// connection writes: what it wrote is then seen, never hidden behind the version it began at.
TEST(Changes, TheVersionARequestBeganAtLastsUntilItWrites) {
  log::set_quiet(true);
  TestDatabase database(TestDatabase::Schema::migrated);
  auto db = learned(database, 2);
  auto c = db->acquire();
  const std::int64_t start = storage::settings::data_version(*c);
  c->known_version = start;
  {
    auto writer = db->acquire();  // another request's change meanwhile
    storage::Transaction tx(*writer, true);
    writer->execute("UPDATE organisations SET name = name");
    writer->execute(
        "INSERT INTO users (email, email_key, name, password_hash, role, show_name, created_at, updated_at) "
        "VALUES ('other@example.org', 'other@example.org', 'Other', 'x', 'member', 1, 0, 0)");
    tx.commit();
  }
  EXPECT_EQ(storage::settings::data_version(*c), start) << "the request goes on at the version it began at";
  EXPECT_EQ(db->changes().snapshot(*c)->version >= start, true);
  {
    storage::Transaction tx(*c, true);
    c->execute(
        "INSERT INTO users (email, email_key, name, password_hash, role, show_name, created_at, updated_at) "
        "VALUES ('own@example.org', 'own@example.org', 'Own', 'x', 'member', 1, 0, 0)");
    EXPECT_FALSE(c->known_version) << "forgotten as it writes";
    tx.commit();
  }
  EXPECT_EQ(storage::settings::data_version(*c), start + 2) << "its own change and the other's are seen";
  auto next = db->acquire();
  EXPECT_FALSE(next->known_version) << "a lease begins without one";
}

// On SQLite the data version is read again only once something was committed, by any connection of any
// process (the database's commit mark, Connection::commit_mark): a cached page's check then runs no
// statement, and never misses a commit, not even one by another program.
TEST(Changes, TheDataVersionIsReadAgainOnceAnyoneCommitted) {
  log::set_quiet(true);
  TestDatabase database(TestDatabase::Schema::migrated);
  if (database.is_postgresql()) GTEST_SKIP() << "PostgreSQL gives no commit mark: the version is read every time";
  auto db = learned(database, 2);
  const storage::Tables version_table = db->changes().tables_of("SELECT 1 FROM data_version").reads;
  ASSERT_TRUE(version_table.any());
  // The version a new request reads (no version known yet), and whether it ran a statement for it.
  auto read = [&] {
    auto c = db->acquire();
    c->reads.reset();
    const std::int64_t version = storage::settings::data_version(*c);
    return std::pair{version, (c->reads.tables & version_table).any()};
  };
  const std::int64_t start = read().first;
  EXPECT_EQ(read(), std::pair(start, false)) << "nothing committed since: no statement";

  {  // a commit on another of this process's connections (another Database: another node's pool)
    auto other = learned(database, 1);
    auto o = other->acquire();
    storage::Transaction tx(*o, true);
    o->execute("UPDATE data_version SET version = version + 1 WHERE id = 1");
    tx.commit();
  }
  const std::int64_t after_node =
      storage::open(database.location(), 1)->acquire()->query_integer("SELECT version FROM data_version WHERE id = 1");
  ASSERT_GT(after_node, start);
  EXPECT_EQ(read(), std::pair(after_node, true));
  EXPECT_EQ(read(), std::pair(after_node, false));

  // A commit by another process: the sqlite3 command-line program.
  const std::string command =
      "sqlite3 '" + database.location() + "' 'UPDATE data_version SET version = version + 5 WHERE id = 1'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  EXPECT_EQ(read(), std::pair(after_node + 5, true));
  EXPECT_EQ(read(), std::pair(after_node + 5, false));

  // A commit that leaves the version as it was still makes it read again.
  ASSERT_EQ(
      std::system(
          ("sqlite3 '" + database.location() + "' \"INSERT INTO settings (key, value) VALUES ('k', 'v')\"").c_str()),
      0);
  EXPECT_EQ(read(), std::pair(after_node + 5, true));

  // Inside a transaction the database is read as it was when it began: no mark, the statement.
  auto c = db->acquire();
  storage::Transaction tx(*c, false);
  c->query_integer("SELECT COUNT(*) FROM organisations");
  EXPECT_FALSE(c->commit_mark());
  c->reads.reset();
  EXPECT_EQ(storage::settings::data_version(*c), after_node + 5);
  EXPECT_TRUE((c->reads.tables & version_table).any());
}

// A change that names the rows it touched (storage::Rows: a registration names its event) renders again
// the pages that read those rows or the whole table, and keeps those that read other rows; a change
// that does not name them renders every reader again. On either engine, and seen by another node.
TEST(Changes, AChangeThatNamesItsRowsKeepsThePagesThatReadOtherRows) {
  log::set_quiet(true);
  TestDatabase database(TestDatabase::Schema::migrated);
  auto db = learned(database, 2);
  auto other = learned(database, 1);  // another node
  auto c = db->acquire();
  const std::int64_t user = c->query_integer(
      "INSERT INTO users (email, email_key, name, password_hash, role, show_name, created_at, updated_at) "
      "VALUES ('rows@example.org', 'rows@example.org', 'Rows', 'x', 'member', 1, 0, 0) RETURNING id");
  auto event = [&](const std::string& slug) {
    return c->query_integer(
        "INSERT INTO events (slug, kind_id, title, starts_at, ends_at, created_at, updated_at) "
        "VALUES (?, (SELECT MIN(id) FROM event_kinds), ?, 0, 3600, 0, 0) RETURNING id",
        {slug, slug});
  };
  const std::int64_t first = event("premier"), second = event("second");
  storage::record_changes(*c);

  // What pages read: the first event's registrations, the second's, and all of them.
  auto read_rows = [&](std::int64_t id) {
    c->reads.reset();
    {
      storage::Rows rows(*c, "registrations", id);
      c->query("SELECT COUNT(*) FROM registrations WHERE event_id = ?", {id});
    }
    EXPECT_FALSE(c->reads.tables.test(*db->changes().keyed_index("registrations")))
        << "read by its rows, not as a whole";
    return c->reads;
  };
  const storage::Reads of_first = read_rows(first), of_second = read_rows(second);
  c->reads.reset();
  c->query("SELECT COUNT(*) FROM registrations");
  const storage::Reads all = c->reads;
  ASSERT_TRUE(all.tables.any());
  const auto before = db->changes().snapshot(*c);
  const auto before_elsewhere = other->changes().snapshot(*other->acquire());

  {
    storage::Rows rows(*c, "registrations", first);
    c->execute("INSERT INTO registrations (event_id, user_id, status, created_at) VALUES (?, ?, 'registered', 0)",
               {first, user});
  }
  EXPECT_TRUE(c->writes.whole.none()) << "the change named its rows";
  storage::record_changes(*c);
  for (const auto& now : {db->changes().snapshot(*c), other->changes().snapshot(*other->acquire())}) {
    EXPECT_FALSE(now->unchanged_since(of_first, before->version)) << "the event registered to";
    EXPECT_TRUE(now->unchanged_since(of_second, before->version)) << "another event's page was rendered again";
    EXPECT_FALSE(now->unchanged_since(all, before->version)) << "a page counting every registration";
  }
  EXPECT_EQ(before_elsewhere->version, before->version) << "the other node read its stamps before the change";

  // Without naming its rows, a change renders every reader again.
  const auto named = db->changes().snapshot(*c);
  c->execute("UPDATE registrations SET attended = 1 WHERE event_id = ?", {first});
  EXPECT_TRUE(c->writes.whole.any());
  storage::record_changes(*c);
  EXPECT_FALSE(db->changes().snapshot(*c)->unchanged_since(of_second, named->version));
  EXPECT_FALSE(other->changes().snapshot(*other->acquire())->unchanged_since(of_second, named->version));

  // A read by rows that found none (no key added) still depends on the changes that name no rows.
  c->reads.reset();
  {
    storage::Rows none(*c, "registrations");
    c->query("SELECT COUNT(*) FROM registrations WHERE event_id = -1");
  }
  const storage::Reads of_none = c->reads;
  EXPECT_TRUE(of_none.rows.empty());
  EXPECT_FALSE(of_none.tables.test(*db->changes().keyed_index("registrations")));

  // A Rows given no key leaves a write to the whole table; only keyed tables take one.
  const auto unnamed = db->changes().snapshot(*c);
  {
    storage::Rows rows(*c, "registrations");
    c->execute("UPDATE registrations SET attended = 0 WHERE event_id = ?", {first});
  }
  storage::record_changes(*c);
  EXPECT_FALSE(db->changes().snapshot(*c)->unchanged_since(of_second, unnamed->version));
  EXPECT_FALSE(db->changes().snapshot(*c)->unchanged_since(of_none, unnamed->version));
  EXPECT_THROW(storage::Rows(*c, "users", user), std::logic_error);
  EXPECT_THROW(storage::Rows(*c, "registrations", "user_id"), std::logic_error) << "not a key of registrations";

  // Past kMaxRowsPerTable rows of one table (an export), a page depends on the whole table instead.
  const auto table = static_cast<std::uint32_t>(*db->changes().keyed_index("registrations"));
  storage::Reads many;
  for (std::int64_t id = 0; id <= static_cast<std::int64_t>(storage::Reads::kMaxRowsPerTable); ++id)
    many.rows.push_back({table, 0, id % 2 == 0 ? id : -id});
  storage::Reads few;
  few.rows = {{table, 0, 2}, {table, 0, -1}, {table, 0, 2}};
  few.normalize();
  EXPECT_EQ(few.rows.size(), 2u) << "each once";
  EXPECT_EQ(few.rows.front().id, -1) << "sorted";
  EXPECT_FALSE(few.tables.test(table));
  many.normalize();
  EXPECT_TRUE(many.rows.empty());
  EXPECT_TRUE(many.tables.test(table));
}

// What many pages show of the whole programme is computed once per change of what it read, shared by
// the connections of one database, and never served once that moved on.
TEST(Memos, AValueIsComputedAgainOnlyOnceATableItReadChangedAndPerDatabase) {
  log::set_quiet(true);
  TestDatabase first_database(TestDatabase::Schema::migrated), second_database(TestDatabase::Schema::migrated);
  auto first = storage::open(first_database.location(), 2);
  auto second = storage::open(second_database.location(), 2);
  for (auto* db : {first.get(), second.get()}) storage::migrate(*db->acquire());  // a no-op when already migrated
  int computed = 0;
  auto count = [&](storage::Database& db) {
    auto c = db.acquire();
    storage::Transaction tx(*c, false);
    return storage::settings::memo<std::int64_t>(*c, "test.count", [&] {
      ++computed;
      return c->query_integer("SELECT COUNT(*) FROM users");
    });
  };
  EXPECT_EQ(count(*first), 0);
  EXPECT_EQ(count(*first), 0);
  EXPECT_EQ(computed, 1) << "the second view computed it again";

  {
    auto c = first->acquire();
    c->execute(
        "INSERT INTO users (email, email_key, name, password_hash, role, show_name, created_at, updated_at) "
        "VALUES ('memo@example.org', 'memo@example.org', 'Memo', 'x', 'member', 1, 0, 0)");
    EXPECT_EQ(count(*first), 0) << "a change outside the site shows within kMaxAge, not at once";
    storage::record_changes(*c);
  }
  EXPECT_EQ(count(*first), 1) << "the data moved on: the value must be computed again";
  EXPECT_EQ(computed, 2);

  EXPECT_EQ(count(*second), 0) << "another database's value was served";
  EXPECT_EQ(computed, 3);

  // Once the schema's tables are known, a change elsewhere keeps the value; a change to what it read
  // does not.
  first->changes().learn(*first->acquire());
  auto change = [&](const std::string& sql) {
    auto c = first->acquire();
    c->execute(sql);
    storage::record_changes(*c);
  };
  change("INSERT INTO settings (key, value) VALUES ('memo.test', 'x')");
  EXPECT_EQ(count(*first), 1);
  EXPECT_EQ(computed, 4) << "computed before the tables were known, it did not say what it read";
  change("UPDATE settings SET value = 'y' WHERE key = 'memo.test'");
  EXPECT_EQ(count(*first), 1);
  EXPECT_EQ(computed, 4) << "a change to a table it did not read computed it again";
  change("UPDATE users SET name = 'Memo 2' WHERE email = 'memo@example.org'");
  EXPECT_EQ(count(*first), 1);
  EXPECT_EQ(computed, 5) << "a change to a table it read did not compute it again";
}

}  // namespace
}  // namespace fabrique::test
