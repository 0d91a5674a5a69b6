// The resources library: the filtered list, a resource's page with its revisions, and the forms to
// propose, edit, publish and delete resources.
#include <boost/json.hpp>

#include <algorithm>

#include "accounts/pages.hpp"
#include "coalitions/json.hpp"
#include "commons/pages.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/views.hpp"
#include "files/download.hpp"
#include "i18n/i18n.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"

namespace fabrique::commons::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

constexpr std::int64_t kPageSize = 50;

// The filters of the query string; unknown values are dropped (the list is then unfiltered).
struct Filters {
  std::string kind, coalition, tag, licence;
  store::ResourceFilter filter;
};

Filters filters_of(Context& ctx) {
  Filters f;
  f.kind = ctx.query.get("type");
  f.coalition = ctx.query.get("coalition");
  f.tag = ctx.query.get("etiquette");
  f.licence = ctx.query.get("licence");
  if (kind(f.kind)) f.filter.kind = f.kind; else f.kind.clear();
  if (licence(f.licence)) f.filter.licence = f.licence; else f.licence.clear();
  if (f.tag.size() <= kMaxTag) f.filter.tag = f.tag; else f.tag.clear();
  f.filter.coalition_id = views::coalition_filter(ctx, f.coalition);
  if (ctx.user) {
    f.filter.all_drafts = ctx.user->is_animateur();
    f.filter.drafts_of = ctx.user->id;
  }
  return f;
}

ResourceInput input_from(const Context& ctx) {
  ResourceInput in;
  in.title = ctx.form.get("title");
  in.description = ctx.form.get("description");
  in.url = ctx.form.get("url");
  in.kind = ctx.form.get("kind");
  in.licence = ctx.form.get("licence");
  in.tags = ctx.form.get("tags");
  in.coalitions = ctx.form.all("coalitions");
  in.file = ctx.upload("file");
  in.base_revision = views::integer_field(ctx.form.get("base_revision"), -1);  // absent on proposals; a mismatch on edits
  return in;
}

ResourceInput input_of(const Resource& r) {
  ResourceInput in;
  in.title = r.title;
  in.description = r.description;
  in.url = r.url;
  in.kind = r.kind;
  in.licence = r.licence;
  for (const auto& t : r.tags) in.tags += (in.tags.empty() ? "" : ", ") + t;
  for (const auto& k : r.coalitions) in.coalitions.push_back(k.slug);
  in.base_revision = r.revision;
  return in;
}

Html resource_fields(Context& ctx, const ResourceInput& in, const FieldErrors& errors, const Resource* current = nullptr) {
  Html boxes;
  for (const auto& k : store::coalitions(ctx.db)) {
    bool checked = std::find(in.coalitions.begin(), in.coalitions.end(), k.slug) != in.coalitions.end();
    boxes += render(R"(<div class="field checkbox"><input type="checkbox" id="c-{}" name="coalitions" value="{}"{}><label for="c-{}">{}</label></div>)",
                    k.slug, k.slug, checked ? html::trusted(" checked") : Html(), k.slug, views::coalition_title(k));
  }
  const char* coalition_error = errors.find("coalitions");
  Html out;
  out += fv::input(ctx, {"title", ctx.tr(N_("Title")), in.title, "text", "off", "", true, kMaxTitle}, errors);
  out += fv::input(ctx, {"url", ctx.tr(N_("Address (link)")), in.url, "url", "url",
                         ctx.tr(N_("Where to find it, for example https://example.org/guide")), false, kMaxUrl},
                   errors);
  {
    // A file input: views::input would echo a value, which a file field cannot take.
    const char* error = errors.find("file");
    std::string hint = fmt::format(fmt::runtime(ctx.tr(N_("Or a file: PDF, slides, office document or image, 20 MB at most ({}).{}"))),
                                   files::accepted_extensions(),
                                   current && current->file_id
                                       ? " " + fmt::format(fmt::runtime(ctx.tr(N_("A new file replaces {}."))), current->file_name)
                                       : std::string());
    out += render(R"(<div class="field{}"><label for="f-file">{}</label><p class="hint" id="f-file-hint">{}</p>{}<input type="file" id="f-file" name="file" aria-describedby="f-file-hint{}"{}></div>)",
                  error ? " invalid" : "", ctx.tr(N_("File")), hint,
                  error ? render(R"(<p class="error" id="f-file-error"><span class="visually-hidden">{} </span>{}</p>)", ctx.tr(N_("Error:")), ctx.tr(error)) : Html(),
                  error ? " f-file-error" : "", error ? html::trusted(R"( aria-invalid="true")") : Html());
  }
  out += fv::select(ctx, {"kind", ctx.tr(N_("Kind")), in.kind, "", "", "", true, 0}, views::kind_options(ctx), errors,
                    ctx.tr(N_("Choose…")));
  out += fv::select(ctx, {"licence", ctx.tr(N_("Licence")), in.licence.empty() ? kDefaultLicence : in.licence, "", "",
                          ctx.tr(N_("Under which terms others may reuse it. CC BY 4.0 unless stated otherwise.")), true, 0},
                    views::licence_options(), errors);
  out += fv::textarea(ctx, {"description", ctx.tr(N_("Description")), in.description, "", "",
                            ctx.tr(N_("What it is and why it is worth reusing. Markdown is accepted.")), false, kMaxDescription},
                      errors, 5);
  out += fv::input(ctx, {"tags", ctx.tr(N_("Tags")), in.tags, "text", "off",
                         ctx.tr(N_("Up to 10 words, separated by commas.")), false, 0},
                   errors);
  out += render(R"(<fieldset id="f-coalitions"{}><legend>{}</legend>{}{}</fieldset>)",
                coalition_error ? html::trusted(R"( class="invalid")") : Html(), ctx.tr(N_("Linked coalitions")),
                coalition_error ? render(R"(<p class="error">{}</p>)", ctx.tr(coalition_error)) : Html(), boxes);
  return out;
}

