// One's own data: the page saying what is kept, and the JSON file holding all of it, read by a real
// JSON parser; no secret in it, nothing of anyone else, and nothing for a visitor.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <set>

#include "accounts/use_cases.hpp"
#include "demo/demo.hpp"
#include "integration/site.hpp"
#include "storage/migrations.hpp"

namespace fabrique::test {
namespace {

// Every (table, column) the migrations declare as REFERENCES users, in CREATE TABLE or ALTER TABLE … ADD COLUMN.
std::set<std::pair<std::string, std::string>> columns_naming_a_person() {
  std::set<std::pair<std::string, std::string>> out;
  const std::regex table(R"(CREATE TABLE (?:IF NOT EXISTS )?(\w+))", std::regex::icase);
  const std::regex column(R"(^\s*(\w+)\s+INTEGER[^,]*REFERENCES users\s*\()", std::regex::icase);
  const std::regex added(R"(ALTER TABLE (\w+) ADD COLUMN (\w+)\s+INTEGER[^,]*REFERENCES users\s*\()",
                         std::regex::icase);
  for (const auto& m : storage::known_migrations()) {
    std::string current;
    std::size_t start = 0;
    while (start < m.sql.size()) {
      std::size_t end = m.sql.find('\n', start);
      if (end == std::string::npos) end = m.sql.size();
      const std::string line = m.sql.substr(start, end - start);
      std::smatch found;
      if (std::regex_search(line, found, table)) current = found[1];
      if (std::regex_search(line, found, added))
        out.insert({found[1], found[2]});
      else if (std::regex_search(line, found, column))
        out.insert({current, found[1]});
      start = end + 1;
    }
  }
  return out;
}

TEST(PersonalData, EveryColumnThatNamesAPersonIsRead) {
  std::set<std::pair<std::string, std::string>> listed;
  for (const auto& ref : accounts::personal_references()) listed.insert({ref.table, ref.column});
  const auto declared = columns_naming_a_person();
  EXPECT_GT(declared.size(), 30u);
  EXPECT_EQ(listed, declared) << "a column REFERENCES users is missing from accounts::personal_references()";
}

// Each of those columns leads an index: one's own data reads every table by them (and, without
// indexes, read 39 of them from end to end: 61 ms at the benchmark's size). The migrations are the
// same on both engines; SQLite's catalogue is the one read here.
TEST(PersonalData, EveryColumnThatNamesAPersonIsIndexed) {
  Site site;
  auto c = site.db().acquire();
  if (c->engine() != storage::Engine::sqlite) GTEST_SKIP() << "reads SQLite's catalogue";
  for (const auto& ref : accounts::personal_references()) {
    EXPECT_TRUE(leads_an_index(*c, ref.table, ref.column))
        << ref.table << " (" << ref.column << ") has no index that starts with it";
  }
}

TEST(PersonalData, TheFileHoldsWhatNamesMeAndNoSecretNorAnyoneElse) {
  Site site;
  {
    auto c = site.db().acquire();
    demo::load(*c);
  }
  Browser b(site);
  ASSERT_EQ(b.sign_in(demo::kAnimateurEmail, "a wrong guess").status, 422);
  ASSERT_EQ(b.sign_in(demo::kAnimateurEmail, demo::kPassword).status, 303);
  auto r = b.get("/compte/donnees.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  EXPECT_NE(r.header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_NE(r.header("cache-control").find("no-store"), std::string::npos);
  EXPECT_EQ(r.header("access-control-allow-origin"), "");
  EXPECT_EQ(r.header("link"), "") << "one's own data is not open data: no licence";

  const auto doc = boost::json::parse(r.body).as_object();
  EXPECT_EQ(doc.at("format").as_string(), "fabrique-personal-data");
  EXPECT_EQ(doc.at("account").at("email").as_string(), demo::kAnimateurEmail);
  EXPECT_FALSE(doc.at("account").as_object().contains("password_hash"));
  EXPECT_TRUE(doc.at("account").at("created_at").as_string().ends_with("Z")) << "instants are ISO 8601";
  std::map<std::string, std::size_t> rows;
  for (const auto& held : doc.at("held").as_array()) {
    const auto& o = held.as_object();
    rows[std::string(o.at("table").as_string()) + "." + std::string(o.at("column").as_string())] +=
        o.at("rows").as_array().size();
    for (const auto& row : o.at("rows").as_array())
      for (const auto& [key, value] : row.as_object()) EXPECT_NE(key, "token_hash") << o.at("table");
  }
  EXPECT_EQ(rows.size(), accounts::personal_references().size() + 2) << "every table is listed, empty or not";
  EXPECT_EQ(rows["sessions.user_id"], 1u) << "this sign-in";
  EXPECT_GT(rows["booklet_revisions.author_id"], 0u) << "the demo's booklets were written by the animateur";
  EXPECT_EQ(rows["sign_in_failures.key"], 1u) << "the failed sign-in, counted for the account";
  EXPECT_EQ(r.body.find("password_hash"), std::string::npos);
  EXPECT_EQ(r.body.find("camille@demo.fabrique"), std::string::npos) << "nothing of anyone else";
}

TEST(PersonalData, AnAddressThatLooksLikeAPatternGetsOnlyItsOwnFailedSignIns) {
  Site site;
  site.add_user("membre_1@example.org", "Membre", kPassword);
  site.add_user("membreX1@example.org", "Autre", kPassword);
  Browser other(site);
  ASSERT_EQ(other.sign_in("membreX1@example.org", "a wrong guess").status, 422);
  Browser b(site);
  ASSERT_EQ(b.sign_in("membre_1@example.org", kPassword).status, 303);
  const std::string body = b.get("/compte/donnees.json").body;
  EXPECT_EQ(body.find("membrex1@example.org"), std::string::npos) << "`_` is not a wildcard here";
  EXPECT_EQ(body.find("membreX1@example.org"), std::string::npos);
}

TEST(PersonalData, AVisitorIsAskedToSignInAndThePageSaysWhatIsKept) {
  Site site;
  site.add_user("membre@example.org", "Membre", kPassword);
  Browser visitor(site);
  EXPECT_EQ(visitor.get("/compte/donnees.json").status, 303);
  EXPECT_EQ(visitor.get("/compte/donnees").status, 303);
  Browser b(site);
  ASSERT_EQ(b.sign_in("membre@example.org", kPassword).status, 303);
  auto page = b.get("/compte/donnees");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<h1>Mes données</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/compte/donnees.json\""), std::string::npos);
  EXPECT_NE(b.get("/compte").body.find("href=\"/compte/donnees\""), std::string::npos);
}

}  // namespace
}  // namespace fabrique::test
