// The newsletters' pages: those sent and the web version of one (and their JSON), the form composing
// one with its count of recipients, its test to oneself and its confirmation before sending.
#pragma once
#include "http/context.hpp"

namespace fabrique::newsletters::pages {

using http::Context;
using http::Response;

Response letters(Context& ctx);       // GET /journal/lettres?page=
Response letters_json(Context& ctx);  // GET /journal/lettres.json?page=&per_page=
Response letter(Context& ctx);        // GET /journal/lettres/{id}
Response letter_json(Context& ctx);   // GET /journal/lettres/{id}.json
Response compose(Context& ctx);       // GET /journal/lettres/ecrire
// POST /journal/lettres/ecrire: action=count (the form again, counted), test (to oneself), send (the
// confirmation; with confirmed=1, sent); a coalition search draws the form again.
Response send(Context& ctx);

}  // namespace fabrique::newsletters::pages
