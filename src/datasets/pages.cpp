// The register of datasets' pages: a loader per page and its template; forms call one use case,
// then redirect or re-render with errors.
#include "datasets/pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "datasets/catalogue.hpp"
#include "datasets/rdf.hpp"
#include "datasets/reuse_store.hpp"
#include "datasets/store.hpp"
#include "datasets/templates/form.hpp"
#include "datasets/templates/list.hpp"
#include "datasets/templates/show.hpp"
#include "datasets/urls.hpp"
#include "datasets/use_cases.hpp"
#include "datasets/validation.hpp"
#include "datasets/view_models.hpp"
#include "i18n/i18n.hpp"
#include "organisations/picker.hpp"
#include "organisations/store.hpp"
#include "organisations/urls.hpp"
#include "search/search.hpp"
#include "storage/batches.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/links.hpp"
#include "territories/urls.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"
#include "views/revisions.hpp"
#include "views/saved.hpp"

namespace fabrique::datasets::pages {

using i18n::N_;

namespace {

constexpr const char* kOnlyEditors =
    N_("Only the members of the producing organisation and the animateurs can edit this entry.");

// --- The list and its filters

// The filters a list request asks for, read once for the page, its JSON and its CSV.
struct Asked {
  store::Filter filter;
  ListPage page;  // the filters as chosen, for the page
};

// The slugs of the entries the search finds for `q` (the register is public: a visitor's search).
std::vector<std::string> found(Context& ctx, const std::string& q) {
  std::vector<std::string> slugs;
  search::Query query{.text = q, .type = "dataset", .page = 1};
  for (;; ++query.page) {
    auto results = search::find(ctx.db, search::Viewer{.now = ctx.now}, query);
    for (const auto& hit : results.hits) slugs.push_back(hit.ref);
    if (query.page >= results.pages || query.page * search::kPerPage >= search::kMaxRanked) break;
  }
  return slugs;
}

Asked asked(Context& ctx) {
  Asked a;
  auto& f = a.filter;
  auto& p = a.page;
  std::string qs;
  auto keep = [&](const char* name, const std::string& value) { html::add_param(qs, name, value); };
  p.q = ctx.query.get("q").substr(0, search::kMaxQueryBytes);
  if (!text::trim(p.q).empty()) {
    f.slugs = found(ctx, p.q);
    keep("q", p.q);
  }
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kDatasetThemes)) {
    p.themes.push_back({t.slug, t.label});
    if (t.slug == ctx.query.get("theme")) {
      f.theme_id = t.id;
      p.theme = t.slug;
      keep("theme", t.slug);
    }
  }
  p.producer_words = ctx.query.get("producteur").substr(0, views::kPickerQueryLength);
  if (const std::string typed = text::trim(p.producer_words); !typed.empty()) {
    // The producer whose slug the words are, else the first whose name holds every word; none: no dataset.
    std::map<std::string, std::int64_t> ids;
    std::vector<views::Choice> producers;
    for (auto& o : store::producers(ctx.db)) {
      ids[o.slug] = o.id;
      producers.push_back({.key = std::move(o.slug), .label = std::move(o.name)});
    }
    auto named = views::named(producers, {typed});
    if (named.empty()) named = views::matching(producers, typed, 1);
    f.producer_id = named.empty() ? -1 : ids.at(named.front().key);
    if (named.empty()) {
      p.producer_errors.add("producteur", N_("No producer has this name or these words."));
      keep("producteur", typed);  // the JSON and CSV links list none either
    } else {
      p.producer = named.front();
      keep("producteur", p.producer->key);
    }
  }
  for (const auto& name : store::formats(ctx.db)) {
    p.formats.push_back({name, name});
    if (text::lower(name) == text::lower(ctx.query.get("format"))) {
      f.format = p.format = name;
      keep("format", name);
    }
  }
  for (auto id : kLicenceIds) {
    p.licences.push_back({std::string(id), licence(id)->name});
    if (id == ctx.query.get("licence")) {
      f.licence = p.licence = std::string(id);
      keep("licence", f.licence);
    }
  }
  if (auto t = territories::territory_named(ctx.db, ctx.query.get("territoire"))) {
    f.territory_id = t->id;
    p.territory = territories::TerritoryRef{.key = t->key, .name = t->name, .level = t->level};
    keep("territoire", t->key);
  }
  if (ctx.query.get("reutilise") == "1") {
    f.reused = p.reused = true;
    keep("reutilise", "1");
  }
  p.territory_words = ctx.query.get("territoire").substr(0, 100);
  p.query_string = qs;
  return a;
}

