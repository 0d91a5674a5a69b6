// The reuses' pages: a loader per page and its template; forms call one use case, then redirect or
// re-render with errors.
#include "datasets/reuse_pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "datasets/picker.hpp"
#include "datasets/reuse_store.hpp"
#include "datasets/reuse_use_cases.hpp"
#include "datasets/reuse_view_models.hpp"
#include "datasets/store.hpp"
#include "datasets/templates/reuses.hpp"
#include "datasets/urls.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "organisations/urls.hpp"
#include "territories/links.hpp"
#include "territories/urls.hpp"
#include "views/html.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"
#include "views/saved.hpp"

namespace fabrique::datasets::pages {

using i18n::N_;

namespace {

constexpr const char* kOnlyAuthor = N_("Only the person who declared this reuse and the animateurs can edit it.");

// --- The list and its filters

struct AskedReuses {
  reuse_store::Filter filter;
  ReuseListPage page;
};

std::vector<views::Option> options_of(Context& ctx, const std::vector<Code>& codes) {
  std::vector<views::Option> out;
  for (const auto& c : codes) out.push_back({std::string(c.code), ctx.tr(c.label)});
  return out;
}

AskedReuses asked_reuses(Context& ctx) {
  AskedReuses a;
  auto& f = a.filter;
  auto& p = a.page;
  std::string qs;
  auto keep = [&](const char* name, const std::string& value) { html::add_param(qs, name, value); };
  p.kinds = options_of(ctx, kReuseKinds);
  p.audiences = options_of(ctx, kReuseAudiences);
  if (label_of(kReuseKinds, ctx.query.get("type"))) {
    f.kind = p.kind = ctx.query.get("type");
    keep("type", f.kind);
  }
  if (label_of(kReuseAudiences, ctx.query.get("public"))) {
    f.audience = p.audience = ctx.query.get("public");
    keep("public", f.audience);
  }
  // The dataset by its address or words of its title, as the pickers match them: a list of every
  // dataset to choose from would outweigh the page.
  p.dataset_words = text::trim(ctx.query.get("jeu").substr(0, views::kPickerQueryLength));
  if (!p.dataset_words.empty()) {
    auto d = store::by_slug(ctx.db, p.dataset_words);
    if (!d)
      if (auto best = views::matching(*choices(ctx.db), p.dataset_words, 1); !best.empty())
        d = store::by_slug(ctx.db, best.front().key);
    f.dataset_id = d ? d->id : -1;  // words naming no dataset: nothing matches
    if (d) {
      p.dataset = d->slug;
      p.dataset_title = d->title;
      keep("jeu", d->slug);
    } else {
      p.errors.add("jeu", N_("No dataset has this address or these words."));
      keep("jeu", p.dataset_words);
    }
  }
  if (auto t = territories::territory_named(ctx.db, ctx.query.get("territoire"))) {
    f.territory_id = t->id;
    p.territory = territories::TerritoryRef{.key = t->key, .name = t->name, .level = t->level};
    keep("territoire", t->key);
  }
  p.territory_words = ctx.query.get("territoire").substr(0, 100);
  p.query_string = qs;
  return a;
}

// --- JSON

std::string labels_of(Context& ctx, const std::vector<Code>& codes, const std::vector<std::string>& chosen) {
  std::string out;
  for (const auto& c : chosen)
    if (const char* l = label_of(codes, c)) out += (out.empty() ? "" : "; ") + ctx.tr(l);
  return out;
}

boost::json::object reuse_json_of(Context& ctx, const Reuse& r, const std::vector<territories::TerritoryRef>& at) {
  boost::json::array datasets, places, purposes, audiences;
  for (const auto& d : r.datasets)
    datasets.push_back({{"slug", d.slug},
                        {"title", d.title},
                        {"url", ctx.base_url + urls::dataset(d.slug)},
                        {"producer", {{"slug", d.producer_slug}, {"name", d.producer_name}}}});
  for (const auto& t : at)
    places.push_back({{"key", t.key}, {"name", t.name}, {"url", ctx.base_url + territories::urls::territory(t.key)}});
  for (const auto& p : r.purposes) purposes.push_back(boost::json::value(p));
  for (const auto& a : r.audiences) audiences.push_back(boost::json::value(a));
  const char* kind = label_of(kReuseKinds, r.kind);
  return {{"id", r.id},
          {"title", r.title},
          {"url", ctx.base_url + urls::reuse(r.id)},
          {"description", r.description},
          {"type", {{"code", r.kind}, {"label", kind ? ctx.tr(kind) : r.kind}}},
          {"purposes", std::move(purposes)},
          {"purpose_text", r.purpose_text},
          {"audiences", std::move(audiences)},
          {"link", r.url},
          {"author", r.author_name},
          {"datasets", std::move(datasets)},
          {"territories", std::move(places)},
          {"created_at", coalitions::json::iso(r.created_at)},
          {"updated_at", coalitions::json::iso(r.updated_at)}};
}

std::vector<std::int64_t> reuse_ids(const std::vector<Reuse>& all) {
  std::vector<std::int64_t> ids;
  for (const auto& r : all) ids.push_back(r.id);
  return ids;
}

// --- The form

ReuseInput reuse_input_from(const Context& ctx) {
  return {.title = ctx.form.get("title"),
          .description = ctx.form.get("description"),
          .kind = ctx.form.get("kind"),
          .purpose_text = ctx.form.get("purpose_text"),
          .url = ctx.form.get("url"),
          .datasets = ctx.form.all("jeux"),
          .purposes = ctx.form.all("purposes"),
          .audiences = ctx.form.all("audiences"),
          .territories = ctx.form.all("territoires")};
}

ReuseInput reuse_input_of(const Reuse& r, const std::vector<territories::TerritoryRef>& at) {
  ReuseInput in{.title = r.title,
                .description = r.description,
                .kind = r.kind,
                .purpose_text = r.purpose_text,
                .url = r.url,
                .datasets = {},
                .purposes = r.purposes,
                .audiences = r.audiences,
                .territories = {}};
  for (const auto& d : r.datasets) in.datasets.push_back(d.slug);
  for (const auto& t : at) in.territories.push_back(t.key);
  return in;
}

std::vector<CodeChoice> code_choices(Context& ctx, const std::vector<Code>& codes,
                                     const std::vector<std::string>& chosen) {
  std::vector<CodeChoice> out;
  for (const auto& c : codes)
    out.push_back(
        {std::string(c.code), ctx.tr(c.label), std::find(chosen.begin(), chosen.end(), c.code) != chosen.end()});
  return out;
}

Response render_reuse_form(Context& ctx, std::int64_t id, const ReuseInput& in, const FieldErrors& errors, int status) {
  ReuseFormPage page{.id = id,
                     .input = in,
                     .errors = errors,
                     .kinds = options_of(ctx, kReuseKinds),
                     .purposes = code_choices(ctx, kReusePurposes, in.purposes),
                     .audiences = code_choices(ctx, kReuseAudiences, in.audiences),
                     .datasets = picker_of(ctx.db, "jeux", N_("Datasets reused"), in.datasets, ctx.form.get("jeux_q")),
                     .places = territories::picker_of(ctx.db, in.territories, ctx.form.get("territoire_q")),
                     .csrf = ctx.csrf_token()};
  const std::string title = id ? ctx.tr(N_("Edit the reuse")) : ctx.tr(N_("Declare a reuse"));
  return views::page(ctx, status, title, html::render(*ctx.t, templates::ReuseForm{.page = page, .title = title}));
}

// The form drawn again without saving: one of its pickers searched.
bool only_drawing_reuse(const Context& ctx) {
  return !ctx.form.get("jeux_q").empty() || !ctx.form.get("territoire_q").empty();
}

std::optional<Reuse> reuse_asked(Context& ctx) {
  auto id = numbers::whole(ctx.param("id"), 1, numbers::kMaxId);
  return id ? reuse_store::by_id(ctx.db, *id) : std::nullopt;
}

Response render_reuse(Context& ctx, Reuse r, const FieldErrors& errors, const std::string& organisation,
                      const std::string& body, int status) {
  ReuseShowPage page;
  page.territories = territories::places(ctx.db, territories::subject::reuse, r.id);
  page.answers = reuse_store::answers(ctx.db, r.id);
  page.editor = can_edit_reuse(ctx.actor(), r);
  // A select, not a picker: only the producers of the datasets reused that the person belongs to
  // (an animateur: those producers), never every organisation.
  for (const auto& o : answering_for(ctx.db, ctx.actor(), r)) {
    page.answering_for.push_back({o.slug, o.name});
    // The form starts from the organisation's answer, when there is one.
    if (page.answering_for.size() == 1 && body.empty()) {
      page.answer_organisation = o.slug;
      for (const auto& a : page.answers)
        if (a.organisation_id == o.id) page.answer_body = a.body;
    }
  }
  if (!errors.empty()) {
    page.answer_organisation = organisation;
    page.answer_body = body;
  }
  page.errors = errors;
  if (!page.answering_for.empty()) page.csrf = ctx.csrf_token();
  page.reuse = std::move(r);
  return views::page(ctx, status, page.reuse.title, html::render(*ctx.t, templates::ReuseShow{.page = page}));
}

}  // namespace

Response reuses(Context& ctx) {
  AskedReuses a = asked_reuses(ctx);
  views::narrow_to_page(ctx, reuse_store::count(ctx.db, a.filter), kListPageSize, urls::reuses(), a.page, a.filter);
  a.page.reuses = reuse_store::list(ctx.db, a.filter);
  a.page.signed_in = ctx.user.has_value();
  return views::page(ctx, ctx.tr(N_("Reuses of the data")), html::render(*ctx.t, templates::ReuseList{.page = a.page}));
}

Response reuses_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  AskedReuses a = asked_reuses(ctx);
  const std::int64_t total = reuse_store::count(ctx.db, a.filter);
  a.filter.limit = paging->per_page;
  a.filter.offset = paging->offset();
  auto all = reuse_store::list(ctx.db, a.filter);
  auto places = territories::places_of(ctx.db, territories::subject::reuse, reuse_ids(all));
  boost::json::array items;
  for (const auto& r : all) items.push_back(reuse_json_of(ctx, r, places[r.id]));
  return coalitions::json::page(ctx, "reuses", std::move(items), total, *paging);
}

