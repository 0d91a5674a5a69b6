// The public pages of every module, as the sitemap lists them: one query per kind of page, whatever
// the number of rows.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace fabrique::opendata::store {

// A page anyone may read, by its path ("/coalitions/communs-numeriques"), with the date its content
// last changed when the data has one.
struct PublicPage {
  std::string path;
  std::optional<std::chrono::sys_seconds> modified;
};

// Every public page: the programme's lists, then coalitions (page, history, roadmap, impact),
// organisations, events (and their minutes once written), actions, published resources and
// boussole cards, charter versions opened to consultation, observatory entries and public bodies.
// Drafts, accounts and animateurs' pages are never listed.
std::vector<PublicPage> public_pages(storage::Connection& c);

}  // namespace fabrique::opendata::store
