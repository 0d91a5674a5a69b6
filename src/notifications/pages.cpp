// The notifications block of the account page, the action that marks them read, and the choice of
// which notices also come by mail (on the account, or by a mail's one-click link).
#include "notifications/pages.hpp"

#include "accounts/pages.hpp"
#include "follows/pages.hpp"
#include "i18n/i18n.hpp"
#include "mail/mail.hpp"
#include "notifications/notifications.hpp"
#include "notifications/urls.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

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
    mark = render(R"(<form method="post" action="{}">{}<button type="submit" class="secondary">{}</button></form>)",
                  urls::mark_read(), views::csrf_field(ctx), ctx.tr(N_("Mark all as read")));
  return render(
      R"(<section aria-labelledby="notifications"><h2 id="notifications">{}</h2><p>{}</p>{}{}</section>)",
      ctx.tr(N_("My notifications")),
      fmt::format(fmt::runtime(ctx.trn("{} unread notification", "{} unread notifications", unread)), unread),
      items.empty() ? render("<p>{}</p>", ctx.tr(N_("Nothing to tell you yet."))) : render("<ul>{}</ul>", list), mark);
}

http::Response mark_read(http::Context& ctx) {
  mark_all_read(ctx.db, ctx.user->id, ctx.now);
  return http::Response::redirect(urls::notices());
}

http::Response mail_choices_form(http::Context& ctx) {
  Html boxes;
  for (const auto& k : kKinds)
    if (k.switch_on_page)
      boxes += views::checkbox(ctx, k.key, ctx.tr(k.label), mail_enabled(ctx.db, ctx.user->id, k.key), "");
  Html notice;
  if (ctx.query.get("fait") == "1") notice = render(R"(<p class="notice" role="status">{}</p>)", ctx.tr(N_("Saved.")));
  Html form = render(
      R"(<form method="post" action="{}">{}<fieldset><legend>{}</legend>{}</fieldset><button type="submit">{}</button></form>)",
      urls::mail_choices(), views::csrf_field(ctx), ctx.tr(N_("Also send me by mail")), boxes,
      ctx.tr(N_("Save my choices")));
  Html back = render(R"(<p><a href="{}">{}</a></p>)", accounts::urls::account(), ctx.tr(N_("Back to my account")));
  Html body = render(R"(<h1>{}</h1>
{}<p>{}</p>
{}
{}
{})",
                     ctx.tr(N_("My mails")), notice,
                     ctx.tr(N_("Every notice is on your account page. Choose which ones also come by mail; mails about "
                               "your account itself (confirmations, new password) always come.")),
                     form, follows::pages::digest_section(ctx), back);
  return views::page(ctx, ctx.tr(N_("My mails")), body);
}

http::Response save_mail_choices(http::Context& ctx) {
  std::vector<std::string> wanted;
  for (const auto& k : kKinds)
    if (ctx.form.get(k.key) == "1") wanted.push_back(k.key);
  choose_mails(ctx.db, ctx.user->id, wanted, ctx.now);
  return http::Response::redirect(urls::mail_choices_saved());
}

namespace {
// The kind of a signed unsubscription link, or nullptr when the link was not made by this site.
const Kind* signed_kind(const http::Context& ctx) {
  const Kind* k = kind(ctx.param("kind"));
  if (!k || !mail::unsubscribe_token_valid(ctx.param_int("user"), k->key, ctx.param("token"))) return nullptr;
  return k;
}

http::Response bad_link(http::Context& ctx) {
  return views::page(
      ctx, 400, ctx.tr(N_("This link cannot be used")),
      render(R"(<h1>{}</h1><p class="error" role="alert">{}</p>)", ctx.tr(N_("This link cannot be used")),
             ctx.tr(N_("This unsubscription link is not valid. Check that it was copied whole, or "
                       "choose your mails on your account page."))));
}
}  // namespace

http::Response unsubscribe_form(http::Context& ctx) {
  const Kind* k = signed_kind(ctx);
  if (!k) return bad_link(ctx);
  Html body = render(R"(<h1>{}</h1>
<p>{} <strong>{}</strong></p>
<form method="post" action="{}"><button type="submit">{}</button></form>)",
                     ctx.tr(N_("Stop these mails")), ctx.tr(N_("You will no longer receive by mail:")),
                     ctx.tr(k->label), ctx.request.path, ctx.tr(N_("Unsubscribe")));
  return views::page(ctx, ctx.tr(N_("Stop these mails")), body);
}

http::Response unsubscribe(http::Context& ctx) {
  const Kind* k = signed_kind(ctx);
  if (!k) return bad_link(ctx);
  stop_mails(ctx.db, ctx.param_int("user"), k->key, ctx.now);
  Html body = render(R"(<h1>{}</h1>
<p class="notice" role="status">{} <strong>{}</strong></p>
<p>{}</p>)",
                     ctx.tr(N_("Unsubscribed")), ctx.tr(N_("You will no longer receive by mail:")), ctx.tr(k->label),
                     ctx.tr(N_("The notices stay on your account page, where you can choose your mails again.")));
  body += render(R"(<p><a href="{}">{}</a></p>)", urls::notifications(), ctx.tr(N_("Choose my mails")));
  return views::page(ctx, ctx.tr(N_("Unsubscribed")), body);
}

}  // namespace fabrique::notifications::pages
