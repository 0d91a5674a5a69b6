// Editable lists that animateurs keep (kinds of organisation, coalition families, cohorts…):
// one model, store, pair of use cases and page for all of them, parametrised by a Taxonomy.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "storage/database.hpp"

namespace fabrique::taxonomies {

// Which list, and the words its page uses (English msgids). The table has the columns
// (id INTEGER PRIMARY KEY, slug TEXT UNIQUE, label TEXT, position INTEGER).
struct Taxonomy {
  const char* table;      // a constant of the code, never user input
  std::string (*path)();  // the page that edits the list: its module's address (organisations::urls::kinds)
  const char* title;
  const char* intro;
};

extern const Taxonomy kOrganisationKinds;
extern const Taxonomy kCoalitionFamilies;
extern const Taxonomy kCoalitionCohorts;
extern const Taxonomy kEventKinds;
extern const Taxonomy kDatasetThemes;

struct Term {
  std::int64_t id = 0;
  std::string slug;
  std::string label;
  std::int64_t position = 0;
};

inline constexpr std::size_t kMaxLabel = 80;

std::vector<Term> terms(storage::Connection& c, const Taxonomy& t);
std::optional<Term> term(storage::Connection& c, const Taxonomy& t, std::string_view slug);
std::optional<Term> term(storage::Connection& c, const Taxonomy& t, std::int64_t id);

// Animateurs only (Forbidden otherwise). Outcomes: saved | field "label" errors (empty, too long,
// duplicate), nothing written.
FieldErrors add_term(storage::Connection& c, const accounts::User& actor, const Taxonomy& t, std::string_view label);
// The slug stays when the label changes, so links and filters keep working. NotFound if absent.
FieldErrors rename_term(storage::Connection& c, const accounts::User& actor, const Taxonomy& t, std::string_view slug,
                        std::string_view label);

}  // namespace fabrique::taxonomies
