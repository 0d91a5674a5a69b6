// Choosing coalitions in a form.
#include "coalitions/picker.hpp"

#include "coalitions/store.hpp"
#include "i18n/i18n.hpp"
#include "storage/settings.hpp"

namespace fabrique::coalitions {

using i18n::N_;

fabrique::views::Choices choices(storage::Connection& c) {
  return storage::settings::memo<fabrique::views::Choices>(c, "coalitions.choices", [&] {
    std::vector<fabrique::views::Choice> out;
    // No row of coalitions: slugs, numbers and titles are never changed by a change named by rows
    // (storage::kKeyedTables), only by those that name none.
    storage::Rows none(c, "coalitions");
    for (const auto& row : c.query("SELECT slug, number, title FROM coalitions ORDER BY number_key"))
      out.push_back({.key = row.text(0), .label = row.text(1) + " — " + row.text(2)});
    return std::make_shared<const std::vector<fabrique::views::Choice>>(std::move(out));
  });
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
