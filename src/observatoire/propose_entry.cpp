// Use case: a member proposes a new register entry, with its source, for the editors to moderate.
#include "observatoire/json.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"
#include "territories/links.hpp"

namespace fabrique::observatoire {

std::int64_t propose_entry(storage::Connection& c, const User& actor, const Document& doc, const std::string& source,
                           FieldErrors& errors, sys_seconds now, const std::vector<std::string>& places) {
  Document clean = validate_document(doc, errors, now);
  std::string src = validate_source(source, errors, true);
  storage::Transaction tx(c, true);
  const auto ids = territories::resolve_places(c, places, errors, "territoires");
  if (!errors.empty()) return 0;
  Contribution k;
  k.kind = ContributionKind::entry;
  k.target = clean.get("name");
  k.proposal = json::serialize(clean);
  k.source = src;
  k.contributor_id = actor.id;
  k.created_at = now;
  std::int64_t id = store::insert_contribution(c, k);
  territories::place(c, territories::subject::proposed_entry, id, ids);
  tell_editors(c, actor, k.target, now);
  tx.commit();
  return id;
}

}  // namespace fabrique::observatoire
