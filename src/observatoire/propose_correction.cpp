// Use case: a member proposes a correction of an entry, every field and criterion's evidence in one
// submission, with a source.
#include <boost/json.hpp>

#include "observatoire/form_fields.hpp"
#include "observatoire/json.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"

namespace fabrique::observatoire {

using i18n::N_;

std::int64_t propose_entry_correction(storage::Connection& c, const User& actor, std::string_view slug,
                                      const EntryCorrection& in, FieldErrors& errors, sys_seconds now) {
  Document clean = validate_document(in.doc, errors, now);
  std::string src = validate_source(in.source, errors, true);
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  // What this person changed: against the revision their form was drawn from, so that a save made
  // meanwhile is not taken for their change.
  Document before = store::document_at(c, e->id, in.base_revision).value_or(e->doc);
  text::Fields changes = changed_fields(form_fields(before), form_fields(clean));
  if (changes.empty() && errors.empty())
    errors.add(fields().front().key,
               N_("Nothing was changed: correct a field or give the evidence of a criterion, then send."));
  if (!errors.empty()) return 0;
  boost::json::object changed;
  for (const auto& [name, value] : changes) changed[name] = value;
  Contribution k;
  k.entry_id = e->id;
  k.kind = ContributionKind::correction;
  k.proposal = boost::json::serialize(boost::json::object{
      {"base_revision", in.base_revision <= e->revision ? in.base_revision : e->revision}, {"changes", changed}});
  k.source = src;
  k.contributor_id = actor.id;
  k.created_at = now;
  std::int64_t id = store::insert_contribution(c, k);
  tell_editors(c, actor, e->name(), now);
  tx.commit();
  return id;
}

}  // namespace fabrique::observatoire
