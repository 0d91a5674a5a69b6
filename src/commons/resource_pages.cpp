// The resources library: the filtered list, a resource's page with its revisions, and the forms to
// propose, edit, publish and delete resources.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "coalitions/filter.hpp"
#include "coalitions/json.hpp"
#include "coalitions/picker.hpp"
#include "common/csv.hpp"
#include "commons/pages.hpp"
#include "commons/store.hpp"
#include "commons/templates/resources.hpp"
#include "commons/urls.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "commons/view_models.hpp"
#include "commons/views.hpp"
#include "files/download.hpp"
#include "i18n/i18n.hpp"
#include "storage/batches.hpp"
#include "territories/placing.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/merge.hpp"
#include "views/pager.hpp"
#include "views/saved.hpp"

namespace fabrique::commons::pages {

using html::Html;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

constexpr std::int64_t kPageSize = 50;

// The filters of the query string; unknown values are dropped (the list is then unfiltered), words
// naming no coalition match nothing.
struct Filters {
  std::string kind, tag, licence;
  coalitions::ListFilter coalition;
  territories::ListFilter territory;
  store::ResourceFilter filter;
};

Filters filters_of(Context& ctx) {
  Filters f;
  f.kind = ctx.query.get("type");
  f.tag = ctx.query.get("etiquette");
  f.licence = ctx.query.get("licence");
  if (kind(f.kind))
    f.filter.kind = f.kind;
  else
    f.kind.clear();
  if (licence(f.licence))
    f.filter.licence = f.licence;
  else
    f.licence.clear();
  if (f.tag.size() <= kMaxTag)
    f.filter.tag = f.tag;
  else
    f.tag.clear();
  f.coalition = coalitions::list_filter(ctx);
  f.filter.coalition_id = f.coalition.filter_id;
  f.territory = territories::list_filter(ctx);
  f.filter.territory_id = f.territory.territory_id;
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
  in.creator = ctx.form.get("creator");
  in.tags = ctx.form.get("tags");
  in.coalitions = ctx.form.all("coalitions");
  in.territories = territories::picked_keys(ctx);
  in.file = ctx.upload("file");
  in.base_revision =
      views::integer_field(ctx.form.get("base_revision"), -1);  // absent on proposals; a mismatch on edits
  return in;
}

ResourceInput input_of(const Resource& r) {
  ResourceInput in;
  in.title = r.title;
  in.description = r.description;
  in.url = r.url;
  in.kind = r.kind;
  in.licence = r.licence;
  in.creator = r.creator;
  for (const auto& t : r.tags) in.tags += (in.tags.empty() ? "" : ", ") + t;
  for (const auto& k : r.coalitions) in.coalitions.push_back(k.slug);
  in.base_revision = r.revision;
  return in;
}

// A picker of the resource form searched: the form comes back with what matches, nothing saved.
bool picker_searched(const Context& ctx) {
  return !ctx.form.get("coalitions_q").empty() || territories::picker_searched(ctx);
}

// The resource form's fields, as `in` holds them, with the lists to choose from; `current` is the
// resource being edited; those in `conflicts` drawn to settle instead.
Html resource_fields(Context& ctx, const ResourceInput& in, const FieldErrors& errors,
                     const Resource* current = nullptr, const fv::Conflicts& conflicts = {}) {
  ResourceForm form{
      .title = in.title,
      .url = in.url,
      .kind = in.kind,
      .licence = in.licence.empty() ? kDefaultLicence : in.licence,
      .creator = in.creator,
      .description = in.description,
      .tags = in.tags,
      .file_hint = fmt::format(
          fmt::runtime(ctx.tr(N_("Or a file: PDF, slides, office document or image, 20 MB at most ({}).{}"))),
          files::accepted_extensions(),
          current && current->file_id
              ? " " + fmt::format(fmt::runtime(ctx.tr(N_("A new file replaces {}."))), current->file_name)
              : std::string()),
      .kinds = views::kind_options(ctx),
      .licences = views::licence_options(),
      .coalitions =
          fabrique::coalitions::picker_of(*fabrique::coalitions::choices(ctx.db), "coalitions", N_("Linked coalitions"),
                                          in.coalitions, ctx.form.get("coalitions_q")),
      .places = territories::form_picker(ctx, in.territories.value_or(std::vector<std::string>{})),
      .conflicts = conflicts};
  return html::render(*ctx.t, templates::ResourceFields{.form = form, .errors = errors});
}

Response render_new(Context& ctx, const ResourceInput& in, const FieldErrors& errors, int status) {
  return views::form_page(
      ctx,
      {.title = ctx.tr(N_("Propose a resource")),
       .intro =
           html::render("<p>{}</p>", ctx.tr(N_("A guide, a tool, a dataset, a podcast… that others could reuse. The "
                                               "animateurs and the co-porteurs of its coalitions publish proposals."))),
       .action = urls::new_resource(),
       .multipart = true,
       .fields = resource_fields(ctx, in, errors),
       .submit = N_("Propose")},
      errors, status);
}

Response render_edit(Context& ctx, const Resource& r, const ResourceInput& in, const FieldErrors& errors, bool conflict,
                     int status, const fv::Conflicts& conflicts = {}) {
  return views::form_page(
      ctx,
      {.title = fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), r.title),
       .intro = html::render(R"(<p class="meta"><a href="{}">{}</a></p>)", urls::resource(r.slug), r.title),
       .action = urls::edit_resource(r.slug),
       .multipart = true,
       .base_revision = conflict ? r.revision : in.base_revision,
       .conflict = conflict,
       .conflict_title = N_("Someone saved this resource while you were editing it"),
       .conflict_text = N_("Nothing was saved. Your changes are still in the form; compare them with the resource as "
                           "it is now, then save again."),
       .conflicts = &conflicts,
       .fields = resource_fields(ctx, in, errors, &r, conflicts),
       .submit = N_("Save")},
      errors, status);
}