std::vector<std::int64_t> ids_of(const std::vector<Dataset>& all) {
  std::vector<std::int64_t> ids;
  for (const auto& d : all) ids.push_back(d.id);
  return ids;
}

// --- JSON and CSV

boost::json::object dataset_json(const Context& ctx, const Dataset& d, const std::vector<territories::TerritoryRef>& at,
                                 std::int64_t reuses) {
  boost::json::array themes, distributions, places, keywords;
  for (const auto& t : d.themes) themes.push_back({{"slug", t.slug}, {"label", t.label}});
  for (const auto& x : d.distributions) {
    boost::json::object o{{"access_url", x.access_url}, {"format", x.format}, {"media_type", x.media_type}};
    o["byte_size"] = x.byte_size ? boost::json::value(*x.byte_size) : boost::json::value(nullptr);
    distributions.push_back(std::move(o));
  }
  for (const auto& t : at)
    places.push_back({{"key", t.key}, {"name", t.name}, {"url", ctx.base_url + territories::urls::territory(t.key)}});
  const Licence* l = licence(d.licence);
  return {{"slug", d.slug},
          {"title", d.title},
          {"url", ctx.base_url + urls::dataset(d.slug)},
          {"description", d.description},
          {"producer",
           {{"slug", d.producer_slug},
            {"name", d.producer_name},
            {"url", ctx.base_url + organisations::urls::organisation(d.producer_slug)}}},
          {"contact", d.contact},
          {"keywords", d.keywords},
          {"themes", std::move(themes)},
          {"licence", {{"id", d.licence}, {"name", l ? l->name : ""}, {"url", l ? l->url : ""}}},
          {"frequency", d.frequency},
          {"temporal", {{"start", d.temporal_start}, {"end", d.temporal_end}}},
          {"issued", d.issued},
          {"modified", d.modified},
          {"conforms_to", {{"name", d.conforms_to}, {"url", d.conforms_to_url}}},
          {"territories", std::move(places)},
          {"distributions", std::move(distributions)},
          {"reuses", reuses},
          {"revision", d.revision},
          {"updated_at", coalitions::json::iso(d.updated_at)}};
}

// --- The form

DatasetInput input_from(const Context& ctx) {
  DatasetInput in{.title = ctx.form.get("title"),
                  .description = ctx.form.get("description"),
                  .producer = ctx.form.get("producer"),
                  .contact = ctx.form.get("contact"),
                  .keywords = ctx.form.get("keywords"),
                  .licence = ctx.form.get("licence"),
                  .frequency = ctx.form.get("frequency"),
                  .temporal_start = ctx.form.get("temporal_start"),
                  .temporal_end = ctx.form.get("temporal_end"),
                  .issued = ctx.form.get("issued"),
                  .modified = ctx.form.get("modified"),
                  .conforms_to = ctx.form.get("conforms_to"),
                  .conforms_to_url = ctx.form.get("conforms_to_url"),
                  .themes = ctx.form.all("themes"),
                  .territories = ctx.form.all("territoires"),
                  .distributions = {},
                  .base_revision = numbers::whole(ctx.form.get("base_revision"), 0, numbers::kMaxId).value_or(0),
                  .merge = views::read_merge(ctx.form)};
  // The rows the form drew; a row marked to remove, or left blank, is not kept.
  const auto rows = numbers::whole(ctx.form.get("distributions"), 0, kMaxDistributions + 1).value_or(0);
  for (std::int64_t i = 1; i <= rows; ++i) {
    const std::string n = "dist-" + std::to_string(i) + "-";
    DistributionInput x{ctx.form.get(n + "url"), ctx.form.get(n + "format"), ctx.form.get(n + "media"),
                        ctx.form.get(n + "size")};
    if (ctx.form.get(n + "remove") == "1" || x == DistributionInput{}) continue;
    in.distributions.push_back(std::move(x));
  }
  return in;
}

