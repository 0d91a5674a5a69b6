// Decisions pages (see pages.hpp): each loads what its template shows in one place and calls the use
// cases; the JSON documents are drawn from the same loaders.
#include "decisions/pages.hpp"

#include <boost/json.hpp>
#include <set>
#include <string_view>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "coalitions/picker.hpp"
#include "coalitions/store.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/views.hpp"
#include "common/numbers.hpp"
#include "commons/store.hpp"
#include "commons/urls.hpp"
#include "decisions/tally.hpp"
#include "decisions/templates/decisions.hpp"
#include "decisions/urls.hpp"
#include "decisions/use_cases.hpp"
#include "decisions/view_models.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/urls.hpp"
#include "text/markdown.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"
#include "views/saved.hpp"

namespace fabrique::decisions::pages {

using html::Html;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

std::string group_label(const Context& ctx, const Decision& d) {
  switch (d.group) {
    case GroupKind::programme:
      return ctx.tr(N_("The programme's members"));
    case GroupKind::coalition:
      return fmt::format(fmt::runtime(ctx.tr(N_("Members of the coalition “{}”"))), d.group_title);
    case GroupKind::event:
      return fmt::format(fmt::runtime(ctx.tr(N_("Participants of “{}”"))), d.group_title);
  }
  return "";
}

std::string group_url(const Decision& d) {
  if (d.group == GroupKind::coalition) return coalitions::urls::coalition(d.group_slug);
  if (d.group == GroupKind::event) return events::urls::event(d.group_slug);
  return "";
}

std::string state(const Context& ctx, const Decision& d) {
  if (d.closed(ctx.now)) return fmt::format(fmt::runtime(ctx.tr(N_("Closed on {}"))), ctx.t->datetime(d.closes_at));
  return fmt::format(fmt::runtime(ctx.tr(N_("Open until {}"))), ctx.t->datetime(d.closes_at));
}

// What a decision is about, named and linked; nothing when it is about nothing in particular.
std::pair<std::string, std::string> about_of(const Context& ctx, const Decision& d) {
  if (d.charter_version_number)
    return {fmt::format(fmt::runtime(ctx.tr(N_("Version {} of the charter"))), *d.charter_version_number),
            commons::urls::charter_version(*d.charter_version_number)};
  if (d.action_id) return {d.about_title, roadmaps::urls::action(d.about_slug, *d.action_id)};
  if (d.coalition_id) return {d.about_title, coalitions::urls::coalition(d.about_slug)};
  return {};
}

DecisionLine line_of(const Context& ctx, const Decision& d) {
  return {d.id, d.question, group_label(ctx, d), state(ctx, d), d.closed(ctx.now), !d.outcome.empty(), {}};
}

// The filters of /decisions, read from the query; unknown values are ignored.
constexpr std::int64_t kPerPage = 30;  // decisions a page of the list

store::Filter filter_of(const Context& ctx) {
  store::Filter f;
  f.now = ctx.now;
  f.group = group_kind_of(ctx.query.get("groupe"));
  const std::string status = ctx.query.get("etat");
  if (status == "ouvertes") f.open = true;
  if (status == "closes") f.open = false;
  return f;
}

bool is_co_porteur_somewhere(Context& ctx) {
  for (const auto& [k, role] : coalitions::store::coalitions_of_user(ctx.db, ctx.user->id))
    if (role == coalitions::Role::co_porteur) return true;
  return false;
}

bool may_open_some(Context& ctx) { return ctx.user && (ctx.user->is_animateur() || is_co_porteur_somewhere(ctx)); }

ListPage load_list(Context& ctx) {
  ListPage page;
  store::Filter f = filter_of(ctx);
  if (f.group) page.group = key(*f.group);
  if (f.open) page.status = *f.open ? "ouvertes" : "closes";
  page.groups = {{"programme", ctx.tr(N_("The programme's members"))},
                 {"coalition", ctx.tr(N_("A coalition's members"))},
                 {"event", ctx.tr(N_("An event's participants"))}};
  page.statuses = {{"ouvertes", ctx.tr(N_("Open decisions"))}, {"closes", ctx.tr(N_("Closed decisions"))}};
  for (const auto& [name, value] : {std::pair{"groupe", page.group}, std::pair{"etat", page.status}})
    if (!value.empty()) page.query_string += (page.query_string.empty() ? "?" : "&") + std::string(name) + "=" + value;
  views::narrow_to_page(ctx, store::count_decisions(ctx.db, f), kPerPage, urls::decisions(), page, f);
  for (const auto& d : store::decisions(ctx.db, f)) page.lines.push_back(line_of(ctx, d));
  page.may_open = may_open_some(ctx);
  return page;
}

// The groups the person may put a question to, as the group picker offers them: every group for an
// animateur (the programme, each coalition, each event of the last 60 days and to come, with its
// date), their coalitions' members for a co-porteur. With `only`, of the coalitions those of these
// keys: a form that searches nothing shows the chosen ones alone, and 5,000 coalitions' labels cost
// 1 ms.
std::vector<fv::Choice> group_choices(Context& ctx, const std::vector<std::string>* only = nullptr) {
  constexpr std::string_view kCoalition = "coalition:";  // a coalition's key: "coalition:SLUG"
  std::vector<fv::Choice> out;
  const std::string members_of = ctx.tr(N_("Members of the coalition “{}”"));
  auto coalition = [&](const coalitions::Named& k) {
    out.push_back({.key = std::string(kCoalition) + k.slug, .label = fmt::format(fmt::runtime(members_of), k.title)});
  };
  if (ctx.user->is_animateur()) {
    out.push_back({.key = "programme", .label = ctx.tr(N_("The programme's members"))});
    std::set<std::string_view> wanted;
    if (only)
      for (const auto& key : *only)
        if (key.starts_with(kCoalition)) wanted.insert(std::string_view(key).substr(kCoalition.size()));
    // Every coalition from the list shared by every form ("12 — Its title"), not a read of each with its joins.
    for (const auto& k : *coalitions::choices(ctx.db))
      if (!only || wanted.contains(k.key))
        out.push_back(
            {.key = std::string(kCoalition) + k.key, .label = fmt::format(fmt::runtime(members_of), k.label)});
    for (const auto& e : store::recent_events(ctx.db, ctx.now - std::chrono::days(60)))
      out.push_back({.key = "event:" + e.slug,
                     .label = fmt::format(fmt::runtime(ctx.tr(N_("Participants of “{}”"))), e.title),
                     .detail = ctx.t->date(e.starts_at)});
  } else {
    for (const auto& [k, role] : coalitions::store::coalitions_of_user(ctx.db, ctx.user->id))
      if (role == coalitions::Role::co_porteur) coalition(k);
  }
  return out;
}

// The group's picker searched: the form comes back with the groups that match, nothing saved.
bool group_searched(const Context& ctx) { return !ctx.form.get("group_q").empty(); }

Response render_form(Context& ctx, const DecisionInput& in, const FieldErrors& errors, int status) {
  FormPage page{.input = in, .errors = errors};
  Decision about;
  if (!in.about.empty() && read_about(ctx.db, in.about, about))
    std::tie(page.about_label, page.about_url) = about_of(ctx, about);
  // A form sent keeps what its picker ticked (two are refused next to it); a form opened, the group in mind.
  const fv::PickerWords words{
      .legend = N_("Group that decides"),
      .add = N_("Add a group"),
      .hint = N_("“programme”, or a few letters of a coalition's or an event's title; the form comes back with "
                 "the groups that match, nothing is saved until you save."),
      .button = N_("Search groups"),
      .none = N_("No group chosen yet.")};
  const auto chosen = fv::picked(ctx.form.has("group_q") ? ctx.form.all("group") : std::vector{in.group});
  const bool searched = group_searched(ctx);
  page.group = fv::picker_over(group_choices(ctx, searched ? nullptr : &chosen), fv::picker_names("group"), words,
                               chosen, ctx.form.get("group_q"));
  for (Process p : {Process::consent, Process::one, Process::several, Process::ranked})
    page.processes.push_back({key(p), ctx.tr(label(p))});
  return fv::page(ctx, status, ctx.tr(N_("Open a decision")),
                  html::render(*ctx.t, templates::New{.page = page, .csrf = ctx.csrf_token()}));
}

DecisionInput input_from(const Context& ctx) {
  return {ctx.form.get("question"), ctx.form.get("details"),   ctx.form.get("group"),  ctx.form.get("about"),
          ctx.form.get("process"),  ctx.form.get("closes_at"), ctx.form.get("options")};
}

Decision decision_or_404(Context& ctx) {
  auto d = store::decision(ctx.db, ctx.param_int("id"));
  if (!d) throw NotFound();
  return *d;
}

std::string option_label(const Decision& d, std::int64_t id) {
  for (const auto& o : d.options)
    if (o.id == id) return o.label;
  return "";
}

// An answer in words: the position, or the options chosen (ranked: "1. …, 2. …").
std::string answer_text(const Context& ctx, const Decision& d, const Answer& a) {
  if (d.process == Process::consent) {
    const Position* p = position(a.position);
    return p ? ctx.tr(p->label) : "";
  }
  std::string out;
  for (const auto& c : a.choices) {
    if (!out.empty()) out += ", ";
    if (d.process == Process::ranked) out += std::to_string(c.rank) + ". ";
    out += option_label(d, c.option_id);
  }
  return out;
}

// The result of the answers, drawn, as a table, and for a ranked choice round by round.
void load_result(Context& ctx, const std::vector<Answer>& answers, DecisionPage& page) {
  const Decision& d = page.decision;
  std::vector<charts::Bar> bars;
  if (d.process == Process::consent) {
    auto counts = consent_counts(answers);
    for (std::size_t i = 0; i < counts.size(); ++i) page.results.push_back({ctx.tr(kPositions[i].label), counts[i]});
    page.result_caption = ctx.tr(N_("Answers per position"));
    for (const auto& a : answers)
      if (a.position == "block")
        page.blocks.push_back(
            {coalitions::views::public_name(ctx, a.name, a.organisation), "", a.reason, a.updated_at});
  } else if (d.process == Process::ranked) {
    Runoff runoff = instant_runoff(d.options, answers);
    RoundsTable table;
    for (std::size_t r = 0; r < runoff.rounds.size(); ++r) {
      table.rounds.push_back(fmt::format(fmt::runtime(ctx.tr(N_("Round {}"))), r + 1));
      table.exhausted.push_back(std::to_string(runoff.exhausted[r]));
    }
    for (std::size_t i = 0; i < d.options.size(); ++i) {
      RoundsTable::Row row{d.options[i].label, {}};
      for (const auto& round : runoff.rounds)
        row.cells.push_back(round[i] ? std::to_string(*round[i]) : ctx.tr(N_("eliminated")));
      table.rows.push_back(std::move(row));
      page.results.push_back({d.options[i].label, runoff.rounds.empty() ? 0 : runoff.rounds.front()[i].value_or(0)});
    }
    if (runoff.winner) table.winner = d.options[*runoff.winner].label;
    page.result_caption = ctx.tr(N_("First choices per option"));
    page.runoff = std::move(table);
  } else {
    auto counts = option_counts(d.options, answers);
    for (std::size_t i = 0; i < counts.size(); ++i) page.results.push_back({d.options[i].label, counts[i]});
    page.result_caption = ctx.tr(N_("Answers per option"));
  }
  for (const auto& row : page.results) bars.push_back({row.label, static_cast<double>(row.count)});
  charts::Frame frame{"resultat",
                      page.result_caption,
                      ctx.tr(N_("How many of the group's latest answers hold each position or option.")),
                      ctx.tr(N_("No answer yet.")),
                      "",
                      ctx.lang() == i18n::Lang::fr ? ',' : '.'};
  page.chart = charts::bar_chart(frame, bars);
}

// Everything a decision's page shows. `typed` is a refused answer or outcome, shown back as typed.
DecisionPage load_decision(Context& ctx, Decision d, const FieldErrors& errors, bool typed) {
  DecisionPage page;
  const User* actor = ctx.actor();
  auto answers = store::answers(ctx.db, d.id);
  page.closed = d.closed(ctx.now);
  page.group = group_label(ctx, d);
  page.group_url = group_url(d);
  std::tie(page.about_label, page.about_url) = about_of(ctx, d);
  page.process = ctx.tr(label(d.process));
  page.state = state(ctx, d);
  page.details = text::render_markdown(d.details);
  page.outcome = text::render_markdown(d.outcome);
  page.answered = static_cast<std::int64_t>(answers.size());
  page.signed_in = actor != nullptr;
  page.see_answers = can_see_answers(ctx.db, actor, d);
  page.may_answer = !page.closed && can_answer(ctx.db, actor, d);
  page.may_close = can_close(actor, d);
  page.errors = errors;
  page.outcome_typed = typed ? ctx.form.get("outcome") : d.outcome;
  page.decision = std::move(d);
  load_result(ctx, answers, page);
  const Decision& dec = page.decision;
  if (page.see_answers)
    for (const auto& a : answers)
      page.answers.push_back({coalitions::views::public_name(ctx, a.name, a.organisation), answer_text(ctx, dec, a),
                              a.reason, a.updated_at});
  // The answer form holds the person's answer, or what they just typed.
  const Answer* mine = nullptr;
  for (const auto& a : answers)
    if (actor && a.user_id == actor->id) mine = &a;
  page.has_answered = mine != nullptr;
  if (typed) {
    page.position = ctx.form.get("position");
    page.reason = ctx.form.get("reason");
  } else if (mine) {
    page.position = mine->position;
    page.reason = mine->reason;
  }
  for (const auto& o : dec.options) {
    OptionChoice choice{o.id, o.label};
    const std::string id = std::to_string(o.id);
    if (typed) {
      for (const auto& v : ctx.form.all("choice")) choice.chosen = choice.chosen || v == id;
      choice.rank = ctx.form.get("rank-" + id);
    } else if (mine) {
      for (const auto& c : mine->choices)
        if (c.option_id == o.id) {
          choice.chosen = true;
          choice.rank = std::to_string(c.rank);
        }
    }
    page.options.push_back(std::move(choice));
  }
  if (dec.process == Process::ranked)
    for (std::size_t r = 1; r <= dec.options.size(); ++r) page.ranks.push_back({std::to_string(r), std::to_string(r)});
  return page;
}

Response render_decision(Context& ctx, Decision d, const FieldErrors& errors, int status, bool typed = false) {
  DecisionPage page = load_decision(ctx, std::move(d), errors, typed);
  std::string csrf = page.may_answer || page.may_close ? ctx.csrf_token() : std::string();
  // What only the group sees makes the page personal.
  Response r =
      fv::page(ctx, status, page.decision.question, html::render(*ctx.t, templates::Show{.page = page, .csrf = csrf}));
  return r;
}

// --- JSON (docs/api.md): the same loaders as the pages; answers are the group's, never open data.

boost::json::object decision_object(const Context& ctx, const Decision& d) {
  auto [about_label, about_url] = about_of(ctx, d);
  boost::json::object o{{"id", d.id},
                        {"question", d.question},
                        {"group", key(d.group)},
                        {"group_name", group_label(ctx, d)},
                        {"process", key(d.process)},
                        {"closes_at", coalitions::json::iso(d.closes_at)},
                        {"closed", d.closed(ctx.now)},
                        {"outcome", d.outcome},
                        {"created_at", coalitions::json::iso(d.created_at)},
                        {"url", ctx.base_url + urls::decision(d.id)}};
  if (about_url.empty())
    o["about"] = nullptr;
  else
    o["about"] = {{"name", about_label}, {"url", ctx.base_url + about_url}};
  return o;
}

}  // namespace

