// The boussole: experience cards filtered by outcome and coalition, a card's page, and the forms to
// propose, edit and publish cards.
#include <boost/json.hpp>

#include "accounts/pages.hpp"
#include "coalitions/json.hpp"
#include "commons/pages.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/views.hpp"
#include "i18n/i18n.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::commons::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

struct CardFilters {
  std::string outcome, coalition;
  store::CardFilter filter;
};

CardFilters card_filters(Context& ctx) {
  CardFilters f;
  f.outcome = ctx.query.get("issue");
  f.coalition = ctx.query.get("coalition");
  if (outcome(f.outcome)) f.filter.outcome = f.outcome; else f.outcome.clear();
  f.filter.coalition_id = views::coalition_filter(ctx, f.coalition);
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
  CardInput in{ctx.form.get("title"),   ctx.form.get("context"),  ctx.form.get("tried"),   ctx.form.get("outcome"),
               ctx.form.get("learned"), ctx.form.get("tensions"), ctx.form.get("sources"), ctx.form.get("coalition"),
               views::integer_field(ctx.form.get("base_revision"), -1)};  // absent on proposals; a mismatch on edits
  return in;
}

CardInput card_input_of(const Card& k) {
  return {k.title, k.context, k.tried, k.outcome, k.learned, k.tensions, k.sources,
          k.coalition ? k.coalition->slug : "", k.revision};
}

Html card_fields(Context& ctx, const CardInput& in, const FieldErrors& errors) {
  Html out = fv::input(ctx, {"title", ctx.tr(N_("Title")), in.title, "text", "off", "", true, kMaxTitle}, errors);
  out += fv::select(ctx, {"outcome", ctx.tr(N_("Outcome")), in.outcome, "", "", "", true, 0}, views::outcome_options(ctx),
                    errors, ctx.tr(N_("Choose…")));
  out += fv::select(ctx, {"coalition", ctx.tr(N_("Coalition")), in.coalition, "", "", "", false, 0},
                    views::coalition_options(store::coalitions(ctx.db)), errors, ctx.tr(N_("None")));
  for (const auto& t : kCardTexts)
    out += fv::textarea(ctx, {t.name, ctx.tr(t.label), text_of(in, t.name), "", "", ctx.tr(t.hint), false, 0}, errors, 4);
  return out;
}

Response render_new_card(Context& ctx, const CardInput& in, const FieldErrors& errors, int status) {
  return views::form_page(
      ctx,
      {.title = ctx.tr(N_("Share an experience")),
       .intro = render("<p>{}</p>", ctx.tr(N_("What have we already tried, what worked, what did not? The animateurs and the co-porteurs of its coalition publish proposals."))),
       .action = "/boussole/proposer",
       .fields = card_fields(ctx, in, errors),
       .submit = N_("Propose")},
      errors, status);
}

Response render_edit_card(Context& ctx, const Card& k, const CardInput& in, const FieldErrors& errors, bool conflict,
                          int status) {
  return views::form_page(
      ctx,
      {.title = fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), k.title),
       .intro = render(R"(<p class="meta"><a href="/boussole/{}">{}</a></p>)", k.slug, k.title),
       .action = "/boussole/" + k.slug + "/modifier",
       .base_revision = conflict ? k.revision : in.base_revision,
       .conflict = conflict,
       .conflict_title = N_("Someone saved this card while you were editing it"),
       .conflict_text = N_("Nothing was saved. Your changes are still in the form; compare them with the card as it is now, then save again."),
       .fields = card_fields(ctx, in, errors),
       .submit = N_("Save")},
      errors, status);
}

Card visible_card(Context& ctx) {
  auto k = store::card(ctx.db, ctx.param("slug"));
  if (!k || !can_see(ctx.db, ctx.actor(), *k)) throw NotFound();
  return *k;
}

}  // namespace

