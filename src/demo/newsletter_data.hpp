// The demo's newsletter (newsletter_data.cpp): two journal posts of 2021 and the digest of the
// journal that was sent to the members, loaded after the rest of the programme.
#pragma once
#include "accounts/model.hpp"
#include "storage/database.hpp"

namespace fabrique::demo {

// Writes the posts, then keeps the digest of every post published by then as sent (no mail is
// written: the demo's accounts are not real people). Throws on refused data.
void load_newsletter(storage::Connection& c, const accounts::User& animateur);

}  // namespace fabrique::demo
