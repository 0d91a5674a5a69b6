// The journal's pages: the filtered list, a post, the form writing, previewing and editing one, and
// the same as JSON and Atom.
#include "journal/pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "coalitions/filter.hpp"
#include "coalitions/json.hpp"
#include "coalitions/picker.hpp"
#include "common/numbers.hpp"
#include "commons/store.hpp"
#include "commons/views.hpp"
#include "datasets/picker.hpp"
#include "events/groups.hpp"
#include "events/picker.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "i18n/i18n.hpp"
#include "journal/store.hpp"
#include "journal/templates/journal.hpp"
#include "journal/urls.hpp"
#include "journal/use_cases.hpp"
#include "journal/view_models.hpp"
#include "opendata/atom.hpp"
#include "search/search.hpp"
#include "territories/placing.hpp"
#include "text/markdown.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"
#include "views/revisions.hpp"
#include "views/saved.hpp"

namespace fabrique::journal::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

constexpr int kFirstYear = 2019;  // the programme's first year

std::string kind_label(const Context& ctx, std::string_view slug) {
  const Choice* k = kind(slug);
  return k ? ctx.tr(k->label) : std::string(slug);
}

std::vector<fv::Option> kind_options(const Context& ctx) {
  std::vector<fv::Option> out;
  for (const auto& k : kKinds) out.push_back({k.slug, ctx.tr(k.label)});
  return out;
}

int year_of(sys_seconds t) {
  return static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(t)).year());
}

struct Filters {
  std::string kind, year;
  coalitions::ListFilter coalition;
  territories::ListFilter territory;
  store::PostFilter filter;
};

// The filters of the query string; unknown values are dropped, words naming no coalition or no
// territory match nothing. `drafts`: those the person may edit are listed too.
Filters filters(Context& ctx, bool drafts) {
  Filters f;
  f.filter.now = ctx.now;
  f.kind = ctx.query.get("type");
  if (kind(f.kind))
    f.filter.kind = f.kind;
  else
    f.kind.clear();
  f.coalition = coalitions::list_filter(ctx);
  f.filter.coalition_id = f.coalition.filter_id;
  f.territory = territories::list_filter(ctx);
  f.filter.territory_id = f.territory.territory_id;
  if (!f.territory.words.empty() && !f.territory.territory_id) f.filter.territory_id = -1;  // matches nothing
  f.year = ctx.query.get("annee");
  if (auto y = numbers::whole(f.year, kFirstYear, year_of(ctx.now) + 1)) {
    f.filter.from = events::times::from_paris(static_cast<int>(*y), 1, 1, 0, 0);
    f.filter.until = events::times::from_paris(static_cast<int>(*y) + 1, 1, 1, 0, 0);
  } else {
    f.year.clear();
  }
  if (drafts && ctx.user) {
    f.filter.all_unpublished = ctx.user->is_animateur();
    f.filter.editable_by = ctx.user->id;
  }
  return f;
}

PostLine line_of(Context& ctx, Post p) {
  PostLine line;
  line.kind = kind_label(ctx, p.kind);
  line.summary = text::render_markdown(p.summary, 3);
  line.scheduled = p.status == Status::published && p.published_at && *p.published_at > ctx.now;
  line.post = std::move(p);
  return line;
}

Post visible_post(Context& ctx) {
  auto p = store::post(ctx.db, ctx.param("slug"));
  if (!p || !can_see(ctx.db, ctx.actor(), *p, ctx.now)) throw NotFound();
  return *p;
}

template <class Ref>
boost::json::array slugs_json(const std::vector<Ref>& refs) {
  boost::json::array out;
  for (const auto& r : refs) out.push_back(boost::json::value(r.slug));
  return out;
}

// A post's fields in the JSON documents.
boost::json::object post_object(const Context& ctx, const Post& p) {
  return {
      {"slug", p.slug},
      {"title", p.title},
      {"url", ctx.base_url + urls::post(p.slug)},
      {"kind", p.kind},
      {"link", p.link},
      {"summary", p.summary},
      {"body", p.body},
      {"coalitions", slugs_json(p.links.coalitions)},
      {"events", slugs_json(p.links.events)},
      {"datasets", slugs_json(p.links.datasets)},
      {"resources", slugs_json(p.links.resources)},
      {"territories", territories::places_json(ctx, p.links.places)},
      {"published_at",
       p.published_at ? boost::json::value(coalitions::json::iso(*p.published_at)) : boost::json::value(nullptr)},
      {"updated_at", coalitions::json::iso(p.updated_at)},
  };
}

// --- The form