Response render_new(Context& ctx, const ResourceInput& in, const FieldErrors& errors, int status) {
  return views::form_page(
      ctx,
      {.title = ctx.tr(N_("Propose a resource")),
       .intro = render("<p>{}</p>", ctx.tr(N_("A guide, a tool, a dataset, a podcast… that others could reuse. The animateurs and the co-porteurs of its coalitions publish proposals."))),
       .action = "/ressources/proposer",
       .multipart = true,
       .fields = resource_fields(ctx, in, errors),
       .submit = N_("Propose")},
      errors, status);
}

Response render_edit(Context& ctx, const Resource& r, const ResourceInput& in, const FieldErrors& errors,
                     bool conflict, int status) {
  return views::form_page(
      ctx,
      {.title = fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), r.title),
       .intro = render(R"(<p class="meta"><a href="/ressources/{}">{}</a></p>)", r.slug, r.title),
       .action = "/ressources/" + r.slug + "/modifier",
       .multipart = true,
       .base_revision = conflict ? r.revision : in.base_revision,
       .conflict = conflict,
       .conflict_title = N_("Someone saved this resource while you were editing it"),
       .conflict_text = N_("Nothing was saved. Your changes are still in the form; compare them with the resource as it is now, then save again."),
       .fields = resource_fields(ctx, in, errors, &r),
       .submit = N_("Save")},
      errors, status);
}

Resource visible(Context& ctx) {
  auto r = store::resource(ctx.db, ctx.param("slug"));
  if (!r || !can_see(ctx.db, ctx.actor(), *r)) throw NotFound();
  return *r;
}

std::string list_link(const Filters& f, std::string_view kind_slug, std::string_view tag) {
  return "/ressources?type=" + html::url_encode(kind_slug) + "&coalition=" + html::url_encode(f.coalition) +
         "&etiquette=" + html::url_encode(tag) + "&licence=" + html::url_encode(f.licence);
}

}  // namespace

Response resources(Context& ctx) {
  Filters f = filters_of(ctx);
  std::int64_t total = store::count_resources(ctx.db, f.filter);
  std::int64_t pages = std::max<std::int64_t>(1, (total + kPageSize - 1) / kPageSize);
  std::int64_t page = std::min(views::page_number(ctx), pages);
  f.filter.limit = kPageSize;
  f.filter.offset = (page - 1) * kPageSize;
  auto list = store::resources(ctx.db, f.filter);

  Html items;
  for (const auto& r : list) {
    Html tags;
    for (const auto& t : r.tags) tags += render(R"( <a href="{}">#{}</a>)", list_link(f, f.kind, t), t);
    items += render(R"(<li><a href="/ressources/{}">{}</a> <span class="meta">{} · {}{}</span>{}</li>)", r.slug, r.title,
                    views::kind_label(ctx, r.kind), r.licence,
                    r.status == Status::draft ? render(" · {}", ctx.tr(N_("proposal"))) : Html(),
                    tags.empty() ? Html() : render(R"(<p class="meta">{}</p>)", tags));
  }
  if (list.empty()) items = render("<li>{}</li>", ctx.tr(N_("No resource matches these filters.")));

  std::vector<fv::Option> tags, licences;
  for (const auto& t : store::used_tags(ctx.db)) tags.push_back({t, t});
  Html body = render(
      R"(<h1>{}</h1>{}<p>{}</p>{}
<form method="get" action="/ressources" class="filters">{}{}{}{}<button type="submit">{}</button></form>
<p role="status">{}</p><ul class="cards">{}</ul>{}<p><a href="/ressources.json">{}</a></p>)",
      ctx.tr(N_("Resources")), views::subnav(ctx, "/ressources"),
      ctx.tr(N_("Do not reinvent the wheel: guides, tools, demonstrators, datasets and more, each with the licence under which it can be reused.")),
      ctx.user ? render(R"(<p><a href="/ressources/proposer">{}</a></p>)", ctx.tr(N_("Propose a resource"))) : Html(),
      fv::select(ctx, {"type", ctx.tr(N_("Kind")), f.kind, "", "", "", false, 0}, views::kind_options(ctx), {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"coalition", ctx.tr(N_("Coalition")), f.coalition, "", "", "", false, 0},
                 views::coalition_options(store::coalitions(ctx.db)), {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"etiquette", ctx.tr(N_("Tag")), f.tag, "", "", "", false, 0}, tags, {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"licence", ctx.tr(N_("Licence")), f.licence, "", "", "", false, 0}, views::licence_options(), {},
                 ctx.tr(N_("All"))),
      ctx.tr(N_("Filter")),
      fmt::format(fmt::runtime(ctx.trn("{} resource", "{} resources", static_cast<long>(total))), total), items,
      fv::pager(ctx, list_link(f, f.kind, f.tag) + "&page=", page, pages), ctx.tr(N_("The same list as JSON")));
  return fv::page(ctx, ctx.tr(N_("Resources")), body);
}

