// The boussole: experience cards filtered by outcome and coalition, a card's page, and the forms to
// propose, edit and publish cards.
#include <boost/json.hpp>

#include "coalitions/filter.hpp"
#include "coalitions/json.hpp"
#include "coalitions/picker.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "commons/pages.hpp"
#include "commons/store.hpp"
#include "commons/templates/boussole.hpp"
#include "commons/urls.hpp"
#include "commons/use_cases.hpp"
#include "commons/view_models.hpp"
#include "commons/views.hpp"
#include "i18n/i18n.hpp"
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

// Cards a page of the boussole lists: its weight stays the same however many are shared.
constexpr std::int64_t kCardsPerPage = 50;

struct CardFilters {
  std::string outcome;
  coalitions::ListFilter coalition;
  territories::ListFilter territory;
  store::CardFilter filter;
};

// The filters of the query string; unknown values are dropped, words naming no coalition match nothing.
CardFilters card_filters(Context& ctx) {
  CardFilters f;
  f.outcome = ctx.query.get("issue");
  if (outcome(f.outcome))
    f.filter.outcome = f.outcome;
  else
    f.outcome.clear();
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

struct TextField {
  const char* name;
  const char* label;
  const char* hint;
};
constexpr TextField kCardTexts[] = {
    {"context", N_("Context"), N_("Where and when, with whom, to answer which need.")},
    {"tried", N_("What was tried"), N_("What was done, concretely.")},
    {"learned", N_("What was learned"), N_("What others should know before trying.")},
    {"tensions", N_("Tensions"), N_("The ambivalences to take seriously: “if we do this, then…”.")},
    {"sources", N_("Sources"), N_("Links, reports, people to ask.")},
};

const std::string& text_of(const CardInput& in, std::string_view name) {
  if (name == "context") return in.context;
  if (name == "tried") return in.tried;
  if (name == "learned") return in.learned;
  if (name == "tensions") return in.tensions;
  return in.sources;
}

CardInput card_input_from(const Context& ctx) {
  CardInput in{ctx.form.get("title"),
               ctx.form.get("context"),
               ctx.form.get("tried"),
               ctx.form.get("outcome"),
               ctx.form.get("learned"),
               ctx.form.get("tensions"),
               ctx.form.get("sources"),
               ctx.form.get("coalition"),
               views::integer_field(ctx.form.get("base_revision"), -1)};  // absent on proposals; a mismatch on edits
  in.territories = territories::picked_keys(ctx);
  return in;
}

CardInput card_input_of(const Card& k) {
  return {k.title,   k.context,  k.tried,   k.outcome,
          k.learned, k.tensions, k.sources, k.coalition ? k.coalition->slug : "",
          k.revision};
}

// A picker of the card form searched: the form comes back with what matches, nothing saved.
bool card_picker_searched(const Context& ctx) {
  return !ctx.form.get("coalition_q").empty() || territories::picker_searched(ctx);
}

// The error of a card form choosing more than one coalition in its picker, or none.
FieldErrors more_than_one_coalition(const Context& ctx) {
  FieldErrors errors;
  fv::one_at_most(errors, "coalition", ctx.form.all("coalition"), N_("Choose one coalition at most."));
  return errors;
}

// The card form's fields, as `in` holds them, with the lists to choose from; those in `conflicts`
// drawn to settle instead.
Html card_fields(Context& ctx, const CardInput& in, const FieldErrors& errors, const fv::Conflicts& conflicts = {}) {
  CardForm form{.title = in.title,
                .outcome = in.outcome,
                .outcomes = views::outcome_options(ctx),
                .coalition = fabrique::coalitions::picker_of(
                    *fabrique::coalitions::choices(ctx.db), "coalition", N_("Coalition"),
                    fv::picked(ctx.form.has("coalition_q") ? ctx.form.all("coalition") : std::vector{in.coalition}),
                    ctx.form.get("coalition_q")),
                .texts = {},
                .conflicts = conflicts,
                .places = territories::form_picker(ctx, in.territories.value_or(std::vector<std::string>{}))};
  for (const auto& t : kCardTexts) form.texts.push_back({t.name, t.label, t.hint, text_of(in, t.name)});
  return html::render(*ctx.t, templates::CardFields{.form = form, .errors = errors});
}

// The fields of a card both sides changed since `r.merge_base`, to settle; `merge` what the person
// already answered for them.
fv::Conflicts card_conflicts(Context& ctx, const Card& k, const CardResult& r, const text::MergeAnswer& merge) {
  fv::Conflicts out{.base_revision = r.merge_base, .their_revision = k.revision, .fields = {}};
  auto at = [](const text::Fields& f, const std::string& name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  auto label_of = [&](const std::string& name) -> std::string {
    if (name == "title") return ctx.tr(N_("Title"));
    if (name == "outcome") return ctx.tr(N_("Outcome"));
    if (name == "coalition") return ctx.tr(N_("Coalition"));
    for (const auto& t : kCardTexts)
      if (name == t.name) return ctx.tr(t.label);
    return name;
  };
  for (const auto& name : r.conflicts) {
    const text::Settlement* answer = nullptr;
    if (auto it = merge.settlements.find(name); it != merge.settlements.end()) answer = &it->second;
    if (name == "outcome") {
      // A choice from a list: shown by its label, settled by its value, never merged by hand.
      auto f = fv::field_conflict(ctx, name, label_of(name), views::outcome_label(ctx, at(r.base, name)),
                                  views::outcome_label(ctx, at(r.theirs, name)),
                                  views::outcome_label(ctx, at(r.mine, name)), answer);
      f.mine = at(r.mine, name);
      f.mergeable = false;
      out.fields.push_back(std::move(f));
      continue;
    }
    auto f =
        fv::field_conflict(ctx, name, label_of(name), at(r.base, name), at(r.theirs, name), at(r.mine, name), answer);
    f.mergeable = name != "coalition";
    out.fields.push_back(std::move(f));
  }
  return out;
}

Response render_new_card(Context& ctx, const CardInput& in, const FieldErrors& errors, int status) {
  return views::form_page(
      ctx,
      {.title = ctx.tr(N_("Share an experience")),
       .intro =
           html::render("<p>{}</p>", ctx.tr(N_("What have we already tried, what worked, what did not? The animateurs "
                                               "and the co-porteurs of its coalition publish proposals."))),
       .action = urls::new_card(),
       .fields = card_fields(ctx, in, errors),
       .submit = N_("Propose")},
      errors, status);
}

Response render_edit_card(Context& ctx, const Card& k, const CardInput& in, const FieldErrors& errors, bool conflict,
                          int status, const fv::Conflicts& conflicts = {}) {
  return views::form_page(
      ctx,
      {.title = fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), k.title),
       .intro = html::render(R"(<p class="meta"><a href="{}">{}</a></p>)", urls::card(k.slug), k.title),
       .action = urls::edit_card(k.slug),
       .base_revision = conflict ? k.revision : in.base_revision,
       .conflict = conflict,
       .conflict_title = N_("Someone saved this card while you were editing it"),
       .conflict_text = N_("Nothing was saved. Your changes are still in the form; compare them with the card as it is "
                           "now, then save again."),
       .conflicts = &conflicts,
       .fields = card_fields(ctx, in, errors, conflicts),
       .submit = N_("Save")},
      errors, status);
}

