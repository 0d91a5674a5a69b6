// Validation shared by the roadmap use cases: one place says what a valid action, day or number is.
#include "roadmaps/validation.hpp"

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/numbers.hpp"
#include "common/text.hpp"
#include "roadmaps/use_cases.hpp"

namespace fabrique::roadmaps::validation {

using i18n::N_;

std::optional<sys_seconds> parse_day(std::string_view text) {
  std::string t = text::trim(text);
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto digits = [&](std::size_t from, std::size_t len, auto& out) {
    auto r = std::from_chars(t.data() + from, t.data() + from + len, out);
    return r.ec == std::errc() && r.ptr == t.data() + from + len;
  };
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok() || y < 1900 || y > 2200) return std::nullopt;
  return sys_seconds(date::sys_days(ymd).time_since_epoch());
}

std::optional<double> parse_number(std::string_view text) {
  return numbers::decimal(text, -numbers::kMaxMeasure, numbers::kMaxMeasure);
}

std::string bounded(std::string_view text, std::size_t max, bool multiline, const char* field, const char* message,
                    FieldErrors& errors) {
  std::string t = text::trim(text);
  if (!text::valid_utf8(t, multiline) || text::length(t) > max) errors.add(field, message);
  return t;
}

Action read_action(const ActionInput& in, FieldErrors& errors) {
  Action a;
  a.title = bounded(in.title, kMaxTitle, false, "title", N_("The title is too long (200 characters at most)."), errors);
  if (a.title.empty() && !errors.find("title")) errors.add("title", N_("Give the action a title."));
  a.description = bounded(in.description, kMaxDescription, true, "description",
                          N_("The description is too long (20,000 characters at most)."), errors);
  if (!find(kLevers, in.lever)) errors.add("lever", N_("Choose a lever from the list."));
  a.lever = in.lever;
  if (!find(kScales, in.scale)) errors.add("scale", N_("Choose a scale from the list."));
  a.scale = in.scale;
  if (!find(kStatuses, in.status)) errors.add("status", N_("Choose a status from the list."));
  a.status = in.status;
  a.abandon_reason = bounded(in.abandon_reason, kMaxReason, true, "abandon_reason",
                             N_("The reason is too long (1,000 characters at most)."), errors);
  if (a.status == "abandonnee" && a.abandon_reason.empty() && !errors.find("abandon_reason"))
    errors.add("abandon_reason", N_("Say why the action is abandoned."));
  if (a.status != "abandonnee") a.abandon_reason.clear();  // a reason only means something when abandoned

  if (!text::trim(in.starts_on).empty()) {
    a.starts_on = parse_day(in.starts_on);
    if (!a.starts_on) errors.add("starts_on", N_("Enter the start as a date (year-month-day)."));
  }
  if (!text::trim(in.due_on).empty()) {
    a.due_on = parse_day(in.due_on);
    if (!a.due_on) errors.add("due_on", N_("Enter the due date as a date (year-month-day)."));
  }
  if (a.starts_on && a.due_on && *a.due_on < *a.starts_on)
    errors.add("due_on", N_("The due date cannot be before the start."));

  std::string progress = text::trim(in.progress);
  if (progress.empty()) {
    a.entered_progress = a.status == "realisee" ? 100 : 0;
  } else {
    auto p = parse_number(progress);
    if (!p || *p < 0 || *p > 100 || std::floor(*p) != *p)
      errors.add("progress", N_("Progress is a whole number from 0 to 100."));
    else
      a.entered_progress = static_cast<int>(*p);
  }
  a.victory = in.victory;
  for (const auto& q : in.qualities) {
    if (!find(kQualities, q)) {
      errors.add("qualities", N_("Choose qualities from the list."));
      break;
    }
    if (std::find(a.qualities.begin(), a.qualities.end(), q) == a.qualities.end()) a.qualities.push_back(q);
  }
  // Stored in the order of the list, so that two saves of the same choice compare equal.
  std::sort(a.qualities.begin(), a.qualities.end(),
            [](const std::string& x, const std::string& y) { return find(kQualities, x) < find(kQualities, y); });
  a.resources = bounded(in.resources, kMaxResources, true, "resources",
                        N_("The list of resources is too long (4,000 characters at most)."), errors);
  if (in.organisations.size() > kMaxOrganisations) errors.add("organisations", N_("Choose at most 30 organisations."));
  return a;
}

}  // namespace fabrique::roadmaps::validation

#include <boost/json.hpp>

#include "charts/charts.hpp"
#include "organisations/store.hpp"
#include "roadmaps/store.hpp"