Response resources_json(Context& ctx) {
  Filters f = filters_of(ctx);
  f.filter.all_drafts = false;  // the API lists what is published
  f.filter.drafts_of.reset();
  boost::json::array items;
  for (const auto& r : store::resources(ctx.db, f.filter)) {
    boost::json::array tags, linked;
    for (const auto& t : r.tags) tags.push_back(boost::json::value(t));
    for (const auto& k : r.coalitions) linked.push_back(boost::json::value(k.slug));
    const Licence* l = licence(r.licence);
    items.push_back(boost::json::object{
        {"slug", r.slug},
        {"title", r.title},
        {"description", r.description},
        {"url", r.url.empty() ? boost::json::value(nullptr) : boost::json::value(r.url)},
        {"file", r.file_id ? boost::json::value("/ressources/" + r.slug + "/fichier") : boost::json::value(nullptr)},
        {"kind", r.kind},
        {"licence", {{"id", r.licence}, {"url", l ? l->url : ""}}},
        {"tags", std::move(tags)},
        {"coalitions", std::move(linked)},
        {"revision", r.revision},
        {"updated_at", coalitions::json::iso(r.updated_at)},
    });
  }
  boost::json::object out;
  out["count"] = items.size();
  out["resources"] = std::move(items);
  return coalitions::json::response(ctx, out);
}

Response new_resource(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  return render_new(ctx, {}, {}, 200);
}

Response create_resource(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  ResourceInput in = input_from(ctx);
  auto result = commons::propose_resource(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_new(ctx, in, result.errors, 422);
  return Response::redirect("/ressources/" + result.resource->slug);
}

Response resource(Context& ctx) {
  Resource r = visible(ctx);
  const User* actor = ctx.actor();
  const Licence* l = licence(r.licence);
  Html link;
  if (!r.url.empty())
    link = render(R"(<p><a href="{}" rel="nofollow noopener">{}</a></p>)", r.url, ctx.tr(N_("Open the resource")));
  if (r.file_id)
    link += render(R"(<p><a href="/ressources/{}/fichier" download>{}</a> <span class="meta">{} — {}</span></p>)", r.slug,
                   fmt::format(fmt::runtime(ctx.tr(N_("Download {}"))), r.file_name), files::label(r.file_type),
                   fmt::format(fmt::runtime(ctx.tr(N_("{} KB"))), (r.file_size + 1023) / 1024));
  Html tags, coalitions_list;
  for (const auto& t : r.tags) tags += render(R"(<li><a href="/ressources?etiquette={}">#{}</a></li>)", html::url_encode(t), t);
  for (const auto& k : r.coalitions)
    coalitions_list += render(R"(<li><a href="/coalitions/{}">{}</a></li>)", k.slug, views::coalition_title(k));
  Html actions;
  if (can_edit(ctx.db, actor, r))
    actions += render(R"(<li><a href="/ressources/{}/modifier">{}</a></li>)", r.slug, ctx.tr(N_("Edit")));
  if (r.status == Status::draft && can_publish(ctx.db, actor, r))
    actions += render(R"(<li><form method="post" action="/ressources/{}/publier">{}<button type="submit">{}</button></form></li>)",
                      r.slug, fv::csrf_field(ctx), ctx.tr(N_("Publish")));
  if (actor && (actor->is_animateur() || (r.status == Status::draft && r.submitted_by == actor->id)))
    actions += render(R"(<li><form method="post" action="/ressources/{}/supprimer">{}<button type="submit" class="secondary">{}</button></form></li>)",
                      r.slug, fv::csrf_field(ctx), ctx.tr(N_("Delete")));
  std::vector<views::RevisionLine> history;
  for (const auto& v : store::resource_revisions(ctx.db, r.id)) history.push_back({v.number, v.created_at, v.author_name});
  Html body = render(
      R"(<p class="meta"><a href="/ressources">{}</a></p><h1>{}</h1>{}
<dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd><a href="{}" rel="license">{}</a></dd>{}</dl>
{}{}
{}{}{}
{})",
      ctx.tr(N_("Resources")), r.title, views::draft_notice(ctx, r.status), ctx.tr(N_("Kind")),
      views::kind_label(ctx, r.kind), ctx.tr(N_("Licence")), l ? l->url : "", l ? l->name : r.licence,
      r.submitter_name.empty() ? Html() : render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Proposed by")), r.submitter_name),
      link, text::render_markdown(r.description),
      tags.empty() ? Html() : render(R"(<h2>{}</h2><ul class="tags">{}</ul>)", ctx.tr(N_("Tags")), tags),
      coalitions_list.empty() ? Html() : render(R"(<h2>{}</h2><ul>{}</ul>)", ctx.tr(N_("Linked coalitions")), coalitions_list),
      actions.empty() ? Html() : render(R"(<ul class="tags">{}</ul>)", actions),
      views::revision_history(ctx, "/ressources/" + r.slug, history, r.revision, can_publish(ctx.db, actor, r)));
  return fv::page(ctx, r.title, body);
}

