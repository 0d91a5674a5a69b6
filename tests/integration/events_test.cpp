// Events over real HTTP: creation and series, Paris times, registrations with the waiting list
// under concurrency, who sees the online link and the list, CSV, attendance, minutes with their
// revisions and items, coalition proposals, and every iCalendar file parsed back with libical.
#include <date/date.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <algorithm>
#include <set>
#include <thread>

#include "coalitions/use_cases.hpp"
#include "events/store.hpp"
#include "http/compress.hpp"
#include "http/page_cache.hpp"
#include "integration/coalition_filter.hpp"
#include "integration/site.hpp"
#include "organisations/use_cases.hpp"
#include "storage/batches.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::test {
namespace {

constexpr const char* kCoalition = "developper-et-maintenir-les-communs-numeriques";

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

// The DTSTART instants (unix seconds) of every VEVENT of an iCalendar text, parsed by libical;
// fails the test when libical cannot read it.
std::vector<std::pair<std::string, time_t>> parse_ics(const std::string& text) {
  std::vector<std::pair<std::string, time_t>> out;
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  EXPECT_NE(cal, nullptr) << text;
  if (!cal) return out;
  EXPECT_EQ(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent* v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); v;
       v = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    const icaltimetype start = icalcomponent_get_dtstart(v);
    out.emplace_back(icalcomponent_get_uid(v), icaltime_as_timet_with_zone(start, icaltimezone_get_utc_timezone()));
  }
  icalcomponent_free(cal);
  return out;
}

// The DESCRIPTION of the first VEVENT, unfolded and unescaped by libical.
std::string ics_description(const std::string& text) {
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  if (!cal) return {};
  icalcomponent* v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  std::string out = v && icalcomponent_get_description(v) ? icalcomponent_get_description(v) : "";
  icalcomponent_free(cal);
  return out;
}

// The STATUS of every VEVENT, as libical reads it.
std::vector<icalproperty_status> ics_statuses(const std::string& text) {
  std::vector<icalproperty_status> out;
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  if (!cal) return out;
  for (icalcomponent* v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); v;
       v = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
    out.push_back(icalcomponent_get_status(v));
  icalcomponent_free(cal);
  return out;
}

time_t utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  using namespace std::chrono;
  const sys_seconds t = sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
  return static_cast<time_t>(t.time_since_epoch().count());
}

// A site with an animateur, a co-porteur of one coalition, and a member.
struct Programme {
  // `configure` may change the options the site runs with (Site).
  explicit Programme(const std::function<void(config::Options&)>& configure = {})
      : site(Site::small_limits(), configure) {
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

  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  accounts::User porteur = site.add_user("porteur@example.org", "Porteur", kPassword);
  accounts::User member = site.add_user("membre@example.org", "Membre Visible", kPassword);

  // Creates an event through the form, as the animateur; returns the response.
  HttpResponse create(std::vector<std::pair<std::string, std::string>> fields) {
    Browser b(site);
    b.sign_in("anim@example.org", kPassword);
    b.get("/evenements/nouveau");
    return b.post("/evenements/nouveau", fields);
  }
  // An event in a week's time, 14:00–16:00 Paris, with `capacity` places, an online link and the coalition.
  std::string upcoming(const std::string& slug, const std::string& capacity) {
    const auto day = std::chrono::floor<std::chrono::days>(site.now()) + std::chrono::days(7);
    const std::string date = date::format("%F", day);
    auto r = create({{"kind", "reset-day"},
                     {"title", "Reset Day test"},
                     {"slug", slug},
                     {"starts", date + "T14:00"},
                     {"ends", date + "T16:00"},
                     {"capacity", capacity},
                     {"online_url", "https://visio.example.org/reset"},
                     {"coalitions", kCoalition}});
    EXPECT_EQ(r.status, 303) << r.body;
    return "/evenements/" + slug;
  }
  // Signs `b` in as `email` and registers that person to the event at `page` (a place, or a wait).
  void sign_in_and_register(Browser& b, const std::string& email, const std::string& page) {
    b.sign_in(email, kPassword);
    b.get(page);
    ASSERT_EQ(b.post(page + "/inscription", {}).status, 303);
  }
};

TEST(Events, AnEventAt14hParisInJanuaryAndJulyHasTheRightUtcInstantAndIcs) {
  Programme p;
  ASSERT_EQ(p.create({{"kind", "atelier-de-coalition"},
                      {"title", "Atelier d'hiver"},
                      {"slug", "hiver"},
                      {"starts", "2027-01-12T14:00"},
                      {"ends", "2027-01-12T16:00"}})
                .status,
            303);
  ASSERT_EQ(p.create({{"kind", "atelier-de-coalition"},
                      {"title", "Atelier d'été"},
                      {"slug", "ete"},
                      {"starts", "2027-07-13T14:00"},
                      {"ends", "2027-07-13T16:00"}})
                .status,
            303);
  // Winter is UTC+1, summer UTC+2.
  EXPECT_EQ(p.site.count("SELECT starts_at FROM events WHERE slug = 'hiver'"), utc(2027, 1, 12, 13));
  EXPECT_EQ(p.site.count("SELECT starts_at FROM events WHERE slug = 'ete'"), utc(2027, 7, 13, 12));
  Browser b(p.site);
  auto winter = b.get("/evenements/hiver.ics");
  EXPECT_EQ(winter.status, 200);
  EXPECT_TRUE(has(winter.header("content-type"), "text/calendar"));
  auto w = parse_ics(winter.body);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].second, utc(2027, 1, 12, 13));
  auto s = parse_ics(b.get("/evenements/ete.ics").body);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].second, utc(2027, 7, 13, 12));
  // The page shows Paris time.
  EXPECT_TRUE(has(b.get("/evenements/ete").body, "14:00–16:00"));
  // The feed of every event holds both, with stable UIDs.
  auto all = parse_ics(b.get("/evenements.ics").body);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(parse_ics(b.get("/evenements.ics").body)[0].first, all[0].first);
}

// The whole programme's calendar and CSV read the events a batch at a time, in date order: every
// event once and in that order, even where many start at the same instant (the batches follow on by
// id); the calendar is still one VCALENDAR that libical reads.
TEST(Events, TheWholeCalendarAndCsvHoldEveryEventOnceInOrderAcrossBatches) {
  Programme p;
  constexpr int kEvents = 2 * static_cast<int>(storage::kExportBatch) + 37;
  {
    auto c = p.site.db().acquire();
    const auto kind = taxonomies::term(*c, taxonomies::kEventKinds, "reset-day");
    ASSERT_TRUE(kind);
    storage::Transaction tx(*c, true);
    for (int i = 0; i < kEvents; ++i) {
      events::Event e;
      e.slug = fmt::format("rencontre-{:04}", i);
      e.title = fmt::format("Rencontre {:04}", i);
      e.kind_id = kind->id;
      // Five instants for them all: most share theirs with many others.
      e.starts_at = p.site.now() + std::chrono::hours(24 * (1 + (i * 3) % 5));
      e.ends_at = e.starts_at + std::chrono::hours(2);
      e.created_at = e.updated_at = p.site.now();
      events::store::insert(*c, e);
    }
    tx.commit();
  }
  // By start, then by id (the order of insertion).
  std::vector<int> expected(kEvents);
  for (int i = 0; i < kEvents; ++i) expected[i] = i;
  std::stable_sort(expected.begin(), expected.end(), [](int x, int y) { return (x * 3) % 5 < (y * 3) % 5; });

  Browser visitor(p.site);
  const std::string csv = visitor.get("/evenements.csv").body;
  std::vector<int> in_csv;
  for (std::size_t at = 0; (at = csv.find("\r\nrencontre-", at)) != std::string::npos; ++at)
    in_csv.push_back(std::stoi(csv.substr(at + 12, 4)));
  EXPECT_EQ(in_csv, expected);

  auto ics = visitor.get("/evenements.ics", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(ics.header("content-encoding"), "gzip");
  const auto calendar = parse_ics(http::gunzip(ics.body));
  ASSERT_EQ(calendar.size(), static_cast<std::size_t>(kEvents));
  std::set<std::string> uids;
  for (const auto& [uid, start] : calendar) uids.insert(uid);
  EXPECT_EQ(uids.size(), static_cast<std::size_t>(kEvents)) << "no event twice";
  EXPECT_TRUE(std::is_sorted(calendar.begin(), calendar.end(),
                             [](const auto& x, const auto& y) { return x.second < y.second; }));
}

// A whole register's export may cost a second of CPU to write: it is written to a file once, and the
// file kept until what it read changes, even with the page cache off (pages are then rendered every
// time). A change outside the site shows once the file is a minute old; one through the site, at once.
// Each encoding has its own file.
TEST(Events, TheWholeCalendarAndCsvAreWrittenOnceUntilAnEventChangesEvenWithThePageCacheOff) {
  Programme p([](config::Options& o) { o.page_cache = false; });
  const std::string page = p.upcoming("premier", "10");
  Browser visitor(p.site);
  const std::vector<std::pair<std::string, std::string>> gzip = {{"Accept-Encoding", "gzip"}};
  auto csv = [&] { return visitor.get("/evenements.csv").body; };
  auto gzipped_csv = [&] {
    auto r = visitor.get("/evenements.csv", gzip);
    EXPECT_EQ(r.header("content-encoding"), "gzip");
    return http::gunzip(r.body);
  };
  auto ics = [&] { return visitor.get("/evenements.ics").body; };
  ASSERT_TRUE(has(csv(), "Reset Day test"));
  ASSERT_TRUE(has(gzipped_csv(), "Reset Day test"));
  ASSERT_TRUE(has(ics(), "Reset Day test"));
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE events SET title = 'Titre changé'");
  }
  EXPECT_TRUE(has(visitor.get(page).body, "Titre changé")) << "a page is rendered every time";
  EXPECT_FALSE(has(csv(), "Titre changé")) << "the CSV was written again";
  EXPECT_FALSE(has(gzipped_csv(), "Titre changé")) << "the gzipped CSV was written again";
  EXPECT_FALSE(has(ics(), "Titre changé")) << "the calendar was written again";

  p.site.advance(http::PageCache::kMaxAge + std::chrono::seconds(1));
  EXPECT_TRUE(has(csv(), "Titre changé")) << "a minute on, a change outside the site shows";
  EXPECT_TRUE(has(gzipped_csv(), "Titre changé"));
  EXPECT_TRUE(has(ics(), "Titre changé"));
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE events SET title = 'Titre changé ' || slug");
  }
  p.upcoming("second", "10");
  EXPECT_TRUE(has(ics(), "Titre changé premier")) << "an event created through the site writes it again";
  EXPECT_TRUE(has(csv(), "Titre changé premier"));
  EXPECT_TRUE(has(gzipped_csv(), "Titre changé premier"));
}