// The fields of a resource both sides changed since the revision its form started from, to settle;
// `merge` what the person already answered for them.
fv::Conflicts resource_conflicts(Context& ctx, const Resource& r, const ResourceResult& result,
                                 const text::MergeAnswer& merge) {
  auto label_of = [&](const std::string& name) -> std::string {
    static const std::map<std::string, const char*> labels = {
        {"title", N_("Title")},    {"url", N_("Address (link)")},
        {"kind", N_("Kind")},      {"licence", N_("Licence")},
        {"creator", N_("Author")}, {"description", N_("Description")},
        {"tags", N_("Tags")},      {"coalitions", N_("Linked coalitions")}};
    auto it = labels.find(name);
    return it == labels.end() ? name : ctx.tr(it->second);
  };
  // The kind, the licence and the coalitions are chosen from lists: shown by their names.
  auto coalitions = store::coalitions(ctx.db);
  auto shown = [&](const std::string& name, const std::string& value) -> std::optional<std::string> {
    if (name == "kind") return views::kind_label(ctx, value);
    if (name == "licence") {
      const Licence* l = licence(value);
      return l ? l->name : value;
    }
    if (name != "coalitions") return std::nullopt;
    std::string out;
    for (const auto& slug : split_list(value))
      for (const auto& k : coalitions)
        if (k.slug == slug) out += (out.empty() ? "" : ", ") + views::coalition_title(k);
    return out;
  };
  return fv::conflicts_of(ctx, result.merge, r.revision, merge, label_of, shown);
}

Resource visible(Context& ctx) {
  auto r = store::resource(ctx.db, ctx.param("slug"));
  if (!r || !can_see(ctx.db, ctx.actor(), *r)) throw NotFound();
  return *r;
}

std::string list_link(const Filters& f, std::string_view kind_slug, std::string_view tag) {
  return urls::resources() + "?type=" + html::url_encode(kind_slug) + coalitions::filter_param(f.coalition) +
         "&etiquette=" + html::url_encode(tag) + "&licence=" + html::url_encode(f.licence) +
         territories::filter_param(f.territory);
}

