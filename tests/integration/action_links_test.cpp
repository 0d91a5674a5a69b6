// Links between events and roadmaps over real HTTP: a next step of an event's minutes turned into an
// action through the form pre-filled from it (the link shown both ways, kept in the revision,
// refused to a plain member).
#include <date/date.h>
#include <gtest/gtest.h>

#include "coalitions/use_cases.hpp"
#include "integration/site.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::test {
namespace {

constexpr const char* kCoalition = "developper-et-maintenir-les-communs-numeriques";

bool has(const HttpResponse& r, const std::string& s) { return r.body.find(s) != std::string::npos; }

// A site with an animateur, a co-porteur of one coalition, a member, and a past Reset Day of that
// coalition whose minutes hold one next step linked to it.
struct Programme {
  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  accounts::User porteur = site.add_user("porteur@example.org", "Porteur", kPassword);
  accounts::User member = site.add_user("membre@example.org", "Membre", kPassword);
  const std::string minutes = "/evenements/reset-day-juin/compte-rendu";

  Programme() {
    {
      auto c = site.db().acquire();
      taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Communs et territoires");
      coalitions::CoalitionInput in;
      in.number = "8.a";
      in.title = "Développer et maintenir les communs numériques";
      in.family = "communs-et-territoires";
      in.stage = "cadrage";
      if (!coalitions::create_coalition(*c, anim, in, site.now()).coalition) throw std::runtime_error("no coalition");
      coalitions::set_member_role(*c, anim, kCoalition, porteur.id, coalitions::RoleChange::co_porteur, site.now());
    }
    Browser b(site);
    b.sign_in("anim@example.org", kPassword);
    b.get("/evenements/nouveau");
    auto r = b.post("/evenements/nouveau", {{"kind", "reset-day"},
                                            {"title", "Reset Day de juin"},
                                            {"slug", "reset-day-juin"},
                                            {"starts", "2021-06-22T14:00"},
                                            {"ends", "2021-06-22T17:00"},
                                            {"coalitions", kCoalition}});
    if (r.status != 303) throw std::runtime_error("could not create the event: " + r.body);
    b.get(minutes);
    r = b.post(minutes + "/elements", {{"kind", "suite"},
                                       {"body", "Réunir le noyau des communs"},
                                       {"asked_by", "Fing"},
                                       {"due", "2021-09-15"},
                                       {"coalition", kCoalition}});
    if (r.status != 303) throw std::runtime_error("could not add the next step: " + r.body);
  }

  std::string step_id() { return std::to_string(site.count("SELECT MAX(id) FROM minutes_items")); }
};

TEST(ActionLinks, ACoPorteurTurnsANextStepIntoAnActionThatKeepsTheLinkBothWays) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  auto page = b.get(p.minutes);
  const std::string convert = p.minutes + "/elements/" + p.step_id() + "/action";
  ASSERT_TRUE(has(page, "href=\"" + convert + "\"")) << page.body;

  // Following the link makes nothing: it opens the action form, pre-filled from the step, its lever and
  // scale left to choose.
  auto form = b.get(convert);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions"), 0);
  EXPECT_TRUE(has(form, "action=\"" + convert + "\""));
  EXPECT_TRUE(has(form, "value=\"Réunir le noyau des communs\"")) << form.body;
  EXPECT_TRUE(has(form, "value=\"2021-09-15\""));
  EXPECT_TRUE(has(form, "value=\"reset-day-juin\" checked"));  // the event it was decided at
  EXPECT_TRUE(has(form, "<option value=\"proposee\" selected>"));
  EXPECT_FALSE(has(form, "<option value=\"commande\" selected>"));
  EXPECT_FALSE(has(form, "<option value=\"local\" selected>"));