Response decisions(Context& ctx) {
  return fv::page(ctx, ctx.tr(N_("Decisions")), html::render(*ctx.t, templates::List{load_list(ctx)}));
}

Response decisions_json(Context& ctx) {
  // A page at a time, as every list a harvester pulls: the whole list grows with the programme.
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  store::Filter f = filter_of(ctx);
  f.updated_since = paging->updated_since;
  const std::int64_t total = store::count_decisions(ctx.db, f);
  f.limit = paging->per_page;
  f.offset = paging->offset();
  boost::json::array items;
  for (const auto& d : store::decisions(ctx.db, f)) items.push_back(decision_object(ctx, d));
  return coalitions::json::page(ctx, "decisions", std::move(items), total, *paging);
}

Response new_decision(Context& ctx) {
  if (!may_open_some(ctx))
    return fv::forbidden(ctx,
                         N_("Only the animateurs, and the co-porteurs for their own coalition, can open a decision."));
  DecisionInput in;
  in.about = ctx.query.get("sujet");
  in.process = "consent";
  // The group that first comes to mind: the programme's members for the charter, the coalition's
  // for the coalition or one of its actions.
  Decision about;
  if (!in.about.empty() && read_about(ctx.db, in.about, about))
    in.group = about.charter_version_id ? "programme" : "coalition:" + about.about_slug;
  return render_form(ctx, in, {}, 200);
}

