// The charter: the version in force with its signature form, the versions with their diff against
// the previous adopted one and their consultation comments, drafting, consultation, adoption, and
// the signatories per version.
#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <map>
#include <memory>

#include "coalitions/json.hpp"
#include "coalitions/views.hpp"
#include "common/numbers.hpp"
#include "commons/pages.hpp"
#include "commons/store.hpp"
#include "commons/templates/charter.hpp"
#include "commons/urls.hpp"
#include "commons/use_cases.hpp"
#include "commons/view_models.hpp"
#include "commons/views.hpp"
#include "decisions/pages.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "organisations/urls.hpp"
#include "storage/settings.hpp"
#include "text/diff.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/revisions.hpp"
#include "views/saved.hpp"

namespace fabrique::commons::pages {

using html::Html;
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

VersionLine version_line(const Context& ctx, CharterVersion v) {
  VersionLine line{.title = version_title(ctx, v), .state = version_state(ctx, v)};
  line.version = std::move(v);
  return line;
}

bool animateur(const Context& ctx) { return ctx.user && ctx.user->is_animateur(); }

// Everything the charter's page shows, read in one place: the version in force with its sections,
// the versions under way, the person's signatures to renew and the organisations they may sign for.
// `errors` is a refused signature.
CharterPage load_charter(Context& ctx, const FieldErrors& errors) {
  CharterPage page;
  page.animateur = animateur(ctx);
  page.signed_in = ctx.user.has_value();
  page.errors = errors;
  auto current = store::latest_adopted(ctx.db);
  for (auto& v : store::charter_versions(ctx.db))
    if (!v.adopted() && (v.opens_at || page.animateur)) page.in_progress.push_back(version_line(ctx, std::move(v)));
  if (ctx.user && current)
    // Among the signatures of the signers this person signed as, not every signature.
    for (const auto& s : awaiting_resignature(store::signatures(ctx.db, ctx.user->id), current->number))
      if (s.user_id == ctx.user->id)
        page.resign.push_back(fmt::format(
            fmt::runtime(
                ctx.tr(N_("You signed version {} {}; version {} has been adopted since: please sign it again."))),
            s.version_number,
            s.organisation_id ? fmt::format(fmt::runtime(ctx.tr(N_("for {}"))), s.organisation_name)
                              : ctx.tr(N_("in your own name")),
            current->number));
  if (current) {
    for (const auto& s : kCharterSections) {
      auto it = current->sections.find(s.key);
      page.sections.push_back(
          {.def = &s, .body = text::render_markdown(it == current->sections.end() ? "" : it->second)});
    }
    page.current = version_line(ctx, std::move(*current));
  }
  if (ctx.user && page.current) {
    // A select, not a picker: bounded by the person's memberships, never every organisation.
    for (const auto& o : organisations::store::of_user(ctx.db, ctx.user->id))
      page.organisations.push_back({o.slug, fmt::format(fmt::runtime(ctx.tr(N_("For {}"))), o.name)});
    page.organisation = ctx.form.get("organisation");
  }
  return page;
}

Response render_charter(Context& ctx, const FieldErrors& errors, int status) {
  CharterPage page = load_charter(ctx, errors);
  // Only a signed-in person sees the sign form; asking for the token makes the page personal.
  std::string csrf = page.signed_in && page.current ? ctx.csrf_token() : std::string();
  return fv::page(ctx, status, ctx.tr(N_("The charter")),
                  html::render(*ctx.t, templates::Charter{.page = page, .csrf = csrf}));
}

CharterVersion version_or_404(Context& ctx) {
  auto v = store::charter_version(ctx.db, ctx.param_int("number"));
  if (!v) throw NotFound();
  // A draft not yet opened for consultation is the animateurs' only.
  if (!v->opens_at && !animateur(ctx)) throw NotFound();
  return *v;
}

// Everything a version's page shows, read in one place: each section with its changes since the
// previous adopted version and its comments, and what an animateur may do with it. `errors` is a
// refused action (a comment, opening the consultation, adoption).
VersionPage load_version(Context& ctx, const CharterVersion& v, const FieldErrors& errors) {
  VersionPage page;
  auto previous = store::latest_adopted(ctx.db, v.number);
  auto comments = store::charter_comments(ctx.db, v.id);
  page.title = ctx.tr(N_("The charter")) + " — " + version_title(ctx, v);
  page.open = v.in_consultation(ctx.now);
  page.signed_in = ctx.user.has_value();
  page.errors = errors;
  page.may_edit = animateur(ctx) && !v.frozen();
  page.may_open = animateur(ctx) && !v.adopted() && !page.open;
  page.may_adopt = animateur(ctx) && !v.adopted() && v.opens_at;
  if (previous) page.previous = previous->number;
  const auto labels = fv::diff_labels(ctx);
  for (const auto& s : kCharterSections) {
    auto it = v.sections.find(s.key);
    const std::string body = it == v.sections.end() ? "" : it->second;
    VersionSection section{.def = &s, .body = text::render_markdown(body)};
    if (previous) {
      auto before = previous->sections.find(s.key);
      const std::string old = before == previous->sections.end() ? "" : before->second;
      section.unchanged = old == body;
      if (!section.unchanged) section.changes = text::render_diff(text::diff_words(old, body), labels);
    }
    for (const auto& m : comments)
      if (m.section == s.key)
        section.comments.push_back({coalitions::views::public_name(ctx, m.author_name, m.author_organisation),
                                    m.created_at, text::render_markdown(m.body, 3)});
    section.typed = ctx.form.get("comment-" + std::string(s.key));
    page.sections.push_back(std::move(section));
  }
  page.version = version_line(ctx, v);
  return page;
}

Response render_version(Context& ctx, const CharterVersion& v, const FieldErrors& errors, int status) {
  VersionPage page = load_version(ctx, v, errors);
  // Forms for a signed-in person during the consultation, and for the animateurs.
  const bool forms = (page.open && page.signed_in) || page.may_open || page.may_adopt;
  std::string csrf = forms ? ctx.csrf_token() : std::string();
  Html main = html::render(*ctx.t, templates::Version{.page = page, .csrf = csrf});
  main += decisions::pages::about(ctx, {.charter_version_id = v.id}, "charter:" + std::to_string(v.number));
  return fv::page(ctx, status, page.title, main);
}

// The draft form: a new version (no `draft`), or the edit of a draft (after a conflict, with a box
// saying that nothing was saved).
Response render_draft_form(Context& ctx, const CharterDraftInput& in, const FieldErrors& errors, int status,
                           const CharterVersion* draft = nullptr, bool conflict = false) {
  Html fields;
  fields += fv::input(ctx,
                      {"label", ctx.tr(N_("Label")), in.label, "text", "off",
                       ctx.tr(N_("Optional, for example “beta”.")), false, kMaxLabel},
                      errors);
  fields += fv::input(ctx, {"summary", ctx.tr(N_("What changes")), in.summary, "text", "off", "", false, kMaxSummary},
                      errors);
  for (const auto& s : kCharterSections) {
    auto it = in.sections.find(s.key);
    fields += fv::textarea(ctx,
                           {s.key, ctx.tr(s.title), it == in.sections.end() ? "" : it->second, "", "",
                            ctx.tr(N_("Markdown is accepted.")), false, 0},
                           errors, 8);
  }
  if (!draft)
    return views::form_page(
        ctx,
        {.title = ctx.tr(N_("Draft a new version of the charter")),
         .intro =
             html::render("<p>{}</p>", ctx.tr(N_("The text starts from the latest version. Once drafted, open it for "
                                                 "consultation: members comment section by section, then adopt it."))),
         .action = urls::new_charter_version(),
         .fields = fields,
         .submit = N_("Save the draft")},
        errors, status);
  return views::form_page(
      ctx,
      {.title = fmt::format(fmt::runtime(ctx.tr(N_("Edit the draft of version {}"))), draft->number),
       .intro =
           html::render(R"(<p class="meta"><a href="{}">{}</a></p><p>{}</p>)", urls::charter_version(draft->number),
                        version_title(ctx, *draft),
                        ctx.tr(N_("The draft can be changed until its consultation opens; its text is then frozen."))),
       .action = urls::edit_charter_draft(draft->number),
       .base_revision = draft->updated_at.time_since_epoch().count(),
       .conflict = conflict,
       .conflict_title = N_("Someone saved this draft while you were editing it"),
       .conflict_text = N_("Nothing was saved. Your changes are still in the form; compare them with the draft as it "
                           "is now, then save again."),
       .fields = fields,
       .submit = N_("Save the draft")},
      errors, status);
}

// The 409 page for a draft whose consultation has opened.
Response frozen_draft(Context& ctx, const CharterVersion& v) {
  const std::string title = ctx.tr(N_("This version can no longer be edited"));
  return fv::page(
      ctx, 409, title,
      html::render(R"(<h1>{}</h1><p role="alert">{}</p><p><a href="{}">{}</a></p>)", title,
                   ctx.tr(N_("Its consultation has opened: members comment on this text, so it stays as it is. Nothing "
                             "was saved. To change it, draft a new version once this one is adopted.")),
                   urls::charter_version(v.number), version_title(ctx, v)));
}

CharterDraftInput draft_input_from(const Context& ctx) {
  CharterDraftInput in;
  in.label = ctx.form.get("label");
  in.summary = ctx.form.get("summary");
  for (const auto& s : kCharterSections) in.sections[s.key] = ctx.form.get(s.key);
  return in;
}

// The order every signature is listed in, per adopted version, and those asked to sign version
// `current` (the one in force) again: shared until a signature, a version, a signer or an organisation
// changes (storage/memo.hpp), so that a page of the signatories reads its own hundred rows, not the
// whole charter's (10,000 signatures of the large programme: a 1.16 MB page).
struct SignatoryOrder {
  std::map<std::int64_t, std::vector<std::int64_t>> organisations, people;  // by version number
  std::vector<std::int64_t> waiting;
};
using SharedSignatoryOrder = std::shared_ptr<const SignatoryOrder>;

SharedSignatoryOrder signatory_order(storage::Connection& c, std::int64_t current) {
  return storage::settings::memo<SharedSignatoryOrder>(c, "commons.signatories." + std::to_string(current), [&] {
    auto out = std::make_shared<SignatoryOrder>();
    const auto every = store::signature_order(c);
    for (const auto& s : every)
      (s.organisation_id ? out->organisations : out->people)[s.version_number].push_back(s.id);
    for (const auto& s : awaiting_resignature(every, current)) out->waiting.push_back(s.id);
    return SharedSignatoryOrder(std::move(out));
  });
}

constexpr std::int64_t kSignaturesPerPage = 100;

// The signatories of the adopted version asked for (?version=, the one in force when absent; any
// other is not found), a page at a time: its organisations, its people, then, under the version in
// force, those asked to sign it again, one list cut into pages.
SignatoriesPage load_signatories(Context& ctx) {
  SignatoriesPage page;
  for (auto& v : store::charter_versions(ctx.db))  // newest first
    if (v.adopted()) page.versions.push_back(version_line(ctx, std::move(v)));
  if (page.versions.empty()) return page;
  const std::int64_t current = page.versions.front().version.number;
  const std::string asked = ctx.query.get("version");
  page.shown = asked.empty() ? current : views::integer_field(asked, 0);
  if (std::none_of(page.versions.begin(), page.versions.end(),
                   [&](const VersionLine& v) { return v.version.number == page.shown; }))
    throw NotFound();
  page.in_force = page.shown == current;

  const SharedSignatoryOrder order = signatory_order(ctx.db, current);
  static const std::vector<std::int64_t> none;
  auto of = [&](const auto& by_version) -> const std::vector<std::int64_t>& {
    auto it = by_version.find(page.shown);
    return it == by_version.end() ? none : it->second;
  };
  const std::array<const std::vector<std::int64_t>*, 3> parts = {&of(order->organisations), &of(order->people),
                                                                 page.in_force ? &order->waiting : &none};
  page.organisations = static_cast<std::int64_t>(parts[0]->size());
  page.people = static_cast<std::int64_t>(parts[1]->size());
  page.waiting = static_cast<std::int64_t>(parts[2]->size());
  const fv::PageOf shown = fv::page_of(ctx, page.organisations + page.people + page.waiting, kSignaturesPerPage);
  page.page = shown.page;
  page.pages = shown.pages;
  page.pager_base = fv::pager_base(urls::signatories(), asked.empty() ? "" : "?version=" + std::to_string(page.shown));

  // The page's stretch of the three lists one after the other, read in one query.
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, std::size_t> part_of;
  std::int64_t skip = shown.offset, take = shown.limit;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& list = *parts[i];
    const auto n = static_cast<std::int64_t>(list.size());
    for (std::int64_t k = std::min(skip, n); k < n && take > 0; ++k, --take) {
      ids.push_back(list[static_cast<std::size_t>(k)]);
      part_of[ids.back()] = i;
    }
    skip = std::max<std::int64_t>(0, skip - n);
  }
  const std::array<std::vector<Signature>*, 3> here = {&page.organisations_here, &page.people_here, &page.waiting_here};
  for (auto& s : store::signatures_by_id(ctx.db, ids)) here[part_of.at(s.id)]->push_back(std::move(s));
  return page;
}

