// The charter: the version in force with its signature form, the versions with their diff against
// the previous adopted one and their consultation comments, drafting, consultation, adoption, and
// the signatories per version.
#include "accounts/pages.hpp"
#include "coalitions/views.hpp"
#include "common/numbers.hpp"
#include "commons/pages.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/views.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "text/diff.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/revisions.hpp"

namespace fabrique::commons::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

std::string version_title(const Context& ctx, const CharterVersion& v) {
  std::string t = fmt::format(fmt::runtime(ctx.tr(N_("Version {}"))), v.number);
  return v.label.empty() ? t : t + " (" + v.label + ")";
}

std::string version_state(const Context& ctx, const CharterVersion& v) {
  if (v.adopted()) return fmt::format(fmt::runtime(ctx.tr(N_("adopted on {}"))), ctx.t->date(*v.adopted_at));
  if (v.in_consultation(ctx.now))
    return fmt::format(fmt::runtime(ctx.tr(N_("in consultation until {}"))), ctx.t->datetime(*v.closes_at));
  if (v.opens_at) return ctx.tr(N_("consultation closed, awaiting adoption"));
  return ctx.tr(N_("draft"));
}

Html sections_html(const Context& ctx, const CharterVersion& v) {
  Html out;
  for (const auto& s : kCharterSections) {
    auto it = v.sections.find(s.key);
    out += render(R"(<h2 id="{}">{}</h2>{})", s.key, ctx.tr(s.title),
                  text::render_markdown(it == v.sections.end() ? "" : it->second));
  }
  return out;
}

// The sign form: for oneself, or for one of one's organisations.
Html sign_form(Context& ctx, const CharterVersion& v, const FieldErrors& errors) {
  if (!ctx.user)
    return render(R"(<p><a href="/connexion?retour=/charte">{}</a></p>)", ctx.tr(N_("Sign in to sign the charter")));
  std::vector<fv::Option> options;
  for (const auto& o : organisations::store::of_user(ctx.db, ctx.user->id))
    options.push_back({o.slug, fmt::format(fmt::runtime(ctx.tr(N_("For {}"))), o.name)});
  return render(R"(<form method="post" action="/charte/versions/{}/signer" novalidate>{}{}{}<button type="submit">{}</button></form>)",
                v.number, fv::error_summary(ctx, errors), fv::csrf_field(ctx),
                fv::select(ctx, {"organisation", ctx.tr(N_("Sign")), ctx.form.get("organisation"), "", "", "", false, 0},
                           options, errors, ctx.tr(N_("In my own name"))),
                ctx.tr(N_("Sign this version")));
}

Response render_charter(Context& ctx, const FieldErrors& errors, int status) {
  auto current = store::latest_adopted(ctx.db);
  Html in_progress;
  for (const auto& v : store::charter_versions(ctx.db))
    if (!v.adopted() && (v.opens_at || (ctx.user && ctx.user->is_animateur())))
      in_progress += render(R"(<p class="notice"><a href="/charte/versions/{}">{}</a> — {}</p>)", v.number,
                            version_title(ctx, v), version_state(ctx, v));
  Html resign;
  if (ctx.user && current)
    for (const auto& s : awaiting_resignature(ctx.db))
      if (s.user_id == ctx.user->id)
        resign += render(R"(<p class="notice" role="status">{}</p>)",
                         fmt::format(fmt::runtime(ctx.tr(N_("You signed version {} {}; version {} has been adopted since: please sign it again."))),
                                     s.version_number,
                                     s.organisation_id ? fmt::format(fmt::runtime(ctx.tr(N_("for {}"))), s.organisation_name)
                                                       : ctx.tr(N_("in your own name")),
                                     current->number));
  Html admin;
  if (ctx.user && ctx.user->is_animateur())
    admin = render(R"(<p><a href="/charte/versions/nouvelle">{}</a></p>)", ctx.tr(N_("Draft a new version")));
  Html main;
  if (current) {
    main = render(R"(<p class="meta">{} — {}</p>{}{}<h2>{}</h2>{})", version_title(ctx, *current),
                  version_state(ctx, *current),
                  current->summary.empty() ? Html() : render("<p>{}</p>", current->summary), sections_html(ctx, *current),
                  ctx.tr(N_("Sign the charter")), sign_form(ctx, *current, errors));
  } else {
    main = render("<p>{}</p>", ctx.tr(N_("No version of the charter has been adopted yet.")));
  }
  Html body = render(R"(<h1>{}</h1>{}{}{}{}{}<p><a href="/charte/versions">{}</a> · <a href="/charte/signataires">{}</a></p>)",
                     ctx.tr(N_("The charter")), views::subnav(ctx, "/charte"), admin, resign, in_progress, main,
                     ctx.tr(N_("Every version")), ctx.tr(N_("Signatories")));
  return fv::page(ctx, status, ctx.tr(N_("The charter")), body);
}

