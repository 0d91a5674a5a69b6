// The date poll's page and its forms: each reads the form, calls one use case, then redirects or
// re-renders with errors.
#include "common/numbers.hpp"
#include "events/date_poll.hpp"
#include "events/store.hpp"
#include "events/templates/date_poll.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/view_models.hpp"
#include "views/layout.hpp"

namespace fabrique::events {

using i18n::N_;

std::string slot_when(const i18n::Translator& t, const PollSlot& s) {
  Event e;
  e.starts_at = s.starts_at;
  e.ends_at = s.ends_at;
  return when(t, e);
}

namespace {
const char* answer_msgid(PollAnswer a) {
  return a == PollAnswer::yes ? N_("Yes") : a == PollAnswer::maybe ? N_("If need be") : N_("No");
}
}  // namespace

std::string answer_label(const i18n::Translator& t, const std::map<std::int64_t, PollAnswer>& answers,
                         std::int64_t slot_id) {
  auto it = answers.find(slot_id);
  return it == answers.end() ? std::string("—") : t.tr(answer_msgid(it->second));
}

std::vector<std::pair<std::string, std::string>> answer_choices(const i18n::Translator& t) {
  std::vector<std::pair<std::string, std::string>> out;
  for (PollAnswer a : {PollAnswer::yes, PollAnswer::maybe, PollAnswer::no})
    out.emplace_back(std::string(poll_answer_slug(a)), t.tr(answer_msgid(a)));
  return out;
}

bool answered(const std::map<std::int64_t, PollAnswer>& mine, std::int64_t slot_id, std::string_view value) {
  auto it = mine.find(slot_id);
  return it != mine.end() && poll_answer_slug(it->second) == value;
}

namespace pages {
namespace {

// The answers of the form: creneau-ID=yes|maybe|no (ID digits).
std::map<std::int64_t, std::string> answers_of(const http::Context& ctx, const DatePoll& poll) {
  std::map<std::int64_t, std::string> out;
  for (const auto& s : poll.slots) {
    const std::string name = "creneau-" + std::to_string(s.id);
    if (ctx.form.has(name)) out[s.id] = ctx.form.get(name);
  }
  return out;
}

http::Response render_poll(http::Context& ctx, const FieldErrors& errors, int status) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  DatePollPage page{.event = *e, .poll = load_date_poll(ctx.db, *e)};
  page.organiser = can_organise(ctx.db, ctx.actor(), *e);
  page.may_answer = may_answer_poll(ctx.db, *ctx.user, *e, ctx.now);
  // Who answered what is for those taking part; anyone else signed in sees the counts.
  if (!page.organiser && !page.may_answer) page.poll.respondents.clear();
  for (const auto& p : page.poll.respondents)
    if (p.user_id == ctx.user->id) page.mine = p.answers;
  if (status != 200 && ctx.request.path == urls::answer_poll(e->slug)) {
    page.mine.clear();
    for (const auto& [id, value] : answers_of(ctx, page.poll))
      if (auto a = poll_answer(value)) page.mine[id] = *a;
  }
  page.errors = errors;
  page.typed_starts = ctx.form.get("poll_starts");
  page.typed_ends = ctx.form.get("poll_ends");
  if (status == 200) page.done = ctx.query.get("fait");
  return views::page(ctx, status, ctx.tr(N_("Choosing the date")) + " — " + e->title,
                     html::render(*ctx.t, templates::DatePollView{.page = page, .csrf = ctx.csrf_token()}));
}

http::Response back(const http::Context& ctx, const char* done) {
  return http::Response::redirect(urls::date_poll(ctx.param("slug")) + "?fait=" + done);
}

}  // namespace

http::Response date_poll(http::Context& ctx) { return render_poll(ctx, {}, 200); }

http::Response add_date_poll_slot(http::Context& ctx) {
  auto errors = add_poll_slot(ctx.db, *ctx.user, ctx.param("slug"), ctx.form.get("poll_starts"),
                              ctx.form.get("poll_ends"), ctx.now);
  if (!errors.empty()) return render_poll(ctx, errors, 422);
  return back(ctx, "creneau");
}

http::Response remove_date_poll_slot(http::Context& ctx) {
  remove_poll_slot(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"));
  return back(ctx, "creneau-retire");
}

http::Response answer_date_poll(http::Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  auto errors =
      events::answer_date_poll(ctx.db, *ctx.user, e->slug, answers_of(ctx, load_date_poll(ctx.db, *e)), ctx.now);
  if (!errors.empty()) return render_poll(ctx, errors, 422);
  return back(ctx, "reponses");
}

http::Response choose_date(http::Context& ctx) {
  const auto slot = numbers::whole(ctx.form.get("creneau"), 1, numbers::kMaxId);
  auto errors = events::choose_date(ctx.db, *ctx.user, ctx.param("slug"), slot.value_or(0), ctx.now);
  if (!errors.empty()) return render_poll(ctx, errors, 422);
  return back(ctx, "choix");
}

}  // namespace pages
}  // namespace fabrique::events
