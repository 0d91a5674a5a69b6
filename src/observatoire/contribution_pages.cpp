// Contributions: a member proposes a correction of one field or one criterion's evidence; editors
// see the queue and accept (possibly corrected) or reject with a reason; contributors follow theirs.
#include <boost/json.hpp>

#include "i18n/i18n.hpp"
#include "observatoire/json.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/views.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// The fields and criteria a correction may target, for the select.
Html target_select(const Context& ctx, const std::string& value, const FieldErrors& errors) {
  Html fields_group, criteria_group;
  auto option = [&](const std::string& v, const std::string& label) {
    return v == value ? render(R"(<option value="{}" selected>{}</option>)", v, label)
                      : render(R"(<option value="{}">{}</option>)", v, label);
  };
  for (const auto& f : fields()) fields_group += option(f.key, ctx.tr(f.label));
  for (const auto& c : rubric().criteria) criteria_group += option(c.id, std::string(c.id) + " — " + ctx.tr(c.label));
  const char* error = errors.find("target");
  return render(
      R"(<div class="field{}"><label for="f-target">{}</label>{}<select id="f-target" name="target" required{}><option value="">{}</option><optgroup label="{}">{}</optgroup><optgroup label="{}">{}</optgroup></select></div>)",
      error ? " invalid" : "", ctx.tr(N_("What to correct")),
      error ? render(R"(<p class="error" id="f-target-error"><span class="visually-hidden">{} </span>{}</p>)",
                     ctx.tr(N_("Error:")), ctx.tr(error))
            : Html(),
      error ? html::trusted(R"( aria-describedby="f-target-error" aria-invalid="true")") : Html(), ctx.tr(N_("Choose…")),
      ctx.tr(N_("A field of the entry")), fields_group, ctx.tr(N_("The evidence of a criterion")), criteria_group);
}

std::vector<fv::Option> level_options(const Context& ctx) {
  std::vector<fv::Option> out;
  for (const auto& c : rubric().criteria)
    if (c.levels.size() > 1)
      for (const auto& l : c.levels) out.push_back({l.key, std::string(c.id) + " — " + ctx.tr(l.label)});
  return out;
}

// The inputs of a correction (the value, or the evidence), filled with `k`.
Html correction_inputs(Context& ctx, const Correction& k, const FieldErrors& errors, bool field, bool evidence) {
  Html out;
  if (field)
    out += fv::textarea(ctx,
                        {"value", ctx.tr(N_("Corrected value")), k.value, "", "",
                         ctx.tr(N_("For a field: the value as it should read.")), false, 5000},
                        errors, 3);
  if (evidence)
    out += render(R"(<fieldset><legend>{}</legend>{}{}{}{}{}</fieldset>)", ctx.tr(N_("For a criterion: the evidence")),
                  fv::select(ctx,
                             {"evidence_level", ctx.tr(N_("Level")), k.evidence.level, "", "",
                              ctx.tr(N_("Only for the criteria that have levels (O1, O4, O7).")), false, 0},
                             level_options(ctx), errors, ctx.tr(N_("No level"))),
                  fv::input(ctx, {"evidence_url", ctx.tr(N_("Evidence (public web address)")), k.evidence.url, "url",
                                  "off", "", false, 500},
                            errors),
                  fv::input(ctx, {"evidence_checked_on", ctx.tr(N_("Checked on (yyyy-mm-dd)")), k.evidence.checked_on,
                                  "text", "off", "", false, 10},
                            errors),
                  fv::input(ctx, {"evidence_note", ctx.tr(N_("Note")), k.evidence.note, "text", "off", "", false, 1000},
                            errors),
                  fv::checkbox(ctx, "evidence_to_verify", ctx.tr(N_("Secondary source: to verify")), k.evidence.to_verify));
  return out;
}

Correction correction_from_form(const Context& ctx) {
  const auto& f = ctx.form;
  Correction k;
  k.target = f.get("target");
  k.kind = rubric().criterion(k.target) ? ContributionKind::evidence : ContributionKind::field;
  k.value = f.get("value");
  k.evidence = {k.target, f.get("evidence_level"), f.get("evidence_url"), f.get("evidence_checked_on"),
                f.get("evidence_note"), f.get("evidence_to_verify") == "1"};
  k.source = f.get("source");
  return k;
}

