// What the decisions' pages show, read by each page's loader in one place and handed to its template
// (src/decisions/templates/): plain values, no database, no request.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "decisions/model.hpp"
#include "decisions/use_cases.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/picker.hpp"

namespace fabrique::decisions {

// A decision as a list shows it.
struct DecisionLine {
  std::int64_t id = 0;
  std::string question;
  std::string group;  // "The programme's members", "Members of coalition …"
  std::string state;  // "open until …", "closed on …"
  bool closed = false;
  bool has_outcome = false;
  html::Html outcome;  // the outcome statement, shown on what the decision is about
};

// /decisions: the filters as chosen and their choices, the decisions they keep.
struct ListPage {
  std::string group, status;
  std::vector<views::Option> groups, statuses;
  std::vector<DecisionLine> lines;  // one page of them
  std::int64_t total = 0, page = 1, pages = 1;
  std::string query_string, pager_base;  // the filters, kept from page to page
  bool may_open = false;
};

// The short list of decisions about one thing, on that thing's page (a charter version, a coalition,
// an action); `new_url` is the form opening one about it, for those who may.
struct AboutList {
  std::vector<DecisionLine> lines;
  std::string new_url;
};

// The opening form, with what was typed.
struct FormPage {
  DecisionInput input;
  std::string about_label, about_url;  // what it is about, when the form was opened from it
  views::Picker group;  // the picker of "group": the programme, a coalition or an event (with its date), one
  std::vector<views::Option> processes;
  FieldErrors errors;
};

// One line of a result table: a position or an option, and its count.
struct ResultRow {
  std::string label;
  std::int64_t count = 0;
};

// The table of an instant run-off's rounds: one row per option, one column per round.
struct RoundsTable {
  std::vector<std::string> rounds;  // column headings
  struct Row {
    std::string option;
    std::vector<std::string> cells;  // the votes, or "eliminated"
  };
  std::vector<Row> rows;
  std::vector<std::string> exhausted;  // per round
  std::string winner;                  // the winning option, or ''
};

// An answer as the group reads it.
struct AnswerLine {
  std::string who;
  std::string answer;  // the position, or the options chosen (ranked: in order)
  std::string reason;
  sys_seconds at{};
};

// A choice's option as the answer form shows it.
struct OptionChoice {
  std::int64_t id = 0;
  std::string label;
  bool chosen = false;
  std::string rank;  // ranked: the rank given, or ''
};

struct DecisionPage {
  Decision decision;
  std::string group, group_url;  // group_url '' for the programme
  std::string about_label, about_url;
  std::string process;
  std::string state;
  bool closed = false;
  html::Html details, outcome;
  // The result, drawn and as a table; blocks with their reasons (consent); rounds (ranked).
  html::Html chart;
  std::string result_caption;
  std::vector<ResultRow> results;
  std::vector<AnswerLine> blocks;
  std::optional<RoundsTable> runoff;
  std::int64_t answered = 0;
  // Answers, for the group and the animateurs.
  bool see_answers = false;
  std::vector<AnswerLine> answers;
  // The answer form, with the person's answer (or what they just typed).
  bool signed_in = false;
  bool may_answer = false;
  bool has_answered = false;
  std::string position, reason;
  std::vector<OptionChoice> options;
  std::vector<views::Option> ranks;  // "1".."n" for a ranked choice
  // The closing form.
  bool may_close = false;
  std::string outcome_typed;
  FieldErrors errors;
};

}  // namespace fabrique::decisions
