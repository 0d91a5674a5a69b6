// Choosing datasets in a form.
#include "datasets/picker.hpp"

#include "datasets/store.hpp"
#include "i18n/i18n.hpp"
#include "storage/settings.hpp"

namespace fabrique::datasets {

using i18n::N_;

fabrique::views::Choices choices(storage::Connection& c) {
  return storage::settings::memo<fabrique::views::Choices>(c, "datasets.choices", [&] {
    // The three columns offered, not whole datasets: reading every dataset with its distributions, themes
    // and territories to keep these cost 35 MB of memory for a moment with the large programme's 10,000.
    std::vector<fabrique::views::Choice> out;
    for (const auto& r : c.query("SELECT d.slug, d.title, o.name FROM datasets d JOIN organisations o "
                                 "ON o.id = d.producer_id ORDER BY d.title_key, d.id"))
      out.push_back({.key = r.text(0), .label = r.text(1), .detail = r.text(2)});
    return std::make_shared<const std::vector<fabrique::views::Choice>>(std::move(out));
  });
}

fabrique::views::Picker picker_of(storage::Connection& c, std::string_view name, const char* legend,
                                  const std::vector<std::string>& keys, std::string_view query) {
  const fabrique::views::PickerWords words{
      .legend = legend,
      .add = N_("Add a dataset"),
      .hint = N_("A few words of its title or its producer; the form comes back with the datasets that match, "
                 "nothing is saved until you save."),
      .button = N_("Search datasets"),
      .none = N_("None chosen yet.")};
  return fabrique::views::picker_over(*choices(c), fabrique::views::picker_names(name), words, keys, query);
}

}  // namespace fabrique::datasets