Response create_decision(Context& ctx) {
  DecisionInput in = input_from(ctx);
  FieldErrors errors;
  fv::one_at_most(errors, "group", ctx.form.all("group"), N_("Choose one group at most."));
  // The picker searched: the form again, nothing saved; or two groups ticked, refused. Neither reaches
  // the use case, which checks who may: so it is checked here too.
  if (group_searched(ctx) || !errors.empty()) {
    if (!may_open_some(ctx))
      return fv::forbidden(
          ctx, N_("Only the animateurs, and the co-porteurs for their own coalition, can open a decision."));
    return render_form(ctx, in, errors, errors.empty() ? 200 : 422);
  }
  auto result = open_decision(ctx.db, *ctx.user, in, ctx.now);
  if (!result.errors.empty()) return render_form(ctx, in, result.errors, 422);
  return fv::redirect_saved(urls::decision(result.id), fv::Saved::decision);
}

Response decision(Context& ctx) { return render_decision(ctx, decision_or_404(ctx), {}, 200); }

Response decision_json(Context& ctx) {
  auto d = store::decision(ctx.db, ctx.param_int("id"));
  if (!d) return coalitions::json::not_found(ctx);
  DecisionPage page = load_decision(ctx, *d, {}, false);
  boost::json::object out = decision_object(ctx, page.decision);
  boost::json::array options, results;
  for (const auto& o : page.decision.options) options.push_back({{"id", o.id}, {"label", o.label}});
  for (const auto& r : page.results) results.push_back({{"label", r.label}, {"count", r.count}});
  out["options"] = std::move(options);
  out["answers"] = page.answered;
  out["results"] = std::move(results);
  if (page.runoff) {
    boost::json::array rows;
    for (const auto& row : page.runoff->rows) {
      boost::json::array cells;
      for (const auto& c : row.cells) cells.push_back(boost::json::value(c));
      rows.push_back({{"option", row.option}, {"rounds", std::move(cells)}});
    }
    out["runoff"] = {{"method", "instant run-off"}, {"rounds", std::move(rows)}, {"winner", page.runoff->winner}};
  }
  return coalitions::json::response(ctx, std::move(out));
}

