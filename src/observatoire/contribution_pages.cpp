// Contributions: a member proposes a correction of an entry, every field and criterion's evidence in
// one form; editors see the queue and accept piece by piece (or, for the corrections of one field sent
// before, possibly corrected) or reject with a reason; contributors follow theirs.
#include <algorithm>
#include <boost/json.hpp>

#include "common/numbers.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/evidence.hpp"
#include "observatoire/form_fields.hpp"
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

// The old one-field moderation form of a correction sent before whole-entry corrections.
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

// The form that proposes a correction to `e`: the whole entry as `d` from revision `base`, with the
// evidence its own fields offer, and the score it would get when `preview`.
CorrectionPage load_correction(Context& ctx, const Entry& e, const Document& d, std::int64_t base,
                               const FieldErrors& errors, bool preview) {
  CorrectionPage page;
  page.entry = e;
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("Propose a correction to “{}”"))), e.name());
  page.doc = d;
  page.base_revision = base;
  page.source = ctx.form.get("source");
  page.errors = errors;
  page.evidence = views::evidence_form(ctx, page.doc, page.errors, preview);
  return page;
}

Response render_correction(Context& ctx, const Entry& e, const Document& d, std::int64_t base,
                           const FieldErrors& errors, int status, bool preview = false) {
  CorrectionPage page = load_correction(ctx, e, d, base, errors, preview);
  if (preview) status = page.errors.empty() ? 200 : 422;
  return fv::page(ctx, status, page.title,
                  html::render(*ctx.t, templates::CorrectionForm{.page = page, .csrf = ctx.csrf_token()}));
}

// A value of a form field as the review shows it: a choice by its label, an empty one as "(empty)".
std::string shown_value(const Context& ctx, const std::string& name, const std::string& value) {
  if (value.empty()) return ctx.tr(N_("(empty)"));
  return views::form_field_choice(*ctx.t, name, value).value_or(value);
}

// The label of a piece of a correction: a field, "O3 — Legal basis with a link", or a list.
std::string item_label(const Context& ctx, const std::string& item) {
  if (const FieldDef* f = field(item)) return ctx.tr(f->label);
  if (rubric().criterion(item)) return item + " — " + views::criterion_label(*ctx.t, item);
  const char* list = item == "data_sources" ? N_("Data sources") : N_("Impact assessments");
  return ctx.tr(list);
}

// A correction's pieces, in the form's order, each with its parts as the entry has them now (`now`)
// and as proposed.
std::vector<ContributionPage::ChangeItem> change_items(const Context& ctx, const text::Fields& changes,
                                                       const text::Fields& now) {
  std::vector<ContributionPage::ChangeItem> out;
  for (const auto& name : form_field_names()) {
    auto it = changes.find(name);
    if (it == changes.end()) continue;
    std::string key = correction_item(name);
    if (out.empty() || out.back().key != key)
      out.push_back({key, item_label(ctx, key), {}, ctx.form.get("review_" + key) != "reject"});
    auto before = now.find(name);
    out.back().parts.push_back({views::form_field_label(*ctx.t, name),
                                shown_value(ctx, name, before == now.end() ? std::string() : before->second),
                                shown_value(ctx, name, it->second)});
  }
  return out;
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
  if (k.kind == ContributionKind::correction) {
    auto p = proposed_changes(k);
    read = !p.changes.empty();
    for (const auto& name : form_field_names())
      if (auto it = p.changes.find(name); it != p.changes.end())
        rows.push_back({views::form_field_label(*ctx.t, name), shown_value(ctx, name, it->second)});
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
    } else if (k.kind == ContributionKind::correction) {
      // Each piece is accepted unless the editor said otherwise in a refused review.
      auto e = store::by_slug(ctx.db, k.entry_slug);
      if (!e) throw NotFound();
      const text::Fields now = form_fields(e->doc);
      const text::Fields changes = proposed_changes(k).changes;
      page.changes = change_items(ctx, changes, now);
      text::Fields all = now;
      for (const auto& [name, value] : changes) all[name] = value;
      FieldErrors ignored;
      page.current_score = e->score;
      page.proposed_score = preview_score(document_of(all), ignored, ctx.now);
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
  // An editor, those waiting for a decision; anyone else, their own, whatever became of them.
  page.contributions = editor ? store::contributions(ctx.db, ContributionStatus::pending)
                              : store::contributions(ctx.db, std::nullopt, std::nullopt, ctx.user->id);
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
  // The old links that corrected one field or criterion (?sur=) lead to that field of the whole form.
  if (std::string on = ctx.query.get("sur"); !on.empty()) {
    std::string anchor = rubric().criterion(on) ? "evidence_" + on + "_url" : field(on) ? on : std::string();
    return Response::redirect(urls::propose(e->slug) + (anchor.empty() ? "" : "#f-" + anchor));
  }
  return render_correction(ctx, *e, e->doc, e->revision, {}, 200);
}

Response propose(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return fv::not_found(ctx);
  EntryCorrection in;
  in.doc = views::document_from_form(ctx);
  in.source = ctx.form.get("source");
  in.base_revision = numbers::whole(ctx.form.get("base_revision"), 0, numbers::kMaxId).value_or(e->revision);
  // The preview button of the same form: the entry's score with the correction, nothing written.
  if (ctx.form.has("preview")) return render_correction(ctx, *e, in.doc, in.base_revision, {}, 200, true);
  FieldErrors errors;
  propose_entry_correction(ctx.db, *ctx.user, e->slug, in, errors, ctx.now);
  if (!errors.empty()) return render_correction(ctx, *e, in.doc, in.base_revision, errors, 422);
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
  } else if (k->kind == ContributionKind::correction) {
    // One decision per piece of the correction, in one form: "reject" leaves it out.
    for (const auto& [name, value] : proposed_changes(*k).changes)
      if (std::string item = correction_item(name);
          ctx.form.get("review_" + item) == "reject" &&
          std::find(review.not_accepted.begin(), review.not_accepted.end(), item) == review.not_accepted.end())
        review.not_accepted.push_back(item);
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
