// What every list filtered by coalition shares: the ?coalition= search field.
#include "coalitions/filter.hpp"

#include "coalitions/picker.hpp"
#include "coalitions/store.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "views/html.hpp"
#include "views/picker.hpp"

namespace fabrique::coalitions {

std::optional<Coalition> coalition_named(storage::Connection& c, std::string_view words) {
  const std::string typed = text::trim(words);
  if (typed.empty() || typed.size() > fabrique::views::kPickerQueryLength) return std::nullopt;
  if (auto k = store::by_slug(c, typed)) return k;
  if (auto k = store::by_number(c, typed)) return k;
  // Words: the coalitions' choices are read only now, and matched as the pickers match them.
  auto best = fabrique::views::matching(*choices(c), typed, 1);
  if (best.empty()) return std::nullopt;
  return store::by_slug(c, best.front().key);
}

ListFilter list_filter(http::Context& ctx) {
  ListFilter f;
  f.words = ctx.query.get("coalition").substr(0, fabrique::views::kPickerQueryLength);
  if (f.words.empty()) return f;
  f.coalition = coalition_named(ctx.db, f.words);
  f.filter_id = f.coalition ? f.coalition->id : -1;  // words naming no coalition: nothing matches
  if (!f.coalition) f.errors.add("coalition", i18n::N_("No coalition has this number or these words."));
  return f;
}

std::string filter_value(const ListFilter& f) { return f.coalition ? f.coalition->slug : f.words; }

std::string filter_param(const ListFilter& f) {
  return f.words.empty() ? std::string() : "&coalition=" + html::url_encode(filter_value(f));
}

}  // namespace fabrique::coalitions
