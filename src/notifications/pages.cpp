// The notifications block of the account page and the action that marks them read.
#include "notifications/pages.hpp"

#include "accounts/pages.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "views/forms.hpp"

namespace fabrique::notifications::pages {

using html::Html;
using html::render;
using i18n::N_;

Html account_section(http::Context& ctx) {
  auto items = latest(ctx.db, ctx.user->id);
  long unread = static_cast<long>(unread_count(ctx.db, ctx.user->id));
  Html list;
  for (const auto& n : items) {
    std::string text = ctx.tr(n.message.c_str());
    if (text.find("{}") != std::string::npos) text = fmt::format(fmt::runtime(text), n.subject);
    Html what = n.link.empty() ? render("{}", text) : render(R"(<a href="{}">{}</a>)", n.link, text);
    list += render(R"(<li>{}{} <span class="meta">{}</span></li>)",
                   n.read ? Html() : render("<strong>{}</strong> ", ctx.tr(N_("New:"))), what,
                   ctx.t->datetime(n.created_at));
  }
  Html mark;
  if (unread > 0)
    mark = render(R"(<form method="post" action="/compte/notifications/lues">{}<button type="submit" class="secondary">{}</button></form>)",
                  views::csrf_field(ctx), ctx.tr(N_("Mark all as read")));
  return render(R"(<section aria-labelledby="notifications"><h2 id="notifications">{}</h2><p>{}</p>{}{}</section>)",
                ctx.tr(N_("My notifications")),
                fmt::format(fmt::runtime(ctx.trn("{} unread notification", "{} unread notifications", unread)), unread),
                items.empty() ? render("<p>{}</p>", ctx.tr(N_("Nothing to tell you yet.")))
                              : render("<ul>{}</ul>", list),
                mark);
}

http::Response mark_read(http::Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  mark_all_read(ctx.db, ctx.user->id, ctx.now);
  return http::Response::redirect("/compte#notifications");
}

}  // namespace fabrique::notifications::pages