namespace fabrique::roadmaps::validation {

void resolve(storage::Connection& c, std::int64_t coalition_id, std::optional<std::int64_t> self, const ActionInput& in,
             Action& a, FieldErrors& errors) {
  for (const auto& slug : in.organisations) {
    if (slug.empty()) continue;
    auto o = organisations::store::by_slug(c, slug);
    if (!o) {
      errors.add("organisations", N_("Choose organisations from the list."));
      break;
    }
    bool seen = false;
    for (const auto& known : a.organisations) seen = seen || known.id == o->id;
    if (!seen) a.organisations.push_back({o->id, o->slug, o->name});
  }
  if (!in.events.empty()) {
    // Chosen among the coalition's events: one query, whatever the number chosen.
    auto known = store::coalition_events(c, coalition_id);
    if (in.events.size() > known.size() + 1) errors.add("events", N_("Choose events of this coalition from the list."));
    for (const auto& slug : in.events) {
      if (slug.empty() || errors.find("events")) continue;
      auto e = std::find_if(known.begin(), known.end(), [&](const LinkedEvent& x) { return x.slug == slug; });
      if (e == known.end()) {
        errors.add("events", N_("Choose events of this coalition from the list."));
        break;
      }
      if (std::none_of(a.events.begin(), a.events.end(), [&](const LinkedEvent& x) { return x.id == e->id; }))
        a.events.push_back(*e);
    }
    std::sort(a.events.begin(), a.events.end(), [](const LinkedEvent& x, const LinkedEvent& y) {
      return x.starts_at < y.starts_at || (x.starts_at == y.starts_at && x.id < y.id);
    });
  }
  std::string parent = text::trim(in.parent);
  if (parent.empty()) return;
  std::optional<Action> p;
  if (auto id = numbers::whole(parent, 1, numbers::kMaxId)) p = store::action(c, coalition_id, *id);
  if (!p || p->parent_id || (self && (p->id == *self || store::has_sub_actions(c, *self)))) {
    errors.add("parent", N_("Choose a main action of this coalition as the parent."));
    return;
  }
  a.parent_id = p->id;
}

std::string snapshot(const Action& a) {
  auto day = [](const std::optional<sys_seconds>& t) -> boost::json::value {
    if (!t) return nullptr;
    return boost::json::value(date::format("%F", *t));
  };
  boost::json::array qualities, organisations;
  for (const auto& q : a.qualities) qualities.push_back(boost::json::value(q));
  for (const auto& o : a.organisations) organisations.push_back(boost::json::value(o.name));
  boost::json::object o;
  o["title"] = a.title;
  o["description"] = a.description;
  o["parent"] = a.parent_id ? boost::json::value(*a.parent_id) : boost::json::value(nullptr);
  o["lever"] = a.lever;
  o["scale"] = a.scale;
  o["status"] = a.status;
  o["abandon_reason"] = a.abandon_reason;
  o["starts_on"] = day(a.starts_on);
  o["due_on"] = day(a.due_on);
  o["progress"] = a.entered_progress;
  o["victory"] = a.victory;
  o["qualities"] = std::move(qualities);
  o["organisations"] = std::move(organisations);
  o["resources"] = a.resources;
  boost::json::array events;
  for (const auto& e : a.events) events.push_back(boost::json::value(e.slug));
  o["events"] = std::move(events);
  o["origin_next_step"] =
      a.origin_next_step_id ? boost::json::value(*a.origin_next_step_id) : boost::json::value(nullptr);
  return boost::json::serialize(o);
}

namespace {

// A revision's snapshot read back field by field; empty when it cannot be read, so that validation
// refuses it (no name, no title…) rather than restoring it half-read.
class Snapshot {
 public:
  explicit Snapshot(const std::string& json) {
    try {
      if (auto v = boost::json::parse(json); v.is_object()) o_ = std::move(v.as_object());
    } catch (const std::exception&) {
    }
  }
  std::string text(const char* key) const {
    const auto* v = o_.if_contains(key);
    if (!v || v->is_null()) return "";
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_double()) return charts::number(v->as_double());
    if (v->is_int64()) return std::to_string(v->as_int64());
    return "";
  }
  std::vector<std::string> list(const char* key) const {
    std::vector<std::string> out;
    if (const auto* v = o_.if_contains(key); v && v->is_array())
      for (const auto& e : v->as_array())
        if (e.is_string()) out.emplace_back(e.as_string());
    return out;
  }
  bool flag(const char* key) const {
    const auto* v = o_.if_contains(key);
    return v && v->is_bool() && v->as_bool();
  }