// Fills the producer field of `page`: for an animateur, a picker over every organisation, as the form
// sent it (two ticked are refused next to it) or as `in` holds it; for anyone else, a select over
// their own organisations (bounded by their memberships). Either way with the entry's own producer
// when it is edited.
void producer_field(Context& ctx, const Dataset* d, const DatasetInput& in, FormPage& page) {
  const bool animateur = ctx.user && ctx.user->is_animateur();
  std::vector<views::Choice> offered;
  if (animateur) {
    offered = *organisations::choices(ctx.db);  // every organisation's slug and name, kept between changes
  } else {
    for (const auto& o : organisations::store::of_user(ctx.db, ctx.user->id))
      offered.push_back({.key = o.slug, .label = o.name});
  }
  bool has_own = false;
  for (const auto& c : offered) has_own = has_own || (d && c.key == d->producer_slug);
  if (d && !has_own) offered.insert(offered.begin(), {.key = d->producer_slug, .label = d->producer_name});
  if (!animateur) {
    for (auto& c : offered) page.producers.push_back({std::move(c.key), std::move(c.label)});
    return;
  }
  page.producer = organisations::picker_of(
      offered, "producer", N_("Producer"),
      views::picked(ctx.form.has("producer_q") ? ctx.form.all("producer") : std::vector{in.producer}),
      ctx.form.get("producer_q"));
}

// The error of a form ticking more than one producer.
FieldErrors more_than_one_producer(const Context& ctx) {
  FieldErrors errors;
  views::one_at_most(errors, "producer", ctx.form.all("producer"), N_("Choose one organisation at most."));
  return errors;
}

// The fields a conflicting save is to settle, as the page shows them: lists never merged by hand.
views::Conflicts conflicts_of(Context& ctx, const Dataset& d, const SaveResult& r, const text::MergeAnswer& merge) {
  views::Conflicts out{.base_revision = r.merge_base, .their_revision = d.revision, .fields = {}};
  auto at = [](const text::Fields& f, const std::string& name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  static const std::map<std::string, const char*> kLabels = {{"title", N_("Title")},
                                                             {"description", N_("Description")},
                                                             {"producer", N_("Producer")},
                                                             {"contact", N_("Contact")},
                                                             {"keywords", N_("Keywords")},
                                                             {"licence", N_("Licence")},
                                                             {"frequency", N_("Update frequency")},
                                                             {"temporal_start", N_("Period covered: from")},
                                                             {"temporal_end", N_("Period covered: to")},
                                                             {"issued", N_("First published on")},
                                                             {"modified", N_("Last changed by its producer on")},
                                                             {"conforms_to", N_("Schema it follows")},
                                                             {"conforms_to_url", N_("Address of the schema")},
                                                             {"themes", N_("Themes")},
                                                             {"territoires", N_("Territories")},
                                                             {"distributions", N_("How to get the data")}};
  for (const auto& name : r.conflicts) {
    const text::Settlement* answer = nullptr;
    if (auto it = merge.settlements.find(name); it != merge.settlements.end()) answer = &it->second;
    auto label = kLabels.count(name) ? ctx.tr(kLabels.at(name)) : name;
    auto f = views::field_conflict(ctx, name, label, at(r.base, name), at(r.theirs, name), at(r.mine, name), answer);
    f.mergeable = name != "producer" && name != "licence" && name != "frequency" && name != "themes" &&
                  name != "territoires" && name != "distributions";
    out.fields.push_back(std::move(f));
  }
  return out;
}

Response render_form(Context& ctx, const Dataset* d, const DatasetInput& in, const FieldErrors& errors, int status,
                     bool conflict = false, views::Conflicts conflicts = {}) {
  FormPage page{.dataset = d,
                .input = in,
                .errors = errors,
                .producer = {},
                .producers = {},
                .licences = {},
                .frequencies = {},
                .themes = {},
                .places = territories::picker_of(ctx.db, in.territories, ctx.form.get("territoire_q")),
                .distributions = {},
                .csrf = ctx.csrf_token(),
                .conflict = conflict,
                .conflicts = std::move(conflicts)};
  producer_field(ctx, d, in, page);
  for (auto id : kLicenceIds) page.licences.push_back({std::string(id), licence(id)->name});
  for (const auto& f : kFrequencies) page.frequencies.push_back({std::string(f.code), ctx.tr(f.label)});
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kDatasetThemes))
    page.themes.push_back({t.slug, t.label, std::find(in.themes.begin(), in.themes.end(), t.slug) != in.themes.end()});
  for (std::size_t i = 0; i < in.distributions.size(); ++i)
    page.distributions.push_back({std::to_string(i + 1), in.distributions[i], false});
  if (in.distributions.size() < kMaxDistributions)
    page.distributions.push_back({std::to_string(in.distributions.size() + 1), {}, true});
  std::string title = d ? fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), d->title) : ctx.tr(N_("Add a dataset"));
  return views::page(ctx, status, title, html::render(*ctx.t, templates::Form{.page = page, .title = title}));
}

