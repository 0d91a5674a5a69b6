// What every list filtered by coalition shares (events, journal, programme roadmap, resources,
// boussole): the ?coalition= search field, the coalition it names, and the parameter that keeps it
// in a pager's or a download's links. The field is typed, never a select of every coalition: the
// page stays small and reads one coalition, however many there are. templates/filter.html draws it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "http/context.hpp"
#include "storage/database.hpp"

namespace fabrique::coalitions {

struct ListFilter {
  std::string words;                      // as typed, 100 characters at most
  std::optional<Coalition> coalition;     // what they name
  std::optional<std::int64_t> filter_id;  // for the store: its id, -1 when the words name none (an empty list)
  FieldErrors errors;                     // shown next to the field when the words name none
};

// The coalition `words` name: its slug exactly (every link carries the slug), else its number
// ("19", "8.a"), else the first coalition whose number and title hold every word, case and accents
// aside ("donnees environnement"). Nothing when the words are empty or name none.
std::optional<Coalition> coalition_named(storage::Connection& c, std::string_view words);
// A list's ?coalition=.
ListFilter list_filter(http::Context& ctx);
// The value to keep in a list's links: the coalition's slug, else the words as typed.
std::string filter_value(const ListFilter& f);
// "&coalition=…" for a list's pager or links, empty when no words were typed.
std::string filter_param(const ListFilter& f);

}  // namespace fabrique::coalitions
