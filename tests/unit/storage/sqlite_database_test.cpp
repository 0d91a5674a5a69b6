// Specification of the SQLite backend: value round-trips, errors, transactions, the pool and online backup.
#include "storage/sqlite/sqlite_database.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "storage/database.hpp"
#include "storage/sqlite/kept_map.hpp"

namespace fabrique::storage {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A fresh directory per test, removed afterwards, so tests never see each other's files.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("fabrique-sqlite-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
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

class SqliteDatabase : public ::testing::Test {
 protected:
  void SetUp() override { db_ = open(dir_.file("test.db"), 4); }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

template <class T>
T expect_alternative(const Value& v) {
  EXPECT_TRUE(std::holds_alternative<T>(v));
  return std::holds_alternative<T>(v) ? std::get<T>(v) : T{};
}

TEST_F(SqliteDatabase, ConnectionsUseWalForeignKeysBusyTimeoutAndNormalSync) {
  auto c = db_->acquire();
  EXPECT_EQ(c->query_one("PRAGMA journal_mode")->text(0), "wal");
  EXPECT_EQ(c->query_integer("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(c->query_integer("PRAGMA busy_timeout"), 5000);
  EXPECT_EQ(c->query_integer("PRAGMA synchronous"), 1);  // NORMAL
  EXPECT_EQ(c->engine(), Engine::sqlite);
  EXPECT_EQ(db_->engine(), Engine::sqlite);
}

TEST_F(SqliteDatabase, CreatesTheMissingParentDirectory) {
  const std::string nested = dir_.file("a/b/c/nested.db");
  auto db = open(nested, 1);
  EXPECT_TRUE(fs::exists(nested));
}

TEST_F(SqliteDatabase, RoundTripsEveryValueType) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)");
  const std::string binary(
      "\0\x01\xff"
      "abc\0",
      7);
  const std::string text = "Collectivité / territoire — ünïcode";
  const auto big = std::numeric_limits<std::int64_t>::max();
  const auto small = std::numeric_limits<std::int64_t>::min();
  c->execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", {big, 3.25, text, Blob{binary}, nullptr});
  c->execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", {small, -0.5, std::string(), Blob{}, nullptr});

  const std::vector<Row> rows = c->query("SELECT i, r, s, b, n FROM t ORDER BY i DESC");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(expect_alternative<std::int64_t>(rows[0].value(0)), big);
  EXPECT_EQ(expect_alternative<double>(rows[0].value(1)), 3.25);
  EXPECT_EQ(expect_alternative<std::string>(rows[0].value(2)), text);
  EXPECT_EQ(expect_alternative<Blob>(rows[0].value(3)).bytes, binary);
  EXPECT_TRUE(rows[0].is_null(4));

  EXPECT_EQ(expect_alternative<std::int64_t>(rows[1].value(0)), small);
  EXPECT_EQ(expect_alternative<double>(rows[1].value(1)), -0.5);
  // Empty values stay empty values, not NULL.
  EXPECT_EQ(expect_alternative<std::string>(rows[1].value(2)), "");
  EXPECT_EQ(expect_alternative<Blob>(rows[1].value(3)).bytes, "");
  EXPECT_EQ(rows[1].size(), 5u);
}

// each_row hands the rows of a read one at a time, in order, with their parameters bound, the same
// rows query() returns; a broken statement throws as query() does.
TEST_F(SqliteDatabase, EachRowHandsTheRowsOfQueryOneAtATime) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (i INTEGER, s TEXT)");
  for (std::int64_t i = 1; i <= 1000; ++i) c->execute("INSERT INTO t VALUES (?, ?)", {i, "row " + std::to_string(i)});
  const std::string sql = "SELECT i, s FROM t WHERE i > ? ORDER BY i DESC";
  std::vector<std::pair<std::int64_t, std::string>> seen, want;
  c->each_row(sql, {std::int64_t{10}}, [&](const Row& r) { seen.emplace_back(r.integer(0), r.text(1)); });
  for (const auto& r : c->query(sql, {std::int64_t{10}})) want.emplace_back(r.integer(0), r.text(1));
  ASSERT_EQ(seen.size(), 990u);
  EXPECT_EQ(seen, want);
  EXPECT_EQ(seen.front(), std::make_pair(std::int64_t{1000}, std::string("row 1000")));
  EXPECT_THROW(c->each_row("SELECT nope FROM t", {}, [](const Row&) {}), StorageError);
}

TEST_F(SqliteDatabase, RowAccessorsReadTypedValues) {
  auto c = db_->acquire();
  const Row row = *c->query_one("SELECT 42, 1.5, 'x', NULL, 0, 7");
  EXPECT_EQ(row.integer(0), 42);
  EXPECT_EQ(row.real(1), 1.5);
  EXPECT_EQ(row.real(5), 7.0);  // a whole number may come back as an integer
  EXPECT_EQ(row.text(2), "x");
  EXPECT_EQ(row.text(3), "");
  EXPECT_EQ(row.optional_text(2), std::optional<std::string>("x"));
  EXPECT_EQ(row.optional_text(3), std::nullopt);
  EXPECT_EQ(row.optional_integer(0), std::optional<std::int64_t>(42));
  EXPECT_EQ(row.optional_integer(3), std::nullopt);
  EXPECT_TRUE(row.boolean(0));
  EXPECT_FALSE(row.boolean(4));
}

TEST_F(SqliteDatabase, RowAccessorsRefuseAMismatchedTypeNamingTheColumn) {
  auto c = db_->acquire();
  const Row row = *c->query_one("SELECT 1, 'text', 2.5, NULL, x'00'");
  auto message_of = [](auto&& read) -> std::string {
    try {
      read();
    } catch (const StorageError& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_EQ(message_of([&] { row.integer(1); }), "column 1: expected an integer, found text");
  EXPECT_EQ(message_of([&] { row.integer(2); }), "column 2: expected an integer, found a real");
  EXPECT_EQ(message_of([&] { row.integer(3); }), "column 3: expected an integer, found NULL");
  EXPECT_EQ(message_of([&] { row.text(0); }), "column 0: expected text, found an integer");
  EXPECT_EQ(message_of([&] { row.text(4); }), "column 4: expected text, found a blob");
  EXPECT_EQ(message_of([&] { row.real(1); }), "column 1: expected a real, found text");
  EXPECT_EQ(message_of([&] { row.optional_integer(1); }), "column 1: expected an integer, found text");
  EXPECT_THROW(row.integer(9), StorageError);
}

TEST_F(SqliteDatabase, QueryOneAndQueryIntegerAreConveniences) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (x INTEGER)");
  EXPECT_EQ(c->query_one("SELECT x FROM t"), std::nullopt);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 0);
  EXPECT_THROW(c->query_integer("SELECT x FROM t"), StorageError);  // no row
  EXPECT_THROW(c->query_integer("SELECT 1, 2"), StorageError);      // two columns
}

TEST_F(SqliteDatabase, ExecuteReturnsTheNumberOfChangedRows) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (x INTEGER)");
  EXPECT_EQ(c->execute("INSERT INTO t VALUES (1), (2), (3)"), 3);
  EXPECT_EQ(c->execute("UPDATE t SET x = x + 10 WHERE x >= ?", {std::int64_t{2}}), 2);
  EXPECT_EQ(c->execute("SELECT * FROM t"), 0);
  EXPECT_EQ(c->execute("DELETE FROM t"), 3);
}

