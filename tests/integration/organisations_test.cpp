// Organisations over real HTTP: creation, edits and who may make them, kinds managed by animateurs.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "coalitions/use_cases.hpp"
#include "integration/site.hpp"
#include "organisations/store.hpp"
#include "storage/changes.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::test {
namespace {

bool contains(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

HttpResponse create(Browser& b, const std::string& name, const std::string& kind) {
  b.get("/organisations/nouvelle");
  return b.post(
      "/organisations/nouvelle",
      {{"name", name}, {"kind", kind}, {"website", "https://example.org"}, {"description", "Une description."}});
}

TEST(Organisations, EveryColumnThatNamesAnOrganisationIsIndexed) {
  Site site;
  auto c = site.db().acquire();
  if (c->engine() != storage::Engine::sqlite) GTEST_SKIP() << "reads SQLite's catalogue";
  int columns = 0;
  for (const auto& ref : c->query("SELECT t.name, f.\"from\" FROM sqlite_schema t, pragma_foreign_key_list(t.name) f "
                                  "WHERE t.type = 'table' AND f.\"table\" = 'organisations'")) {
    ++columns;
    EXPECT_TRUE(leads_an_index(*c, ref.text(0), ref.text(1)))
        << ref.text(0) << " (" << ref.text(1) << ") has no index that starts with it";
  }
  EXPECT_GE(columns, 10);
}

TEST(Organisations, MemberCreatesOneAndBecomesItsMember) {
  Site site;
  site.add_user("m@example.org", "Membre", kPassword);
  Browser b(site);
  b.sign_in("m@example.org", kPassword);
  auto r = create(b, "Collectif Numérique Étoilé", "association-tech");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/organisations/collectif-numerique-etoile?enregistre=organisation");
  auto page = b.get(r.header("location"));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("L’organisation est enregistrée."), std::string::npos);
  EXPECT_NE(page.body.find("Collectif Numérique Étoilé"), std::string::npos);
  EXPECT_NE(page.body.find("Association tech"), std::string::npos);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM user_organisations"), 1);
  auto list = b.get("/organisations?type=association-tech");
  EXPECT_NE(list.body.find("Collectif Numérique Étoilé"), std::string::npos);
  EXPECT_EQ(b.get("/organisations?type=media").body.find("Collectif Numérique Étoilé"), std::string::npos);
}

TEST(Organisations, ValuesAreEscapedOnEveryPage) {
  Site site;
  site.add_user("m@example.org", "Membre", kPassword);
  Browser b(site);
  b.sign_in("m@example.org", kPassword);
  b.get("/organisations/nouvelle");
  auto r = b.post("/organisations/nouvelle", {{"name", "<script>alert(1)</script> Asso"},
                                              {"kind", "association"},
                                              {"website", ""},
                                              {"description", "\"><img src=x onerror=alert(1)>"}});
  ASSERT_EQ(r.status, 303);
  auto page = b.get(r.header("location"));
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.body.find("<img src=x"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt; Asso"), std::string::npos);
  EXPECT_EQ(b.get("/organisations").body.find("<script>alert"), std::string::npos);
}

TEST(Organisations, DuplicateNameIsRefusedWhateverItsCase) {
  Site site;
  site.add_user("m@example.org", "Membre", kPassword);
  Browser b(site);
  b.sign_in("m@example.org", kPassword);
  create(b, "Ville de Lyon", "collectivite");
  auto r = create(b, "VILLE DE LYON", "collectivite");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Une organisation porte déjà ce nom."), std::string::npos);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisations"), 1);
}

TEST(Organisations, BadInputKeepsWhatWasTypedAndWritesNothing) {
  Site site;
  site.add_user("m@example.org", "Membre", kPassword);
  Browser b(site);
  b.sign_in("m@example.org", kPassword);
  b.get("/organisations/nouvelle");
  auto r = b.post("/organisations/nouvelle", {{"name", "Asso Bêta"},
                                              {"kind", "pas-un-type"},
                                              {"website", "javascript:alert(1)"},
                                              {"description", std::string(2100, 'x')}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find(R"(value="Asso Bêta")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-kind-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-website-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-description-error")"), std::string::npos);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisations"), 0);
}

