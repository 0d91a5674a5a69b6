// What the observatory pages share besides their templates: the entry form read back, and the
// pieces of HTML the pages not yet written as templates still place (the form, the score box).
#pragma once
#include <string>

#include "common/errors.hpp"
#include "http/context.hpp"
#include "observatoire/model.hpp"
#include "observatoire/view_models.hpp"
#include "views/html.hpp"

namespace fabrique::observatoire::views {

using html::Html;
using http::Context;

// The whole entry as form fields (templates/entry_form.html: DocumentFields).
Html document_fields(Context& ctx, const Document& d, const FieldErrors& errors, bool with_evidence);
// The document the entry form sent.
Document document_from_form(const Context& ctx);
// The score box of an entry (templates/entry_form.html: ScoreSummary).
Html score_summary(const Context& ctx, const Score& s);

}  // namespace fabrique::observatoire::views