TEST(Events, TwentyConcurrentRegistrationsForTenPlacesGiveTenPlacesAndTenWaiting) {
  Programme p;
  const std::string page = p.upcoming("rush", "10");
  std::vector<std::unique_ptr<Browser>> people;
  for (int i = 0; i < 20; ++i) {
    const std::string email = "personne" + std::to_string(i) + "@example.org";
    p.site.add_user(email, "Personne " + std::to_string(i), kPassword);
    people.push_back(std::make_unique<Browser>(p.site));
    people.back()->sign_in(email, kPassword);
    people.back()->get(page);
  }
  std::vector<int> statuses(20);
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i)
    threads.emplace_back([&, i] { statuses[i] = people[i]->post(page + "/inscription", {}).status; });
  for (auto& t : threads) t.join();
  for (int s : statuses) EXPECT_EQ(s, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations WHERE status = 'registered'"), 10);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations WHERE status = 'waiting'"), 10);
  EXPECT_EQ(p.site.count("SELECT COUNT(DISTINCT user_id) FROM registrations"), 20);
  // Each person sees their own state; the waiting ones their position, 1 to 10 once each.
  std::set<std::string> positions;
  for (auto& b : people) {
    auto body = b->get(page).body;
    std::smatch m;
    if (std::regex_search(body, m, std::regex("numéro ([0-9]+) sur la liste d’attente")))
      positions.insert(m[1]);
    else
      EXPECT_TRUE(has(body, "Vous êtes inscrit")) << body;
  }
  EXPECT_EQ(positions.size(), 10u);
}

// A registration names the event whose registrations it changed (storage::Rows): a visitor's cached
// page of that event, and of every page counting its places, is rendered again; another event's
// page stays cached. (Titles changed behind the site's back tell a page rendered again from one kept.)
TEST(Events, ARegistrationRendersAgainThePagesOfItsEventAndKeepsTheOthers) {
  Programme p;
  const std::string first = p.upcoming("premier", "10");
  const std::string second = p.upcoming("second", "10");
  Browser visitor(p.site);
  const std::string coalition = std::string("/coalitions/") + kCoalition;
  for (const std::string& page :
       {first, second, std::string("/evenements"), std::string("/evenements.json"), coalition})
    ASSERT_FALSE(has(visitor.get(page).body, "Titre changé")) << page;
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE events SET title = 'Titre changé ' || slug");
  }
  EXPECT_FALSE(has(visitor.get(first).body, "Titre changé")) << "a change outside the site shows within a minute";

  Browser member(p.site);
  p.sign_in_and_register(member, "membre@example.org", first);
  EXPECT_TRUE(has(visitor.get(first).body, "Titre changé premier")) << "the event registered to";
  EXPECT_FALSE(has(visitor.get(second).body, "Titre changé")) << "another event's page was rendered again";
  // The list and the coalition's page show no count of places: they read no registration, and are kept.
  EXPECT_FALSE(has(visitor.get("/evenements").body, "Titre changé")) << "the list was rendered again";
  EXPECT_FALSE(has(visitor.get(coalition).body, "Titre changé")) << "its coalition's page was rendered again";
  EXPECT_TRUE(has(visitor.get("/evenements.json").body, "Titre changé premier")) << "the JSON list counts them";

  // A cancellation names its event too; the second event's page is still the one kept.
  member.get(first);
  ASSERT_EQ(member.post(first + "/annulation", {}).status, 303);
  EXPECT_FALSE(has(visitor.get(second).body, "Titre changé"));
}

// An event's page names its coalitions and shows nothing of their activity: it reads what names them
// alone (storage::query_identity), and is kept when someone declares interest in one of them (which
// moves the coalition's activity, by its row); a change to the coalitions themselves renders it again.
TEST(Events, AnEventsPageIsKeptWhenItsCoalitionsActivityMovesAndNotWhenTheyChange) {
  Programme p;
  const std::string page = p.upcoming("premier", "10");
  Browser visitor(p.site);
  ASSERT_TRUE(has(visitor.get(page).body, "Développer et maintenir les communs numériques")) << "its coalition";
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE events SET title = 'Titre changé ' || slug");  // behind the site's back
  }
  Browser member(p.site);
  member.sign_in("membre@example.org", kPassword);
  const std::string coalition = std::string("/coalitions/") + kCoalition;
  member.get(coalition);
  ASSERT_EQ(member.post(coalition + "/interet", {{"usages", "1"}, {"message", "Volontaires."}}).status, 303);
  EXPECT_FALSE(has(visitor.get(page).body, "Titre changé")) << "rendered again after a declaration";
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE coalitions SET title = 'Coalition renommée'");
    storage::record_changes(*c);  // as the site does after a change it does not name by rows
  }
  const std::string after = visitor.get(page).body;
  EXPECT_TRUE(has(after, "Titre changé premier")) << "kept after its coalition was renamed";
  EXPECT_TRUE(has(after, "Coalition renommée"));
}

