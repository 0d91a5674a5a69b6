// A coalition's page: its fields, pace, booklet, people and stage history; the interest form for
// members; declarations and roles for its co-porteurs; the same data as JSON.
#include <boost/json.hpp>

#include "accounts/pages.hpp"
#include "coalitions/json.hpp"
#include "coalitions/pages.hpp"
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "coalitions/views.hpp"
#include "events/views.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "roadmaps/pages.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::coalitions::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

Html levers_text(const Context& ctx, bool commande, bool offre, bool usages) {
  std::string out;
  auto add = [&](bool on, const char* label) {
    if (on) out += (out.empty() ? "" : ", ") + ctx.tr(label);
  };
  add(commande, N_("what is ordered"));
  add(offre, N_("what is offered"));
  add(usages, N_("how it is used"));
  return render("{}", out.empty() ? ctx.tr(N_("not said")) : out);
}

Html interest_form(Context& ctx, const Coalition& k, const FieldErrors& errors) {
  if (!ctx.user)
    return render(R"(<p><a href="/connexion?retour=/coalitions/{}">{}</a></p>)", k.slug,
                  ctx.tr(N_("Sign in to declare your interest")));
  auto mine = store::declaration(ctx.db, k.id, ctx.user->id);
  bool posted = !errors.empty();
  std::vector<fv::Option> orgs;
  std::string org_value = posted ? ctx.form.get("organisation") : "";
  for (const auto& o : organisations::store::of_user(ctx.db, ctx.user->id)) {
    orgs.push_back({o.slug, o.name});
    if (!posted && mine && mine->organisation_id == o.id) org_value = o.slug;
  }
  bool c = posted ? ctx.form.get("commande") == "1" : mine && mine->commande;
  bool o = posted ? ctx.form.get("offre") == "1" : mine && mine->offre;
  bool u = posted ? ctx.form.get("usages") == "1" : mine && mine->usages;
  std::string message = posted ? ctx.form.get("message") : mine ? mine->message : "";
  Html org_field;
  if (!orgs.empty())
    org_field = fv::select(ctx, {"organisation", ctx.tr(N_("I speak for")), org_value, "", "", "", false, 0}, orgs,
                           errors, ctx.tr(N_("Myself")));
  Html withdraw;
  if (mine)
    withdraw = render(
        R"(<form method="post" action="/coalitions/{}/interet/retirer">{}<button type="submit" class="secondary">{}</button></form>)",
        k.slug, fv::csrf_field(ctx), ctx.tr(N_("Withdraw my declaration")));
  return render(
      R"({}{}<form method="post" action="/coalitions/{}/interet" novalidate>{}{}<fieldset><legend>{}</legend>{}{}{}</fieldset>{}<button type="submit">{}</button></form>{})",
      mine ? render(R"(<p class="notice">{}</p>)", ctx.tr(N_("You have declared your interest in this coalition."))) : Html(),
      fv::error_summary(ctx, errors), k.slug, fv::csrf_field(ctx), org_field,
      ctx.tr(N_("Levers I can act on")), fv::checkbox(ctx, "commande", ctx.tr(N_("What is ordered (la commande)")), c),
      fv::checkbox(ctx, "offre", ctx.tr(N_("What is offered (l'offre)")), o),
      fv::checkbox(ctx, "usages", ctx.tr(N_("How it is used (les usages)")), u),
      fv::textarea(ctx,
                   {"message", ctx.tr(N_("What I can bring")), message, "", "",
                    ctx.tr(N_("Skills, experience, a field to test, contacts… (2000 characters at most)")), false,
                    2000},
                   errors, 4),
      mine ? ctx.tr(N_("Update my declaration")) : ctx.tr(N_("Declare my interest")), withdraw);
}

// `table` keeps the ids unique when one person is both a member and a declarant (two forms).
Html role_form(Context& ctx, const Coalition& k, std::string_view table, std::int64_t user_id, const std::string& who) {
  return render(
      R"(<form method="post" action="/coalitions/{}/membres/{}" class="row">{}<div class="field"><label for="role-{}-{}">{}</label><select id="role-{}-{}" name="role"><option value="membre">{}</option><option value="co-porteur">{}</option><option value="retirer">{}</option></select></div><button type="submit">{}</button></form>)",
      k.slug, user_id, fv::csrf_field(ctx), table, user_id, fmt::format(fmt::runtime(ctx.tr(N_("Role of {}"))), who),
      table, user_id,
      ctx.tr(N_("Member")), ctx.tr(N_("Co-porteur")), ctx.tr(N_("Not a member")), ctx.tr(N_("Apply")));
}

