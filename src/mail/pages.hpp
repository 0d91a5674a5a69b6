// The animateurs' outbox page: how many mails wait, went or failed, and what the server answered.
#pragma once
#include "http/context.hpp"

namespace fabrique::mail::pages {

http::Response outbox(http::Context& ctx);  // GET /animation/courriels

}  // namespace fabrique::mail::pages
