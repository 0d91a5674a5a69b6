// A person's sessions: when each was last used (noted in memory by pages, written by a chore, as
// for access tokens), and ending one of them from the account page.
#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"

namespace fabrique::accounts {

void SeenSessions::note(const std::string& token_hash, sys_seconds at) {
  std::lock_guard lock(mutex_);
  if (seen_.size() >= kMax && !seen_.contains(token_hash)) return;
  auto& last = seen_[token_hash];
  last = std::max(last, at);
}

void SeenSessions::note_token(std::int64_t token_id, sys_seconds at) {
  std::lock_guard lock(mutex_);
  if (tokens_.size() >= kMax && !tokens_.contains(token_id)) return;
  auto& last = tokens_[token_id];
  last = std::max(last, at);
}

std::size_t SeenSessions::flush(storage::Connection& c) {
  std::vector<std::pair<std::string, sys_seconds>> taken;
  std::vector<std::pair<std::int64_t, sys_seconds>> tokens;
  {
    std::lock_guard lock(mutex_);
    taken.assign(seen_.begin(), seen_.end());
    seen_.clear();
    tokens.assign(tokens_.begin(), tokens_.end());
    tokens_.clear();
  }
  if (taken.empty() && tokens.empty()) return 0;
  try {
    storage::Transaction tx(c, true);
    store::record_session_use(c, taken);
    store::record_access_token_use(c, tokens);
    tx.commit();
  } catch (...) {
    for (const auto& [hash, at] : taken) note(hash, at);
    for (const auto& [id, at] : tokens) note_token(id, at);
    throw;
  }
  return taken.size() + tokens.size();
}

bool end_session(storage::Connection& c, const User& actor, const std::string& handle) {
  storage::Transaction tx(c, true);
  const bool ended = store::delete_session_by_handle(c, actor.id, handle);
  tx.commit();
  return ended;
}

}  // namespace fabrique::accounts