TEST_F(SqliteDatabase, QueryReturnsRowsOfInsertReturning) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)");
  const Row row = *c->query_one("INSERT INTO t (x) VALUES (?) RETURNING id", {std::string("a")});
  EXPECT_EQ(row.integer(0), 1);
}

TEST_F(SqliteDatabase, UniqueViolationThrowsConstraintError) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (email TEXT UNIQUE)");
  c->execute("INSERT INTO t VALUES (?)", {std::string("a@example.org")});
  EXPECT_THROW(c->execute("INSERT INTO t VALUES (?)", {std::string("a@example.org")}), ConstraintError);
}

TEST_F(SqliteDatabase, ForeignKeyViolationThrowsConstraintError) {
  auto c = db_->acquire();
  c->execute_script(
      "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
      "CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id));");
  EXPECT_THROW(c->execute("INSERT INTO child VALUES (?)", {std::int64_t{99}}), ConstraintError);
}

TEST_F(SqliteDatabase, ErrorMessagesNeverContainBoundValues) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (secret TEXT UNIQUE CHECK (length(secret) < 30))");
  const std::string secret = "correct-horse-battery-staple";
  c->execute("INSERT INTO t VALUES (?)", {secret});
  try {
    c->execute("INSERT INTO t VALUES (?)", {secret});
    FAIL() << "no error";
  } catch (const ConstraintError& e) {
    EXPECT_EQ(std::string(e.what()).find(secret), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("UNIQUE"), std::string::npos) << e.what();
  }
  const std::string long_secret(40, 's');
  try {
    c->execute("INSERT INTO t VALUES (?)", {long_secret});
    FAIL() << "no error";
  } catch (const ConstraintError& e) {
    EXPECT_EQ(std::string(e.what()).find(long_secret), std::string::npos) << e.what();
  }
}