Response boussole(Context& ctx) {
  CardFilters f = card_filters(ctx);
  auto list = store::cards(ctx.db, f.filter);
  Html items;
  for (const auto& k : list)
    items += render(R"(<li><a href="/boussole/{}">{}</a> <span class="meta">{}{}{}</span></li>)", k.slug, k.title,
                    views::outcome_label(ctx, k.outcome),
                    k.coalition ? render(" · {}", views::coalition_title(*k.coalition)) : Html(),
                    k.status == Status::draft ? render(" · {}", ctx.tr(N_("proposal"))) : Html());
  if (list.empty()) items = render("<li>{}</li>", ctx.tr(N_("No experience matches these filters.")));
  Html body = render(
      R"(<h1>{}</h1>{}<p>{}</p>{}
<form method="get" action="/boussole" class="filters">{}{}<button type="submit">{}</button></form>
<p role="status">{}</p><ul class="cards">{}</ul><p><a href="/boussole.json">{}</a></p>)",
      ctx.tr(N_("Boussole")), views::subnav(ctx, "/boussole"),
      ctx.tr(N_("The compass of experience: what we have already tried, what worked and what did not, with the tensions to keep in mind.")),
      ctx.user ? render(R"(<p><a href="/boussole/proposer">{}</a></p>)", ctx.tr(N_("Share an experience"))) : Html(),
      fv::select(ctx, {"issue", ctx.tr(N_("Outcome")), f.outcome, "", "", "", false, 0}, views::outcome_options(ctx), {},
                 ctx.tr(N_("All"))),
      fv::select(ctx, {"coalition", ctx.tr(N_("Coalition")), f.coalition, "", "", "", false, 0},
                 views::coalition_options(store::coalitions(ctx.db)), {}, ctx.tr(N_("All"))),
      ctx.tr(N_("Filter")),
      fmt::format(fmt::runtime(ctx.trn("{} experience", "{} experiences", static_cast<long>(list.size()))), list.size()),
      items, ctx.tr(N_("The same list as JSON")));
  return fv::page(ctx, ctx.tr(N_("Boussole")), body);
}

Response boussole_json(Context& ctx) {
  CardFilters f = card_filters(ctx);
  f.filter.all_drafts = false;  // the API lists what is published
  f.filter.drafts_of.reset();
  boost::json::array items;
  for (const auto& k : store::cards(ctx.db, f.filter))
    items.push_back(boost::json::object{
        {"slug", k.slug},
        {"title", k.title},
        {"outcome", k.outcome},
        {"context", k.context},
        {"tried", k.tried},
        {"learned", k.learned},
        {"tensions", k.tensions},
        {"sources", k.sources},
        {"coalition", k.coalition ? boost::json::value(k.coalition->slug) : boost::json::value(nullptr)},
        {"updated_at", coalitions::json::iso(k.updated_at)},
    });
  boost::json::object out;
  out["count"] = items.size();
  out["cards"] = std::move(items);
  return coalitions::json::response(ctx, out);
}

Response new_card(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  return render_new_card(ctx, {}, {}, 200);
}

