// The public pages of every module, as the sitemap lists them: one query per kind of page, whatever
// the number of rows.
#pragma once
#include <chrono>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace fabrique::opendata::store {

// A page anyone may read, by its path ("/coalitions/communs-numeriques"), with the date its content
// last changed when the data has one. The path lives in the PageList that gave it.
struct PublicPage {
  std::string_view path;
  std::optional<std::chrono::sys_seconds> modified;
};

// Pages packed for a list of hundreds of thousands, kept in memory between changes: the paths one
// after another in one string, and per page where its path ends and its date. About 16 bytes and the
// path's characters a page, where a vector of PublicPage holding strings cost about a hundred (40 MB
// for the large programme's 400,000 pages).
class PageList {
 public:
  PageList() = default;
  PageList(std::initializer_list<PublicPage> pages) {
    for (const auto& p : pages) add(p.path, p.modified);
  }
  void add(std::string_view path, std::optional<std::chrono::sys_seconds> modified);
  void shrink_to_fit();  // once every page is added
  std::size_t size() const { return ends_.size(); }
  PublicPage operator[](std::size_t i) const;

 private:
  std::string paths_;
  std::vector<std::size_t> ends_;       // where each page's path ends in paths_
  std::vector<std::int64_t> modified_;  // seconds since the epoch, kNoDate when unknown
};

// Every public page: the programme's lists, then coalitions (page, history, roadmap, impact),
// organisations, events (and their minutes once written), actions, published resources and
// boussole cards, charter versions opened to consultation, observatory entries and public bodies.
// Drafts, accounts and animateurs' pages are never listed.
using PublicPages = std::shared_ptr<const PageList>;
PublicPages public_pages(storage::Connection& c);

// --- What the Atom feeds announce (src/opendata/feeds.cpp)

// Whose news: the whole programme, or one coalition, organisation or event series (by id).
enum class Scope { programme, coalition, organisation, series };

// One thing that happened, as a feed entry tells it.
struct News {
  // coalition (created), stage (a coalition entered a stage), event (announced), minutes (written
  // or revised), resource (published), charter_consultation, charter_adopted, action (added).
  std::string kind;
  std::int64_t ref = 0;  // the row it comes from, unique within its kind
  std::string path;      // the page it is about
  std::string title;     // the thing's title ("8.a — Title" for a coalition)
  std::string detail;    // the stage entered, the resource's kind, the charter's label, the action's coalition
  std::chrono::sys_seconds at{};
  std::optional<std::chrono::sys_seconds> when;  // an event's start
};

// The `limit` latest news of `scope` (`id` the coalition's, organisation's or series' id), newest
// first: one query per kind of news, whatever the number of rows. Public things only: published
// resources, charter versions once opened to consultation.
std::vector<News> news(storage::Connection& c, Scope scope, std::int64_t id, std::int64_t limit);

// An event series, from one of its events' slug.
struct Series {
  std::int64_t id = 0;
  std::string title;
};
std::optional<Series> series_of_event(storage::Connection& c, std::string_view event_slug);

}  // namespace fabrique::opendata::store
