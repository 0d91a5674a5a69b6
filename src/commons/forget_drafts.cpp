// The drafts of a person whose account is deleted: private, so they go with the account.
#include "commons/use_cases.hpp"
#include "files/files.hpp"
#include "search/search.hpp"
#include "territories/links.hpp"

namespace fabrique::commons {

int forget_drafts(storage::Connection& c, std::int64_t user_id) {
  int count = 0;
  for (const auto& r :
       c.query("SELECT id, slug, file_id FROM resources WHERE submitted_by = ? AND status = 'draft'", {user_id})) {
    search::remove(c, "resource", r.text(1));
    c.execute("DELETE FROM resources WHERE id = ?", {r.integer(0)});
    territories::unplace(c, territories::subject::resource, r.integer(0));
    if (!r.is_null(2)) files::remove(c, r.integer(2));
    ++count;
  }
  for (const auto& r :
       c.query("SELECT id, slug FROM boussole_cards WHERE submitted_by = ? AND status = 'draft'", {user_id})) {
    search::remove(c, "card", r.text(1));
    c.execute("DELETE FROM boussole_cards WHERE id = ?", {r.integer(0)});
    territories::unplace(c, territories::subject::card, r.integer(0));
    ++count;
  }
  return count;
}

}  // namespace fabrique::commons