TEST_F(SqliteDatabase, BrokenSqlThrowsStorageErrorThatIsNotAConstraintError) {
  auto c = db_->acquire();
  try {
    c->query("SELEC 1");
    FAIL() << "no error";
  } catch (const ConstraintError&) {
    FAIL() << "a syntax error is not a constraint error";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
  }
  EXPECT_THROW(c->execute_script("CREATE TABLE"), StorageError);
}

TEST_F(SqliteDatabase, RefusesAWrongNumberOfParameters) {
  auto c = db_->acquire();
  EXPECT_THROW(c->query("SELECT ?, ?", {std::int64_t{1}}), StorageError);
  EXPECT_THROW(c->query("SELECT 1", {std::int64_t{1}}), StorageError);
  // The statement stays usable once given the right values.
  EXPECT_EQ(c->query_one("SELECT ?, ?", {std::int64_t{1}, std::int64_t{2}})->integer(1), 2);
}

TEST_F(SqliteDatabase, RefusesSeveralStatementsOutsideExecuteScript) {
  auto c = db_->acquire();
  EXPECT_THROW(c->execute("CREATE TABLE a (x INTEGER); CREATE TABLE b (x INTEGER)"), StorageError);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('a', 'b')"), 0);
  EXPECT_EQ(c->query_integer("SELECT 1;"), 1);  // a trailing semicolon is fine
}

TEST_F(SqliteDatabase, StatementCacheStaysBoundedAndCorrect) {
  auto lease = db_->acquire();
  auto& c = static_cast<sqlite::SqliteConnection&>(*lease);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(c.query_integer("SELECT " + std::to_string(i)), i);
    EXPECT_LE(c.cached_statements(), sqlite::SqliteConnection::kStatementCacheSize);
  }
  EXPECT_EQ(c.query_integer("SELECT 0"), 0);      // evicted long ago, prepared again
  EXPECT_EQ(c.query_integer("SELECT 199"), 199);  // still cached
}

TEST_F(SqliteDatabase, TransactionRollsBackOnScopeExit) {
  auto c = db_->acquire();
  c->execute_script("CREATE TABLE t (x INTEGER)");
  {
    Transaction tx(*c, true);
    c->execute("INSERT INTO t VALUES (1)");
  }
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 0);
  try {
    Transaction tx(*c, true);
    c->execute("INSERT INTO t VALUES (1)");
    throw std::runtime_error("use case failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 0);
  {
    Transaction tx(*c, true);
    c->execute("INSERT INTO t VALUES (1)");
    tx.commit();
  }
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 1);
}

