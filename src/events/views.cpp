// Shared HTML of the event pages, and what the event templates call to show a value.
#include "events/views.hpp"

#include "events/times.hpp"
#include "events/view_models.hpp"
#include "i18n/i18n.hpp"
#include "organisations/urls.hpp"

namespace fabrique::events {

using i18n::N_;

std::string when(const i18n::Translator& t, const Event& e) {
  if (times::date_value(e.starts_at) == times::date_value(e.ends_at))
    return t.date(e.starts_at) + ", " + times::hour(e.starts_at) + "–" + times::hour(e.ends_at);
  return t.datetime(e.starts_at) + " – " + t.datetime(e.ends_at);
}

std::string coalition_names(const Event& e) {
  std::string names;
  for (const auto& k : e.coalitions) names += (names.empty() ? "" : " · ") + k.name;
  return names;
}

namespace {

// One speaker as shown: `before`, then the organisation (a link in HTML) if any, then `after`.
struct Shown {
  std::string before;
  std::optional<Ref> organisation;
  std::string after;
};

std::vector<Shown> shown_speakers(const i18n::Translator& t, const Slot& s, bool organiser) {
  std::vector<Shown> out;
  for (const auto& sp : s.speakers) {
    if (!sp.user_id) {
      out.push_back({"", sp.organisation, ""});
    } else if (sp.named || organiser) {
      const std::string note = sp.named ? "" : " — " + t.tr(N_("not shown publicly"));
      if (sp.organisation)
        out.push_back({sp.name + " (", sp.organisation, ")" + note});
      else
        out.push_back({sp.name + note, std::nullopt, ""});
    } else if (sp.organisation) {
      // "a speaker from {}": the organisation goes where the translation puts it.
      const std::string pattern = t.tr(N_("a speaker from {}"));
      const auto at = pattern.find("{}");
      out.push_back({pattern.substr(0, at), sp.organisation, at == std::string::npos ? "" : pattern.substr(at + 2)});
    }
  }
  if (!s.other_speakers.empty()) out.push_back({s.other_speakers, std::nullopt, ""});
  return out;
}

}  // namespace

html::Html speakers(const i18n::Translator& t, const Slot& s, bool organiser) {
  html::Html out;
  for (const auto& w : shown_speakers(t, s, organiser))
    out += html::render(
        "{}{}{}{}", out.empty() ? "" : ", ", w.before,
        w.organisation ? html::render(R"(<a href="{}">{}</a>)", organisations::urls::organisation(w.organisation->slug),
                                      w.organisation->name)
                       : html::Html(),
        w.after);
  return out;
}

std::string speakers_text(const i18n::Translator& t, const Slot& s) {
  std::string out;
  for (const auto& w : shown_speakers(t, s, false))
    out += (out.empty() ? "" : ", ") + w.before + (w.organisation ? w.organisation->name : "") + w.after;
  return out;
}

std::string slot_kind_label(const i18n::Translator& t, std::string_view slug) {
  if (auto k = slot_kind(slug)) return t.tr(k->label);
  return std::string(slug);
}

// "1,2 Mo" / "1.2 MB", "34 Ko" / "34 KB".
std::string size_text(std::int64_t bytes) {
  if (bytes >= 1000 * 1000) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
  return fmt::format("{} KB", std::max<std::int64_t>(1, bytes / 1000));
}

std::vector<fabrique::views::Option> revision_options(const std::vector<MinutesRevision>& revisions) {
  std::vector<fabrique::views::Option> options;
  for (const auto& r : revisions) options.push_back({std::to_string(r.number), std::to_string(r.number)});
  return options;
}

}  // namespace fabrique::events

namespace fabrique::events::views {

SlotInput slot_input(const Context& ctx) {
  return {ctx.form.get("slot_starts"),
          ctx.form.get("slot_ends"),
          ctx.form.get("slot_title"),
          ctx.form.get("slot_kind"),
          ctx.form.get("speakers"),
          ctx.form.get("slot_coalition"),
          ctx.form.all("speaker_organisations"),
          ctx.form.get("speaker_people")};
}

SlotInput slot_input(const Slot& s) {
  SlotInput in{times::hour(s.starts_at),
               times::hour(s.ends_at),
               s.title,
               s.kind,
               s.other_speakers,
               s.coalition ? s.coalition->slug : std::string(),
               {},
               {}};
  for (const auto& sp : s.speakers) {
    if (sp.user_id)
      in.people += (in.people.empty() ? "" : "\n") + sp.email;
    else if (sp.organisation)
      in.organisations.push_back(sp.organisation->slug);
  }
  return in;
}

}  // namespace fabrique::events::views