// The form drawn again without saving: a picker searched, or a distribution row was asked for.
bool only_drawing(const Context& ctx) {
  return !ctx.form.get("territoire_q").empty() || !ctx.form.get("producer_q").empty() ||
         !ctx.form.get("ajouter_distribution").empty();
}

ShowPage load_show(Context& ctx, Dataset d) {
  ShowPage page;
  page.territories = territories::places(ctx.db, territories::subject::dataset, d.id);
  if (const Licence* l = licence(d.licence)) {
    page.licence_name = l->name;
    page.licence_url = l->url;
  } else {
    page.licence_name = d.licence;
  }
  if (const Frequency* f = frequency(d.frequency)) page.frequency = f->label;
  page.keywords = keyword_list(d.keywords);
  for (const auto& r : store::revisions(ctx.db, d.id))
    page.history.push_back({r.number, r.created_at, r.author_name, r.merged_with});
  page.editor = can_edit(ctx.db, ctx.actor(), d);
  reuse_store::Filter reused;
  reused.dataset_id = d.id;
  page.reuses = reuse_store::list(ctx.db, reused);
  if (auto n = numbers::whole(ctx.query.get("fusion"), 1, d.revision); n && ctx.user) page.merged_with = *n;
  page.dataset = std::move(d);
  return page;
}

enum class Rdf { jsonld, turtle };

// One page of the catalogue in `format`; a bad paging parameter is a 400.
Response catalogue_in(Context& ctx, Rdf format) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  store::Filter f;
  f.updated_since = paging->updated_since;
  CataloguePage page{
      .base_url = ctx.base_url,
      .title = ctx.tr(N_("Environmental data")),
      .description = ctx.tr(N_("Who produces which environmental data, on which territories, and how to get it.")),
      .datasets = {},
      .places = {},
      .reuses = {},
      .total = store::count(ctx.db, f),
      .page = paging->page,
      .pages = 1,
      .per_page = paging->per_page,
      .query = {}};
  page.pages = paging->pages(page.total);
  if (ctx.query.has("per_page")) page.query = "per_page=" + std::to_string(paging->per_page);
  f.limit = paging->per_page;
  f.offset = paging->offset();
  page.datasets = store::list(ctx.db, f);
  page.places = territories::places_of(ctx.db, territories::subject::dataset, ids_of(page.datasets));
  page.reuses = reuse_store::reuses_of(ctx.db, ids_of(page.datasets));
  const rdf::Graph g = catalogue_graph(page);
  Response r;
  if (format == Rdf::turtle) {
    r.content_type = "text/turtle; charset=utf-8";
    r.body = rdf::to_turtle(g);
  } else {
    r.content_type = "application/ld+json; charset=utf-8";
    r.body = rdf::to_jsonld(g);
  }
  return r;
}

}  // namespace

Response catalogue(Context& ctx) {
  // Turtle when the client asks for it and not for JSON-LD first; JSON-LD otherwise.
  const std::string_view accept = ctx.request.header("accept");
  const auto turtle = accept.find("text/turtle"), jsonld = accept.find("application/ld+json");
  Response r = catalogue_in(
      ctx, turtle != std::string_view::npos && (jsonld == std::string_view::npos || turtle < jsonld) ? Rdf::turtle
                                                                                                     : Rdf::jsonld);
  r.set_header("Vary", "Accept");
  return r;
}

Response catalogue_jsonld(Context& ctx) { return catalogue_in(ctx, Rdf::jsonld); }
Response catalogue_turtle(Context& ctx) { return catalogue_in(ctx, Rdf::turtle); }

Response list(Context& ctx) {
  Asked a = asked(ctx);
  views::narrow_to_page(ctx, store::count(ctx.db, a.filter), kListPageSize, urls::list(), a.page, a.filter);
  a.page.datasets = store::list(ctx.db, a.filter);
  a.page.reuse_counts = reuse_store::counts_of(ctx.db, ids_of(a.page.datasets));
  a.page.places = territories::places_of(ctx.db, territories::subject::dataset, a.page.datasets);
  a.page.signed_in = ctx.user.has_value();
  a.page.animateur = ctx.user && ctx.user->is_animateur();
  return views::page(ctx, ctx.tr(N_("Environmental data")), html::render(*ctx.t, templates::List{.page = a.page}));
}

