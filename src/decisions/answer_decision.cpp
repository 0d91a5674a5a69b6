// Use case: a person of the decision's group answers it, or changes their answer, until it closes.
#include <algorithm>
#include <set>

#include "common/text.hpp"
#include "decisions/store.hpp"
#include "decisions/use_cases.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::decisions {

using i18n::N_;

namespace {

bool has_option(const Decision& d, std::int64_t id) {
  return std::any_of(d.options.begin(), d.options.end(), [&](const Option& o) { return o.id == id; });
}

}  // namespace

FieldErrors answer_decision(storage::Connection& c, const User& actor, std::int64_t id, const AnswerInput& in,
                            sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto d = store::decision(c, id);
  if (!d) throw NotFound();
  if (!can_answer(c, &actor, *d)) throw Forbidden(N_("Only the members of the group that decides can answer."));
  if (d->closed(now)) {
    errors.add("answer", N_("This decision is closed: answers are no longer taken."));
    return errors;
  }
  Answer a;
  a.user_id = actor.id;
  a.reason = text::trim(in.reason);
  if (text::length(a.reason) > kMaxReason || !text::valid_utf8(a.reason))
    errors.add("reason", N_("The reason is limited to 2,000 characters."));
  if (d->process == Process::consent) {
    const Position* p = position(in.position);
    if (!p)
      errors.add("position", N_("Choose your position."));
    else if (p->needs_reason && a.reason.empty())
      errors.add("reason", N_("Give the reason for your disagreement or block."));
    else
      a.position = p->key;
  } else if (d->process == Process::ranked) {
    std::set<std::int64_t> ranks_taken;
    for (const auto& [option, rank] : in.ranks) {
      if (!has_option(*d, option) || rank < 1 || rank > static_cast<std::int64_t>(d->options.size())) {
        errors.add("choice", N_("Choose among the options of this decision."));
        break;
      }
      if (!ranks_taken.insert(rank).second) {
        errors.add("choice", N_("Give each rank to one option only."));
        break;
      }
      a.choices.push_back({option, rank});
    }
    if (errors.empty() && a.choices.empty()) errors.add("choice", N_("Rank at least one option."));
  } else {
    std::set<std::int64_t> chosen(in.chosen.begin(), in.chosen.end());
    for (auto option : chosen) {
      if (!has_option(*d, option)) {
        errors.add("choice", N_("Choose among the options of this decision."));
        break;
      }
      a.choices.push_back({option, 1});
    }
    if (errors.empty() && a.choices.empty()) errors.add("choice", N_("Choose at least one option."));
    if (errors.empty() && d->process == Process::one && a.choices.size() > 1)
      errors.add("choice", N_("Choose one option only."));
  }
  if (!errors.empty()) return errors;
  store::save_answer(c, d->id, a, now);
  tx.commit();
  return errors;
}

}  // namespace fabrique::decisions
