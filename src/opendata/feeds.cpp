// The Atom feeds of the programme: everything new (coalitions, stage changes, events, minutes,
// resources, charter versions), and the same news narrowed to one coalition, one organisation (with
// its signatures of the charter) or one event series. Written by the shared Atom writer (atom.cpp), read through
// opendata::store::news.
#include <fmt/format.h>

#include <memory>
#include <vector>

#include "coalitions/model.hpp"
#include "coalitions/store.hpp"
#include "coalitions/urls.hpp"
#include "events/urls.hpp"
#include "i18n/i18n.hpp"
#include "opendata/atom.hpp"
#include "opendata/pages.hpp"
#include "opendata/store.hpp"
#include "organisations/store.hpp"
#include "organisations/urls.hpp"
#include "storage/settings.hpp"
#include "views/layout.hpp"

namespace fabrique::opendata::pages {

using i18n::N_;

namespace {

// Entries per feed: a feed reader polls, it does not harvest (the JSON lists do).
constexpr std::int64_t kEntries = 50;

std::string said(const Context& ctx, const char* message, std::string_view value) {
  return fmt::format(fmt::runtime(ctx.tr(message)), value);
}

// One piece of news as an entry, told in the reader's language.
atom::Entry entry_of(const Context& ctx, const store::News& n) {
  atom::Entry e{.id = ctx.base_url + n.path + "#" + n.kind + "-" + std::to_string(n.ref),
                .link = ctx.base_url + n.path,
                .updated = n.at,
                .category = n.kind};
  if (n.kind == "coalition") {
    e.title = said(ctx, N_("New coalition: {}"), n.title);
  } else if (n.kind == "stage") {
    const auto* s = coalitions::stage(n.detail);
    e.title =
        fmt::format(fmt::runtime(ctx.tr(N_("{} enters the stage “{}”"))), n.title, s ? ctx.tr(s->label) : n.detail);
  } else if (n.kind == "event") {
    e.title = said(ctx, n.detail == "cancelled" ? N_("Event cancelled: {}") : N_("Event: {}"), n.title);
    if (n.when) e.summary = ctx.t->datetime(*n.when);
  } else if (n.kind == "minutes") {
    e.title = said(ctx, N_("Minutes of {}"), n.title);
    if (n.when) e.summary = ctx.t->date(*n.when);
  } else if (n.kind == "resource") {
    e.title = said(ctx, N_("New resource: {}"), n.title);
  } else if (n.kind == "charter_consultation" || n.kind == "charter_adopted") {
    const std::string version = std::to_string(n.ref) + (n.title.empty() ? "" : " (" + n.title + ")");
    e.title = said(
        ctx,
        n.kind == "charter_adopted" ? N_("Charter version {} adopted") : N_("Charter version {} open for consultation"),
        version);
    e.summary = n.detail;
  } else if (n.kind == "charter_signed") {  // in an organisation's feed: the organisation signed it
    e.title = said(ctx, N_("Charter version {} signed"), n.detail + (n.title.empty() ? "" : " (" + n.title + ")"));
  } else if (n.kind == "action") {
    e.title = said(ctx, N_("New action: {}"), n.title);
    e.summary = n.detail;
  } else {
    e.title = n.title;
  }
  return e;
}

// The feed of `scope` (`id` its row), following the page at `page_path`, served at `feed_path`.
Response feed(Context& ctx, store::Scope scope, std::int64_t id, std::string title, const std::string& page_path,
              const std::string& feed_path) {
  atom::Feed f{.id = ctx.base_url + page_path,
               .title = std::move(title),
               .alternate = ctx.base_url + page_path,
               .self = ctx.base_url + feed_path,
               .licence = ctx.options.data_licence,
               .updated = ctx.now};
  // The programme's news, which feed readers poll, shared until one of their tables changes (seven
  // kinds of news, each sorted whole: 44 ms at the bench size).
  using Shared = std::shared_ptr<const std::vector<store::News>>;
  const Shared news = scope == store::Scope::programme
                          ? storage::settings::memo<Shared>(ctx.db, "opendata.programme_news",
                                                            [&] {
                                                              return std::make_shared<const std::vector<store::News>>(
                                                                  store::news(ctx.db, scope, id, kEntries));
                                                            })
                          : std::make_shared<const std::vector<store::News>>(store::news(ctx.db, scope, id, kEntries));
  for (const auto& n : *news) f.entries.push_back(entry_of(ctx, n));
  if (!f.entries.empty()) f.updated = f.entries.front().updated;
  return atom::response(f);
}

}  // namespace

std::string programme_feed() { return "/actualites.atom"; }
std::string organisation_feed(std::string_view slug) { return organisations::urls::feed(slug); }

Response programme_atom(Context& ctx) {
  return feed(ctx, store::Scope::programme, 0, ctx.tr(N_("fabrique: news of the programme")), "/", programme_feed());
}

Response coalition_atom(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return views::not_found(ctx);
  return feed(ctx, store::Scope::coalition, k->id, said(ctx, N_("Coalition {}: news"), k->number + " — " + k->title),
              coalitions::urls::coalition(k->slug), coalitions::urls::feed(k->slug));
}

Response organisation_atom(Context& ctx) {
  auto o = organisations::store::by_slug(ctx.db, ctx.param("slug"));
  if (!o) return views::not_found(ctx);
  return feed(ctx, store::Scope::organisation, o->id, said(ctx, N_("{}: news"), o->name),
              organisations::urls::organisation(o->slug), organisation_feed(o->slug));
}

Response series_atom(Context& ctx) {
  const std::string& slug = ctx.param("slug");
  auto s = store::series_of_event(ctx.db, slug);
  if (!s) return views::not_found(ctx);
  return feed(ctx, store::Scope::series, s->id, said(ctx, N_("Series {}: news"), s->title), events::urls::event(slug),
              events::urls::series_feed(slug));
}

}  // namespace fabrique::opendata::pages