PostInput input_from(const Context& ctx) {
  PostInput in;
  in.title = ctx.form.get("title");
  in.kind = ctx.form.get("kind");
  in.link = ctx.form.get("link");
  in.summary = ctx.form.get("summary");
  in.body = ctx.form.get("body");
  in.coalitions = ctx.form.all("coalitions");
  in.events = ctx.form.all("events");
  in.datasets = ctx.form.all("datasets");
  in.resources = ctx.form.all("resources");
  in.territories = territories::picked_keys(ctx);
  in.publish_on = ctx.form.get("publish_on");
  in.publish = ctx.form.get("action") == "publier";
  in.base_revision = commons::views::integer_field(ctx.form.get("base_revision"), -1);
  return in;
}

PostInput input_of(const Post& p) {
  PostInput in;
  in.title = p.title;
  in.kind = p.kind;
  in.link = p.link;
  in.summary = p.summary;
  in.body = p.body;
  for (const auto& k : p.links.coalitions) in.coalitions.push_back(k.slug);
  for (const auto& e : p.links.events) in.events.push_back(e.slug);
  for (const auto& d : p.links.datasets) in.datasets.push_back(d.slug);
  for (const auto& r : p.links.resources) in.resources.push_back(r.slug);
  in.territories = territories::keys_of(p.links.places);
  if (p.published_at) in.publish_on = events::times::date_value(*p.published_at);
  in.base_revision = p.revision;
  return in;
}

const char* field_label(std::string_view name) {
  if (name == "title") return N_("Title");
  if (name == "kind") return N_("Kind");
  if (name == "link") return N_("Link to the podcast or video");
  if (name == "coalitions") return N_("Coalitions");
  if (name == "summary") return N_("Summary");
  return N_("Text");
}

// A picker of the form searched: the form comes back with what matches, nothing saved.
bool picker_searched(const Context& ctx) {
  for (const char* name : {"coalitions_q", "events_q", "datasets_q", "resources_q"})
    if (!ctx.form.get(name).empty()) return true;
  return territories::picker_searched(ctx);
}

// The library's published resources to attach: far too many to keep a list of in memory (200,000 in
// the large programme, 50 MB as a memo), so the chosen ones are read by their slugs and a search asks
// the site's search for published resources (anonymous viewer: no draft).
fv::Picker resource_picker(Context& ctx, const std::vector<std::string>& keys) {
  std::vector<fv::Choice> chosen;
  for (auto& r : store::named(ctx.db, store::Linked::resource, keys))
    chosen.push_back({.key = std::move(r.slug), .label = std::move(r.title)});
  const fv::PickerWords words{.legend = N_("Attachments from the library"),
                              .add = N_("Attach a resource"),
                              .hint = N_("A few letters of its title (slides, a report…); the form comes back with "
                                         "the resources that match, nothing is saved until you save."),
                              .button = N_("Search resources"),
                              .none = N_("No resource attached yet.")};
  return fv::picker(fv::picker_names("resources"), words, std::move(chosen), ctx.form.get("resources_q"),
                    [&](const std::string& typed, std::size_t limit) {
                      std::vector<fv::Choice> out;
                      const search::Query q{.text = typed, .type = "resource", .page = 1, .now = ctx.now};
                      for (auto& hit : search::find(ctx.db, search::Viewer{.now = ctx.now}, q).hits)
                        if (out.size() < limit)
                          out.push_back({.key = std::move(hit.ref), .label = std::move(hit.title)});
                      return out;
                    });
}

struct FormState {
  bool preview = false;
  bool conflict = false;
  std::vector<std::string> conflicts;
};

Response form_page(Context& ctx, std::string title, std::string action, const PostInput& in,
                   std::optional<std::int64_t> base_revision, const FieldErrors& errors, int status,
                   const FormState& state = {}) {
  PostForm form{.title = title,
                .action = std::move(action),
                .base_revision = base_revision,
                .conflict = state.conflict,
                .conflicts = {},
                .post_title = in.title,
                .kind = in.kind,
                .link = in.link,
                .summary = in.summary,
                .body = in.body,
                .publish_on = in.publish_on,
                .kinds = kind_options(ctx),
                .coalitions = coalitions::picker_of(*coalitions::choices(ctx.db), "coalitions", N_("Coalitions"),
                                                    in.coalitions, ctx.form.get("coalitions_q")),
                .events = events::picker_of(*events::choices(ctx.db, *ctx.t), "events", N_("Events"), in.events,
                                            ctx.form.get("events_q")),
                .places = territories::form_picker(ctx, in.territories),
                .datasets = fv::picker_over(*datasets::choices(ctx.db), fv::picker_names("datasets"),
                                            {.legend = N_("Datasets"),
                                             .add = N_("Add a dataset"),
                                             .hint = N_("A few letters of its title; the form comes back with the "
                                                        "datasets that match, nothing is saved until you save."),
                                             .button = N_("Search datasets"),
                                             .none = N_("No dataset chosen yet.")},
                                            in.datasets, ctx.form.get("datasets_q")),
                .resources = resource_picker(ctx, in.resources),
                .preview = std::nullopt,
                .back = urls::journal()};
  for (const auto& name : state.conflicts) form.conflicts.push_back(ctx.tr(field_label(name)));
  if (state.preview) {
    std::string shown = in.summary + "\n\n" + in.body;
    form.preview = text::render_markdown(shown, 3);
  }
  return fv::page(
      ctx, status, title,
      html::render(*ctx.t, templates::PostFormView{.form = form, .errors = errors, .csrf = ctx.csrf_token()}));
}

