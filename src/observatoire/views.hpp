// The entry form (templates/entry_form.html) read back, for the pages that publish, propose and edit entries.
#pragma once
#include <string>

#include "http/context.hpp"
#include "observatoire/model.hpp"
#include "observatoire/view_models.hpp"

namespace fabrique::observatoire::views {

using http::Context;

// The day of `now` as yyyy-mm-dd: the day evidence given today was checked.
std::string today(sys_seconds now);

// The document the entry form sent. Evidence given without the day it was checked was checked today.
Document document_from_form(const Context& ctx);

// Evidence where it is asked: offers evidence in `doc` from its own fields (but what the form sent
// says the person cleared) and, when `preview`, the score `doc` would get, `errors` getting what the
// preview refuses. Writes nothing.
EvidenceForm evidence_form(const Context& ctx, Document& doc, FieldErrors& errors, bool preview);
// The preview part of evidence_form: the score `doc` would get and why, criterion by criterion.
void preview_into(EvidenceForm& out, const i18n::Translator& t, const Document& doc, FieldErrors& errors,
                  sys_seconds now);

}  // namespace fabrique::observatoire::views
