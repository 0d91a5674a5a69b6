// Choosing events in a form.
#include "events/picker.hpp"

#include <fmt/format.h>

#include "events/store.hpp"
#include "storage/instants.hpp"
#include "storage/settings.hpp"

namespace fabrique::events {

using i18n::N_;

fabrique::views::Choices choices(storage::Connection& c, const i18n::Translator& t) {
  // Per language: the detail is the date, written in it.
  return storage::settings::memo<fabrique::views::Choices>(
      c, fmt::format("events.choices.{}", i18n::code(t.lang())), [&] {
        std::vector<fabrique::views::Choice> out;
        for (const auto& row : c.query("SELECT slug, title, starts_at FROM events ORDER BY starts_at DESC, id DESC"))
          out.push_back({.key = row.text(0), .label = row.text(1), .detail = t.date(storage::at(row.integer(2)))});
        return std::make_shared<const std::vector<fabrique::views::Choice>>(std::move(out));
      });
}

fabrique::views::PickerWords picker_words(const char* legend, const char* none) {
  return {.legend = legend,
          .add = N_("Add an event"),
          .hint = N_("A few letters of its title or its date; the form comes back with the events that match, "
                     "nothing is saved until you save."),
          .button = N_("Search events"),
          .none = none};
}

fabrique::views::Picker picker_of(const std::vector<fabrique::views::Choice>& offered, std::string_view name,
                                  const char* legend, const std::vector<std::string>& keys, std::string_view query) {
  return fabrique::views::picker_over(offered, fabrique::views::picker_names(name),
                                      picker_words(legend, N_("No event chosen yet.")), keys, query);
}

std::vector<fabrique::views::Choice> people_choices(const std::vector<Registration>& registrations) {
  std::vector<fabrique::views::Choice> out;
  for (const auto& r : registrations)
    if (r.status == Status::registered)
      out.push_back({.key = std::to_string(r.user_id), .label = r.name, .detail = r.organisation});
  return out;
}

fabrique::views::Picker people_picker_of(const std::vector<fabrique::views::Choice>& offered, std::string_view name,
                                         const char* legend, const char* none, const std::vector<std::string>& keys,
                                         std::string_view query) {
  const fabrique::views::PickerWords words{
      .legend = legend,
      .add = N_("Find a registered person"),
      .hint = N_("A few letters of their name or organisation, among the people registered; the form comes back "
                 "with those who match, nothing is saved until you save."),
      .button = N_("Search people"),
      .none = none};
  return fabrique::views::picker_over(offered, fabrique::views::picker_names(name), words, keys, query);
}

}  // namespace fabrique::events
