// The levels of the geography, as stored and as shown.
#include "territories/model.hpp"

#include "common/text.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::territories {

using i18n::N_;

namespace {
struct LevelDef {
  Level level;
  std::string_view slug;
  const char* label;
  const char* plural;
};
constexpr LevelDef kLevels[] = {
    {Level::region, "region", N_("Région"), N_("Régions")},
    {Level::departement, "departement", N_("Département"), N_("Départements")},
    {Level::epci, "epci", N_("Intercommunality (EPCI)"), N_("Intercommunalities (EPCI)")},
    {Level::commune, "commune", N_("Commune"), N_("Communes")},
    {Level::arrondissement, "arrondissement", N_("Municipal arrondissement"), N_("Municipal arrondissements")}};
}  // namespace

std::string search_key(std::string_view name) {
  std::string out;
  for (char c : text::fold(name)) {
    const bool ascii_punctuation =
        static_cast<unsigned char>(c) < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    if (!ascii_punctuation) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view level_slug(Level l) {
  for (const auto& d : kLevels)
    if (d.level == l) return d.slug;
  return "commune";
}

std::optional<Level> level_of(std::string_view slug) {
  for (const auto& d : kLevels)
    if (d.slug == slug) return d.level;
  return std::nullopt;
}

const char* level_label(Level l) {
  for (const auto& d : kLevels)
    if (d.level == l) return d.label;
  return N_("Commune");
}

const char* levels_label(Level l) {
  for (const auto& d : kLevels)
    if (d.level == l) return d.plural;
  return N_("Communes");
}

}  // namespace fabrique::territories