  // Sent without a lever or a scale: refused next to those fields, the text kept, nothing made.
  std::vector<std::pair<std::string, std::string>> fields{{"title", "Réunir le noyau des communs"},
                                                          {"status", "proposee"},
                                                          {"due_on", "2021-09-15"},
                                                          {"events", "reset-day-juin"}};
  auto refused = b.post(convert, fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "id=\"f-lever-error\""));
  EXPECT_TRUE(has(refused, "id=\"f-scale-error\""));
  EXPECT_TRUE(has(refused, "value=\"Réunir le noyau des communs\""));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions"), 0);

  fields.push_back({"lever", "offre"});
  fields.push_back({"scale", "national"});
  auto r = b.post(convert, fields);
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string id = std::to_string(p.site.count("SELECT MAX(id) FROM actions"));
  const std::string action = std::string("/coalitions/") + kCoalition + "/feuille-de-route/" + id;
  EXPECT_EQ(r.header("location"), action + "?enregistre=action");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions WHERE lever = 'offre' AND scale = 'national'"), 1);
  EXPECT_EQ(p.site.count("SELECT origin_next_step_id FROM actions WHERE id = " + id), std::stoll(p.step_id()));
  EXPECT_EQ(
      p.site.count("SELECT due_on FROM actions WHERE id = " + id),
      std::chrono::sys_days{std::chrono::year{2021} / std::chrono::month{9} / std::chrono::day{15}}.time_since_epoch() /
          std::chrono::seconds(1));

  // The action page says where it comes from, and its JSON and revision carry the link.
  auto shown = b.get(action);
  EXPECT_EQ(shown.status, 200);
  EXPECT_TRUE(has(shown, "Réunir le noyau des communs"));
  EXPECT_TRUE(has(shown, "href=\"" + p.minutes + "\"")) << shown.body;
  EXPECT_TRUE(has(shown, "Reset Day de juin"));
  auto json = b.get(std::string("/coalitions/") + kCoalition + "/feuille-de-route.json");
  EXPECT_TRUE(has(json, "\"next_step\":" + p.step_id()));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_revisions WHERE action_id = " + id +
                         " AND snapshot LIKE '%\"origin_next_step\":" + p.step_id() + "%'"),
            1);

  // The minutes show what the step became, with no second link; converting again makes nothing.
  auto after = b.get(p.minutes);
  EXPECT_TRUE(has(after, "href=\"" + action + "\"")) << after.body;
  EXPECT_FALSE(has(after, "href=\"" + convert + "\""));
  auto again = b.get(convert);
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.header("location"), action);
  EXPECT_EQ(b.post(convert, fields).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions"), 1);
}

TEST(ActionLinks, APlainMemberSeesNoButtonAndIsRefusedWhenConvertingANextStep) {
  Programme p;
  Browser b(p.site);
  b.sign_in("membre@example.org", kPassword);
  auto page = b.get(p.minutes);
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(has(page, "/elements/" + p.step_id() + "/action"));
  EXPECT_EQ(b.get(p.minutes + "/elements/" + p.step_id() + "/action").status, 403);
  auto refused = b.post(p.minutes + "/elements/" + p.step_id() + "/action", {});
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(has(refused, "co-porteurs")) << refused.body;  // refused by the use case, not by the CSRF check
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions"), 0);

  Browser visitor(p.site);
  EXPECT_FALSE(has(visitor.get(p.minutes), "/elements/" + p.step_id() + "/action"));
}

