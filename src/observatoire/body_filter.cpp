// The scoreboard's ?organisme= filter.
#include "observatoire/body_filter.hpp"

#include <vector>

#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/store.hpp"
#include "views/picker.hpp"

namespace fabrique::observatoire {

std::optional<Body> body_named(storage::Connection& c, std::string_view words) {
  const std::string typed = text::trim(words);
  if (typed.empty() || typed.size() > fabrique::views::kPickerQueryLength) return std::nullopt;
  if (auto b = store::body_by_slug(c, typed)) return b;
  if (auto b = store::body_by_siren(c, typed)) return b;
  // Words: matched as the pickers match them, over the bodies' names.
  std::vector<fabrique::views::Choice> all;
  for (auto& b : store::bodies(c)) all.push_back({.key = std::move(b.slug), .label = std::move(b.name)});
  auto best = fabrique::views::matching(all, typed, 1);
  if (best.empty()) return std::nullopt;
  return store::body_by_slug(c, best.front().key);
}

BodyFilter body_filter(http::Context& ctx) {
  BodyFilter f;
  f.words = ctx.query.get("organisme").substr(0, fabrique::views::kPickerQueryLength);
  if (text::trim(f.words).empty()) {
    f.words.clear();
    return f;
  }
  f.body = body_named(ctx.db, f.words);
  f.filter_id = f.body ? f.body->id : -1;  // words naming no body: nothing matches
  if (!f.body) f.errors.add("organisme", i18n::N_("No public body has this name, these words or this SIREN."));
  return f;
}

}  // namespace fabrique::observatoire
