// Shared HTML of the event pages, and the events section of coalition pages.
#include "events/views.hpp"

#include "coalitions/store.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"

namespace fabrique::events::views {

using html::render;
using i18n::N_;

std::string when(const Context& ctx, const Event& e) {
  if (times::date_value(e.starts_at) == times::date_value(e.ends_at))
    return ctx.t->date(e.starts_at) + ", " + times::hour(e.starts_at) + "–" + times::hour(e.ends_at);
  return ctx.t->datetime(e.starts_at) + " – " + ctx.t->datetime(e.ends_at);
}

Html status_note(const Context& ctx, const Event& e) {
  if (e.status == EventStatus::tentative) return render(R"( <strong class="status">{}</strong>)", ctx.tr(N_("(date to be confirmed)")));
  if (e.status == EventStatus::cancelled) return render(R"( <strong class="status">{}</strong>)", ctx.tr(N_("(event cancelled)")));
  return {};
}

Html card(const Context& ctx, const Event& e) {
  std::string coalitions;
  for (const auto& k : e.coalitions) coalitions += (coalitions.empty() ? "" : " · ") + k.name;
  return render(R"(<li><a href="/evenements/{}">{}</a> <span class="meta">{} — <time datetime="{}">{}</time>{}{}</span>{}</li>)",
                e.slug, e.title, e.kind_label, times::input_value(e.starts_at), when(ctx, e), status_note(ctx, e),
                e.place.empty() ? Html() : render(" — {}", e.place),
                coalitions.empty() ? Html() : render(R"(<p class="meta">{}</p>)", coalitions));
}

Html checkboxes(const Context& ctx, const std::string& name, const std::string& legend,
                const std::vector<fabrique::views::Option>& options, const std::vector<std::string>& checked,
                const FieldErrors& errors) {
  Html boxes;
  for (std::size_t i = 0; i < options.size(); ++i) {
    bool on = std::find(checked.begin(), checked.end(), options[i].value) != checked.end();
    boxes += render(R"(<div class="field checkbox"><input type="checkbox" id="f-{}-{}" name="{}" value="{}"{}><label for="f-{}-{}">{}</label></div>)",
                    name, i, name, options[i].value, on ? html::trusted(" checked") : Html(), name, i,
                    options[i].label);
  }
  Html error;
  if (const char* m = errors.find(name))
    error = render(R"(<p class="error" id="f-{}"><span class="visually-hidden">{} </span>{}</p>)", name,
                   ctx.tr(N_("Error:")), ctx.tr(m));
  return render(R"(<fieldset><legend>{}</legend>{}{}</fieldset>)", legend, error, boxes);
}

namespace {

// One speaker as shown: `before`, then the organisation (a link in HTML) if any, then `after`.
struct Shown {
  std::string before;
  std::optional<Ref> organisation;
  std::string after;
};

std::vector<Shown> shown_speakers(const Context& ctx, const Slot& s, bool organiser) {
  std::vector<Shown> out;
  for (const auto& sp : s.speakers) {
    if (!sp.user_id) {
      out.push_back({"", sp.organisation, ""});
    } else if (sp.named || organiser) {
      const std::string note = sp.named ? "" : " — " + ctx.tr(N_("not shown publicly"));
      if (sp.organisation)
        out.push_back({sp.name + " (", sp.organisation, ")" + note});
      else
        out.push_back({sp.name + note, std::nullopt, ""});
    } else if (sp.organisation) {
      // "a speaker from {}": the organisation goes where the translation puts it.
      const std::string pattern = ctx.tr(N_("a speaker from {}"));
      const auto at = pattern.find("{}");
      out.push_back({pattern.substr(0, at), sp.organisation, at == std::string::npos ? "" : pattern.substr(at + 2)});
    }
  }
  if (!s.other_speakers.empty()) out.push_back({s.other_speakers, std::nullopt, ""});
  return out;
}

}  // namespace

Html speakers(const Context& ctx, const Slot& s, bool organiser) {
  Html out;
  for (const auto& w : shown_speakers(ctx, s, organiser))
    out += render("{}{}{}{}", out.empty() ? "" : ", ", w.before,
                  w.organisation ? render(R"(<a href="/organisations/{}">{}</a>)", w.organisation->slug, w.organisation->name)
                                 : Html(),
                  w.after);
  return out;
}

std::string speakers_text(const Context& ctx, const Slot& s) {
  std::string out;
  for (const auto& w : shown_speakers(ctx, s, false))
    out += (out.empty() ? "" : ", ") + w.before + (w.organisation ? w.organisation->name : "") + w.after;
  return out;
}

std::string slot_kind_label(const Context& ctx, std::string_view slug) {
  if (auto k = slot_kind(slug)) return ctx.tr(k->label);
  return std::string(slug);
}

SlotInput slot_input(const Context& ctx) {
  return {ctx.form.get("slot_starts"), ctx.form.get("slot_ends"), ctx.form.get("slot_title"), ctx.form.get("slot_kind"),
          ctx.form.get("speakers"), ctx.form.get("slot_coalition"), ctx.form.all("speaker_organisations"),
          ctx.form.get("speaker_people")};
}

SlotInput slot_input(const Slot& s) {
  SlotInput in{times::hour(s.starts_at), times::hour(s.ends_at), s.title, s.kind, s.other_speakers,
               s.coalition ? s.coalition->slug : std::string(), {}, {}};
  for (const auto& sp : s.speakers) {
    if (sp.user_id)
      in.people += (in.people.empty() ? "" : "\n") + sp.email;
    else if (sp.organisation)
      in.organisations.push_back(sp.organisation->slug);
  }
  return in;
}

Html slot_fields(Context& ctx, const SlotInput& in, const FieldErrors& errors) {
  namespace fv = fabrique::views;
  std::vector<fv::Option> kinds, coalitions, organisations;
  for (const auto& k : kSlotKinds) kinds.push_back({k.slug, ctx.tr(k.label)});
  for (const auto& k : coalitions::store::list(ctx.db)) coalitions.push_back({k.slug, k.number + " — " + k.title});
  for (const auto& o : organisations::store::list(ctx.db, std::nullopt)) organisations.push_back({o.slug, o.name});
  return render(
      "{}{}{}{}{}{}{}{}",
      fv::input(ctx, {"slot_starts", ctx.tr(N_("Start")), in.starts, "time", "", ctx.tr(N_("Paris time, such as 14:00")), true, 0}, errors),
      fv::input(ctx, {"slot_ends", ctx.tr(N_("End")), in.ends, "time", "", "", true, 0}, errors),
      fv::input(ctx, {"slot_title", ctx.tr(N_("Title")), in.title, "text", "", "", true, kMaxTitle}, errors),
      fv::select(ctx, {"slot_kind", ctx.tr(N_("Kind")), in.kind, "", "", "", true, 0}, kinds, errors),
      checkboxes(ctx, "speaker_organisations", ctx.tr(N_("Speaking organisations")), organisations, in.organisations, errors),
      fv::textarea(ctx, {"speaker_people", ctx.tr(N_("Speakers with an account")), in.people, "", "",
                         ctx.tr(N_("One e-mail address per line. A person is named publicly only if they agree; otherwise the public sees “a speaker from” their organisation.")), false, 0},
                   errors, 3),
      fv::input(ctx, {"speakers", ctx.tr(N_("Other speakers")), in.speakers, "text", "", ctx.tr(N_("Outside speakers without an account, as they agreed to be named")), false, kMaxShort}, errors),
      fv::select(ctx, {"slot_coalition", ctx.tr(N_("Coalition")), in.coalition, "", "", "", false, 0}, coalitions, errors, ctx.tr(N_("None"))));
}

Html coalition_section(Context& ctx, std::int64_t coalition_id, const std::string& coalition_slug) {
  store::Filter f;
  f.coalition_id = coalition_id;
  Html events;
  for (const auto& e : store::list(ctx.db, f)) events += card(ctx, e);
  Html steps;
  for (const auto& s : store::next_steps_of_coalition(ctx.db, coalition_id))
    steps += render(R"(<li>{}{}{} <span class="meta">(<a href="/evenements/{}/compte-rendu">{}</a>)</span></li>)", s.body,
                    s.asked_by.empty() ? Html() : render(" — {}", s.asked_by),
                    s.due_at ? render(" — {}", fmt::format(fmt::runtime(ctx.tr(N_("by {}"))), ctx.t->date(*s.due_at)))
                             : Html(),
                    s.event_slug, s.event_title);
  Html origin;
  for (const auto& p : store::proposals_of_coalition(ctx.db, coalition_id)) {
    Html where;
    if (p.proposed_at)
      where += render(R"(<li>{} <a href="/evenements/{}">{}</a>{}</li>)", ctx.tr(N_("Proposed at")), p.proposed_at->slug,
                      p.proposed_at->name, p.proposer.empty() ? Html() : render(" — {}", p.proposer));
    if (p.presented_at)
      where += render(R"(<li>{} <a href="/evenements/{}">{}</a>{}</li>)", ctx.tr(N_("Presented at")),
                      p.presented_at->slug, p.presented_at->name,
                      p.presented_by.empty() ? Html() : render(" — {}", p.presented_by));
    origin += render(R"(<p>{} <a href="/propositions#proposition-{}">{}</a></p><ul>{}</ul>)",
                     p.status == ProposalStatus::adopted ? ctx.tr(N_("This coalition comes from the proposal"))
                                                         : ctx.tr(N_("This proposal was merged into this coalition:")),
                     p.id, p.title, where);
  }
  return render(R"(<section aria-labelledby="evenements"><h2 id="evenements">{}</h2>{}{}<h3>{}</h3>{}<p><a href="/coalitions/{}/evenements.ics">{}</a></p></section>)",
                ctx.tr(N_("Events and next steps")), origin,
                events.empty() ? render("<p>{}</p>", ctx.tr(N_("No event yet."))) : render(R"(<ul class="cards">{}</ul>)", events),
                ctx.tr(N_("Next steps decided at events")),
                steps.empty() ? render("<p>{}</p>", ctx.tr(N_("No next step yet."))) : render("<ul>{}</ul>", steps),
                coalition_slug, ctx.tr(N_("Subscribe to this coalition's events (iCalendar)")));
}

}  // namespace fabrique::events::views
