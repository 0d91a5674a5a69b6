// Specification of schema migrations: validation of the numbering, ordered and idempotent application, rollback of a
// failure.
#include "storage/migrations.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "common/log.hpp"
#include "common/resources.hpp"
#include "storage/database.hpp"

namespace fabrique::storage {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards, so tests never see each other's files.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("fabrique-migrations-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

class Migrations : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_quiet(true);
    db_ = open(dir_.file("test.db"), 2);
  }
  void TearDown() override { log::set_quiet(false); }

  std::int64_t count_tables(Connection& c, const std::string& name) {
    return c.query_integer("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", {name});
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

std::vector<Migration> three() {
  return {
      {1, "0001_people.sql", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"},
      // Depends on the first: only works if applied after it.
      {2, "0002_seed.sql",
       "INSERT INTO people (id, name) VALUES (1, 'Ada'); INSERT INTO people (id, name) VALUES (2, 'Grace');"},
      {3, "0003_pets.sql", "CREATE TABLE pets (person_id INTEGER NOT NULL REFERENCES people(id));"},
  };
}

std::string error_of(auto&& action) {
  try {
    action();
  } catch (const StorageError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST_F(Migrations, SchemaVersionIsZeroOnAnEmptyDatabaseAndCreatesNothing) {
  auto c = db_->acquire();
  EXPECT_EQ(schema_version(*c), 0);
  EXPECT_EQ(count_tables(*c, "schema_migrations"), 0);
  EXPECT_FALSE(is_up_to_date(*c, three()));
  EXPECT_TRUE(is_up_to_date(*c, {}));
}

TEST_F(Migrations, AppliesAllInOrderAndRecordsThem) {
  auto c = db_->acquire();
  const auto before = std::chrono::system_clock::now();
  EXPECT_EQ(migrate(*c, three()), 3);
  EXPECT_EQ(schema_version(*c), 3);
  EXPECT_TRUE(is_up_to_date(*c, three()));
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM people"), 2);
  EXPECT_EQ(count_tables(*c, "pets"), 1);

  const std::vector<Row> rows = c->query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_EQ(rows.size(), 3u);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(before.time_since_epoch()).count();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].integer(0), static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(rows[i].text(1), three()[i].name);
    EXPECT_GE(rows[i].integer(2), seconds);
    EXPECT_LE(rows[i].integer(2), seconds + 60);
  }
}

TEST_F(Migrations, SecondRunAppliesNothing) {
  auto c = db_->acquire();
  EXPECT_EQ(migrate(*c, three()), 3);
  EXPECT_EQ(migrate(*c, three()), 0);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM people"), 2);  // the seed ran once
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM schema_migrations"), 3);
}

TEST_F(Migrations, AppliesOnlyTheNewOnes) {
  auto c = db_->acquire();
  auto list = three();
  auto first_two = std::vector<Migration>(list.begin(), list.begin() + 2);
  EXPECT_EQ(migrate(*c, first_two), 2);
  EXPECT_FALSE(is_up_to_date(*c, list));
  EXPECT_EQ(migrate(*c, list), 1);
  EXPECT_EQ(schema_version(*c), 3);
  EXPECT_TRUE(is_up_to_date(*c, list));
}

TEST_F(Migrations, FailingMigrationLeavesNothingOfItApplied) {
  auto c = db_->acquire();
  auto list = three();
  // Its first statement succeeds, its second fails: the first must be undone too.
  list.push_back({4, "0004_broken.sql", "CREATE TABLE toys (x INTEGER); INSERT INTO missing VALUES (1);"});
  const std::string message = error_of([&] { migrate(*c, list); });
  EXPECT_NE(message.find("0004_broken.sql"), std::string::npos) << message;
  EXPECT_NE(message.find("no such table: missing"), std::string::npos) << message;
  EXPECT_EQ(schema_version(*c), 3);
  EXPECT_EQ(count_tables(*c, "toys"), 0);
  EXPECT_FALSE(is_up_to_date(*c, list));
  // Fixed, it applies on the next run.
  list.back().sql = "CREATE TABLE toys (x INTEGER);";
  EXPECT_EQ(migrate(*c, list), 1);
  EXPECT_TRUE(is_up_to_date(*c, list));
}

TEST_F(Migrations, ParseSortsFilesByVersion) {
  const resources::Resource files[] = {
      {"0002_b.sql", "SELECT 2;"},
      {"0001_a.sql", "SELECT 1;"},
      {"0003_c_d.sql", "SELECT 3;"},
  };
  const std::vector<Migration> list = parse_migrations(files);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].version, 1);
  EXPECT_EQ(list[0].name, "0001_a.sql");
  EXPECT_EQ(list[0].sql, "SELECT 1;");
  EXPECT_EQ(list[1].name, "0002_b.sql");
  EXPECT_EQ(list[2].name, "0003_c_d.sql");
  EXPECT_TRUE(parse_migrations({}).empty());
}

