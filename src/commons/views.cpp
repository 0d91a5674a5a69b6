// Pieces of HTML the commons pages share.
#include "commons/views.hpp"

#include "i18n/i18n.hpp"

namespace fabrique::commons::views {

using html::render;
using i18n::N_;

Html subnav(const Context& ctx, std::string_view current) {
  struct Link {
    const char* href;
    const char* label;
  };
  static constexpr Link kLinks[] = {
      {"/ressources", N_("Resources")}, {"/charte", N_("Charter")}, {"/boussole", N_("Boussole")}};
  Html items;
  for (const auto& l : kLinks) {
    if (current == l.href)
      items += render(R"(<li><a href="{}" aria-current="page">{}</a></li>)", l.href, ctx.tr(l.label));
    else
      items += render(R"(<li><a href="{}">{}</a></li>)", l.href, ctx.tr(l.label));
  }
  return render(R"(<nav aria-label="{}"><ul class="tags">{}</ul></nav>)", ctx.tr(N_("Commons")), items);
}

std::string kind_label(const Context& ctx, std::string_view slug) {
  const Choice* k = kind(slug);
  return k ? ctx.tr(k->label) : std::string(slug);
}

std::string outcome_label(const Context& ctx, std::string_view slug) {
  const Choice* o = outcome(slug);
  return o ? ctx.tr(o->label) : std::string(slug);
}

std::string coalition_title(const CoalitionRef& k) { return "Coalition " + k.number + " — " + k.title; }

std::vector<fabrique::views::Option> kind_options(const Context& ctx) {
  std::vector<fabrique::views::Option> out;
  for (const auto& k : kKinds) out.push_back({k.slug, ctx.tr(k.label)});
  return out;
}

std::vector<fabrique::views::Option> licence_options() {
  std::vector<fabrique::views::Option> out;
  for (const auto& l : kLicences) out.push_back({l.id, l.name});
  return out;
}

std::vector<fabrique::views::Option> outcome_options(const Context& ctx) {
  std::vector<fabrique::views::Option> out;
  for (const auto& o : kOutcomes) out.push_back({o.slug, ctx.tr(o.label)});
  return out;
}

std::vector<fabrique::views::Option> coalition_options(const std::vector<CoalitionRef>& all) {
  std::vector<fabrique::views::Option> out;
  for (const auto& k : all) out.push_back({k.slug, coalition_title(k)});
  return out;
}

Html draft_notice(const Context& ctx, Status s) {
  if (s == Status::published) return {};
  return render(R"(<p class="notice">{}</p>)",
                ctx.tr(N_("Proposal awaiting publication: only its author, the co-porteurs concerned and the animateurs see it.")));
}

std::int64_t page_number(const Context& ctx) {
  try {
    return std::max<std::int64_t>(1, std::stoll(ctx.query.get("page")));
  } catch (const std::exception&) {
    return 1;  // absent or not a number
  }
}

}  // namespace fabrique::commons::views