// The versions anyone may read (opened to consultation), and the drafts for the animateurs.
VersionsPage load_versions(Context& ctx) {
  VersionsPage page;
  for (auto& v : store::charter_versions(ctx.db))
    if (v.opens_at || animateur(ctx)) page.versions.push_back(version_line(ctx, std::move(v)));
  return page;
}

// --- JSON (docs/api.md): the same loaders as the pages, the Markdown as written.

// Where a version stands, as a stable key.
const char* state_key(const CharterVersion& v, sys_seconds now) {
  if (v.adopted()) return "adopted";
  if (v.in_consultation(now)) return "consultation";
  if (v.opens_at) return "awaiting_adoption";
  return "draft";
}

boost::json::value instant(const std::optional<sys_seconds>& t) {
  return t ? boost::json::value(coalitions::json::iso(*t)) : boost::json::value(nullptr);
}

boost::json::object version_object(const Context& ctx, const CharterVersion& v) {
  return {{"number", v.number},
          {"label", v.label},
          {"summary", v.summary},
          {"state", state_key(v, ctx.now)},
          {"consultation_opens_at", instant(v.opens_at)},
          {"consultation_closes_at", instant(v.closes_at)},
          {"adopted_at", instant(v.adopted_at)},
          {"updated_at", coalitions::json::iso(v.updated_at)},
          {"url", ctx.base_url + urls::charter_version(v.number)}};
}

