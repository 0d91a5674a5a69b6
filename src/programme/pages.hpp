// Programme-wide pages: the home page and the language switch.
#pragma once
#include "http/context.hpp"

namespace fabrique::programme::pages {

http::Response home(http::Context& ctx);             // GET /
http::Response switch_language(http::Context& ctx);  // GET /langue/{code}?retour=/page

}  // namespace fabrique::programme::pages
