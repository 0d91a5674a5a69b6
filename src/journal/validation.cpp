// Checks of a post's fields: sizes, characters, its kind and link, its coalition, its publication date.
#include "commons/validation.hpp"

#include <algorithm>

#include "common/text.hpp"
#include "commons/store.hpp"
#include "events/times.hpp"
#include "i18n/i18n.hpp"
#include "journal/store.hpp"
#include "journal/use_cases.hpp"
#include "territories/links.hpp"

namespace fabrique::journal {

using i18n::N_;

namespace {

// The things of a kind the form's `slugs` name; an unknown one (or too many) refused on `field`.
std::vector<LinkRef> linked(storage::Connection& c, store::Linked kind, const std::vector<std::string>& slugs,
                            FieldErrors& errors, const std::string& field, const char* unknown) {
  std::vector<std::string> sent;
  for (const auto& s : slugs)
    if (!s.empty()) sent.push_back(s);
  if (sent.size() > kMaxLinks) {
    errors.add(field, N_("Choose fewer of them: 50 at most."));
    return {};
  }
  auto found = store::named(c, kind, sent);
  for (const auto& s : sent)
    if (std::none_of(found.begin(), found.end(), [&](const LinkRef& r) { return r.slug == s; })) {
      errors.add(field, unknown);
      break;
    }
  return found;
}

}  // namespace

Post validate(storage::Connection& c, const User& actor, const PostInput& in, sys_seconds now, FieldErrors& errors,
              std::vector<std::int64_t>& territory_ids) {
  Post p;
  p.title = text::trim(in.title);
  p.kind = in.kind;
  p.link = text::trim(in.link);
  p.summary = in.summary;
  p.body = in.body;
  commons::check_line(errors, "title", p.title, kMaxTitle, true);
  if (!kind(p.kind)) errors.add("kind", N_("Choose a kind from the list."));
  if (!p.link.empty() && (p.link.size() > kMaxLink || !text::looks_like_web_address(p.link)))
    errors.add("link", N_("Enter a web address starting with https:// or http://."));
  else if (p.link.empty() && p.kind == "podcast")
    errors.add("link", N_("Give the address of the podcast or the video."));
  commons::check_text(errors, "summary", p.summary, kMaxSummary);
  commons::check_text(errors, "body", p.body, kMaxBody);
  p.links.coalitions = commons::coalitions_named(c, in.coalitions, errors, "coalitions");
  // A co-porteur writes for a coalition they carry (among others), an animateur for the whole programme.
  std::vector<std::int64_t> coalition_ids;
  for (const auto& k : p.links.coalitions) coalition_ids.push_back(k.id);
  if (!actor.is_animateur() && errors.find("coalitions") == nullptr &&
      !commons::store::is_co_porteur_of_any(c, actor.id, coalition_ids))
    errors.add("coalitions", N_("Choose a coalition you are co-porteur of."));
  p.links.events = linked(c, store::Linked::event, in.events, errors, "events", N_("Choose events from the list."));
  p.links.datasets =
      linked(c, store::Linked::dataset, in.datasets, errors, "datasets", N_("Choose datasets from the list."));
  p.links.resources = linked(c, store::Linked::resource, in.resources, errors, "resources",
                             N_("Choose published resources from the library."));
  territory_ids = territories::resolve_places(c, in.territories, errors, "territoires");
  p.links.places = territories::refs_of_keys(c, in.territories);
  if (in.publish) {
    p.status = Status::published;
    if (in.publish_on.empty()) {
      p.published_at = now;
    } else if (auto day = events::times::parse_paris_date(in.publish_on)) {
      p.published_at = *day;
    } else {
      errors.add("publish_on", N_("Enter a date such as 2026-12-15."));
    }
  }
  return p;
}

}  // namespace fabrique::journal
