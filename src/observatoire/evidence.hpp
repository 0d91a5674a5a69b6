// Evidence where it is asked (issue #19): each criterion of the rubric beside the field of the entry
// it concerns, the evidence offered from what a person already gave, and the score a form would give
// before it is sent. Pure functions: no database, no request (fields.cpp, beside the fields they place).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "observatoire/model.hpp"
#include "observatoire/rubric.hpp"

namespace fabrique::observatoire {

// The criteria the entry form shows beside `anchor`: a field key, or "data_sources" and
// "impact_assessments" (after those lists). Every criterion of the rubric has exactly one anchor.
std::vector<const CriterionDef*> criteria_beside(std::string_view anchor);

// What `doc` already gives that may stand as the evidence of `criterion` (the legal basis link for O3,
// the source code for O4…): the key of the field it comes from and its web address; both empty when
// nothing does.
struct Offer {
  std::string field;  // a field key, or "impact_assessments"
  std::string url;
};
Offer evidence_offer(const Document& doc, std::string_view criterion);

// Fills the evidence of each criterion `doc` has none for with its offer, checked on `today`
// (yyyy-mm-dd), unless `declined` maps the criterion to that same address: the person cleared it
// after it was offered. Graded criteria get no level: the person says which one the evidence shows.
// Returns the criteria filled so, for the form to ask the person to confirm them.
std::vector<std::string> offer_evidence(Document& doc, const std::map<std::string, std::string>& declined,
                                        const std::string& today);

// The preview: the score `doc` would get if it were published as sent, computed as publishing
// computes it, from the evidence the checks accept (refused evidence scores nothing). `errors` gets
// what a save would refuse. Writes nothing.
Score preview_score(const Document& doc, FieldErrors& errors, sys_seconds now);

// Whether `errors` refuses something of the evidence of `criterion` in the entry form.
bool evidence_refused(const FieldErrors& errors, std::string_view criterion);

}  // namespace fabrique::observatoire