TEST_F(SqliteDatabase, WriteTransactionTakesTheWriteLockAtOnce) {
  auto a = db_->acquire();
  auto b = db_->acquire();
  a->execute_script("CREATE TABLE t (x INTEGER)");
  Transaction read(*b, false);  // deferred: takes no lock, so it does not block the writer
  Transaction write(*a, true);
  a->execute("INSERT INTO t VALUES (1)");
  write.commit();
  EXPECT_EQ(b->query_integer("SELECT COUNT(*) FROM t"), 1);
}

TEST_F(SqliteDatabase, HeldReadsSeeOneSnapshotUntilTheirOwnWriteEndsThem) {
  auto a = db_->acquire();
  auto b = db_->acquire();
  a->execute_script("CREATE TABLE t (x INTEGER)");
  a->execute("INSERT INTO t VALUES (1)");
  {
    HeldReads held(*a);
    EXPECT_EQ(a->query_integer("SELECT COUNT(*) FROM t"), 1);
    b->execute("INSERT INTO t VALUES (2)");
    EXPECT_EQ(a->query_integer("SELECT COUNT(*) FROM t"), 1);  // the page's snapshot
    // Writing from that older snapshot would fail (SQLITE_BUSY_SNAPSHOT): the write ends the reads.
    EXPECT_EQ(a->execute("INSERT INTO t VALUES (3)"), 1);
    EXPECT_EQ(a->query_integer("SELECT COUNT(*) FROM t"), 3);
    b->execute("INSERT INTO t VALUES (4)");
    EXPECT_EQ(a->query_integer("SELECT COUNT(*) FROM t"), 4);  // statement by statement again
  }
  EXPECT_FALSE(static_cast<sqlite::SqliteConnection&>(*a).in_transaction());
}

TEST_F(SqliteDatabase, AReadTransactionJoinsHeldReadsAndAWriteTransactionEndsThem) {
  auto a = db_->acquire();
  auto b = db_->acquire();
  a->execute_script("CREATE TABLE t (x INTEGER)");
  HeldReads held(*a);
  EXPECT_EQ(a->query_integer("SELECT COUNT(*) FROM t"), 0);
  {
    Transaction read(*a, false);  // joins: its end (a rollback) leaves the page's snapshot alone
    b->execute("INSERT INTO t VALUES (1)");
  }
  EXPECT_EQ(a->query_integer("SELECT COUNT(*) FROM t"), 0);
  {
    Transaction write(*a, true);  // takes the write lock as of now, not from the page's snapshot
    EXPECT_EQ(a->query_integer("SELECT COUNT(*) FROM t"), 1);
    a->execute("INSERT INTO t VALUES (2)");
    write.commit();
  }
  EXPECT_FALSE(static_cast<sqlite::SqliteConnection&>(*a).in_transaction());
  EXPECT_EQ(b->query_integer("SELECT COUNT(*) FROM t"), 2);
}

TEST_F(SqliteDatabase, PoolReusesAReleasedConnection) {
  Connection* first = nullptr;
  {
    auto c = db_->acquire();
    first = &*c;
  }
  auto again = db_->acquire();
  EXPECT_EQ(&*again, first);
}

