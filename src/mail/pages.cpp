// The animateurs' outbox page: counts, then the mails refused for good or still being retried, with
// the server's answer, so that a wrong address or a broken mail server is seen from the site.
#include "mail/pages.hpp"

#include <fmt/format.h>

#include "accounts/pages.hpp"
#include "mail/outbox.hpp"
#include "views/layout.hpp"
#include "views/templates/table.hpp"

namespace fabrique::mail::pages {

using html::Html;
using html::render;
using i18n::N_;

namespace {

Html counts_list(http::Context& ctx, const outbox::Counts& n) {
  auto item = [&](const std::string& message, std::int64_t count) {
    return render("<li>{}</li>", fmt::format(fmt::runtime(message), count));
  };
  const auto l = [](std::int64_t v) { return static_cast<long>(v); };
  Html items = item(ctx.trn("{} mail waiting to be sent", "{} mails waiting to be sent", l(n.pending)), n.pending);
  items += item(ctx.trn("{} of them failed once and will be tried again",
                        "{} of them failed once and will be tried again", l(n.retrying)),
                n.retrying);
  items += item(ctx.trn("{} mail sent", "{} mails sent", l(n.sent)), n.sent);
  items += item(ctx.trn("{} mail refused for good", "{} mails refused for good", l(n.failed)), n.failed);
  return render(R"(<ul>{}</ul>)", items);
}

Html trouble_row(http::Context& ctx, const outbox::Entry& e) {
  Html state = e.status == "failed" ? render("<strong>{}</strong>", ctx.tr(N_("Refused for good")))
                                    : render("{} {}", ctx.tr(N_("Next attempt:")), ctx.t->datetime(e.next_attempt_at));
  Html what = render("<td>{}</td><td>{}</td><td>{}</td>", ctx.t->datetime(e.created_at), e.recipient, e.subject);
  return render("<tr>{}<td>{}</td><td>{}</td><td><code>{}</code></td></tr>", what, e.attempts, state, e.last_error);
}

}  // namespace

http::Response outbox(http::Context& ctx) {
  if (!ctx.user->is_animateur()) return views::forbidden(ctx, N_("Only animateurs can see the outbox."));
  Html rows;
  const auto troubles = outbox::troubles(ctx.db, 200);
  for (const auto& e : troubles) rows += trouble_row(ctx, e);
  Html head = render(R"(<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)", ctx.tr(N_("Written")),
                     ctx.tr(N_("To")), ctx.tr(N_("Subject")));
  head += render(R"(<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)", ctx.tr(N_("Attempts")),
                 ctx.tr(N_("State")), ctx.tr(N_("What the mail server answered")));
  Html table =
      troubles.empty()
          ? render("<p>{}</p>", ctx.tr(N_("No mail has failed.")))
          : render(
                R"(<div{}><table><caption id="t-echecs">{}</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>)",
                html::render(*ctx.t, views::templates::TableRegion{"t-echecs"}), ctx.tr(N_("Mails that failed")), head,
                rows);
  Html body = render(R"(<h1>{}</h1>
<p>{}</p>
{}
<h2>{}</h2>
{})",
                     ctx.tr(N_("Outbox")),
                     ctx.tr(N_("Every mail of the site goes through here. A mail the server could not take is tried "
                               "again for two days; one it refused (a wrong address…) is not.")),
                     counts_list(ctx, outbox::counts(ctx.db)), ctx.tr(N_("Failures")), table);
  return views::page(ctx, ctx.tr(N_("Outbox")), body);
}

}  // namespace fabrique::mail::pages