Html people_admin(Context& ctx, const Coalition& k, const std::vector<Member>& members) {
  Html member_rows;
  for (const auto& m : members)
    member_rows += render("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", m.name, m.organisation,
                          m.role == Role::co_porteur ? ctx.tr(N_("Co-porteur")) : ctx.tr(N_("Member")),
                          role_form(ctx, k, "membre", m.user_id, m.name));
  Html declaration_rows;
  for (const auto& d : store::declarations(ctx.db, k.id))
    declaration_rows += render("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                               d.user_name, d.organisation_name, d.organisation_kind,
                               levers_text(ctx, d.commande, d.offre, d.usages), d.message,
                               role_form(ctx, k, "declaration", d.user_id, d.user_name));
  return render(
      R"(<section aria-labelledby="gestion"><h2 id="gestion">{}</h2>
<h3>{}</h3>{}
<h3>{}</h3>{}</section>)",
      ctx.tr(N_("People (visible to co-porteurs and animateurs)")), ctx.tr(N_("Members and co-porteurs")),
      members.empty() ? render("<p>{}</p>", ctx.tr(N_("Nobody yet.")))
                      : render(R"(<div class="table"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
                               ctx.tr(N_("Person")), ctx.tr(N_("Organisation")), ctx.tr(N_("Role")),
                               ctx.tr(N_("Change")), member_rows),
      ctx.tr(N_("Interest declarations")),
      declaration_rows.empty()
          ? render("<p>{}</p>", ctx.tr(N_("Nobody has declared an interest yet.")))
          : render(R"(<div class="table"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
                   ctx.tr(N_("Person")), ctx.tr(N_("Organisation")), ctx.tr(N_("Kind")), ctx.tr(N_("Levers")),
                   ctx.tr(N_("What they can bring")), ctx.tr(N_("Role")), declaration_rows));
}

