// The newsletters' pages: each reads the form or the address, calls one use case or loader, then
// redirects or renders.
#include "newsletters/pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/picker.hpp"
#include "common/numbers.hpp"
#include "commons/views.hpp"
#include "events/picker.hpp"
#include "events/store.hpp"
#include "events/urls.hpp"
#include "journal/store.hpp"
#include "journal/urls.hpp"
#include "newsletters/store.hpp"
#include "newsletters/templates/newsletters.hpp"
#include "newsletters/urls.hpp"
#include "newsletters/use_cases.hpp"
#include "newsletters/view_models.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"

namespace fabrique::newsletters::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

constexpr const char* kOnlyAnimateurs = N_("Only the animateurs send newsletters.");

NewsletterInput input_from(const Context& ctx) {
  NewsletterInput in;
  in.subject = ctx.form.get("subject");
  in.introduction = ctx.form.get("introduction");
  in.content = ctx.form.get("content");
  in.post = ctx.form.get("post");
  in.posts = ctx.form.all("posts");
  in.weeks = ctx.form.get("weeks");
  in.events = ctx.form.all("events");
  in.audience = ctx.form.get("audience");
  in.coalitions = ctx.form.all("coalitions");
  return in;
}

// "Only these events": the events a digest may name, upcoming within kMaxWeeks and not cancelled.
// Hundreds at a large programme's size: those the form ticked are read by their slugs, and the whole
// window only when the picker's words are searched.
fv::Picker events_picker(Context& ctx, const std::vector<std::string>& typed) {
  const std::vector<std::string> keys = fv::picked(typed);
  auto upcoming = [&](const std::vector<std::string>& slugs) {
    std::vector<fv::Choice> out;
    for (auto& e : store::upcoming_events(ctx.db, ctx.now, ctx.now + std::chrono::weeks(kMaxWeeks), slugs))
      out.push_back({.key = std::move(e.slug), .label = std::move(e.title), .detail = ctx.t->datetime(e.starts_at)});
    return out;
  };
  const fv::PickerWords words =
      events::picker_words(N_("Only these events"), N_("None ticked: every event of those weeks."));
  return fv::picker(fv::picker_names("events"), words,
                    keys.empty() ? std::vector<fv::Choice>{} : fv::named(upcoming(keys), keys),
                    ctx.form.get("events_q"),
                    [&](const std::string& w, std::size_t limit) { return fv::matching(upcoming({}), w, limit); });
}

// The form as typed, with what it offers and whom it reaches now.
ComposePage load_compose(Context& ctx, const NewsletterInput& typed) {
  ComposePage page;
  page.typed = typed;
  journal::store::PostFilter f;
  f.now = ctx.now;
  f.limit = static_cast<std::int64_t>(kRecentPosts);
  for (const auto& p : journal::store::posts(ctx.db, f)) {
    const std::string when = ctx.t->date(*p.published_at);
    page.posts.push_back({.key = p.slug, .label = p.title, .detail = when});
    page.post_options.push_back({p.slug, p.title + " (" + when + ")"});
  }
  page.events = events_picker(ctx, typed.events);
  for (int w : {2, 4, 8, kMaxWeeks})
    page.weeks.push_back({std::to_string(w), fmt::format(fmt::runtime(ctx.tr(N_("The next {} weeks"))), w)});
  page.coalitions = coalitions::picker_of(*coalitions::choices(ctx.db), "coalitions", N_("Coalitions followed"),
                                          typed.coalitions, ctx.form.get("coalitions_q"));
  page.reach = prepare_newsletter(ctx.db, *ctx.user, typed, ctx.now, true).reach;
  return page;
}

Response render_compose(Context& ctx, ComposePage page, int status) {
  return fv::page(ctx, status, ctx.tr(N_("Send a newsletter")),
                  html::render(*ctx.t, templates::Compose{.page = page, .csrf = ctx.csrf_token()}));
}

