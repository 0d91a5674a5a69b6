// Use case: a member proposes a correction of one field, or of one criterion's evidence, with a source.
#include <boost/json.hpp>

#include "observatoire/json.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"

namespace fabrique::observatoire {

using i18n::N_;

namespace {

// The correction checked on its own; the proposal as stored (JSON).
std::string checked_proposal(const Correction& in, FieldErrors& errors, sys_seconds now) {
  if (in.kind == ContributionKind::evidence) {
    Evidence e = in.evidence;
    e.criterion = in.target;
    e = validate_evidence(e, errors, now, "evidence_");
    if (errors.find("evidence_criterion")) errors.add("target", N_("Choose a field or a criterion from the list."));
    auto doc = json::document(Document{{}, {}, {}, {e}});
    return boost::json::serialize(doc.at("evidence").as_array().at(0));
  }
  std::string value = validate_field(in.target, in.value, errors);
  return boost::json::serialize(boost::json::object{{"value", value}});
}

}  // namespace

FieldErrors propose_correction(storage::Connection& c, const User& actor, std::string_view slug, const Correction& in,
                               sys_seconds now) {
  FieldErrors errors;
  std::string proposal = checked_proposal(in, errors, now);
  std::string src = validate_source(in.source, errors, true);
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  if (!errors.empty()) return errors;
  Contribution k;
  k.entry_id = e->id;
  k.kind = in.kind;
  k.target = in.target;
  k.proposal = proposal;
  k.source = src;
  k.contributor_id = actor.id;
  k.created_at = now;
  store::insert_contribution(c, k);
  tell_editors(c, actor, e->name(), now);
  tx.commit();
  return errors;
}

}  // namespace fabrique::observatoire
