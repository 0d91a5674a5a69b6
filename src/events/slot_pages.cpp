// The edit form of one programme slot (times, title, kind, speakers, coalition), for the event's
// organisers, with its refusals (422) and the page shown when someone saved the slot meanwhile (409).
#include "common/numbers.hpp"
#include "events/loaders.hpp"
#include "events/pages.hpp"
#include "events/store.hpp"
#include "events/templates/slot_form.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "events/views.hpp"
#include "i18n/i18n.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/saved.hpp"

namespace fabrique::events::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

const char* const kRefusal = N_("Only the organisers of this event can change its programme.");

// `saved` is the slot as it is in the database; `in` what the form shows (the saved slot, or what the
// organiser typed when it was refused). `conflict`: someone else saved the slot since the form was opened.
Response render_slot_form(Context& ctx, const Event& e, const Slot& saved, const SlotInput& in,
                          const FieldErrors& errors, bool conflict, int status) {
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Edit the slot “{}”"))), saved.title);
  return fv::page(ctx, status, title,
                  html::render(*ctx.t, templates::SlotForm{.e = e,
                                                           .saved = saved,
                                                           .in = in,
                                                           .choices = load_slot_choices(ctx, in),
                                                           .errors = errors,
                                                           .conflict = conflict,
                                                           .title = title,
                                                           .csrf = ctx.csrf_token()}));
}

}  // namespace

Response edit_slot_form(Context& ctx) {
  Event e = event_to_organise(ctx.db, *ctx.user, ctx.param("slug"), kRefusal);
  auto s = store::slot(ctx.db, e.id, ctx.param_int("id"));
  if (!s) throw NotFound();
  return render_slot_form(ctx, e, *s, views::slot_input(*s), {}, false, 200);
}

Response edit_slot(Context& ctx) {
  auto sent_version = numbers::whole(ctx.form.get("version"), 0, numbers::kMaxId);
  if (!sent_version) return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  const std::int64_t version = *sent_version;
  SlotInput in = views::slot_input(ctx);
  auto picker_errors = slot_picker_errors(ctx);
  if (slot_picker_searched(ctx) || !picker_errors.empty()) {
    // A picker searched: the form again, nothing saved; or two coalitions chosen, refused.
    Event e = event_to_organise(ctx.db, *ctx.user, ctx.param("slug"), kRefusal);
    auto s = store::slot(ctx.db, e.id, ctx.param_int("id"));
    if (!s) throw NotFound();
    s->version = version;  // the form stays the one opened, so that a save meanwhile is still caught
    return render_slot_form(ctx, e, *s, in, picker_errors, false, picker_errors.empty() ? 200 : 422);
  }
  auto r = events::edit_slot(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), in, version, ctx.now);
  if (!r.errors.empty() || r.conflict) {
    Event e = event_to_organise(ctx.db, *ctx.user, ctx.param("slug"), kRefusal);
    auto saved = r.current ? r.current : store::slot(ctx.db, e.id, ctx.param_int("id"));
    if (!saved) throw NotFound();
    return render_slot_form(ctx, e, *saved, in, r.errors, r.conflict, r.conflict ? 409 : 422);
  }
  return fv::redirect_saved(urls::programme(ctx.param("slug")), fv::Saved::slot);
}

}  // namespace fabrique::events::pages
