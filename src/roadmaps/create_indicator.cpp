// Use case: a co-porteur or an animateur defines an impact indicator of the coalition.
#include "coalitions/store.hpp"
#include "common/text.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

std::int64_t create_indicator(storage::Connection& c, const User& actor, std::string_view slug,
                              const IndicatorInput& in, sys_seconds now, FieldErrors& errors) {
  Indicator i;
  i.name = validation::bounded(in.name, kMaxName, false, "name", N_("The name is too long (200 characters at most)."),
                               errors);
  if (i.name.empty() && !errors.find("name")) errors.add("name", N_("Give the indicator a name."));
  i.unit = validation::bounded(in.unit, kMaxUnit, false, "unit", N_("The unit is too long (40 characters at most)."),
                               errors);
  if (!find(kQualities, in.quality)) errors.add("quality", N_("Choose a quality from the list."));
  i.quality = in.quality;
  if (!find(kImpacts, in.impact)) errors.add("impact", N_("Choose a kind of impact from the list."));
  i.impact = in.impact;
  i.description = validation::bounded(in.description, 2000, true, "description",
                                      N_("The description is too long (2,000 characters at most)."), errors);
  auto number = [&](const std::string& text, const char* field, const char* message) -> std::optional<double> {
    if (text::trim(text).empty()) return std::nullopt;
    auto v = validation::parse_number(text);
    if (!v) errors.add(field, message);
    return v;
  };
  i.baseline = number(in.baseline, "baseline", N_("The baseline must be a number."));
  i.target = number(in.target, "target", N_("The target must be a number."));

  storage::Transaction tx(c, true);
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its indicators."));
  if (!errors.empty()) return 0;
  i.coalition_id = k->id;
  i.created_at = i.updated_at = now;
  auto id = store::insert_indicator(c, i);
  store::touch_coalition(c, k->id, now);
  tx.commit();
  return id;
}

}  // namespace fabrique::roadmaps