TEST(ActionLinks, AnActionLinkedToItsCoalitionsEventsShowsThemOnItsPageAndInJson) {
  Programme p;
  Browser b(p.site);
  b.sign_in("porteur@example.org", kPassword);
  const std::string roadmap = std::string("/coalitions/") + kCoalition + "/feuille-de-route";
  auto form = b.get(roadmap);
  // The coalition's events are offered by the picker: a search finds this one, with its date.
  EXPECT_TRUE(has(form, R"(id="f-events_q" name="events_q")")) << form.body;
  EXPECT_TRUE(
      has(b.post(roadmap, {{"title", "Canevas"}, {"events_q", "juin"}}), "name=\"events\" value=\"reset-day-juin\""));
  // The form ends with its labelled button, the note field before it (not rendered inside it).
  EXPECT_TRUE(has(form, "<button type=\"submit\">Ajouter l’action</button></form>")) << form.body;
  EXPECT_LT(form.body.find("id=\"f-comment\""), form.body.find("<button type=\"submit\">Ajouter l’action"));
  std::vector<std::pair<std::string, std::string>> fields{{"title", "Canevas de valorisation"},
                                                          {"lever", "offre"},
                                                          {"scale", "national"},
                                                          {"status", "engagee"},
                                                          {"events", "reset-day-juin"}};

  // An event that is not one of the coalition's is refused next to the field, and nothing is written.
  auto bad = fields;
  bad.back().second = "un-autre-evenement";
  auto refused = b.post(roadmap, bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "f-events-error"));
  EXPECT_TRUE(has(refused, "Canevas de valorisation"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM actions"), 0);

  auto r = b.post(roadmap, fields);
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string id = std::to_string(p.site.count("SELECT MAX(id) FROM actions"));
  auto shown = b.get(roadmap + "/" + id);
  EXPECT_TRUE(has(shown, "<a href=\"/evenements/reset-day-juin\">Reset Day de juin</a>")) << shown.body;
  EXPECT_TRUE(has(shown, "value=\"reset-day-juin\" checked"));
  auto json = b.get(roadmap + ".json");
  EXPECT_TRUE(has(json, "\"events\":[{\"slug\":\"reset-day-juin\""));

  // Unlinking is an edit like any other: a new revision, and the page no longer lists the event.
  auto edit = fields;
  edit.pop_back();
  edit.push_back({"base_revision", "1"});
  EXPECT_EQ(b.post(roadmap + "/" + id, edit).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM action_events"), 0);
  EXPECT_EQ(p.site.count("SELECT revision FROM actions WHERE id = " + id), 2);
}

TEST(ActionLinks, TheDashboardListsTheNextUpcomingEventsAtParisTimeAndAsJson) {
  Programme p;
  Browser b(p.site);
  b.sign_in("anim@example.org", kPassword);
  const auto today = std::chrono::floor<std::chrono::days>(p.site.now());
  // Six events to come, created latest first: only the five soonest are listed, soonest first.
  for (int n = 6; n >= 1; --n) {
    const std::string day = date::format("%F", today + std::chrono::days(7 * n));
    b.get("/evenements/nouveau");
    auto r = b.post("/evenements/nouveau", {{"kind", "atelier-de-coalition"},
                                            {"title", "Atelier " + std::to_string(n)},
                                            {"slug", "atelier-" + std::to_string(n)},
                                            {"starts", day + "T14:00"},
                                            {"ends", day + "T16:00"}});
    ASSERT_EQ(r.status, 303) << r.body;
  }
  Browser visitor(p.site);
  auto page = visitor.get("/tableau-de-bord");
  ASSERT_EQ(page.status, 200);
  for (int n = 1; n <= 5; ++n) EXPECT_TRUE(has(page, "href=\"/evenements/atelier-" + std::to_string(n) + "\"")) << n;
  EXPECT_FALSE(has(page, "/evenements/atelier-6\""));
  EXPECT_FALSE(has(page, "/evenements/reset-day-juin\""));  // already past
  EXPECT_LT(page.body.find("/evenements/atelier-1\""), page.body.find("/evenements/atelier-2\""));
  EXPECT_TRUE(has(page, "14:00"));  // Paris time, whatever the season (13:00 or 12:00 in UTC)

  auto json = visitor.get("/tableau-de-bord.json");
  EXPECT_TRUE(has(json, "\"upcoming_events\""));
  EXPECT_TRUE(has(json, "\"slug\":\"atelier-1\""));
  EXPECT_FALSE(has(json, "\"slug\":\"atelier-6\""));
}

}  // namespace
}  // namespace fabrique::test
