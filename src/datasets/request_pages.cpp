// The data requests' pages: a loader per page and its template; forms call one use case, then
// redirect or draw the page again with the errors next to their fields.
#include "datasets/request_pages.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "datasets/request_model.hpp"
#include "datasets/request_store.hpp"
#include "datasets/request_view_models.hpp"
#include "datasets/store.hpp"
#include "datasets/templates/ask.hpp"
#include "datasets/templates/request.hpp"
#include "datasets/templates/requests.hpp"
#include "datasets/urls.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "organisations/urls.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/links.hpp"
#include "territories/placing.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"
#include "views/saved.hpp"

namespace fabrique::datasets::request_pages {

using i18n::N_;

namespace {

constexpr std::string_view kMine = "mon-organisation";

// The filters a list request asks for, read once for the page, its JSON and its CSV.
struct Asked {
  request_store::Filter filter;
  RequestListPage page;
};

Asked asked(Context& ctx) {
  Asked a;
  auto& f = a.filter;
  auto& p = a.page;
  std::string qs;
  auto keep = [&](const char* name, const std::string& value) { html::add_param(qs, name, value); };
  p.q = ctx.query.get("q").substr(0, 200);
  if (!text::trim(p.q).empty()) {
    f.words = p.q;
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
  for (const auto& s : kRequestStatuses) {
    p.statuses.push_back({std::string(s.code), ctx.tr(s.label)});
    if (s.code == ctx.query.get("statut")) {
      f.status = p.status = std::string(s.code);
      keep("statut", p.status);
    }
  }
  p.territory = territories::list_filter(ctx);
  f.territory_id = p.territory.territory_id;
  if (p.territory.territory) keep("territoire", p.territory.territory->key);
  if (ctx.user && ctx.query.get("pour") == kMine) {
    f.for_user = ctx.user->id;
    p.mine = true;
    keep("pour", std::string(kMine));
  }
  p.signed_in = ctx.user.has_value();
  p.query_string = qs;
  return a;
}

boost::json::object request_json(const Context& ctx, const DataRequest& r) {
  boost::json::array themes;
  for (const auto& t : r.themes) themes.push_back({{"slug", t.slug}, {"label", t.label}});
  boost::json::object o{{"id", r.id},
                        {"title", r.title},
                        {"url", ctx.base_url + urls::request(r.id)},
                        {"description", r.description},
                        {"purpose", r.purpose},
                        {"audience", r.audience},
                        {"link", r.link},
                        {"requester", r.requester_name},
                        {"themes", std::move(themes)},
                        {"status", r.status},
                        {"supports", r.supports},
                        {"answer", r.answer},
                        {"created_at", coalitions::json::iso(r.created_at)},
                        {"updated_at", coalitions::json::iso(r.updated_at)}};
  o["dataset"] = r.dataset_slug.empty() ? boost::json::value(nullptr)
                                        : boost::json::value{{"slug", r.dataset_slug},
                                                             {"title", r.dataset_title},
                                                             {"url", ctx.base_url + urls::dataset(r.dataset_slug)}};
  o["answered_by"] =
      r.answered_for_slug.empty()
          ? boost::json::value(nullptr)
          : boost::json::value{{"slug", r.answered_for_slug},
                               {"name", r.answered_for_name},
                               {"url", ctx.base_url + organisations::urls::organisation(r.answered_for_slug)}};
  o["answered_at"] =
      r.answered_at ? boost::json::value(coalitions::json::iso(*r.answered_at)) : boost::json::value(nullptr);
  return o;
}

std::optional<std::int64_t> id_param(const Context& ctx) { return numbers::whole(ctx.param("id"), 1, numbers::kMaxId); }

RequestInput input_from(const Context& ctx) {
  return {.title = ctx.form.get("title"),
          .description = ctx.form.get("description"),
          .purpose = ctx.form.get("purpose"),
          .audience = ctx.form.get("audience"),
          .link = ctx.form.get("link"),
          .themes = ctx.form.all("themes"),
          .territories = territories::picked_keys(ctx)};
}

Response render_ask(Context& ctx, const RequestInput& in, const FieldErrors& errors, int status) {
  AskPage page{.input = in,
               .errors = errors,
               .themes = {},
               .places = territories::form_picker(ctx, in.territories),
               .csrf = ctx.csrf_token()};
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kDatasetThemes))
    page.themes.push_back({t.slug, t.label, std::find(in.themes.begin(), in.themes.end(), t.slug) != in.themes.end()});
  return views::page(ctx, status, ctx.tr(N_("Ask for data")), html::render(*ctx.t, templates::Ask{.page = page}));
}

// The request's page; `errors` and the forms' values when one of its forms was refused.
Response render_show(Context& ctx, DataRequest r, int status, const FieldErrors& errors = {},
                     const std::optional<std::string>& support_typed = std::nullopt,
                     const std::optional<AnswerInput>& answer_typed = std::nullopt) {
  RequestPage page;
  page.territories = territories::places(ctx.db, territories::subject::data_request, r.id);
  page.supports = request_store::supports(ctx.db, r.id);
  page.signed_in = ctx.user.has_value();
  page.own = ctx.user && r.requester_id == ctx.user->id;
  for (const auto& s : page.supports)
    if (ctx.user && s.user_id == ctx.user->id) {
      page.supported = true;
      page.support_purpose = s.purpose;
    }
  if (support_typed) page.support_purpose = *support_typed;
  page.can_answer = can_answer(ctx.db, ctx.actor(), r.id);
  if (page.can_answer) {
    page.answer = answer_typed.value_or(AnswerInput{.status = r.status, .answer = r.answer, .dataset = r.dataset_slug});
    for (const auto& s : kRequestStatuses) page.statuses.push_back({std::string(s.code), ctx.tr(s.label)});
    // The datasets to link: the register's, for an animateur; else those of the person's producers.
    store::Filter f;
    if (ctx.user->is_animateur()) {
      for (const auto& d : store::list(ctx.db, f)) page.datasets.push_back({d.slug, d.title});
    } else {
      for (auto producer : request_store::producers_concerned(ctx.db, r.id, ctx.user->id)) {
        f.producer_id = producer;
        for (const auto& d : store::list(ctx.db, f))
          page.datasets.push_back({d.slug, d.title + " (" + d.producer_name + ")"});
      }
    }
    if (!r.dataset_slug.empty() && std::none_of(page.datasets.begin(), page.datasets.end(),
                                                [&](const auto& o) { return o.value == r.dataset_slug; }))
      page.datasets.insert(page.datasets.begin(), {r.dataset_slug, r.dataset_title});
  }
  page.errors = errors;
  page.csrf = ctx.csrf_token();
  page.request = std::move(r);
  return views::page(ctx, status, page.request.title, html::render(*ctx.t, templates::Request{.page = page}));
}

}  // namespace

