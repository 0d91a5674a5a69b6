// Serialising actions and indicators to JSON with Boost.JSON: slugs, not labels; days as YYYY-MM-DD.
#include "roadmaps/json.hpp"

#include <boost/json/parse.hpp>

#include "coalitions/json.hpp"
#include "events/urls.hpp"
#include "roadmaps/urls.hpp"
#include "roadmaps/views.hpp"

namespace fabrique::roadmaps::json {

namespace {
boost::json::value day(const std::optional<sys_seconds>& t) {
  if (!t) return nullptr;
  return boost::json::value(views::iso_day(t));
}
boost::json::value real(const std::optional<double>& v) { return v ? boost::json::value(*v) : nullptr; }
}  // namespace

boost::json::object event(const http::Context& ctx, const std::string& slug, const std::string& title,
                          sys_seconds starts_at) {
  return {{"slug", slug},
          {"title", title},
          {"starts_at", coalitions::json::iso(starts_at)},
          {"url", ctx.base_url + events::urls::event(slug)}};
}

boost::json::object action(const http::Context& ctx, const Action& a) {
  boost::json::object o;
  o["id"] = a.id;
  o["url"] = ctx.base_url + urls::action(a.coalition_slug, a.id);
  o["coalition"] = {{"slug", a.coalition_slug}, {"number", a.coalition_number}, {"title", a.coalition_title}};
  o["parent"] = a.parent_id ? boost::json::value(*a.parent_id) : nullptr;
  o["title"] = a.title;
  o["description"] = a.description;
  o["lever"] = a.lever;
  o["scale"] = a.scale;
  o["status"] = a.status;
  o["abandon_reason"] = a.status == "abandonnee" ? boost::json::value(a.abandon_reason) : nullptr;
  o["starts_on"] = day(a.starts_on);
  o["due_on"] = day(a.due_on);
  o["progress"] = a.progress;
  o["progress_from_sub_actions"] = a.sub_actions > 0;
  o["victory"] = a.victory;
  boost::json::array qualities, organisations;
  for (const auto& q : a.qualities) qualities.push_back(boost::json::value(q));
  for (const auto& org : a.organisations) organisations.push_back({{"slug", org.slug}, {"name", org.name}});
  o["qualities"] = std::move(qualities);
  o["organisations"] = std::move(organisations);
  o["resources"] = a.resources;
  boost::json::array events;
  for (const auto& e : a.events) events.push_back(event(ctx, e.slug, e.title, e.starts_at));
  o["events"] = std::move(events);
  if (a.origin_next_step_id)
    o["origin"] = boost::json::object{{"next_step", *a.origin_next_step_id},
                                      {"event", a.origin_event_slug},
                                      {"url", ctx.base_url + urls::minutes(a.origin_event_slug)}};
  else
    o["origin"] = nullptr;
  o["revision"] = a.revision;
  o["updated_at"] = coalitions::json::iso(a.updated_at);
  return o;
}

boost::json::object indicator(const Indicator& i) {
  boost::json::object o;
  o["id"] = i.id;
  o["name"] = i.name;
  o["unit"] = i.unit;
  o["quality"] = i.quality;
  o["impact"] = i.impact;
  o["description"] = i.description;
  o["baseline"] = real(i.baseline);
  o["target"] = real(i.target);
  o["revision"] = i.revision;
  boost::json::array ms;
  for (const auto& m : i.measurements)
    ms.push_back({{"id", m.id}, {"date", views::iso_day(m.measured_on)}, {"value", m.value}, {"source", m.source}});
  o["measurements"] = std::move(ms);
  return o;
}

boost::json::array revisions(const std::vector<Revision>& revisions) {
  boost::json::array out;
  for (const auto& r : revisions) {
    auto o = coalitions::json::revision({r.number, r.created_at, r.author, r.comment, r.restored_from, r.merged_with});
    boost::system::error_code error;
    boost::json::value fields = boost::json::parse(r.snapshot, error);
    o["fields"] = error ? boost::json::value(nullptr) : std::move(fields);  // null only for a row edited by hand
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace fabrique::roadmaps::json
