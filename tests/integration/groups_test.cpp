// Breakout groups (issue #17) over real HTTP: an organiser creates groups, spreads everyone evenly,
// moves a person by hand; a facilitator writes notes in their group only; others are refused; a
// stale form is refused with nothing written; bad input is refused next to its field; the minutes
// and their JSON show the groups with their notes.
#include <date/date.h>
#include <gtest/gtest.h>

#include <map>

#include "events/use_cases.hpp"
#include "integration/site.hpp"

namespace fabrique::test {
namespace {

constexpr const char* kGroups = "/evenements/atelier-donnees/groupes";

// An animateur's workshop with six people registered, and one person who is not.
struct Workshop {
  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  std::vector<accounts::User> people;
  accounts::User outsider = site.add_user("autre@example.org", "Olga Autre", kPassword);

  Workshop() {
    auto c = site.db().acquire();
    events::EventInput e;
    e.kind = "atelier-de-coalition";
    e.title = "Atelier données";
    e.slug = "atelier-donnees";
    const auto day = std::chrono::floor<std::chrono::days>(site.now()) + std::chrono::days(10);
    e.starts = date::format("%F", day) + "T14:00";
    e.ends = date::format("%F", day) + "T17:00";
    if (!events::create_event(*c, anim, e, site.now()).event) throw std::runtime_error("could not make the workshop");
    const char* names[] = {"Alice Arnaud", "Bruno Bel", "Chloé Caron", "David Dumas", "Emma Enard", "Fanny Fort"};
    int i = 0;
    for (const char* name : names) {
      people.push_back(site.add_user("p" + std::to_string(++i) + "@example.org", name, kPassword));
      if (!events::register_for_event(*c, people.back(), "atelier-donnees", site.now()).errors.empty())
        throw std::runtime_error("could not register");
    }
  }

  std::int64_t group_id(int position) {
    return site.count("SELECT id FROM breakout_groups WHERE position = " + std::to_string(position));
  }
  std::int64_t group_of(const accounts::User& u) {
    return site.count("SELECT COALESCE(MAX(group_id), 0) FROM breakout_members WHERE user_id = " +
                      std::to_string(u.id));
  }
  std::int64_t version() { return site.count("SELECT COALESCE(MAX(version), 0) FROM breakout_plans"); }
  // The groups' form as saved now (topics, facilitators, members), for a post changing part of it.
  std::vector<std::pair<std::string, std::string>> saved_form() {
    std::vector<std::pair<std::string, std::string>> f{{"version", std::to_string(version())}};
    auto c = site.db().acquire();
    for (const auto& r :
         c->query("SELECT id, topic, COALESCE(facilitator_id, 0) FROM breakout_groups ORDER BY position")) {
      const std::string id = std::to_string(r.integer(0));
      f.push_back({"group", id});
      f.push_back({"topic-" + id, r.text(1)});
      if (r.integer(2)) f.push_back({"facilitator-" + id, std::to_string(r.integer(2))});
    }
    for (const auto& p : people) {
      const auto g = group_of(p);
      f.push_back({"member-" + std::to_string(p.id), g ? std::to_string(g) : ""});
    }
    return f;
  }
};

void set(std::vector<std::pair<std::string, std::string>>& form, const std::string& name, const std::string& value) {
  for (auto& [k, v] : form)
    if (k == name) {
      v = value;
      return;
    }
  form.push_back({name, value});
}

TEST(Groups, CreatedSpreadEvenlyMovedByHandThenAFacilitatorWritesInTheirGroupOnly) {
  Workshop w;
  Browser anim(w.site), alice(w.site), bruno(w.site);
  anim.sign_in("anim@example.org", kPassword);
  ASSERT_EQ(anim.get(kGroups).status, 200);
  const std::string alice_id = std::to_string(w.people[0].id);
  // A first group with its facilitator, through the row adding one.
  ASSERT_EQ(anim.post(kGroups, {{"version", "0"}, {"topic-new", "Expériences en cours"}, {"facilitator-new", alice_id}})
                .status,
            303);
  ASSERT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_groups"), 1);
  EXPECT_EQ(w.site.count("SELECT facilitator_id FROM breakout_groups"), w.people[0].id);
  // The helper: three groups (the missing two added), everyone spread evenly.
  anim.get(kGroups);
  ASSERT_EQ(anim.post(kGroups + std::string("/repartir"), {{"version", "1"}, {"count", "3"}}).status, 303);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_groups"), 3);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_members"), 6);
  EXPECT_EQ(w.site.count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM breakout_members GROUP BY group_id) x"), 2);
  EXPECT_EQ(w.site.count("SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM breakout_members GROUP BY group_id) x"), 2);
  const auto g1 = w.group_id(1), g2 = w.group_id(2), g3 = w.group_id(3);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_groups WHERE topic = 'Groupe 3'"), 1);

