// The observatory's bar chart as SVG: sizes in viewBox units so that it scales to 320 px wide.
#include "observatoire/chart.hpp"

#include <algorithm>
#include <atomic>

namespace fabrique::observatoire::chart {

using html::Html;
using html::render;

namespace {

constexpr int kWidth = 480;
constexpr int kLabelWidth = 90;
constexpr int kBarHeight = 14;
constexpr int kGroupGap = 14;
constexpr int kLegendHeight = 24;
// Two colours with at least 3:1 contrast against white and told apart by the legend and the values.
constexpr const char* kColours[2] = {"#1d4f91", "#b34700"};

}  // namespace

Html grouped_bars(const std::string& title, const std::array<std::string, 2>& series, const std::vector<Bar>& bars) {
  int max = 1;
  for (const auto& b : bars) max = std::max({max, b.first, b.second});
  const int plot = kWidth - kLabelWidth - 40;
  const int height = kLegendHeight + static_cast<int>(bars.size()) * (2 * kBarHeight + kGroupGap);
  // A unique id per chart so that two charts on one page keep their own title.
  static std::atomic<int> counter{0};
  const int id = ++counter;
  Html shapes;
  for (int s = 0; s < 2; ++s)
    shapes += render(R"(<rect x="{}" y="4" width="12" height="12" fill="{}"/><text x="{}" y="15" font-size="12">{}</text>)",
                     kLabelWidth + s * 160, kColours[s], kLabelWidth + s * 160 + 16, series[s]);
  int y = kLegendHeight;
  for (const auto& b : bars) {
    shapes += render(R"(<text x="0" y="{}" font-size="12">{}</text>)", y + kBarHeight + 4, b.label);
    int values[2] = {b.first, b.second};
    for (int s = 0; s < 2; ++s) {
      int w = values[s] * plot / max;
      shapes += render(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/><text x="{}" y="{}" font-size="11">{}</text>)",
                       kLabelWidth, y + s * kBarHeight, w, kBarHeight - 2, kColours[s], kLabelWidth + w + 4,
                       y + s * kBarHeight + 11, values[s]);
    }
    y += 2 * kBarHeight + kGroupGap;
  }
  return render(
      R"(<figure><svg role="img" aria-labelledby="chart-{}-title" viewBox="0 0 {} {}" width="100%" xmlns="http://www.w3.org/2000/svg"><title id="chart-{}-title">{}</title>{}</svg></figure>)",
      id, kWidth, height, id, title, shapes);
}

}  // namespace fabrique::observatoire::chart