TEST(Organisations, OnlyMembersAndAnimateursEdit) {
  Site site;
  site.add_user("owner@example.org", "Owner", kPassword);
  site.add_user("other@example.org", "Other", kPassword);
  site.add_user("anim@example.org", "Anim", kPassword, /*animateur=*/true);
  Browser owner(site), other(site), anim(site), visitor(site);
  owner.sign_in("owner@example.org", kPassword);
  create(owner, "Ville de Nantes", "collectivite");

  other.sign_in("other@example.org", kPassword);
  EXPECT_EQ(other.get("/organisations/ville-de-nantes/modifier").status, 403);
  auto refused = other.post("/organisations/ville-de-nantes/modifier",
                            {{"name", "Piratée"}, {"kind", "autre"}, {"website", ""}, {"description", ""}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisations WHERE name = 'Ville de Nantes'"), 1);

  EXPECT_EQ(visitor.get("/organisations/ville-de-nantes/modifier").status, 303);

  anim.sign_in("anim@example.org", kPassword);
  EXPECT_EQ(anim.get("/organisations/ville-de-nantes/modifier").status, 200);
  auto ok = anim.post("/organisations/ville-de-nantes/modifier",
                      {{"name", "Nantes Métropole"}, {"kind", "collectivite"}, {"website", ""}, {"description", ""}});
  EXPECT_EQ(ok.status, 303);
  // The address stays stable when the name changes.
  EXPECT_EQ(ok.header("location"), "/organisations/ville-de-nantes?enregistre=organisation");
  EXPECT_NE(visitor.get("/organisations/ville-de-nantes").body.find("Nantes Métropole"), std::string::npos);
}

TEST(Organisations, OnlyAnimateursManageKinds) {
  Site site;
  site.add_user("m@example.org", "Membre", kPassword);
  site.add_user("anim@example.org", "Anim", kPassword, /*animateur=*/true);
  Browser member(site), anim(site);
  member.sign_in("m@example.org", kPassword);
  EXPECT_EQ(member.get("/organisations/types").status, 403);
  member.get("/organisations");
  EXPECT_EQ(member.post("/organisations/types", {{"label", "Fondation"}}).status, 403);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisation_kinds WHERE slug = 'fondation'"), 0);

  anim.sign_in("anim@example.org", kPassword);
  anim.get("/organisations/types");
  EXPECT_EQ(anim.post("/organisations/types", {{"label", "Fondation"}}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisation_kinds WHERE slug = 'fondation'"), 1);
  anim.get("/organisations/types");
  EXPECT_EQ(anim.post("/organisations/types/fondation", {{"label-fondation", "Fondation d'entreprise"}}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisation_kinds WHERE label = 'Fondation d''entreprise'"), 1);
  anim.get("/organisations/types");
  auto dup = anim.post("/organisations/types", {{"label", "Média"}});
  EXPECT_EQ(dup.status, 422);
}

// Issue #19: the organisation to join is picked, not chosen in a list of every organisation: a search
// draws the page again with those that match, nothing saved; none, two or an unknown one are refused
// next to the field.
TEST(Organisations, MemberFindsJoinsAndLeavesFromTheAccountPage) {
  Site site;
  site.add_user("a@example.org", "A", kPassword);
  site.add_user("b@example.org", "B", kPassword);
  Browser a(site), b(site);
  a.sign_in("a@example.org", kPassword);
  create(a, "Université de Lille", "recherche");
  create(a, "Atmo Hauts-de-France", "recherche");
  b.sign_in("b@example.org", kPassword);
  auto page = b.get("/compte");
  EXPECT_EQ(page.body.find(R"(<select id="f-organisation")"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<label for="f-organisation_q">)"), std::string::npos);
  auto found = b.post("/compte/organisations", {{"organisation_q", "lille"}});
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find(R"(name="organisation" value="universite-de-lille")"), std::string::npos);
  EXPECT_EQ(found.body.find(R"(name="organisation" value="atmo-hauts-de-france")"), std::string::npos);
  for (const Fields& refused :
       {Fields{}, Fields{{"organisation", "inconnue"}},
        Fields{{"organisation", "universite-de-lille"}, {"organisation", "atmo-hauts-de-france"}}}) {
    auto r = b.post("/compte/organisations", refused);
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find(R"(id="f-organisation-error")"), std::string::npos);
  }
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM user_organisations"), 2);  // A's two
  EXPECT_EQ(b.post("/compte/organisations", {{"organisation", "universite-de-lille"}}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM user_organisations"), 3);
  b.get("/compte");
  EXPECT_EQ(b.post("/compte/organisations/universite-de-lille/quitter", {}).status, 303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM user_organisations"), 2);
}

// An organisation in many coalitions shows them fifty a page; its JSON document lists them all.
TEST(Organisations, ItsCoalitionsAreShownFiftyAPage) {
  Site site;
  auto anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  Browser b(site);
  b.sign_in("anim@example.org", kPassword);
  ASSERT_EQ(create(b, "Collectif Étoilé", "association-tech").status, 303);
  // Coalition number i, which the organisation animates.
  auto animated = [&](storage::Connection& c, int i) {
    coalitions::CoalitionInput in;
    in.number = std::to_string(i);
    in.title = fmt::format("Coalition animée {:02}", i);
    in.family = "communs";
    in.stage = "cadrage";
    in.animating_organisation = "collectif-etoile";
    return coalitions::create_coalition(c, anim, in, site.now()).coalition.has_value();
  };
  {
    auto c = site.db().acquire();
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Communs");
    for (int i = 1; i <= 51; ++i) ASSERT_TRUE(animated(*c, i)) << i;
  }
  Browser visitor(site);
  auto links = [](const std::string& body) { return count_of(body, "<li><a href=\"/coalitions/coalition-animee-"); };
  // Its n coalitions, fifty on the first page and the rest on the second, every one in its JSON.
  auto expect_listed = [&](std::size_t n) {
    const auto first = visitor.get("/organisations/collectif-etoile").body;
    EXPECT_EQ(links(first), 50u);
    EXPECT_TRUE(contains(first, fmt::format("{} coalitions", n)));
    EXPECT_TRUE(contains(first, "Coalition animée 01")) << "in the order of their numbers";
    EXPECT_TRUE(contains(first, "href=\"/organisations/collectif-etoile?page=2\""));
    const auto second = visitor.get("/organisations/collectif-etoile?page=2").body;
    EXPECT_EQ(links(second), n - 50);
    EXPECT_TRUE(contains(second, fmt::format("Coalition animée {}", n)));
    EXPECT_EQ(
        boost::json::parse(visitor.get("/organisations/collectif-etoile.json").body).at("coalitions").as_array().size(),
        n);
    return first;
  };
  expect_listed(51);

  // An organisation of many members shares its list (organisations/pages.cpp): the same pages, and a
  // coalition added after they were drawn is counted and listed at once.
  auto changed = [&](const std::function<void(storage::Connection&)>& change) {
    auto c = site.db().acquire();
    change(*c);
    storage::record_changes(*c);  // as the site does after a change
  };
  changed([](storage::Connection& c) {
    c.execute("UPDATE organisations SET member_count = 150 WHERE slug = 'collectif-etoile'");
  });
  EXPECT_TRUE(contains(expect_listed(51), "150 membres"));
  changed([&](storage::Connection& c) { ASSERT_TRUE(animated(c, 52)); });
  expect_listed(52);
}

// An interest declaration names the organisations it was and is made for (storage::Rows): their
// cached pages, which list the coalitions they declared interest in, are rendered again; another
// organisation's page stays cached. (A title changed behind the site's back tells them apart.)
TEST(Organisations, AnInterestDeclarationRendersAgainThePagesOfItsOrganisationsOnly) {
  Site site;
  auto anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  Browser member(site);
  member.sign_in("anim@example.org", kPassword);
  for (const char* name : {"Collectif Étoilé", "Ville de Nantes", "Ville de Lyon"})
    ASSERT_EQ(create(member, name, "association-tech").status, 303) << name;
  {
    auto c = site.db().acquire();
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Communs");
    coalitions::CoalitionInput in;
    in.number = "1";
    in.title = "Mesurer les communs";
    in.family = "communs";
    in.stage = "cadrage";
    ASSERT_TRUE(coalitions::create_coalition(*c, anim, in, site.now()).coalition);
  }
  Browser visitor(site);
  const std::string etoile = "/organisations/collectif-etoile", nantes = "/organisations/ville-de-nantes",
                    lyon = "/organisations/ville-de-lyon";
  for (const std::string& page : {etoile, nantes, lyon})
    ASSERT_FALSE(contains(visitor.get(page).body, "Mesurer les communs")) << page;
  auto declare = [&](const std::string& organisation) {
    member.get("/coalitions/mesurer-les-communs");
    return member.post("/coalitions/mesurer-les-communs/interet", {{"organisation", organisation}, {"usages", "1"}});
  };
  ASSERT_EQ(declare("collectif-etoile").status, 303);
  EXPECT_TRUE(contains(visitor.get(etoile).body, "Mesurer les communs")) << "the organisation declared for";
  {
    auto c = site.db().acquire();
    c->execute("UPDATE organisations SET name = 'Nom changé ' || slug");
  }
  EXPECT_FALSE(contains(visitor.get(lyon).body, "Nom changé")) << "a change outside the site shows within a minute";

  // The same person now speaks for Nantes: both the organisation it was and the one it is are rendered again.
  ASSERT_EQ(declare("ville-de-nantes").status, 303);
  EXPECT_FALSE(contains(visitor.get(etoile).body, "Mesurer les communs")) << "no longer declared for";
  EXPECT_TRUE(contains(visitor.get(nantes).body, "Mesurer les communs"));
  EXPECT_FALSE(contains(visitor.get(lyon).body, "Nom changé")) << "another organisation's page was rendered again";
}

// Each organisation keeps the count of its members (migration 0048): joining, leaving and deleting
// one's account through the site each count them again, and the list a visitor sees (cached pages
// included) follows.
TEST(Organisations, TheMemberCountFollowsJoinsLeavesAndDeletedAccounts) {
  Site site;
  site.add_user("a@example.org", "A", kPassword);
  site.add_user("b@example.org", "B", kPassword);
  site.add_user("c@example.org", "C", kPassword);
  Browser a(site), b(site), c(site), visitor(site);
  a.sign_in("a@example.org", kPassword);
  ASSERT_EQ(create(a, "Université de Lille", "recherche").status, 303);
  ASSERT_EQ(create(a, "Atmo Hauts-de-France", "recherche").status, 303);
  auto members_of = [&](const std::string& slug) {
    const auto items = boost::json::parse(visitor.get("/organisations.json").body).at("organisations").as_array();
    for (const auto& o : items)
      if (o.at("slug").as_string() == slug) return o.at("members").as_int64();
    return std::int64_t{-1};
  };
  EXPECT_EQ(members_of("universite-de-lille"), 1);
  EXPECT_TRUE(contains(visitor.get("/organisations").body, "1 membre<"));
  for (Browser* p : {&b, &c}) {
    p->sign_in(p == &b ? "b@example.org" : "c@example.org", kPassword);
    p->get("/compte");
    ASSERT_EQ(p->post("/compte/organisations", {{"organisation", "universite-de-lille"}}).status, 303);
  }
  b.get("/compte");
  ASSERT_EQ(b.post("/compte/organisations", {{"organisation", "universite-de-lille"}}).status, 303) << "twice";
  EXPECT_EQ(members_of("universite-de-lille"), 3);
  EXPECT_TRUE(contains(visitor.get("/organisations").body, "3 membres<"));
  EXPECT_TRUE(contains(visitor.get("/organisations/universite-de-lille").body, "3 membres sur le site"));

  ASSERT_EQ(b.post("/compte/organisations/universite-de-lille/quitter", {}).status, 303);
  EXPECT_EQ(members_of("universite-de-lille"), 2);
  c.get("/compte/supprimer");
  ASSERT_EQ(c.post("/compte/supprimer", {{"password", kPassword}}).status, 303);
  EXPECT_EQ(members_of("universite-de-lille"), 1);
  EXPECT_TRUE(contains(visitor.get("/organisations/universite-de-lille").body, "1 membre sur le site"));
  EXPECT_EQ(members_of("atmo-hauts-de-france"), 1);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM organisations o WHERE member_count <> "
                       "(SELECT COUNT(*) FROM user_organisations m WHERE m.organisation_id = o.id)"),
            0);
}

// Two people join the same organisation at once: the second waits for the first (the organisation's
// row is locked first), so that the kept count holds both. On PostgreSQL, whose statements read what was
// committed when they began, the second's count would otherwise miss the first's membership, committed
// while it waited for the row.
TEST(Organisations, TwoJoiningAtOnceAreBothCounted) {
  Site site;
  site.add_user("owner@example.org", "Owner", kPassword);
  const auto a = site.add_user("a@example.org", "A", kPassword);
  const auto b = site.add_user("b@example.org", "B", kPassword);
  Browser owner(site);
  owner.sign_in("owner@example.org", kPassword);
  ASSERT_EQ(create(owner, "Ville de Brest", "collectivite").status, 303);
  const std::int64_t id = site.count("SELECT id FROM organisations WHERE slug = 'ville-de-brest'");
  auto first = site.db().acquire();
  auto second = site.db().acquire();
  storage::Transaction t1(*first, true);
  organisations::store::add_member(*first, a.id, id, site.now());
  std::thread other([&] {
    storage::Transaction t2(*second, true);
    organisations::store::add_member(*second, b.id, id, site.now());
    t2.commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the second waits for the first
  t1.commit();
  other.join();
  EXPECT_EQ(site.count("SELECT member_count FROM organisations WHERE id = " + std::to_string(id)), 3);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM user_organisations WHERE organisation_id = " + std::to_string(id)), 3);
}

// The list shows fifty organisations a page, the filter kept by the pager; an organisation's page
// names the fifty latest members to join who show their name, newest first, and counts them all.
TEST(Organisations, TheListIsPagedAndAPageNamesItsLatestMembers) {
  Site site;
  auto anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  Browser b(site), visitor(site);
  b.sign_in("anim@example.org", kPassword);
  for (int i = 1; i <= 51; ++i) ASSERT_EQ(create(b, fmt::format("Labo {:02}", i), "recherche").status, 303) << i;
  ASSERT_EQ(create(b, "Ville de Nantes", "collectivite").status, 303);
  const auto first = visitor.get("/organisations?type=recherche").body;
  EXPECT_TRUE(contains(first, "51 organisations"));
  EXPECT_EQ(count_of(first, "<li><a href=\"/organisations/labo-"), 50u);
  EXPECT_TRUE(contains(first, "href=\"/organisations?type=recherche&amp;page=2\"")) << "the pager keeps the filter";
  const auto second = visitor.get("/organisations?type=recherche&page=2").body;
  EXPECT_EQ(count_of(second, "<li><a href=\"/organisations/labo-"), 1u);
  EXPECT_TRUE(contains(second, "Labo 51"));
  EXPECT_FALSE(contains(second, "Ville de Nantes"));

  {
    auto c = site.db().acquire();
    const std::int64_t nantes = c->query_integer("SELECT id FROM organisations WHERE slug = 'ville-de-nantes'", {});
    c->execute("UPDATE users SET show_name = 0 WHERE id = ?", {anim.id});
    for (int i = 1; i <= 60; ++i) {
      auto u = site.add_user(fmt::format("m{}@example.org", i), fmt::format("Membre {:02}", i), kPassword);
      c->execute("UPDATE users SET show_name = ? WHERE id = ?", {std::int64_t{i % 10 != 0}, u.id});
      organisations::store::add_member(*c, u.id, nantes, site.now() + std::chrono::seconds(i));
    }
  }
  const auto page = visitor.get("/organisations/ville-de-nantes").body;
  EXPECT_TRUE(contains(page, "61 membres sur le site")) << "the animateur who created it, and sixty";
  EXPECT_EQ(count_of(page, "<li>Membre "), 50u);
  EXPECT_LT(page.find("<li>Membre 59</li>"), page.find("<li>Membre 58</li>")) << "newest first";
  EXPECT_FALSE(contains(page, "<li>Membre 60</li>")) << "hides their name";
  EXPECT_FALSE(contains(page, "<li>Membre 04</li>")) << "past the fifty latest";
  const auto named = boost::json::parse(visitor.get("/organisations/ville-de-nantes.json").body).at("named_members");
  EXPECT_EQ(named.as_array().size(), 54u) << "the document names every one who shows their name";
}

TEST(Organisations, UnknownOrganisationIsA404InsideTheLayout) {
  Site site;
  Browser b(site);
  auto r = b.get("/organisations/nexiste-pas");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("<main"), std::string::npos);
  EXPECT_NE(r.body.find("Page introuvable"), std::string::npos);
}

}  // namespace
}  // namespace fabrique::test
