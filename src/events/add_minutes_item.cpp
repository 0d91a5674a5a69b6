// Use case: an organiser records a question, a decision or a next step beside the minutes, edits one
// in place, or removes one. A next step may name a person registered to the event, who is told.
#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::events {

using i18n::N_;

namespace {

// `in` read as an item of event `e`, checked as the organisers' form checks it: the errors are added
// to `errors`.
MinutesItem read_item(storage::Connection& c, const Event& e, const ItemInput& in, FieldErrors& errors) {
  MinutesItem item;
  item.event_id = e.id;
  item.kind = in.kind;
  item.body = check_text(errors, "body", in.body, kMaxItem, N_("This text is too long (2000 characters at most)."));
  if (item.body.empty() && !errors.find("body")) errors.add("body", N_("Write the text of this item."));
  item.asked_by =
      check_line(errors, "asked_by", in.asked_by, kMaxShort, N_("This field is too long (200 characters at most)."));
  item.asked_to =
      check_line(errors, "asked_to", in.asked_to, kMaxShort, N_("This field is too long (200 characters at most)."));
  item.answer =
      check_text(errors, "answer", in.answer, kMaxItem, N_("This text is too long (2000 characters at most)."));
  if (!in.due.empty()) {
    item.due_at = times::parse_paris_date(in.due);
    if (!item.due_at) errors.add("due", N_("Enter a date, such as 2026-12-15."));
  }
  if (!in.coalition.empty()) {
    auto k = coalitions::store::by_slug(c, in.coalition);
    if (!k)
      errors.add("coalition", N_("Choose coalitions from the list."));
    else
      item.coalition = Ref{k->id, k->slug, k->title};
  }
  if (!in.assignee.empty()) {
    auto who = numbers::whole(in.assignee, 1, numbers::kMaxId);
    auto held = who ? store::registration(c, e.id, *who) : std::nullopt;
    if (in.kind != ItemKind::next_step || !held || held->status != Status::registered)
      errors.add("assignee", N_("Choose a person registered to this event, for a next step."));
    else
      item.assignee_id = who;
  }
  return item;
}

// The person a next step newly names is told it is theirs.
void tell_assignee(storage::Connection& c, const Event& e, const MinutesItem& item, sys_seconds now) {
  if (item.assignee_id)
    notifications::notify(c, *item.assignee_id, notifications::kEvents, N_("A next step is yours: “{}”"),
                          urls::minutes(e.slug), now, item.body);
}

}  // namespace

FieldErrors add_minutes_item(storage::Connection& c, const User& actor, std::string_view slug, const ItemInput& in,
                             sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  MinutesItem item = read_item(c, e, in, errors);
  if (!errors.empty()) return errors;
  store::insert_item(c, item, now);
  tell_assignee(c, e, item, now);
  tx.commit();
  return errors;
}

ItemEditResult edit_minutes_item(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t item_id,
                                 const ItemInput& in, std::int64_t version, sys_seconds now) {
  ItemEditResult out;
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  auto current = store::item(c, e.id, item_id);
  if (!current) throw NotFound();
  MinutesItem item = read_item(c, e, in, out.errors);
  if (!out.errors.empty()) return out;
  item.id = current->id;
  item.version = version;
  if (version != current->version || !store::update_item(c, item)) {
    out.conflict = true;
    out.current = current;
    return out;
  }
  if (item.assignee_id != current->assignee_id) tell_assignee(c, e, item, now);
  tx.commit();
  return out;
}

void remove_minutes_item(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t item_id,
                         sys_seconds now) {
  storage::Transaction tx(c, true);
  Event e = event_to_organise(c, actor, slug, N_("Only the organisers of this event can write its minutes."));
  if (!store::delete_item(c, e.id, item_id)) throw NotFound();
  tx.commit();
}

}  // namespace fabrique::events