// The sections of a version in the charter's order: key, title (in the person's language), Markdown.
boost::json::array sections_array(const Context& ctx, const CharterVersion& v) {
  boost::json::array out;
  for (const auto& s : kCharterSections) {
    auto it = v.sections.find(s.key);
    out.push_back({{"key", s.key}, {"title", ctx.tr(s.title)}, {"text", it == v.sections.end() ? "" : it->second}});
  }
  return out;
}

// A draft is the animateurs' only: its document is theirs, never open data.
Response version_response(const Context& ctx, const CharterVersion& v, boost::json::object out) {
  Response r = coalitions::json::response(ctx, std::move(out));
  if (!v.opens_at) r.set_header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

Response charter(Context& ctx) { return render_charter(ctx, {}, 200); }

Response charter_json(Context& ctx) {
  CharterPage page = load_charter(ctx, {});
  boost::json::object out;
  if (page.current) {
    out["version"] = version_object(ctx, page.current->version);
    out["sections"] = sections_array(ctx, page.current->version);
  } else {
    out["version"] = nullptr;
    out["sections"] = boost::json::array();
  }
  boost::json::array in_progress;
  for (const auto& line : page.in_progress)
    if (line.version.opens_at) in_progress.push_back(version_object(ctx, line.version));
  out["in_progress"] = std::move(in_progress);
  return coalitions::json::response(ctx, std::move(out));
}

Response charter_versions_json(Context& ctx) {
  boost::json::array items;
  for (const auto& line : load_versions(ctx).versions)
    if (line.version.opens_at) items.push_back(version_object(ctx, line.version));
  boost::json::object out;
  out["count"] = items.size();
  out["versions"] = std::move(items);
  return coalitions::json::response(ctx, std::move(out));
}

Response charter_version_json(Context& ctx) {
  auto v = store::charter_version(ctx.db, ctx.param_int("number"));
  if (!v || (!v->opens_at && !animateur(ctx))) return coalitions::json::not_found(ctx);
  VersionPage page = load_version(ctx, *v, {});
  boost::json::object out = version_object(ctx, page.version.version);
  out["previous_adopted"] = page.previous ? boost::json::value(*page.previous) : boost::json::value(nullptr);
  boost::json::array sections = sections_array(ctx, page.version.version);
  for (std::size_t i = 0; i < sections.size() && i < page.sections.size(); ++i) {
    sections[i].as_object()["changed"] = !page.sections[i].unchanged;
    sections[i].as_object()["comments"] = page.sections[i].comments.size();
  }
  out["sections"] = std::move(sections);
  return version_response(ctx, *v, std::move(out));
}

// Every adopted version with all its signatures: the document is the whole register.
Response signatories_json(Context& ctx) {
  std::map<std::int64_t, boost::json::array> organisations, people;  // by version number
  for (const auto& s : store::signatures(ctx.db)) {
    if (s.organisation_id)
      organisations[s.version_number].push_back(
          {{"slug", s.organisation_slug},
           {"name", s.organisation_name},
           {"url", ctx.base_url + organisations::urls::organisation(s.organisation_slug)},
           {"signed_at", coalitions::json::iso(s.created_at)}});
    else  // a person is named only when they chose to show their name
      people[s.version_number].push_back(
          {{"name", s.person.empty() ? boost::json::value(nullptr) : boost::json::value(s.person)},
           {"signed_at", coalitions::json::iso(s.created_at)}});
  }
  boost::json::array versions;
  for (const auto& v : store::charter_versions(ctx.db)) {
    if (!v.adopted()) continue;
    boost::json::object o = version_object(ctx, v);
    o["organisations"] = std::move(organisations[v.number]);
    o["people"] = std::move(people[v.number]);
    versions.push_back(std::move(o));
  }
  return coalitions::json::response(ctx, {{"versions", std::move(versions)}});
}

Response charter_versions(Context& ctx) {
  return fv::page(ctx, ctx.tr(N_("Versions of the charter")),
                  html::render(*ctx.t, templates::Versions{load_versions(ctx)}));
}

Response charter_version(Context& ctx) { return render_version(ctx, version_or_404(ctx), {}, 200); }

Response new_charter_version(Context& ctx) {
  if (!ctx.user->is_animateur())
    return fv::forbidden(ctx, N_("Only the animateurs can draft a version of the charter."));
  CharterDraftInput in;
  auto versions = store::charter_versions(ctx.db);
  if (!versions.empty())
    if (auto latest = store::charter_version(ctx.db, versions.front().number)) in.sections = latest->sections;
  return render_draft_form(ctx, in, {}, 200);
}

Response create_charter_version(Context& ctx) {
  CharterDraftInput in = draft_input_from(ctx);
  auto result = draft_charter_version(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_draft_form(ctx, in, result.errors, 422);
  return fv::redirect_saved(urls::charter_version(result.number), fv::Saved::charter_draft);
}

Response edit_charter_draft(Context& ctx) {
  if (!ctx.user->is_animateur()) return fv::forbidden(ctx, N_("Only the animateurs can edit a draft of the charter."));
  CharterVersion v = version_or_404(ctx);
  if (v.frozen()) return frozen_draft(ctx, v);
  CharterDraftInput in{v.label, v.summary, v.sections};
  return render_draft_form(ctx, in, {}, 200, &v);
}

Response update_charter_draft(Context& ctx) {
  CharterDraftInput in = draft_input_from(ctx);
  auto result = commons::edit_charter_draft(ctx.db, *ctx.user, ctx.param_int("number"), in,
                                            views::integer_field(ctx.form.get("base_revision"), -1), ctx.now);
  CharterVersion v = version_or_404(ctx);
  if (result.frozen) return frozen_draft(ctx, v);
  if (result.conflict) return render_draft_form(ctx, in, {}, 409, &v, true);
  if (!result.errors.empty()) return render_draft_form(ctx, in, result.errors, 422, &v);
  return fv::redirect_saved(urls::charter_version(ctx.param_int("number")), fv::Saved::charter_draft);
}

Response open_consultation(Context& ctx) {
  // Not a number of days: 0, refused below with the field's message.
  const int days = static_cast<int>(numbers::whole(ctx.form.get("days"), 0, 100000).value_or(0));
  auto errors = commons::open_consultation(ctx.db, *ctx.user, ctx.param_int("number"), days, ctx.now);
  if (!errors.empty()) return render_version(ctx, version_or_404(ctx), errors, 422);
  return fv::redirect_saved(urls::charter_version(ctx.param_int("number")), fv::Saved::consultation);
}

Response comment_charter(Context& ctx) {
  auto errors = commons::comment_charter(ctx.db, *ctx.user, ctx.param_int("number"), ctx.form.get("section"),
                                         ctx.form.get("comment-" + ctx.form.get("section")), ctx.now);
  if (!errors.empty()) return render_version(ctx, version_or_404(ctx), errors, 422);
  return fv::redirect_saved(urls::charter_version(ctx.param_int("number")) + "#" + ctx.form.get("section"),
                            fv::Saved::comment);
}

Response confirm_adoption(Context& ctx) {
  // Asked only where adoption could follow: of an animateur, on a version consulted and not yet adopted.
  if (!animateur(ctx)) return fv::forbidden(ctx, N_("Only the animateurs can adopt a version of the charter."));
  CharterVersion v = version_or_404(ctx);
  VersionPage page = load_version(ctx, v, {});
  if (!page.may_adopt) return Response::redirect(urls::charter_version(v.number));
  const long changed =
      std::count_if(page.sections.begin(), page.sections.end(), [](const VersionSection& s) { return !s.unchanged; });
  return fv::page(
      ctx, fmt::format(fmt::runtime(ctx.tr(N_("Adopt version {} of the charter?"))), v.number),
      html::render(*ctx.t, templates::ConfirmAdoption{.page = page, .changed = changed, .csrf = ctx.csrf_token()}));
}

Response adopt_charter(Context& ctx) {
  auto errors = adopt_charter_version(ctx.db, *ctx.user, ctx.param_int("number"), ctx.now);
  if (!errors.empty()) return render_version(ctx, version_or_404(ctx), errors, 422);
  return fv::redirect_saved(urls::charter_version(ctx.param_int("number")), fv::Saved::charter_adopted);
}

Response sign_charter(Context& ctx) {
  auto errors =
      commons::sign_charter(ctx.db, *ctx.user, ctx.param_int("number"), ctx.form.get("organisation"), ctx.now);
  if (!errors.empty()) return render_charter(ctx, errors, 422);
  return fv::redirect_saved(urls::signatories(), fv::Saved::charter_signed);
}

Response signatories(Context& ctx) {
  SignatoriesPage page = load_signatories(ctx);
  return fv::page(ctx, ctx.tr(N_("Signatories of the charter")), html::render(*ctx.t, templates::Signatories{page}));
}

}  // namespace fabrique::commons::pages