// A "Retour sur" the event, as the form starts it: the event and its coalitions linked, and the
// minutes' decisions and next steps listed in the text, to be told around.
PostInput retour_sur(Context& ctx, const events::Event& e) {
  PostInput in;
  in.kind = "retour-sur";
  in.title = fmt::format(fmt::runtime(ctx.tr(N_("Retour sur {}"))), e.title);
  in.events = {e.slug};
  for (const auto& k : e.coalitions) in.coalitions.push_back(k.slug);
  std::string decisions, next_steps;
  for (const auto& i : events::store::items(ctx.db, e.id)) {
    if (i.group_id) continue;  // a breakout group's notes: under their group below
    if (i.kind == events::ItemKind::decision) {
      decisions += "- " + i.body + "\n";
    } else if (i.kind == events::ItemKind::next_step) {
      next_steps += "- " + i.body;
      const std::string who = i.assignee_name.empty() ? i.asked_by : i.assignee_name;
      if (!who.empty()) next_steps += " (" + who + ")";
      if (i.due_at) next_steps += " — " + fmt::format(fmt::runtime(ctx.tr(N_("by {}"))), ctx.t->date(*i.due_at));
      next_steps += "\n";
    }
  }
  if (!decisions.empty()) in.body += "## " + ctx.tr(N_("Decisions")) + "\n\n" + decisions + "\n";
  if (!next_steps.empty()) in.body += "## " + ctx.tr(N_("Next steps")) + "\n\n" + next_steps;
  // The breakout groups, each with its topic, who facilitated it (their public name), how many took
  // part, and its notes by kind.
  const auto groups = events::store::groups_with_notes(ctx.db, e.id);
  if (!groups.empty())
    in.body += std::string(in.body.empty() ? "" : "\n") + "## " + ctx.tr(N_("Breakout groups")) + "\n";
  for (const auto& g : groups) {
    in.body += "\n### " + g.topic + "\n\n" + events::group_people(*ctx.t, g, false) + "\n\n";
    for (const auto& i : g.notes) {
      const char* kind = i.kind == events::ItemKind::question ? N_("Question")
                         : i.kind == events::ItemKind::idea   ? N_("Idea")
                                                              : N_("Next step");
      in.body += "- " + ctx.tr(kind) + " — " + i.body + "\n";
    }
  }
  return in;
}

}  // namespace

Response journal(Context& ctx) {
  JournalPage page;
  Filters f = filters(ctx, true);
  page.can_write = can_write(ctx.db, ctx.actor());
  page.kind = f.kind;
  page.coalition = f.coalition;
  page.year = f.year;
  page.territory = f.territory;
  page.kinds = kind_options(ctx);
  for (int y = year_of(ctx.now); y >= kFirstYear; --y) page.years.push_back({std::to_string(y), std::to_string(y)});
  page.total = store::count_posts(ctx.db, f.filter);
  const fv::PageOf shown = fv::page_of(ctx, page.total, kPerPage);
  page.pages = shown.pages;
  page.page = shown.page;
  f.filter.limit = shown.limit;
  f.filter.offset = shown.offset;
  auto posts = store::posts(ctx.db, f.filter);
  store::load_links(ctx.db, posts);
  for (auto& p : posts) page.posts.push_back(line_of(ctx, std::move(p)));
  page.pager_base = urls::journal() + "?type=" + f.kind + coalitions::filter_param(f.coalition) + "&annee=" + f.year +
                    territories::filter_param(f.territory) + "&page=";
  ctx.feeds.push_back({ctx.tr(N_("Journal (Atom feed)")), urls::journal_feed()});
  return fv::page(ctx, ctx.tr(N_("Journal")), html::render(*ctx.t, templates::Journal{page}));
}

