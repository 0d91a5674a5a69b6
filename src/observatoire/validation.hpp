// Checks of what people type into the observatory: entry fields, lists, evidence, SIREN numbers.
#pragma once
#include <string_view>

#include "common/errors.hpp"
#include "observatoire/model.hpp"

namespace fabrique::observatoire {

// A SIREN: nine digits whose Luhn key is right (INSEE's check on company numbers).
bool siren_valid(std::string_view siren);
// "yyyy-mm-dd", a real day.
bool parse_day(std::string_view s, std::chrono::sys_days& out);

// Trims every value of `in` and returns it, adding an error per bad field: required ones missing,
// too long, malformed (URL, SIREN, month, date, code), unknown choices; evidence without a URL, with a
// non-http(s) URL, a date in the future or an unknown level. Field names are the form's:
// "name", "source_0_url", "assessment_1_date", "evidence_O4_level"…
Document validate_document(const Document& in, FieldErrors& errors, sys_seconds now);

// One piece of evidence on its own (a proposed correction); `prefix` names the form fields.
Evidence validate_evidence(const Evidence& in, FieldErrors& errors, sys_seconds now, const std::string& prefix);

// One scalar field on its own (a proposed correction), under the form name "value".
std::string validate_field(std::string_view key, std::string_view value, FieldErrors& errors);

// Where a change comes from (a web address or a reference): 500 characters at most, required for
// contributions. Errors go to the form field "source".
std::string validate_source(std::string_view source, FieldErrors& errors, bool required);

}  // namespace fabrique::observatoire
