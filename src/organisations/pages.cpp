// Organisation pages: a loader per page and its template; forms call one use case, then redirect or
// re-render with errors.
#include "organisations/pages.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "coalitions/urls.hpp"
#include "common/csv.hpp"
#include "follows/pages.hpp"
#include "i18n/i18n.hpp"
#include "opendata/pages.hpp"
#include "organisations/store.hpp"
#include "organisations/templates/form.hpp"
#include "organisations/templates/list.hpp"
#include "organisations/templates/show.hpp"
#include "organisations/urls.hpp"
#include "organisations/use_cases.hpp"
#include "organisations/view_models.hpp"
#include "storage/settings.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/placing.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"
#include "views/saved.hpp"

namespace fabrique::organisations::pages {

using i18n::N_;

namespace {

constexpr std::int64_t kCoalitionsPerPage = 50;
constexpr std::int64_t kOrganisationsPerPage = 50;
// The page names the latest members to join (who show their name), the JSON document every one.
constexpr std::int64_t kMembersNamed = 50;

std::vector<views::Option> kind_options(const std::vector<taxonomies::Term>& kinds) {
  std::vector<views::Option> out;
  for (const auto& k : kinds) out.push_back({k.slug, k.label});
  return out;
}

OrganisationInput input_from(const Context& ctx) {
  return {ctx.form.get("name"), ctx.form.get("kind"), ctx.form.get("website"), ctx.form.get("description"),
          territories::picked_keys(ctx)};
}

bool can_edit(Context& ctx, const Organisation& o) {
  return ctx.user && (ctx.user->is_animateur() || store::is_member(ctx.db, ctx.user->id, o.id));
}

// The add or edit form: the kinds to choose from, what was typed, and the errors.
Response render_form(Context& ctx, const Organisation* o, const OrganisationInput& in, const FieldErrors& errors,
                     int status) {
  FormPage page{.organisation = o,
                .input = in,
                .errors = errors,
                .kinds = kind_options(taxonomies::terms(ctx.db, taxonomies::kOrganisationKinds)),
                .places = territories::form_picker(ctx, in.territories),
                .csrf = ctx.csrf_token()};
  std::string title = o ? ctx.tr(N_("Edit")) + " " + o->name : ctx.tr(N_("Add an organisation"));
  return views::page(ctx, status, title, html::render(*ctx.t, templates::Form{.page = page, .title = title}));
}

Response render_new(Context& ctx, const OrganisationInput& in, const FieldErrors& errors, int status) {
  return render_form(ctx, nullptr, in, errors, status);
}

Response render_edit(Context& ctx, const Organisation& o, const OrganisationInput& in, const FieldErrors& errors,
                     int status) {
  return render_form(ctx, &o, in, errors, status);
}

// The organisations of one kind (all when `type` names none), with the kinds to filter by.
ListPage load_list(Context& ctx) {
  ListPage page;
  auto kinds = taxonomies::terms(ctx.db, taxonomies::kOrganisationKinds);
  std::optional<std::int64_t> kind_id;
  for (const auto& k : kinds)
    if (k.slug == ctx.query.get("type")) {
      kind_id = k.id;
      page.kind = k.slug;
    }
  page.kinds = kind_options(kinds);
  page.territory = territories::list_filter(ctx);
  store::Filter f{.kind_id = kind_id, .territory_id = page.territory.territory_id};
  html::add_param(page.query_string, "type", page.kind);
  html::add_param(page.query_string, "territoire", page.territory.words);
  views::narrow_to_page(ctx, store::count(ctx.db, f), kOrganisationsPerPage, urls::list(), page, f);
  page.organisations = store::list(ctx.db, f);
  page.signed_in = ctx.user.has_value();
  page.animateur = ctx.user && ctx.user->is_animateur();
  return page;
}

// What an organisation is read for: its page, or its JSON document.
enum class For { page, json };

// Every coalition of an organisation, in order. Those of many members (kSharedFrom and more) reach
// theirs through tens of thousands of memberships (the 6,257 members of the large programme's largest:
// 11 ms a view, counted then listed), so their list is shared until a membership, a declaration or a
// coalition changes, with the other values of one thing among many (storage::settings::fragment); the
// smaller ones read theirs each time, so that thousands of organisations do not push out those values.
constexpr std::int64_t kSharedFrom = 100;
using SharedCoalitions = std::shared_ptr<const std::vector<coalitions::Named>>;

SharedCoalitions coalitions_of(Context& ctx, const Organisation& o) {
  auto read = [&] {
    return std::make_shared<const std::vector<coalitions::Named>>(
        coalitions::store::coalitions_of_organisation(ctx.db, o.id));
  };
  if (o.member_count < kSharedFrom) return read();
  return storage::settings::fragment<SharedCoalitions>(ctx.db, "organisations.coalitions." + std::to_string(o.id),
                                                       read);
}

// An organisation with its coalitions and its members as the public may see them. Its page shows a
// page of its coalitions (kCoalitionsPerPage), the latest members to join who show their name, and what
// the visitor may do; its JSON document every coalition, and nothing it does not show (it names the
// members itself).
ShowPage load_show(Context& ctx, Organisation o, For what = For::page) {
  ShowPage page;
  page.members = o.member_count;
  page.territories = territories::places(ctx.db, territories::subject::organisation, o.id);
  const SharedCoalitions all = coalitions_of(ctx, o);
  page.coalition_count = static_cast<std::int64_t>(all->size());
  if (what == For::json) {
    page.coalitions = *all;
    page.organisation = std::move(o);
    return page;
  }
  page.named_members = store::latest_named_members(ctx.db, o.id, kMembersNamed);
  // A large organisation takes part in hundreds of coalitions: a page of them at a time.
  const views::PageOf shown = views::page_of(ctx, page.coalition_count, kCoalitionsPerPage);
  page.page = shown.page;
  page.pages = shown.pages;
  page.pager_base = views::pager_base(urls::organisation(o.slug), "");
  const auto from = all->begin() + std::min<std::ptrdiff_t>(shown.offset, std::ssize(*all));
  page.coalitions.assign(from, from + std::min<std::ptrdiff_t>(shown.limit, all->end() - from));
  page.editor = can_edit(ctx, o);
  page.follow = follows::pages::button(ctx, follows::Subject::organisation, o.id, urls::follow(o.slug), o.name);
  page.organisation = std::move(o);
  return page;
}

// The fields of an organisation in lists and on its own.
boost::json::object organisation_json(const Context& ctx, const Organisation& o) {
  return {{"slug", o.slug},
          {"name", o.name},
          {"url", ctx.base_url + urls::organisation(o.slug)},
          {"kind", {{"slug", o.kind_slug}, {"label", o.kind_label}}},
          {"website", o.website},
          {"description", o.description},
          {"members", o.member_count},
          {"updated_at", coalitions::json::iso(o.updated_at)}};
}

// The kind asked for by ?type= (none when absent or unknown: every organisation).
std::optional<std::int64_t> kind_filter(Context& ctx) {
  for (const auto& k : taxonomies::terms(ctx.db, taxonomies::kOrganisationKinds))
    if (k.slug == ctx.query.get("type")) return k.id;
  return std::nullopt;
}

}  // namespace

Response list_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  store::Filter f{.kind_id = kind_filter(ctx), .updated_since = paging->updated_since};
  f.territory_id = territories::list_filter(ctx).territory_id;
  const std::int64_t total = store::count(ctx.db, f);
  f.limit = paging->per_page;
  f.offset = paging->offset();
  boost::json::array items;
  for (const auto& o : store::list(ctx.db, f)) items.push_back(organisation_json(ctx, o));
  return coalitions::json::page(ctx, "organisations", std::move(items), total, *paging);
}

