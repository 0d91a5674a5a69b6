// A coalition's page: its fields, pace, booklet, people and stage history; the interest form for
// members; declarations and roles for its co-porteurs; the same data as JSON.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/pages.hpp"
#include "coalitions/store.hpp"
#include "coalitions/templates/show.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/use_cases.hpp"
#include "coalitions/view_models.hpp"
#include "coalitions/views.hpp"
#include "decisions/pages.hpp"
#include "events/loaders.hpp"
#include "events/templates/coalition_section.hpp"
#include "follows/pages.hpp"
#include "i18n/i18n.hpp"
#include "journal/pages.hpp"
#include "organisations/store.hpp"
#include "roadmaps/loaders.hpp"
#include "roadmaps/templates/coalition.hpp"
#include "storage/settings.hpp"
#include "territories/placing.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/saved.hpp"

namespace fabrique::coalitions::pages {

using html::Html;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// Everything the coalition page shows, read in one place: the coalition's stores, then the
// sections the roadmaps and events modules draw for it. `interest_errors` is a refused
// declaration, shown again with what the person typed.
ShowPage load_show(Context& ctx, const Coalition& k, const FieldErrors& interest_errors) {
  ShowPage page;
  page.coalition = k;
  page.title = views::full_title(k);
  page.stage_label = views::stage_label(ctx, k.stage);
  page.stage_for = views::days(ctx, ctx.now - k.stage_since);
  page.last_activity = views::days(ctx, ctx.now - k.last_activity_at);
  for (auto [on, label] : {std::pair{k.scale_local, N_("Local")}, std::pair{k.scale_national, N_("National")},
                           std::pair{k.scale_european, N_("European")}})
    if (on) page.scales += (page.scales.empty() ? "" : ", ") + ctx.tr(label);
  page.booklet = store::current_booklet(ctx.db, k.id);
  // What the page shows everyone alike, in their language, read again only once what it was read from
  // changed: an interest declaration, the busiest write on this page during a Reset Day, renders the
  // page again without them.
  struct Alike {
    std::vector<territories::TerritoryRef> territories;
    std::vector<StageChange> history;
    std::vector<Member> members;
    Html events;
  };
  Alike alike = storage::settings::fragment<Alike>(
      ctx.db, fmt::format("coalitions.page.{}.{}.{}", k.id, k.slug, i18n::code(ctx.lang())), [&] {
        Alike a{territories::places(ctx.db, territories::subject::coalition, k.id), store::stage_history(ctx.db, k.id),
                store::members(ctx.db, k.id),
                html::render(*ctx.t,
                             events::templates::CoalitionEvents{events::load_coalition_section(ctx, k.id, k.slug)})};
        for (auto& h : a.history) h.to_stage = views::stage_label(ctx, h.to_stage);
        return a;
      });
  page.territories = std::move(alike.territories);
  page.history = std::move(alike.history);
  auto members = std::move(alike.members);
  for (const auto& m : members)
    if (m.role == Role::co_porteur)
      page.co_porteurs +=
          (page.co_porteurs.empty() ? "" : ", ") + views::public_name(ctx, m.show_name ? m.name : "", m.organisation);
  page.editor = can_edit(ctx.db, ctx.actor(), k.id);
  if (page.editor) {
    page.members = std::move(members);
    page.declarations = store::declarations(ctx.db, k.id);
  }

  page.signed_in = ctx.user.has_value();
  if (ctx.user) {
    page.mine = store::declaration(ctx.db, k.id, ctx.user->id);
    // "I speak for" stays a select: bounded by the person's memberships, never every organisation.
    page.my_organisations = organisations::store::of_user(ctx.db, ctx.user->id);
    page.interest_errors = interest_errors;
    if (!interest_errors.empty()) {
      page.form_organisation = ctx.form.get("organisation");
      page.form_commande = ctx.form.get("commande") == "1";
      page.form_offre = ctx.form.get("offre") == "1";
      page.form_usages = ctx.form.get("usages") == "1";
      page.form_message = ctx.form.get("message");
    } else if (page.mine) {
      for (const auto& o : page.my_organisations)
        if (page.mine->organisation_id == o.id) page.form_organisation = o.slug;
      page.form_commande = page.mine->commande;
      page.form_offre = page.mine->offre;
      page.form_usages = page.mine->usages;
      page.form_message = page.mine->message;
    }
  }
  // Apart from the above: the organisations declaring interest are among its actors.
  page.roadmap = storage::settings::fragment<Html>(
      ctx.db, fmt::format("coalitions.roadmap.{}.{}.{}", k.id, k.slug, i18n::code(ctx.lang())), [&] {
        return html::render(*ctx.t,
                            roadmaps::templates::CoalitionSection{roadmaps::pages::load_coalition_section(ctx, k)});
      });
  page.events = std::move(alike.events);
  page.follow = follows::pages::button(ctx, follows::Subject::coalition, k.id, urls::follow(k.slug), page.title);
  return page;
}

Response render_show(Context& ctx, const Coalition& k, const FieldErrors& interest_errors, int status) {
  ShowPage page = load_show(ctx, k, interest_errors);
  // Only a signed-in person sees a form; asking for the token makes the page personal.
  std::string csrf = page.signed_in ? ctx.csrf_token() : std::string();
  ctx.feeds.push_back({ctx.tr(N_("News (Atom feed)")), urls::feed(k.slug)});
  Html main = html::render(*ctx.t, templates::Show{.page = page, .csrf = csrf});
  main += decisions::pages::about(ctx, {.about_coalition_id = k.id}, "coalition:" + k.slug, k.id);
  main += journal::pages::latest(ctx, {.coalition_id = k.id, .coalition_slug = k.slug});
  return fv::page(ctx, status, page.title, main);
}

}  // namespace