Response journal_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  Filters f = filters(ctx, false);  // the API lists what is published
  const std::int64_t total = store::count_posts(ctx.db, f.filter);
  f.filter.limit = paging->per_page;
  f.filter.offset = paging->offset();
  boost::json::array items;
  auto posts = store::posts(ctx.db, f.filter);
  store::load_links(ctx.db, posts);
  for (const auto& p : posts) items.push_back(post_object(ctx, p));
  return coalitions::json::page(ctx, "posts", std::move(items), total, *paging);
}

namespace {

Response feed_of(Context& ctx, const std::string& title, const std::string& alternate, const std::string& self,
                 std::optional<std::int64_t> coalition_id) {
  store::PostFilter f;
  f.now = ctx.now;
  f.coalition_id = coalition_id;
  f.limit = 50;
  auto posts = store::posts(ctx.db, f);
  opendata::atom::Feed feed{
      .id = ctx.base_url + alternate,
      .title = title,
      .alternate = ctx.base_url + alternate,
      .self = ctx.base_url + self,
      .licence = ctx.options.data_licence,
      .updated = posts.empty() ? ctx.now : std::max(*posts.front().published_at, posts.front().updated_at)};
  for (const auto& p : posts) {
    const std::string link = ctx.base_url + urls::post(p.slug);
    feed.entries.push_back({.id = link,
                            .title = p.title,
                            .link = link,
                            .updated = std::max(*p.published_at, p.updated_at),
                            .summary = p.summary,
                            .category = p.kind});
  }
  return opendata::atom::response(feed);
}

}  // namespace

Response journal_atom(Context& ctx) {
  return feed_of(ctx, ctx.tr(N_("Journal")), urls::journal(), urls::journal_feed(), std::nullopt);
}

Response coalition_atom(Context& ctx) {
  const std::string slug = ctx.param("slug");
  const auto named = commons::store::coalitions_with_slugs(ctx.db, {slug});
  if (named.empty()) throw NotFound();
  return feed_of(ctx, ctx.tr(N_("Journal")) + " — " + commons::coalition_title(named.front()),
                 urls::journal() + "?coalition=" + slug, urls::coalition_feed(slug), named.front().id);
}

Response new_post(Context& ctx) {
  if (!can_write(ctx.db, ctx.actor()))
    return fv::forbidden(ctx, N_("Only the animateurs and the co-porteurs of a coalition write in the journal."));
  PostInput in;
  if (!ctx.query.get("coalition").empty()) in.coalitions = {ctx.query.get("coalition")};
  if (auto e = events::store::by_slug(ctx.db, ctx.query.get("evenement"))) in = retour_sur(ctx, *e);
  return form_page(ctx, ctx.tr(N_("Write a post")), urls::new_post(), in, std::nullopt, {}, 200);
}

Response create_post(Context& ctx) {
  PostInput in = input_from(ctx);
  if (ctx.form.get("action") == "apercu") {
    // Shown as it will read; nothing is written.
    if (!can_write(ctx.db, ctx.actor()))
      return fv::forbidden(ctx, N_("Only the animateurs and the co-porteurs of a coalition write in the journal."));
    return form_page(ctx, ctx.tr(N_("Write a post")), urls::new_post(), in, std::nullopt, {}, 200, {.preview = true});
  }
  if (picker_searched(ctx)) {
    if (!can_write(ctx.db, ctx.actor()))
      return fv::forbidden(ctx, N_("Only the animateurs and the co-porteurs of a coalition write in the journal."));
    return form_page(ctx, ctx.tr(N_("Write a post")), urls::new_post(), in, std::nullopt, {}, 200);
  }
  auto result = write_post(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty())
    return form_page(ctx, ctx.tr(N_("Write a post")), urls::new_post(), in, std::nullopt, result.errors, 422);
  return fv::redirect_saved(urls::post(result.post->slug), fv::Saved::post);
}

Response post(Context& ctx) {
  Post p = visible_post(ctx);
  PostPage page;
  page.can_edit = can_edit(ctx.db, ctx.actor(), p);
  page.body = text::render_markdown(p.body);
  if (page.can_edit)
    page.history = commons::views::history(urls::post(p.slug), store::revisions(ctx.db, p.id), p.revision, false);
  if (auto n = numbers::whole(ctx.query.get("fusion"), 1, p.revision); n && ctx.user) page.merged_with = *n;
  page.line = line_of(ctx, std::move(p));
  for (const auto& k : page.line.post.links.coalitions)
    ctx.feeds.push_back({ctx.tr(N_("Journal of the coalition (Atom feed)")) + " — " + commons::coalition_title(k),
                         urls::coalition_feed(k.slug)});
  Response r = fv::page(ctx, page.line.post.title, html::render(*ctx.t, templates::PostView{.page = page, .csrf = ""}));
  return r;
}

