// Checks of a post's fields: sizes, characters, its kind and link, its coalition, its publication date.
#include "commons/validation.hpp"

#include "common/text.hpp"
#include "commons/store.hpp"
#include "events/times.hpp"
#include "i18n/i18n.hpp"
#include "journal/use_cases.hpp"

namespace fabrique::journal {

using i18n::N_;

Post validate(storage::Connection& c, const User& actor, const PostInput& in, sys_seconds now, FieldErrors& errors) {
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
  if (!in.coalition.empty()) {
    auto named = commons::coalitions_named(c, {in.coalition}, errors, "coalition");
    if (!named.empty()) p.coalition = named.front();
  }
  // A co-porteur writes for the coalitions they carry, an animateur for the whole programme.
  if (!actor.is_animateur() && errors.find("coalition") == nullptr &&
      (!p.coalition || !commons::store::is_co_porteur_of_any(c, actor.id, {p.coalition->id})))
    errors.add("coalition", N_("Choose a coalition you are co-porteur of."));
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
