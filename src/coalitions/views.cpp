// Shared pieces of the coalition pages.
#include "coalitions/views.hpp"

#include "coalitions/view_models.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::coalitions::views {

using i18n::N_;

std::string stage_label(const Context& ctx, std::string_view slug) { return ctx.tr(stage_msgid(std::string(slug))); }

std::string days(const Context& ctx, std::chrono::seconds span) {
  long n = std::max<long>(0, static_cast<long>(span.count() / 86400));
  return fmt::format(fmt::runtime(ctx.trn("{} day", "{} days", n)), n);
}

std::string public_name(const Context& ctx, const std::string& name, const std::string& organisation) {
  if (!name.empty() && !organisation.empty()) return name + " (" + organisation + ")";
  if (!name.empty()) return name;
  if (!organisation.empty()) return organisation;
  return ctx.tr(N_("a member"));
}

}  // namespace fabrique::coalitions::views