Response render_show(Context& ctx, const Coalition& k, const FieldErrors& interest_errors, int status) {
  auto booklet = store::current_booklet(ctx.db, k.id);
  auto members = store::members(ctx.db, k.id);
  auto history = store::stage_history(ctx.db, k.id);
  bool editor = can_edit(ctx.db, ctx.user ? &*ctx.user : nullptr, k.id);

  Html sections;
  for (const auto& s : kSections) {
    auto it = booklet.find(s.key);
    Html body = it == booklet.end() || it->second.empty()
                    ? render(R"(<p class="meta">{}</p>)", ctx.tr(N_("Not written yet.")))
                    : text::render_markdown(it->second, 2);
    sections += render(R"(<section id="{}" aria-labelledby="h-{}" class="prose"><h3 id="h-{}">{}</h3>{}</section>)", s.key, s.key,
                       s.key, ctx.tr(s.title), body);
  }

  std::string co_porteurs;
  for (const auto& m : members)
    if (m.role == Role::co_porteur)
      co_porteurs += (co_porteurs.empty() ? "" : ", ") +
                     views::public_name(ctx, m.show_name ? m.name : "", m.organisation);
  std::string scales;
  for (auto [on, label] : {std::pair{k.scale_local, N_("Local")}, std::pair{k.scale_national, N_("National")},
                           std::pair{k.scale_european, N_("European")}})
    if (on) scales += (scales.empty() ? "" : ", ") + ctx.tr(label);

  Html history_rows;
  for (const auto& h : history)
    history_rows += render("<li>{} — {}{}</li>", ctx.t->date(h.changed_at), views::stage_label(ctx, h.to_stage),
                           h.author.empty() ? Html() : render(" ({})", h.author));

  Html animating = k.animating_organisation_id
                       ? render(R"(<a href="/organisations/{}">{}</a>)", k.animating_organisation_slug,
                                k.animating_organisation_name)
                       : render("{}", ctx.tr(N_("not set")));
  Html edit_links;
  if (editor)
    edit_links = render(R"(<p><a href="/coalitions/{}/modifier">{}</a></p>)", k.slug,
                        ctx.tr(N_("Edit the booklet and the fields")));

  Html body = render(
      R"(<p class="meta"><a href="/coalitions">{}</a> › {}</p>
<h1>{}</h1>
{}
<dl class="facts">
<dt>{}</dt><dd>{}</dd>
<dt>{}</dt><dd>{} — {}</dd>
<dt>{}</dt><dd>{}</dd>
<dt>{}</dt><dd>{}</dd>
<dt>{}</dt><dd>{}</dd>
<dt>{}</dt><dd>{}</dd>
<dt>{}</dt><dd>{}</dd>
</dl>
{}
{}
<h2>{}</h2>
<p class="meta">{} <a href="/coalitions/{}/historique">{}</a></p>
{}
<h2>{}</h2>
<ol class="history">{}</ol>
{}
<h2 id="interet">{}</h2>
{}
{}
<p><a href="/coalitions/{}.json">{}</a></p>)",
      ctx.tr(N_("Coalitions")), k.family_label, views::full_title(k),
      k.summary.empty() ? Html() : render(R"(<p class="lead">{}</p>)", k.summary), ctx.tr(N_("Family")),
      k.family_label, ctx.tr(N_("Stage")), views::stage_label(ctx, k.stage),
      fmt::format(fmt::runtime(ctx.tr(N_("for {}"))), views::days(ctx, ctx.now - k.stage_since)),
      ctx.tr(N_("Last activity")),
      fmt::format(fmt::runtime(ctx.tr(N_("{} ago"))), views::days(ctx, ctx.now - k.last_activity_at)),
      ctx.tr(N_("Cohort")), k.cohort_label.empty() ? ctx.tr(N_("none")) : k.cohort_label,
      ctx.tr(N_("Animating organisation")), animating, ctx.tr(N_("Scales")),
      scales.empty() ? ctx.tr(N_("not set")) : scales, ctx.tr(N_("Co-porteurs")),
      co_porteurs.empty() ? ctx.tr(N_("none yet")) : co_porteurs, edit_links,
      roadmaps::pages::coalition_section(ctx, k), ctx.tr(N_("Booklet")),
      fmt::format(fmt::runtime(ctx.tr(N_("Revision {}."))), k.booklet_revision), k.slug, ctx.tr(N_("History")),
      sections, ctx.tr(N_("Stage history")), history_rows, events::views::coalition_section(ctx, k.id, k.slug),
      ctx.tr(N_("Declare your interest")),
      interest_form(ctx, k, interest_errors), editor ? people_admin(ctx, k, members) : Html(), k.slug,
      ctx.tr(N_("This coalition as JSON")));
  return fv::page(ctx, status, views::full_title(k), body);
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
  return json::response(ctx, o);
}

Response declare_interest(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  DeclarationInput in{ctx.form.get("organisation"), ctx.form.get("commande") == "1", ctx.form.get("offre") == "1",
                      ctx.form.get("usages") == "1", ctx.form.get("message")};
  auto errors = coalitions::declare_interest(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (!errors.empty()) {
    auto k = store::by_slug(ctx.db, ctx.param("slug"));
    return render_show(ctx, *k, errors, 422);
  }
  return Response::redirect("/coalitions/" + ctx.param("slug") + "#interet");
}

Response withdraw_interest(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  coalitions::withdraw_interest(ctx.db, *ctx.user, ctx.param("slug"), ctx.now);
  return Response::redirect("/coalitions/" + ctx.param("slug") + "#interet");
}

Response set_role(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  std::string role = ctx.form.get("role");
  RoleChange change = role == "co-porteur" ? RoleChange::co_porteur
                      : role == "membre"   ? RoleChange::membre
                      : role == "retirer"  ? RoleChange::remove
                                           : RoleChange(-1);
  if (static_cast<int>(change) < 0) return fv::bad_request(ctx, N_("Choose a role from the list."));
  set_member_role(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("user"), change, ctx.now);
  return Response::redirect("/coalitions/" + ctx.param("slug") + "#gestion");
}

}  // namespace fabrique::coalitions::pages