Response list_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  Asked a = asked(ctx);
  a.filter.updated_since = paging->updated_since;
  const std::int64_t total = store::count(ctx.db, a.filter);
  a.filter.limit = paging->per_page;
  a.filter.offset = paging->offset();
  auto all = store::list(ctx.db, a.filter);
  auto places = territories::places_of(ctx.db, territories::subject::dataset, ids_of(all));
  auto reuses = reuse_store::counts_of(ctx.db, ids_of(all));
  boost::json::array items;
  for (const auto& d : all) items.push_back(dataset_json(ctx, d, places[d.id], reuses[d.id]));
  return coalitions::json::page(ctx, "datasets", std::move(items), total, *paging);
}

Response list_csv(Context& ctx) {
  Asked a = asked(ctx);
  a.filter.limit = storage::kExportBatch;
  http::Spool spool(ctx.request.header("accept-encoding"));
  csv::Writer w(spool);
  w.row({"slug",         "title",         "url",       "description", "producer",
         "themes",       "licence",       "frequency", "territoires", "temporal_start",
         "temporal_end", "issued",        "modified",  "conforms_to", "keywords",
         "contact",      "distributions", "formats",   "reuses",      "updated_at"});
  // A batch of datasets at a time, all in one snapshot: the whole register with its distributions,
  // themes and territories held at once cost 27 MB with the large programme's 10,000.
  storage::Transaction tx(ctx.db, false);
  storage::each_batch(
      [&](std::optional<std::int64_t> after) {
        a.filter.after_id = after;
        return store::list(ctx.db, a.filter);
      },
      [&](const std::vector<Dataset>& batch) {
        auto places = territories::places_of(ctx.db, territories::subject::dataset, ids_of(batch));
        auto reuses = reuse_store::counts_of(ctx.db, ids_of(batch));
        for (const auto& d : batch) {
          std::string themes, urls_, formats;
          auto add = [](std::string& to, const std::string& s) { to += (to.empty() ? "" : "; ") + s; };
          for (const auto& t : d.themes) add(themes, t.label);
          for (const auto& x : d.distributions) {
            add(urls_, x.access_url);
            if (!x.format.empty()) add(formats, x.format);
          }
          w.row(std::vector<std::string>{d.slug,
                                         d.title,
                                         ctx.base_url + urls::dataset(d.slug),
                                         d.description,
                                         d.producer_name,
                                         themes,
                                         d.licence,
                                         d.frequency,
                                         territories::places_csv(places[d.id]),
                                         d.temporal_start,
                                         d.temporal_end,
                                         d.issued,
                                         d.modified,
                                         d.conforms_to,
                                         d.keywords,
                                         d.contact,
                                         urls_,
                                         formats,
                                         std::to_string(reuses[d.id]),
                                         coalitions::json::iso(d.updated_at)});
        }
      });
  tx.commit();
  return csv::response(w, "donnees.csv");
}

Response show(Context& ctx) {
  auto d = store::by_slug(ctx.db, ctx.param("slug"));
  if (!d) return views::not_found(ctx);
  ShowPage page = load_show(ctx, std::move(*d));
  return views::page(ctx, page.dataset.title, html::render(*ctx.t, templates::Show{.page = page}));
}

Response show_json(Context& ctx) {
  auto d = store::by_slug(ctx.db, ctx.param("slug"));
  if (!d) return coalitions::json::not_found(ctx);
  auto out = dataset_json(ctx, *d, territories::places(ctx.db, territories::subject::dataset, d->id),
                          reuse_store::count(ctx.db, {.dataset_id = d->id}));
  boost::json::array history;
  for (const auto& r : store::revisions(ctx.db, d->id))
    history.push_back({{"number", r.number}, {"created_at", coalitions::json::iso(r.created_at)}});
  out["revisions"] = std::move(history);
  boost::json::array reused_by;
  for (const auto& r : reuse_store::list(ctx.db, {.dataset_id = d->id}))
    reused_by.push_back(
        {{"id", r.id}, {"title", r.title}, {"type", r.kind}, {"url", ctx.base_url + urls::reuse(r.id)}});
  out["reused_by"] = std::move(reused_by);
  return coalitions::json::response(ctx, std::move(out));
}

Response new_form(Context& ctx) { return render_form(ctx, nullptr, {}, {}, 200); }