TEST_F(SqliteDatabase, PoolServesManyThreadsWithoutExceedingItsSize) {
  constexpr int kPoolSize = 3, kThreads = 8, kWrites = 40;
  auto db = open(dir_.file("pool.db"), kPoolSize);
  db->acquire()->execute_script("CREATE TABLE t (thread INTEGER, n INTEGER)");
  std::atomic<int> leased{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0; n < kWrites; ++n) {
        auto c = db->acquire();
        const int now = ++leased;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        Transaction tx(*c, true);
        c->execute("INSERT INTO t VALUES (?, ?)", {std::int64_t{t}, std::int64_t{n}});
        tx.commit();
        --leased;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(most.load(), kPoolSize);
  EXPECT_GE(most.load(), 1);
  EXPECT_EQ(db->acquire()->query_integer("SELECT COUNT(*) FROM t"), kThreads * kWrites);
}

TEST_F(SqliteDatabase, PoolBlocksUntilAConnectionIsReleased) {
  auto db = open(dir_.file("one.db"), 1);
  auto held = std::make_unique<Database::Lease>(db->acquire());
  std::atomic<bool> got{false};
  std::thread waiter([&] {
    auto c = db->acquire();
    got = true;
  });
  std::this_thread::sleep_for(100ms);
  EXPECT_FALSE(got.load());
  held.reset();
  waiter.join();
  EXPECT_TRUE(got.load());
}

TEST_F(SqliteDatabase, PoolRollsBackATransactionLeftOpenBeforeReuse) {
  auto db = open(dir_.file("one.db"), 1);
  db->acquire()->execute_script("CREATE TABLE t (x INTEGER)");
  {
    auto c = db->acquire();
    c->begin(true);
    c->execute("INSERT INTO t VALUES (1)");
    // No commit, no rollback: the lease goes back with the transaction open.
  }
  auto c = db->acquire();
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM t"), 0);
  Transaction tx(*c, true);  // would fail if a transaction were still open
  tx.commit();
}

TEST_F(SqliteDatabase, LeaseMoveAssignmentReturnsTheReplacedConnectionToThePool) {
  auto db = open(dir_.file("two.db"), 2);
  Database::Lease a = db->acquire();
  Database::Lease b = db->acquire();
  a = std::move(b);  // a's first connection goes back to the pool
  std::promise<void> acquired;
  std::thread other([&] {
    auto c = db->acquire();
    acquired.set_value();
  });
  const bool in_time = acquired.get_future().wait_for(2s) == std::future_status::ready;
  if (!in_time) {
    Database::Lease release_it = std::move(a);  // unblock the thread before failing
  }
  other.join();
  EXPECT_TRUE(in_time);
}

TEST_F(SqliteDatabase, BackupProducesAReadableConsistentCopyWhileAnotherConnectionWrites) {
  db_->acquire()->execute_script("CREATE TABLE t (x INTEGER, pad TEXT)");
  std::atomic<bool> stop{false};
  std::atomic<int> pairs{0};
  // Rows are written in pairs, one pair per transaction: a consistent copy always holds an even count.
  std::thread writer([&] {
    auto c = db_->acquire();
    while (!stop) {
      Transaction tx(*c, true);
      c->execute("INSERT INTO t VALUES (?, ?)", {std::int64_t{1}, std::string(500, 'p')});
      c->execute("INSERT INTO t VALUES (?, ?)", {std::int64_t{2}, std::string(500, 'p')});
      tx.commit();
      ++pairs;
    }
  });
  while (pairs < 200) std::this_thread::sleep_for(1ms);
  const std::string target = dir_.file("backups/copy.db");
  db_->backup(target);
  const int pairs_after = pairs;
  stop = true;
  writer.join();

  ASSERT_TRUE(fs::exists(target));
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  auto copy = open(target, 1);
  auto c = copy->acquire();
  EXPECT_EQ(c->query_one("PRAGMA integrity_check")->text(0), "ok");
  const std::int64_t rows = c->query_integer("SELECT COUNT(*) FROM t");
  EXPECT_EQ(rows % 2, 0);
  EXPECT_GE(rows, 2 * 200);
  EXPECT_LE(rows, 2 * (pairs_after + 1));
}

TEST_F(SqliteDatabase, BackupWorksWhileTheCallerHoldsThePoolsOnlyConnection) {
  auto db = open(dir_.file("one.db"), 1);
  auto c = db->acquire();
  c->execute_script("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);");
  db->backup(dir_.file("copy.db"));
  EXPECT_EQ(open(dir_.file("copy.db"), 1)->acquire()->query_integer("SELECT x FROM t"), 7);
}

TEST_F(SqliteDatabase, BackupRefusesAnExistingTarget) {
  const std::string target = dir_.file("existing.db");
  std::ofstream(target) << "precious";
  try {
    db_->backup(target);
    FAIL() << "no error";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
  }
  std::ifstream in(target);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "precious");
}

