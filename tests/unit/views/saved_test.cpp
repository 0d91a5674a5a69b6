// The marker a save puts on the address it returns to (views/saved.hpp).
#include "views/saved.hpp"

#include <gtest/gtest.h>

namespace fabrique::views {
namespace {

TEST(Saved, MarksAPathWithItsKind) {
  EXPECT_EQ(saved("/coalitions/communs", Saved::booklet), "/coalitions/communs?enregistre=livret");
}

TEST(Saved, KeepsTheQueryAndPutsTheMarkerBeforeTheFragment) {
  EXPECT_EQ(saved("/coalitions/communs/impact#indicateur-3", Saved::indicator),
            "/coalitions/communs/impact?enregistre=indicateur#indicateur-3");
  EXPECT_EQ(saved("/ressources?page=2#historique", Saved::restored),
            "/ressources?page=2&enregistre=restauration#historique");
}

TEST(Saved, AnswersASeeOtherToTheMarkedAddress) {
  auto r = redirect_saved("/evenements/reset-day", Saved::event);
  EXPECT_EQ(r.status, 303);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "/evenements/reset-day?enregistre=evenement");
}

}  // namespace
}  // namespace fabrique::views
