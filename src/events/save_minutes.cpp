// Use case: an organiser saves the minutes ("Retour sur …") as a new revision. When someone saved
// since the revision they started from and this person changed the text too, nothing is written
// until they settle it; when only one of them changed it, that text is kept. The first text
// published tells those who held a place.
#include "common/text.hpp"
#include "events/store.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::events {

using i18n::N_;

namespace {
// The form's field holding the text, the one field the minutes are merged on.
constexpr const char* kMinutesField = "minutes";

// A browser's CRLF is not a change.
std::string normalise(std::string_view body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i)
    if (body[i] != '\r') out += body[i];
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}
}  // namespace

MinutesResult save_minutes(storage::Connection& c, const User& actor, std::string_view slug, const MinutesEdit& edit,
                           sys_seconds now) {
  MinutesResult out;
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  // Settled on the conflict page: the text chosen there, "theirs" being the text at the revision the
  // page showed, which the form now starts from.
  std::string typed = edit.body;
  std::string shown;
  auto settlement = edit.merge.settlements.find(kMinutesField);
  if (settlement != edit.merge.settlements.end()) {
    if (auto r = store::minutes_revision(c, e.id, edit.base_revision)) shown = r->body;
    if (auto settled = text::settled_text(settlement->second, shown))
      typed = std::move(*settled);
    else
      out.errors.add(text::choice_field(kMinutesField), N_("Choose which text to keep, or merge them by hand."));
  }
  std::string body = normalise(typed);
  if (body.size() > kMaxMinutesBytes)
    out.errors.add(kMinutesField, N_("The minutes are too long (200 KB at most)."));
  else if (!text::valid_utf8(body))
    out.errors.add(kMinutesField, N_("This field contains characters that are not allowed."));
  std::string comment =
      check_line(out.errors, "comment", edit.comment, 300, N_("The comment is too long (300 characters at most)."));
  if (!out.errors.empty()) {
    if (settlement == edit.merge.settlements.end()) return out;
    // Refused on the conflict page: the text to settle again, with what was answered kept.
    out.conflict = true;
    out.current_revision = edit.base_revision;
    out.merge_base = edit.merge.base_revision.value_or(edit.base_revision);
    if (auto r = store::minutes_revision(c, e.id, out.merge_base)) out.base = r->body;
    out.current = std::move(shown);
    out.mine = normalise(settlement->second.mine);
    return out;
  }
  out.current_revision = e.minutes_revision;
  std::optional<std::int64_t> merged_with;
  if (edit.base_revision > e.minutes_revision) {
    out.conflict = true;  // a revision that does not exist: to be sent again from the current one
    out.merge_base = e.minutes_revision;
    out.base = out.current = e.minutes;
    out.mine = std::move(body);
    return out;
  }
  if (edit.base_revision < e.minutes_revision) {
    // Someone saved since the form was drawn: what they wrote stays unless this person changed it too.
    std::string base;
    if (auto r = store::minutes_revision(c, e.id, edit.base_revision)) base = r->body;
    auto merged = text::merge_fields({{kMinutesField, base}}, {{kMinutesField, e.minutes}}, {{kMinutesField, body}});
    if (!merged.conflicts.empty()) {
      out.conflict = true;
      out.merge_base = edit.base_revision;
      out.current = e.minutes;
      out.base = std::move(base);
      out.mine = std::move(body);
      return out;
    }
    body = merged.fields[kMinutesField];
    merged_with = e.minutes_revision;
  } else if (settlement != edit.merge.settlements.end()) {
    merged_with = e.minutes_revision;  // the conflict with it was settled on the conflict page
  }
  if (body == e.minutes) {
    out.unchanged = true;
    return out;
  }
  out.revision = e.minutes_revision + 1;
  if (!store::insert_minutes_revision(c, e.id, out.revision, actor.id, now, comment, std::nullopt, body, merged_with)) {
    out.conflict = true;  // unreachable under the write lock; kept so nothing is ever overwritten
    return out;
  }
  out.merged_with = merged_with.value_or(0);
  e.minutes = body;
  index_event(c, e);
  // The first text of the minutes is their publication: those who held a place are told.
  if (out.revision == 1)
    for (const auto& r : store::registrations(c, e.id))
      if (r.status == Status::registered && r.user_id != actor.id)
        notifications::notify(c, r.user_id, notifications::kEvents, N_("The minutes of “{}” are published"),
                              urls::minutes(e.slug), now, e.title);
  tx.commit();
  return out;
}

std::int64_t restore_minutes(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t number,
                             sys_seconds now) {
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  auto old = store::minutes_revision(c, e.id, number);
  if (!old) throw NotFound();
  if (old->body == e.minutes) return 0;
  const std::int64_t revision = e.minutes_revision + 1;
  store::insert_minutes_revision(c, e.id, revision, actor.id, now, "", number, old->body);
  e.minutes = old->body;
  index_event(c, e);
  tx.commit();
  return revision;
}

}  // namespace fabrique::events
