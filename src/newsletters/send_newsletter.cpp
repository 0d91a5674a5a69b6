// Use cases: a newsletter read from its form and the people it reaches, sent as a test to its
// animateur, and sent to everyone it reaches.
#include <algorithm>

#include "accounts/store.hpp"
#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "events/store.hpp"
#include "journal/store.hpp"
#include "newsletters/store.hpp"
#include "newsletters/use_cases.hpp"

namespace fabrique::newsletters {

using i18n::N_;

bool can_send(const User* actor) { return actor && actor->is_animateur(); }

namespace {

void check_may_send(const User& actor) {
  if (!can_send(&actor)) throw Forbidden(N_("Only the animateurs send newsletters."));
}

Item item_of(const journal::Post& p, bool whole) {
  return {.kind = Item::Kind::post,
          .slug = p.slug,
          .title = p.title,
          .summary = p.summary,
          .body = whole ? p.body : std::string(),
          .place = {},
          .at = *p.published_at};
}

bool named(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

Prepared prepare_newsletter(storage::Connection& c, const User& actor, const NewsletterInput& in, sys_seconds now,
                            bool count_only) {
  check_may_send(actor);
  Prepared out;
  Newsletter& n = out.letter;
  n.subject = text::trim(in.subject);
  n.introduction = in.introduction;
  if (n.subject.empty())
    out.errors.add("subject", N_("Give the newsletter a subject."));
  else if (text::length(n.subject) > kMaxSubject || !text::valid_utf8(n.subject, false))
    out.errors.add("subject", N_("The subject is too long: 200 characters at most."));
  if (text::length(in.introduction) > kMaxIntroduction || !text::valid_utf8(in.introduction, true))
    out.errors.add("introduction", N_("The introduction is too long: 10,000 characters at most."));

  if (in.content == "post") {
    n.content = Content::post;
    auto p = journal::store::post(c, in.post);
    if (in.post.empty())
      out.errors.add("post", N_("Choose the post to send."));
    else if (!p || !p->visible_at(now))
      out.errors.add("post", N_("This post is not published: choose a published one."));
    else
      n.items.push_back(item_of(*p, true));
  } else if (in.content == "digest") {
    n.content = Content::digest;
    // The posts in the order of the journal (newest first), each once; unknown or unpublished ones refused.
    for (const auto& slug : in.posts) {
      auto p = journal::store::post(c, slug);
      if (!p || !p->visible_at(now)) {
        out.errors.add("posts", N_("A chosen post is not published: choose among those listed."));
        break;
      }
      if (std::none_of(n.items.begin(), n.items.end(), [&](const Item& i) { return i.slug == slug; }))
        n.items.push_back(item_of(*p, false));
    }
    std::stable_sort(n.items.begin(), n.items.end(), [](const Item& a, const Item& b) { return a.at > b.at; });
    if (!in.weeks.empty()) {
      if (auto weeks = numbers::whole(in.weeks, 1, kMaxWeeks)) {
        events::store::Filter f;
        f.ends_after = now;
        f.starts_before = now + std::chrono::weeks(*weeks);
        f.counts = false;
        for (const auto& e : events::store::list(c, f)) {
          if (e.status == events::EventStatus::cancelled) continue;
          if (!in.events.empty() && !named(in.events, e.slug)) continue;
          n.items.push_back({.kind = Item::Kind::event,
                             .slug = e.slug,
                             .title = e.title,
                             .summary = {},
                             .body = {},
                             .place = e.place,
                             .at = e.starts_at});
        }
      } else {
        out.errors.add("weeks", N_("Choose how many weeks of upcoming events to include."));
      }
    }
    if (n.items.empty() && out.errors.empty())
      out.errors.add("posts", N_("Choose at least one post, or include the upcoming events."));
  } else {
    out.errors.add("content", N_("Choose one post or a digest."));
  }

  std::vector<std::int64_t> coalition_ids;
  if (in.audience == "followers") {
    n.audience = Audience::followers;
    for (const auto& slug : in.coalitions)
      if (auto k = coalitions::store::by_slug(c, slug)) {
        if (std::none_of(n.coalitions.begin(), n.coalitions.end(),
                         [&](const CoalitionRef& r) { return r.id == k->id; }))
          n.coalitions.push_back({k->id, k->slug, k->number, k->title});
      }
    if (n.coalitions.empty())
      out.errors.add("coalitions", N_("Choose at least one coalition whose followers receive it."));
    for (const auto& k : n.coalitions) coalition_ids.push_back(k.id);
  } else if (in.audience == "members") {
    n.audience = Audience::members;
  } else {
    out.errors.add("audience", N_("Choose who receives it."));
  }
  if (count_only) {
    out.reach = store::count_recipients(c, n.audience, coalition_ids);
  } else {
    out.recipients = store::recipients(c, n.audience, coalition_ids);
    out.reach = static_cast<std::int64_t>(out.recipients.size());
  }
  return out;
}

void refuse_if_nobody(Prepared& p) {
  if (p.errors.empty() && p.reach == 0)
    p.errors.add(p.letter.audience == Audience::followers ? "coalitions" : "audience",
                 N_("Nobody would receive this newsletter: nobody follows these coalitions, or all of them turned "
                    "newsletters off. Choose other recipients."));
}

SendResult send_test(storage::Connection& c, const User& actor, const NewsletterInput& in, sys_seconds now) {
  storage::Transaction tx(c, true);
  Prepared p = prepare_newsletter(c, actor, in, now);
  SendResult out;
  out.errors = p.errors;
  if (!out.errors.empty()) return out;
  auto to = accounts::store::recipient(c, actor.id);
  if (!to) throw NotFound();
  p.letter.sender_id = actor.id;
  mail_letter(c, p.letter, 0, {actor.id, to->email, to->name, std::string(i18n::code(to->lang))}, true, now);
  tx.commit();
  out.sent = 1;
  out.to = to->email;
  return out;
}

SendResult send_newsletter(storage::Connection& c, const User& actor, const NewsletterInput& in, sys_seconds now) {
  storage::Transaction tx(c, true);
  Prepared p = prepare_newsletter(c, actor, in, now);
  refuse_if_nobody(p);
  SendResult out;
  out.errors = p.errors;
  if (!out.errors.empty()) return out;
  Newsletter& n = p.letter;
  n.sender_id = actor.id;
  n.recipients = static_cast<std::int64_t>(p.recipients.size());
  n.sent_at = now;
  out.id = store::insert(c, n);
  for (const auto& r : p.recipients) mail_letter(c, n, out.id, r, false, now);
  tx.commit();
  out.sent = n.recipients;
  return out;
}

}  // namespace fabrique::newsletters
