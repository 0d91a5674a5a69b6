// Choosing coalitions in a form.
#include "coalitions/picker.hpp"

#include "coalitions/store.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::coalitions {

using i18n::N_;

std::vector<fabrique::views::Choice> choices(storage::Connection& c) {
  std::vector<fabrique::views::Choice> out;
  for (const auto& k : store::list(c)) out.push_back({.key = k.slug, .label = k.number + " — " + k.title});
  return out;
}

fabrique::views::Picker picker_of(const std::vector<fabrique::views::Choice>& offered, std::string_view name,
                                  const char* legend, const std::vector<std::string>& keys, std::string_view query) {
  const fabrique::views::PickerWords words{
      .legend = legend,
      .add = N_("Add a coalition"),
      .hint = N_("Its number or a few letters of its title; the form comes back with the coalitions that match, "
                 "nothing is saved until you save."),
      .button = N_("Search coalitions"),
      .none = N_("None chosen yet.")};
  return fabrique::views::picker_over(offered, fabrique::views::picker_names(name), words, keys, query);
}

}  // namespace fabrique::coalitions
