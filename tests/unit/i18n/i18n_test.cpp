// Languages: negotiation, the French catalogue, dates in Europe/Paris across daylight saving.
#include "i18n/i18n.hpp"

#include <date/date.h>
#include <gtest/gtest.h>

namespace fabrique::i18n {
namespace {

TEST(Negotiate, FrenchUnlessEnglishIsPreferred) {
  EXPECT_EQ(negotiate(""), Lang::fr);
  EXPECT_EQ(negotiate("de-DE"), Lang::fr);
  EXPECT_EQ(negotiate("en-GB,en;q=0.9"), Lang::en);
  EXPECT_EQ(negotiate("fr-FR,fr;q=0.9,en;q=0.8"), Lang::fr);
  EXPECT_EQ(negotiate("de;q=1, en;q=0.5, fr;q=0.4"), Lang::en);
  EXPECT_EQ(negotiate("en;q=0"), Lang::fr);
}

TEST(Translator, FrenchCatalogueIsCompiledIn) {
  EXPECT_EQ(translator(Lang::fr).tr("Sign in"), "Se connecter");
  EXPECT_EQ(translator(Lang::en).tr("Sign in"), "Sign in");
}

TEST(Translator, FrenchPluralTreatsZeroAndOneAsSingular) {
  EXPECT_EQ(translator(Lang::fr).trn("member", "members", 0), "membre");
  EXPECT_EQ(translator(Lang::fr).trn("member", "members", 1), "membre");
  EXPECT_EQ(translator(Lang::fr).trn("member", "members", 2), "membres");
  EXPECT_EQ(translator(Lang::en).trn("member", "members", 0), "members");
}

TEST(Dates, ShownInParisTimeAcrossDaylightSaving) {
  using namespace date;
  // 13:00 UTC is 15:00 in Paris in summer (UTC+2) and 14:00 in winter (UTC+1).
  auto summer = sys_days{2026_y / June / 16} + std::chrono::hours(13);
  auto winter = sys_days{2026_y / December / 15} + std::chrono::hours(13);
  EXPECT_EQ(translator(Lang::fr).datetime(std::chrono::sys_seconds(summer)), "16 juin 2026 à 15:00");
  EXPECT_EQ(translator(Lang::fr).datetime(std::chrono::sys_seconds(winter)), "15 décembre 2026 à 14:00");
  EXPECT_EQ(translator(Lang::en).date(std::chrono::sys_seconds(winter)), "15 December 2026");
  // Late on 31 December in UTC is already the new year in Paris.
  auto new_year = sys_days{2026_y / December / 31} + std::chrono::hours(23) + std::chrono::minutes(30);
  EXPECT_EQ(translator(Lang::fr).date(std::chrono::sys_seconds(new_year)), "1er janvier 2027");
}

}  // namespace
}  // namespace fabrique::i18n