Response post_json(Context& ctx) {
  Post p = visible_post(ctx);
  boost::json::object out = post_object(ctx, p);
  out["status"] = p.visible_at(ctx.now) ? "published" : (p.status == Status::published ? "scheduled" : "draft");
  out["revision"] = p.revision;
  Response r = coalitions::json::response(ctx, std::move(out));
  // A draft or a scheduled post is seen only by those who may edit it: never open data, never cached.
  if (!p.visible_at(ctx.now)) r.set_header("Cache-Control", "private, no-store");
  return r;
}

Response edit_post(Context& ctx) {
  Post p = visible_post(ctx);
  if (!can_edit(ctx.db, ctx.actor(), p))
    return fv::forbidden(ctx, N_("Only the animateurs and the co-porteurs of its coalition can edit this post."));
  return form_page(ctx, fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), p.title), urls::edit_post(p.slug), input_of(p),
                   p.revision, {}, 200);
}

Response update_post(Context& ctx) {
  Post p = visible_post(ctx);
  PostInput in = input_from(ctx);
  const std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), p.title);
  if (ctx.form.get("action") == "apercu") {
    if (!can_edit(ctx.db, ctx.actor(), p))
      return fv::forbidden(ctx, N_("Only the animateurs and the co-porteurs of its coalition can edit this post."));
    return form_page(ctx, title, urls::edit_post(p.slug), in, in.base_revision, {}, 200, {.preview = true});
  }
  if (picker_searched(ctx)) {
    if (!can_edit(ctx.db, ctx.actor(), p))
      return fv::forbidden(ctx, N_("Only the animateurs and the co-porteurs of its coalition can edit this post."));
    return form_page(ctx, title, urls::edit_post(p.slug), in, in.base_revision, {}, 200);
  }
  auto result = journal::update_post(ctx.db, *ctx.user, p.slug, in, ctx.now);
  if (result.conflict) {
    // The form now starts from the revision in force; the person's text is kept to compare.
    auto now = store::post(ctx.db, p.slug);
    return form_page(ctx, title, urls::edit_post(p.slug), in, now ? now->revision : p.revision, {}, 409,
                     {.conflict = true, .conflicts = result.conflicts});
  }
  if (!result.errors.empty())
    return form_page(ctx, title, urls::edit_post(p.slug), in, in.base_revision, result.errors, 422);
  if (result.merged_with) return Response::redirect(urls::post_after_merge(p.slug, result.merged_with));
  return fv::redirect_saved(urls::post(p.slug), fv::Saved::post);
}

Response compare_post(Context& ctx) {
  Post p = visible_post(ctx);
  if (!can_edit(ctx.db, ctx.actor(), p)) throw NotFound();  // the history is the writers'
  const std::string base = urls::post(p.slug);
  const std::int64_t from = commons::views::integer_field(ctx.query.get("de"), -1),
                     to = commons::views::integer_field(ctx.query.get("a"), -1);
  auto a = store::revision(ctx.db, p.id, from), b = store::revision(ctx.db, p.id, to);
  if (!a || !b) return commons::views::no_such_revisions(ctx, base);
  std::vector<fv::FieldChange> fields{{ctx.tr(N_("Title")), a->title, b->title},
                                      {ctx.tr(N_("Kind")), kind_label(ctx, a->kind), kind_label(ctx, b->kind)},
                                      {ctx.tr(N_("Link to the podcast or video")), a->link, b->link},
                                      {ctx.tr(N_("Coalitions")), a->coalitions, b->coalitions},
                                      {ctx.tr(N_("Summary")), a->summary, b->summary},
                                      {ctx.tr(N_("Text")), a->body, b->body}};
  return commons::views::compare_page(ctx, base, p.title, from, to, fields);
}

html::Html latest(Context& ctx, const LatestOf& of) {
  store::PostFilter f;
  f.now = ctx.now;
  f.coalition_id = of.coalition_id;
  f.event_id = of.event_id;
  f.limit = kLatest;
  LatestPosts latest{
      .posts = store::posts(ctx.db, f),
      .more = of.coalition_slug.empty() ? urls::journal() : urls::journal() + "?coalition=" + of.coalition_slug,
      .retour_sur = {}};
  if (!of.event_slug.empty() && can_write(ctx.db, ctx.actor())) latest.retour_sur = urls::retour_sur(of.event_slug);
  return html::render(*ctx.t, templates::Latest{latest});
}

}  // namespace fabrique::journal::pages