CharterVersion version_or_404(Context& ctx) {
  auto v = store::charter_version(ctx.db, ctx.param_int("number"));
  if (!v) throw NotFound();
  // A draft not yet opened for consultation is the animateurs' only.
  if (!v->opens_at && !(ctx.user && ctx.user->is_animateur())) throw NotFound();
  return *v;
}

Response render_version(Context& ctx, const CharterVersion& v, const FieldErrors& errors, int status) {
  auto previous = store::latest_adopted(ctx.db, v.number);
  auto comments = store::charter_comments(ctx.db, v.id);
  const bool open = v.in_consultation(ctx.now);
  const auto labels = fv::diff_labels(ctx);
  Html sections;
  for (const auto& s : kCharterSections) {
    auto it = v.sections.find(s.key);
    const std::string body = it == v.sections.end() ? "" : it->second;
    Html change;
    if (previous) {
      auto before = previous->sections.find(s.key);
      const std::string old = before == previous->sections.end() ? "" : before->second;
      change = old == body ? render(R"(<p class="meta">{}</p>)", ctx.tr(N_("Unchanged since the previous version.")))
                           : render(R"(<details><summary>{}</summary>{}</details>)",
                                    fmt::format(fmt::runtime(ctx.tr(N_("Changes since version {}"))), previous->number),
                                    text::render_diff(text::diff_words(old, body), labels));
    }
    Html list;
    for (const auto& m : comments)
      if (m.section == s.key)
        list += render(R"(<li><p class="meta">{} — {}</p>{}</li>)",
                       coalitions::views::public_name(ctx, m.author_name, m.author_organisation),
                       ctx.t->datetime(m.created_at), text::render_markdown(m.body, 3));
    Html form;
    if (open && ctx.user)
      form = render(R"(<form method="post" action="/charte/versions/{}/commentaires" novalidate>{}<input type="hidden" name="section" value="{}">{}<button type="submit">{}</button></form>)",
                    v.number, fv::csrf_field(ctx), s.key,
                    fv::textarea(ctx, {"comment-" + std::string(s.key),
                                       fmt::format(fmt::runtime(ctx.tr(N_("Your comment on “{}”"))), ctx.tr(s.title)),
                                       ctx.form.get("comment-" + std::string(s.key)), "", "",
                                       ctx.tr(N_("Comments are public, signed with your public name.")), false, kMaxComment},
                                 errors, 3),
                    ctx.tr(N_("Comment")));
    else if (open)
      form = render(R"(<p><a href="/connexion?retour=/charte/versions/{}">{}</a></p>)", v.number,
                    ctx.tr(N_("Sign in to comment")));
    sections += render(R"(<section aria-labelledby="{}"><h2 id="{}">{}</h2>{}{}{}{}</section>)", s.key, s.key, ctx.tr(s.title),
                       text::render_markdown(body), change,
                       list.empty() ? Html() : render(R"(<h3>{}</h3><ul>{}</ul>)", ctx.tr(N_("Comments")), list), form);
  }
  Html admin;
  if (ctx.user && ctx.user->is_animateur() && !v.frozen())
    admin += render(R"(<p><a href="/charte/versions/{}/modifier">{}</a></p>)", v.number, ctx.tr(N_("Edit this draft")));
  if (ctx.user && ctx.user->is_animateur() && !v.adopted()) {
    if (!open)
      admin += render(R"(<form method="post" action="/charte/versions/{}/consultation" novalidate>{}{}<button type="submit">{}</button></form>)",
                      v.number, fv::csrf_field(ctx),
                      fv::input(ctx, {"days", ctx.tr(N_("Length of the consultation, in days")), "30", "number", "off", "", true, 0}, errors),
                      v.opens_at ? ctx.tr(N_("Open the consultation again")) : ctx.tr(N_("Open the consultation")));
    if (v.opens_at)
      admin += render(R"(<form method="post" action="/charte/versions/{}/adopter">{}<button type="submit">{}</button></form>)",
                      v.number, fv::csrf_field(ctx), ctx.tr(N_("Adopt this version")));
  }
  std::string title = ctx.tr(N_("The charter")) + " — " + version_title(ctx, v);
  Html body = render(R"(<p class="meta"><a href="/charte/versions">{}</a></p><h1>{}</h1><p class="meta">{}</p>{}{}{}{})",
                     ctx.tr(N_("Every version")), title, version_state(ctx, v),
                     v.summary.empty() ? Html() : render("<p>{}</p>", v.summary), fv::error_summary(ctx, errors), admin, sections);
  return fv::page(ctx, status, title, body);
}