  // Moved by hand: whoever is in the third group but not the first goes to the first; the second renamed.
  const auto& moved = w.group_of(w.people[5]) == g1 ? w.people[4] : w.people[5];
  anim.get(kGroups);
  auto form = w.saved_form();
  set(form, "member-" + std::to_string(moved.id), std::to_string(g1));
  set(form, "topic-" + std::to_string(g2), "Ressources disponibles");
  ASSERT_EQ(anim.post(kGroups, form).status, 303);
  EXPECT_EQ(w.group_of(moved), g1);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_members WHERE group_id = " + std::to_string(g1)), 3);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_groups WHERE topic = 'Ressources disponibles'"), 1);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_members"), 6);  // each person in one group at most

  // The facilitator writes in their group, and only there.
  alice.sign_in("p1@example.org", kPassword);
  const std::string notes1 = std::string(kGroups) + "/" + std::to_string(g1);
  ASSERT_EQ(alice.get(notes1).status, 200);
  EXPECT_EQ(alice.post(notes1 + "/notes", {{"kind", "idee"}, {"body", "Un atlas des jeux de données locaux"}}).status,
            303);
  EXPECT_EQ(alice.post(notes1 + "/notes", {{"kind", "suite"}, {"body", "Recenser les portails bretons"}}).status, 303);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM minutes_items WHERE kind = 'idea' AND group_id = " + std::to_string(g1)),
            1);
  const std::string notes2 = std::string(kGroups) + "/" + std::to_string(g2);
  EXPECT_EQ(alice.post(notes2 + "/notes", {{"kind", "idee"}, {"body", "Ailleurs"}}).status, 403);
  // An empty note is refused next to its field.
  auto empty = alice.post(notes1 + "/notes", {{"kind", "question"}, {"body", "  "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("id=\"f-body-error\""), std::string::npos);
  // Someone neither organiser nor facilitator may not write notes nor change the groups.
  bruno.sign_in("p2@example.org", kPassword);
  bruno.get("/evenements/atelier-donnees");
  EXPECT_EQ(bruno.post(notes1 + "/notes", {{"kind", "idee"}, {"body", "Intrus"}}).status, 403);
  EXPECT_EQ(bruno.get(kGroups).status, 403);
  EXPECT_EQ(bruno.post(kGroups, w.saved_form()).status, 403);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM minutes_items"), 2);

  // The minutes show the groups with their notes, to everyone; the JSON too; the event's own lists leave them out.
  Browser visitor(w.site);
  auto minutes = visitor.get("/evenements/atelier-donnees/compte-rendu");
  EXPECT_EQ(minutes.status, 200);
  EXPECT_NE(minutes.body.find("Ressources disponibles"), std::string::npos);
  EXPECT_NE(minutes.body.find("Un atlas des jeux de données locaux"), std::string::npos);
  EXPECT_EQ(minutes.body.find(notes1 + "\""), std::string::npos);  // no writing link for a visitor
  EXPECT_NE(alice.get("/evenements/atelier-donnees/compte-rendu").body.find(notes1 + "\""), std::string::npos);
  auto json = visitor.get("/evenements/atelier-donnees/compte-rendu.json");
  EXPECT_NE(json.body.find("\"groups\":[{\"position\":1,\"topic\":\"Expériences en cours\""), std::string::npos)
      << json.body;
  EXPECT_NE(json.body.find("\"kind\":\"idea\""), std::string::npos);
  EXPECT_NE(json.body.find("\"items\":[]"), std::string::npos);
  // The "Retour sur" post starts with each group: its topic, who facilitated it, and its notes.
  auto retour = anim.get("/journal/ecrire?evenement=atelier-donnees");
  ASSERT_EQ(retour.status, 200);
  EXPECT_NE(retour.body.find("## Groupes de travail"), std::string::npos) << retour.body;
  EXPECT_NE(retour.body.find("### Expériences en cours"), std::string::npos);
  EXPECT_NE(retour.body.find("- Idée — Un atlas des jeux de données locaux"), std::string::npos);
  EXPECT_NE(retour.body.find("- Prochaine étape — Recenser les portails bretons"), std::string::npos);
  (void)g3;
}

TEST(Groups, AStaleFormIsRefusedWithTheCurrentGroupsShownAndNothingWritten) {
  Workshop w;
  Browser anim(w.site), other(w.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get(kGroups);
  ASSERT_EQ(anim.post(kGroups, {{"version", "0"}, {"topic-new", "Difficultés"}}).status, 303);
  const auto g1 = w.group_id(1);
  auto stale = w.saved_form();  // drawn at version 1
  // Another organiser (an animateur) saves meanwhile.
  w.site.add_user("anim2@example.org", "Anim Deux", kPassword, true);
  other.sign_in("anim2@example.org", kPassword);
  other.get(kGroups);
  auto theirs = w.saved_form();
  set(theirs, "topic-" + std::to_string(g1), "Difficultés partagées");
  ASSERT_EQ(other.post(kGroups, theirs).status, 303);
  // The stale form is refused: nothing written, the groups as saved shown, the form kept.
  set(stale, "topic-" + std::to_string(g1), "Leviers");
  set(stale, "member-" + std::to_string(w.people[0].id), std::to_string(g1));
  auto refused = anim.post(kGroups, stale);
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("Difficultés partagées"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"Leviers\""), std::string::npos);
  EXPECT_NE(refused.body.find("name=\"version\" value=\"2\""), std::string::npos);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_groups WHERE topic = 'Difficultés partagées'"), 1);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_members"), 0);
  EXPECT_EQ(w.version(), 2);
  // The helper from a stale version too.
  EXPECT_EQ(anim.post(kGroups + std::string("/repartir"), {{"version", "1"}, {"count", "2"}}).status, 409);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_groups"), 1);
}

