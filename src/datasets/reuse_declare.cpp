// Use cases: a member declares a reuse of datasets, or its author edits it; the members of every
// producing organisation are told of the datasets newly reused.
#include <algorithm>
#include <set>

#include "common/text.hpp"
#include "datasets/reuse_store.hpp"
#include "datasets/reuse_use_cases.hpp"
#include "datasets/store.hpp"
#include "datasets/urls.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "organisations/store.hpp"
#include "territories/links.hpp"

namespace fabrique::datasets {

using i18n::N_;

namespace {

struct CheckedReuse {
  Reuse reuse;
  std::vector<std::int64_t> dataset_ids, places;
  std::set<std::int64_t> producers;
};

// The codes of `in` that `codes` knows, each once; an error on `field` for any other.
std::vector<std::string> known_codes(const std::vector<Code>& codes, const std::vector<std::string>& in,
                                     FieldErrors& errors, const char* field, const char* message) {
  std::vector<std::string> out;
  for (const auto& code : in) {
    if (!label_of(codes, code)) {
      errors.add(field, message);
      return {};
    }
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

CheckedReuse check(storage::Connection& c, const ReuseInput& in, FieldErrors& errors) {
  CheckedReuse out;
  Reuse& r = out.reuse;
  r.title = text::trim(in.title);
  if (r.title.empty())
    errors.add("title", N_("Enter the title of your reuse."));
  else if (!text::valid_utf8(r.title, false))
    errors.add("title", N_("This field contains characters that are not allowed."));
  else if (text::length(r.title) > kMaxTitle)
    errors.add("title", N_("The title is too long (200 characters at most)."));

  r.description = text::trim(in.description);
  if (r.description.empty())
    errors.add("description", N_("Describe what you made with the data."));
  else if (!text::valid_utf8(r.description))
    errors.add("description", N_("The description contains characters that are not allowed."));
  else if (text::length(r.description) > kMaxDescription)
    errors.add("description", N_("The description is too long (5000 characters at most)."));

  r.kind = text::trim(in.kind);
  if (!label_of(kReuseKinds, r.kind)) errors.add("kind", N_("Choose the kind of reuse."));

  r.purposes = known_codes(kReusePurposes, in.purposes, errors, "purposes", N_("Choose purposes from the list."));
  r.purpose_text = text::trim(in.purpose_text);
  if (!text::valid_utf8(r.purpose_text))
    errors.add("purpose_text", N_("This field contains characters that are not allowed."));
  else if (text::length(r.purpose_text) > kMaxShort)
    errors.add("purpose_text", N_("Say it in 500 characters at most."));
  r.audiences = known_codes(kReuseAudiences, in.audiences, errors, "audiences", N_("Choose audiences from the list."));

  r.url = text::trim(in.url);
  if (!r.url.empty() && (!text::looks_like_web_address(r.url) || r.url.size() > kMaxShort))
    errors.add("url", N_("Enter a web address starting with https:// or http://."));

  std::set<std::string> seen;
  for (const auto& slug : in.datasets) {
    if (!seen.insert(slug).second) continue;
    auto d = store::by_slug(c, slug);
    if (!d) {
      errors.add("jeux", N_("Choose the datasets from the register."));
      break;
    }
    out.dataset_ids.push_back(d->id);
    out.producers.insert(d->producer_id);
  }
  if (seen.empty()) errors.add("jeux", N_("Choose at least one dataset you reused."));
  if (out.dataset_ids.size() > kMaxReuseDatasets) errors.add("jeux", N_("Fifty datasets at most."));

  out.places = territories::resolve_places(c, in.territories, errors, "territoires");
  return out;
}

// Tells the members of `producers` (but the actor) that the reuse uses their data.
void tell_producers(storage::Connection& c, const std::set<std::int64_t>& producers, const Reuse& r,
                    std::int64_t actor_id, sys_seconds now) {
  std::vector<std::int64_t> people;
  for (auto organisation_id : producers)
    for (const auto& m : organisations::store::members(c, organisation_id)) people.push_back(m.user_id);
  notifications::notify_each(c, std::move(people), actor_id, notifications::kReuses,
                             N_("Data your organisation produces is reused: “{}”. See for what and for whom."),
                             urls::reuse(r.id), now, r.title);
}

}  // namespace

bool can_edit_reuse(const User* actor, const Reuse& r) {
  return actor && (actor->is_animateur() || (r.author_id && actor->id == r.author_id));
}

ReuseResult declare_reuse(storage::Connection& c, const User& actor, const ReuseInput& in, sys_seconds now) {
  storage::Transaction tx(c, true);
  ReuseResult result;
  auto checked = check(c, in, result.errors);
  if (!result.errors.empty()) return result;
  checked.reuse.author_id = actor.id;
  checked.reuse.id = reuse_store::insert(c, checked.reuse, now);
  reuse_store::set_links(c, checked.reuse.id, checked.dataset_ids, checked.reuse.purposes, checked.reuse.audiences);
  territories::place(c, territories::subject::reuse, checked.reuse.id, checked.places);
  tell_producers(c, checked.producers, checked.reuse, actor.id, now);
  result.reuse = reuse_store::by_id(c, checked.reuse.id);
  tx.commit();
  return result;
}

ReuseResult update_reuse(storage::Connection& c, const User& actor, std::int64_t id, const ReuseInput& in,
                         sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = reuse_store::by_id(c, id);
  if (!current) throw NotFound();
  if (!can_edit_reuse(&actor, *current))
    throw Forbidden(N_("Only the person who declared this reuse and the animateurs can edit it."));
  ReuseResult result;
  auto checked = check(c, in, result.errors);
  if (!result.errors.empty()) return result;
  checked.reuse.id = id;
  checked.reuse.author_id = current->author_id;
  reuse_store::update(c, checked.reuse, now);
  reuse_store::set_links(c, id, checked.dataset_ids, checked.reuse.purposes, checked.reuse.audiences);
  territories::place(c, territories::subject::reuse, id, checked.places);
  // Only the producers not told yet.
  for (const auto& d : current->datasets) checked.producers.erase(d.producer_id);
  tell_producers(c, checked.producers, checked.reuse, actor.id, now);
  result.reuse = reuse_store::by_id(c, id);
  tx.commit();
  return result;
}

}  // namespace fabrique::datasets
