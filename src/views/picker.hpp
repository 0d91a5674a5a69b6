// The one searchable picker of every form that chooses among things whose list can grow past ten
// (organisations, coalitions, events, people, territories), working without JavaScript: the chosen
// things are ticked boxes (untick to remove), and a search draws the form again (200, nothing saved)
// with the things matching the words to tick.
//
// A module gives its kind of thing: the words the picker shows, what the form's keys name, and a
// search giving key and label; `picker` puts them together. Field names: `names.chosen` (one per
// chosen key), `names.query` (the words) and the button `names.button`.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"

namespace fabrique::views {

// One thing offered or chosen: the key the form sends and what a person reads.
struct Choice {
  std::string key;
  std::string label;
  std::string detail;                // after the label, already translated: an event's date, a territory's région
  const char* kind_label = nullptr;  // a msgid before the detail, translated when drawn ("Commune")
};

// What the picker of one kind says, as msgids.
struct PickerWords {
  const char* legend;  // "Organisations"
  const char* add;     // the search box's label: "Add an organisation"
  const char* hint;    // under it
  const char* button;  // "Search organisations"
  const char* none;    // when nothing is chosen yet
};

struct PickerNames {
  std::string chosen;  // each chosen key: chosen=KEY
  std::string query;   // the words searched
  std::string button;  // the search button
};
// The usual names: "organisers", "organisers_q", "organisers_chercher".
PickerNames picker_names(std::string_view chosen);

struct Picker {
  PickerNames names;
  PickerWords words{};
  std::vector<Choice> chosen;
  std::string query;
  bool searched = false;
  std::vector<Choice> matches;  // not already chosen
};

inline constexpr std::size_t kPickerMatches = 20;       // things offered for one search
inline constexpr std::size_t kPickerQueryLength = 100;  // characters of the words kept

// A search of one kind: at most `limit` things matching `words` (never empty).
using PickerSearch = std::function<std::vector<Choice>(const std::string& words, std::size_t limit)>;

// The picker as the form sent it: `chosen` the things its keys name (the caller leaves out unknown
// ones), and when `query` holds words, what `search` finds for them that is not chosen already.
Picker picker(PickerNames names, const PickerWords& words, std::vector<Choice> chosen, std::string_view query,
              const PickerSearch& search);

// The keys a form sent for a picker's field, the empty ones left out (a stored thing's form that
// chose none, as a select's empty option did).
std::vector<std::string> picked(std::vector<std::string> sent);
// For a picker that takes one thing at most: adds the msgid `message` ("Choose one coalition at
// most.") under `name` to `errors` when `sent`, the keys its field sent, name more than one.
void one_at_most(FieldErrors& errors, const std::string& name, std::vector<std::string> sent, const char* message);

// For a kind whose whole list is read anyway (organisations, coalitions, events, people): the
// things of `all` whose label (and detail) holds every word of `words`, case and accents aside…
std::vector<Choice> matching(const std::vector<Choice>& all, std::string_view words, std::size_t limit);
// …and the things of `all` that `keys` name, in the order of `keys`, each once; unknown keys left out.
std::vector<Choice> named(const std::vector<Choice>& all, const std::vector<std::string>& keys);
// A kind's whole list as pickers offer it, computed once per change of what it reads and shared by
// every form (storage::settings::memo): a form never reads thousands of rows to offer them.
using Choices = std::shared_ptr<const std::vector<Choice>>;
// The picker of such a kind: `picker` with `matching` and `named` over `all`.
Picker picker_over(const std::vector<Choice>& all, PickerNames names, const PickerWords& words,
                   const std::vector<std::string>& keys, std::string_view query);

}  // namespace fabrique::views