// The kept map (storage/sqlite/kept_map.hpp): one memory map of the file for every connection, kept
// across commits, through which readers always see the last commit, while the file grows and shrinks.

// `rows` rows of 500 bytes, checkpointed into the file, so that reads go through the map.
void fill_and_checkpoint(Connection& c, int rows) {
  c.execute_script("CREATE TABLE t (x INTEGER PRIMARY KEY, pad TEXT)");
  Transaction tx(c, true);
  for (int i = 0; i < rows; ++i) c.execute("INSERT INTO t (pad) VALUES (?)", {std::string(500, 'a')});
  tx.commit();
  c.execute_script("PRAGMA wal_checkpoint(TRUNCATE)");
}

TEST_F(SqliteDatabase, ConnectionsShareOneMapOfTheFileThatOutlivesTheirCommits) {
  const std::int64_t before = sqlite::kept_maps_made();
  auto db = open(dir_.file("map.db"), 2);
  fill_and_checkpoint(*db->acquire(), 300);
  auto writer = db->acquire();
  auto reader = db->acquire();
  for (int round = 1; round <= 20; ++round) {
    writer->execute("UPDATE t SET pad = ? WHERE x % 20 = ?", {std::string(500, 'b'), std::int64_t{round % 20}});
    Transaction tx(*reader, false);
    EXPECT_EQ(reader->query_integer("SELECT COUNT(*) FROM t WHERE pad LIKE 'b%'"), 15 * round);
    EXPECT_EQ(reader->query_integer("SELECT SUM(LENGTH(pad)) FROM t"), 300 * 500);
  }
  EXPECT_EQ(sqlite::kept_maps_made() - before, 1) << "one map for the file, made once";
  EXPECT_EQ(reader->query_integer("PRAGMA mmap_size"), std::int64_t{1} << 30);
}

TEST_F(SqliteDatabase, ReadersThroughTheKeptMapSeeEveryCommitWhileTheFileGrowsAndShrinks) {
  auto db = open(dir_.file("map.db"), 4);
  {
    auto c = db->acquire();
    fill_and_checkpoint(*c, 200);
    c->execute_script(
        "CREATE TABLE totals (rows INTEGER, bytes INTEGER, version INTEGER);"
        "INSERT INTO totals SELECT COUNT(*), SUM(LENGTH(pad)), 0 FROM t;");
  }
  constexpr int kCommits = 300;
  std::atomic<std::int64_t> committed{0};
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  // Each commit adds a row and the totals in one transaction; every 20th checkpoints the WAL into the
  // file (which grows), and one in the middle deletes most rows and vacuums (the file shrinks).
  std::thread writer([&] {
    auto c = db->acquire();
    for (std::int64_t v = 1; v <= kCommits; ++v) {
      {
        Transaction tx(*c, true);
        const std::string pad(100 + (v * 37) % 3000, 'w');
        c->execute("INSERT INTO t (pad) VALUES (?)", {pad});
        c->execute("UPDATE totals SET rows = rows + 1, bytes = bytes + ?, version = ?",
                   {static_cast<std::int64_t>(pad.size()), v});
        tx.commit();
      }
      if (v == kCommits / 2) {
        Transaction tx(*c, true);
        c->execute("DELETE FROM t WHERE x % 10 <> 0");
        c->execute("UPDATE totals SET rows = (SELECT COUNT(*) FROM t), bytes = (SELECT SUM(LENGTH(pad)) FROM t)");
        tx.commit();
        c->execute_script("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);");
      } else if (v % 20 == 0) {
        c->execute_script("PRAGMA wal_checkpoint(PASSIVE)");
      }
      committed = v;
    }
    done = true;
  });
  // Readers: the totals always match the rows they sum, and no reader ever sees an older version
  // than one acknowledged before its read began.
  auto read = [&] {
    auto c = db->acquire();
    std::int64_t last = 0;
    while (!done) {
      const std::int64_t acknowledged = committed;
      Transaction tx(*c, false);
      const auto totals = c->query_one("SELECT rows, bytes, version FROM totals");
      const auto sums = c->query_one("SELECT COUNT(*), COALESCE(SUM(LENGTH(pad)), 0) FROM t");
      if (!totals || !sums || totals->integer(0) != sums->integer(0) || totals->integer(1) != sums->integer(1) ||
          totals->integer(2) < acknowledged || totals->integer(2) < last)
        ++failures;
      if (totals) last = totals->integer(2);
    }
  };
  std::thread first(read);
  std::thread second(read);
  writer.join();
  first.join();
  second.join();
  EXPECT_EQ(failures, 0);
  auto c = db->acquire();
  EXPECT_EQ(c->query_one("PRAGMA integrity_check")->text(0), "ok");
  EXPECT_EQ(c->query_integer("SELECT version FROM totals"), kCommits);
}