Response reuses_csv(Context& ctx) {
  AskedReuses a = asked_reuses(ctx);
  auto all = reuse_store::list(ctx.db, a.filter);
  auto places = territories::places_of(ctx.db, territories::subject::reuse, reuse_ids(all));
  csv::Writer w;
  w.row({"id", "title", "url", "description", "type", "purposes", "purpose_text", "audiences", "link", "datasets",
         "producers", "territories", "created_at"});
  for (const auto& r : all) {
    std::string datasets, producers, territories;
    auto add = [](std::string& to, const std::string& s) { to += (to.empty() ? "" : "; ") + s; };
    for (const auto& d : r.datasets) {
      add(datasets, d.slug);
      if (producers.find(d.producer_name) == std::string::npos) add(producers, d.producer_name);
    }
    for (const auto& t : places[r.id]) add(territories, t.key);
    w.row(std::vector<std::string>{std::to_string(r.id), r.title, ctx.base_url + urls::reuse(r.id), r.description,
                                   r.kind, labels_of(ctx, kReusePurposes, r.purposes), r.purpose_text,
                                   labels_of(ctx, kReuseAudiences, r.audiences), r.url, datasets, producers,
                                   territories, coalitions::json::iso(r.created_at)});
  }
  return csv::response(w, "reutilisations.csv");
}

