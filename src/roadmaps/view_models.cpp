// The values the roadmap templates show, in the page's language.
#include "roadmaps/view_models.hpp"

#include <algorithm>

#include "charts/charts.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

std::string short_lever(const i18n::Translator& t, std::string_view slug) {
  if (slug == "commande") return t.tr(N_("Ordering"));
  if (slug == "offre") return t.tr(N_("Offer"));
  if (slug == "usages") return t.tr(N_("Uses"));
  return std::string(slug);
}

std::string involvement_text(const i18n::Translator& t, Involvement i) {
  switch (i) {
    case Involvement::co_porteur:
      return t.tr(N_("co-porteur"));
    case Involvement::membre:
      return t.tr(N_("coalition member"));
    case Involvement::interesse:
      return t.tr(N_("interested"));
    case Involvement::porteur_action:
      return t.tr(N_("carries an action"));
  }
  return "";
}

std::string day_text(const i18n::Translator& t, const std::optional<sys_seconds>& d) { return d ? t.date(*d) : ""; }

std::string qualities_list(const i18n::Translator& t, const std::vector<std::string>& slugs) {
  std::string out;
  for (const auto& q : slugs) out += (out.empty() ? "" : ", ") + choice_label(t, kQualities, q);
  return out;
}

std::string organisations_list(const std::vector<CarryingOrganisation>& orgs) {
  std::string out;
  for (const auto& o : orgs) out += (out.empty() ? "" : ", ") + o.name;
  return out;
}

std::string figure_text(const i18n::Translator& t, const Indicator& i, double v) {
  return charts::number(v, decimal_of(t)) + (i.unit.empty() ? "" : " " + i.unit);
}

std::string measurement_text(const i18n::Translator& t, const Indicator& i, const Measurement& m) {
  return t.date(m.measured_on) + " : " + figure_text(t, i, m.value) + (m.source.empty() ? "" : " (" + m.source + ")");
}

std::string reference_text(const i18n::Translator& t, const Indicator& i, const std::optional<double>& v) {
  return v ? figure_text(t, i, *v) : t.tr(N_("not set"));
}

bool chosen(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace fabrique::roadmaps