 private:
  boost::json::object o_;
};

}  // namespace

ActionInput input_of_snapshot(storage::Connection& c, const std::string& snapshot) {
  ActionInput in;
  const Snapshot o(snapshot);
  auto text = [&](const char* key) { return o.text(key); };
  auto list = [&](const char* key) { return o.list(key); };
  in.title = text("title");
  in.description = text("description");
  in.parent = text("parent");
  in.lever = text("lever");
  in.scale = text("scale");
  in.status = text("status");
  in.abandon_reason = text("abandon_reason");
  in.starts_on = text("starts_on");
  in.due_on = text("due_on");
  in.progress = text("progress");
  in.victory = o.flag("victory");
  in.qualities = list("qualities");
  for (const auto& name : list("organisations")) {
    auto found = organisations::store::by_name(c, name);
    in.organisations.push_back(found ? found->slug : name);  // a name no organisation has is refused
  }
  in.resources = text("resources");
  in.events = list("events");
  return in;
}

Indicator read_indicator(const IndicatorInput& in, FieldErrors& errors) {
  Indicator i;
  i.name = bounded(in.name, kMaxName, false, "name", N_("The name is too long (200 characters at most)."), errors);
  if (i.name.empty() && !errors.find("name")) errors.add("name", N_("Give the indicator a name."));
  i.unit = bounded(in.unit, kMaxUnit, false, "unit", N_("The unit is too long (40 characters at most)."), errors);
  if (!find(kQualities, in.quality)) errors.add("quality", N_("Choose a quality from the list."));
  i.quality = in.quality;
  if (!find(kImpacts, in.impact)) errors.add("impact", N_("Choose a kind of impact from the list."));
  i.impact = in.impact;
  i.description = bounded(in.description, 2000, true, "description",
                          N_("The description is too long (2,000 characters at most)."), errors);
  auto number = [&](const std::string& text, const char* field, const char* message) -> std::optional<double> {
    if (text::trim(text).empty()) return std::nullopt;
    auto v = parse_number(text);
    if (!v) errors.add(field, message);
    return v;
  };
  i.baseline = number(in.baseline, "baseline",
                      N_("The baseline must be a number between -1,000,000,000,000 and 1,000,000,000,000."));
  i.target =
      number(in.target, "target", N_("The target must be a number between -1,000,000,000,000 and 1,000,000,000,000."));
  return i;
}

std::string snapshot(const Indicator& i) {
  auto real = [](const std::optional<double>& v) { return v ? boost::json::value(*v) : boost::json::value(nullptr); };
  boost::json::object o;
  o["name"] = i.name;
  o["unit"] = i.unit;
  o["quality"] = i.quality;
  o["impact"] = i.impact;
  o["baseline"] = real(i.baseline);
  o["target"] = real(i.target);
  o["description"] = i.description;
  return boost::json::serialize(o);
}

IndicatorInput indicator_input_of_snapshot(const std::string& snapshot) {
  IndicatorInput in;
  const Snapshot o(snapshot);
  auto text = [&](const char* key) { return o.text(key); };
  in.name = text("name");
  in.unit = text("unit");
  in.quality = text("quality");
  in.impact = text("impact");
  in.description = text("description");
  in.baseline = text("baseline");
  in.target = text("target");
  return in;
}

const Revision& revision_to_restore(const std::vector<Revision>& revisions, std::int64_t number, std::int64_t current) {
  for (const auto& r : revisions)
    if (r.number == number && number != current) return r;
  throw NotFound();
}

Measurement read_measurement(const MeasurementInput& in, FieldErrors& errors) {
  Measurement m;
  if (text::trim(in.measured_on).empty()) {
    errors.add("measured_on", N_("Enter the date of the measurement."));
  } else if (auto d = parse_day(in.measured_on)) {
    m.measured_on = *d;
  } else {
    errors.add("measured_on", N_("Enter the date as a date (year-month-day)."));
  }
  if (text::trim(in.value).empty()) {
    errors.add("value", N_("Enter the measured value."));
  } else if (auto v = parse_number(in.value)) {
    m.value = *v;
  } else {
    errors.add("value", N_("The value must be a number between -1,000,000,000,000 and 1,000,000,000,000."));
  }
  m.source =
      bounded(in.source, kMaxSource, false, "source", N_("The source is too long (500 characters at most)."), errors);
  return m;
}

}  // namespace fabrique::roadmaps::validation
