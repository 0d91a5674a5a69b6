// Whole-database copy and checksums (storage/transfer): a SQLite programme copied to the suite's engine arrives whole,
// with the same sums, and keeps working.
#include "storage/transfer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "demo/demo.hpp"
#include "integration/site.hpp"
#include "search/search.hpp"
#include "storage/dialect.hpp"
#include "storage/migrations.hpp"

namespace fabrique::test {
namespace {

namespace transfer = storage::transfer;

std::vector<storage::Migration> migrations(std::vector<std::pair<std::string, std::string>> files) {
  std::vector<storage::Migration> out;
  int version = 0;
  for (auto& [name, sql] : files) out.push_back({++version, name, sql});
  return out;
}

TEST(Transfer, TablesAreListedInTheOrderTheMigrationsCreateThem) {
  auto list = transfer::tables_in_migration_order(migrations({
      {"0001_a.sql",
       "-- CREATE TABLE in_a_comment (x INTEGER);\n"
       "CREATE TABLE parents (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'CREATE TABLE fake (x)');\n"
       "CREATE TABLE IF NOT EXISTS \"children\" (parent_id INTEGER REFERENCES parents(id));\n"
       "CREATE TABLE old_name (x INTEGER); CREATE TABLE gone (x INTEGER);"},
      {"0002_b.sql",
       "CREATE VIRTUAL TABLE search USING fts5(body);\n"
       "ALTER TABLE old_name RENAME TO new_name;\n"
       "/* DROP TABLE parents; */ DROP TABLE IF EXISTS gone;\n"
       "create table later (x integer);"},
  }));
  EXPECT_EQ(list, (std::vector<std::string>{"parents", "children", "new_name", "later"}));
}

TEST(Transfer, AFullTextIndexIsNotListedEvenWhereAnEngineMakesItAnOrdinaryTable) {
  auto list = transfer::tables_in_migration_order(migrations({
      {"0001_a.sql",
       "CREATE TABLE docs (id INTEGER PRIMARY KEY);\n"
       "-- engine: sqlite\nCREATE VIRTUAL TABLE docs_fts USING fts5 (body);\n"
       "-- engine: postgresql\nCREATE TABLE docs_fts (rowid BIGINT PRIMARY KEY, terms TSVECTOR);\n"
       "-- engine: all\nCREATE TABLE after (x INTEGER);"},
  }));
  EXPECT_EQ(list, (std::vector<std::string>{"docs", "after"}));
  const auto real = transfer::tables_in_migration_order();
  EXPECT_EQ(std::count(real.begin(), real.end(), "search_fts"), 0);
  EXPECT_EQ(std::count(real.begin(), real.end(), "search_documents"), 1);
}

TEST(Transfer, EveryTableOfTheRealMigrationsIsListedOnceWithoutTheBookkeepingTable) {
  auto list = transfer::tables_in_migration_order();
  EXPECT_EQ(list.front(), "settings");
  for (const char* t : {"users", "sessions", "sign_in_failures", "coalitions", "booklet_revisions", "data_version"})
    EXPECT_EQ(std::count(list.begin(), list.end(), t), 1) << t;
  EXPECT_EQ(std::count(list.begin(), list.end(), "schema_migrations"), 0);
  // A table comes after those its foreign keys point to.
  auto at = [&](const char* t) { return std::find(list.begin(), list.end(), t) - list.begin(); };
  EXPECT_LT(at("users"), at("sessions"));
  EXPECT_LT(at("coalitions"), at("booklet_revisions"));
  EXPECT_LT(at("booklet_revisions"), at("booklet_revision_sections"));
}

class TransferOnEngine : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_quiet(true);
    target_ = storage::open(target_db_.location(), 2);
  }
  void TearDown() override { target_.reset(); }

  // The demo programme in a SQLite file of its own (the source of every copy here).
  std::unique_ptr<storage::Database> demo_source() {
    auto source = storage::open((scratch_.path / "source.db").string(), 1);
    auto c = source->acquire();
    storage::migrate(*c);
    demo::load(*c);
    return source;
  }