Response render_correction(Context& ctx, const Entry& e, const Correction& k, const FieldErrors& errors, int status) {
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Propose a correction to “{}”"))), e.name());
  Html body = render(
      R"(<p class="meta"><a href="/observatoire/{}">{}</a></p><h1>{}</h1><p>{}</p>{}<form method="post" action="/observatoire/{}/proposer" novalidate>{}{}{}{}<button type="submit">{}</button></form>)",
      e.slug, e.name(), title,
      ctx.tr(N_("Correct one field, or the evidence of one criterion. The observatory editors check your source before the entry changes; you will be told of their decision.")),
      fv::error_summary(ctx, errors), e.slug, fv::csrf_field(ctx), target_select(ctx, k.target, errors),
      correction_inputs(ctx, k, errors, true, true),
      fv::input(ctx,
                {"source", ctx.tr(N_("Source")), k.source, "text", "off",
                 ctx.tr(N_("Where this information comes from: a web address or a precise reference.")), true, 500},
                errors),
      ctx.tr(N_("Send the correction")));
  return fv::page(ctx, status, title, body);
}

const char* status_label(ContributionStatus s) {
  switch (s) {
    case ContributionStatus::accepted: return N_("accepted");
    case ContributionStatus::rejected: return N_("rejected");
    case ContributionStatus::pending: break;
  }
  return N_("waiting for moderation");
}

std::string what(const Context& ctx, const Contribution& k) {
  switch (k.kind) {
    case ContributionKind::entry: return fmt::format(fmt::runtime(ctx.tr(N_("New entry “{}”"))), k.target);
    case ContributionKind::evidence: return k.target + " — " + views::criterion_label(*ctx.t, k.target);
    case ContributionKind::field: break;
  }
  const FieldDef* f = field(k.target);
  return f ? ctx.tr(f->label) : k.target;
}

// The proposal as the contributor wrote it.
Html proposal_view(const Context& ctx, const Contribution& k) {
  if (k.kind == ContributionKind::entry) {
    auto d = json::parse_document(std::string_view(k.proposal)).value_or(Document{});
    Html rows;
    for (const auto& f : fields()) {
      std::string v = d.get(f.key);
      if (!v.empty())
        rows += render("<dt>{}</dt><dd>{}</dd>", ctx.tr(f.label),
                       f.kind == Kind::choice ? views::choice_text(*ctx.t, f.key, v) : v);
    }
    for (const auto& s : d.data_sources)
      rows += render("<dt>{}</dt><dd>{}{}</dd>", ctx.tr(N_("Data source")), s.name,
                     s.description.empty() ? Html() : render(" — {}", s.description));
    return render(R"(<dl class="facts">{}</dl>)", rows);
  }
  boost::system::error_code ec;
  auto v = boost::json::parse(k.proposal, ec);
  if (ec || !v.is_object()) return {};
  const auto& o = v.as_object();
  auto get = [&](const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
  };
  if (k.kind == ContributionKind::field)
    return render(R"(<dl class="facts"><dt>{}</dt><dd>{}</dd></dl>)", ctx.tr(N_("Proposed value")),
                  get("value").empty() ? ctx.tr(N_("(empty)")) : get("value"));
  return render(R"(<dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>)",
                ctx.tr(N_("Level")), get("level"), ctx.tr(N_("Evidence")), get("url"), ctx.tr(N_("Checked on")),
                get("checked_on"), ctx.tr(N_("Note")), get("note"));
}

Response render_contribution(Context& ctx, const Contribution& k, const FieldErrors& accept_errors,
                             const FieldErrors& reject_errors, const Correction* edited, int status) {
  bool editor = can_edit(ctx.db, &*ctx.user);
  Html moderation;
  if (editor && k.status == ContributionStatus::pending) {
    Correction shown = edited ? *edited : proposed_correction(k);
    Html inputs = k.kind == ContributionKind::entry
                      ? Html()
                      : correction_inputs(ctx, shown, accept_errors, k.kind == ContributionKind::field,
                                          k.kind == ContributionKind::evidence);
    moderation = render(
        R"(<section aria-labelledby="moderer"><h2 id="moderer">{}</h2>{}<form method="post" action="/observatoire/contributions/{}/accepter" novalidate>{}<input type="hidden" name="target" value="{}">{}<button type="submit">{}</button></form>
{}<form method="post" action="/observatoire/contributions/{}/rejeter" novalidate>{}{}<button type="submit" class="secondary">{}</button></form></section>)",
        ctx.tr(N_("Moderate")), fv::error_summary(ctx, accept_errors), k.id, fv::csrf_field(ctx), k.target, inputs,
        k.kind == ContributionKind::entry ? ctx.tr(N_("Accept and publish")) : ctx.tr(N_("Accept")),
        fv::error_summary(ctx, reject_errors), k.id, fv::csrf_field(ctx),
        fv::textarea(ctx,
                     {"reason", ctx.tr(N_("Reason for rejecting")), status == 422 ? ctx.form.get("reason") : "", "", "",
                      ctx.tr(N_("The contributor will read it (1,000 characters at most).")), false, 1000},
                     reject_errors, 3),
        ctx.tr(N_("Reject")));
  }
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Contribution {}"))), k.id);
  Html body = render(
      R"(<p class="meta"><a href="/observatoire/contributions">{}</a></p><h1>{}</h1>
<dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>{}</dl>
<h2>{}</h2>{}{})",
      ctx.tr(N_("Contributions")), title, ctx.tr(N_("Entry")),
      k.entry_slug.empty() ? render("{}", ctx.tr(N_("a new entry")))
                           : render(R"(<a href="/observatoire/{}">{}</a>)", k.entry_slug, k.entry_name),
      ctx.tr(N_("About")), what(ctx, k), ctx.tr(N_("Source")), k.source, ctx.tr(N_("Sent on")),
      ctx.t->datetime(k.created_at), ctx.tr(N_("Status")), ctx.tr(status_label(k.status)),
      k.reason.empty() ? Html() : render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Reason")), k.reason),
      ctx.tr(N_("Proposal")), proposal_view(ctx, k), moderation);
  return fv::page(ctx, status, title, body);
}

