// The engines' full-text query strings and the engine blocks of migration scripts.
#include <gtest/gtest.h>

#include "storage/dialect.hpp"

namespace fabrique::storage::dialect {
namespace {

TEST(FullText, SqliteQueryQuotesEveryWordAndStarsTheLast) {
  EXPECT_EQ(match_query(Engine::sqlite, {"commun", "numer"}, true), R"("commun" "numer"*)");
  EXPECT_EQ(match_query(Engine::sqlite, {"commun"}, false), R"("commun")");
  EXPECT_EQ(match_query(Engine::sqlite, {"a\"b"}, false), R"("a""b")");
}

TEST(FullText, PostgresqlQueryQuotesEveryWordAndMarksThePrefix) {
  EXPECT_EQ(match_query(Engine::postgresql, {"commun", "numer"}, true), "'commun' & 'numer':*");
  EXPECT_EQ(match_query(Engine::postgresql, {"a'b"}, false), "'a''b'");
}

TEST(ScriptFor, KeepsOnlyTheLinesOfTheEngine) {
  const std::string script =
      "CREATE TABLE a (x INTEGER);\n-- engine: sqlite\nSQLITE;\n-- engine: postgresql\nPG;\n-- engine: all\nBOTH;\n";
  EXPECT_EQ(script_for(Engine::sqlite, script), "CREATE TABLE a (x INTEGER);\nSQLITE;\nBOTH;\n");
  EXPECT_EQ(script_for(Engine::postgresql, script), "CREATE TABLE a (x INTEGER);\nPG;\nBOTH;\n");
}

}  // namespace
}  // namespace fabrique::storage::dialect