TEST_F(SqliteDatabase, ConnectionsKeepTheirLockOnTheFileWhileTheyReadThroughTheMap) {
  // POSIX locks belong to a process and a file: closing any descriptor of the file would drop them
  // all, and another process could then take the file from under the open connections.
  const std::string path = dir_.file("map.db");
  auto db = open(path, 2);
  fill_and_checkpoint(*db->acquire(), 50);
  const std::string leave_wal =
      "sqlite3 -cmd '.timeout 100' '" + path + "' 'PRAGMA journal_mode=DELETE' >/dev/null 2>&1";
  {
    auto a = db->acquire();
    auto b = db->acquire();
    EXPECT_EQ(a->query_integer("SELECT COUNT(*) FROM t"), 50);
    EXPECT_EQ(b->query_integer("SELECT COUNT(*) FROM t"), 50);
    EXPECT_NE(std::system(leave_wal.c_str()), 0) << "another process left WAL mode under open connections";
  }
  db.reset();
  EXPECT_EQ(std::system(leave_wal.c_str()), 0) << "the check itself is broken: it fails with no connection open";
}

TEST(SqliteStorageOpen, HandsPostgresqlUrlsToPostgresqlWithoutEchoingThePassword) {
  // Port 1 on the loopback refuses at once: the URL reached libpq, not SQLite (no file was created).
  for (const char* url :
       {"postgresql://fabrique:s3cret@127.0.0.1:1/fabrique", "postgres://fabrique:s3cret@127.0.0.1:1/fabrique"}) {
    try {
      open(url, 2);
      FAIL() << "no error";
    } catch (const StorageError& e) {
      EXPECT_TRUE(std::string(e.what()).starts_with("PostgreSQL: cannot connect")) << e.what();
      EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
    }
  }
}

TEST(SqliteStorageOpen, RefusesAnInMemoryDatabaseAndABadPoolSize) {
  EXPECT_THROW(open(":memory:", 1), StorageError);
  EXPECT_THROW(open("", 1), StorageError);
  TempDir dir;
  EXPECT_THROW(open(dir.file("x.db"), 0), StorageError);
}

TEST(SqliteStorageOpen, ReportsAFileThatCannotBeOpened) {
  TempDir dir;
  // A directory where the file should be: opening must fail here, not on first use.
  fs::create_directories(dir.file("taken.db"));
  EXPECT_THROW(open(dir.file("taken.db"), 1), StorageError);
}

}  // namespace
}  // namespace fabrique::storage
