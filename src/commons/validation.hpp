// Checks shared by the commons' use cases: sizes, characters, lists, and free slugs.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "commons/model.hpp"
#include "storage/database.hpp"

namespace fabrique::commons {

struct ResourceInput;
struct CardInput;
struct CharterDraftInput;
struct ResourceResult;
struct CardResult;

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
// A charter draft's label, summary and sections, checked (draft_charter_version.cpp).
CharterVersion validate(const CharterDraftInput& in, FieldErrors& errors);
// The items of a comma-separated list, trimmed, empty ones left out ("a, b" → {"a", "b"}).
std::vector<std::string> split_list(std::string_view list);

// The writing half of editing and restoring, inside the caller's transaction (which the caller
// commits only when the result has no errors and no conflict): `in` checked, then saved over
// `current` as its next revision unless someone saved since in.base_revision (conflict) or nothing
// changed, with its revision row and its search entry.
ResourceResult save_resource(storage::Connection& c, const accounts::User& actor, const Resource& current,
                             const ResourceInput& in, sys_seconds now,
                             std::optional<std::int64_t> merged_with = std::nullopt);
CardResult save_card(storage::Connection& c, const accounts::User& actor, const Card& current, const CardInput& in,
                     sys_seconds now, std::optional<std::int64_t> merged_with = std::nullopt);

}  // namespace fabrique::commons
