// Who may edit a coalition, checked inside the use cases whatever the route.
#include <gtest/gtest.h>

#include <filesystem>

#include "accounts/use_cases.hpp"
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "common/log.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::coalitions {
namespace {

class Permissions : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_quiet(true);
    dir_ = std::filesystem::temp_directory_path() / ("fabrique-perm-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = storage::open((dir_ / "t.db").string(), 2);
    lease_.emplace(db_->acquire());
    storage::migrate(c());
    anim_ = user("anim@example.org", accounts::Role::animateur);
    porteur_ = user("porteur@example.org", accounts::Role::member);
    member_ = user("membre@example.org", accounts::Role::member);
    taxonomies::add_term(c(), anim_, taxonomies::kCoalitionFamilies, "Famille");
    CoalitionInput in{"1", "Dématérialiser sans déshumaniser", "", "", "famille", "", "idee", "", false, true, false};
    id_ = create_coalition(c(), anim_, in, now_).coalition->id;
    set_member_role(c(), anim_, kSlug, porteur_.id, RoleChange::co_porteur, now_);
    set_member_role(c(), anim_, kSlug, member_.id, RoleChange::membre, now_);
  }
  void TearDown() override {
    lease_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  storage::Connection& c() { return **lease_; }
  accounts::User user(const std::string& email, accounts::Role role) {
    accounts::SignUpInput in{.name = "Nom",
                             .email = email,
                             .password = "un mot de passe solide",
                             .password_confirmation = "un mot de passe solide",
                             .organisation = {},
                             .organisation_kind = {},
                             .role = role,
                             .client_address = {}};
    return *accounts::sign_up(c(), in, now_).user;
  }
  BookletEdit edit(const std::string& text) {
    BookletEdit e;
    e.base_revision = store::by_slug(c(), kSlug)->booklet_revision;
    e.sections["intention"] = text;
    return e;
  }

  static constexpr const char* kSlug = "dematerialiser-sans-deshumaniser";
  std::filesystem::path dir_;
  std::unique_ptr<storage::Database> db_;
  std::optional<storage::Database::Lease> lease_;
  sys_seconds now_ = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  accounts::User anim_, porteur_, member_;
  std::int64_t id_ = 0;
};

TEST_F(Permissions, AnimateursAndCoPorteursEditOthersDoNot) {
  EXPECT_TRUE(can_edit(c(), &anim_, id_));
  EXPECT_TRUE(can_edit(c(), &porteur_, id_));
  EXPECT_FALSE(can_edit(c(), &member_, id_));
  EXPECT_FALSE(can_edit(c(), nullptr, id_));
}

TEST_F(Permissions, MemberCannotSaveTheBookletRestoreChangeFieldsOrRoles) {
  EXPECT_EQ(save_booklet(c(), porteur_, kSlug, edit("Texte"), now_).revision, 1);
  EXPECT_THROW(save_booklet(c(), member_, kSlug, edit("Autre"), now_), Forbidden);
  EXPECT_THROW(restore_revision(c(), member_, kSlug, 1, now_), Forbidden);
  CoalitionInput in{"1", "Titre changé", "", "", "famille", "", "atterrie", "", false, false, false};
  EXPECT_THROW(update_coalition(c(), member_, kSlug, in, now_), Forbidden);
  EXPECT_THROW(set_member_role(c(), member_, kSlug, member_.id, RoleChange::co_porteur, now_), Forbidden);
  EXPECT_EQ(store::by_slug(c(), kSlug)->stage, "idee");
  EXPECT_EQ(store::role_of(c(), id_, member_.id), Role::membre);
  EXPECT_EQ(c().query_integer("SELECT COUNT(*) FROM booklet_revisions"), 1);
}

TEST_F(Permissions, OnlyAnimateursOpenCoalitions) {
  CoalitionInput in{"2", "Civic tech", "", "", "famille", "", "idee", "", false, false, false};
  EXPECT_THROW(create_coalition(c(), porteur_, in, now_), Forbidden);
  EXPECT_TRUE(create_coalition(c(), anim_, in, now_).coalition.has_value());
}

TEST_F(Permissions, AnyMemberMayDeclareInterest) {
  EXPECT_TRUE(declare_interest(c(), member_, kSlug, {"", true, false, false, "Du temps."}, now_).empty());
  EXPECT_THROW(declare_interest(c(), member_, "inconnue", {}, now_), NotFound);
}

TEST_F(Permissions, RemovedCoPorteurLosesTheRight) {
  set_member_role(c(), anim_, kSlug, porteur_.id, RoleChange::remove, now_);
  EXPECT_FALSE(can_edit(c(), &porteur_, id_));
  EXPECT_THROW(save_booklet(c(), porteur_, kSlug, edit("Texte"), now_), Forbidden);
}

}  // namespace
}  // namespace fabrique::coalitions