// The draft form: a new version (no `draft`), or the edit of a draft (after a conflict, with a box
// saying that nothing was saved).
Response render_draft_form(Context& ctx, const CharterDraftInput& in, const FieldErrors& errors, int status,
                           const CharterVersion* draft = nullptr, bool conflict = false) {
  Html fields;
  fields += fv::input(ctx, {"label", ctx.tr(N_("Label")), in.label, "text", "off", ctx.tr(N_("Optional, for example “beta”.")), false, kMaxLabel}, errors);
  fields += fv::input(ctx, {"summary", ctx.tr(N_("What changes")), in.summary, "text", "off", "", false, kMaxSummary}, errors);
  for (const auto& s : kCharterSections) {
    auto it = in.sections.find(s.key);
    fields += fv::textarea(ctx, {s.key, ctx.tr(s.title), it == in.sections.end() ? "" : it->second, "", "",
                                 ctx.tr(N_("Markdown is accepted.")), false, 0},
                           errors, 8);
  }
  if (!draft)
    return views::form_page(
        ctx,
        {.title = ctx.tr(N_("Draft a new version of the charter")),
         .intro = render("<p>{}</p>", ctx.tr(N_("The text starts from the latest version. Once drafted, open it for consultation: members comment section by section, then adopt it."))),
         .action = "/charte/versions/nouvelle",
         .fields = fields,
         .submit = N_("Save the draft")},
        errors, status);
  return views::form_page(
      ctx,
      {.title = fmt::format(fmt::runtime(ctx.tr(N_("Edit the draft of version {}"))), draft->number),
       .intro = render(R"(<p class="meta"><a href="/charte/versions/{}">{}</a></p><p>{}</p>)", draft->number,
                       version_title(ctx, *draft),
                       ctx.tr(N_("The draft can be changed until its consultation opens; its text is then frozen."))),
       .action = "/charte/versions/" + std::to_string(draft->number) + "/modifier",
       .base_revision = draft->updated_at.time_since_epoch().count(),
       .conflict = conflict,
       .conflict_title = N_("Someone saved this draft while you were editing it"),
       .conflict_text = N_("Nothing was saved. Your changes are still in the form; compare them with the draft as it is now, then save again."),
       .fields = fields,
       .submit = N_("Save the draft")},
      errors, status);
}