Response show(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  return render_show(ctx, *k, {}, 200);
}

Response show_json(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) {
    http::Response r = json::response(ctx, {{"error", "not found"}});
    r.status = 404;
    return r;
  }
  auto o = json::summary(ctx, *k);
  o["territories"] = territories::places_json(ctx, territories::places(ctx.db, territories::subject::coalition, k->id));
  boost::json::object booklet;
  auto current = store::current_booklet(ctx.db, k->id);
  for (const auto& s : kSections) booklet[s.key] = current.count(s.key) ? current[s.key] : "";
  o["booklet"] = std::move(booklet);
  boost::json::array co_porteurs;
  for (const auto& m : store::members(ctx.db, k->id)) {
    if (m.role != Role::co_porteur) continue;
    boost::json::object p;
    p["name"] = m.show_name ? boost::json::value(m.name) : boost::json::value(nullptr);
    p["organisation"] = m.organisation;
    co_porteurs.push_back(std::move(p));
  }
  o["co_porteurs"] = std::move(co_porteurs);
  boost::json::array history;
  for (const auto& h : store::stage_history(ctx.db, k->id))
    history.push_back({{"stage", h.to_stage}, {"at", json::iso(h.changed_at)}});
  o["stage_history"] = std::move(history);
  return json::response(ctx, std::move(o));
}

Response declare_interest(Context& ctx) {
  DeclarationInput in{ctx.form.get("organisation"), ctx.form.get("commande") == "1", ctx.form.get("offre") == "1",
                      ctx.form.get("usages") == "1", ctx.form.get("message")};
  auto errors = coalitions::declare_interest(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (!errors.empty()) {
    auto k = store::by_slug(ctx.db, ctx.param("slug"));
    return render_show(ctx, *k, errors, 422);
  }
  // The interest section says it is declared (and what was declared).
  return Response::redirect(urls::coalition(ctx.param("slug")) + "#interet");
}

Response withdraw_interest(Context& ctx) {
  coalitions::withdraw_interest(ctx.db, *ctx.user, ctx.param("slug"), ctx.now);
  return fv::redirect_saved(urls::coalition(ctx.param("slug")), fv::Saved::interest_withdrawn);
}

Response set_role(Context& ctx) {
  std::string role = ctx.form.get("role");
  RoleChange change = role == "co-porteur" ? RoleChange::co_porteur
                      : role == "membre"   ? RoleChange::membre
                      : role == "retirer"  ? RoleChange::remove
                                           : RoleChange(-1);
  if (static_cast<int>(change) < 0) return fv::bad_request(ctx, N_("Choose a role from the list."));
  set_member_role(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("user"), change, ctx.now);
  return fv::redirect_saved(urls::coalition(ctx.param("slug")), fv::Saved::role);
}

}  // namespace fabrique::coalitions::pages
