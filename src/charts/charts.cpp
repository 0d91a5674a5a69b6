// Drawing the shared SVG charts: geometry, patterns, and the words that describe each chart.
#include "charts/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "charts/templates/svg.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::charts {

using html::render;

namespace {

constexpr int kWidth = 640;
constexpr int kRow = 28;               // height of one bar row
constexpr int kLabelWidth = 210;       // left column for the labels of bars
constexpr int kValueWidth = 80;        // room after the longest bar for its value
constexpr std::size_t kMaxLabel = 30;  // characters of a label drawn in the chart (the table has it whole)

const char* kInk = "#1b1b1f";
const char* kAccent = "#1d4f91";

// A label cut to `max` characters (UTF-8 aware) with an ellipsis: the chart stays readable and the
// whole label is in the <desc> and in the table.
std::string shorten(const std::string& s, std::size_t max = kMaxLabel) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (++chars > max) return s.substr(0, i) + "…";
  }
  return s;
}

std::string coord(double v) { return fmt::format("{:.1f}", v); }

// A piece of a chart from its template. A chart's texts come translated (Frame, LineOptions): its
// templates translate nothing, so any language serves.
template <class T>
Html draw(const T& piece) {
  return html::render(i18n::translator(i18n::Lang::en), piece);
}

// The opening of every chart: role, accessible name and description, and the patterns series use.
Html open(const Frame& f, int height, const std::string& description, const Html& defs = {}) {
  return draw(templates::Open{.f = f, .width = kWidth, .height = height, .description = description, .defs = defs});
}

Html empty_chart(const Frame& f) {
  return render(
      R"({}<rect x="0.5" y="0.5" width="{}" height="59" fill="none" stroke="{}"/><text x="{}" y="35" text-anchor="middle" fill="{}">{}</text></svg>)",
      open(f, 60, f.description + " " + f.empty_text), kWidth - 1, kInk, kWidth / 2, kInk, f.empty_text);
}

std::string with_unit(const Frame& f, double v) { return number(v, f.decimal) + f.unit; }

// Fills that stay distinct in grey scale and for people who do not see colour: solid, hatched,
// dotted, crossed… Each is defined once per chart, under the chart's own id.
Html patterns(const std::string& id, std::size_t count) {
  static constexpr const char* kShapes[] = {
      R"(<rect width="8" height="8" fill="#1d4f91"/>)",
      R"(<rect width="8" height="8" fill="#fff"/><path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#1b1b1f" stroke-width="2"/>)",
      R"(<rect width="8" height="8" fill="#fff"/><circle cx="4" cy="4" r="2" fill="#1b1b1f"/>)",
      R"(<rect width="8" height="8" fill="#fff"/><path d="M0,0 l8,8 M8,0 l-8,8" stroke="#1b1b1f" stroke-width="1.5"/>)",
      R"(<rect width="8" height="8" fill="#fff"/><path d="M0,4 h8" stroke="#1b1b1f" stroke-width="2"/>)",
      R"(<rect width="8" height="8" fill="#fff"/><path d="M4,0 v8" stroke="#1b1b1f" stroke-width="2"/>)",
      R"(<rect width="8" height="8" fill="#c9c6bd"/>)",
      R"(<rect width="8" height="8" fill="#fff"/><path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" stroke="#1d4f91" stroke-width="2"/>)",
  };
  constexpr std::size_t kCount = sizeof(kShapes) / sizeof(kShapes[0]);
  std::string out = "<defs>";
  for (std::size_t i = 0; i < std::min(count, kCount); ++i)
    out += fmt::format(R"(<pattern id="{}-p{}" width="8" height="8" patternUnits="userSpaceOnUse">{}</pattern>)",
                       html::escape(id), i, kShapes[i]);
  out += "</defs>";
  return html::trusted(std::move(out));
}

std::string fill(const std::string& id, std::size_t series) {
  return fmt::format("url(#{}-p{})", html::escape(id), series % 8);
}

}  // namespace

std::string number(double v, char decimal) {
  if (!std::isfinite(v)) return "—";
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  if (decimal != '.')
    if (auto dot = s.find('.'); dot != std::string::npos) s[dot] = decimal;
  return s;
}

