// Organisation pages: read the form, call one use case, redirect or re-render with errors.
#include "organisations/pages.hpp"

#include "accounts/pages.hpp"
#include "coalitions/store.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::organisations::pages {

using html::Html;
using html::render;
using i18n::N_;

namespace {

std::vector<views::Option> kind_options(const std::vector<taxonomies::Term>& kinds) {
  std::vector<views::Option> out;
  for (const auto& k : kinds) out.push_back({k.slug, k.label});
  return out;
}

Html organisation_fields(Context& ctx, const OrganisationInput& in, const FieldErrors& errors) {
  Html out;
  out += views::input(ctx, {"name", ctx.tr(N_("Name")), in.name, "text", "organization", "", true, 160}, errors);
  out += views::select(ctx, {"kind", ctx.tr(N_("Kind of organisation")), in.kind, "", "", "", true, 0},
                       kind_options(taxonomies::terms(ctx.db, taxonomies::kOrganisationKinds)), errors, ctx.tr(N_("Choose…")));
  out += views::input(ctx,
                      {"website", ctx.tr(N_("Website")), in.website, "url", "url",
                       ctx.tr(N_("For example https://example.org")), false, 500},
                      errors);
  out += views::textarea(ctx,
                         {"description", ctx.tr(N_("Short description")), in.description, "", "",
                          ctx.tr(N_("What the organisation does, in a few sentences (2000 characters at most).")),
                          false, 2000},
                         errors);
  return out;
}

OrganisationInput input_from(const Context& ctx) {
  return {ctx.form.get("name"), ctx.form.get("kind"), ctx.form.get("website"), ctx.form.get("description")};
}

bool can_edit(Context& ctx, const Organisation& o) {
  return ctx.user && (ctx.user->is_animateur() || store::is_member(ctx.db, ctx.user->id, o.id));
}

Response render_new(Context& ctx, const OrganisationInput& in, const FieldErrors& errors, int status) {
  Html body = render(R"(<h1>{}</h1>{}<form method="post" action="/organisations/nouvelle" novalidate>{}{}<button type="submit">{}</button></form>)",
                     ctx.tr(N_("Add an organisation")), views::error_summary(ctx, errors), views::csrf_field(ctx),
                     organisation_fields(ctx, in, errors), ctx.tr(N_("Add the organisation")));
  return views::page(ctx, status, ctx.tr(N_("Add an organisation")), body);
}

Response render_edit(Context& ctx, const Organisation& o, const OrganisationInput& in, const FieldErrors& errors,
                     int status) {
  std::string title = ctx.tr(N_("Edit")) + " " + o.name;
  Html body = render(R"(<h1>{}</h1>{}<form method="post" action="/organisations/{}/modifier" novalidate>{}{}<button type="submit">{}</button></form><p><a href="/organisations/{}">{}</a></p>)",
                     title, views::error_summary(ctx, errors), o.slug, views::csrf_field(ctx),
                     organisation_fields(ctx, in, errors), ctx.tr(N_("Save")), o.slug, ctx.tr(N_("Cancel")));
  return views::page(ctx, status, title, body);
}

}  // namespace

Response list(Context& ctx) {
  auto all_kinds = taxonomies::terms(ctx.db, taxonomies::kOrganisationKinds);
  std::string kind_slug = ctx.query.get("type");
  std::optional<std::int64_t> kind_id;
  for (const auto& k : all_kinds)
    if (k.slug == kind_slug) kind_id = k.id;
  auto orgs = store::list(ctx.db, kind_id);

  Html rows;
  for (const auto& o : orgs) {
    rows += render(R"(<li><a href="/organisations/{}">{}</a> <span class="meta">{} · {}</span></li>)", o.slug,
                   o.name, o.kind_label,
                   fmt::format(fmt::runtime(ctx.trn("{} member", "{} members", o.member_count)), o.member_count));
  }
  if (orgs.empty()) rows = render("<li>{}</li>", ctx.tr(N_("No organisation yet.")));
  Html add;
  if (ctx.user) add = render(R"(<p><a href="/organisations/nouvelle">{}</a></p>)", ctx.tr(N_("Add an organisation")));
  if (ctx.user && ctx.user->is_animateur())
    add += render(R"(<p><a href="/organisations/types">{}</a></p>)", ctx.tr(N_("Edit the kinds of organisation")));

  Html body = render(
      R"(<h1>{}</h1>
<p>{}</p>
<form method="get" action="/organisations" class="filters">{}<button type="submit">{}</button></form>
<p role="status">{}</p>
<ul class="cards">{}</ul>
{})",
      ctx.tr(N_("Organisations")),
      ctx.tr(N_("Companies, associations, local authorities, administrations and researchers taking part in the programme.")),
      views::select(ctx, {"type", ctx.tr(N_("Kind")), kind_id ? kind_slug : "", "", "", "", false, 0},
                    kind_options(all_kinds), {}, ctx.tr(N_("All kinds"))),
      ctx.tr(N_("Filter")),
      fmt::format(fmt::runtime(ctx.trn("{} organisation", "{} organisations", static_cast<long>(orgs.size()))),
                  orgs.size()),
      rows, add);
  return views::page(ctx, ctx.tr(N_("Organisations")), body);
}

