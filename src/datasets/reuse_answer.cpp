// Use case: a member of a producing organisation answers a reuse publicly, for that organisation.
#include <algorithm>

#include "common/text.hpp"
#include "datasets/reuse_store.hpp"
#include "datasets/reuse_use_cases.hpp"
#include "datasets/urls.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "organisations/store.hpp"

namespace fabrique::datasets {

using i18n::N_;

std::vector<organisations::Organisation> answering_for(storage::Connection& c, const User* actor, const Reuse& r) {
  std::vector<organisations::Organisation> out;
  if (!actor) return out;
  for (const auto& d : r.datasets) {
    if (std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.id == d.producer_id; })) continue;
    if (!actor->is_animateur() && !organisations::store::is_member(c, actor->id, d.producer_id)) continue;
    if (auto o = organisations::store::by_slug(c, d.producer_slug)) out.push_back(std::move(*o));
  }
  return out;
}

FieldErrors answer_reuse(storage::Connection& c, const User& actor, std::int64_t reuse_id,
                         const std::string& organisation_slug, const std::string& body, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto r = reuse_store::by_id(c, reuse_id);
  if (!r) throw NotFound();
  const auto mine = answering_for(c, &actor, *r);
  if (mine.empty())
    throw Forbidden(N_("Only the members of an organisation producing the data reused can answer for it."));
  FieldErrors errors;
  auto it = std::find_if(mine.begin(), mine.end(), [&](const auto& o) { return o.slug == organisation_slug; });
  if (it == mine.end()) errors.add("organisation", N_("Choose an organisation producing the data you belong to."));
  const std::string text = text::trim(body);
  if (text.empty())
    errors.add("body", N_("Write your answer."));
  else if (!text::valid_utf8(text))
    errors.add("body", N_("The answer contains characters that are not allowed."));
  else if (text::length(text) > kMaxAnswer)
    errors.add("body", N_("The answer is too long (3000 characters at most)."));
  if (!errors.empty()) return errors;
  reuse_store::save_answer(c, reuse_id, it->id, text, actor.id, now);
  if (r->author_id)
    notifications::notify_each(c, {r->author_id}, actor.id, notifications::kReuses,
                               N_("A producer answered your reuse “{}”."), urls::reuse(reuse_id), now, r->title);
  tx.commit();
  return errors;
}

}  // namespace fabrique::datasets
