// Opening a coalition, editing its fields, and writing its booklet (with the conflict page when
// someone saved meanwhile).
#include "coalitions/pages.hpp"
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "coalitions/views.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "text/diff.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/revisions.hpp"

namespace fabrique::coalitions::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

CoalitionInput input_of(const views::CoalitionFormValues& v) {
  return {v.number, v.title, v.slug, v.summary, v.family, v.cohort, v.stage, v.animating_organisation,
          v.scale_local, v.scale_national, v.scale_european};
}

Response render_new(Context& ctx, const views::CoalitionFormValues& v, const FieldErrors& errors, int status) {
  Html body = render("<h1>{}</h1>{}{}", ctx.tr(N_("Open a coalition")), fv::error_summary(ctx, errors),
                     views::fields_form(ctx, "/coalitions/nouvelle", v, errors, true));
  return fv::page(ctx, status, ctx.tr(N_("Open a coalition")), body);
}

// The edit page. `sections` holds what to show in each textarea; `conflict` adds, above the form,
// what others changed since `base`.
Response render_edit(Context& ctx, const Coalition& k, const views::CoalitionFormValues& fields,
                     const FieldErrors& field_errors, const Booklet& sections, std::int64_t base_revision,
                     const std::string& comment, const FieldErrors& booklet_errors, const BookletResult* conflict,
                     int status) {
  Html textareas;
  for (const auto& s : kSections) {
    auto it = sections.find(s.key);
    textareas += fv::textarea(ctx,
                              {s.key, ctx.tr(s.title), it == sections.end() ? "" : it->second, "", "", ctx.tr(s.hint),
                               false, 0},
                              booklet_errors, 6);
  }
  Html conflict_box;
  if (conflict) {
    Html changes;
    for (const auto& s : kSections) {
      std::string before = conflict->base.count(s.key) ? conflict->base.at(s.key) : "";
      std::string after = conflict->current.count(s.key) ? conflict->current.at(s.key) : "";
      if (before == after) continue;
      changes += render(R"(<h3>{}</h3>{})", ctx.tr(s.title),
                        text::render_diff(text::diff_words(before, after), fv::diff_labels(ctx)));
    }
    conflict_box = render(
        R"(<div class="error-summary" role="alert" tabindex="-1"><h2>{}</h2><p>{}</p>{}</div>)",
        ctx.tr(N_("Someone saved the booklet while you were editing it")),
        ctx.tr(N_("Your text was not saved, and nothing was lost: it is still in the form below. Here is what changed meanwhile; bring their changes into your text, then save again.")),
        changes);
  }
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Edit coalition {}"))), k.number);
  Html body = render(
      R"(<p class="meta"><a href="/coalitions/{}">{}</a></p>
<h1>{}</h1>
<h2>{}</h2>
{}{}
<form method="post" action="/coalitions/{}/modifier" novalidate>{}<input type="hidden" name="base_revision" value="{}">
{}
{}
<button type="submit">{}</button>
</form>
<h2>{}</h2>
{}{})",
      k.slug, views::full_title(k), title, ctx.tr(N_("Booklet")), conflict_box, fv::error_summary(ctx, booklet_errors),
      k.slug, fv::csrf_field(ctx), base_revision, textareas,
      fv::input(ctx,
                {"comment", ctx.tr(N_("What did you change?")), comment, "text", "off",
                 ctx.tr(N_("A short note shown in the history (300 characters at most).")), false, 300},
                booklet_errors),
      ctx.tr(N_("Save the booklet")), ctx.tr(N_("Fields")), fv::error_summary(ctx, field_errors),
      views::fields_form(ctx, "/coalitions/" + k.slug + "/fiche", fields, field_errors, false));
  return fv::page(ctx, status, title, body);
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
  auto v = views::values_from_form(ctx);
  auto result = create_coalition(ctx.db, *ctx.user, input_of(v), ctx.now);
  if (!result.errors.empty()) return render_new(ctx, v, result.errors, 422);
  return Response::redirect("/coalitions/" + result.coalition->slug);
}

Response edit_form(Context& ctx) {
  Coalition k = editable(ctx);
  return render_edit(ctx, k, views::values_of(k), {}, store::current_booklet(ctx.db, k.id), k.booklet_revision, "", {},
                     nullptr, 200);
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
  auto result = coalitions::save_booklet(ctx.db, *ctx.user, ctx.param("slug"), edit, ctx.now);
  if (result.errors.empty() && !result.conflict)
    return Response::redirect("/coalitions/" + ctx.param("slug") + "/historique");
  Coalition k = editable(ctx);
  // On conflict the next save starts from the current revision: the person has now seen it.
  std::int64_t base = result.conflict ? result.current_revision : edit.base_revision;
  return render_edit(ctx, k, views::values_of(k), {}, edit.sections, base, edit.comment, result.errors,
                     result.conflict ? &result : nullptr, result.conflict ? 409 : 422);
}

Response update_fields(Context& ctx) {
  auto v = views::values_from_form(ctx);
  auto result = update_coalition(ctx.db, *ctx.user, ctx.param("slug"), input_of(v), ctx.now);
  if (!result.errors.empty()) {
    Coalition k = editable(ctx);
    return render_edit(ctx, k, v, result.errors, store::current_booklet(ctx.db, k.id), k.booklet_revision, "", {},
                       nullptr, 422);
  }
  return Response::redirect("/coalitions/" + ctx.param("slug"));
}

}  // namespace fabrique::coalitions::pages
