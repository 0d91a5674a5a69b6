// SQL for coalition proposals: proposed, scheduled, adopted or merged.
#include "events/store.hpp"

namespace fabrique::events::store {
namespace {

using storage::at;
using storage::nullable;
using storage::secs;

}  // namespace

namespace {
constexpr const char* kProposalSelect =
    "SELECT p.id, p.title, p.intention, p.why_now, p.actors, p.proposed_by, p.proposer, a.id, a.slug, a.title, "
    "b.id, b.slug, b.title, p.presented_by, p.status, p.reason, k.id, k.slug, k.number, k.title, p.decided_at, "
    "p.created_at FROM coalition_proposals p LEFT JOIN events a ON a.id = p.proposed_at_event_id "
    "LEFT JOIN events b ON b.id = p.presented_at_event_id LEFT JOIN coalitions k ON k.id = p.coalition_id ";
Proposal read_proposal(const storage::Row& r) {
  Proposal p;
  p.id = r.integer(0);
  p.title = r.text(1);
  p.intention = r.text(2);
  p.why_now = r.text(3);
  p.actors = r.text(4);
  p.proposed_by = r.optional_integer(5);
  p.proposer = r.text(6);
  if (!r.is_null(7)) p.proposed_at = Ref{r.integer(7), r.text(8), r.text(9)};
  if (!r.is_null(10)) p.presented_at = Ref{r.integer(10), r.text(11), r.text(12)};
  p.presented_by = r.text(13);
  const std::string s = r.text(14);
  p.status = s == "adopted"    ? ProposalStatus::adopted
             : s == "merged"   ? ProposalStatus::merged
             : s == "declined" ? ProposalStatus::declined
                               : ProposalStatus::proposed;
  p.reason = r.text(15);
  if (!r.is_null(16)) p.coalition = Ref{r.integer(16), r.text(17), r.text(18) + " — " + r.text(19)};
  if (auto v = r.optional_integer(20)) p.decided_at = at(*v);
  p.created_at = at(r.integer(21));
  return p;
}
}  // namespace

std::vector<Proposal> proposals(Connection& c) {
  std::vector<Proposal> out;
  for (const auto& r :
       storage::query_identity(c, "coalitions", std::string(kProposalSelect) + "ORDER BY p.created_at DESC, p.id DESC"))
    out.push_back(read_proposal(r));
  return out;
}

std::optional<Proposal> proposal(Connection& c, std::int64_t id) {
  auto rows = storage::query_identity(c, "coalitions", std::string(kProposalSelect) + "WHERE p.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return read_proposal(rows.front());
}

std::vector<Proposal> proposals_of_coalition(Connection& c, std::int64_t coalition_id) {
  std::vector<Proposal> out;
  for (const auto& r : storage::query_identity(
           c, "coalitions", std::string(kProposalSelect) + "WHERE p.coalition_id = ? ORDER BY p.id", {coalition_id}))
    out.push_back(read_proposal(r));
  return out;
}

std::int64_t insert_proposal(Connection& c, const Proposal& p) {
  return c.query_integer(
      "INSERT INTO coalition_proposals (title, intention, why_now, actors, proposed_by, proposer, "
      "proposed_at_event_id, presented_at_event_id, presented_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {p.title, p.intention, p.why_now, p.actors, nullable(p.proposed_by), p.proposer,
       p.proposed_at ? storage::Value(p.proposed_at->id) : storage::Value(nullptr),
       p.presented_at ? storage::Value(p.presented_at->id) : storage::Value(nullptr), p.presented_by,
       secs(p.created_at)});
}

void schedule_proposal(Connection& c, std::int64_t id, std::optional<std::int64_t> event_id, const std::string& by) {
  c.execute("UPDATE coalition_proposals SET presented_at_event_id = ?, presented_by = ? WHERE id = ?",
            {nullable(event_id), by, id});
}

bool decide_proposal(Connection& c, std::int64_t id, ProposalStatus s, std::optional<std::int64_t> coalition_id,
                     const std::string& reason, std::int64_t by, sys_seconds when) {
  return c.execute(
             "UPDATE coalition_proposals SET status = ?, coalition_id = ?, reason = ?, decided_by = ?, "
             "decided_at = ? WHERE id = ? AND status = 'proposed'",
             {std::string(proposal_status_slug(s)), nullable(coalition_id), reason, by, secs(when), id}) == 1;
}

}  // namespace fabrique::events::store