// The 409 page for a draft whose consultation has opened.
Response frozen_draft(Context& ctx, const CharterVersion& v) {
  const std::string title = ctx.tr(N_("This version can no longer be edited"));
  return fv::page(ctx, 409, title,
                  render(R"(<h1>{}</h1><p role="alert">{}</p><p><a href="/charte/versions/{}">{}</a></p>)", title,
                         ctx.tr(N_("Its consultation has opened: members comment on this text, so it stays as it is. Nothing was saved. To change it, draft a new version once this one is adopted.")),
                         v.number, version_title(ctx, v)));
}

CharterDraftInput draft_input_from(const Context& ctx) {
  CharterDraftInput in;
  in.label = ctx.form.get("label");
  in.summary = ctx.form.get("summary");
  for (const auto& s : kCharterSections) in.sections[s.key] = ctx.form.get(s.key);
  return in;
}

}  // namespace

Response charter(Context& ctx) { return render_charter(ctx, {}, 200); }

Response charter_versions(Context& ctx) {
  Html items;
  for (const auto& v : store::charter_versions(ctx.db)) {
    if (!v.opens_at && !(ctx.user && ctx.user->is_animateur())) continue;
    items += render(R"(<li><a href="/charte/versions/{}">{}</a> <span class="meta">{}</span>{}</li>)", v.number,
                    version_title(ctx, v), version_state(ctx, v), v.summary.empty() ? Html() : render("<p>{}</p>", v.summary));
  }
  if (items.empty()) items = render("<li>{}</li>", ctx.tr(N_("No version yet.")));
  Html body = render(R"(<p class="meta"><a href="/charte">{}</a></p><h1>{}</h1><ul class="cards">{}</ul>)",
                     ctx.tr(N_("The charter")), ctx.tr(N_("Versions of the charter")), items);
  return fv::page(ctx, ctx.tr(N_("Versions of the charter")), body);
}

Response charter_version(Context& ctx) { return render_version(ctx, version_or_404(ctx), {}, 200); }

Response new_charter_version(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  if (!ctx.user->is_animateur()) return fv::forbidden(ctx, N_("Only the animateurs can draft a version of the charter."));
  CharterDraftInput in;
  auto versions = store::charter_versions(ctx.db);
  if (!versions.empty())
    if (auto latest = store::charter_version(ctx.db, versions.front().number)) in.sections = latest->sections;
  return render_draft_form(ctx, in, {}, 200);
}