TEST(Events, ACancellationPromotesTheFirstPersonWaiting) {
  Programme p;
  const std::string page = p.upcoming("petit", "1");
  Browser first(p.site), second(p.site), third(p.site);
  p.site.add_user("b@example.org", "B", kPassword);
  p.site.add_user("c@example.org", "C", kPassword);
  first.sign_in("membre@example.org", kPassword);
  second.sign_in("b@example.org", kPassword);
  third.sign_in("c@example.org", kPassword);
  std::vector<std::string> told;
  for (Browser* b : {&first, &second, &third}) {
    b->get(page);
    auto r = b->post(page + "/inscription", {});
    ASSERT_EQ(r.status, 303);
    const std::string location = r.header("location");
    told.push_back(b->get(location.substr(0, location.find('#'))).body);  // a browser never sends the fragment
  }
  // Each is told on the page they come back to: a place, or the waiting list.
  EXPECT_TRUE(has(told[0], "Votre inscription est enregistrée."));
  EXPECT_TRUE(has(told[1], "Vous êtes sur la liste d’attente : un message vous préviendra"));
  EXPECT_TRUE(has(second.get(page).body, "numéro 1 sur la liste"));
  EXPECT_TRUE(has(third.get(page).body, "numéro 2 sur la liste"));
  first.get(page);
  auto cancelled = first.post(page + "/annulation", {});
  EXPECT_EQ(cancelled.status, 303);
  EXPECT_EQ(cancelled.header("location"), page + "?enregistre=desinscription#inscription");
  EXPECT_TRUE(has(first.get(page + "?enregistre=desinscription").body, "L’inscription est annulée."));
  EXPECT_TRUE(has(second.get(page).body, "Vous êtes inscrit"));
  EXPECT_TRUE(has(third.get(page).body, "numéro 1 sur la liste"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations WHERE status = 'registered'"), 1);
}

TEST(Events, OnlyRegisteredPeopleAndOrganisersSeeTheOnlineLinkAndOnlyOrganisersTheList) {
  Programme p;
  const std::string page = p.upcoming("lien", "");
  Browser visitor(p.site), member(p.site), porteur(p.site);
  EXPECT_FALSE(has(visitor.get(page).body, "visio.example.org"));
  EXPECT_FALSE(has(visitor.get(page + ".json").body, "visio.example.org"));
  EXPECT_FALSE(has(visitor.get(page + ".ics").body, "visio.example.org"));
  member.sign_in("membre@example.org", kPassword);
  EXPECT_FALSE(has(member.get(page).body, "visio.example.org"));
  EXPECT_EQ(member.get(page + "/inscrits.csv").status, 403);
  member.post(page + "/inscription", {});
  EXPECT_TRUE(has(member.get(page).body, "https://visio.example.org/reset"));
  EXPECT_TRUE(has(member.get(page + ".ics").body, "visio.example.org"));
  EXPECT_FALSE(has(member.get(page).body, "membre@example.org"));  // no list for members
  // The co-porteur of a coalition of the event organises it.
  porteur.sign_in("porteur@example.org", kPassword);
  EXPECT_TRUE(has(porteur.get(page).body, "visio.example.org"));
  EXPECT_TRUE(has(porteur.get(page + "/inscrits").body, "membre@example.org"));  // their section
  EXPECT_EQ(member.get(page + "/inscrits").status, 403);
}

TEST(Events, OrganisersExportTheListAsCsvWithAccents) {
  Programme p;
  const std::string page = p.upcoming("csv", "");
  p.site.add_user("eleonore@example.org", "Éléonore Müller", kPassword);
  Browser e(p.site), anim(p.site);
  e.sign_in("eleonore@example.org", kPassword);
  e.get(page);
  e.post(page + "/inscription", {});
  anim.sign_in("anim@example.org", kPassword);
  auto csv = anim.get(page + "/inscrits.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_TRUE(has(csv.header("content-type"), "text/csv"));
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_TRUE(has(csv.body, "Nom,Courriel,Organisation"));
  EXPECT_TRUE(has(csv.body, "Éléonore Müller,eleonore@example.org"));
  EXPECT_TRUE(has(csv.body, "\r\n"));
}

TEST(Events, BadInputIsRefusedWithAMessageAndNothingIsWritten) {
  Programme p;
  auto r = p.create(
      {{"kind", "reset-day"}, {"title", "À l'envers"}, {"starts", "2027-03-02T16:00"}, {"ends", "2027-03-02T14:00"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "La fin doit venir après le début."));
  EXPECT_TRUE(has(r.body, "value=\"À l&#39;envers\""));  // input kept
  // 02:30 on the last Sunday of March does not exist in Paris.
  r = p.create(
      {{"kind", "reset-day"}, {"title", "Nuit"}, {"starts", "2027-03-28T02:30"}, {"ends", "2027-03-28T04:00"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events"), 0);

  const std::string page = p.upcoming("complet", "3");
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  m.get(page);
  m.post(page + "/inscription", {});
  p.site.add_user("b@example.org", "B", kPassword);
  Browser b(p.site);
  b.sign_in("b@example.org", kPassword);
  b.get(page);
  b.post(page + "/inscription", {});
  // Registering twice.
  auto twice = m.post(page + "/inscription", {});
  EXPECT_EQ(twice.status, 422);
  EXPECT_TRUE(has(twice.body, "déjà inscrit"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations"), 2);
  // Cancelling someone else's registration.
  auto other =
      m.post(page + "/annulation",
             {{"personne", std::to_string(p.site.count("SELECT id FROM users WHERE email = 'b@example.org'"))}});
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations"), 2);
  // A capacity below the number of people registered.
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get(page + "/modifier");
  const auto day = date::format("%F", std::chrono::floor<std::chrono::days>(p.site.now()) + std::chrono::days(7));
  auto cap = anim.post(page + "/modifier", {{"kind", "reset-day"},
                                            {"title", "Reset Day test"},
                                            {"starts", day + "T14:00"},
                                            {"ends", day + "T16:00"},
                                            {"capacity", "1"}});
  EXPECT_EQ(cap.status, 422);
  EXPECT_TRUE(has(cap.body, "déjà plus de personnes inscrites"));
  EXPECT_EQ(p.site.count("SELECT capacity FROM events WHERE slug = 'complet'"), 3);
  // Registering after closing (the event has started).
  p.site.advance(std::chrono::days(8));
  p.site.add_user("tard@example.org", "Tard", kPassword);
  Browser late(p.site);
  late.sign_in("tard@example.org", kPassword);
  late.get(page);
  auto closed = late.post(page + "/inscription", {});
  EXPECT_EQ(closed.status, 422);
  EXPECT_TRUE(has(closed.body, "inscriptions à cet événement sont closes"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations"), 2);
}

TEST(Events, AMonthlySeriesCreatesItsOccurrencesAndAnEditCanApplyToTheFollowingOnes) {
  Programme p;
  auto r = p.create({{"kind", "reset-day"},
                     {"title", "Reset Day"},
                     {"starts", "2027-01-19T14:00"},
                     {"ends", "2027-01-19T16:00"},
                     {"repeat", "mensuelle"},
                     {"week", "3"},
                     {"weekday", "2"},
                     {"count", "6"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events WHERE series_id IS NOT NULL"), 6);
  // Third Tuesdays, always 14:00 in Paris: 13:00 UTC in winter, 12:00 UTC from April.
  EXPECT_EQ(p.site.count("SELECT starts_at FROM events WHERE slug = 'reset-day-2027-03-16'"), utc(2027, 3, 16, 13));
  EXPECT_EQ(p.site.count("SELECT starts_at FROM events WHERE slug = 'reset-day-2027-04-20'"), utc(2027, 4, 20, 12));
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get("/evenements/reset-day-2027-03-16/modifier");
  r = anim.post("/evenements/reset-day-2027-03-16/modifier", {{"kind", "reset-day"},
                                                              {"title", "Reset Day en ligne"},
                                                              {"starts", "2027-03-16T10:00"},
                                                              {"ends", "2027-03-16T12:00"},
                                                              {"portee", "suivantes"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events WHERE title = 'Reset Day en ligne'"), 4);
  EXPECT_EQ(p.site.count("SELECT starts_at FROM events WHERE slug = 'reset-day-2027-02-16'"), utc(2027, 2, 16, 13));
  EXPECT_EQ(p.site.count("SELECT starts_at FROM events WHERE slug = 'reset-day-2027-05-18'"), utc(2027, 5, 18, 8));
}

// Issue #19, for the minutes: a text someone saved meanwhile is never written over by a stale form.
TEST(Events, MinutesBothChangedAreSettledBeforeAnythingIsSavedAndAStaleUnchangedFormKeepsTheirs) {
  Programme p;
  const std::string page = p.upcoming("crf", "");
  const std::string minutes = page + "/compte-rendu";
  Browser porteur(p.site), other(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  other.sign_in("anim@example.org", kPassword);
  porteur.get(minutes + "/modifier");
  ASSERT_EQ(porteur.post(minutes + "/modifier", {{"base_revision", "0"}, {"minutes", "Premier jet."}}).status, 303);
  other.get(minutes + "/modifier");
  ASSERT_EQ(other.post(minutes + "/modifier", {{"base_revision", "1"}, {"minutes", "Le texte de l'autre."}}).status,
            303);
  // A form from revision 1 that did not change the text: theirs stays, nothing is written.
  porteur.get(minutes + "/modifier");
  EXPECT_EQ(porteur.post(minutes + "/modifier", {{"base_revision", "1"}, {"minutes", "Premier jet.\r\n"}}).status, 303);
  EXPECT_EQ(p.site.count("SELECT minutes_revision FROM events WHERE slug = 'crf'"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events WHERE minutes = 'Le texte de l''autre.'"), 1);
  // Both changed it: base, theirs and mine shown, nothing written until a text is chosen.
  auto conflict = porteur.post(minutes + "/modifier", {{"base_revision", "1"}, {"minutes", "Ma version."}});
  ASSERT_EQ(conflict.status, 409);
  EXPECT_TRUE(has(conflict.body, "Tel qu’il était (version 1)"));
  EXPECT_TRUE(has(conflict.body, "L’autre texte (version 2)"));
  EXPECT_TRUE(has(conflict.body, R"(name="merge_mine_minutes" value="Ma version.")"));
  EXPECT_TRUE(has(conflict.body, R"(name="base_revision" value="2")"));
  const std::vector<std::pair<std::string, std::string>> answered{{"base_revision", "2"},
                                                                  {"merge_base", "1"},
                                                                  {"merge_field", "minutes"},
                                                                  {"merge_mine_minutes", "Ma version."},
                                                                  {"minutes", "Ma version."}};
  auto unsettled = porteur.post(minutes + "/modifier", answered);
  EXPECT_EQ(unsettled.status, 422);
  EXPECT_TRUE(has(unsettled.body, "Choisissez le texte à garder, ou fusionnez-les à la main."));
  EXPECT_EQ(p.site.count("SELECT minutes_revision FROM events WHERE slug = 'crf'"), 2);
  auto mine = answered;
  mine.emplace_back("merge_choice_minutes", "mine");
  auto saved = porteur.post(minutes + "/modifier", mine);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), minutes + "?fusion=2");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events WHERE minutes = 'Ma version.'"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM minutes_revisions WHERE number = 3 AND merged_with = 2"), 1);
  EXPECT_TRUE(has(porteur.get(minutes + "?fusion=2").body, "Enregistré. La version 2 a été enregistrée"));
  EXPECT_TRUE(has(porteur.get(minutes + "/historique").body, "Fusionnée avec la version 2"));
}

TEST(Events, MinutesAreVersionedAndTheirNextStepsAppearOnTheCoalitionPage) {
  Programme p;
  const std::string page = p.upcoming("cr", "");
  const std::string minutes = page + "/compte-rendu";
  Browser porteur(p.site), other(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  other.sign_in("anim@example.org", kPassword);
  porteur.get(minutes + "/modifier");
  auto first = porteur.post(minutes + "/modifier", {{"base_revision", "0"}, {"minutes", "Premier jet."}});
  ASSERT_EQ(first.status, 303);
  EXPECT_EQ(first.header("location"), minutes + "?enregistre=compte-rendu");
  EXPECT_TRUE(has(porteur.get(first.header("location")).body, "Le compte-rendu est enregistré."));
  // Someone else starts from revision 1 and saves; the first editor's stale save is a conflict.
  other.get(minutes + "/modifier");
  ASSERT_EQ(other.post(minutes + "/modifier", {{"base_revision", "1"}, {"minutes", "Deuxième version."}}).status, 303);
  porteur.get(minutes + "/modifier");
  auto stale = porteur.post(minutes + "/modifier", {{"base_revision", "1"}, {"minutes", "Ma version."}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(has(stale.body, "Ma version."));
  EXPECT_EQ(p.site.count("SELECT minutes_revision FROM events WHERE slug = 'cr'"), 2);
  auto diff = porteur.get(minutes + "/historique/comparer?de=1&a=2");
  EXPECT_TRUE(has(diff.body, "<ins"));
  porteur.get(minutes + "/historique");
  auto restored = porteur.post(minutes + "/historique/1/restaurer", {});
  EXPECT_EQ(restored.status, 303);
  EXPECT_EQ(restored.header("location"), minutes + "/historique?enregistre=restauration");
  EXPECT_TRUE(has(porteur.get(minutes).body, "Premier jet."));
  // Structured items; a next step linked to the coalition is listed on its page.
  porteur.get(minutes);
  EXPECT_EQ(porteur
                .post(minutes + "/elements", {{"kind", "suite"},
                                              {"body", "Réunir le noyau"},
                                              {"asked_by", "Fing"},
                                              {"due", "2027-07-07"},
                                              {"coalition", kCoalition}})
                .status,
            303);
  EXPECT_EQ(porteur
                .post(minutes + "/elements", {{"kind", "question"},
                                              {"body", "Comment valoriser les productions ?"},
                                              {"asked_by", "MEL"},
                                              {"asked_to", "Fing"},
                                              {"answer", "Par un canevas."}})
                .status,
            303);
  auto bad = porteur.post(minutes + "/elements", {{"kind", "decision"}, {"body", ""}});
  EXPECT_EQ(bad.status, 422);
  Browser visitor(p.site);
  auto public_minutes = visitor.get(minutes).body;
  EXPECT_TRUE(has(public_minutes, "Comment valoriser les productions ?"));
  EXPECT_TRUE(has(public_minutes, "Par un canevas."));
  auto coalition = visitor.get(std::string("/coalitions/") + kCoalition).body;
  EXPECT_TRUE(has(coalition, "Réunir le noyau"));
  EXPECT_TRUE(has(coalition, "Reset Day test"));
  auto feed = parse_ics(visitor.get(std::string("/coalitions/") + kCoalition + "/evenements.ics").body);
  EXPECT_EQ(feed.size(), 1u);
  // A member may not write minutes.
  Browser member(p.site);
  member.sign_in("membre@example.org", kPassword);
  EXPECT_EQ(member.get(minutes + "/modifier").status, 403);
}

// Issue #19: the item form chooses its linked coalition with the picker, not a list of every one: a
// search draws the form again with the coalitions that match and what was typed, writing nothing;
// an unknown coalition, or two, are refused next to the field; one is linked.
TEST(Events, AMinutesItemChoosesItsCoalitionWithThePicker) {
  Programme p;
  const std::string minutes = p.upcoming("picked", "") + "/compte-rendu";
  const std::string items = minutes + "/elements";
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  auto form = porteur.get(items + "/nouveau");
  ASSERT_EQ(form.status, 200);
  EXPECT_FALSE(has(form.body, "<select id=\"f-coalition\""));
  EXPECT_TRUE(has(form.body, R"(name="coalition_q")"));
  const Fields step = {{"kind", "suite"}, {"body", "Cartographier les communs"}};
  auto found = porteur.post(items, with(step, "coalition_q", "communs numeriques"));
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found.body, std::string(R"(name="coalition" value=")") + kCoalition + "\""));
  EXPECT_TRUE(has(found.body, "Cartographier les communs"));
  auto nothing = porteur.post(items, with(step, "coalition_q", "introuvable"));
  EXPECT_EQ(nothing.status, 200);
  EXPECT_FALSE(has(nothing.body, R"(name="coalition" value=")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM minutes_items"), 0);

  auto unknown = porteur.post(items, with(step, "coalition", "nulle-part"));
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(has(unknown.body, R"(id="f-coalition-error")"));
  Fields both = with(step, "coalition", kCoalition);
  both.emplace_back("coalition", "developper-et-maintenir-les-communs-numeriques-2");
  auto two = porteur.post(items, both);
  EXPECT_EQ(two.status, 422);
  EXPECT_TRUE(has(two.body, R"(id="f-coalition-error")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM minutes_items"), 0);

  ASSERT_EQ(porteur.post(items, with(step, "coalition", kCoalition)).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM minutes_items WHERE coalition_id IS NOT NULL"), 1);
  const std::string id = std::to_string(p.site.count("SELECT MAX(id) FROM minutes_items"));
  // Its edit form shows the coalition chosen, ticked, to untick.
  auto edit = porteur.get(items + "/" + id + "/modifier");
  EXPECT_TRUE(has(edit.body, std::string(R"(name="coalition" value=")") + kCoalition + "\" checked>"));
}

// Issue #19: a question, a decision or a next step is edited in place; two organisers editing it at
// once never write over each other.
TEST(Events, AMinutesItemIsEditedInPlaceAndAStaleEditIsRefusedWithItsTextKept) {
  Programme p;
  const std::string page = p.upcoming("items", "");
  const std::string minutes = page + "/compte-rendu";
  Browser porteur(p.site), other(p.site), member(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  other.sign_in("anim@example.org", kPassword);
  member.sign_in("membre@example.org", kPassword);
  porteur.get(minutes);
  ASSERT_EQ(porteur.post(minutes + "/elements", {{"kind", "decision"}, {"body", "Publier les données."}}).status, 303);
  const std::string id = std::to_string(p.site.count("SELECT MAX(id) FROM minutes_items"));
  const std::string edit = minutes + "/elements/" + id + "/modifier";
  EXPECT_TRUE(has(porteur.get(minutes).body, "href=\"" + edit + "\""));
  auto form = porteur.get(edit);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, "Publier les données."));
  EXPECT_TRUE(has(form.body, R"(name="version" value="1")"));
  other.get(edit);

  // Saved in place: the same item, its new text, its next version; the page says so.
  auto saved = porteur.post(edit, {{"version", "1"}, {"kind", "decision"}, {"body", "Publier les données brutes."}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  // The minutes come back with the fold of decisions open, where the item stands.
  EXPECT_EQ(saved.header("location"), minutes + "?ouvert=decisions&enregistre=compte-rendu#decisions");
  EXPECT_TRUE(has(porteur.get(minutes + "?ouvert=decisions").body, R"(<details class="fold" id="decisions" open>)"));
  EXPECT_FALSE(has(porteur.get(minutes).body, R"(<details class="fold" id="decisions" open>)"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM minutes_items WHERE id = " + id +
                         " AND body = 'Publier les données brutes.' AND version = 2"),
            1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM minutes_items"), 1);

  // The other organiser started from version 1: refused, their text kept, the item as it is shown.
  auto stale = other.post(edit, {{"version", "1"}, {"kind", "decision"}, {"body", "Ne rien publier."}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(has(stale.body, "Ne rien publier."));
  EXPECT_TRUE(has(stale.body, "Publier les données brutes."));
  EXPECT_TRUE(has(stale.body, R"(name="version" value="2")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM minutes_items WHERE body = 'Publier les données brutes.'"), 1);

  // Bad input: the message next to the field, nothing written.
  auto empty = other.post(edit, {{"version", "2"}, {"kind", "decision"}, {"body", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(has(empty.body, "Écrivez le texte de cet élément."));
  EXPECT_EQ(p.site.count("SELECT version FROM minutes_items WHERE id = " + id), 2);
  // A next step names a registered member: they find it among their own, and on the minutes as theirs.
  member.get(page);
  ASSERT_EQ(member.post(page + "/inscription", {}).status, 303);
  porteur.get(minutes);
  ASSERT_EQ(porteur
                .post(minutes + "/elements",
                      {{"kind", "suite"}, {"body", "Écrire le guide"}, {"assignee", std::to_string(p.member.id)}})
                .status,
            303);
  auto mine = member.get("/evenements/mes-inscriptions");
  EXPECT_TRUE(has(mine.body, "Écrire le guide"));
  EXPECT_TRUE(has(mine.body, "href=\"" + minutes + "\""));
  EXPECT_TRUE(has(member.get(minutes).body, R"(<a href="/evenements/mes-inscriptions#suites">vous</a>)"));
  EXPECT_TRUE(
      has(porteur.get("/evenements/mes-inscriptions").body, "Aucune prochaine étape d’un compte-rendu ne vous nomme."));
  // Only organisers; an item of another event is not found.
  member.get(minutes);
  EXPECT_EQ(member.get(edit).status, 403);
  EXPECT_EQ(member.post(edit, {{"version", "2"}, {"kind", "decision"}, {"body", "Moi."}}).status, 403);
  EXPECT_EQ(porteur.get(minutes + "/elements/999/modifier").status, 404);
  EXPECT_EQ(p.site.count("SELECT version FROM minutes_items WHERE id = " + id), 2);
}

TEST(Events, AttendanceShowsOrganisationsAndOnlyTheNamesOfPeopleWhoAgreed) {
  Programme p;
  const std::string page = p.upcoming("presence", "");
  p.site.add_user("discret@example.org", "Personne Discrète", kPassword);
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE users SET show_name = 1 WHERE email = 'membre@example.org'");
  }
  Browser m(p.site), d(p.site), anim(p.site);
  m.sign_in("membre@example.org", kPassword);
  d.sign_in("discret@example.org", kPassword);
  for (Browser* b : {&m, &d}) {
    b->get(page);
    b->post(page + "/inscription", {});
  }
  anim.sign_in("anim@example.org", kPassword);
  anim.get(page);
  // Not before the event has started.
  std::string mid = std::to_string(p.member.id);
  EXPECT_EQ(anim.post(page + "/presences", {{"present", mid}}).status, 422);
  p.site.advance(std::chrono::days(7) + std::chrono::hours(15));
  anim.get(page);
  const std::string did = std::to_string(p.site.count("SELECT id FROM users WHERE email = 'discret@example.org'"));
  EXPECT_EQ(anim.post(page + "/presences", {{"present", mid}, {"present", did}}).status, 303);
  Browser visitor(p.site);
  auto minutes = visitor.get(page + "/compte-rendu").body;
  EXPECT_TRUE(has(minutes, "Membre Visible"));
  EXPECT_FALSE(has(minutes, "Personne Discrète"));
}

TEST(Events, ProposalAdoptionKeepsItsProvenance) {
  Programme p;
  const std::string page = p.upcoming("avril", "");
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  m.get("/propositions/nouvelle");
  auto empty = m.post("/propositions/nouvelle", {{"title", ""}, {"intention", ""}});
  EXPECT_EQ(empty.status, 422);
  auto r = m.post("/propositions/nouvelle", {{"title", "Pour un numérique au service de la proximité territoriale"},
                                             {"intention", "Outiller la proximité."},
                                             {"actors", "La Poste, ANCT"},
                                             {"event", "avril"}});
  ASSERT_EQ(r.status, 303);
  const auto id = std::to_string(p.site.count("SELECT id FROM coalition_proposals"));
  EXPECT_EQ(m.post("/propositions/" + id + "/decision", {{"decision", "adopter"}}).status, 403);
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get("/propositions");
  // The event to present it at is chosen with the picker: a search draws the list again with this
  // proposal's form open on the matches (each with its date), writing nothing; two, or an unknown
  // one, are refused next to the field.
  const std::string schedule = "/propositions/" + id + "/programmer";
  auto found = anim.post(schedule, {{"event-" + id + "_q", "reset day"}, {"presented_by-" + id, "Son groupe"}});
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found.body, "name=\"event-" + id + "\" value=\"avril\""));
  EXPECT_TRUE(has(found.body, "value=\"Son groupe\""));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_proposals WHERE presented_at_event_id IS NOT NULL"), 0);
  auto two = anim.post(schedule, {{"event-" + id, "avril"}, {"event-" + id, "mai"}});
  EXPECT_EQ(two.status, 422);
  EXPECT_TRUE(has(two.body, "id=\"f-event-" + id + "-error\""));
  auto unknown = anim.post(schedule, {{"event-" + id, "nulle-part"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(has(unknown.body, "id=\"f-event-" + id + "-error\""));
  // So is the coalition to merge it into.
  auto coalitions = anim.post("/propositions/" + id + "/decision",
                              {{"decision", "fusionner"}, {"coalition-" + id + "_q", "communs numeriques"}});
  EXPECT_EQ(coalitions.status, 200);
  EXPECT_TRUE(has(coalitions.body, "name=\"coalition-" + id + "\" value=\"" + std::string(kCoalition) + "\""));
  ASSERT_EQ(anim.post("/propositions/" + id + "/programmer",
                      {{"event-" + id, "avril"}, {"presented_by-" + id, "Le Groupe La Poste"}})
                .status,
            303);
  auto adopted =
      anim.post("/propositions/" + id + "/decision",
                {{"decision", "adopter"}, {"number-" + id, "18"}, {"family-" + id, "communs-et-territoires"}});
  ASSERT_EQ(adopted.status, 303);
  const std::string coalition = adopted.header("location");
  auto body = anim.get(coalition).body;
  EXPECT_TRUE(has(body, "La proposition est adoptée : sa coalition est ouverte."));
  EXPECT_TRUE(has(body, "Idée"));
  EXPECT_TRUE(has(body, "Outiller la proximité."));
  EXPECT_TRUE(has(body, "Proposée à"));
  EXPECT_TRUE(has(body, "Présentée à"));
  EXPECT_TRUE(has(body, "Le Groupe La Poste"));
  EXPECT_TRUE(has(anim.get("/propositions").body, "Adoptée"));
  // Deciding twice is refused.
  EXPECT_EQ(anim.post("/propositions/" + id + "/decision", {{"decision", "decliner"}, {"reason-" + id, "Non"}}).status,
            422);
}

TEST(Events, ThePrivateCalendarListsMyEventsUntilIRevokeIt) {
  Programme p;
  const std::string page = p.upcoming("atelier-prive", "");
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  m.get(page);
  m.post(page + "/inscription", {});
  m.get("/evenements/mes-inscriptions");
  auto made = m.post("/evenements/mes-inscriptions/agenda", {});
  std::smatch match;
  std::regex address("agenda\\.ics\\?jeton=([A-Za-z0-9_-]+)");
  ASSERT_TRUE(std::regex_search(made.body, match, address));
  const std::string feed = "/evenements/agenda.ics?jeton=" + match[1].str();
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM calendar_tokens WHERE token_hash = '" + match[1].str() + "'"), 0);
  Browser calendar_app(p.site);
  auto ics = calendar_app.get(feed);
  EXPECT_EQ(ics.status, 200);
  EXPECT_TRUE(has(ics.body, "visio.example.org"));
  EXPECT_EQ(parse_ics(ics.body).size(), 1u);
  m.get("/evenements/mes-inscriptions");
  m.post("/evenements/mes-inscriptions/agenda/revoquer", {});
  EXPECT_EQ(calendar_app.get(feed).status, 404);
}

// Issue #19: the organiser's minutes page was 2,431 px tall with its forms; they are pages of their
// own, a refused item or file coming back on its page, and each removal says so.
TEST(Events, MinutesItemsAndFilesAreAddedOnPagesOfTheirOwnAndRemovalsSaySo) {
  Programme p;
  const std::string minutes = p.upcoming("formes", "") + "/compte-rendu";
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  auto page = anim.get(minutes).body;
  EXPECT_TRUE(has(page, R"(<a href=")" + minutes + R"(/elements/nouveau">)"));
  EXPECT_TRUE(has(page, R"(<a href=")" + minutes + R"(/pieces/nouvelle">)"));
  EXPECT_FALSE(has(page, R"(name="body")")) << "no item form on the minutes";
  EXPECT_FALSE(has(page, R"(type="file")")) << "no file form on the minutes";
  auto form = anim.get(minutes + "/elements/nouveau");
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, R"(<form method="post" action=")" + minutes + R"(/elements")"));
  auto refused = anim.post(minutes + "/elements", {{"kind", "decision"}, {"body", ""}, {"asked_by", "Fing"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused.body, R"(value="Fing")")) << "what was typed stays";
  EXPECT_TRUE(has(refused.body, "Ajouter une question, une décision ou une prochaine étape"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM minutes_items"), 0);
  ASSERT_EQ(anim.post(minutes + "/elements", {{"kind", "decision"}, {"body", "Publier."}}).status, 303);
  const auto id = std::to_string(p.site.count("SELECT MAX(id) FROM minutes_items"));
  auto removed = anim.post(minutes + "/elements/" + id + "/supprimer", {});
  EXPECT_EQ(removed.header("location"), minutes + "?enregistre=element-retire");
  EXPECT_TRUE(has(anim.get(removed.header("location")).body, "L’élément est retiré du compte-rendu."));
  EXPECT_EQ(anim.get(minutes + "/pieces/nouvelle").status, 200);
  auto exe = anim.post_multipart(minutes + "/pieces", {},
                                 {{"file", "a.pdf", "application/pdf",
                                   "\x7f"
                                   "ELF"}});
  EXPECT_EQ(exe.status, 422);
  EXPECT_TRUE(has(exe.body, R"(type="file")")) << "refused on the file's own page";
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  EXPECT_EQ(m.get(minutes + "/elements/nouveau").status, 403);
  EXPECT_EQ(m.get(minutes + "/pieces/nouvelle").status, 403);
}

TEST(Events, MinutesAttachmentsAreCheckedByContentLimitedTo20MbAndServedAsDownloads) {
  Programme p;
  const std::string page = p.upcoming("pieces", "");
  const std::string minutes = page + "/compte-rendu";
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get(minutes);
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  // Too big, then an executable under a PDF name: refused, nothing written.
  auto big = anim.post_multipart(minutes + "/pieces", {},
                                 {{"file", "enorme.pdf", "application/pdf", pdf + std::string(20'000'001, ' ')}});
  EXPECT_EQ(big.status, 422);
  auto exe = anim.post_multipart(minutes + "/pieces", {},
                                 {{"file", "slides.pdf", "application/pdf",
                                   std::string("\x7f"
                                               "ELF\x02\x01\x01") +
                                       std::string(64, '\0')}});
  EXPECT_EQ(exe.status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM files"), 0);
  // A real PDF is attached and downloaded with a safe Content-Disposition.
  auto ok = anim.post_multipart(minutes + "/pieces", {}, {{"file", "Présentation juin.pdf", "application/pdf", pdf}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  Browser visitor(p.site);
  auto body = visitor.get(minutes).body;
  EXPECT_TRUE(has(body, "Présentation juin.pdf"));
  const auto id = std::to_string(p.site.count("SELECT file_id FROM event_attachments"));
  auto download = visitor.get(minutes + "/pieces/" + id);
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, pdf);
  EXPECT_TRUE(has(download.header("content-disposition"), "attachment"));
  EXPECT_EQ(visitor.get("/evenements/inexistant/compte-rendu/pieces/" + id).status, 404);
  // A member may not attach.
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  m.get(minutes);
  EXPECT_EQ(m.post_multipart(minutes + "/pieces", {}, {{"file", "a.pdf", "application/pdf", pdf}}).status, 403);
  anim.get(minutes);
  auto detached = anim.post(minutes + "/pieces/" + id + "/supprimer", {});
  EXPECT_EQ(detached.status, 303);
  EXPECT_TRUE(has(anim.get(detached.header("location")).body, "La pièce jointe est retirée."));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM files"), 0);
}

// Issue #19: "Reset Day" six times in the results, with no date, was the series six times over.
TEST(Events, SearchGivesTheOccurrencesOfASeriesAsOneResultWithTheNextDate) {
  Programme p;
  ASSERT_EQ(p.create({{"kind", "reset-day"},
                      {"title", "Reset Day"},
                      {"starts", "2030-01-15T14:00"},
                      {"ends", "2030-01-15T16:00"},
                      {"repeat", "mensuelle"},
                      {"week", "3"},
                      {"weekday", "2"},
                      {"count", "3"}})
                .status,
            303);
  // The same title twice without a series is one result too; another title is a result of its own.
  for (const char* day : {"2030-04-02", "2030-05-07"})
    ASSERT_EQ(p.create({{"kind", "atelier-de-coalition"},
                        {"title", "Atelier des données"},
                        {"slug", std::string("donnees-") + day},
                        {"starts", std::string(day) + "T10:00"},
                        {"ends", std::string(day) + "T12:00"}})
                  .status,
              303);
  ASSERT_EQ(p.create({{"kind", "atelier-de-coalition"},
                      {"title", "Atelier des cartes"},
                      {"slug", "cartes"},
                      {"starts", "2030-06-04T10:00"},
                      {"ends", "2030-06-04T12:00"}})
                .status,
            303);
  Browser visitor(p.site);
  auto page = visitor.get("/recherche?q=reset+day");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "1 résultat")) << page.body;
  EXPECT_TRUE(has(page.body, R"(href="/evenements/reset-day-2030-01-15")"));
  EXPECT_TRUE(has(page.body, "15 janvier 2030, et 2 autres dates"));
  EXPECT_FALSE(has(page.body, R"(href="/evenements/reset-day-2030-02-19")"));
  auto ateliers = visitor.get("/recherche.json?q=atelier&type=event");
  EXPECT_TRUE(has(ateliers.body, R"("matching":2)")) << ateliers.body;
  EXPECT_TRUE(has(ateliers.body, R"(/evenements/donnees-2030-04-02","excerpt_html")"));
  EXPECT_TRUE(has(ateliers.body, R"("other_occurrences":1)"));

  // Once the first has passed, the result is the next one, the past one counted among the others.
  p.site.advance(std::chrono::sys_days{std::chrono::year{2030} / 1 / 16} - p.site.now());
  // (Other words' order: the visitors' page cache keeps a page a minute of real time.)
  Browser later(p.site);
  page = later.get("/recherche?q=day+reset");
  EXPECT_TRUE(has(page.body, R"(href="/evenements/reset-day-2030-02-19")")) << page.body;
  EXPECT_TRUE(has(page.body, "19 février 2030, et 2 autres dates"));
  EXPECT_FALSE(has(page.body, R"(href="/evenements/reset-day-2030-01-15")"));
  // After the last, the latest.
  p.site.advance(std::chrono::days(365));
  page = Browser(p.site).get("/recherche?q=reset+day+reset");
  EXPECT_TRUE(has(page.body, R"(href="/evenements/reset-day-2030-03-19")")) << page.body;
}

TEST(Events, ListAndJsonFilterByKindAndCoalition) {
  Programme p;
  p.upcoming("avec-coalition", "");
  p.create({{"kind", "seminaire"},
            {"title", "Séminaire méthodologique"},
            {"slug", "seminaire"},
            {"starts", "2030-07-02T10:00"},
            {"ends", "2030-07-02T17:00"}});
  Browser b(p.site);
  auto all = b.get("/evenements").body;
  EXPECT_TRUE(has(all, "Séminaire méthodologique"));
  EXPECT_TRUE(has(all, "Reset Day test"));
  EXPECT_FALSE(has(b.get("/evenements?type=seminaire").body, "Reset Day test"));
  EXPECT_FALSE(has(b.get(std::string("/evenements?coalition=") + kCoalition).body, "Séminaire méthodologique"));
  auto json = b.get("/evenements.json?type=seminaire").body;
  EXPECT_TRUE(has(json, "\"starts_at\":\"2030-07-02T08:00:00Z\""));
  EXPECT_FALSE(has(json, "Reset Day test"));
  // The coalition typed as its address, its number or words of its title; the downloads take its address.
  expect_coalition_filter(b, {"/evenements", kCoalition, "8.a", "maintenir communs", "Reset Day test"});
  auto by_slug = b.get(std::string("/evenements.json?coalition=") + kCoalition).body;
  EXPECT_TRUE(has(by_slug, "Reset Day test"));
  EXPECT_FALSE(has(by_slug, "Séminaire méthodologique"));
  EXPECT_TRUE(has(b.get(std::string("/evenements.csv?coalition=") + kCoalition).body, "Reset Day test"));
}

TEST(Events, AnEventAndItsMinutesAreFoundBySearchUnderTheirFacets) {
  Programme p;
  const std::string page = p.upcoming("atelier-recherche", "");
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  auto found = porteur.get("/recherche?q=reset").body;
  EXPECT_TRUE(has(found, "href=\"" + page + "\""));
  EXPECT_TRUE(has(found, "type=event"));
  porteur.get(page + "/compte-rendu/modifier");
  ASSERT_EQ(porteur
                .post(page + "/compte-rendu/modifier",
                      {{"base_revision", "0"}, {"minutes", "Nous avons cartographié les capteurs."}})
                .status,
            303);
  auto minutes = porteur.get("/recherche?q=cartographie&type=minutes").body;
  EXPECT_TRUE(has(minutes, "href=\"" + page + "/compte-rendu\""));
  EXPECT_TRUE(has(minutes, "Retour sur Reset Day test"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM search_documents WHERE type = 'minutes'"), 1);
}

TEST(Events, SlotSpeakersAreOrganisationLinksAndPeopleAreNamedPubliclyOnlyWithTheirConsent) {
  Programme p;
  const std::string page = p.upcoming("table-ronde", "");
  {
    auto c = p.site.db().acquire();
    organisations::create_organisation(*c, p.porteur, {"Métropole de Lyon", "collectivite", "", ""}, p.site.now());
    organisations::create_organisation(*c, p.member, {"Atmo France", "association", "", ""}, p.site.now());
    c->execute("UPDATE users SET show_name = 1 WHERE email = 'porteur@example.org'");
  }
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get(page);
  // An unknown address is refused next to its field, nothing written.
  auto bad = anim.post(page + "/programme", {{"slot_starts", "14:00"},
                                             {"slot_ends", "15:00"},
                                             {"slot_title", "Table ronde"},
                                             {"slot_kind", "pleniere"},
                                             {"speaker_people", "personne@ailleurs.org"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad.body, "personne@ailleurs.org"));  // the input is kept
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots"), 0);
  auto ok = anim.post(page + "/programme", {{"slot_starts", "14:00"},
                                            {"slot_ends", "15:00"},
                                            {"slot_title", "Table ronde"},
                                            {"slot_kind", "pleniere"},
                                            {"speaker_organisations", "metropole-de-lyon"},
                                            {"speaker_people", "porteur@example.org\nmembre@example.org"},
                                            {"speakers", "Une chercheuse invitée"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slot_speakers"), 3);

  // The public: the organisation as a link, the porteur (who chose to show their name), the member
  // only as "a speaker from" their organisation, and the outside speaker.
  Browser visitor(p.site);
  auto pub = visitor.get(page).body;
  EXPECT_TRUE(has(pub, R"(<a href="/organisations/metropole-de-lyon">Métropole de Lyon</a>)"));
  EXPECT_TRUE(has(pub, "Porteur ("));
  EXPECT_FALSE(has(pub, "Membre Visible"));
  EXPECT_TRUE(has(pub, R"(un·e intervenant·e de <a href="/organisations/atmo-france">Atmo France</a>)"));
  EXPECT_TRUE(has(pub, "Une chercheuse invitée"));
  auto json = visitor.get(page + ".json").body;
  EXPECT_FALSE(has(json, "Membre Visible"));
  EXPECT_TRUE(has(json, R"("type":"organisation")"));
  EXPECT_TRUE(has(json, R"("name":null)"));
  EXPECT_TRUE(has(json, R"("other_speakers":"Une chercheuse invitée")"));
  const std::string description = ics_description(visitor.get(page + ".ics").body);
  EXPECT_TRUE(has(description, "14:00–15:00 Table ronde — Métropole de Lyon, Porteur (Métropole de Lyon)"))
      << description;
  EXPECT_FALSE(has(description, "Membre Visible"));
  // Organisers see every name, marked when it is not public.
  auto organiser_view = anim.get(page).body;
  EXPECT_TRUE(
      has(organiser_view,
          "Membre Visible (<a href=\"/organisations/atmo-france\">Atmo France</a>) — non affiché publiquement"));

  // Only the person gives their consent, for this slot; then the public sees their name.
  const std::string slot = std::to_string(p.site.count("SELECT id FROM event_slots"));
  EXPECT_EQ(anim.post(page + "/programme/" + slot + "/consentement", {{"nommer", "oui"}}).status, 403);
  EXPECT_FALSE(has(visitor.get(page).body, "Membre Visible"));
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  auto mine = m.get(page).body;
  EXPECT_TRUE(has(mine, "Afficher mon nom comme intervenant·e"));
  EXPECT_EQ(m.post(page + "/programme/" + slot + "/consentement", {{"nommer", "oui"}}).status, 303);
  EXPECT_TRUE(has(visitor.get(page).body, "Membre Visible (<a"));
  // The porteur withdraws for this slot although their account shows their name.
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  porteur.get(page);
  EXPECT_EQ(porteur.post(page + "/programme/" + slot + "/consentement", {{"nommer", "non"}}).status, 303);
  pub = visitor.get(page).body;
  EXPECT_FALSE(has(pub, "Porteur ("));
  EXPECT_TRUE(has(pub, R"(un·e intervenant·e de <a href="/organisations/metropole-de-lyon">)"));
}

TEST(Events, CoPorteursCreateAndEditTheirCoalitionsEventsButNoOthers) {
  Programme p;
  {
    auto c = p.site.db().acquire();
    coalitions::CoalitionInput in;
    in.number = "9.a";
    in.title = "Une autre coalition";
    in.family = "communs-et-territoires";
    in.stage = "cadrage";
    ASSERT_TRUE(coalitions::create_coalition(*c, p.anim, in, p.site.now()).coalition);
  }
  const std::string other = "une-autre-coalition";
  auto fields = [](const std::string& slug, std::vector<std::string> coalitions) {
    std::vector<std::pair<std::string, std::string>> f{{"kind", "reunion-de-cadrage"},
                                                       {"title", "Cadrage"},
                                                       {"slug", slug},
                                                       {"starts", "2030-03-12T10:00"},
                                                       {"ends", "2030-03-12T12:00"}};
    for (auto& k : coalitions) f.emplace_back("coalitions", k);
    return f;
  };
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  // The form's picker offers only the porteur's own coalition: a search matching both finds one.
  porteur.get("/evenements/nouveau");
  auto form = porteur.post("/evenements/nouveau", {{"coalitions_q", "e"}});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, kCoalition));
  EXPECT_FALSE(has(form.body, other));
  EXPECT_FALSE(has(porteur.post("/evenements/nouveau", {{"coalitions_q", "autre"}}).body, other));
  // Refused: no coalition, or a coalition the porteur does not co-port; nothing written.
  auto none = porteur.post("/evenements/nouveau", fields("sans", {}));
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(has(none.body, "Choisissez au moins une des coalitions que vous co-portez."));
  EXPECT_EQ(porteur.post("/evenements/nouveau", fields("ailleurs", {other})).status, 422);
  EXPECT_EQ(porteur.post("/evenements/nouveau", fields("les-deux", {kCoalition, other})).status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events"), 0);
  // Allowed: an event of their coalition, which they then edit.
  ASSERT_EQ(porteur.post("/evenements/nouveau", fields("cadrage", {kCoalition})).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events WHERE slug = 'cadrage'"), 1);
  porteur.get("/evenements/cadrage/modifier");
  auto edit = fields("", {kCoalition});
  edit[1].second = "Cadrage de la coalition";
  EXPECT_EQ(porteur.post("/evenements/cadrage/modifier", edit).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events WHERE title = 'Cadrage de la coalition'"), 1);
  EXPECT_EQ(porteur.post("/evenements/cadrage/modifier", fields("", {kCoalition, other})).status, 422);

  // An event of another coalition (made by an animateur) is not theirs to edit.
  ASSERT_EQ(p.create(fields("autre", {other})).status, 303);
  EXPECT_EQ(porteur.get("/evenements/autre/modifier").status, 403);
  EXPECT_EQ(porteur.post("/evenements/autre/modifier", fields("", {other})).status, 403);
  // Animateurs keep every right, such as moving the porteur's event to another coalition.
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get("/evenements/cadrage/modifier");
  EXPECT_EQ(anim.post("/evenements/cadrage/modifier", fields("", {other})).status, 303);
  // A member who co-ports nothing may not create events at all.
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  EXPECT_EQ(m.get("/evenements/nouveau").status, 403);
  EXPECT_EQ(m.post("/evenements/nouveau", fields("membre", {kCoalition})).status, 403);
  EXPECT_FALSE(has(m.get("/evenements").body, "/evenements/nouveau"));
  EXPECT_TRUE(has(porteur.get("/evenements").body, "/evenements/nouveau"));
}

TEST(Events, AnEventWithADateToBeConfirmedSaysSoKeepsRegistrationClosedAndIsTentativeInIcs) {
  Programme p;
  std::vector<std::pair<std::string, std::string>> fields{
      {"kind", "atelier-de-coalition"}, {"title", "Atelier territorial"}, {"slug", "territorial"},
      {"starts", "2030-06-22T14:00"},   {"ends", "2030-06-22T17:00"},     {"status", "tentative"},
      {"coalitions", kCoalition}};
  ASSERT_EQ(p.create(fields).status, 303);
  Browser visitor(p.site);
  EXPECT_TRUE(has(visitor.get("/evenements/territorial").body, "(date à confirmer)"));
  EXPECT_TRUE(has(visitor.get("/evenements").body, "(date à confirmer)"));
  EXPECT_TRUE(has(visitor.get("/evenements/territorial.json").body, R"("status":"tentative")"));
  auto statuses = ics_statuses(visitor.get("/evenements/territorial.ics").body);
  ASSERT_EQ(statuses.size(), 1u);
  EXPECT_EQ(statuses[0], ICAL_STATUS_TENTATIVE);
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  auto page = m.get("/evenements/territorial").body;
  EXPECT_TRUE(has(page, "Les inscriptions ouvriront une fois la date confirmée."));
  auto refused = m.post("/evenements/territorial/inscription", {});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations"), 0);
  // Confirmed: registration opens.
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get("/evenements/territorial/modifier");
  fields[5].second = "confirmed";
  auto confirmed = anim.post("/evenements/territorial/modifier", fields);
  ASSERT_EQ(confirmed.status, 303);
  EXPECT_EQ(confirmed.header("location"), "/evenements/territorial?enregistre=evenement");
  EXPECT_TRUE(has(anim.get(confirmed.header("location")).body,
                  "<p class=\"notice\" role=\"status\">L’événement est enregistré.</p>"));
  EXPECT_EQ(ics_statuses(visitor.get("/evenements/territorial.ics").body)[0], ICAL_STATUS_CONFIRMED);
  m.get("/evenements/territorial");
  EXPECT_EQ(m.post("/evenements/territorial/inscription", {}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations"), 1);
  // An unknown status is refused next to its field.
  fields[5].second = "peut-etre";
  EXPECT_EQ(anim.post("/evenements/territorial/modifier", fields).status, 422);
}

TEST(Events, CancellingAnEventShowsItCancelledInIcsAndNotifiesEveryoneRegisteredOrWaiting) {
  Programme p;
  const std::string page = p.upcoming("annule", "1");
  Browser m(p.site), porteur(p.site);
  p.sign_in_and_register(m, "membre@example.org", page);
  p.sign_in_and_register(porteur, "porteur@example.org", page);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations WHERE status = 'waiting'"), 1);
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  auto form = anim.get(page + "/modifier");
  EXPECT_TRUE(has(form.body, R"(value="cancelled")"));
  const auto day = std::chrono::floor<std::chrono::days>(p.site.now()) + std::chrono::days(7);
  const std::string date = date::format("%F", day);
  std::vector<std::pair<std::string, std::string>> fields{
      {"kind", "reset-day"}, {"title", "Reset Day test"}, {"starts", date + "T14:00"}, {"ends", date + "T16:00"},
      {"capacity", "1"},     {"coalitions", kCoalition},  {"status", "cancelled"}};
  ASSERT_EQ(anim.post(page + "/modifier", fields).status, 303);
  // Both people are told, once; saving again does not tell them twice.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE link = '" + page + "'"), 2);
  anim.get(page + "/modifier");
  ASSERT_EQ(anim.post(page + "/modifier", fields).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE link = '" + page + "'"), 2);
  EXPECT_TRUE(has(m.get("/compte").body, "Reset Day test"));
  // Shown cancelled everywhere; nobody can register any more.
  Browser visitor(p.site);
  EXPECT_TRUE(has(visitor.get(page).body, "(événement annulé)"));
  EXPECT_EQ(ics_statuses(visitor.get(page + ".ics").body)[0], ICAL_STATUS_CANCELLED);
  EXPECT_EQ(ics_statuses(visitor.get("/evenements.ics").body)[0], ICAL_STATUS_CANCELLED);
  p.site.add_user("tard@example.org", "Tard", kPassword);
  Browser late(p.site);
  late.sign_in("tard@example.org", kPassword);
  late.get(page);
  EXPECT_EQ(late.post(page + "/inscription", {}).status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations"), 2);
}

TEST(Events, OrganisersEditAProgrammeSlotInPlaceAndSpeakersWhoStayKeepTheirConsent) {
  Programme p;
  const std::string page = p.upcoming("programme-modifiable", "");
  {
    auto c = p.site.db().acquire();
    organisations::create_organisation(*c, p.member, {"Atmo France", "association", "", ""}, p.site.now());
  }
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  anim.get(page);
  ASSERT_EQ(anim.post(page + "/programme", {{"slot_starts", "14:00"},
                                            {"slot_ends", "15:00"},
                                            {"slot_title", "Table ronde"},
                                            {"slot_kind", "pleniere"},
                                            {"speaker_organisations", "atmo-france"},
                                            {"speaker_people", "membre@example.org"}})
                .status,
            303);
  const std::string slot = std::to_string(p.site.count("SELECT id FROM event_slots"));
  const std::string edit = page + "/programme/" + slot + "/modifier";
  Browser m(p.site);
  m.sign_in("membre@example.org", kPassword);
  m.get(page);
  ASSERT_EQ(m.post(page + "/programme/" + slot + "/consentement", {{"nommer", "oui"}}).status, 303);

  // The organiser's programme links to the form, which shows the slot as saved.
  EXPECT_TRUE(has(anim.get(page + "/programme").body, "href=\"" + edit + "\""));
  auto form = anim.get(edit);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, R"(value="14:00")"));
  EXPECT_TRUE(has(form.body, R"(value="Table ronde")"));
  EXPECT_TRUE(has(form.body, "membre@example.org"));
  EXPECT_TRUE(has(form.body, R"(name="version" value="1")"));

  std::vector<std::pair<std::string, std::string>> changed{{"version", "1"},
                                                           {"slot_starts", "15:00"},
                                                           {"slot_ends", "16:30"},
                                                           {"slot_title", "Atelier des territoires"},
                                                           {"slot_kind", "atelier"},
                                                           {"speaker_people", "membre@example.org"},
                                                           {"speakers", "Une chercheuse invitée"},
                                                           {"slot_coalition", kCoalition}};
  // A member who does not organise the event can neither see the form nor save it.
  EXPECT_EQ(m.get(edit).status, 403);
  EXPECT_EQ(m.post(edit, changed).status, 403);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots WHERE title = 'Table ronde' AND version = 1"), 1);

  // Bad input: the message next to its field, the input kept, nothing written.
  auto bad = changed;
  bad[2].second = "13:00";
  anim.get(edit);
  auto refused = anim.post(edit, bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused.body, "La fin doit venir après le début."));
  EXPECT_TRUE(has(refused.body, R"(value="Atelier des territoires")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots WHERE title = 'Table ronde' AND version = 1"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slot_speakers"), 2);
  bad = changed;
  bad[4].second = "banquet";
  EXPECT_EQ(anim.post(edit, bad).status, 422);
  bad = changed;
  bad[5].second = "personne@ailleurs.org";
  EXPECT_EQ(anim.post(edit, bad).status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots WHERE title = 'Table ronde' AND version = 1"), 1);

  // Saved in place: same slot, new times (an hour after the event's start), kind, speakers and coalition.
  anim.get(edit);
  auto saved = anim.post(edit, changed);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), page + "/programme?enregistre=creneau");
  EXPECT_NE(anim.get(page + "/programme?enregistre=creneau").body.find("Le créneau est enregistré."),
            std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots"), 1);
  EXPECT_EQ(p.site.count("SELECT s.starts_at - e.starts_at FROM event_slots s JOIN events e ON e.id = s.event_id"),
            3600);
  EXPECT_EQ(p.site.count("SELECT s.ends_at - e.starts_at FROM event_slots s JOIN events e ON e.id = s.event_id"), 9000);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots s JOIN coalitions k ON k.id = s.coalition_id "
                         "WHERE s.title = 'Atelier des territoires' AND s.kind = 'atelier' AND s.version = 2"),
            1);
  // The organisation is no longer a speaker; the member still is, still named by their own choice.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slot_speakers"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slot_speakers WHERE user_id IS NOT NULL AND consent = 1"), 1);
  Browser visitor(p.site);
  auto pub = visitor.get(page).body;
  EXPECT_TRUE(has(pub, "15:00–16:30"));
  EXPECT_TRUE(has(pub, "Atelier des territoires"));
  EXPECT_TRUE(has(pub, "Membre Visible (<a"));
  EXPECT_TRUE(has(pub, "Une chercheuse invitée"));

  // A form opened before that save is refused rather than overwriting it.
  auto stale = changed;
  stale[3].second = "Ancien titre";
  anim.get(edit);
  auto conflict = anim.post(edit, stale);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_TRUE(has(conflict.body, R"(value="Ancien titre")"));
  EXPECT_TRUE(has(conflict.body, R"(name="version" value="2")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots WHERE title = 'Atelier des territoires' AND version = 2"),
            1);
  // A slot of another event is not found through this one.
  p.upcoming("autre-evenement", "");
  anim.get("/evenements/autre-evenement");
  EXPECT_EQ(anim.get("/evenements/autre-evenement/programme/" + slot + "/modifier").status, 404);
}

// Issue #19: a slot names its coalition with the picker, not a list of every coalition: a search draws
// the form again with those that match and what was typed, writing nothing; two, or one that does not
// exist, are refused next to the field, the input kept, nothing written — on the new and the edit form.
TEST(Events, TheSlotFormsChooseTheirCoalitionWithThePicker) {
  Programme p;
  {
    auto c = p.site.db().acquire();
    coalitions::CoalitionInput in;
    in.number = "9";
    in.title = "Rivières ouvertes";
    in.slug = "rivieres-ouvertes";
    in.family = "communs-et-territoires";
    in.stage = "cadrage";
    ASSERT_TRUE(coalitions::create_coalition(*c, p.anim, in, p.site.now()).coalition);
  }
  const std::string page = p.upcoming("programme-choisi", "");
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  auto form = anim.get(page + "/programme/nouvelle");
  ASSERT_EQ(form.status, 200);
  EXPECT_FALSE(has(form.body, R"(<select id="f-slot_coalition")"));
  EXPECT_TRUE(has(form.body, R"(<label for="f-slot_coalition_q">)"));
  const Fields slot = {
      {"slot_starts", "14:00"}, {"slot_ends", "15:00"}, {"slot_title", "Table ronde"}, {"slot_kind", "pleniere"}};
  auto found = anim.post(page + "/programme", with(slot, "slot_coalition_q", "communs numeriques"));
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found.body, std::string(R"(name="slot_coalition" value=")") + kCoalition + "\""));
  EXPECT_TRUE(has(found.body, R"(value="Table ronde")"));
  Fields two = with(slot, "slot_coalition", kCoalition);
  two.emplace_back("slot_coalition", "rivieres-ouvertes");
  auto refused = anim.post(page + "/programme", two);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused.body, R"(id="f-slot_coalition-error")"));
  EXPECT_TRUE(has(refused.body, "Choisissez une seule coalition."));
  EXPECT_TRUE(has(refused.body, R"(value="Table ronde")"));
  auto unknown = anim.post(page + "/programme", with(slot, "slot_coalition", "coalition-inconnue"));
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(has(unknown.body, R"(id="f-slot_coalition-error")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots"), 0);

  // Saved with one coalition; the edit form shows it ticked, and refuses two the same way.
  auto saved = anim.post(page + "/programme", with(slot, "slot_coalition", kCoalition));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(
      p.site.count("SELECT COUNT(*) FROM event_slots s JOIN coalitions k ON k.id = s.coalition_id WHERE k.slug = '" +
                   std::string(kCoalition) + "'"),
      1);
  const std::string edit =
      page + "/programme/" + std::to_string(p.site.count("SELECT id FROM event_slots")) + "/modifier";
  auto opened = anim.get(edit);
  EXPECT_TRUE(has(opened.body, std::string(R"(name="slot_coalition" value=")") + kCoalition + "\" checked"));
  auto edited = with(two, "version", "1");
  edited = with(edited, "slot_title", "Autre titre");
  auto refused_edit = anim.post(edit, edited);
  EXPECT_EQ(refused_edit.status, 422);
  EXPECT_TRUE(has(refused_edit.body, "Choisissez une seule coalition."));
  EXPECT_TRUE(has(refused_edit.body, R"(value="Autre titre")"));
  auto searched_edit = anim.post(edit, with(with(slot, "version", "1"), "slot_coalition_q", "rivieres"));
  EXPECT_EQ(searched_edit.status, 200);
  EXPECT_TRUE(has(searched_edit.body, R"(name="slot_coalition" value="rivieres-ouvertes")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots WHERE title = 'Table ronde' AND version = 1"), 1);
}

TEST(Events, ConfirmingMovingRelinkingOrUncancellingAnEventTellsEveryoneRegisteredOrWaitingOnce) {
  Programme p;
  const std::string page = p.upcoming("deplace", "1");
  Browser m(p.site), porteur(p.site);
  p.sign_in_and_register(m, "membre@example.org", page);
  p.sign_in_and_register(porteur, "porteur@example.org", page);
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  const auto day = std::chrono::floor<std::chrono::days>(p.site.now()) + std::chrono::days(7);
  const std::string date = date::format("%F", day);
  std::vector<std::pair<std::string, std::string>> fields{
      {"kind", "reset-day"},      {"title", "Reset Day test"}, {"starts", date + "T14:00"},
      {"ends", date + "T16:00"},  {"capacity", "1"},           {"online_url", "https://visio.example.org/reset"},
      {"coalitions", kCoalition}, {"status", "confirmed"},     {"place", ""}};
  auto save = [&] {
    anim.get(page + "/modifier");
    auto r = anim.post(page + "/modifier", fields);
    EXPECT_EQ(r.status, 303) << r.body;
  };
  auto told = [&](const std::string& message) {
    return p.site.count("SELECT COUNT(*) FROM notifications WHERE link = '" + page + "' AND message = '" + message +
                        "'");
  };
  const std::string moved = "The date, time or place of the event “{}” changed.";
  const std::string confirmed = "The date of the event “{}” is confirmed.";

  // Saving without a change tells nobody anything.
  // (Only the notices about this event: making the co-porteur when the site was set up told them too.)
  save();
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE link = '" + page + "'"), 0);
  // A new place: the registered person and the one waiting are each told once, however often it is saved.
  fields[8].second = "Halle des communs, Lyon";
  save();
  EXPECT_EQ(told(moved), 2);
  save();
  EXPECT_EQ(told(moved), 2);
  // A new time: told again.
  fields[2].second = date + "T15:00";
  fields[3].second = date + "T17:00";
  save();
  EXPECT_EQ(told(moved), 4);
  EXPECT_TRUE(has(m.get("/compte").body, "Reset Day test"));

  // Back to "date to be confirmed" (nobody told), moved while tentative (nobody told), then confirmed:
  // everyone is told once that the date is confirmed, not that it moved.
  fields[7].second = "tentative";
  save();
  fields[2].second = date + "T09:00";
  fields[3].second = date + "T12:00";
  save();
  EXPECT_EQ(told(moved), 4);
  EXPECT_EQ(told(confirmed), 0);
  fields[7].second = "confirmed";
  save();
  EXPECT_EQ(told(confirmed), 2);
  EXPECT_EQ(told(moved), 4);
  save();
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE link = '" + page + "'"), 6);

  // A new online link: told once, without the link in the message.
  const std::string relinked = "The online link of the event “{}” changed.";
  fields[5].second = "https://visio.example.org/reset-2";
  save();
  save();
  EXPECT_EQ(told(relinked), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE message LIKE '%visio%'"), 0);
  // Cancelled, then on again (here with its date still to be confirmed): both told once each.
  const std::string cancelled = "The event “{}” is cancelled.";
  const std::string back_on = "The event “{}” is no longer cancelled.";
  fields[7].second = "cancelled";
  save();
  fields[7].second = "tentative";
  save();
  save();
  EXPECT_EQ(told(cancelled), 2);
  EXPECT_EQ(told(back_on), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE link = '" + page + "'"), 12);
}

// The event form chooses its coalitions and organisations with the picker: a search draws the form
// again (200) with what matches to tick, keeps what was typed and chosen, and saves nothing; an
// unticked choice is not sent, so it is gone; the save keeps what is ticked.
TEST(Events, TheEventFormPicksOrganisationsAndCoalitionsBySearchingWithoutJavaScript) {
  Programme p;
  {
    auto c = p.site.db().acquire();
    organisations::create_organisation(*c, p.anim, {"Métropole de Lyon", "collectivite", "", ""}, p.site.now());
    organisations::create_organisation(*c, p.anim, {"Atmo France", "association", "", ""}, p.site.now());
    organisations::create_organisation(*c, p.anim, {"Fing", "association", "", ""}, p.site.now());
  }
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  auto blank = anim.get("/evenements/nouveau").body;
  EXPECT_FALSE(has(blank, R"(name="organisers" value=")")) << "no list of every organisation";
  EXPECT_TRUE(has(blank, R"(<label for="f-organisers_q">Ajouter une organisation</label>)"));
  const auto day = std::chrono::floor<std::chrono::days>(p.site.now()) + std::chrono::days(9);
  const std::string date = date::format("%F", day);
  const std::vector<std::pair<std::string, std::string>> form = {{"kind", "reset-day"},
                                                                 {"title", "Atelier capteurs"},
                                                                 {"slug", "atelier-capteurs"},
                                                                 {"starts", date + "T10:00"},
                                                                 {"ends", date + "T12:00"}};
  auto with = [&](std::vector<std::pair<std::string, std::string>> more) {
    auto out = form;
    out.insert(out.end(), more.begin(), more.end());
    return out;
  };
  // Accents and case aside: "metropole" finds Métropole de Lyon; the communs coalition by a word of its title.
  auto found =
      anim.post("/evenements/nouveau",
                with({{"organisers_q", "metropole"}, {"organisers_chercher", "1"}, {"coalitions_q", "COMMUNS"}}));
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found.body, R"(name="organisers" value="metropole-de-lyon">)")) << "offered, not ticked";
  EXPECT_FALSE(has(found.body, R"(value="atmo-france")"));
  EXPECT_TRUE(has(found.body, std::string(R"(name="coalitions" value=")") + kCoalition + "\">"));
  EXPECT_TRUE(has(found.body, R"(value="Atelier capteurs")")) << "what was typed is kept";
  EXPECT_TRUE(has(found.body, "role=\"status\"")) << "the search says what it found";
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events"), 0);
  // Two organisations ticked, a third searched: the ticked ones stay ticked, out of the matches.
  auto second = anim.post("/evenements/nouveau",
                          with({{"organisers", "metropole-de-lyon"}, {"organisers", "fing"}, {"organisers_q", "a"}}));
  EXPECT_EQ(second.status, 200);
  EXPECT_TRUE(has(second.body, R"(name="organisers" value="metropole-de-lyon" checked>)"));
  EXPECT_TRUE(has(second.body, R"(name="organisers" value="fing" checked>)"));
  EXPECT_TRUE(has(second.body, R"(name="organisers" value="atmo-france">)"));
  EXPECT_FALSE(has(second.body, R"(name="organisers" value="fing">)")) << "a chosen one is not offered again";
  // Nothing matches: said so.
  EXPECT_TRUE(has(anim.post("/evenements/nouveau", with({{"organisers_q", "zzz"}})).body, "zzz"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events"), 0);
  // Fing unticked (not sent) and saved: two organisations and the coalition.
  auto saved = anim.post("/evenements/nouveau", with({{"organisers", "metropole-de-lyon"},
                                                      {"organisers", "atmo-france"},
                                                      {"coalitions", kCoalition},
                                                      {"organisers_q", ""}}));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_organisations WHERE role = 'organiser'"), 2);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_coalitions"), 1);
  // The edit form starts from them, ticked; unticking one removes it.
  auto edit = anim.get("/evenements/atelier-capteurs/modifier").body;
  EXPECT_TRUE(has(edit, R"(name="organisers" value="atmo-france" checked>)"));
  auto edited = form;
  edited.erase(edited.begin() + 2);  // no address on an edit
  edited.push_back({"organisers", "atmo-france"});
  edited.push_back({"coalitions", kCoalition});
  ASSERT_EQ(anim.post("/evenements/atelier-capteurs/modifier", edited).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_organisations WHERE role = 'organiser'"), 1);
}

// The organisers' page is split into sections of their own, linked from a small nav: the event
// page keeps its facts, programme and registration; the programme forms, the registrations and
// attendance have their own pages, for organisers only; the slot's picker searches there too.
TEST(Events, TheOrganisersSectionsArePagesOfTheirOwn) {
  Programme p;
  const std::string page = p.upcoming("sections", "");
  {
    auto c = p.site.db().acquire();
    organisations::create_organisation(*c, p.anim, {"Atmo France", "association", "", ""}, p.site.now());
    storage::record_changes(*c);  // as the site does after a change: the pickers' lists are shared
  }
  Browser anim(p.site), member(p.site);
  p.sign_in_and_register(member, "membre@example.org", page);
  anim.sign_in("anim@example.org", kPassword);
  auto overview = anim.get(page).body;
  EXPECT_TRUE(has(overview, R"(<nav class="sections" aria-label="Organiser cet événement">)"));
  EXPECT_TRUE(has(overview, "href=\"" + page + "/inscrits\""));
  EXPECT_FALSE(has(overview, "membre@example.org")) << "the registrations are on their own page";
  EXPECT_FALSE(has(overview, "slot_title")) << "the slot form is on the programme page";
  EXPECT_FALSE(has(member.get(page).body, R"(class="sections")"));
  for (const std::string section : {"/programme", "/programme/nouvelle", "/inscrits", "/presences"}) {
    auto r = anim.get(page + section);
    EXPECT_EQ(r.status, 200) << section;
    EXPECT_TRUE(has(r.body, "aria-current=\"page\"")) << section;
    EXPECT_EQ(member.get(page + section).status, 403) << section;
  }
  EXPECT_TRUE(has(anim.get(page + "/inscrits").body, "membre@example.org"));
  EXPECT_TRUE(has(anim.get(page + "/programme").body, "href=\"" + page + "/programme/nouvelle\""));
  EXPECT_TRUE(has(anim.get(page + "/presences").body, "une fois l’événement commencé") ||
              has(anim.get(page + "/presences").body, "once the event has started"));
  // The slot form's picker: a search comes back with the organisations to tick, nothing saved.
  const std::vector<std::pair<std::string, std::string>> slot = {
      {"slot_starts", "14:00"}, {"slot_ends", "15:00"}, {"slot_title", "Table ronde"}, {"slot_kind", "pleniere"}};
  auto searched = slot;
  searched.push_back({"speaker_organisations_q", "atmo"});
  auto found = anim.post(page + "/programme", searched);
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(has(found.body, R"(name="speaker_organisations" value="atmo-france">)"));
  EXPECT_TRUE(has(found.body, R"(value="Table ronde")"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slots"), 0);
  auto chosen = slot;
  chosen.push_back({"speaker_organisations", "atmo-france"});
  auto added = anim.post(page + "/programme", chosen);
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(added.header("location"), page + "/programme?enregistre=creneau");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM event_slot_speakers"), 1);

  // Attendance, once started: the people who came chosen among those registered, by the picker.
  p.site.advance(std::chrono::days(7) + std::chrono::hours(15));
  anim.get(page + "/presences");
  auto search = anim.post(page + "/presences", {{"present_q", "visible"}, {"organisations_q", ""}});
  EXPECT_EQ(search.status, 200);
  const std::string mid = std::to_string(p.member.id);
  EXPECT_TRUE(has(search.body, "name=\"present\" value=\"" + mid + "\">"));
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations WHERE attended = 1"), 0);
  auto marked = anim.post(page + "/presences", {{"present", mid}, {"organisations", "atmo-france"}});
  ASSERT_EQ(marked.status, 303) << marked.body;
  EXPECT_EQ(marked.header("location"), page + "/presences?enregistre=presences");
  EXPECT_TRUE(has(anim.get(marked.header("location")).body, "Les présences sont enregistrées."));
  auto again = anim.get(page + "/presences").body;
  EXPECT_TRUE(has(again, "name=\"present\" value=\"" + mid + "\" checked>"));
  EXPECT_TRUE(has(again, R"(name="organisations" value="atmo-france" checked>)"));
}
// An event not over yet is upcoming however long ago it started: three weeks long, begun a week ago,
// it comes before the events begun since (events::store::kNotOver reads from now less the longest
// duration, which must not leave it out).
TEST(Events, ALongEventBegunAWeekAgoIsStillUpcomingAndComesFirst) {
  Programme p;
  const auto day = std::chrono::floor<std::chrono::days>(p.site.now()) + std::chrono::days(7);
  ASSERT_EQ(p.create({{"kind", "reset-day"},
                      {"title", "Exposition de trois semaines"},
                      {"slug", "exposition"},
                      {"starts", date::format("%F", day) + "T10:00"},
                      {"ends", date::format("%F", day + std::chrono::days(21)) + "T18:00"},
                      {"coalitions", kCoalition}})
                .status,
            303);
  p.upcoming("court", "");
  p.site.advance(std::chrono::days(14));
  p.upcoming("apres", "");
  Browser visitor(p.site);
  auto at = [](const std::string& body, const std::string& slug) { return body.find("/evenements/" + slug + "\""); };
  const auto list = visitor.get("/evenements").body;
  ASSERT_NE(at(list, "exposition"), std::string::npos);
  EXPECT_LT(at(list, "exposition"), at(list, "apres"));
  EXPECT_LT(at(list, "apres"), list.find("<h2>Passés</h2>"));
  EXPECT_GT(at(list, "court"), list.find("<h2>Passés</h2>")) << "over: among the past ones";
  const auto dashboard = visitor.get("/tableau-de-bord").body;
  ASSERT_NE(at(dashboard, "exposition"), std::string::npos) << "the dashboard's upcoming events";
  EXPECT_LT(at(dashboard, "exposition"), at(dashboard, "apres"));
  EXPECT_EQ(at(dashboard, "court"), std::string::npos);
}

}  // namespace
}  // namespace fabrique::test

namespace fabrique::test {
namespace {

// The list shows twenty events a page: the upcoming ones paged, then the latest past ones, with every
// past event a link away, paged too.
TEST(Events, TheListShowsTwentyUpcomingEventsAPageAndThePastOnesAPageAway) {
  Programme p;
  for (int i = 1; i <= 23; ++i) p.upcoming(fmt::format("atelier-{:02}", i), "");
  auto count = [](const std::string& body) { return count_of(body, "href=\"/evenements/atelier-"); };
  Browser visitor(p.site);
  const auto first = visitor.get("/evenements").body;
  EXPECT_EQ(count(first), 20u);
  EXPECT_TRUE(has(visitor.get("/evenements?coalition=8.a").body, "23 événements"))
      << "the count is of every match, not of the page";
  EXPECT_TRUE(has(first, "/evenements?type=&amp;page=2"));
  EXPECT_EQ(count(visitor.get("/evenements?page=2").body), 3u);
  EXPECT_EQ(count(visitor.get("/evenements?page=99").body), 3u) << "past the last page: the last page";
  // A week later they are all past: the list says so, and pages them newest first.
  p.site.advance(std::chrono::days(8));
  const auto later = visitor.get("/evenements").body;
  EXPECT_EQ(count(later), 20u);
  EXPECT_TRUE(has(later, "Voir les 23 événements passés"));
  const auto past = visitor.get("/evenements?quand=passes&page=2").body;
  EXPECT_EQ(count(past), 3u);
  EXPECT_TRUE(has(past, "atelier-01")) << "the oldest come last";
  // Two more ahead: the past ones are still 23 (counted as all less the upcoming), in the list and on
  // its past pages, and the filtered list says 25 in all.
  p.upcoming("atelier-24", "");
  p.upcoming("atelier-25", "");
  const auto mixed = visitor.get("/evenements").body;
  EXPECT_EQ(count(mixed), 22u) << "2 upcoming, then the 20 latest past";
  EXPECT_TRUE(has(mixed, "Voir les 23 événements passés"));
  EXPECT_TRUE(has(visitor.get("/evenements?coalition=8.a").body, "25 événements"));
  const auto past_only = visitor.get("/evenements?coalition=8.a&quand=passes").body;
  EXPECT_TRUE(has(past_only, "23 événements")) << "only the past ones, in the filtered count";
  EXPECT_FALSE(has(past_only, "atelier-24"));
  EXPECT_EQ(count(visitor.get("/evenements?quand=passes&page=2").body), 3u);
}

}  // namespace
}  // namespace fabrique::test