Card visible_card(Context& ctx) {
  auto k = store::card(ctx.db, ctx.param("slug"));
  if (!k || !can_see(ctx.db, ctx.actor(), *k)) throw NotFound();
  return *k;
}

// Everything the boussole shows, read in one place: the coalition the filter names, then the cards
// the filters keep, drafts included for those who may see them.
BoussolePage load_boussole(Context& ctx) {
  BoussolePage page;
  CardFilters f = card_filters(ctx);
  page.signed_in = ctx.user.has_value();
  page.outcome = f.outcome;
  page.coalition = f.coalition;
  page.territory = f.territory;
  page.outcomes = views::outcome_options(ctx);
  html::add_param(page.query_string, "issue", f.outcome);
  html::add_param(page.query_string, "coalition", coalitions::filter_value(f.coalition));
  html::add_param(page.query_string, "territoire", f.territory.words);
  fv::narrow_to_page(ctx, store::count_cards(ctx.db, f.filter), kCardsPerPage, urls::boussole(), page, f.filter);
  for (auto& k : store::cards(ctx.db, f.filter)) {
    std::string outcome = views::outcome_label(ctx, k.outcome);
    page.cards.push_back({std::move(k), std::move(outcome)});
  }
  std::vector<std::int64_t> ids;
  for (const auto& line : page.cards) ids.push_back(line.card.id);
  page.places = territories::places_of(ctx.db, territories::subject::card, ids);
  return page;
}

// A card's fields in the JSON documents (docs/api.md).
boost::json::object card_object(const Context& ctx, const Card& k) {
  return {
      {"slug", k.slug},
      {"title", k.title},
      {"url", ctx.base_url + urls::card(k.slug)},
      {"outcome", k.outcome},
      {"context", k.context},
      {"tried", k.tried},
      {"learned", k.learned},
      {"tensions", k.tensions},
      {"sources", k.sources},
      {"coalition", k.coalition ? boost::json::value(k.coalition->slug) : boost::json::value(nullptr)},
      {"updated_at", coalitions::json::iso(k.updated_at)},
  };
}