  // The demo programme copied from its own SQLite file into the suite's freshly migrated database.
  struct Copied {
    std::unique_ptr<storage::Database> source;
    storage::Database::Lease from, to;
    std::vector<transfer::TableShape> shapes;
  };
  Copied copied_demo() {
    auto source = demo_source();
    auto from = source->acquire();
    Copied d{std::move(source), std::move(from), target_->acquire(), {}};
    storage::migrate(*d.to);
    d.shapes = transfer::common_shapes(*d.from, *d.to);
    transfer::copy(*d.from, *d.to, d.shapes);
    return d;
  }

  struct Scratch {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("fabrique-transfer-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    Scratch() { std::filesystem::create_directories(path); }
    ~Scratch() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
    static inline std::atomic<int> counter{0};
  };

  Scratch scratch_;
  TestDatabase target_db_;
  std::unique_ptr<storage::Database> target_;
};

TEST_F(TransferOnEngine, TheDemoCopiedFromSqliteHasTheSameCountsAndChecksums) {
  auto source = demo_source();
  auto from = source->acquire();
  auto to = target_->acquire();
  storage::migrate(*to);
  EXPECT_TRUE(transfer::tables_with_data(*to).empty()) << "a freshly migrated database holds no programme";
  const auto shapes = transfer::common_shapes(*from, *to);
  transfer::copy(*from, *to, shapes);
  const auto a = transfer::summarise_all(*from, shapes);
  const auto b = transfer::summarise_all(*to, shapes);
  ASSERT_EQ(a.size(), b.size());
  std::int64_t rows = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].table, b[i].table);
    EXPECT_EQ(a[i].rows, b[i].rows) << a[i].table;
    EXPECT_EQ(a[i].checksum, b[i].checksum) << a[i].table;
    rows += a[i].rows;
  }
  EXPECT_GT(rows, 100);
  EXPECT_FALSE(transfer::tables_with_data(*to).empty());
}

TEST_F(TransferOnEngine, TheCopyGivesThePlannerItsStatisticsAtOnce) {
  auto copied = copied_demo();
  auto& to = copied.to;
  if (to->engine() == storage::Engine::sqlite) {
    EXPECT_GT(to->query_integer("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'coalitions'"), 0);
  } else {
    // ANALYZE's statistics (pg_stats) and a VACUUM, which also sets the visibility map that index-only
    // scans need: both done by the copy, not left to autovacuum (pg_stat_user_tables records each run).
    EXPECT_GT(to->query_integer("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'coalitions'"), 0);
    EXPECT_EQ(to->query_integer("SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = 'coalitions' AND "
                                "last_vacuum IS NOT NULL AND last_analyze IS NOT NULL"),
              1);
  }
}

