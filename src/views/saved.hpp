// What a save tells the person on the page it returns to (post/redirect/get): the redirect's address
// carries `?enregistre=KIND`, and the shell of that page (views::page) shows KIND's message in a
// role="status" paragraph at the top of main. Only to a signed-in person: a visitor's page never holds
// it, so the visitors' page cache can never serve one person's confirmation to someone else.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "http/context.hpp"

namespace fabrique::views {

// What was saved; each has its word in the address and its message.
enum class Saved {
  coalition,
  booklet,
  fiche,
  event,
  minutes,
  action,
  indicator,
  measurement,
  measurement_removed,
  resource,
  card,
  entry,
  dataset,
  reuse,
  reuse_answer,
  data_request,
  data_request_support,
  data_request_answer,
  post,
  restored,
  resource_published,
  card_published,
  proposal_adopted,
  proposal_merged,
  proposal_declined,
  organisation,
  slot,
  registered,
  waiting,
  registration_cancelled,
  attendance,
  consent,
  slot_removed,
  item_removed,
  attachment_removed,
  calendar_revoked,
  proposal_sent,
  proposal_scheduled,
  interest_withdrawn,
  role,
  charter_draft,
  consultation,
  comment,
  charter_adopted,
  charter_signed,
  resource_deleted,
  decision,
  answer,
  decision_closed,
  list
};

// `location` (a path on this site, perhaps with a query and a fragment) marked with `what`.
std::string saved(std::string_view location, Saved what);
// The 303 answering a save: back to `location`, marked with `what`.
http::Response redirect_saved(std::string_view location, Saved what);
// `location` marked as a save merged with revision `revision`, saved meanwhile (`?fusion=N`): the
// page then says that nothing of either was lost.
std::string merged(std::string_view location, std::int64_t revision);
// The translated message the request's marker asks for; empty for a visitor, an unknown marker, or
// none.
std::string saved_message(const http::Context& ctx);

}  // namespace fabrique::views
