// The shared views of revision histories (see revisions.hpp).
#include "views/revisions.hpp"

#include <fmt/format.h>

#include "i18n/i18n.hpp"

namespace fabrique::views {

using html::render;
using i18n::N_;

text::DiffLabels diff_labels(const Context& ctx) {
  return {ctx.tr(N_("[added: ")), "]", ctx.tr(N_("[removed: ")), "]"};
}

Response compare_revisions(Context& ctx, const Html& trail, std::int64_t from, std::int64_t to,
                           const std::vector<FieldChange>& fields) {
  const auto labels = diff_labels(ctx);
  Html sections;
  for (const auto& f : fields) {
    if (f.before == f.after) continue;
    auto pieces = text::diff_words(f.before, f.after);
    auto stats = text::diff_stats(pieces);
    sections += render(R"(<section><h2>{}</h2><p class="meta">{}</p>{}</section>)", f.label,
                       fmt::format(fmt::runtime(ctx.tr(N_("{} words added, {} words removed"))), stats.added_words,
                                   stats.removed_words),
                       text::render_diff(pieces, labels));
  }
  if (sections.empty()) sections = render("<p>{}</p>", ctx.tr(N_("These two revisions have the same text.")));
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Revision {} compared with revision {}"))), from, to);
  Html body = render(R"(<p class="meta">{}</p><h1>{}</h1><p>{}</p>{})", trail, title,
                     ctx.tr(N_("Added words are underlined and marked [added: …]; removed words are struck through and "
                               "marked [removed: …].")),
                     sections);
  return page(ctx, title, body);
}

Response no_such_revisions(Context& ctx, const std::string& history) {
  return page(ctx, 400, ctx.tr(N_("Compare revisions")),
              render(R"(<h1>{}</h1><p>{}</p><p><a href="{}">{}</a></p>)", ctx.tr(N_("Compare revisions")),
                     ctx.tr(N_("Choose two revisions that exist.")), history, ctx.tr(N_("Back to the history"))));
}

}  // namespace fabrique::views