TEST_F(Migrations, RefusesAGapInTheNumberingNamingTheFile) {
  const resources::Resource files[] = {{"0001_a.sql", ""}, {"0003_c.sql", ""}};
  const std::string message = error_of([&] { parse_migrations(files); });
  EXPECT_NE(message.find("0003_c.sql"), std::string::npos) << message;
  EXPECT_NE(message.find("0002"), std::string::npos) << message;
}

TEST_F(Migrations, RefusesDuplicateNumbersNamingBothFiles) {
  const resources::Resource files[] = {{"0001_a.sql", ""}, {"0002_b.sql", ""}, {"0002_c.sql", ""}};
  const std::string message = error_of([&] { parse_migrations(files); });
  EXPECT_NE(message.find("0002_b.sql"), std::string::npos) << message;
  EXPECT_NE(message.find("0002_c.sql"), std::string::npos) << message;
}

TEST_F(Migrations, RefusesNumberingThatDoesNotStartAtOne) {
  const resources::Resource from_two[] = {{"0002_b.sql", ""}};
  EXPECT_NE(error_of([&] { parse_migrations(from_two); }).find("0002_b.sql"), std::string::npos);
  const resources::Resource from_zero[] = {{"0000_a.sql", ""}, {"0001_b.sql", ""}};
  EXPECT_NE(error_of([&] { parse_migrations(from_zero); }).find("0000_a.sql"), std::string::npos);
}

TEST_F(Migrations, RefusesMalformedFileNames) {
  for (const char* name : {"1_a.sql", "00001_a.sql", "0001-a.sql", "0001_A.sql", "0001_a.txt", "0001_.sql",
                           "0001_a b.sql", "abcd_a.sql", "0001_a.sql.bak", "README"}) {
    const resources::Resource files[] = {{name, ""}};
    const std::string message = error_of([&] { parse_migrations(files); });
    EXPECT_NE(message.find(name), std::string::npos) << name << ": " << message;
  }
}

TEST_F(Migrations, MigrateRefusesAnInvalidListBeforeTouchingTheDatabase) {
  auto c = db_->acquire();
  std::vector<Migration> gap = three();
  gap.erase(gap.begin() + 1);
  EXPECT_NE(error_of([&] { migrate(*c, gap); }).find("0003_pets.sql"), std::string::npos);
  std::vector<Migration> duplicate = three();
  duplicate[2] = {2, "0002_again.sql", "SELECT 1;"};
  EXPECT_NE(error_of([&] { migrate(*c, duplicate); }).find("0002_again.sql"), std::string::npos);
  std::vector<Migration> mislabelled = three();
  mislabelled[0].version = 7;
  EXPECT_THROW(migrate(*c, mislabelled), StorageError);
  EXPECT_THROW(is_up_to_date(*c, gap), StorageError);
  EXPECT_EQ(count_tables(*c, "schema_migrations"), 0);
  EXPECT_EQ(count_tables(*c, "people"), 0);
}

TEST_F(Migrations, RefusesADatabaseWhoseHistoryDiffers) {
  auto c = db_->acquire();
  migrate(*c, three());
  auto renamed = three();
  renamed[1].name = "0002_other_seed.sql";
  const std::string message = error_of([&] { migrate(*c, renamed); });
  EXPECT_NE(message.find("0002_seed.sql"), std::string::npos) << message;
  EXPECT_NE(message.find("0002_other_seed.sql"), std::string::npos) << message;
}

TEST_F(Migrations, ConcurrentRunsApplyEachMigrationOnce) {
  std::vector<Migration> list;
  for (int v = 1; v <= 8; ++v) {
    char name[32];
    std::snprintf(name, sizeof name, "%04d_step.sql", v);
    list.push_back({v, name, "CREATE TABLE step_" + std::to_string(v) + " (x INTEGER);"});
  }
  std::atomic<int> applied{0};
  std::vector<std::thread> runners;
  for (int i = 0; i < 2; ++i) {
    runners.emplace_back([&] {
      auto c = db_->acquire();
      applied += migrate(*c, list);
    });
  }
  for (auto& r : runners) r.join();
  EXPECT_EQ(applied.load(), 8);
  auto c = db_->acquire();
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM schema_migrations"), 8);
}

