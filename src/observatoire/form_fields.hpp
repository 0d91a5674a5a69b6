// An entry's document as the fields of its form, named as the form names them ("name",
// "source_0_url", "evidence_O4_level"…): what the three-way merge of concurrent edits compares
// (text::resolve), and the one reading of a form back into a document.
#pragma once
#include "observatoire/model.hpp"
#include "text/merge.hpp"

namespace fabrique::observatoire {

// Every field of the form, each present (empty when `doc` has nothing there): every scalar field,
// every row of both lists up to their limit, and the evidence of every criterion ("1" or "" for
// "to verify"). Documents compared so never take a field missing for one left unchanged.
text::Fields form_fields(const Document& doc);

// The document those fields describe: rows up to the last one given (empty ones between kept in
// their place; validate_document leaves them out), evidence where something is given. Values are kept
// as typed: validate_document trims and checks them.
Document document_of(const text::Fields& fields);

// The names form_fields gives, in the form's order.
const std::vector<std::string>& form_field_names();

// What a moderator accepts or not as one piece of a correction (issue #19), for a form field `name`:
// a field ("budget"), a criterion's evidence ("O3" for "evidence_O3_url"), or a list as a whole
// ("data_sources", "impact_assessments").
std::string correction_item(std::string_view name);

// The names of `after` whose value differs from `before`'s.
text::Fields changed_fields(const text::Fields& before, const text::Fields& after);

}  // namespace fabrique::observatoire