Response resource_file(Context& ctx) {
  std::string bytes;
  auto f = commons::resource_file(ctx.db, ctx.actor(), ctx.param("slug"), bytes);
  return files::download(f, std::move(bytes));
}

Response edit_resource(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  Resource r = visible(ctx);
  if (!can_edit(ctx.db, &*ctx.user, r))
    return fv::forbidden(ctx, N_("Only its submitter, the co-porteurs of its coalitions and the animateurs can edit this resource."));
  return render_edit(ctx, r, input_of(r), {}, false, 200);
}

Response update_resource(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  ResourceInput in = input_from(ctx);
  auto result = commons::update_resource(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (result.errors.empty() && !result.conflict) return Response::redirect("/ressources/" + ctx.param("slug"));
  Resource r = visible(ctx);
  return render_edit(ctx, r, in, result.errors, result.conflict, result.conflict ? 409 : 422);
}

Response publish_resource(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  commons::publish_resource(ctx.db, *ctx.user, ctx.param("slug"), ctx.now);
  return Response::redirect("/ressources/" + ctx.param("slug"));
}

Response delete_resource(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  commons::delete_resource(ctx.db, *ctx.user, ctx.param("slug"));
  return Response::redirect("/ressources");
}

Response compare_resource(Context& ctx) {
  Resource r = visible(ctx);
  const std::string base = "/ressources/" + r.slug;
  const std::int64_t from = views::integer_field(ctx.query.get("de"), -1), to = views::integer_field(ctx.query.get("a"), -1);
  auto a = store::resource_revision(ctx.db, r.id, from), b = store::resource_revision(ctx.db, r.id, to);
  if (!a || !b) return views::no_such_revisions(ctx, base);
  auto licence_name = [](const std::string& id) {
    const Licence* l = licence(id);
    return l ? std::string(l->name) : id;
  };
  return views::compare_page(ctx, base, r.title, from, to,
                             {{ctx.tr(N_("Title")), a->title, b->title},
                              {ctx.tr(N_("Address (link)")), a->url, b->url},
                              {ctx.tr(N_("Kind")), views::kind_label(ctx, a->kind), views::kind_label(ctx, b->kind)},
                              {ctx.tr(N_("Licence")), licence_name(a->licence), licence_name(b->licence)},
                              {ctx.tr(N_("Description")), a->description, b->description},
                              {ctx.tr(N_("Tags")), a->tags, b->tags},
                              {ctx.tr(N_("Linked coalitions")), a->coalitions, b->coalitions}});
}

Response restore_resource(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  const std::string slug = ctx.param("slug");
  auto result = commons::restore_resource_revision(ctx.db, *ctx.user, slug, ctx.param_int("number"),
                                                   views::integer_field(ctx.form.get("base_revision"), -1), ctx.now);
  if (result.conflict || !result.errors.empty())
    return views::restore_refused(ctx, "/ressources/" + slug, result.conflict, result.errors);
  return Response::redirect("/ressources/" + slug + "#historique");
}

}  // namespace fabrique::commons::pages
