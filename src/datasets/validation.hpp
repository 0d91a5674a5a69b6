// Checks of a dataset's fields and where the checked entry is written, shared by the use cases that
// create, edit and import entries.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "datasets/model.hpp"
#include "datasets/use_cases.hpp"
#include "storage/database.hpp"

namespace fabrique::datasets {

// An entry whose fields passed the checks, with what it is linked to.
struct Checked {
  Dataset dataset;  // without id, slug or revision
  std::vector<std::int64_t> theme_ids;
  std::vector<std::int64_t> places;  // territory ids
};

// Checks `in`, adding an error per bad field (named as the form names it: a distribution's fields
// "dist-N-url"… with N counted from 1 in `in.distributions`). Blank distributions are left out.
// `actor`: the producer must be an organisation they belong to, unless they are an animateur;
// none (an import): any known organisation. `kept_producer`: the producer of the entry edited,
// which may stay whoever edits it.
Checked validate(storage::Connection& c, const User* actor, const DatasetInput& in, FieldErrors& errors,
                 std::optional<std::int64_t> kept_producer = std::nullopt);

// A slug from `title` not used by another entry ("title", "title-2", …).
std::string unique_slug(storage::Connection& c, const std::string& title);

// Writes a checked entry as revision 1 of a new entry (`existing` null; its slug `slug`, else made
// from the title), or as the next revision of `existing`: columns, themes, distributions, territories,
// the revision's document and the search entry. Nothing if `existing` moved on meanwhile.
std::optional<Dataset> write_dataset(storage::Connection& c, const Dataset* existing, const Checked& checked,
                                     std::optional<std::int64_t> author, sys_seconds now,
                                     std::optional<std::int64_t> merged_with, const std::string& slug = {});

// The revision's document: the entry's fields as a JSON object, and back.
std::string document_of(const text::Fields& f);
text::Fields fields_of(std::string_view document);

}  // namespace fabrique::datasets
