// What the journal's pages show, read by each page's loader and handed to its template
// (src/journal/templates/journal.html): plain values, no database, no request.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "coalitions/filter.hpp"
#include "common/errors.hpp"
#include "commons/view_models.hpp"
#include "journal/model.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/picker.hpp"

namespace fabrique::journal {

// One post in a list: the post and its kind's label.
struct PostLine {
  Post post;
  std::string kind;  // translated
  html::Html summary;
  bool scheduled = false;  // published from a date still ahead
};

// The journal (/journal), loaded by pages::load_journal().
struct JournalPage {
  bool can_write = false;
  std::string kind, year;             // the filters chosen, empty when none or unknown
  coalitions::ListFilter coalition;   // ?coalition=: a slug, a number or words of its title
  territories::ListFilter territory;  // ?territoire=
  std::vector<fabrique::views::Option> kinds, years;
  std::vector<PostLine> posts;
  std::int64_t total = 0, page = 1, pages = 1;
  std::string pager_base;
};

// A post's page (/journal/{slug}).
struct PostPage {
  PostLine line;
  html::Html body;
  bool can_edit = false;
  std::int64_t merged_with = 0;  // after a save merged with revision n
  commons::History history;
};

// The form writing or editing a post, as typed or as saved; with its preview when asked.
struct PostForm {
  std::string title;  // translated: the <h1>
  std::string action;
  std::optional<std::int64_t> base_revision;
  bool conflict = false;
  std::vector<std::string> conflicts;  // the labels of the fields both changed
  std::string post_title, kind, link, summary, body, publish_on;
  std::vector<fabrique::views::Option> kinds;
  // What the post links to: coalitions, events, territories, datasets, attached resources.
  fabrique::views::Picker coalitions, events, places, datasets, resources;
  std::optional<html::Html> preview;  // the rendered summary and body
  std::string back;                   // the page to go back to
};

// The latest posts on another module's page (home, a coalition, an event): the latest kLatest
// published and visible, read in one query, and where to read the others.
struct LatestPosts {
  std::vector<Post> posts;
  std::string more;        // the journal, filtered when the page is a coalition's
  std::string retour_sur;  // on an event's pages, for those who may write: the form started about it
};

}  // namespace fabrique::journal