Response reuse(Context& ctx) {
  auto r = reuse_asked(ctx);
  if (!r) return views::not_found(ctx);
  return render_reuse(ctx, std::move(*r), {}, {}, {}, 200);
}

Response reuse_json(Context& ctx) {
  auto r = reuse_asked(ctx);
  if (!r) return coalitions::json::not_found(ctx);
  auto out = reuse_json_of(ctx, *r, territories::places(ctx.db, territories::subject::reuse, r->id));
  boost::json::array answers;
  for (const auto& a : reuse_store::answers(ctx.db, r->id))
    answers.push_back({{"organisation", {{"slug", a.organisation_slug}, {"name", a.organisation_name}}},
                       {"body", a.body},
                       {"updated_at", coalitions::json::iso(a.updated_at)}});
  out["answers"] = std::move(answers);
  return coalitions::json::response(ctx, std::move(out));
}

Response new_reuse(Context& ctx) {
  ReuseInput in;
  // From a dataset's page: that dataset already chosen.
  if (auto d = store::by_slug(ctx.db, ctx.query.get("jeu"))) in.datasets.push_back(d->slug);
  return render_reuse_form(ctx, 0, in, {}, 200);
}

Response declare(Context& ctx) {
  auto in = reuse_input_from(ctx);
  if (only_drawing_reuse(ctx)) return render_reuse_form(ctx, 0, in, {}, 200);
  auto result = declare_reuse(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_reuse_form(ctx, 0, in, result.errors, 422);
  return views::redirect_saved(urls::reuse(result.reuse->id), views::Saved::reuse);
}

Response edit_reuse(Context& ctx) {
  auto r = reuse_asked(ctx);
  if (!r) return views::not_found(ctx);
  if (!can_edit_reuse(ctx.actor(), *r)) return views::forbidden(ctx, kOnlyAuthor);
  return render_reuse_form(
      ctx, r->id, reuse_input_of(*r, territories::places(ctx.db, territories::subject::reuse, r->id)), {}, 200);
}

Response update_reuse(Context& ctx) {
  auto r = reuse_asked(ctx);
  if (!r) return views::not_found(ctx);
  auto in = reuse_input_from(ctx);
  if (only_drawing_reuse(ctx)) {
    if (!can_edit_reuse(ctx.actor(), *r)) return views::forbidden(ctx, kOnlyAuthor);
    return render_reuse_form(ctx, r->id, in, {}, 200);
  }
  auto result = datasets::update_reuse(ctx.db, *ctx.user, r->id, in, ctx.now);
  if (!result.errors.empty()) return render_reuse_form(ctx, r->id, in, result.errors, 422);
  return views::redirect_saved(urls::reuse(r->id), views::Saved::reuse);
}

Response answer(Context& ctx) {
  auto r = reuse_asked(ctx);
  if (!r) return views::not_found(ctx);
  const std::string organisation = ctx.form.get("organisation"), body = ctx.form.get("body");
  auto errors = answer_reuse(ctx.db, *ctx.user, r->id, organisation, body, ctx.now);
  if (!errors.empty()) return render_reuse(ctx, std::move(*r), errors, organisation, body, 422);
  return views::redirect_saved(urls::reuse(r->id) + "#reponses", views::Saved::reuse_answer);
}

Response producer(Context& ctx) {
  auto o = organisations::store::by_slug(ctx.db, ctx.param("slug"));
  if (!o) return views::not_found(ctx);
  ProducerPage page{.slug = o->slug, .name = o->name};
  store::Filter f;
  f.producer_id = o->id;
  page.datasets = store::list(ctx.db, f);
  std::vector<std::int64_t> ids;
  for (const auto& d : page.datasets) ids.push_back(d.id);
  page.reuse_counts = reuse_store::counts_of(ctx.db, ids);
  reuse_store::Filter rf;
  rf.producer_id = o->id;
  const auto all = reuse_store::list(ctx.db, rf);
  page.reuses = static_cast<std::int64_t>(all.size());

  std::map<std::string, std::int64_t> kinds, audiences;
  for (const auto& r : all) {
    ++kinds[r.kind];
    for (const auto& a : r.audiences) ++audiences[a];
  }
  for (const auto& c : kReuseKinds)
    if (kinds.count(std::string(c.code))) page.by_kind.push_back({ctx.tr(c.label), kinds[std::string(c.code)]});
  for (const auto& c : kReuseAudiences)
    if (audiences.count(std::string(c.code)))
      page.by_audience.push_back({ctx.tr(c.label), audiences[std::string(c.code)]});
  // Every quarter from the first reuse to the latest, those without any counted as none.
  if (!all.empty()) {
    std::map<std::pair<int, unsigned>, std::int64_t> per;
    std::pair<int, unsigned> first{9999, 4}, last{0, 1};
    for (const auto& r : all) {
      const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(r.created_at)};
      const std::pair<int, unsigned> q{static_cast<int>(ymd.year()), (static_cast<unsigned>(ymd.month()) - 1) / 3 + 1};
      ++per[q];
      first = std::min(first, q);
      last = std::max(last, q);
    }
    for (auto q = first; q <= last;
         q = q.second == 4 ? std::pair<int, unsigned>{q.first + 1, 1} : std::pair<int, unsigned>{q.first, q.second + 1})
      page.by_quarter.push_back(
          {fmt::format(fmt::runtime(ctx.tr(N_("{} Q{}"))), q.first, q.second), per.count(q) ? per[q] : 0});
  }
  const char decimal = ctx.lang() == i18n::Lang::fr ? ',' : '.';
  auto chart = [&](const char* id, const char* title, const char* description, const std::vector<CountRow>& rows) {
    std::vector<charts::Bar> bars;
    for (const auto& row : rows) bars.push_back({row.label, static_cast<double>(row.count)});
    return charts::bar_chart(
        {id, ctx.tr(title), ctx.tr(description), ctx.tr(N_("No reuse declared yet.")), "", decimal}, bars);
  };
  page.kind_chart =
      chart("graphique-type", N_("Reuses by kind"), N_("How many reuses of its data are of each kind."), page.by_kind);
  page.audience_chart = chart("graphique-public", N_("Reuses by audience"),
                              N_("How many reuses of its data are meant for each audience."), page.by_audience);
  page.quarter_chart = chart("graphique-trimestre", N_("Reuses per quarter"),
                             N_("How many reuses of its data were declared each quarter."), page.by_quarter);
  return views::page(ctx, fmt::format(fmt::runtime(ctx.tr(N_("The data of {}"))), o->name),
                     html::render(*ctx.t, templates::ProducerData{.page = page}));
}

}  // namespace fabrique::datasets::pages