// Everything the library shows, read in one place: the coalition the filter names, the number of
// resources the filters keep, the page of them asked for, and the tags in use.
ResourcesPage load_resources(Context& ctx) {
  ResourcesPage page;
  Filters f = filters_of(ctx);
  page.total = store::count_resources(ctx.db, f.filter);
  const fabrique::views::PageOf shown = fabrique::views::page_of(ctx, page.total, kPageSize);
  page.pages = shown.pages;
  page.page = shown.page;
  f.filter.limit = shown.limit;
  f.filter.offset = shown.offset;
  for (auto& r : store::resources(ctx.db, f.filter)) {
    ResourceLine line{.kind = views::kind_label(ctx, r.kind)};
    for (const auto& t : r.tags) line.tags.push_back({list_link(f, f.kind, t), t});
    line.resource = std::move(r);
    page.resources.push_back(std::move(line));
  }
  std::vector<std::int64_t> ids;
  for (const auto& line : page.resources) ids.push_back(line.resource.id);
  page.places = territories::places_of(ctx.db, territories::subject::resource, ids);
  page.signed_in = ctx.user.has_value();
  page.kind = f.kind;
  page.coalition = f.coalition;
  page.tag = f.tag;
  page.licence = f.licence;
  page.territory = f.territory;
  page.kinds = views::kind_options(ctx);
  for (const auto& t : store::used_tags(ctx.db)) page.tags.push_back({t, t});
  page.licences = views::licence_options();
  page.pager_base = list_link(f, f.kind, f.tag) + "&page=";
  return page;
}

// A resource's fields in the JSON documents (docs/api.md).
boost::json::object resource_object(const Context& ctx, const Resource& r) {
  boost::json::array tags, linked;
  for (const auto& t : r.tags) tags.push_back(boost::json::value(t));
  for (const auto& k : r.coalitions) linked.push_back(boost::json::value(k.slug));
  const Licence* l = licence(r.licence);
  return {
      {"slug", r.slug},
      {"title", r.title},
      {"page", ctx.base_url + urls::resource(r.slug)},
      {"description", r.description},
      {"url", r.url.empty() ? boost::json::value(nullptr) : boost::json::value(r.url)},
      {"file",
       r.file_id ? boost::json::value(ctx.base_url + urls::resource_file(r.slug)) : boost::json::value(nullptr)},
      {"kind", r.kind},
      {"licence", {{"id", r.licence}, {"url", l ? l->url : ""}}},
      {"creator", r.creator},
      {"tags", std::move(tags)},
      {"coalitions", std::move(linked)},
      {"revision", r.revision},
      {"updated_at", coalitions::json::iso(r.updated_at)},
  };
}

// A resource's page: its licence and file, what the person may do with it, and its revisions.
ResourcePage load_resource(Context& ctx, Resource r) {
  ResourcePage page;
  const User* actor = ctx.actor();
  page.kind = views::kind_label(ctx, r.kind);
  const Licence* l = licence(r.licence);
  page.licence_url = l ? l->url : "";
  page.licence_name = l ? l->name : r.licence;
  page.licence_short = short_name(r.licence);
  page.work_url = r.url.empty() ? ctx.base_url + urls::resource(r.slug) : r.url;
  if (r.file_id) page.file_label = files::label(r.file_type);
  page.description = text::render_markdown(r.description);
  page.can_edit = can_edit(ctx.db, actor, r);
  const bool publisher = can_publish(ctx.db, actor, r);
  page.can_publish = r.status == Status::draft && publisher;
  page.can_delete = actor && (actor->is_animateur() || (r.status == Status::draft && r.submitted_by == actor->id));
  page.history = views::history(urls::resource(r.slug), store::resource_revisions(ctx.db, r.id), r.revision, publisher);
  page.territories = territories::places(ctx.db, territories::subject::resource, r.id);
  page.resource = std::move(r);
  return page;
}

}  // namespace

Response resources(Context& ctx) {
  ResourcesPage page = load_resources(ctx);
  return fv::page(ctx, ctx.tr(N_("Resources")), html::render(*ctx.t, templates::Resources{page}));
}