boost::json::object letter_object(const Context& ctx, const Newsletter& n, bool items_in_full) {
  boost::json::array coalitions, items;
  for (const auto& k : n.coalitions) coalitions.push_back(boost::json::value(k.slug));
  for (const auto& i : n.items) {
    const bool post = i.kind == Item::Kind::post;
    boost::json::object o{{"kind", post ? "post" : "event"},
                          {"title", i.title},
                          {"url", ctx.base_url + (post ? journal::urls::post(i.slug) : events::urls::event(i.slug))},
                          {post ? "published_at" : "starts_at", coalitions::json::iso(i.at)}};
    if (items_in_full) {
      if (post) o["summary"] = i.summary;
      if (post && !i.body.empty()) o["body"] = i.body;
      if (!post) o["place"] = i.place;
    }
    items.push_back(std::move(o));
  }
  boost::json::object out{
      {"id", n.id},
      {"url", ctx.base_url + urls::letter(n.id)},
      {"subject", n.subject},
      {"sent_at", coalitions::json::iso(n.sent_at)},
      {"sender", n.sender_name.empty() ? boost::json::value(nullptr) : boost::json::value(n.sender_name)},
      {"recipients", n.recipients},
      {"audience", n.audience == Audience::members ? "members" : "followers"},
      {"coalitions", std::move(coalitions)},
      {"content", n.content == Content::post ? "post" : "digest"},
      {"items", std::move(items)}};
  if (items_in_full) out["introduction"] = n.introduction;
  return out;
}

Newsletter found(Context& ctx) {
  auto n = store::by_id(ctx.db, ctx.param_int("id"));
  if (!n) throw NotFound();
  return *n;
}

}  // namespace

Response letters(Context& ctx) {
  LettersPage page;
  page.can_send = can_send(ctx.actor());
  page.total = store::count(ctx.db);
  const fv::PageOf shown = fv::page_of(ctx, page.total, kPerPage);
  page.pages = shown.pages;
  page.page = shown.page;
  page.letters = store::sent(ctx.db, shown.limit, shown.offset);
  return fv::page(ctx, ctx.tr(N_("Newsletters")), html::render(*ctx.t, templates::Letters{page}));
}

Response letters_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  boost::json::array items;
  for (const auto& n : store::sent(ctx.db, paging->per_page, paging->offset()))
    items.push_back(letter_object(ctx, n, false));
  return coalitions::json::page(ctx, "newsletters", std::move(items), store::count(ctx.db), *paging);
}

Response letter(Context& ctx) {
  LetterPage page{.letter = found(ctx), .just_sent = ctx.signed_in() && ctx.query.get("fait") == "envoi"};
  return fv::page(ctx, page.letter.subject, html::render(*ctx.t, templates::Letter{page}));
}

Response letter_json(Context& ctx) { return coalitions::json::response(ctx, letter_object(ctx, found(ctx), true)); }

Response compose(Context& ctx) {
  if (!can_send(ctx.actor())) return fv::forbidden(ctx, kOnlyAnimateurs);
  return render_compose(ctx, load_compose(ctx, {}), 200);
}

Response send(Context& ctx) {
  if (!can_send(ctx.actor())) return fv::forbidden(ctx, kOnlyAnimateurs);
  const NewsletterInput in = input_from(ctx);
  const std::string& action = ctx.form.get("action");
  if (action == "test") {
    auto r = send_test(ctx.db, *ctx.user, in, ctx.now);
    ComposePage page = load_compose(ctx, in);
    page.errors = r.errors;
    page.tested_to = r.to;
    return render_compose(ctx, std::move(page), r.errors.empty() ? 200 : 422);
  }
  if (action != "send" || !ctx.form.get("coalitions_q").empty() || !ctx.form.get("events_q").empty())
    return render_compose(ctx, load_compose(ctx, in), 200);  // counted again, or a picker searched
  if (ctx.form.get("confirmed") != "1") {
    // The confirmation, with the count, before anything is sent.
    Prepared p = prepare_newsletter(ctx.db, *ctx.user, in, ctx.now, true);
    refuse_if_nobody(p);
    ComposePage page = load_compose(ctx, in);
    if (!p.errors.empty()) {
      page.errors = p.errors;
      return render_compose(ctx, std::move(page), 422);
    }
    page.letter = std::move(p.letter);
    page.reach = p.reach;
    return fv::page(ctx, ctx.tr(N_("Send this newsletter?")),
                    html::render(*ctx.t, templates::Confirm{.page = page, .csrf = ctx.csrf_token()}));
  }
  auto r = send_newsletter(ctx.db, *ctx.user, in, ctx.now);
  if (!r.errors.empty()) {
    ComposePage page = load_compose(ctx, in);
    page.errors = r.errors;
    return render_compose(ctx, std::move(page), 422);
  }
  return Response::redirect(urls::letter_sent(r.id));
}

}  // namespace fabrique::newsletters::pages