// A card's page: its texts, what the person may do with it, and its revisions.
CardPage load_card(Context& ctx, Card k) {
  CardPage page;
  const User* actor = ctx.actor();
  page.outcome = views::outcome_label(ctx, k.outcome);
  const CardInput values = card_input_of(k);
  for (const auto& t : kCardTexts) {
    const std::string& value = text_of(values, t.name);
    if (!value.empty()) page.texts.push_back({t.label, text::render_markdown(value)});
  }
  page.can_edit = can_edit(ctx.db, actor, k);
  const bool publisher = can_publish(ctx.db, actor, k);
  page.can_publish = k.status == Status::draft && publisher;
  page.history = views::history(urls::card(k.slug), store::card_revisions(ctx.db, k.id), k.revision, publisher);
  page.territories = territories::places(ctx.db, territories::subject::card, k.id);
  page.card = std::move(k);
  return page;
}

}  // namespace

Response boussole(Context& ctx) {
  BoussolePage page = load_boussole(ctx);
  return fv::page(ctx, ctx.tr(N_("Boussole")), html::render(*ctx.t, templates::Boussole{page}));
}

Response boussole_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  CardFilters f = card_filters(ctx);
  f.filter.all_drafts = false;  // the API lists what is published
  f.filter.drafts_of.reset();
  f.filter.updated_since = paging->updated_since;
  const std::int64_t total = store::count_cards(ctx.db, f.filter);
  f.filter.limit = paging->per_page;
  f.filter.offset = paging->offset();
  auto items = territories::with_places(ctx, territories::subject::card, store::cards(ctx.db, f.filter),
                                        [&](const Card& k) { return card_object(ctx, k); });
  return coalitions::json::page(ctx, "cards", std::move(items), total, *paging);
}

Response boussole_csv(Context& ctx) {
  CardFilters f = card_filters(ctx);
  f.filter.all_drafts = false;  // what is published, as the JSON
  f.filter.drafts_of.reset();
  csv::Writer w;
  w.row({"slug", "title", "page", "outcome", "coalition", "context", "tried", "learned", "tensions", "sources",
         "territoires", "revision", "updated_at"});
  const auto all = store::cards(ctx.db, f.filter);
  auto places = territories::places_of(ctx.db, territories::subject::card, all);
  for (const auto& k : all)
    w.row(std::vector<std::string>{k.slug, k.title, ctx.base_url + urls::card(k.slug), k.outcome,
                                   k.coalition ? k.coalition->slug : "", k.context, k.tried, k.learned, k.tensions,
                                   k.sources, territories::places_csv(places[k.id]), std::to_string(k.revision),
                                   coalitions::json::iso(k.updated_at)});
  return csv::response(w, "boussole.csv");
}

Response card_json(Context& ctx) {
  CardPage page = load_card(ctx, visible_card(ctx));
  boost::json::object out = card_object(ctx, page.card);
  out["status"] = page.card.status == Status::published ? "published" : "draft";
  out["revision"] = page.card.revision;
  out["territories"] = territories::places_json(ctx, page.territories);
  boost::json::array revisions;
  for (const auto& r : store::card_revisions(ctx.db, page.card.id)) {
    auto o = coalitions::json::revision({r.number, r.created_at, r.author_name, "", std::nullopt, r.merged_with});
    o["fields"] = {{"title", r.title},     {"context", r.context},    {"tried", r.tried},
                   {"outcome", r.outcome}, {"learned", r.learned},    {"tensions", r.tensions},
                   {"sources", r.sources}, {"coalition", r.coalition}};
    revisions.push_back(std::move(o));
  }
  out["revisions"] = std::move(revisions);
  Response r = coalitions::json::response(ctx, std::move(out));
  // A proposal is seen only by those who may act on it: never open data, never cached for others.
  if (page.card.status != Status::published) r.set_header("Cache-Control", "private, no-store");
  return r;
}

Response new_card(Context& ctx) { return render_new_card(ctx, {}, {}, 200); }

