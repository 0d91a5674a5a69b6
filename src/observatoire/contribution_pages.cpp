// Contributions: a member proposes a correction of one field or one criterion's evidence; editors
// see the queue and accept (possibly corrected) or reject with a reason; contributors follow theirs.
#include <boost/json.hpp>

#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/evidence.hpp"
#include "observatoire/json.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/templates/contributions.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/view_models.hpp"
#include "observatoire/views.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

Correction correction_from_form(const Context& ctx) {
  const auto& f = ctx.form;
  Correction k;
  k.target = f.get("target");
  k.kind = rubric().criterion(k.target) ? ContributionKind::evidence : ContributionKind::field;
  k.value = f.get("value");
  k.evidence = {k.target,
                f.get("evidence_level"),
                f.get("evidence_url"),
                f.get("evidence_checked_on"),
                f.get("evidence_note"),
                f.get("evidence_to_verify") == "1"};
  k.source = f.get("source");
  // As in the entry form: evidence given without a day was checked today.
  if (!text::trim(k.evidence.url).empty() && text::trim(k.evidence.checked_on).empty())
    k.evidence.checked_on = views::today(ctx.now);
  return k;
}

// The form that proposes a correction to `e`, filled with `k`.
CorrectionPage load_correction(Context& ctx, const Entry& e, const Correction& k, const FieldErrors& errors) {
  CorrectionPage page;
  page.entry = e;
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("Propose a correction to “{}”"))), e.name());
  page.correction = k;
  page.errors = errors;
  return page;
}

Response render_correction(Context& ctx, const Entry& e, const Correction& k, const FieldErrors& errors, int status,
                           const std::string& offered_from = {}) {
  CorrectionPage page = load_correction(ctx, e, k, errors);
  page.offered_from = offered_from;
  return fv::page(ctx, status, page.title,
                  html::render(*ctx.t, templates::CorrectionForm{.page = page, .csrf = ctx.csrf_token()}));
}

// A piece of evidence in one line: its level, its address, its quote or note.
std::string evidence_text(const Context& ctx, const Evidence& e) {
  std::string level = views::level_text(*ctx.t, e);
  std::string out = level.empty() ? e.url : level + " — " + e.url;
  return e.note.empty() ? out : out + " — “" + e.note + "”";
}

// The proposal as the contributor wrote it, label by label; `read` is false when its text is not
// the JSON object a correction is stored as.
std::vector<ContributionPage::Row> proposal_rows(const Context& ctx, const Contribution& k, bool& read) {
  std::vector<ContributionPage::Row> rows;
  read = true;
  if (k.kind == ContributionKind::entry) {
    auto d = json::parse_document(std::string_view(k.proposal)).value_or(Document{});
    for (const auto& f : fields()) {
      std::string v = d.get(f.key);
      if (!v.empty())
        rows.push_back({ctx.tr(f.label), f.kind == Kind::choice ? views::choice_text(*ctx.t, f.key, v) : v});
    }
    for (const auto& s : d.data_sources)
      rows.push_back({ctx.tr(N_("Data source")), s.name + (s.description.empty() ? "" : " — " + s.description)});
    for (const auto& e : d.evidence)
      rows.push_back({e.criterion + " — " + views::criterion_label(*ctx.t, e.criterion), evidence_text(ctx, e)});
    return rows;
  }
  boost::system::error_code ec;
  auto v = boost::json::parse(k.proposal, ec);
  if (ec || !v.is_object()) {
    read = false;
    return rows;
  }
  const auto& o = v.as_object();
  auto get = [&](const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
  };
  if (k.kind == ContributionKind::field) {
    rows.push_back({ctx.tr(N_("Proposed value")), get("value").empty() ? ctx.tr(N_("(empty)")) : get("value")});
    return rows;
  }
  rows = {{ctx.tr(N_("Level")), get("level")},
          {ctx.tr(N_("Evidence")), get("url")},
          {ctx.tr(N_("Checked on")), get("checked_on")},
          {ctx.tr(N_("Note")), get("note")}};
  return rows;
}

// Everything a contribution's page shows; for an editor while it waits, the moderation forms, with
// a refused decision shown again (`edited`: the correction as the editor changed it).
ContributionPage load_contribution(Context& ctx, const Contribution& k, const FieldErrors& accept_errors,
                                   const FieldErrors& reject_errors, const Correction* edited) {
  ContributionPage page;
  page.contribution = k;
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("Contribution {}"))), k.id);
  page.proposal = proposal_rows(ctx, k, page.proposal_read);
  page.moderate = k.status == ContributionStatus::pending && can_edit(ctx.db, &*ctx.user);
  if (page.moderate) {
    page.shown = edited ? *edited : proposed_correction(k);
    if (k.kind == ContributionKind::entry) {
      // Each criterion's evidence is accepted unless the editor said otherwise in a refused review.
      auto d = json::parse_document(std::string_view(k.proposal)).value_or(Document{});
      for (const auto& e : d.evidence)
        page.review.push_back({e, e.criterion + " — " + views::criterion_label(*ctx.t, e.criterion),
                               views::level_text(*ctx.t, e), ctx.form.get("review_" + e.criterion) != "reject"});
      page.proposed_score = compute_score(rubric(), d.evidence);
      page.review_reason = ctx.form.get("review_reason");
    }
    page.accept_errors = accept_errors;
    page.reject_errors = reject_errors;
    if (!reject_errors.empty()) page.reason = ctx.form.get("reason");
  }
  return page;
}

