// The entry form (templates/entry_form.html) read back, for the pages that publish, propose and edit entries.
#pragma once
#include <string>

#include "http/context.hpp"
#include "observatoire/model.hpp"
#include "observatoire/view_models.hpp"

namespace fabrique::observatoire::views {

using http::Context;

// The document the entry form sent.
Document document_from_form(const Context& ctx);

}  // namespace fabrique::observatoire::views
