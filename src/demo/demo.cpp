// Loads the demo programme (programme_data.cpp) through the use cases, in the order things happened.
#include "demo/demo.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"
#include "coalitions/use_cases.hpp"
#include "common/text.hpp"
#include "demo/check.hpp"
#include "demo/commons_data.hpp"
#include "demo/datasets_data.hpp"
#include "demo/decisions_data.hpp"
#include "demo/events_data.hpp"
#include "demo/journal_data.hpp"
#include "demo/newsletter_data.hpp"
#include "demo/observatoire_data.hpp"
#include "demo/programme_data.hpp"
#include "demo/requests_data.hpp"
#include "demo/roadmaps_data.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/links.hpp"
#include "territories/store.hpp"

namespace fabrique::demo {

void data_error(const std::string& what, const FieldErrors& errors) {
  std::string message = "demo data rejected (" + what + "):";
  for (const auto& [field, text] : errors.items()) message += " " + field + ": " + text + ";";
  throw std::runtime_error(message);
}

void check(const std::string& what, const FieldErrors& errors) {
  if (!errors.empty()) data_error(what, errors);
}

namespace {

using std::chrono::sys_seconds;

// Refuses before writing anything, so that a refused load leaves the database exactly as it was.
void refuse_if_loaded(storage::Connection& c) {
  storage::Transaction tx(c, false);
  auto coalitions = c.query_integer("SELECT COUNT(*) FROM coalitions");
  if (coalitions > 0)
    throw AlreadyLoaded("the database already holds " + std::to_string(coalitions) +
                        " coalition(s); the demo is loaded only into a new database, so that it never duplicates "
                        "anything");
  for (const auto& p : data::people())
    if (accounts::store::user_by_email(c, p.email))
      throw AlreadyLoaded(std::string("an account already uses the demo address ") + p.email +
                          "; the demo is loaded only into a new database");
}

// Terms are reused when an animateur already made them, so a prepared list of families is kept.
std::string ensure_term(storage::Connection& c, const accounts::User& animateur, const taxonomies::Taxonomy& t,
                        const char* label, std::int64_t& added) {
  std::string slug = text::slugify(label);
  if (!taxonomies::term(c, t, slug)) {
    check(std::string("term ") + label, taxonomies::add_term(c, animateur, t, label));
    ++added;
  }
  return slug;
}

// One thing that happened to a coalition. Ties on the date keep this order: a person becomes
// co-porteur before acting as one on the same day.
struct Event {
  sys_seconds at;
  int order;  // 0 creation, 1 role, 2 stage, 3 declaration, 4 revision
  std::function<void()> run;
};

// Where some of the demo's things act, placed only on the territories loaded (fabrique territories
// load, before or after the demo): the demo loads without the official geography.
void place_on_territories(storage::Connection& c) {
  namespace subject = territories::subject;
  struct Place {
    std::string_view subject;
    const char* select;  // its id, by the one parameter
    const char* which;
    std::vector<std::string> keys;
  };
  const Place places[] = {
      {subject::organisation, "SELECT id FROM organisations WHERE name = ?", "Ville de Brest", {"29019"}},
      {subject::organisation, "SELECT id FROM organisations WHERE name = ?", "Bretagne Créative", {"region-53"}},
      {subject::organisation, "SELECT id FROM organisations WHERE name = ?", "Métropole de Lyon", {"69123"}},
      {subject::coalition,
       "SELECT id FROM coalitions WHERE slug = ?",
       "dematerialiser-sans-deshumaniser",
       {"29019", "35238"}},
      {subject::coalition, "SELECT id FROM coalitions WHERE slug = ?", "qualite-democratique", {"region-53"}},
      {subject::coalition, "SELECT id FROM coalitions WHERE slug = ?", "communs-numeriques", {"75056", "69123"}},
      {subject::event, "SELECT id FROM events WHERE slug = ?", "atelier-territorial-cnes-2021", {"29"}},
      {subject::event,
       "SELECT id FROM events WHERE slug = ?",
       "lancement-national-donnees-environnementales",
       {"75056"}},
      {subject::resource, "SELECT id FROM resources WHERE title = ?", "Riposte créative territoriale", {"region-53"}},
      {subject::post,
       "SELECT id FROM posts WHERE title = ?",
       "Reset Fest Bretagne : l'atelier des données environnementales",
       {"region-53", "29"}},
  };
  storage::Transaction tx(c, true);
  for (const auto& p : places) {
    const auto ids = territories::store::ids_of(c, p.keys);
    if (ids.empty()) continue;  // not loaded
    auto row = c.query_one(p.select, {std::string(p.which)});
    if (!row) throw std::runtime_error(std::string("demo data places an unknown thing: ") + p.which);
    std::vector<std::int64_t> on;
    for (const auto& key : p.keys)
      if (ids.count(key)) on.push_back(ids.at(key));
    territories::place(c, p.subject, row->integer(0), on);
  }
  tx.commit();
}

}  // namespace

Summary load(storage::Connection& c) {
  refuse_if_loaded(c);
  Summary summary;

  // Organisations first, without members: people join them when they sign up (sign_up joins an
  // existing organisation by name). One write transaction, as sign-up uses find_or_create_in.
  std::map<std::string, std::string> org_slug;  // name → slug
  {
    storage::Transaction tx(c, true);
    const auto created = data::on(2019, 12, 1, 10);
    for (const auto& o : data::organisations()) {
      FieldErrors errors;
      auto org = organisations::find_or_create_in(c, {o.name, o.kind, o.website, o.description}, errors, "name", "kind",
                                                  created);
      if (!org) data_error(std::string("organisation ") + o.name, errors);
      org_slug[o.name] = org->slug;
    }
    tx.commit();
    summary.organisations = static_cast<std::int64_t>(data::organisations().size());
  }

  // Accounts, through sign-up like anyone else; the public-name choice is the profile use case's.
  std::map<std::string, accounts::User> user;  // e-mail → user
  for (const auto& p : data::people()) {
    accounts::SignUpInput in;
    in.name = p.name;
    in.email = p.email;
    in.password = kPassword;
    in.password_confirmation = kPassword;
    in.organisation = p.organisation;
    in.role = p.animateur ? accounts::Role::animateur : accounts::Role::member;
    auto r = accounts::sign_up(c, in, p.joined);
    if (!r.user) data_error(std::string("account ") + p.email, r.errors);
    if (p.show_name) {
      check(std::string("profile ") + p.email, accounts::update_profile(c, *r.user, p.name, true, p.joined));
      r.user->show_name = true;
    }
    user[p.email] = *r.user;
    summary.accounts.push_back({p.email, p.name, p.organisation, p.animateur});
  }
  const accounts::User& animateur = user.at(data::people().front().email);
  auto person = [&](const char* email) -> const accounts::User& {
    if (!email) return animateur;
    auto it = user.find(email);
    if (it == user.end()) throw std::runtime_error(std::string("demo data names an unknown person: ") + email);
    return it->second;
  };
  // The organisation a person speaks for (each demo person belongs to exactly one).
  auto organisation_of = [&](const char* email) {
    for (const auto& p : data::people())
      if (std::string(p.email) == email) return org_slug.at(p.organisation);
    return std::string();
  };

  std::map<std::string, std::string> family_slug, cohort_slug;
  for (const char* f : data::families())
    family_slug[f] = ensure_term(c, animateur, taxonomies::kCoalitionFamilies, f, summary.families);
  for (const char* h : data::cohorts())
    cohort_slug[h] = ensure_term(c, animateur, taxonomies::kCoalitionCohorts, h, summary.cohorts);

  for (const auto& k : data::coalitions()) {
    const std::string what = std::string("coalition ") + k.number;
    coalitions::CoalitionInput in;
    in.number = k.number;
    in.title = k.title;
    in.slug = k.slug;
    in.summary = k.summary;
    in.family = family_slug.at(k.family);
    in.cohort = *k.cohort ? cohort_slug.at(k.cohort) : "";
    in.animating_organisation = *k.animating_organisation ? org_slug.at(k.animating_organisation) : "";
    in.scale_local = k.local;
    in.scale_national = k.national;
    in.scale_european = k.european;

    // Everything that happened to this coalition, replayed in date order so that "last activity",
    // the stage history and the booklet history read as they would have been lived.
    std::vector<Event> events;
    std::int64_t booklet_revision = 0;
    for (std::size_t i = 0; i < k.steps.size(); ++i) {
      const auto& step = k.steps[i];
      if (i == 0) {
        events.push_back({step.at, 0, [&, step] {
                            auto in_at = in;
                            in_at.stage = step.stage;
                            auto r = coalitions::create_coalition(c, person(step.by), in_at, step.at);
                            if (!r.coalition) data_error(what, r.errors);
                          }});
      } else {
        events.push_back({step.at, 2, [&, step] {
                            auto in_at = in;
                            in_at.stage = step.stage;
                            auto r = coalitions::update_coalition(c, person(step.by), k.slug, in_at, step.at);
                            if (!r.coalition) data_error(what + " stage " + step.stage, r.errors);
                          }});
      }
    }
    for (const auto& role : k.roles) {
      events.push_back({role.at, 1, [&, role] {
                          auto change =
                              role.co_porteur ? coalitions::RoleChange::co_porteur : coalitions::RoleChange::membre;
                          coalitions::set_member_role(c, animateur, k.slug, person(role.person).id, change, role.at);
                          if (role.co_porteur) ++summary.co_porteurs;
                        }});
    }
    for (const auto& d : k.declarations) {
      events.push_back({d.at, 3, [&, d] {
                          coalitions::DeclarationInput di;
                          di.organisation = organisation_of(d.person);
                          di.commande = d.commande;
                          di.offre = d.offre;
                          di.usages = d.usages;
                          di.message = d.message;
                          check(what + " declaration",
                                coalitions::declare_interest(c, person(d.person), k.slug, di, d.at));
                          ++summary.declarations;
                        }});
    }
    for (const auto& rev : k.revisions) {
      events.push_back({rev.at, 4, [&, rev] {
                          coalitions::BookletEdit edit;
                          edit.base_revision = booklet_revision;
                          edit.comment = rev.comment;
                          for (const auto& s : rev.sections) edit.sections[s.key] = s.body;
                          auto r = coalitions::save_booklet(c, person(rev.author), k.slug, edit, rev.at);
                          check(what + " booklet", r.errors);
                          if (r.conflict || r.unchanged || r.revision == 0)
                            throw std::runtime_error("demo data: " + what + " booklet revision \"" + rev.comment +
                                                     "\" was not saved");
                          booklet_revision = r.revision;
                          ++summary.revisions;
                        }});
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });
    for (const auto& e : events) e.run();
    ++summary.coalitions;
    summary.stage_changes += static_cast<std::int64_t>(k.steps.size());
  }
  load_events(c);
  load_breakout_groups(c);
  load_roadmaps(c);
  load_commons(c);
  load_decisions(c);
  load_observatoire(c, animateur);
  load_datasets(c, animateur);
  load_journal(c, animateur);
  load_newsletter(c, animateur);
  load_data_requests(c, animateur);
  place_on_territories(c);
  return summary;
}

}  // namespace fabrique::demo