Response list_csv(Context& ctx) {
  csv::Writer w;
  w.row({"slug", "name", "url", "kind", "website", "description", "members", "updated_at"});
  for (const auto& o : store::list(ctx.db, store::Filter{.kind_id = kind_filter(ctx)}))
    w.row(std::vector<std::string>{o.slug, o.name, ctx.base_url + urls::organisation(o.slug), o.kind_label, o.website,
                                   o.description, std::to_string(o.member_count), coalitions::json::iso(o.updated_at)});
  return csv::response(w, "organisations.csv");
}

Response show_json(Context& ctx) {
  auto o = store::by_slug(ctx.db, ctx.param("slug"));
  if (!o) return coalitions::json::not_found(ctx);
  ShowPage page = load_show(ctx, std::move(*o), For::json);
  boost::json::object out = organisation_json(ctx, page.organisation);
  boost::json::array linked, named;
  for (const auto& k : page.coalitions)
    linked.push_back({{"slug", k.slug},
                      {"number", k.number},
                      {"title", k.title},
                      {"url", ctx.base_url + coalitions::urls::coalition(k.slug)}});
  for (const auto& m : store::members(ctx.db, page.organisation.id))
    if (!m.name.empty()) named.push_back(boost::json::value(m.name));
  out["coalitions"] = std::move(linked);
  out["named_members"] = std::move(named);
  out["feed"] = ctx.base_url + urls::feed(page.organisation.slug);
  out["territories"] = territories::places_json(ctx, page.territories);
  return coalitions::json::response(ctx, std::move(out));
}

