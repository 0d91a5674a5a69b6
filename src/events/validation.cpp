// Checks of an event's fields.
#include "events/validation.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::events {

using i18n::N_;

std::string check_line(FieldErrors& errors, const char* field, std::string_view in, std::size_t max,
                       const char* too_long) {
  std::string s = text::trim(in);
  if (!text::valid_utf8(s, false))
    errors.add(field, N_("This field contains characters that are not allowed."));
  else if (text::length(s) > max)
    errors.add(field, too_long);
  return s;
}

std::string check_text(FieldErrors& errors, const char* field, std::string_view in, std::size_t max,
                       const char* too_long) {
  std::string s = text::trim(in);
  if (s.size() > max)
    errors.add(field, too_long);
  else if (!text::valid_utf8(s))
    errors.add(field, N_("This field contains characters that are not allowed."));
  return s;
}

namespace {

std::optional<sys_seconds> check_time(FieldErrors& errors, const char* field, std::string_view in, bool required) {
  if (text::trim(in).empty()) {
    if (required) errors.add(field, N_("Enter a date and time, such as 2026-12-15 14:00."));
    return std::nullopt;
  }
  times::ParseError e{};
  auto t = times::parse_paris(text::trim(in), &e);
  if (!t)
    errors.add(field, e == times::ParseError::nonexistent
                          ? N_("This time does not exist in Paris (the clocks go forward then). Choose another.")
                          : N_("Enter a date and time, such as 2026-12-15 14:00."));
  return t;
}

}  // namespace

CheckedEvent validate(storage::Connection& c, const EventInput& in, FieldErrors& errors) {
  CheckedEvent out;
  Event& e = out.event;
  auto kind = taxonomies::term(c, taxonomies::kEventKinds, in.kind);
  if (!kind)
    errors.add("kind", N_("Choose a kind of event from the list."));
  else
    e.kind_id = kind->id, e.kind_slug = kind->slug, e.kind_label = kind->label;
  if (const auto* s = event_status(in.status.empty() ? "confirmed" : in.status))
    e.status = s->status;
  else
    errors.add("status", N_("Choose a status from the list."));
  e.title = check_line(errors, "title", in.title, kMaxTitle, N_("The title is too long (200 characters at most)."));
  if (e.title.empty() && !errors.find("title")) errors.add("title", N_("Enter the event's title."));
  auto starts = check_time(errors, "starts", in.starts, true);
  auto ends = check_time(errors, "ends", in.ends, true);
  if (starts) e.starts_at = *starts;
  if (ends) e.ends_at = *ends;
  if (starts && ends && *ends <= *starts) errors.add("ends", N_("The end must come after the start."));
  e.place = check_line(errors, "place", in.place, kMaxPlace, N_("The place is too long (300 characters at most)."));
  e.online_url = text::trim(in.online_url);
  if (!e.online_url.empty() && (e.online_url.size() > kMaxUrl || !text::looks_like_web_address(e.online_url)))
    errors.add("online_url", N_("Enter a web address starting with https://, or leave it empty."));
  const std::string capacity = text::trim(in.capacity);
  if (!capacity.empty()) {
    if (auto n = numbers::whole(capacity, 1, kMaxCapacity))
      e.capacity = *n;
    else
      errors.add("capacity", N_("Enter a number of places between 1 and 100000, or leave it empty for no limit."));
  }
  e.description = check_text(errors, "description", in.description, kMaxDescriptionBytes,
                             N_("The description is too long (50 KB at most)."));
  if (auto closes = check_time(errors, "closes", in.closes, false)) {
    e.registration_closes_at = *closes;
    if (starts && *closes > *starts) errors.add("closes", N_("Registration must close before the event starts."));
  }
  for (const auto& slug : in.coalitions) {
    auto k = coalitions::store::by_slug(c, slug);
    if (!k) {
      errors.add("coalitions", N_("Choose coalitions from the list."));
      break;
    }
    out.coalitions.push_back(k->id);
  }
  for (const auto& slug : in.organisers) {
    auto o = organisations::store::by_slug(c, slug);
    if (!o) {
      errors.add("organisers", N_("Choose organisations from the list."));
      break;
    }
    out.organisers.push_back(o->id);
  }
  return out;
}

std::vector<std::string> nonempty_lines(std::string_view in) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < in.size();) {
    std::size_t end = in.find('\n', start);
    if (end == std::string_view::npos) end = in.size();
    std::string line = text::trim(in.substr(start, end - start));
    start = end + 1;
    if (!line.empty()) out.push_back(std::move(line));
  }
  return out;
}

void check_coalition_rights(storage::Connection& c, const User& actor, const std::vector<Ref>& before,
                            const std::vector<std::int64_t>& after, bool must_keep_own, FieldErrors& errors) {
  if (actor.is_animateur()) return;
  const std::set<std::int64_t> mine = store::co_ported(c, actor.id);
  bool keeps_own = false;
  for (auto id : after) {
    const bool had = std::any_of(before.begin(), before.end(), [&](const Ref& r) { return r.id == id; });
    if (!mine.count(id) && !had) {
      errors.add("coalitions", N_("You can only add the coalitions you co-port."));
      return;
    }
    keeps_own = keeps_own || mine.count(id);
  }
  if (must_keep_own && !keeps_own) errors.add("coalitions", N_("Choose at least one of the coalitions you co-port."));
}

}  // namespace fabrique::events
