// Choosing events in a form: the one picker (views/picker.hpp) over events, each offered with its
// date, since a series repeats its title ("Reset Day — 19 janvier 2027"); and choosing among the
// people registered to an event (a group's facilitator, who came, who does a next step).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "events/model.hpp"
#include "i18n/i18n.hpp"
#include "storage/database.hpp"
#include "views/picker.hpp"

namespace fabrique::events {

// Every event as a picker offers it (key: its slug; its title, with its date, in `t`'s language), newest first.
fabrique::views::Choices choices(storage::Connection& c, const i18n::Translator& t);
// What an events picker says: its legend and the words when none is chosen are the msgids `legend`
// and `none`.
fabrique::views::PickerWords picker_words(const char* legend, const char* none);
// The picker of a form's field `name` (its legend the msgid `legend`) over `offered` (some of
// `choices`): the events `keys` name, and what its words `query` match (words of the title or the date).
fabrique::views::Picker picker_of(const std::vector<fabrique::views::Choice>& offered, std::string_view name,
                                  const char* legend, const std::vector<std::string>& keys, std::string_view query);

// The people of `registrations` who hold a place (not those waiting) as a picker offers them (key:
// their account's id; their name, their organisation after it), in the list's order. Never their
// address: the organisers who see these forms see names, and a name is all the picker searches.
std::vector<fabrique::views::Choice> people_choices(const std::vector<Registration>& registrations);
// The picker of a form's field `name` over `offered` (some of `people_choices`): its legend and the
// words when nobody is chosen are the msgids `legend` and `none`; the people `keys` name, and those
// whose name or organisation its words `query` match.
fabrique::views::Picker people_picker_of(const std::vector<fabrique::views::Choice>& offered, std::string_view name,
                                         const char* legend, const char* none, const std::vector<std::string>& keys,
                                         std::string_view query);

}  // namespace fabrique::events
