// Use case: an observatory editor accepts a member's contribution, as proposed or corrected; it
// becomes a revision carrying the contribution's source, and the contributor is told.
#include <algorithm>
#include <boost/json.hpp>

#include "common/text.hpp"
#include "notifications/notifications.hpp"
#include "observatoire/form_fields.hpp"
#include "observatoire/json.hpp"
#include "observatoire/store.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"
#include "observatoire/write_entry.hpp"
#include "territories/links.hpp"

namespace fabrique::observatoire {

using i18n::N_;

Correction proposed_correction(const Contribution& k) {
  Correction out;
  out.kind = k.kind;
  out.target = k.target;
  boost::system::error_code ec;
  auto v = boost::json::parse(k.proposal, ec);
  if (ec || !v.is_object()) return out;
  const auto& o = v.as_object();
  auto get = [&](const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
  };
  out.value = get("value");
  auto tv = o.find("to_verify");
  out.evidence = {k.target,          get("level"), get("url"),
                  get("checked_on"), get("note"),  tv != o.end() && tv->value().is_bool() && tv->value().as_bool()};
  return out;
}

ProposedChanges proposed_changes(const Contribution& k) {
  ProposedChanges out;
  boost::system::error_code ec;
  auto v = boost::json::parse(k.proposal, ec);
  if (ec || !v.is_object()) return out;
  const auto& o = v.as_object();
  if (auto it = o.find("base_revision"); it != o.end() && it->value().is_int64())
    out.base_revision = it->value().as_int64();
  if (auto it = o.find("changes"); it != o.end() && it->value().is_object())
    for (const auto& [name, value] : it->value().as_object())
      if (value.is_string()) out.changes[std::string(name)] = std::string(value.as_string());
  return out;
}

void apply_correction(Document& doc, const Correction& k, FieldErrors& errors, sys_seconds now) {
  if (k.kind == ContributionKind::field) {
    std::string value = validate_field(k.target, k.value, errors);
    if (value.empty())
      doc.fields.erase(k.target);
    else
      doc.fields[k.target] = value;
    return;
  }
  Evidence e = k.evidence;
  e.criterion = k.target;
  e = validate_evidence(e, errors, now, "evidence_");
  std::erase_if(doc.evidence, [&](const Evidence& x) { return x.criterion == k.target; });
  doc.evidence.push_back(e);
}

namespace {

// The reason given for the evidence not accepted, checked (under the form name "review_reason").
std::string review_reason(const EvidenceReview& review, FieldErrors& errors) {
  std::string why = text::trim(review.reason);
  if (review.not_accepted.empty()) return {};
  if (why.empty())
    errors.add("review_reason", N_("Say why some evidence is not accepted: the contributor will read it."));
  else if (!text::valid_utf8(why) || text::length(why) > kMaxReason)
    errors.add("review_reason", N_("The reason is too long (1,000 characters at most)."));
  return why;
}

// The criteria of `all` but those in `left_out`, as "O3, O4".
std::string criteria_list(const std::vector<Evidence>& all, const std::vector<std::string>& left_out, bool in) {
  std::string out;
  for (const auto& e : all) {
    bool out_of = std::find(left_out.begin(), left_out.end(), e.criterion) != left_out.end();
    if (out_of != in) out += (out.empty() ? "" : ", ") + e.criterion;
  }
  return out;
}

}  // namespace

std::string accept_contribution(storage::Connection& c, const User& actor, std::int64_t id,
                                const std::optional<Correction>& edited, const EvidenceReview& review,
                                FieldErrors& errors, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto k = store::contribution(c, id);
  if (!k || k->status != ContributionStatus::pending) throw NotFound();
  if (!can_edit(c, &actor)) throw Forbidden(N_("Only observatory editors can moderate contributions."));
  WriteOptions o{.author = actor.id, .source = k->source, .now = now};
  std::optional<Entry> written;
  std::vector<Evidence> proposed_evidence;  // of a proposed entry
  std::string not_accepted, reason;
  if (k->kind == ContributionKind::entry) {
    auto doc = json::parse_document(std::string_view(k->proposal));
    if (!doc) throw NotFound();
    Document clean = validate_document(*doc, errors, now);
    std::string why = review_reason(review, errors);
    if (!errors.empty()) return {};
    proposed_evidence = clean.evidence;
    not_accepted = criteria_list(clean.evidence, review.not_accepted, false);
    std::erase_if(clean.evidence, [&](const Evidence& e) {
      return std::find(review.not_accepted.begin(), review.not_accepted.end(), e.criterion) !=
             review.not_accepted.end();
    });
    reason = not_accepted.empty() ? std::string() : why;
    o.comment = "Proposed entry accepted";
    written = write_entry(c, nullptr, clean, o);
    if (written) {
      // Where the member placed it (territories are never deleted: every key is still known).
      FieldErrors unused;
      std::vector<std::string> keys;
      for (const auto& t : territories::places(c, territories::subject::proposed_entry, k->id)) keys.push_back(t.key);
      territories::place(c, territories::subject::observatory_entry, written->id,
                         territories::resolve_places(c, keys, unused, "territoires"));
      invite_reply(c, *written, now);
    }
  } else if (k->kind == ContributionKind::correction) {
    auto e = store::by_slug(c, k->entry_slug);
    if (!e) throw NotFound();
    // What is accepted is brought onto the entry as it is now, piece by piece; the rest is left out.
    const text::Fields changes = proposed_changes(*k).changes;
    std::string why = review_reason(review, errors);
    auto refused = [&](const std::string& name) {
      return std::find(review.not_accepted.begin(), review.not_accepted.end(), correction_item(name)) !=
             review.not_accepted.end();
    };
    text::Fields f = form_fields(e->doc);
    bool any = false;
    for (const auto& [name, value] : changes)
      if (!refused(name)) {
        f[name] = value;
        any = true;
      }
    FieldErrors whole;
    Document clean = validate_document(document_of(f), whole, now);
    if (!whole.empty() && errors.empty()) {
      // Accepted apart, pieces that go together (a category and its EU database entry) would leave
      // the entry incomplete.
      std::string first = correction_item(whole.items().front().first);
      errors.add("review_" + first,
                 N_("With what you accept, the entry would no longer be complete: accept the changes that go "
                    "together, or leave them all out."));
    }
    if (!errors.empty()) return {};
    if (!any) {
      // Nothing of it accepted: it is rejected, with the reason.
      store::decide(c, id, ContributionStatus::rejected, why, actor.id, now);
      notifications::notify(
          c, k->contributor_id, notifications::kContributions,
          N_("Your contribution about “{}” was not accepted; the reason is on your contributions page."),
          urls::contribution(id), now, e->name());
      tx.commit();
      return e->slug;
    }
    o.comment = "Correction accepted";
    written = clean == e->doc ? e : write_entry(c, &*e, clean, o);
    if (!written) throw NotFound();
    reason = review.not_accepted.empty() ? std::string() : why;
    store::decide(c, id, ContributionStatus::accepted, reason, actor.id, now);
    notifications::notify(c, k->contributor_id, notifications::kContributions,
                          reason.empty() ? N_("Your correction to “{}” was accepted.")
                                         : N_("Your correction to “{}” was accepted in part; what was not "
                                              "accepted and why is on your contribution's page."),
                          reason.empty() ? urls::entry(written->slug) : urls::contribution(id), now, written->name());
    tx.commit();
    return written->slug;
  } else {
    auto e = store::by_slug(c, k->entry_slug);
    if (!e) throw NotFound();
    Correction change = edited ? *edited : proposed_correction(*k);
    change.kind = k->kind;
    change.target = k->target;
    Document doc = e->doc;
    apply_correction(doc, change, errors, now);
    if (!errors.empty()) return {};
    FieldErrors whole;
    Document clean = validate_document(doc, whole, now);
    // The correction is fine on its own but leaves the entry incomplete (e.g. a required field emptied).
    if (!whole.empty()) {
      errors.add(k->kind == ContributionKind::field ? "value" : "evidence_url",
                 N_("With this change the entry would no longer be complete: correct the value."));
      return {};
    }
    o.comment = "Correction accepted";
    written = clean == e->doc ? e : write_entry(c, &*e, clean, o);
    if (!written) throw NotFound();
  }
  store::decide(c, id, ContributionStatus::accepted, reason, actor.id, now);
  if (!not_accepted.empty()) {
    // Criterion ids read the same in every language; the reason is on the contribution's page.
    std::string accepted = criteria_list(proposed_evidence, review.not_accepted, true);
    notifications::notify(c, k->contributor_id, notifications::kContributions,
                          accepted.empty() ? N_("Your proposed entry “{}” was published without its evidence. The "
                                                "reason is on your contribution's page.")
                                           : N_("Your proposed entry was published with its evidence for these "
                                                "criteria: {}. Why the rest was not accepted is on your "
                                                "contribution's page."),
                          urls::contribution(id), now, accepted.empty() ? written->name() : accepted);
  } else {
    notifications::notify(c, k->contributor_id, notifications::kContributions,
                          k->kind == ContributionKind::entry
                              ? N_("Your proposed entry “{}” was accepted and published.")
                              : N_("Your correction to “{}” was accepted."),
                          urls::entry(written->slug), now, written->name());
  }
  tx.commit();
  return written->slug;
}

}  // namespace fabrique::observatoire