Response show(Context& ctx) {
  auto o = store::by_slug(ctx.db, ctx.param("slug"));
  if (!o) return views::not_found(ctx);
  auto members = store::members(ctx.db, o->id);
  Html named;
  long hidden = 0;
  for (const auto& m : members) {
    if (m.name.empty())
      ++hidden;
    else
      named += render("<li>{}</li>", m.name);
  }
  Html people;
  if (members.empty()) {
    people = render("<p>{}</p>", ctx.tr(N_("No member has joined this organisation on the site yet.")));
  } else {
    people = render("<p>{}</p>", fmt::format(fmt::runtime(ctx.trn("{} member on the site", "{} members on the site",
                                                                    static_cast<long>(members.size()))),
                                             members.size()));
    if (!named.empty()) people += render("<ul>{}</ul>", named);
    if (hidden > 0)
      people += render("<p class=\"meta\">{}</p>",
                       fmt::format(fmt::runtime(ctx.trn("{} member chose not to show their name.",
                                                        "{} members chose not to show their names.", hidden)),
                                   hidden));
  }
  Html website;
  if (!o->website.empty())
    website = render(R"(<p><a href="{}" rel="noopener">{}</a></p>)", o->website, o->website);
  Html description;
  if (!o->description.empty()) description = render(R"(<p class="description">{}</p>)", o->description);
  Html edit;
  if (can_edit(ctx, *o))
    edit = render(R"(<p><a href="/organisations/{}/modifier">{}</a></p>)", o->slug, ctx.tr(N_("Edit this organisation")));

  Html coalitions;
  for (const auto& k : coalitions::store::coalitions_of_organisation(ctx.db, o->id))
    coalitions += render(R"(<li><a href="/coalitions/{}">{} {} — {}</a></li>)", k.slug, ctx.tr(N_("Coalition")),
                         k.number, k.title);
  if (coalitions.empty())
    coalitions = render("<li>{}</li>", ctx.tr(N_("This organisation takes part in no coalition yet.")));
  Html body = render(R"(<h1>{}</h1><p class="meta">{}</p>{}{}<h2>{}</h2><ul class="cards">{}</ul><h2>{}</h2>{}{})",
                     o->name, o->kind_label, description, website, ctx.tr(N_("Coalitions")), coalitions,
                     ctx.tr(N_("Members")), people, edit);
  return views::page(ctx, o->name, body);
}

Response new_form(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  return render_new(ctx, {}, {}, 200);
}

Response create(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto in = input_from(ctx);
  auto result = create_organisation(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_new(ctx, in, result.errors, 422);
  return Response::redirect("/organisations/" + result.organisation->slug);
}

Response edit_form(Context& ctx) {
  auto o = store::by_slug(ctx.db, ctx.param("slug"));
  if (!o) return views::not_found(ctx);
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  if (!can_edit(ctx, *o))
    return views::forbidden(ctx, N_("Only its members and the animateurs can edit this organisation."));
  return render_edit(ctx, *o, {o->name, o->kind_slug, o->website, o->description}, {}, 200);
}

Response update(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto in = input_from(ctx);
  auto result = update_organisation(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (!result.errors.empty()) {
    auto o = store::by_slug(ctx.db, ctx.param("slug"));
    return render_edit(ctx, *o, in, result.errors, 422);
  }
  return Response::redirect("/organisations/" + result.organisation->slug);
}

}  // namespace fabrique::organisations::pages