Response list(Context& ctx) {
  Asked a = asked(ctx);
  auto& p = a.page;
  views::narrow_to_page(ctx, request_store::count(ctx.db, a.filter), kListPageSize, urls::requests(), p, a.filter);
  p.requests = request_store::list(ctx.db, a.filter);
  p.places = territories::places_of(ctx.db, territories::subject::data_request, p.requests);
  p.producer = ctx.user && !organisations::store::of_user(ctx.db, ctx.user->id).empty();
  return views::page(ctx,
                     ctx.tr(p.mine ? N_("Data requests about what your organisations produce") : N_("Data requests")),
                     html::render(*ctx.t, templates::Requests{.page = p}));
}

Response list_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  Asked a = asked(ctx);
  const std::int64_t total = request_store::count(ctx.db, a.filter);
  a.filter.limit = paging->per_page;
  a.filter.offset = paging->offset();
  auto all = request_store::list(ctx.db, a.filter);
  auto items = territories::with_places(ctx, territories::subject::data_request, all,
                                        [&](const DataRequest& r) { return request_json(ctx, r); });
  return coalitions::json::page(ctx, "requests", std::move(items), total, *paging);
}

Response list_csv(Context& ctx) {
  Asked a = asked(ctx);
  auto all = request_store::list(ctx.db, a.filter);
  auto places = territories::places_of(ctx.db, territories::subject::data_request, all);
  csv::Writer w;
  w.row({"id", "title", "url", "description", "themes", "territoires", "purpose", "audience", "link", "status",
         "supports", "answer", "dataset", "created_at"});
  for (const auto& r : all) {
    std::string themes;
    for (const auto& t : r.themes) themes += (themes.empty() ? "" : "; ") + t.label;
    w.row(std::vector<std::string>{std::to_string(r.id), r.title, ctx.base_url + urls::request(r.id), r.description,
                                   themes, territories::places_csv(places[r.id]), r.purpose, r.audience, r.link,
                                   r.status, std::to_string(r.supports), r.answer,
                                   r.dataset_slug.empty() ? "" : ctx.base_url + urls::dataset(r.dataset_slug),
                                   coalitions::json::iso(r.created_at)});
  }
  return csv::response(w, "demandes.csv");
}