Response create_card(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  CardInput in = card_input_from(ctx);
  auto result = propose_card(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_new_card(ctx, in, result.errors, 422);
  return Response::redirect("/boussole/" + result.card->slug);
}

Response card(Context& ctx) {
  Card k = visible_card(ctx);
  const User* actor = ctx.actor();
  Html texts;
  const CardInput values = card_input_of(k);
  for (const auto& t : kCardTexts) {
    const std::string& value = text_of(values, t.name);
    if (!value.empty()) texts += render("<h2>{}</h2>{}", ctx.tr(t.label), text::render_markdown(value));
  }
  std::vector<views::RevisionLine> history;
  for (const auto& v : store::card_revisions(ctx.db, k.id)) history.push_back({v.number, v.created_at, v.author_name});
  Html actions;
  if (can_edit(ctx.db, actor, k))
    actions += render(R"(<li><a href="/boussole/{}/modifier">{}</a></li>)", k.slug, ctx.tr(N_("Edit")));
  if (k.status == Status::draft && can_publish(ctx.db, actor, k))
    actions += render(R"(<li><form method="post" action="/boussole/{}/publier">{}<button type="submit">{}</button></form></li>)",
                      k.slug, fv::csrf_field(ctx), ctx.tr(N_("Publish")));
  Html body = render(
      R"(<p class="meta"><a href="/boussole">{}</a></p><h1>{}</h1>{}<dl class="facts"><dt>{}</dt><dd>{}</dd>{}{}</dl>{}{}{})",
      ctx.tr(N_("Boussole")), k.title, views::draft_notice(ctx, k.status), ctx.tr(N_("Outcome")),
      views::outcome_label(ctx, k.outcome),
      k.coalition ? render(R"(<dt>{}</dt><dd><a href="/coalitions/{}">{}</a></dd>)", ctx.tr(N_("Coalition")), k.coalition->slug,
                           views::coalition_title(*k.coalition))
                  : Html(),
      k.submitter_name.empty() ? Html() : render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Shared by")), k.submitter_name),
      texts, actions.empty() ? Html() : render(R"(<ul class="tags">{}</ul>)", actions),
      views::revision_history(ctx, "/boussole/" + k.slug, history, k.revision, can_publish(ctx.db, actor, k)));
  return fv::page(ctx, k.title, body);
}

Response edit_card(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  Card k = visible_card(ctx);
  if (!can_edit(ctx.db, &*ctx.user, k))
    return fv::forbidden(ctx, N_("Only its submitter, the co-porteurs of its coalition and the animateurs can edit this card."));
  return render_edit_card(ctx, k, card_input_of(k), {}, false, 200);
}

Response update_card(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  CardInput in = card_input_from(ctx);
  auto result = commons::update_card(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (result.errors.empty() && !result.conflict) return Response::redirect("/boussole/" + ctx.param("slug"));
  Card k = visible_card(ctx);
  return render_edit_card(ctx, k, in, result.errors, result.conflict, result.conflict ? 409 : 422);
}

Response publish_card(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  commons::publish_card(ctx.db, *ctx.user, ctx.param("slug"), ctx.now);
  return Response::redirect("/boussole/" + ctx.param("slug"));
}

Response compare_card(Context& ctx) {
  Card k = visible_card(ctx);
  const std::string base = "/boussole/" + k.slug;
  const std::int64_t from = views::integer_field(ctx.query.get("de"), -1), to = views::integer_field(ctx.query.get("a"), -1);
  auto a = store::card_revision(ctx.db, k.id, from), b = store::card_revision(ctx.db, k.id, to);
  if (!a || !b) return views::no_such_revisions(ctx, base);
  std::vector<views::FieldChange> fields{
      {ctx.tr(N_("Title")), a->title, b->title},
      {ctx.tr(N_("Outcome")), views::outcome_label(ctx, a->outcome), views::outcome_label(ctx, b->outcome)},
      {ctx.tr(N_("Coalition")), a->coalition, b->coalition}};
  const CardInput before{a->title, a->context, a->tried, a->outcome, a->learned, a->tensions, a->sources, a->coalition, 0};
  const CardInput after{b->title, b->context, b->tried, b->outcome, b->learned, b->tensions, b->sources, b->coalition, 0};
  for (const auto& t : kCardTexts) fields.push_back({ctx.tr(t.label), text_of(before, t.name), text_of(after, t.name)});
  return views::compare_page(ctx, base, k.title, from, to, fields);
}

Response restore_card(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  const std::string slug = ctx.param("slug");
  auto result = commons::restore_card_revision(ctx.db, *ctx.user, slug, ctx.param_int("number"),
                                               views::integer_field(ctx.form.get("base_revision"), -1), ctx.now);
  if (result.conflict || !result.errors.empty())
    return views::restore_refused(ctx, "/boussole/" + slug, result.conflict, result.errors);
  return Response::redirect("/boussole/" + slug + "#historique");
}

}  // namespace fabrique::commons::pages