TEST(Groups, BadInputIsRefusedNextToItsFieldWithNothingWritten) {
  Workshop w;
  Browser anim(w.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get(kGroups);
  ASSERT_EQ(anim.post(kGroups, {{"version", "0"}, {"topic-new", "Expériences"}}).status, 303);
  const std::string g1 = std::to_string(w.group_id(1));
  // An empty topic.
  auto form = w.saved_form();
  set(form, "topic-" + g1, "");
  auto empty = anim.post(kGroups, form);
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("id=\"f-topic-" + g1 + "-error\""), std::string::npos) << empty.body;
  // A facilitator who is not registered.
  form = w.saved_form();
  set(form, "facilitator-" + g1, std::to_string(w.outsider.id));
  auto outsider = anim.post(kGroups, form);
  EXPECT_EQ(outsider.status, 422);
  EXPECT_NE(outsider.body.find("id=\"f-facilitator-" + g1 + "-error\""), std::string::npos);
  // A new group with a facilitator but no topic.
  form = w.saved_form();
  set(form, "facilitator-new", std::to_string(w.people[1].id));
  auto untitled = anim.post(kGroups, form);
  EXPECT_EQ(untitled.status, 422);
  EXPECT_NE(untitled.body.find("id=\"f-topic-new-error\""), std::string::npos);
  // A number of groups out of range.
  auto count = anim.post(kGroups + std::string("/repartir"), {{"version", "1"}, {"count", "0"}});
  EXPECT_EQ(count.status, 422);
  EXPECT_NE(count.body.find("id=\"f-count-error\""), std::string::npos);
  // Nothing written.
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_groups"), 1);
  EXPECT_EQ(w.site.count("SELECT COUNT(*) FROM breakout_groups WHERE topic = 'Expériences' AND facilitator_id IS NULL"),
            1);
  EXPECT_EQ(w.version(), 1);
}

}  // namespace
}  // namespace fabrique::test
