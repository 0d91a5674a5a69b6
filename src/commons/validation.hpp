// Checks shared by the commons' use cases: sizes, characters, lists, and free slugs.
#pragma once
#include <functional>
#include <string>

#include "common/errors.hpp"
#include "commons/model.hpp"
#include "storage/database.hpp"

namespace fabrique::commons {

struct ResourceInput;
struct CardInput;

// A non-empty single line of at most `max` characters.
void check_line(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max,
                bool required);
// Text of at most `max` bytes with no control characters other than newlines.
void check_text(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max);
// `base` made unique with -2, -3… while `taken` says it is used.
std::string unique_slug(const std::string& title, const std::function<bool(const std::string&)>& taken);
// The coalitions named by their slugs; an unknown one is a field error.
std::vector<CoalitionRef> coalitions_named(storage::Connection& c, const std::vector<std::string>& slugs,
                                           FieldErrors& errors, const std::string& field);
// A resource's fields, checked (tags split and made slugs); errors under the form field names.
// `has_file`: the resource keeps a file it already has. `file_type` receives the media type of an
// acceptable upload.
Resource validate(storage::Connection& c, const ResourceInput& in, bool has_file, FieldErrors& errors,
                  std::optional<std::string>& file_type);
Card validate(storage::Connection& c, const CardInput& in, FieldErrors& errors);

}  // namespace fabrique::commons
