// Everything fabrique holds about one person, as one JSON document (`GET /compte/donnees.json`): their
// account, then every row of every table that names them, read in one snapshot of the database.
//
// Rows are found by a fixed list of (table, column) pairs, one per column that refers to a person, so
// that a table added later shows up here by adding one line (the test compares the list with the
// schema's references to users). Secrets are left out: the password's hash, the hashes of session and
// link tokens, and the whole text of mails (their links may still be valid); files give their size,
// not their bytes. Instants (columns ending in `_at`) are written as ISO 8601 UTC.

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <string_view>

#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"
#include "common/instants.hpp"
#include "storage/dialect.hpp"

namespace fabrique::accounts {

namespace {

namespace bj = boost::json;

constexpr std::array<std::string_view, 3> kSecretColumns = {"password_hash", "token_hash", "message"};

bj::value personal_json(const std::string& column, const storage::Value& v) {
  return std::visit(
      [&](const auto& x) -> bj::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          if (column.ends_with("_at")) return bj::string(instants::iso(sys_seconds{std::chrono::seconds{x}}));
          return x;
        } else if constexpr (std::is_same_v<T, double>) {
          return x;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return bj::string(x);
        } else {
          return bj::object{{"bytes", static_cast<std::int64_t>(x.bytes.size())}};
        }
      },
      v);
}

// The rows of `table` where `where` holds (with `params`), every column but the secret ones.
bj::array personal_rows(storage::Connection& c, const std::string& table, const std::string& where,
                        const storage::Params& params) {
  std::vector<std::string> names;
  for (const auto& col : storage::dialect::columns(c, table))
    if (std::find(kSecretColumns.begin(), kSecretColumns.end(), col.name) == kSecretColumns.end())
      names.push_back(col.name);
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < names.size(); ++i) sql += (i ? ", " : "") + names[i];
  sql += " FROM " + table + " WHERE " + where + " ORDER BY 1";
  bj::array out;
  for (const auto& row : c.query(sql, params)) {
    bj::object o;
    for (std::size_t i = 0; i < names.size(); ++i) o[names[i]] = personal_json(names[i], row.value(i));
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

const std::vector<PersonalReference>& personal_references() {
  static const std::vector<PersonalReference> kReferences = {
      {"user_organisations", "user_id"},
      {"sessions", "user_id"},
      {"coalition_stage_changes", "changed_by"},
      {"booklet_revisions", "author_id"},
      {"coalition_members", "user_id"},
      {"interest_declarations", "user_id"},
      {"files", "uploaded_by"},
      {"events", "created_by"},
      {"registrations", "user_id"},
      {"minutes_revisions", "author_id"},
      {"coalition_proposals", "proposed_by"},
      {"coalition_proposals", "decided_by"},
      {"calendar_tokens", "user_id"},
      {"action_revisions", "author_id"},
      {"measurements", "author_id"},
      {"search_documents", "owner_id"},
      {"resources", "submitted_by"},
      {"resource_revisions", "author_id"},
      {"charter_versions", "created_by"},
      {"charter_comments", "author_id"},
      {"charter_signatures", "user_id"},
      {"boussole_cards", "submitted_by"},
      {"posts", "author_id"},
      {"post_revisions", "author_id"},
      {"observatory_editors", "user_id"},
      {"observatory_editors", "granted_by"},
      {"observatory_revisions", "author_id"},
      {"observatory_contributions", "contributor_id"},
      {"observatory_contributions", "decided_by"},
      {"observatory_replies", "author_id"},
      {"notifications", "user_id"},
      {"indicator_revisions", "author_id"},
      {"measurement_changes", "author_id"},
      {"boussole_card_revisions", "author_id"},
      {"event_slot_speakers", "user_id"},
      {"account_tokens", "user_id"},
      {"mail_preferences", "user_id"},
      {"follows", "user_id"},
      {"minutes_items", "assignee_id"},
      {"access_tokens", "user_id"},
      {"datasets", "created_by"},
      {"dataset_revisions", "author_id"},
      {"reuses", "author_id"},
      {"reuse_answers", "author_id"},
      {"decisions", "opened_by"},
      {"decision_answers", "user_id"},
      {"invitations", "invited_by"},
      {"invitations", "accepted_by"},
      {"date_poll_answers", "user_id"},
      {"breakout_groups", "facilitator_id"},
      {"breakout_members", "user_id"},
      {"newsletters", "sender_id"},
      {"data_requests", "requester_id"},
      {"data_requests", "answered_by"},
      {"data_request_supports", "user_id"},
  };
  return kReferences;
}

std::string personal_data(storage::Connection& c, const User& person, sys_seconds now) {
  storage::Transaction tx(c, false);  // one snapshot
  const auto rows = c.query("SELECT email_key FROM users WHERE id = ?", {person.id});
  const std::string email_key = rows.empty() ? "" : rows.front().text(0);
  bj::object doc;
  doc["format"] = "fabrique-personal-data";
  doc["format_version"] = 1;
  doc["generated_at"] = instants::iso(now);
  bj::array account = personal_rows(c, "users", "id = ?", {person.id});
  doc["account"] = account.empty() ? bj::value(nullptr) : account.front();
  bj::array held;
  for (const auto& ref : personal_references()) {
    held.push_back(bj::object{{"table", ref.table},
                              {"column", ref.column},
                              {"rows", personal_rows(c, ref.table, ref.column + " = ?", {person.id})}});
  }
  // Two tables name the person by address rather than by account; failed sign-ins are counted per
  // "email:ADDRESS" and per "email:ADDRESS ip:CLIENT".
  held.push_back(bj::object{{"table", "outbox"},
                            {"column", "recipient"},
                            {"rows", personal_rows(c, "outbox", "lower(recipient) = ?", {email_key})}});
  const auto keys = store::failure_keys(email_key);
  held.push_back(bj::object{
      {"table", "sign_in_failures"},
      {"column", "key"},
      {"rows", personal_rows(c, "sign_in_failures", "key = ? OR key LIKE ? ESCAPE '\\'", {keys.key, keys.pattern})}});
  doc["held"] = std::move(held);
  return bj::serialize(doc);
}

}  // namespace fabrique::accounts