TEST_F(TransferOnEngine, NewRowsAfterACopyGetIdsPastTheCopiedOnes) {
  auto copied = copied_demo();
  auto& c = copied.to;
  const std::int64_t max_id = c->query_integer("SELECT MAX(id) FROM users");
  accounts::SignUpInput in;
  in.email = "after-copy@example.org";
  in.name = "After Copy";
  in.password = in.password_confirmation = "un mot de passe solide";
  auto r = accounts::sign_up(*c, in, std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  ASSERT_TRUE(r.user.has_value());
  EXPECT_GT(r.user->id, max_id);
}

TEST_F(TransferOnEngine, AChecksumChangesWithAnyValueButNotWithInsertionOrder) {
  auto c = target_->acquire();
  c->execute_script("CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER, b BLOB)");
  const transfer::TableShape shape{"t", {"k", "n", "b"}, {"k"}};
  c->execute("INSERT INTO t (k, n, b) VALUES (?, ?, ?)",
             {std::string("é"), std::int64_t{1}, storage::Blob{"\x00\x01"}});
  c->execute("INSERT INTO t (k, n, b) VALUES (?, ?, ?)", {std::string("Z"), nullptr, storage::Blob{""}});
  const auto first = transfer::summarise(*c, shape);
  EXPECT_EQ(first.rows, 2);
  EXPECT_EQ(first.checksum.size(), 64u);
  c->execute("DELETE FROM t");
  c->execute("INSERT INTO t (k, n, b) VALUES (?, ?, ?)", {std::string("Z"), nullptr, storage::Blob{""}});
  c->execute("INSERT INTO t (k, n, b) VALUES (?, ?, ?)",
             {std::string("é"), std::int64_t{1}, storage::Blob{"\x00\x01"}});
  EXPECT_EQ(transfer::summarise(*c, shape).checksum, first.checksum);
  c->execute("UPDATE t SET n = 2 WHERE k = ?", {std::string("é")});
  EXPECT_NE(transfer::summarise(*c, shape).checksum, first.checksum);
  c->execute("UPDATE t SET n = 1, b = ? WHERE k = ?", {storage::Blob{""}, std::string("Z")});
  c->execute("UPDATE t SET n = 1 WHERE k = ?", {std::string("é")});
  EXPECT_NE(transfer::summarise(*c, shape).checksum, first.checksum) << "NULL and 1 differ";
}

TEST_F(TransferOnEngine, ACopyReplacesWhatTheTargetHeldInOneTransaction) {
  auto copied = copied_demo();
  auto &from = copied.from, &to = copied.to;
  const auto& shapes = copied.shapes;
  to->execute("UPDATE users SET name = 'Changed on the target'");
  transfer::copy(*from, *to, shapes);  // --force
  EXPECT_EQ(to->query_integer("SELECT COUNT(*) FROM users WHERE name = 'Changed on the target'"), 0);
  EXPECT_EQ(transfer::summarise_all(*from, shapes).size(), transfer::summarise_all(*to, shapes).size());
}

// The refs found for `text` by an animateur (who sees every document), sorted: each engine ranks in
// its own way, so only the set of documents found is compared.
std::vector<std::string> found(storage::Connection& c, const std::string& text) {
  search::Viewer animateur;
  animateur.animateur = true;
  std::vector<std::string> refs;
  for (std::int64_t page = 1;; ++page) {
    const search::Results r = search::find(c, animateur, {text, "", page});
    for (const auto& h : r.hits) refs.push_back(h.type + "/" + h.ref);
    if (page >= r.pages) break;
  }
  std::sort(refs.begin(), refs.end());
  return refs;
}

TEST_F(TransferOnEngine, TheSearchFindsTheSameDocumentsOnTheCopyAndAfterCopyingItBackToSqlite) {
  auto copied = copied_demo();
  auto &from = copied.from, &to = copied.to;
  const std::int64_t indexed = transfer::full_text_rows(*from);
  EXPECT_GT(indexed, 10);
  EXPECT_EQ(transfer::full_text_rows(*to), indexed);
  // Back from the suite's engine (PostgreSQL's tsvectors, when it runs there) to a new SQLite file.
  auto back_db = storage::open((scratch_.path / "back.db").string(), 1);
  auto back = back_db->acquire();
  storage::migrate(*back);
  transfer::copy(*to, *back, transfer::common_shapes(*to, *back));
  EXPECT_EQ(transfer::full_text_rows(*back), indexed);
  std::vector<std::string> queries{"coalition", "coal", "atelier", "énergie"};
  for (const auto& row : from->query("SELECT title FROM search_documents ORDER BY id LIMIT 5"))
    queries.push_back(row.text(0));
  int finding = 0;
  for (const std::string& q : queries) {
    const auto expected = found(*from, q);
    if (!expected.empty()) ++finding;
    EXPECT_EQ(found(*to, q), expected) << q;
    EXPECT_EQ(found(*back, q), expected) << q;
  }
  EXPECT_GE(finding, 5);
  // The copy keeps indexing: a document indexed afterwards is found.
  search::Document d;
  d.type = "resource";
  d.ref = "apres-la-copie";
  d.title = "Xylophones après la copie";
  d.url = "/ressources/apres-la-copie";
  search::index(*to, d);
  EXPECT_EQ(found(*to, "xylophones"), (std::vector<std::string>{"resource/apres-la-copie"}));
}

TEST_F(TransferOnEngine, TheDataVersionMovesPastWhatNodesMayHaveCached) {
  auto c = target_->acquire();
  storage::migrate(*c);
  c->execute("UPDATE data_version SET version = 41");
  transfer::bump_data_version(*c, 7);
  EXPECT_EQ(transfer::data_version(*c), 42);
  transfer::bump_data_version(*c, 100);
  EXPECT_EQ(transfer::data_version(*c), 101);
}

}  // namespace
}  // namespace fabrique::test