Response create_card(Context& ctx) {
  CardInput in = card_input_from(ctx);
  // A picker searched: the form comes back with the coalitions or territories to tick, nothing saved.
  if (card_picker_searched(ctx)) return render_new_card(ctx, in, {}, 200);
  if (auto errors = more_than_one_coalition(ctx); !errors.empty()) return render_new_card(ctx, in, errors, 422);
  auto result = propose_card(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_new_card(ctx, in, result.errors, 422);
  return fv::redirect_saved(urls::card(result.card->slug), fv::Saved::card);
}

Response card(Context& ctx) {
  CardPage page = load_card(ctx, visible_card(ctx));
  // Only a publisher sees a form; asking for the token makes the page personal.
  std::string csrf = page.can_publish || page.history.can_restore ? ctx.csrf_token() : std::string();
  return fv::page(ctx, page.card.title, html::render(*ctx.t, templates::Card{.page = page, .csrf = csrf}));
}

Response edit_card(Context& ctx) {
  Card k = visible_card(ctx);
  if (!can_edit(ctx.db, &*ctx.user, k))
    return fv::forbidden(
        ctx, N_("Only its submitter, the co-porteurs of its coalition and the animateurs can edit this card."));
  CardInput in = card_input_of(k);
  in.territories = territories::keys_of(territories::places(ctx.db, territories::subject::card, k.id));
  return render_edit_card(ctx, k, in, {}, false, 200);
}

Response update_card(Context& ctx) {
  CardInput in = card_input_from(ctx);
  in.merge = fv::read_merge(ctx.form);
  if (card_picker_searched(ctx) || !more_than_one_coalition(ctx).empty()) {
    // A picker searched: the form again, nothing saved; or two coalitions chosen, refused.
    Card k = visible_card(ctx);
    if (!can_edit(ctx.db, &*ctx.user, k))
      return fv::forbidden(
          ctx, N_("Only its submitter, the co-porteurs of its coalition and the animateurs can edit this card."));
    auto errors = more_than_one_coalition(ctx);
    return render_edit_card(ctx, k, in, errors, false, errors.empty() ? 200 : 422);
  }
  auto result = commons::update_card(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (result.errors.empty() && !result.conflict) {
    // A save merged with someone else's is told on the card's page; any other, that it was saved.
    if (result.merged_with) return Response::redirect(fv::merged(urls::card(ctx.param("slug")), result.merged_with));
    return fv::redirect_saved(urls::card(ctx.param("slug")), fv::Saved::card);
  }
  Card k = visible_card(ctx);
  if (result.conflict && !result.conflicts.empty())
    return render_edit_card(ctx, k, *result.merged, result.errors, true, result.errors.empty() ? 409 : 422,
                            card_conflicts(ctx, k, result, in.merge));
  return render_edit_card(ctx, k, in, result.errors, result.conflict, result.conflict ? 409 : 422);
}

Response publish_card(Context& ctx) {
  commons::publish_card(ctx.db, *ctx.user, ctx.param("slug"), ctx.now);
  return fv::redirect_saved(urls::card(ctx.param("slug")), fv::Saved::card_published);
}

Response compare_card(Context& ctx) {
  Card k = visible_card(ctx);
  const std::string base = urls::card(k.slug);
  const std::int64_t from = views::integer_field(ctx.query.get("de"), -1),
                     to = views::integer_field(ctx.query.get("a"), -1);
  auto a = store::card_revision(ctx.db, k.id, from), b = store::card_revision(ctx.db, k.id, to);
  if (!a || !b) return views::no_such_revisions(ctx, base);
  std::vector<views::FieldChange> fields{
      {ctx.tr(N_("Title")), a->title, b->title},
      {ctx.tr(N_("Outcome")), views::outcome_label(ctx, a->outcome), views::outcome_label(ctx, b->outcome)},
      {ctx.tr(N_("Coalition")), a->coalition, b->coalition}};
  const CardInput before{a->title,    a->context, a->tried,     a->outcome, a->learned,
                         a->tensions, a->sources, a->coalition, 0};
  const CardInput after{b->title,    b->context, b->tried,     b->outcome, b->learned,
                        b->tensions, b->sources, b->coalition, 0};
  for (const auto& t : kCardTexts) fields.push_back({ctx.tr(t.label), text_of(before, t.name), text_of(after, t.name)});
  return views::compare_page(ctx, base, k.title, from, to, fields);
}

Response restore_card(Context& ctx) {
  const std::string slug = ctx.param("slug");
  auto result = commons::restore_card_revision(ctx.db, *ctx.user, slug, ctx.param_int("number"),
                                               views::integer_field(ctx.form.get("base_revision"), -1), ctx.now);
  if (result.conflict || !result.errors.empty())
    return views::restore_refused(ctx, urls::card(slug), result.conflict, result.errors);
  return fv::redirect_saved(urls::history(urls::card(slug)), fv::Saved::restored);
}

}  // namespace fabrique::commons::pages
