// The search page: a labelled form that works without JavaScript, facets by type with counts,
// ranked results with their excerpt, and pages. Any query string gives a 200 page.
#include "search/pages.hpp"

#include <boost/json.hpp>
#include <chrono>

#include "coalitions/json.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "search/search.hpp"
#include "search/urls.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"

namespace fabrique::search::pages {

using html::Html;
using html::render;
using i18n::N_;

namespace {

std::string type_label(const http::Context& ctx, const std::string& t) {
  const TypeDef* def = type(t);
  return def ? ctx.tr(def->label) : t;
}

std::string link(std::string_view q, std::string_view t, std::int64_t page) {
  std::string out = urls::search() + "?q=" + html::url_encode(q);
  if (!t.empty()) out += "&type=" + html::url_encode(t);
  if (page > 1) out += "&page=" + std::to_string(page);
  return out;
}

// What the person asks for: the words, the type, the page. Any query string is accepted.
Query query_of(const http::Context& ctx) {
  Query q;
  q.text = ctx.query.get("q");
  if (q.text.size() > kMaxQueryBytes * 4) q.text.resize(kMaxQueryBytes * 4);  // kept in the form, not searched
  q.type = ctx.query.get("type");
  if (q.type.size() > 40) q.type.clear();
  q.page = numbers::whole(ctx.query.get("page"), 1, numbers::kMaxPage).value_or(1);  // absent or not a page: the first
  q.now = ctx.now;
  return q;
}

// Who searches: what they may find depends on it.
Viewer viewer_of(const http::Context& ctx) {
  Viewer viewer;
  viewer.now = ctx.now;
  if (ctx.user) {
    viewer.user_id = ctx.user->id;
    viewer.animateur = ctx.user->is_animateur();
  }
  return viewer;
}

// " — 19 January 2027, and 5 other dates" after a result's kind: when it happens and, for the
// occurrences of a series shown as one, how many others were found.
std::string when(const http::Context& ctx, const Hit& h) {
  if (!h.occurs_at) return {};
  std::string out = " — " + ctx.t->date(*h.occurs_at);
  if (h.others)
    out += fmt::format(
        fmt::runtime(ctx.trn(", and {} other date", ", and {} other dates", static_cast<long>(h.others))), h.others);
  return out;
}

}  // namespace

http::Response search_json(http::Context& ctx) {
  const Query q = query_of(ctx);
  const Results r = find(ctx.db, viewer_of(ctx), q);
  boost::json::object facets;
  for (const auto& [t, n] : r.facets) facets[t] = n;
  boost::json::array results, words;
  for (const auto& w : r.words) words.push_back(boost::json::value(w));
  for (const auto& h : r.hits) {
    boost::json::object o{
        {"type", h.type}, {"title", h.title}, {"url", ctx.base_url + h.url}, {"excerpt_html", h.excerpt.str()}};
    if (h.occurs_at) o["occurs_at"] = coalitions::json::iso(*h.occurs_at);
    if (h.others) o["other_occurrences"] = h.others;
    results.push_back(std::move(o));
  }
  boost::json::object out;
  out["query"] = text::valid_utf8(q.text, false) ? q.text : std::string();
  out["type"] = type(q.type) ? q.type : std::string();
  out["words"] = std::move(words);
  out["total"] = r.total;
  out["matching"] = r.matching;
  out["capped"] = r.capped;
  out["page"] = r.page;
  out["pages"] = r.pages;
  out["facets"] = std::move(facets);
  out["results"] = std::move(results);
  http::Response response = coalitions::json::response(ctx, std::move(out));
  http::open_data::set_paging_links(response, ctx.base_url, ctx.request.path, ctx.request.query, r.page, r.pages);
  return response;
}

http::Response search(http::Context& ctx) {
  // The time this page takes on the server, sent in a Server-Timing header (the search itself, and
  // the whole handler with the rendering) so that the benchmark measures it apart from the network
  // and the client (bench/search.sh).
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  Query q = query_of(ctx);
  Results r = find(ctx.db, viewer_of(ctx), q);
  const auto searched = Clock::now();
  if (!q.type.empty() && !type(q.type)) q.type.clear();

  // Keep only valid UTF-8 in what is shown back (the form field).
  std::string shown;
  for (const auto& [a, b] : words(q.text)) shown += (shown.empty() ? "" : " ") + q.text.substr(a, b - a);
  std::string typed = text::valid_utf8(q.text, false) ? q.text : shown;

  Html form = render(
      R"(<form method="get" action="{}" role="search" class="search-page"><label for="q">{}</label> <input type="search" id="q" name="q" value="{}" maxlength="200">{}<button type="submit">{}</button></form>)",
      urls::search(), ctx.tr(N_("Words to look for")), typed,
      q.type.empty() ? Html() : render(R"(<input type="hidden" name="type" value="{}">)", q.type),
      ctx.tr(N_("Search")));

  Html content;
  if (r.words.empty()) {
    if (!typed.empty() && shown.empty())
      content = render("<p role=\"status\">{}</p>", ctx.tr(N_("Type at least one word of two letters or more.")));
    else if (!typed.empty())
      content = render("<p role=\"status\">{}</p>",
                       ctx.tr(N_("These words are too common to search for. Add a more specific word.")));
    else
      content =
          render("<p>{}</p>", ctx.tr(N_("Search across coalition booklets, events and minutes, resources, the charter, "
                                        "boussole cards and organisations. Accents and plurals do not matter.")));
  } else {
    // Counts of a capped query are lower bounds (see search::kMaxRanked).
    const char* plus = r.capped ? "+" : "";
    Html facets;
    facets += q.type.empty() ? render(R"(<li><a href="{}" aria-current="true">{} ({}{})</a></li>)", link(typed, "", 1),
                                      ctx.tr(N_("All")), r.total, plus)
                             : render(R"(<li><a href="{}">{} ({}{})</a></li>)", link(typed, "", 1), ctx.tr(N_("All")),
                                      r.total, plus);
    for (const auto& [t, n] : r.facets) {
      if (t == q.type)
        facets += render(R"(<li><a href="{}" aria-current="true">{} ({}{})</a></li>)", link(typed, t, 1),
                         type_label(ctx, t), n, plus);
      else
        facets += render(R"(<li><a href="{}">{} ({}{})</a></li>)", link(typed, t, 1), type_label(ctx, t), n, plus);
    }
    Html hits;
    for (const auto& h : r.hits)
      hits += render(R"(<li><h2><a href="{}">{}</a></h2><p class="meta">{}{}</p><p>{}</p></li>)", h.url, h.title_html,
                     type_label(ctx, h.type), when(ctx, h), h.excerpt);
    Html pager = views::pager(ctx, link(typed, q.type, 1) + "&page=", r.page, r.pages);
    content = render(
        R"(<p role="status">{}</p>{}{}{})",
        r.capped
            ? fmt::format(fmt::runtime(ctx.tr(N_("More than {} results, the most recent {} ranked by relevance"))),
                          r.matching, kMaxRanked)
            : fmt::format(fmt::runtime(ctx.trn("{} result", "{} results", static_cast<long>(r.matching))), r.matching),
        r.total > 0
            ? render(R"(<nav aria-label="{}"><ul class="facets">{}</ul></nav>)", ctx.tr(N_("Kinds of result")), facets)
            : Html(),
        r.hits.empty() ? render("<p>{}</p>", ctx.tr(N_("Nothing matches all these words. Try fewer or other words.")))
                       : render(R"(<ol class="results">{}</ol>)", hits),
        pager);
  }
  std::string title = typed.empty() ? ctx.tr(N_("Search")) : fmt::format(fmt::runtime(ctx.tr(N_("Search: {}"))), typed);
  http::Response response = views::page(ctx, title, render("<h1>{}</h1>{}{}", ctx.tr(N_("Search")), form, content));
  const auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  response.set_header("Server-Timing", fmt::format("search;dur={:.3f}, page;dur={:.3f}", ms(searched - started),
                                                   ms(Clock::now() - started)));
  return response;
}

}  // namespace fabrique::search::pages