Contribution visible_contribution(Context& ctx) {
  auto k = store::contribution(ctx.db, ctx.param_int("id"));
  if (!k) throw NotFound();
  if (k->contributor_id != ctx.user->id && !can_edit(ctx.db, &*ctx.user))
    throw Forbidden(N_("Only the contributor and the observatory editors can see this contribution."));
  return *k;
}

}  // namespace

Response correction_form(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return fv::not_found(ctx);
  Correction k;
  k.target = ctx.query.get("sur");
  return render_correction(ctx, *e, k, {}, 200);
}

Response propose(Context& ctx) {
  Correction k = correction_from_form(ctx);
  auto errors = propose_correction(ctx.db, *ctx.user, ctx.param("slug"), k, ctx.now);
  if (!errors.empty()) return render_correction(ctx, *store::by_slug(ctx.db, ctx.param("slug")), k, errors, 422);
  return Response::redirect("/observatoire/contributions?envoyee=1");
}

Response contributions(Context& ctx) {
  bool editor = can_edit(ctx.db, &*ctx.user);
  auto items = editor ? store::contributions(ctx.db, ContributionStatus::pending)
                      : store::contributions(ctx.db, std::nullopt);
  Html rows;
  for (const auto& k : items) {
    if (!editor && k.contributor_id != ctx.user->id) continue;
    rows += render(R"(<tr><th scope="row"><a href="/observatoire/contributions/{}">{}</a></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
                   k.id, k.id, k.entry_name.empty() ? ctx.tr(N_("a new entry")) : k.entry_name, what(ctx, k),
                   ctx.t->date(k.created_at), ctx.tr(status_label(k.status)));
  }
  std::string title = editor ? ctx.tr(N_("Contributions to moderate")) : ctx.tr(N_("My contributions"));
  Html body = render(
      R"(<p class="meta"><a href="/observatoire">{}</a></p><h1>{}</h1>{}{})",
      ctx.tr(N_("Observatory of public algorithms")), title,
      ctx.query.get("envoyee") == "1"
          ? render(R"(<p class="notice" role="status">{}</p>)",
                   ctx.tr(N_("Thank you: your contribution was sent to the observatory editors.")))
          : Html(),
      rows.empty() ? render("<p>{}</p>", ctx.tr(N_("No contribution here.")))
                   : render(R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
                            title, ctx.tr(N_("Number")), ctx.tr(N_("Entry")), ctx.tr(N_("About")), ctx.tr(N_("Sent on")),
                            ctx.tr(N_("Status")), rows));
  return fv::page(ctx, title, body);
}

Response contribution(Context& ctx) {
  return render_contribution(ctx, visible_contribution(ctx), {}, {}, nullptr, 200);
}

Response accept(Context& ctx) {
  auto k = store::contribution(ctx.db, ctx.param_int("id"));
  if (!k) return fv::not_found(ctx);
  std::optional<Correction> edited;
  if (k->kind != ContributionKind::entry) {
    edited = correction_from_form(ctx);
    edited->target = k->target;
    edited->kind = k->kind;
    edited->evidence.criterion = k->target;
  }
  FieldErrors errors;
  std::string slug = accept_contribution(ctx.db, *ctx.user, k->id, edited, errors, ctx.now);
  if (!errors.empty()) return render_contribution(ctx, *k, errors, {}, edited ? &*edited : nullptr, 422);
  return Response::redirect("/observatoire/" + slug);
}

Response reject(Context& ctx) {
  auto errors = reject_contribution(ctx.db, *ctx.user, ctx.param_int("id"), ctx.form.get("reason"), ctx.now);
  if (!errors.empty()) return render_contribution(ctx, visible_contribution(ctx), {}, errors, nullptr, 422);
  return Response::redirect("/observatoire/contributions");
}

}  // namespace fabrique::observatoire::pages