Response resources_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  Filters f = filters_of(ctx);
  f.filter.all_drafts = false;  // the API lists what is published
  f.filter.drafts_of.reset();
  f.filter.updated_since = paging->updated_since;
  const std::int64_t total = store::count_resources(ctx.db, f.filter);
  f.filter.limit = paging->per_page;
  f.filter.offset = paging->offset();
  auto items = territories::with_places(ctx, territories::subject::resource, store::resources(ctx.db, f.filter),
                                        [&](const Resource& r) { return resource_object(ctx, r); });
  return coalitions::json::page(ctx, "resources", std::move(items), total, *paging);
}

Response resources_csv(Context& ctx) {
  Filters f = filters_of(ctx);
  f.filter.all_drafts = false;  // what is published, as the JSON
  f.filter.drafts_of.reset();
  f.filter.limit = storage::kExportBatch;
  http::Spool spool(ctx.request.header("accept-encoding"));
  csv::Writer w(spool);
  w.row({"slug", "title", "page", "url", "file", "kind", "licence", "creator", "tags", "coalitions", "description",
         "territoires", "revision", "updated_at"});
  storage::Transaction tx(ctx.db, false);
  storage::each_batch(
      [&](std::optional<std::int64_t> after) {
        f.filter.after_id = after;
        return store::resources(ctx.db, f.filter);
      },
      [&](const std::vector<Resource>& batch) {
        auto places = territories::places_of(ctx.db, territories::subject::resource, batch);
        for (const auto& r : batch) {
          std::string tags, linked;
          for (const auto& t : r.tags) tags += (tags.empty() ? "" : " ") + t;
          for (const auto& k : r.coalitions) linked += (linked.empty() ? "" : " ") + k.slug;
          w.row(std::vector<std::string>{r.slug, r.title, ctx.base_url + urls::resource(r.slug), r.url,
                                         r.file_id ? ctx.base_url + urls::resource_file(r.slug) : "", r.kind, r.licence,
                                         r.creator, tags, linked, r.description, territories::places_csv(places[r.id]),
                                         std::to_string(r.revision), coalitions::json::iso(r.updated_at)});
        }
      });
  tx.commit();
  return csv::response(w, "ressources.csv");
}

Response resource_json(Context& ctx) {
  ResourcePage page = load_resource(ctx, visible(ctx));
  boost::json::object resource = resource_object(ctx, page.resource);
  resource["status"] = page.resource.status == Status::published ? "published" : "draft";
  resource["territories"] = territories::places_json(ctx, page.territories);
  boost::json::array revisions;
  for (const auto& v : store::resource_revisions(ctx.db, page.resource.id)) {
    auto o = coalitions::json::revision({v.number, v.created_at, v.author_name, "", std::nullopt, v.merged_with});
    o["fields"] = {{"title", v.title}, {"description", v.description}, {"url", v.url},
                   {"kind", v.kind},   {"licence", v.licence},         {"creator", v.creator},
                   {"tags", v.tags},   {"coalitions", v.coalitions}};
    revisions.push_back(std::move(o));
  }
  resource["revisions"] = std::move(revisions);
  // Under a key of its own: the resource's licence is its author's, the document's is the site's.
  Response r = coalitions::json::response(ctx, {{"resource", std::move(resource)}});
  // A proposal is seen only by those who may act on it: never open data, never cached for others.
  if (page.resource.status != Status::published) r.set_header("Cache-Control", "private, no-store");
  return r;
}

Response new_resource(Context& ctx) { return render_new(ctx, {}, {}, 200); }

