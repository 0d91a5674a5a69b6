// Choosing organisations in a form.
#include "organisations/picker.hpp"

#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "storage/settings.hpp"

namespace fabrique::organisations {

using i18n::N_;

fabrique::views::Choices choices(storage::Connection& c) {
  return storage::settings::memo<fabrique::views::Choices>(c, "organisations.choices", [&] {
    std::vector<fabrique::views::Choice> out;
    // Names alone. A membership changes the organisation's kept count (store::recount), which renews
    // this memo too: 200 names read again at the large programme's size.
    for (const auto& row : c.query("SELECT slug, name FROM organisations ORDER BY name_key, id"))
      out.push_back({.key = row.text(0), .label = row.text(1)});
    return std::make_shared<const std::vector<fabrique::views::Choice>>(std::move(out));
  });
}

fabrique::views::Picker picker_of(const std::vector<fabrique::views::Choice>& offered, std::string_view name,
                                  const char* legend, const std::vector<std::string>& keys, std::string_view query) {
  const fabrique::views::PickerWords words{
      .legend = legend,
      .add = N_("Add an organisation"),
      .hint = N_("A few letters of its name; the form comes back with the organisations that match, nothing is "
                 "saved until you save."),
      .button = N_("Search organisations"),
      .none = N_("None chosen yet.")};
  return fabrique::views::picker_over(offered, fabrique::views::picker_names(name), words, keys, query);
}

fabrique::views::Picker picker_of(storage::Connection& c, std::string_view name, const char* legend,
                                  const std::vector<std::string>& keys, std::string_view query) {
  return picker_of(*choices(c), name, legend, keys, query);
}

}  // namespace fabrique::organisations
