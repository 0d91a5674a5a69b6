// Writing entries: editors publish and edit them (fields, lists and evidence in one form); members
// use the same form to propose a new entry, which editors then moderate.
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/views.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

Html source_field(Context& ctx, const std::string& value, const FieldErrors& errors, bool required) {
  return fv::input(ctx,
                   {"source", ctx.tr(N_("Source")), value, "text", "off",
                    ctx.tr(N_("Where this information comes from: a web address or a precise reference.")), required,
                    500},
                   errors);
}

Response render_new(Context& ctx, const Document& d, const FieldErrors& errors, int status) {
  bool editor = can_edit(ctx.db, &*ctx.user);
  std::string title = editor ? ctx.tr(N_("Publish an entry")) : ctx.tr(N_("Propose an entry"));
  Html body = render(
      R"(<p class="meta"><a href="/observatoire">{}</a></p><h1>{}</h1><p>{}</p>{}<form method="post" action="/observatoire/nouvelle" novalidate>{}{}{}<button type="submit">{}</button></form>)",
      ctx.tr(N_("Observatory of public algorithms")), title,
      editor ? ctx.tr(N_("Fields marked as optional may stay empty; the others are required by the register's standard."))
             : ctx.tr(N_("The observatory editors check every proposal before it is published; you will be told of their decision.")),
      fv::error_summary(ctx, errors), fv::csrf_field(ctx), views::document_fields(ctx, d, errors, editor),
      source_field(ctx, ctx.form.get("source"), errors, !editor), editor ? ctx.tr(N_("Publish")) : ctx.tr(N_("Send the proposal")));
  return fv::page(ctx, status, title, body);
}

Response render_edit(Context& ctx, const Entry& e, const Document& d, std::int64_t base, const FieldErrors& errors,
                     bool conflict, int status) {
  Html conflict_box;
  if (conflict)
    conflict_box = render(R"(<div class="error-summary" role="alert" tabindex="-1"><h2>{}</h2><p>{}</p></div>)",
                          ctx.tr(N_("Someone saved this entry while you were editing it")),
                          ctx.tr(N_("Your changes were not saved and are still in the form below. Open the entry in another tab to see the current version, bring your changes into it, then save again.")));
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Edit “{}”"))), e.name());
  Html body = render(
      R"(<p class="meta"><a href="/observatoire/{}">{}</a></p><h1>{}</h1>{}{}<form method="post" action="/observatoire/{}/modifier" novalidate>{}<input type="hidden" name="base_revision" value="{}">{}{}{}<button type="submit">{}</button></form>)",
      e.slug, e.name(), title, conflict_box, fv::error_summary(ctx, errors), e.slug, fv::csrf_field(ctx), base,
      views::document_fields(ctx, d, errors, true), source_field(ctx, ctx.form.get("source"), errors, false),
      fv::input(ctx,
                {"comment", ctx.tr(N_("What did you change?")), ctx.form.get("comment"), "text", "off",
                 ctx.tr(N_("A short note shown in the history (300 characters at most).")), false, 300},
                errors),
      ctx.tr(N_("Save the entry")));
  return fv::page(ctx, status, title, body);
}

Entry editable(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  if (!can_edit(ctx.db, &*ctx.user)) throw Forbidden(N_("Only observatory editors can edit an entry."));
  return *e;
}

}  // namespace

Response new_form(Context& ctx) {
  Document d;
  d.impact_assessments.clear();
  return render_new(ctx, d, {}, 200);
}

Response create(Context& ctx) {
  Document d = views::document_from_form(ctx);
  if (can_edit(ctx.db, &*ctx.user)) {
    auto r = create_entry(ctx.db, *ctx.user, d, ctx.form.get("source"), ctx.now);
    if (!r.errors.empty()) return render_new(ctx, d, r.errors, 422);
    return Response::redirect("/observatoire/" + r.entry->slug);
  }
  FieldErrors errors;
  auto id = propose_entry(ctx.db, *ctx.user, d, ctx.form.get("source"), errors, ctx.now);
  if (!errors.empty()) return render_new(ctx, d, errors, 422);
  return Response::redirect("/observatoire/contributions/" + std::to_string(id));
}

Response edit_form(Context& ctx) {
  Entry e = editable(ctx);
  return render_edit(ctx, e, e.doc, e.revision, {}, false, 200);
}

Response update(Context& ctx) {
  EntryEdit edit;
  if (auto base = numbers::whole(ctx.form.get("base_revision"), 0, numbers::kMaxId)) {
    edit.base_revision = *base;
  } else {
    return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  }
  edit.doc = views::document_from_form(ctx);
  edit.source = ctx.form.get("source");
  edit.comment = ctx.form.get("comment");
  auto r = update_entry(ctx.db, *ctx.user, ctx.param("slug"), edit, ctx.now);
  if (r.errors.empty() && !r.conflict) return Response::redirect("/observatoire/" + ctx.param("slug"));
  // On conflict the next save starts from the current revision: the editor has been warned.
  return render_edit(ctx, *r.entry, edit.doc, r.conflict ? r.entry->revision : edit.base_revision, r.errors, r.conflict,
                     r.conflict ? 409 : 422);
}

}  // namespace fabrique::observatoire::pages