Response create_resource(Context& ctx) {
  ResourceInput in = input_from(ctx);
  // A picker searched: the form comes back with the coalitions or territories to tick, nothing saved.
  if (picker_searched(ctx)) return render_new(ctx, in, {}, 200);
  auto result = commons::propose_resource(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_new(ctx, in, result.errors, 422);
  return fv::redirect_saved(urls::resource(result.resource->slug), fv::Saved::resource);
}

Response resource(Context& ctx) {
  ResourcePage page = load_resource(ctx, visible(ctx));
  // Only someone who may act on it sees a form; asking for the token makes the page personal.
  const bool forms = page.can_publish || page.can_delete || page.history.can_restore;
  std::string csrf = forms ? ctx.csrf_token() : std::string();
  return fv::page(ctx, page.resource.title, html::render(*ctx.t, templates::Resource{.page = page, .csrf = csrf}));
}

Response resource_file(Context& ctx) {
  std::string bytes;
  auto f = commons::resource_file(ctx.db, ctx.actor(), ctx.param("slug"), bytes);
  return files::download(f, std::move(bytes));
}

Response edit_resource(Context& ctx) {
  Resource r = visible(ctx);
  if (!can_edit(ctx.db, &*ctx.user, r))
    return fv::forbidden(
        ctx, N_("Only its submitter, the co-porteurs of its coalitions and the animateurs can edit this resource."));
  ResourceInput in = input_of(r);
  in.territories = territories::keys_of(territories::places(ctx.db, territories::subject::resource, r.id));
  return render_edit(ctx, r, in, {}, false, 200);
}

Response update_resource(Context& ctx) {
  ResourceInput in = input_from(ctx);
  if (picker_searched(ctx)) {  // a picker searched: the form again, nothing saved
    Resource r = visible(ctx);
    if (!can_edit(ctx.db, &*ctx.user, r))
      return fv::forbidden(
          ctx, N_("Only its submitter, the co-porteurs of its coalitions and the animateurs can edit this resource."));
    return render_edit(ctx, r, in, {}, false, 200);
  }
  in.merge = fv::read_merge(ctx.form);
  auto result = commons::update_resource(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (result.errors.empty() && !result.conflict) {
    // A save merged with someone else's says so.
    if (result.merged_with)
      return Response::redirect(fv::merged(urls::resource(ctx.param("slug")), result.merged_with));
    return fv::redirect_saved(urls::resource(ctx.param("slug")), fv::Saved::resource);
  }
  Resource r = visible(ctx);
  if (result.merge.to_settle())
    return render_edit(ctx, r, *result.merged, result.errors, true, result.errors.empty() ? 409 : 422,
                       resource_conflicts(ctx, r, result, in.merge));
  return render_edit(ctx, r, in, result.errors, result.conflict, result.conflict ? 409 : 422);
}

Response publish_resource(Context& ctx) {
  commons::publish_resource(ctx.db, *ctx.user, ctx.param("slug"), ctx.now);
  return fv::redirect_saved(urls::resource(ctx.param("slug")), fv::Saved::resource_published);
}

Response delete_resource(Context& ctx) {
  commons::delete_resource(ctx.db, *ctx.user, ctx.param("slug"));
  return fv::redirect_saved(urls::resources(), fv::Saved::resource_deleted);
}

Response compare_resource(Context& ctx) {
  Resource r = visible(ctx);
  const std::string base = urls::resource(r.slug);
  const std::int64_t from = views::integer_field(ctx.query.get("de"), -1),
                     to = views::integer_field(ctx.query.get("a"), -1);
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
                              {ctx.tr(N_("Author")), a->creator, b->creator},
                              {ctx.tr(N_("Description")), a->description, b->description},
                              {ctx.tr(N_("Tags")), a->tags, b->tags},
                              {ctx.tr(N_("Linked coalitions")), a->coalitions, b->coalitions}});
}

Response restore_resource(Context& ctx) {
  const std::string slug = ctx.param("slug");
  auto result = commons::restore_resource_revision(ctx.db, *ctx.user, slug, ctx.param_int("number"),
                                                   views::integer_field(ctx.form.get("base_revision"), -1), ctx.now);
  if (result.conflict || !result.errors.empty())
    return views::restore_refused(ctx, urls::resource(slug), result.conflict, result.errors);
  return fv::redirect_saved(urls::history(urls::resource(slug)), fv::Saved::restored);
}

}  // namespace fabrique::commons::pages