Response show(Context& ctx) {
  auto id = id_param(ctx);
  auto r = id ? request_store::by_id(ctx.db, *id) : std::nullopt;
  if (!r) return views::not_found(ctx);
  return render_show(ctx, std::move(*r), 200);
}

Response show_json(Context& ctx) {
  auto id = id_param(ctx);
  auto r = id ? request_store::by_id(ctx.db, *id) : std::nullopt;
  if (!r) return coalitions::json::not_found(ctx);
  auto out = request_json(ctx, *r);
  out["territories"] =
      territories::places_json(ctx, territories::places(ctx.db, territories::subject::data_request, r->id));
  boost::json::array supports;
  for (const auto& s : request_store::supports(ctx.db, r->id))
    supports.push_back({{"purpose", s.purpose}, {"name", s.name}, {"created_at", coalitions::json::iso(s.created_at)}});
  out["me_too"] = std::move(supports);
  return coalitions::json::response(ctx, std::move(out));
}

Response ask_form(Context& ctx) { return render_ask(ctx, {}, {}, 200); }

Response ask(Context& ctx) {
  auto in = input_from(ctx);
  if (territories::picker_searched(ctx)) return render_ask(ctx, in, {}, 200);
  auto result = ask_for_data(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_ask(ctx, in, result.errors, 422);
  return views::redirect_saved(urls::request(result.id), views::Saved::data_request);
}

Response support(Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return views::not_found(ctx);
  const std::string purpose = ctx.form.get("support_purpose");
  auto errors = support_request(ctx.db, *ctx.user, *id, purpose, ctx.now);
  if (errors.empty())
    return views::redirect_saved(urls::request(*id) + "#moi-aussi", views::Saved::data_request_support);
  return render_show(ctx, *request_store::by_id(ctx.db, *id), 422, errors, purpose);
}

Response withdraw(Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return views::not_found(ctx);
  withdraw_support(ctx.db, *ctx.user, *id, ctx.now);
  return Response::redirect(urls::request(*id) + "#moi-aussi");
}

Response answer(Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return views::not_found(ctx);
  AnswerInput in{
      .status = ctx.form.get("status"), .answer = ctx.form.get("answer"), .dataset = ctx.form.get("dataset")};
  auto errors = answer_request(ctx.db, *ctx.user, *id, in, ctx.now);
  if (errors.empty()) return views::redirect_saved(urls::request(*id) + "#reponse", views::Saved::data_request_answer);
  return render_show(ctx, *request_store::by_id(ctx.db, *id), 422, errors, std::nullopt, in);
}

}  // namespace fabrique::datasets::request_pages