Html bar_chart(const Frame& f, const std::vector<Bar>& bars, bool centred) {
  if (bars.empty()) return empty_chart(f);
  double max = 0;
  std::string description = f.description;
  for (const auto& b : bars) {
    max = std::max(max, b.value);
    description += fmt::format("{}{}: {}", &b == &bars.front() ? " " : "; ", b.label, with_unit(f, b.value));
  }
  description += ".";
  const int height = static_cast<int>(bars.size()) * kRow + 8;
  const double area = kWidth - kLabelWidth - kValueWidth;
  Html body = open(f, height, description);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const double y = 4 + static_cast<double>(i) * kRow;
    const double w = max > 0 ? std::max(0.0, b.value) / max * area : 0;
    // A zero keeps a hairline so that the row reads as "measured, nothing" rather than missing.
    const double drawn = std::max(w, 1.0);
    const double x = centred ? kLabelWidth + (area - drawn) / 2 : kLabelWidth;
    const double value_x = centred ? kLabelWidth + area + 6 : kLabelWidth + drawn + 6;
    body += draw(templates::BarRow{.label_x = kLabelWidth - 8,
                                   .text_y = coord(y + kRow / 2.0 + 1),
                                   .label = shorten(b.label),
                                   .x = coord(x),
                                   .y = coord(y + 3),
                                   .width = coord(drawn),
                                   .height = kRow - 8,
                                   .value_x = coord(value_x),
                                   .value = with_unit(f, b.value),
                                   .ink = kInk,
                                   .accent = kAccent});
  }
  body += html::trusted("</svg>");
  return body;
}

Html stacked_bars(const Frame& f, const std::vector<std::string>& series, const std::vector<Stack>& rows) {
  double max = 0;
  for (const auto& r : rows) {
    double total = 0;
    for (double v : r.values) total += std::max(0.0, v);
    max = std::max(max, total);
  }
  if (rows.empty() || series.empty() || max <= 0) return empty_chart(f);
  std::string description = f.description;
  for (const auto& r : rows) {
    description += " " + r.label + ":";
    for (std::size_t s = 0; s < series.size(); ++s)
      description +=
          fmt::format("{} {} {}", s == 0 ? "" : ",", series[s], with_unit(f, s < r.values.size() ? r.values[s] : 0));
    description += ".";
  }
  // The legend goes first, one swatch and name per line, so that it never overflows at any width.
  const int legend = static_cast<int>(series.size()) * 22 + 6;
  const int height = legend + static_cast<int>(rows.size()) * kRow + 8;
  const double area = kWidth - kLabelWidth - kValueWidth;
  Html body = open(f, height, description, patterns(f.id, series.size()));
  for (std::size_t s = 0; s < series.size(); ++s) {
    const int y = 4 + static_cast<int>(s) * 22;
    body +=
        draw(templates::LegendEntry{.x = kLabelWidth, .y = y, .fill = fill(f.id, s), .name = series[s], .ink = kInk});
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const double y = legend + 4 + static_cast<double>(i) * kRow;
    const double text_y = y + kRow / 2.0 + 1;
    body += render(R"(<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>)", kLabelWidth - 8, coord(text_y), kInk,
                   shorten(r.label));
    double x = kLabelWidth, total = 0;
    for (std::size_t s = 0; s < series.size() && s < r.values.size(); ++s) {
      const double v = std::max(0.0, r.values[s]);
      total += v;
      if (v <= 0) continue;
      const double w = v / max * area;
      body += render(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>)", coord(x), coord(y + 3),
                     coord(w), kRow - 8, fill(f.id, s), kInk);
      // The part's own value, on a white label so that it reads over any pattern, when it fits.
      const std::string text = number(v, f.decimal);
      const double text_w = 8.0 * static_cast<double>(text.size()) + 6;
      if (w >= text_w + 4)
        body += draw(templates::PartLabel{.x = coord(x + w / 2 - text_w / 2),
                                          .y = coord(text_y - 11),
                                          .width = coord(text_w),
                                          .text_x = coord(x + w / 2),
                                          .text_y = coord(text_y),
                                          .text = text,
                                          .ink = kInk});
      x += w;
    }
    body += render(R"(<text x="{}" y="{}" fill="{}" font-weight="bold">{}</text>)", coord(x + 6), coord(text_y), kInk,
                   with_unit(f, total));
  }
  body += html::trusted("</svg>");
  return body;
}

