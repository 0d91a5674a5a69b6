// Opening a coalition, editing its fields, and writing its booklet (merged with what someone saved
// meanwhile, with the sections both changed to settle on the conflict page).
#include <algorithm>

#include "coalitions/pages.hpp"
#include "coalitions/store.hpp"
#include "coalitions/templates/edit.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/use_cases.hpp"
#include "coalitions/view_models.hpp"
#include "coalitions/views.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "organisations/picker.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/placing.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/merge.hpp"
#include "views/revisions.hpp"
#include "views/saved.hpp"

namespace fabrique::coalitions::pages {

using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

CoalitionFormValues values_of(Context& ctx, const Coalition& k) {
  return {k.number,         k.title,
          k.slug,           k.summary,
          k.family_slug,    k.cohort_slug,
          k.stage,          k.animating_organisation_slug,
          k.scale_local,    k.scale_national,
          k.scale_european, territories::keys_of(territories::places(ctx.db, territories::subject::coalition, k.id))};
}

CoalitionFormValues values_from_form(const Context& ctx) {
  const auto& f = ctx.form;
  return {f.get("number"),
          f.get("title"),
          f.get("slug"),
          f.get("summary"),
          f.get("family"),
          f.get("cohort"),
          f.get("stage"),
          f.get("animating_organisation"),
          f.get("scale_local") == "1",
          f.get("scale_national") == "1",
          f.get("scale_european") == "1",
          territories::picked_keys(ctx)};
}

CoalitionInput input_of(const CoalitionFormValues& v) {
  return {v.number,      v.title,          v.slug,           v.summary,
          v.family,      v.cohort,         v.stage,          v.animating_organisation,
          v.scale_local, v.scale_national, v.scale_european, v.territories};
}

// The fields' form sent to `action`, with the families, stages, cohorts and organisations to choose from.
FieldsForm load_fields_form(Context& ctx, std::string action, const CoalitionFormValues& values,
                            const FieldErrors& errors, bool with_slug) {
  FieldsForm form{.action = std::move(action), .values = values, .errors = errors, .with_slug = with_slug};
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionFamilies))
    form.families.push_back({t.slug, t.label});
  for (const auto& s : kStages) form.stages.push_back({s.slug, ctx.tr(s.label)});
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionCohorts))
    form.cohorts.push_back({t.slug, t.label});
  // A form sent keeps what its picker ticked (two are refused next to it); a coalition opened, its organisation.
  form.organisation = organisations::picker_of(
      ctx.db, "animating_organisation", N_("Animating organisation"),
      fv::picked(ctx.form.has("animating_organisation_q") ? ctx.form.all("animating_organisation")
                                                          : std::vector{values.animating_organisation}),
      ctx.form.get("animating_organisation_q"));
  form.places = territories::form_picker(ctx, values.territories);
  return form;
}

// A picker of the fields' form searched: the form comes back with what matches, nothing saved.
bool fields_picker_searched(const Context& ctx) {
  return !ctx.form.get("animating_organisation_q").empty() || territories::picker_searched(ctx);
}

// The error of a fields' form ticking more than one animating organisation.
FieldErrors more_than_one_organisation(const Context& ctx) {
  FieldErrors errors;
  fv::one_at_most(errors, "animating_organisation", ctx.form.all("animating_organisation"),
                  N_("Choose one organisation at most."));
  return errors;
}

Response render_new(Context& ctx, const CoalitionFormValues& v, const FieldErrors& errors, int status) {
  FieldsForm form = load_fields_form(ctx, urls::create(), v, errors, true);
  return fv::page(ctx, status, ctx.tr(N_("Open a coalition")),
                  render(*ctx.t, templates::New{.form = form, .csrf = ctx.csrf_token()}));
}

// What the edit page shows besides the coalition: the fields and the booklet as stored or as
// typed, and on conflict (`conflict` set) the sections to settle; `merge` is what the person already
// answered for them.
struct EditState {
  CoalitionFormValues fields;
  FieldErrors field_errors;
  Booklet sections;  // what each textarea shows
  std::int64_t base_revision = 0;
  std::string comment;
  FieldErrors booklet_errors;
  const BookletResult* conflict = nullptr;
  const text::MergeAnswer* merge = nullptr;
};

EditPage load_edit(Context& ctx, const Coalition& k, const EditState& state) {
  EditPage page{.coalition = k,
                .title = fmt::format(fmt::runtime(ctx.tr(N_("Edit coalition {}"))), k.number),
                .sections = state.sections,
                .base_revision = state.base_revision,
                .comment = state.comment,
                .booklet_errors = state.booklet_errors,
                .conflicts = {},
                .fields = load_fields_form(ctx, urls::fields(k.slug), state.fields, state.field_errors, false)};
  if (const BookletResult* r = state.conflict) {
    page.conflicts.base_revision = r->merge_base;
    page.conflicts.their_revision = r->current_revision;
    for (const auto& s : kSections) {
      if (std::find(r->conflicts.begin(), r->conflicts.end(), s.key) == r->conflicts.end()) continue;
      const text::Settlement* answer = nullptr;
      if (state.merge)
        if (auto it = state.merge->settlements.find(s.key); it != state.merge->settlements.end()) answer = &it->second;
      page.conflicts.fields.push_back(fv::field_conflict(ctx, s.key, ctx.tr(s.title), booklet_text(r->base, s.key),
                                                         booklet_text(r->current, s.key), booklet_text(r->mine, s.key),
                                                         answer));
    }
  }
  return page;
}

