// SQL for invitations: written, found by id or by the hash of their link, listed per coalition or
// event, resent, cancelled and accepted.
#pragma once
#include <optional>
#include <vector>

#include "invitations/model.hpp"
#include "storage/database.hpp"

namespace fabrique::invitations::store {

using storage::Connection;

std::int64_t insert(Connection& c, const Invitation& i, const std::string& token_hash);
std::optional<Invitation> by_id(Connection& c, std::int64_t id);
std::optional<Invitation> by_token_hash(Connection& c, const std::string& token_hash);
// Newest first.
std::vector<Invitation> of_target(Connection& c, Target target, std::int64_t target_id);
// A new link and expiry for a pending invitation.
void renew(Connection& c, std::int64_t id, const std::string& token_hash, sys_seconds now, sys_seconds expires_at);
void cancel(Connection& c, std::int64_t id, sys_seconds now);
// Marks it accepted by `user_id` unless it was accepted or cancelled meanwhile (false then).
bool accept(Connection& c, std::int64_t id, std::int64_t user_id, sys_seconds now);
// Whether `user_id` (whose address is `email`) was invited to event `event_id`: they accepted an
// invitation to it, or one to their address is neither cancelled nor expired.
bool invited_to_event(Connection& c, std::int64_t event_id, std::int64_t user_id, const std::string& email,
                      sys_seconds now);

}  // namespace fabrique::invitations::store
