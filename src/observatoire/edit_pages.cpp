// Writing entries: editors publish and edit them (fields, lists and evidence in one form); members
// use the same form to propose a new entry, which editors then moderate.
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/store.hpp"
#include "observatoire/templates/entry_form.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/view_models.hpp"
#include "observatoire/views.hpp"
#include "territories/placing.hpp"
#include "views/layout.hpp"
#include "views/merge.hpp"
#include "views/saved.hpp"

namespace fabrique::observatoire::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

// The form that publishes (editors) or proposes (members) an entry, with `d` as typed and the evidence
// its own fields offer; with the score it would get when `preview` (the preview's refusals join
// `errors`).
NewEntryPage load_new(Context& ctx, const Document& d, const FieldErrors& errors, bool preview) {
  NewEntryPage page;
  page.editor = can_edit(ctx.db, &*ctx.user);
  page.title = page.editor ? ctx.tr(N_("Publish an entry")) : ctx.tr(N_("Propose an entry"));
  page.doc = d;
  page.source = ctx.form.get("source");
  page.errors = errors;
  page.places = territories::form_picker(ctx, territories::picked_keys(ctx));
  page.evidence = views::evidence_form(ctx, page.doc, page.errors, preview);
  return page;
}

Response render_new(Context& ctx, const Document& d, const FieldErrors& errors, int status, bool preview = false) {
  NewEntryPage page = load_new(ctx, d, errors, preview);
  if (preview) status = page.errors.empty() ? 200 : 422;
  return fv::page(ctx, status, page.title,
                  html::render(*ctx.t, templates::NewEntry{.page = page, .csrf = ctx.csrf_token()}));
}

// The form that edits `e`, filled with `d` from revision `base`; `conflicts` the fields to settle.
EditPage load_edit(Context& ctx, const Entry& e, const Document& d, std::int64_t base, const FieldErrors& errors,
                   bool conflict, const std::vector<std::string>& places, bool preview, fv::Conflicts conflicts = {}) {
  EditPage page;
  page.conflicts = std::move(conflicts);
  page.places = territories::form_picker(ctx, places);
  page.entry = e;
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("Edit “{}”"))), e.name());
  page.doc = d;
  page.base_revision = base;
  page.source = ctx.form.get("source");
  page.comment = ctx.form.get("comment");
  page.conflict = conflict;
  page.errors = errors;
  // The entry as saved is shown as it is; what the editor sends back is offered evidence from, but
  // not on the conflict page, where only what the two saves changed is to settle.
  if (ctx.request.method != http::Method::get && page.conflicts.empty())
    page.evidence = views::evidence_form(ctx, page.doc, page.errors, preview);
  return page;
}

Response render_edit(Context& ctx, const Entry& e, const Document& d, std::int64_t base, const FieldErrors& errors,
                     bool conflict, int status, const std::vector<std::string>& places, bool preview = false,
                     fv::Conflicts conflicts = {}) {
  EditPage page = load_edit(ctx, e, d, base, errors, conflict, places, preview, std::move(conflicts));
  if (preview) status = page.errors.empty() ? 200 : 422;
  return fv::page(ctx, status, page.title,
                  html::render(*ctx.t, templates::EditEntry{.page = page, .csrf = ctx.csrf_token()}));
}

// The fields of an entry both sides changed since the revision its form started from, to settle;
// `answer` what the person already answered for them. Choices from lists are shown by their labels.
fv::Conflicts entry_conflicts(Context& ctx, const SaveResult& r, const text::MergeAnswer& answer) {
  auto label_of = [&](const std::string& name) { return views::form_field_label(*ctx.t, name); };
  auto shown = [&](const std::string& name, const std::string& value) {
    return views::form_field_choice(*ctx.t, name, value);
  };
  return fv::conflicts_of(ctx, r.merge, r.entry->revision, answer, label_of, shown);
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
  // The preview button of the same form: the score it would get, nothing written. Enter in a field
  // presses the form's first button, the territory picker's search: without words to search, it
  // previews too, as it did when the preview was the form's first button.
  if (ctx.form.has("preview") || (ctx.form.has("chercher_territoire") && !territories::picker_searched(ctx)))
    return render_new(ctx, d, {}, 200, true);
  // The picker searched: the form comes back with the territories to tick, nothing saved.
  if (territories::picker_searched(ctx)) return render_new(ctx, d, {}, 200);
  if (can_edit(ctx.db, &*ctx.user)) {
    auto r = create_entry(ctx.db, *ctx.user, d, ctx.form.get("source"), ctx.now, territories::picked_keys(ctx));
    if (!r.errors.empty()) return render_new(ctx, d, r.errors, 422);
    return fv::redirect_saved(urls::entry(r.entry->slug), fv::Saved::entry);
  }
  FieldErrors errors;
  auto id = propose_entry(ctx.db, *ctx.user, d, ctx.form.get("source"), errors, ctx.now, territories::picked_keys(ctx));
  if (!errors.empty()) return render_new(ctx, d, errors, 422);
  return Response::redirect(urls::contribution(id));
}

Response edit_form(Context& ctx) {
  Entry e = editable(ctx);
  return render_edit(ctx, e, e.doc, e.revision, {}, false, 200,
                     territories::keys_of(territories::places(ctx.db, territories::subject::observatory_entry, e.id)));
}

Response update(Context& ctx) {
  EntryEdit edit;
  if (auto base = numbers::whole(ctx.form.get("base_revision"), 0, numbers::kMaxId)) {
    edit.base_revision = *base;
  } else {
    return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  }
  edit.doc = views::document_from_form(ctx);
  if (ctx.form.has("preview")) {
    Entry e = editable(ctx);
    return render_edit(ctx, e, edit.doc, edit.base_revision, {}, false, 200, territories::picked_keys(ctx), true);
  }
  edit.source = ctx.form.get("source");
  edit.comment = ctx.form.get("comment");
  edit.territories = territories::picked_keys(ctx);
  edit.merge = fv::read_merge(ctx.form);
  if (territories::picker_searched(ctx))  // the picker searched: the form again, nothing saved
    return render_edit(ctx, editable(ctx), edit.doc, edit.base_revision, {}, false, 200, *edit.territories);
  auto r = update_entry(ctx.db, *ctx.user, ctx.param("slug"), edit, ctx.now);
  if (r.errors.empty() && !r.conflict) {
    // A save merged with someone else's says so on the entry's page.
    if (r.merged_with) return Response::redirect(fv::merged(urls::entry(r.entry->slug), r.merged_with));
    return fv::redirect_saved(urls::entry(r.entry->slug), fv::Saved::entry);
  }
  // What only one side changed is merged in the form; the fields both changed are drawn to settle.
  const Document& shown = r.form ? *r.form : edit.doc;
  const std::int64_t base = r.form ? r.form_revision : edit.base_revision;
  const int status = r.conflict && r.errors.empty() ? 409 : 422;
  if (r.merge.to_settle())
    return render_edit(ctx, *r.entry, shown, base, r.errors, true, status, *edit.territories, false,
                       entry_conflicts(ctx, r, edit.merge));
  return render_edit(ctx, *r.entry, shown, base, r.errors, r.conflict, status, *edit.territories);
}

}  // namespace fabrique::observatoire::pages
