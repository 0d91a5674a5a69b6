// SQL for invitations.
#include "invitations/store.hpp"

#include "storage/instants.hpp"

namespace fabrique::invitations::store {
namespace {

using storage::at;
using storage::secs;

// The invitation, its target's slug and title, the inviter's and the accepter's names.
constexpr const char* kSelect =
    "SELECT i.id, i.email, i.coalition_id, i.event_id, i.role, i.message, i.invited_by, i.created_at, i.sent_at, "
    "i.expires_at, i.accepted_at, i.cancelled_at, i.accepted_by, COALESCE(k.slug, e.slug), "
    "COALESCE(k.title, e.title), COALESCE(inviter.name, ''), COALESCE(accepter.name, '') "
    "FROM invitations i LEFT JOIN coalitions k ON k.id = i.coalition_id LEFT JOIN events e ON e.id = i.event_id "
    "LEFT JOIN users inviter ON inviter.id = i.invited_by LEFT JOIN users accepter ON accepter.id = i.accepted_by ";

Invitation read_invitation(const storage::Row& r) {
  Invitation i;
  i.id = r.integer(0);
  i.email = r.text(1);
  if (auto k = r.optional_integer(2)) {
    i.target = Target::coalition;
    i.target_id = *k;
  } else {
    i.target = Target::event;
    i.target_id = r.integer(3);
  }
  i.co_porteur = r.text(4) == "co-porteur";
  i.message = r.text(5);
  i.invited_by = r.optional_integer(6);
  i.created_at = at(r.integer(7));
  i.sent_at = at(r.integer(8));
  i.expires_at = at(r.integer(9));
  if (auto a = r.optional_integer(10)) i.accepted_at = at(*a);
  if (auto a = r.optional_integer(11)) i.cancelled_at = at(*a);
  i.accepted_by = r.optional_integer(12);
  i.target_slug = r.text(13);
  i.target_title = r.text(14);
  i.inviter_name = r.text(15);
  i.accepted_by_name = r.text(16);
  return i;
}

std::optional<Invitation> invitation_where(Connection& c, const std::string& where, const storage::Params& params) {
  auto r = c.query_one(kSelect + where, params);
  if (!r) return std::nullopt;
  return read_invitation(*r);
}

}  // namespace

std::int64_t insert(Connection& c, const Invitation& i, const std::string& token_hash) {
  const bool coalition = i.target == Target::coalition;
  return c
      .query(
          "INSERT INTO invitations (token_hash, email, coalition_id, event_id, role, message, invited_by, "
          "created_at, sent_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {token_hash, i.email, storage::nullable(coalition ? std::optional(i.target_id) : std::nullopt),
           storage::nullable(coalition ? std::nullopt : std::optional(i.target_id)),
           std::string(i.co_porteur ? "co-porteur" : "membre"), i.message, storage::nullable(i.invited_by),
           secs(i.created_at), secs(i.sent_at), secs(i.expires_at)})
      .at(0)
      .integer(0);
}

std::optional<Invitation> by_id(Connection& c, std::int64_t id) { return invitation_where(c, "WHERE i.id = ?", {id}); }

std::optional<Invitation> by_token_hash(Connection& c, const std::string& token_hash) {
  return invitation_where(c, "WHERE i.token_hash = ?", {token_hash});
}

std::vector<Invitation> of_target(Connection& c, Target target, std::int64_t target_id) {
  std::vector<Invitation> out;
  const std::string where = target == Target::coalition ? "WHERE i.coalition_id = ? " : "WHERE i.event_id = ? ";
  for (const auto& r : c.query(kSelect + where + "ORDER BY i.created_at DESC, i.id DESC", {target_id}))
    out.push_back(read_invitation(r));
  return out;
}

void renew(Connection& c, std::int64_t id, const std::string& token_hash, sys_seconds now, sys_seconds expires_at) {
  c.execute("UPDATE invitations SET token_hash = ?, sent_at = ?, expires_at = ? WHERE id = ?",
            {token_hash, secs(now), secs(expires_at), id});
}

void cancel(Connection& c, std::int64_t id, sys_seconds now) {
  c.execute("UPDATE invitations SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL AND accepted_at IS NULL",
            {secs(now), id});
}

bool accept(Connection& c, std::int64_t id, std::int64_t user_id, sys_seconds now) {
  return c.execute(
             "UPDATE invitations SET accepted_at = ?, accepted_by = ? "
             "WHERE id = ? AND accepted_at IS NULL AND cancelled_at IS NULL",
             {secs(now), user_id, id}) > 0;
}

bool invited_to_event(Connection& c, std::int64_t event_id, std::int64_t user_id, const std::string& email,
                      sys_seconds now) {
  return c.query_integer(
             "SELECT COUNT(*) FROM invitations WHERE event_id = ? AND (accepted_by = ? OR (LOWER(email) = LOWER(?) "
             "AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > ?))",
             {event_id, user_id, email, secs(now)}) > 0;
}

}  // namespace fabrique::invitations::store
