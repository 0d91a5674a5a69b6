// Use case: an animateur, or a co-porteur for their coalitions, creates an event, or every occurrence of a series at
// once.
#include <date/date.h>

#include "common/text.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"

namespace fabrique::events {

using i18n::N_;

namespace {

// The `week`-th `weekday` (ISO: 1 Monday … 7 Sunday) of a month; week 5 means the last one.
date::year_month_day nth_weekday(date::year_month ym, int week, int weekday) {
  const date::weekday wd{static_cast<unsigned>(weekday % 7)};
  if (week >= 5)
    return date::year_month_day{
        date::sys_days{date::year_month_weekday_last{ym.year(), ym.month(), date::weekday_last{wd}}}};
  return date::year_month_day{
      date::sys_days{date::year_month_weekday{ym.year(), ym.month(), wd[static_cast<unsigned>(week)]}}};
}

// The start instants of every occurrence, each at the Paris wall-clock hour of the first one.
std::vector<sys_seconds> occurrences(const EventInput& in, sys_seconds first, FieldErrors& errors) {
  std::vector<sys_seconds> out;
  const std::string local = times::input_value(first);  // "YYYY-MM-DDTHH:MM"
  const int hh = std::stoi(local.substr(11, 2)), mm = std::stoi(local.substr(14, 2));
  auto at = [&](date::year_month_day d) {
    return times::from_paris(static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                             static_cast<unsigned>(d.day()), hh, mm);
  };
  if (in.repeat == Repeat::monthly) {
    if (in.week < 1 || in.week > 5) errors.add("week", N_("Choose which week of the month."));
    if (in.weekday < 1 || in.weekday > 7) errors.add("weekday", N_("Choose the day of the week."));
    if (in.count < 1 || in.count > static_cast<int>(kMaxOccurrences))
      errors.add("count", N_("Enter a number of occurrences between 1 and 60."));
    if (!errors.empty()) return out;
    const date::year_month_day d0{date::floor<date::days>(date::sys_seconds{first.time_since_epoch()})};
    date::year_month ym{d0.year(), d0.month()};
    for (int i = 0; i < in.count; ++i, ym += date::months{1})
      if (auto t = at(nth_weekday(ym, in.week, in.weekday))) out.push_back(*t);
  } else {
    for (const std::string& line : nonempty_lines(in.dates)) {
      auto day = times::parse_paris_date(line);
      if (!day) {
        errors.add("dates", N_("Write one date per line, such as 2026-12-15."));
        return out;
      }
      const std::string d = times::date_value(*day);
      if (auto t = times::from_paris(std::stoi(d.substr(0, 4)), std::stoul(d.substr(5, 2)), std::stoul(d.substr(8, 2)),
                                     hh, mm))
        out.push_back(*t);
      if (out.size() > kMaxOccurrences) break;
    }
    if (out.empty()) errors.add("dates", N_("Write one date per line, such as 2026-12-15."));
    if (out.size() > kMaxOccurrences) errors.add("dates", N_("A series has 60 occurrences at most."));
  }
  return out;
}

// A free address made of `base`, then base-2, base-3…
std::string free_slug(storage::Connection& c, const std::string& base) {
  std::string slug = base;
  for (int n = 2; store::slug_taken(c, slug); ++n) slug = base + "-" + std::to_string(n);
  return slug;
}

}  // namespace

EventResult create_event(storage::Connection& c, const User& actor, const EventInput& in, sys_seconds now) {
  EventResult out;
  storage::Transaction tx(c, true);
  if (!actor.is_animateur() && store::co_ported(c, actor.id).empty())
    throw Forbidden(N_("Only animateurs and the co-porteurs of a coalition can create events."));
  CheckedEvent checked = validate(c, in, out.errors);
  // A co-porteur creates events of their own coalitions only.
  check_coalition_rights(c, actor, {}, checked.coalitions, true, out.errors);
  Event& e = checked.event;
  const std::string wanted = text::trim(in.slug);
  std::string base = text::slugify(wanted.empty() ? e.title : wanted);
  if (!wanted.empty() && base != wanted)
    out.errors.add("slug", N_("The address may contain only lower-case letters, digits and dashes."));
  else if (base == "nouveau" || base == "types" || base == "agenda" || base == "mes-inscriptions")
    out.errors.add("slug", N_("This address is reserved. Choose another one."));
  else if (!wanted.empty() && store::slug_taken(c, base))
    out.errors.add("slug", N_("Another event already has this address."));
  const auto places = territories::resolve_places(c, in.territories, out.errors, "territoires");
  std::vector<sys_seconds> starts{e.starts_at};
  if (in.repeat != Repeat::none && out.errors.empty()) starts = occurrences(in, e.starts_at, out.errors);
  if (!out.errors.empty()) return out;

  const auto duration = e.ends_at - e.starts_at;
  const auto closes_before =
      e.registration_closes_at ? e.starts_at - *e.registration_closes_at : std::chrono::seconds{0};
  if (in.repeat != Repeat::none)
    e.series_id = store::insert_series(c, e.title, in.repeat == Repeat::monthly ? "monthly" : "dates", now);
  e.created_by = actor.id;
  e.created_at = e.updated_at = now;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    Event one = e;
    one.starts_at = starts[i];
    one.ends_at = starts[i] + duration;
    if (e.registration_closes_at) one.registration_closes_at = starts[i] - closes_before;
    // An explicit address names the first occurrence; the others, and made-up ones, get their date.
    std::string slug =
        (i == 0 && !wanted.empty())
            ? base
            : base + (in.repeat != Repeat::none || wanted.empty() ? "-" + times::date_value(starts[i]) : "");
    one.slug = free_slug(c, slug);
    one.id = store::insert(c, one);
    store::set_coalitions(c, one.id, checked.coalitions);
    store::set_organisations(c, one.id, checked.organisers, "organiser");
    territories::place(c, territories::subject::event, one.id, places);
    index_event(c, one);
    if (i == 0) out.event = one;
    ++out.occurrences;
  }
  tx.commit();
  out.event = store::by_id(c, out.event->id);
  return out;
}

}  // namespace fabrique::events