Response create(Context& ctx) {
  auto in = input_from(ctx);
  if (only_drawing(ctx)) return render_form(ctx, nullptr, in, {}, 200);
  if (auto errors = more_than_one_producer(ctx); !errors.empty()) return render_form(ctx, nullptr, in, errors, 422);
  auto result = create_dataset(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_form(ctx, nullptr, in, result.errors, 422);
  return views::redirect_saved(urls::dataset(result.dataset->slug), views::Saved::dataset);
}

Response edit_form(Context& ctx) {
  auto d = store::by_slug(ctx.db, ctx.param("slug"));
  if (!d) return views::not_found(ctx);
  if (!can_edit(ctx.db, ctx.actor(), *d)) return views::forbidden(ctx, kOnlyEditors);
  std::vector<std::string> keys;
  for (const auto& t : territories::places(ctx.db, territories::subject::dataset, d->id)) keys.push_back(t.key);
  return render_form(ctx, &*d, input_of(*d, keys), {}, 200);
}

Response update(Context& ctx) {
  auto in = input_from(ctx);
  auto d = store::by_slug(ctx.db, ctx.param("slug"));
  if (!d) return views::not_found(ctx);
  if (only_drawing(ctx) || !more_than_one_producer(ctx).empty()) {
    // A picker searched: the form again, nothing saved; or two producers ticked, refused.
    if (!can_edit(ctx.db, ctx.actor(), *d)) return views::forbidden(ctx, kOnlyEditors);
    auto errors = more_than_one_producer(ctx);
    return render_form(ctx, &*d, in, errors, errors.empty() ? 200 : 422);
  }
  auto result = update_dataset(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (result.errors.empty() && !result.conflict) {
    // A save merged with someone else's is told on the entry's page; any other, that it was saved.
    if (result.merged_with)
      return Response::redirect(urls::dataset(d->slug) + "?fusion=" + std::to_string(result.merged_with));
    return views::redirect_saved(urls::dataset(d->slug), views::Saved::dataset);
  }
  const Dataset& now = result.dataset ? *result.dataset : *d;
  if (result.conflict && !result.conflicts.empty())
    return render_form(ctx, &now, *result.merged, result.errors, result.errors.empty() ? 409 : 422, true,
                       conflicts_of(ctx, now, result, in.merge));
  if (result.conflict) {
    // Drawn again from the revision in force, the person's text kept.
    in.base_revision = now.revision;
    return render_form(ctx, &now, in, result.errors, 409, true);
  }
  return render_form(ctx, &now, in, result.errors, 422);
}

Response compare(Context& ctx) {
  auto d = store::by_slug(ctx.db, ctx.param("slug"));
  if (!d) return views::not_found(ctx);
  const auto from = numbers::whole(ctx.query.get("de"), 1, numbers::kMaxId),
             to = numbers::whole(ctx.query.get("a"), 1, numbers::kMaxId);
  auto a = from ? store::revision(ctx.db, d->id, *from) : std::nullopt;
  auto b = to ? store::revision(ctx.db, d->id, *to) : std::nullopt;
  if (!a || !b) return views::no_such_revisions(ctx, urls::dataset(d->slug) + "#historique");
  const auto before = fields_of(a->document), after = fields_of(b->document);
  auto at = [](const text::Fields& f, const char* name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  std::vector<views::FieldChange> fields;
  for (const auto& [name, label] :
       std::initializer_list<std::pair<const char*, const char*>>{{"title", N_("Title")},
                                                                  {"description", N_("Description")},
                                                                  {"producer", N_("Producer")},
                                                                  {"themes", N_("Themes")},
                                                                  {"territoires", N_("Territories")},
                                                                  {"licence", N_("Licence")},
                                                                  {"distributions", N_("How to get the data")},
                                                                  {"frequency", N_("Update frequency")},
                                                                  {"temporal_start", N_("Period covered: from")},
                                                                  {"temporal_end", N_("Period covered: to")},
                                                                  {"issued", N_("First published on")},
                                                                  {"modified", N_("Last changed by its producer on")},
                                                                  {"keywords", N_("Keywords")},
                                                                  {"contact", N_("Contact")},
                                                                  {"conforms_to", N_("Schema it follows")},
                                                                  {"conforms_to_url", N_("Address of the schema")}})
    fields.push_back({ctx.tr(label), at(before, name), at(after, name)});
  return views::compare_revisions(
      ctx,
      html::render(R"(<a href="{}">{}</a> › <a href="{}#historique">{}</a>)", urls::dataset(d->slug), d->title,
                   urls::dataset(d->slug), ctx.tr(N_("History"))),
      *from, *to, fields);
}

}  // namespace fabrique::datasets::pages
