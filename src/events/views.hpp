// Reading a programme slot from its form, and a saved slot into the form.
#pragma once
#include <string>
#include <vector>

#include "events/model.hpp"
#include "events/use_cases.hpp"
#include "http/context.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"

namespace fabrique::events::views {

using http::Context;

// A programme slot as its form sent it, and as the edit form shows a saved one.
SlotInput slot_input(const Context& ctx);
SlotInput slot_input(const Slot& s);

}  // namespace fabrique::events::views