Response answer(Context& ctx) {
  AnswerInput in;
  in.position = ctx.form.get("position");
  in.reason = ctx.form.get("reason");
  for (const auto& v : ctx.form.all("choice"))
    in.chosen.push_back(numbers::whole(v, 0, std::numeric_limits<std::int64_t>::max()).value_or(0));
  Decision d = decision_or_404(ctx);
  for (const auto& o : d.options) {
    const std::string rank = ctx.form.get("rank-" + std::to_string(o.id));
    if (rank.empty()) continue;
    in.ranks.emplace_back(o.id, numbers::whole(rank, 0, 1000).value_or(0));
  }
  auto errors = answer_decision(ctx.db, *ctx.user, d.id, in, ctx.now);
  if (!errors.empty()) return render_decision(ctx, decision_or_404(ctx), errors, 422, true);
  return fv::redirect_saved(urls::decision(d.id), fv::Saved::answer);
}

Response close(Context& ctx) {
  auto errors = close_decision(ctx.db, *ctx.user, ctx.param_int("id"), ctx.form.get("outcome"), ctx.now);
  if (!errors.empty()) return render_decision(ctx, decision_or_404(ctx), errors, 422, true);
  return fv::redirect_saved(urls::decision(ctx.param_int("id")), fv::Saved::decision_closed);
}

Html about(Context& ctx, store::Filter f, const std::string& subject, std::optional<std::int64_t> coalition_id) {
  f.now = ctx.now;
  AboutList list;
  for (const auto& d : store::decisions(ctx.db, f)) {
    list.lines.push_back(line_of(ctx, d));
    list.lines.back().outcome = text::render_markdown(d.outcome, 3);
  }
  // Who may open one about it: an animateur; a co-porteur, about their coalition or its actions.
  if (can_open(ctx.db, ctx.actor(), coalition_id ? GroupKind::coalition : GroupKind::programme, coalition_id))
    list.new_url = urls::new_decision_about(subject);
  if (list.lines.empty() && list.new_url.empty()) return {};
  return html::render(*ctx.t, templates::About{list});
}

}  // namespace fabrique::decisions::pages
