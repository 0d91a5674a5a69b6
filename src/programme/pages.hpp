// Programme-wide pages: the home page and the language switch.
#pragma once
#include "http/context.hpp"

namespace fabrique::programme::pages {

http::Response home(http::Context& ctx);             // GET /
http::Response switch_language(http::Context& ctx);  // GET /langue/{code}?retour=/page
http::Response registers(http::Context& ctx);        // GET /registres

}  // namespace fabrique::programme::pages
