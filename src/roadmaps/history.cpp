// Rendering the revisions of actions and indicators from their JSON snapshots.
#include "roadmaps/history.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "charts/charts.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/templates/history.hpp"
#include "roadmaps/views.hpp"
#include "text/diff.hpp"
#include "views/forms.hpp"
#include "views/revisions.hpp"

namespace fabrique::roadmaps::history {

using html::render;
using i18n::N_;

namespace {

// One stored value of field `f` as the reader reads it: a list's label rather than its slug, a day
// written out, "yes" or "no", numbers with the decimal separator of their language.
std::string text_of(const Context& ctx, const Field& f, const boost::json::value& v, char decimal) {
  if (v.is_bool()) return ctx.tr(v.as_bool() ? N_("yes") : N_("no"));
  if (v.is_double()) return charts::number(v.as_double(), decimal);
  if (!v.is_string()) return boost::json::serialize(v);
  const std::string s(v.as_string());
  for (const auto& c : f.choices)
    if (s == c.slug) return ctx.tr(c.label);
  if (f.day) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(s.c_str(), "%d-%u-%u", &y, &m, &d) == 3) {
      const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
      if (ymd.ok()) return day_text(*ctx.t, sys_seconds{std::chrono::sys_days{ymd}});
    }
  }
  return s;
}

// A snapshot's field as the reader reads it; a list joined with commas, "—" for nothing.
std::string text_of(const Context& ctx, const Field& f, const boost::json::value* v, char decimal) {
  if (!v || v->is_null()) return "—";
  if (v->is_array()) {
    std::string out;
    for (const auto& e : v->as_array()) out += (out.empty() ? "" : ", ") + text_of(ctx, f, e, decimal);
    return out.empty() ? "—" : out;
  }
  return text_of(ctx, f, *v, decimal);
}

bool blank(const boost::json::value* v) {
  return !v || v->is_null() || (v->is_string() && v->as_string().empty()) || (v->is_array() && v->as_array().empty());
}

}  // namespace

Html changes(const Context& ctx, const Revision& r, const Revision* previous, std::span<const Field> fields) {
  boost::json::value now, before;
  try {
    now = boost::json::parse(r.snapshot);
    if (previous) before = boost::json::parse(previous->snapshot);
  } catch (const std::exception&) {
    return Html();  // a snapshot the code wrote itself; unreadable only if the table was edited by hand
  }
  if (!now.is_object() || (previous && !before.is_object())) return Html();
  const char decimal = views::decimal(ctx);
  const text::DiffLabels labels = fabrique::views::diff_labels(ctx);
  Html list;
  for (const auto& f : fields) {
    const boost::json::value* after = now.as_object().if_contains(f.key);
    const boost::json::value* was = previous ? before.as_object().if_contains(f.key) : nullptr;
    if (previous && ((!was && !after) || (was && after && *was == *after))) continue;
    if (!previous && blank(after)) continue;
    if (previous && f.long_text) {
      std::string a = blank(was) ? "" : text_of(ctx, f, was, decimal),
                  b = blank(after) ? "" : text_of(ctx, f, after, decimal);
      list += render("<li>{} :{}</li>", ctx.tr(f.label), text::render_diff(text::diff_words(a, b), labels));
    } else if (previous) {
      list += render("<li>{} : {} → {}</li>", ctx.tr(f.label), text_of(ctx, f, was, decimal),
                     text_of(ctx, f, after, decimal));
    } else {
      list += render("<li>{} : {}</li>", ctx.tr(f.label), text_of(ctx, f, after, decimal));
    }
  }
  return render("<ul>{}</ul>", list);
}

Html items(const Context& ctx, const std::vector<Revision>& revisions, std::span<const Field> fields,
           const std::function<Html(const Revision&)>& extra) {
  Html out;
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    const auto& r = revisions[i];
    out +=
        render(*ctx.t, templates::RevisionItem{
                           .r = r,
                           .changes = changes(ctx, r, i + 1 < revisions.size() ? &revisions[i + 1] : nullptr, fields),
                           .extra = extra ? extra(r) : Html()});
  }
  return out;
}

Html compare(const Context& ctx, const std::vector<Revision>& revisions, const std::string& page,
             std::span<const Field> fields, int level) {
  namespace fv = fabrique::views;
  if (revisions.size() < 2) return Html();
  auto query_number = [&](const char* name) -> std::int64_t {
    return numbers::whole(ctx.query.get(name), 0, numbers::kMaxId).value_or(-1);
  };
  std::vector<fv::Option> options;
  for (const auto& r : revisions) options.push_back({std::to_string(r.number), std::to_string(r.number)});
  std::int64_t from = query_number("de"), to = query_number("a");
  const Revision *older = nullptr, *newer = nullptr;
  for (const auto& r : revisions) {
    if (r.number == from) older = &r;
    if (r.number == to) newer = &r;
  }
  Html result;
  if (older && newer)
    result =
        render(R"(<section aria-labelledby="comparaison"><h{} id="comparaison">{}</h{}><p>{}</p>{}</section>)",
               level + 1, fmt::format(fmt::runtime(ctx.tr(N_("Revision {} against revision {}"))), from, to), level + 1,
               ctx.tr(N_("Added words are underlined and marked [added: …]; removed words are struck through and "
                         "marked [removed: …].")),
               changes(ctx, *newer, older, fields));
  return render(*ctx.t, templates::CompareForm{.level = level,
                                               .page = page,
                                               .revisions = options,
                                               .from = older ? std::to_string(from) : options[1].value,
                                               .to = newer ? std::to_string(to) : options[0].value,
                                               .result = result});
}

Html restore_button(Context& ctx, bool editor, const std::string& base, const Revision& r, std::int64_t current) {
  if (!editor || r.number == current) return Html();
  return render(
      R"(<form method="post" action="{}/historique/{}/restaurer">{}<button type="submit" class="secondary">{}</button></form>)",
      base, r.number, fabrique::views::csrf_field(ctx),
      fmt::format(fmt::runtime(ctx.tr(N_("Restore revision {}"))), r.number));
}

Html refused_box(const Context& ctx, const FieldErrors& refused) {
  return render(*ctx.t, templates::RefusedBox{refused});
}

Html conflict_box(const Context& ctx, const char* title) {
  return render(*ctx.t, templates::ConflictBox{ctx.tr(title)});
}

}  // namespace fabrique::roadmaps::history