Response render_contribution(Context& ctx, const Contribution& k, const FieldErrors& accept_errors,
                             const FieldErrors& reject_errors, const Correction* edited, int status) {
  ContributionPage page = load_contribution(ctx, k, accept_errors, reject_errors, edited);
  // Only editors see forms here; asking for the token makes the page personal.
  std::string csrf = page.moderate ? ctx.csrf_token() : std::string();
  return fv::page(ctx, status, page.title,
                  html::render(*ctx.t, templates::ContributionView{.page = page, .csrf = csrf}));
}

// The contributions the person sees: for editors those waiting, for members their own.
ContributionsPage load_contributions(Context& ctx) {
  ContributionsPage page;
  bool editor = can_edit(ctx.db, &*ctx.user);
  page.title = editor ? ctx.tr(N_("Contributions to moderate")) : ctx.tr(N_("My contributions"));
  page.sent = ctx.query.get("envoyee") == "1";
  auto items =
      editor ? store::contributions(ctx.db, ContributionStatus::pending) : store::contributions(ctx.db, std::nullopt);
  for (auto& k : items)
    if (editor || k.contributor_id == ctx.user->id) page.contributions.push_back(std::move(k));
  return page;
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
  // A criterion without evidence is offered what the entry already gives (its legal basis link…).
  std::string offered_from;
  if (rubric().criterion(k.target) && !e->doc.evidence_for(k.target)) {
    Document d = e->doc;
    if (!offer_evidence(d, {}, views::today(ctx.now)).empty() && d.evidence_for(k.target)) {
      k.evidence = *d.evidence_for(k.target);
      offered_from = views::offer_source(*ctx.t, e->doc, k.target);
    }
  }
  return render_correction(ctx, *e, k, {}, 200, offered_from);
}

Response propose(Context& ctx) {
  Correction k = correction_from_form(ctx);
  if (ctx.form.has("preview")) {
    // The preview button of the same form: the entry's score with the correction, nothing written.
    auto e = store::by_slug(ctx.db, ctx.param("slug"));
    if (!e) return fv::not_found(ctx);
    FieldErrors errors;
    Document doc = e->doc;
    if (rubric().criterion(k.target) || field(k.target))
      apply_correction(doc, k, errors, ctx.now);
    else
      errors.add("target", N_("Choose a field or a criterion from the list."));
    CorrectionPage page = load_correction(ctx, *e, k, errors);
    if (errors.empty()) views::preview_into(page.evidence, *ctx.t, doc, page.errors, ctx.now);
    return fv::page(ctx, page.errors.empty() ? 200 : 422, page.title,
                    html::render(*ctx.t, templates::CorrectionForm{.page = page, .csrf = ctx.csrf_token()}));
  }
  auto errors = propose_correction(ctx.db, *ctx.user, ctx.param("slug"), k, ctx.now);
  if (!errors.empty()) return render_correction(ctx, *store::by_slug(ctx.db, ctx.param("slug")), k, errors, 422);
  return Response::redirect(urls::contributions_sent());
}

Response contributions(Context& ctx) {
  ContributionsPage page = load_contributions(ctx);
  return fv::page(ctx, page.title, html::render(*ctx.t, templates::ContributionList{.page = page}));
}

Response contribution(Context& ctx) {
  return render_contribution(ctx, visible_contribution(ctx), {}, {}, nullptr, 200);
}

Response accept(Context& ctx) {
  auto k = store::contribution(ctx.db, ctx.param_int("id"));
  if (!k) return fv::not_found(ctx);
  std::optional<Correction> edited;
  EvidenceReview review;
  if (k->kind == ContributionKind::entry) {
    // One decision per criterion of the proposal, in one form: "reject" leaves its evidence out.
    auto d = json::parse_document(std::string_view(k->proposal)).value_or(Document{});
    for (const auto& e : d.evidence)
      if (ctx.form.get("review_" + e.criterion) == "reject") review.not_accepted.push_back(e.criterion);
    review.reason = ctx.form.get("review_reason");
  } else {
    edited = correction_from_form(ctx);
    edited->target = k->target;
    edited->kind = k->kind;
    edited->evidence.criterion = k->target;
  }
  FieldErrors errors;
  std::string slug = accept_contribution(ctx.db, *ctx.user, k->id, edited, review, errors, ctx.now);
  if (!errors.empty()) return render_contribution(ctx, *k, errors, {}, edited ? &*edited : nullptr, 422);
  return Response::redirect(urls::entry(slug));
}

Response reject(Context& ctx) {
  auto errors = reject_contribution(ctx.db, *ctx.user, ctx.param_int("id"), ctx.form.get("reason"), ctx.now);
  if (!errors.empty()) return render_contribution(ctx, visible_contribution(ctx), {}, errors, nullptr, 422);
  return Response::redirect(urls::contributions());
}

}  // namespace fabrique::observatoire::pages
