// Charts drawn on the server as inline SVG: horizontal bars (or a centred funnel), stacked bars and a
// line over time. Shared by every module that shows figures (roadmaps, the observatory…).
//
// Every chart is accessible and frugal: role="img" with a <title> and a <desc> that state the data
// in words, values written next to their marks and series told apart by patterns and labels (never
// by colour alone), no JavaScript, no style attribute (the CSP forbids inline style), every text
// escaped, well-formed XML. A page always shows the same data as a table beside the chart.
#pragma once
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "views/html.hpp"

namespace fabrique::charts {

using html::Html;
using std::chrono::sys_seconds;

// What every chart says about itself. Texts are already translated.
struct Frame {
  std::string id;           // unique on the page; prefixes the ids of <title> and <desc>
  std::string title;        // short, e.g. "Coalitions per stage"
  std::string description;  // one or two sentences; the chart adds its values after it
  std::string empty_text;   // shown instead of marks when there is no data, e.g. "No data yet."
  std::string unit;         // appended to values ("%", " t CO2"); may be empty
  char decimal = '.';       // ',' in French
};

struct Bar {
  std::string label;
  double value = 0;
};

// Horizontal bars, one per row, each with its label on the left and its value at its end.
// `centred` draws a funnel: every bar centred on the same axis.
Html bar_chart(const Frame& f, const std::vector<Bar>& bars, bool centred = false);

struct Stack {
  std::string label;
  std::vector<double> values;  // one per series, in the order of `series`
};

// Horizontal stacked bars: each row split into its series, each series filled with its own pattern
// and named in a legend; the total is written at the end of the row and each part inside it when
// there is room.
Html stacked_bars(const Frame& f, const std::vector<std::string>& series, const std::vector<Stack>& rows);

struct Point {
  sys_seconds at{};
  double value = 0;
};

struct LineOptions {
  std::optional<double> baseline;                                    // drawn as a labelled dashed line
  std::optional<double> target;                                      // drawn as a labelled dotted line
  std::string baseline_label = "baseline", target_label = "target";  // translated by the caller
  // Formats a date on the axis and in the description (the caller's language and time zone).
  std::function<std::string(sys_seconds)> date;
};

// A line through dated points (sorted by date here), each point marked and its value written above
// it. One point is drawn as a single marker; none as the empty text.
Html line_chart(const Frame& f, std::vector<Point> points, const LineOptions& o);

// A number as people read it: at most two decimals, no trailing zeros ("12", "3.5", "-0.25"), with
// `decimal` as the decimal separator.
std::string number(double v, char decimal = '.');

}  // namespace fabrique::charts