Html line_chart(const Frame& f, std::vector<Point> points, const LineOptions& o) {
  if (points.empty()) return empty_chart(f);
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.at < b.at; });
  auto date = [&](sys_seconds t) { return o.date ? o.date(t) : fmt::format("{}", t.time_since_epoch().count()); };

  std::string description = f.description;
  for (const auto& p : points)
    description += fmt::format("{}{}: {}", &p == &points.front() ? " " : "; ", date(p.at), with_unit(f, p.value));
  description += ".";
  if (o.baseline) description += fmt::format(" {}: {}.", o.baseline_label, with_unit(f, *o.baseline));
  if (o.target) description += fmt::format(" {}: {}.", o.target_label, with_unit(f, *o.target));

  constexpr int kHeight = 260, kLeft = 64, kRight = 120, kTop = 24, kBottom = 44;
  // Points keep clear of the axis labels: the first and last dates sit kInset inside the plot.
  constexpr double kInset = 24;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  constexpr int kRightEdge = kWidth - kRight;  // where the plot ends: kLeft + plot_w
  double lo = std::min(0.0, points.front().value), hi = points.front().value;
  for (const auto& p : points) lo = std::min(lo, p.value), hi = std::max(hi, p.value);
  for (const auto& ref : {o.baseline, o.target})
    if (ref) lo = std::min(lo, *ref), hi = std::max(hi, *ref);
  if (hi <= lo) hi = lo + 1;  // a flat series still gets a scale
  const auto t0 = points.front().at.time_since_epoch().count();
  const auto t1 = points.back().at.time_since_epoch().count();
  auto px = [&](sys_seconds t) {
    // One date (or several on the same day) sits in the middle of the axis.
    if (t1 == t0) return kLeft + plot_w / 2;
    return kLeft + kInset +
           static_cast<double>(t.time_since_epoch().count() - t0) / static_cast<double>(t1 - t0) *
               (plot_w - 2 * kInset);
  };
  auto py = [&](double v) { return kTop + (hi - v) / (hi - lo) * plot_h; };

  Html body = open(f, kHeight, description);
  // Axes and four gridlines with their values.
  for (int i = 0; i <= 4; ++i) {
    const double v = lo + (hi - lo) * i / 4.0;
    body += draw(templates::Gridline{.x1 = kLeft,
                                     .x2 = kRightEdge,
                                     .y = coord(py(v)),
                                     .text_y = coord(py(v) + 4),
                                     .value = number(v, f.decimal),
                                     .ink = kInk});
  }
  body += render(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>)", kLeft, kTop + plot_h, kLeft + plot_w,
                 kTop + plot_h, kInk);
  body += render(R"(<text x="{}" y="{}" text-anchor="{}" fill="{}">{}</text>)", coord(px(points.front().at)),
                 kHeight - 14, t1 == t0 ? "middle" : "start", kInk, date(points.front().at));
  if (t1 != t0)
    body += render(R"(<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>)", coord(px(points.back().at)),
                   kHeight - 14, kInk, date(points.back().at));
  // Reference lines, named at their right end in words (not told apart by colour); the unit is in
  // the description and the table, so that the name fits in the margin.
  auto reference = [&](const std::optional<double>& v, const std::string& label, const char* dash) {
    if (!v) return;
    body += draw(templates::ReferenceLine{.x1 = kLeft,
                                          .x2 = kRightEdge,
                                          .y = coord(py(*v)),
                                          .text_y = coord(py(*v) + 4),
                                          .dash = dash,
                                          .label = label + " " + number(*v, f.decimal),
                                          .ink = kInk});
  };
  reference(o.baseline, o.baseline_label, "6 4");
  reference(o.target, o.target_label, "2 3");
  if (points.size() > 1) {
    std::string line;
    for (const auto& p : points) line += (line.empty() ? "" : " ") + coord(px(p.at)) + "," + coord(py(p.value));
    body += render(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>)", line, kAccent);
  }
  // Every point marked, and its value written above it when the points are few enough to read.
  const bool label_points = points.size() <= 12;
  for (const auto& p : points) {
    body += render(R"(<circle cx="{}" cy="{}" r="4.5" fill="#fff" stroke="{}" stroke-width="2.5"/>)", coord(px(p.at)),
                   coord(py(p.value)), kAccent);
    if (label_points || &p == &points.back())
      body += render(R"(<text x="{}" y="{}" text-anchor="middle" fill="{}" font-weight="bold">{}</text>)",
                     coord(px(p.at)), coord(py(p.value) - 9), kInk, number(p.value, f.decimal));
  }
  body += html::trusted("</svg>");
  return body;
}

}  // namespace fabrique::charts