Response render_edit(Context& ctx, const Coalition& k, const EditState& state, int status) {
  EditPage page = load_edit(ctx, k, state);
  return fv::page(ctx, status, page.title, render(*ctx.t, templates::Edit{.page = page, .csrf = ctx.csrf_token()}));
}

Coalition editable(Context& ctx) {
  auto k = store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) throw NotFound();
  if (!can_edit(ctx.db, &*ctx.user, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can edit it."));
  return *k;
}

}  // namespace

Response new_form(Context& ctx) {
  if (!ctx.user->is_animateur()) return fv::forbidden(ctx, N_("Only animateurs can open a coalition."));
  return render_new(ctx, {}, {}, 200);
}

Response create(Context& ctx) {
  auto v = values_from_form(ctx);
  // A picker searched: the form comes back with the organisations or territories to tick, nothing saved.
  if (fields_picker_searched(ctx)) return render_new(ctx, v, {}, 200);
  if (auto errors = more_than_one_organisation(ctx); !errors.empty()) return render_new(ctx, v, errors, 422);
  auto result = create_coalition(ctx.db, *ctx.user, input_of(v), ctx.now);
  if (!result.errors.empty()) return render_new(ctx, v, result.errors, 422);
  return fv::redirect_saved(urls::coalition(result.coalition->slug), fv::Saved::coalition);
}

Response edit_form(Context& ctx) {
  Coalition k = editable(ctx);
  return render_edit(ctx, k,
                     {.fields = values_of(ctx, k),
                      .sections = store::current_booklet(ctx.db, k.id),
                      .base_revision = k.booklet_revision},
                     200);
}

Response save_booklet(Context& ctx) {
  BookletEdit edit;
  if (auto base = numbers::whole(ctx.form.get("base_revision"), 0, numbers::kMaxId)) {
    edit.base_revision = *base;
  } else {
    return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  }
  for (const auto& s : kSections)
    if (ctx.form.has(s.key)) edit.sections[s.key] = ctx.form.get(s.key);
  edit.comment = ctx.form.get("comment");
  edit.merge = fv::read_merge(ctx.form);
  auto result = coalitions::save_booklet(ctx.db, *ctx.user, ctx.param("slug"), edit, ctx.now);
  if (result.errors.empty() && !result.conflict) {
    // A save merged with someone else's is told on the history, where both revisions are listed;
    // any other goes back to the coalition page, where the booklet is read.
    if (result.merged_with) return Response::redirect(fv::merged(urls::history(ctx.param("slug")), result.merged_with));
    return fv::redirect_saved(urls::coalition(ctx.param("slug")), fv::Saved::booklet);
  }
  Coalition k = editable(ctx);
  // On conflict the next save starts from the current revision, the sections to settle shown, the
  // rest merged: the person has now seen what was saved meanwhile.
  if (result.conflict)
    return render_edit(ctx, k,
                       {.fields = values_of(ctx, k),
                        .sections = result.merged,
                        .base_revision = result.current_revision,
                        .comment = edit.comment,
                        .booklet_errors = result.errors,
                        .conflict = &result,
                        .merge = &edit.merge},
                       result.errors.empty() ? 409 : 422);
  return render_edit(ctx, k,
                     {.fields = values_of(ctx, k),
                      .sections = edit.sections,
                      .base_revision = edit.base_revision,
                      .comment = edit.comment,
                      .booklet_errors = result.errors},
                     422);
}

Response update_fields(Context& ctx) {
  auto v = values_from_form(ctx);
  if (fields_picker_searched(ctx) || !more_than_one_organisation(ctx).empty()) {
    // A picker searched: the form again, nothing saved; or two organisations ticked, refused.
    Coalition k = editable(ctx);
    auto errors = more_than_one_organisation(ctx);
    return render_edit(ctx, k,
                       {.fields = v,
                        .field_errors = errors,
                        .sections = store::current_booklet(ctx.db, k.id),
                        .base_revision = k.booklet_revision},
                       errors.empty() ? 200 : 422);
  }
  auto result = update_coalition(ctx.db, *ctx.user, ctx.param("slug"), input_of(v), ctx.now);
  if (!result.errors.empty()) {
    Coalition k = editable(ctx);
    return render_edit(ctx, k,
                       {.fields = v,
                        .field_errors = result.errors,
                        .sections = store::current_booklet(ctx.db, k.id),
                        .base_revision = k.booklet_revision},
                       422);
  }
  return fv::redirect_saved(urls::coalition(ctx.param("slug")), fv::Saved::fiche);
}

}  // namespace fabrique::coalitions::pages
