// Serialising events, minutes items and proposals to JSON with Boost.JSON.
#include "events/json.hpp"

#include "coalitions/json.hpp"
#include "coalitions/urls.hpp"
#include "events/urls.hpp"
#include "organisations/urls.hpp"

namespace fabrique::events::json {

using coalitions::json::iso;

namespace {
// `url` makes the page's address from its slug (a module's urls::).
boost::json::value ref(const std::optional<Ref>& r, std::string (*url)(std::string_view), const http::Context& ctx) {
  if (!r) return nullptr;
  return {{"slug", r->slug}, {"title", r->name}, {"url", ctx.base_url + url(r->slug)}};
}
}  // namespace

boost::json::object event(const http::Context& ctx, const Event& e, bool reveal_link) {
  boost::json::object o;
  o["slug"] = e.slug;
  o["title"] = e.title;
  o["url"] = ctx.base_url + urls::event(e.slug);
  o["kind"] = {{"slug", e.kind_slug}, {"label", e.kind_label}};
  o["status"] = event_status(e.status).slug;
  o["starts_at"] = iso(e.starts_at);
  o["ends_at"] = iso(e.ends_at);
  o["time_zone"] = "Europe/Paris";
  o["place"] = e.place;
  o["online_url"] = reveal_link && !e.online_url.empty() ? boost::json::value(e.online_url) : nullptr;
  o["online"] = !e.online_url.empty();
  o["capacity"] = e.capacity ? boost::json::value(*e.capacity) : nullptr;
  o["registered"] = e.registered;
  o["waiting"] = e.waiting;
  o["registration_closes_at"] = e.registration_closes_at ? boost::json::value(iso(*e.registration_closes_at)) : nullptr;
  boost::json::array ks;
  for (const auto& k : e.coalitions) ks.push_back({{"slug", k.slug}, {"title", k.name}});
  o["coalitions"] = std::move(ks);
  boost::json::array os;
  for (const auto& org : e.organisers) os.push_back({{"slug", org.slug}, {"name", org.name}});
  o["organisers"] = std::move(os);
  o["updated_at"] = iso(e.updated_at);
  return o;
}

boost::json::array speakers(const http::Context& ctx, const Slot& s, bool organiser) {
  boost::json::array out;
  for (const auto& sp : s.speakers) {
    boost::json::value org = ref(sp.organisation, organisations::urls::organisation, ctx);
    if (!sp.user_id) {
      out.push_back({{"type", "organisation"}, {"organisation", org}});
    } else if (sp.named || organiser) {
      out.push_back({{"type", "person"}, {"name", sp.name}, {"public", sp.named}, {"organisation", org}});
    } else if (sp.organisation) {
      out.push_back({{"type", "person"}, {"name", nullptr}, {"public", false}, {"organisation", org}});
    }
  }
  return out;
}

boost::json::object item(const MinutesItem& i) {
  boost::json::object o;
  o["kind"] = std::string(item_kind_slug(i.kind));
  o["text"] = i.body;
  if (i.kind == ItemKind::question) {
    o["asked_by"] = i.asked_by;
    o["asked_to"] = i.asked_to;
    o["answer"] = i.answer;
  } else if (i.kind == ItemKind::next_step) {
    o["who"] = i.asked_by;
    o["due"] = i.due_at ? boost::json::value(iso(*i.due_at)) : nullptr;
    o["coalition"] = i.coalition ? boost::json::value(i.coalition->slug) : nullptr;
  }
  return o;
}

boost::json::object proposal(const http::Context& ctx, const Proposal& p) {
  boost::json::object o;
  o["id"] = p.id;
  o["title"] = p.title;
  o["intention"] = p.intention;
  o["why_now"] = p.why_now;
  o["actors"] = p.actors;
  o["proposer"] = p.proposer;
  o["proposed_at"] = ref(p.proposed_at, urls::event, ctx);
  o["presented_at"] = ref(p.presented_at, urls::event, ctx);
  o["presented_by"] = p.presented_by;
  o["status"] = std::string(proposal_status_slug(p.status));
  o["reason"] = p.reason;
  o["coalition"] = ref(p.coalition, coalitions::urls::coalition, ctx);
  o["created_at"] = iso(p.created_at);
  return o;
}

}  // namespace fabrique::events::json