TEST_F(Migrations, EmbeddedMigrationsApplyCleanlyOnAFreshDatabase) {
  const std::vector<Migration> known = known_migrations();
  ASSERT_FALSE(known.empty());
  EXPECT_EQ(known.front().name, "0001_accounts.sql");
  auto c = db_->acquire();
  EXPECT_FALSE(is_up_to_date(*c));
  EXPECT_EQ(migrate(*c), static_cast<int>(known.size()));
  EXPECT_TRUE(is_up_to_date(*c));
  EXPECT_EQ(schema_version(*c), static_cast<int>(known.size()));
  EXPECT_EQ(migrate(*c), 0);
  EXPECT_EQ(c->query_one("PRAGMA integrity_check")->text(0), "ok");
  EXPECT_TRUE(c->query("PRAGMA foreign_key_check").empty());
}

TEST_F(Migrations, EmbeddedSchemaSeedsTheOrganisationKinds) {
  auto c = db_->acquire();
  migrate(*c);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"entreprise", "Entreprise"},
      {"pme-eti", "PME / ETI"},
      {"association-tech", "Association tech"},
      {"association", "Association non-tech"},
      {"collectivite", "Collectivité / territoire"},
      {"administration", "Administration"},
      {"recherche", "Recherche / enseignement"},
      {"international", "Acteur international"},
      {"civic-tech", "Civic tech"},
      {"media", "Média"},
      {"syndicat", "Syndicat"},
      {"autre", "Autre"},
  };
  const std::vector<Row> rows = c->query("SELECT slug, label, position FROM organisation_kinds ORDER BY position");
  ASSERT_EQ(rows.size(), expected.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].text(0), expected[i].first);
    EXPECT_EQ(rows[i].text(1), expected[i].second);
    EXPECT_EQ(rows[i].integer(2), static_cast<std::int64_t>(i + 1));
  }
}

TEST_F(Migrations, EmbeddedSchemaEnforcesItsConstraints) {
  auto c = db_->acquire();
  migrate(*c);
  const std::string insert_user =
      "INSERT INTO users (email, email_key, name, password_hash, role, created_at, updated_at) "
      "VALUES (?, ?, 'Ada', 'hash', ?, 0, 0) RETURNING id";
  const std::int64_t ada =
      c->query_one(insert_user, {std::string("Ada@Example.org"), std::string("ada@example.org"), std::string("member")})
          ->integer(0);
  // Unique addresses whatever their case, known roles only.
  EXPECT_THROW(
      c->execute(insert_user, {std::string("ADA@example.org"), std::string("ada@example.org"), std::string("member")}),
      ConstraintError);
  EXPECT_THROW(
      c->execute(insert_user, {std::string("b@example.org"), std::string("b@example.org"), std::string("admin")}),
      ConstraintError);
  // Organisations need an existing kind and a case-insensitively unique name.
  const std::string insert_organisation =
      "INSERT INTO organisations (slug, name, name_key, kind_id, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0) "
      "RETURNING id";
  const std::int64_t org = c->query_one(insert_organisation, {std::string("acme"), std::string("Acme"),
                                                              std::string("acme"), std::int64_t{1}})
                               ->integer(0);
  EXPECT_THROW(c->execute(insert_organisation,
                          {std::string("acme-2"), std::string("ACME"), std::string("acme"), std::int64_t{1}}),
               ConstraintError);
  EXPECT_THROW(c->execute(insert_organisation,
                          {std::string("other"), std::string("Other"), std::string("other"), std::int64_t{99}}),
               ConstraintError);
  // Deleting a user takes its memberships and sessions with it.
  c->execute("INSERT INTO user_organisations (user_id, organisation_id, created_at) VALUES (?, ?, 0)", {ada, org});
  c->execute(
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES ('h', ?, 0, 1, 0)",
      {ada});
  c->execute("DELETE FROM users WHERE id = ?", {ada});
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM user_organisations"), 0);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM organisations"), 1);
}

}  // namespace
}  // namespace fabrique::storage