Response list(Context& ctx) {
  ListPage page = load_list(ctx);
  return views::page(ctx, ctx.tr(N_("Organisations")), html::render(*ctx.t, templates::List{.page = page}));
}

Response show(Context& ctx) {
  auto o = store::by_slug(ctx.db, ctx.param("slug"));
  if (!o) return views::not_found(ctx);
  ShowPage page = load_show(ctx, std::move(*o));
  ctx.feeds.push_back({ctx.tr(N_("News (Atom feed)")), opendata::pages::organisation_feed(page.organisation.slug)});
  return views::page(ctx, page.organisation.name, html::render(*ctx.t, templates::Show{.page = page}));
}

Response new_form(Context& ctx) { return render_new(ctx, {}, {}, 200); }

Response create(Context& ctx) {
  auto in = input_from(ctx);
  // The picker searched: the form comes back with the territories to tick, nothing saved.
  if (territories::picker_searched(ctx)) return render_new(ctx, in, {}, 200);
  auto result = create_organisation(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_new(ctx, in, result.errors, 422);
  return views::redirect_saved(urls::organisation(result.organisation->slug), views::Saved::organisation);
}

Response edit_form(Context& ctx) {
  auto o = store::by_slug(ctx.db, ctx.param("slug"));
  if (!o) return views::not_found(ctx);
  if (!can_edit(ctx, *o))
    return views::forbidden(ctx, N_("Only its members and the animateurs can edit this organisation."));
  const auto keys = territories::keys_of(territories::places(ctx.db, territories::subject::organisation, o->id));
  return render_edit(ctx, *o, {o->name, o->kind_slug, o->website, o->description, keys}, {}, 200);
}

Response update(Context& ctx) {
  auto in = input_from(ctx);
  if (territories::picker_searched(ctx)) {  // the picker searched: the form again, nothing saved
    auto o = store::by_slug(ctx.db, ctx.param("slug"));
    if (!o) return views::not_found(ctx);
    if (!can_edit(ctx, *o))
      return views::forbidden(ctx, N_("Only its members and the animateurs can edit this organisation."));
    return render_edit(ctx, *o, in, {}, 200);
  }
  auto result = update_organisation(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (!result.errors.empty()) {
    auto o = store::by_slug(ctx.db, ctx.param("slug"));
    return render_edit(ctx, *o, in, result.errors, 422);
  }
  return views::redirect_saved(urls::organisation(result.organisation->slug), views::Saved::organisation);
}

}  // namespace fabrique::organisations::pages