Response create_charter_version(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  CharterDraftInput in = draft_input_from(ctx);
  auto result = draft_charter_version(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_draft_form(ctx, in, result.errors, 422);
  return Response::redirect("/charte/versions/" + std::to_string(result.number));
}

Response edit_charter_draft(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  if (!ctx.user->is_animateur()) return fv::forbidden(ctx, N_("Only the animateurs can edit a draft of the charter."));
  CharterVersion v = version_or_404(ctx);
  if (v.frozen()) return frozen_draft(ctx, v);
  CharterDraftInput in{v.label, v.summary, v.sections};
  return render_draft_form(ctx, in, {}, 200, &v);
}

Response update_charter_draft(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  CharterDraftInput in = draft_input_from(ctx);
  auto result = commons::edit_charter_draft(ctx.db, *ctx.user, ctx.param_int("number"), in,
                                            views::integer_field(ctx.form.get("base_revision"), -1), ctx.now);
  CharterVersion v = version_or_404(ctx);
  if (result.frozen) return frozen_draft(ctx, v);
  if (result.conflict) return render_draft_form(ctx, in, {}, 409, &v, true);
  if (!result.errors.empty()) return render_draft_form(ctx, in, result.errors, 422, &v);
  return Response::redirect("/charte/versions/" + ctx.param("number"));
}

Response open_consultation(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  // Not a number of days: 0, refused below with the field's message.
  const int days = static_cast<int>(numbers::whole(ctx.form.get("days"), 0, 100000).value_or(0));
  auto errors = commons::open_consultation(ctx.db, *ctx.user, ctx.param_int("number"), days, ctx.now);
  if (!errors.empty()) return render_version(ctx, version_or_404(ctx), errors, 422);
  return Response::redirect("/charte/versions/" + ctx.param("number"));
}

Response comment_charter(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto errors = commons::comment_charter(ctx.db, *ctx.user, ctx.param_int("number"), ctx.form.get("section"),
                                         ctx.form.get("comment-" + ctx.form.get("section")), ctx.now);
  if (!errors.empty()) return render_version(ctx, version_or_404(ctx), errors, 422);
  return Response::redirect("/charte/versions/" + ctx.param("number") + "#" + ctx.form.get("section"));
}

Response adopt_charter(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto errors = adopt_charter_version(ctx.db, *ctx.user, ctx.param_int("number"), ctx.now);
  if (!errors.empty()) return render_version(ctx, version_or_404(ctx), errors, 422);
  return Response::redirect("/charte/versions/" + ctx.param("number"));
}

Response sign_charter(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto errors = commons::sign_charter(ctx.db, *ctx.user, ctx.param_int("number"), ctx.form.get("organisation"), ctx.now);
  if (!errors.empty()) return render_charter(ctx, errors, 422);
  return Response::redirect("/charte/signataires");
}

Response signatories(Context& ctx) {
  auto all = store::signatures(ctx.db);
  Html sections;
  for (const auto& v : store::charter_versions(ctx.db)) {
    if (!v.adopted()) continue;
    Html orgs, people;
    std::int64_t n = 0;
    for (const auto& s : all) {
      if (s.version_number != v.number) continue;
      ++n;
      if (s.organisation_id)
        orgs += render(R"(<li><a href="/organisations/{}">{}</a> <span class="meta">{}</span></li>)", s.organisation_slug,
                       s.organisation_name, ctx.t->date(s.created_at));
      else
        people += render(R"(<li>{} <span class="meta">{}</span></li>)",
                         s.person.empty() ? ctx.tr(N_("a member")) : s.person, ctx.t->date(s.created_at));
    }
    sections += render(R"(<h2>{}</h2><p class="meta">{} · {}</p>{}{})", version_title(ctx, v), version_state(ctx, v),
                       fmt::format(fmt::runtime(ctx.trn("{} signature", "{} signatures", static_cast<long>(n))), n),
                       orgs.empty() ? Html() : render(R"(<h3>{}</h3><ul>{}</ul>)", ctx.tr(N_("Organisations")), orgs),
                       people.empty() ? Html() : render(R"(<h3>{}</h3><ul>{}</ul>)", ctx.tr(N_("Members")), people));
  }
  Html waiting;
  for (const auto& s : awaiting_resignature(ctx.db))
    waiting += render("<li>{} <span class=\"meta\">{}</span></li>",
                      s.organisation_id ? s.organisation_name : (s.person.empty() ? ctx.tr(N_("a member")) : s.person),
                      fmt::format(fmt::runtime(ctx.tr(N_("signed version {}"))), s.version_number));
  if (sections.empty()) sections = render("<p>{}</p>", ctx.tr(N_("No version of the charter has been adopted yet.")));
  Html body = render(R"(<p class="meta"><a href="/charte">{}</a></p><h1>{}</h1>{}{})", ctx.tr(N_("The charter")),
                     ctx.tr(N_("Signatories of the charter")), sections,
                     waiting.empty() ? Html()
                                     : render(R"(<h2>{}</h2><p>{}</p><ul>{}</ul>)", ctx.tr(N_("Asked to sign again")),
                                              ctx.tr(N_("They signed an earlier version and have not yet signed the one in force.")), waiting));
  return fv::page(ctx, ctx.tr(N_("Signatories of the charter")), body);
}

}  // namespace fabrique::commons::pages
