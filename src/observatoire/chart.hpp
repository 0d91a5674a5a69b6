// A small bar chart drawn on the server as SVG, for the public body page. To be folded into the
// shared chart module (src/charts) once it is on main.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "views/html.hpp"

namespace fabrique::observatoire::chart {

// One category with two values (e.g. a band: entries by openness, entries by explainability).
struct Bar {
  std::string label;
  int first = 0;
  int second = 0;
};

// Horizontal grouped bars with their values written beside them. The SVG is an image named by
// `title` (role="img"); the page shows the same figures in a table for those who cannot see it.
// `series` names the two values, shown in the legend.
html::Html grouped_bars(const std::string& title, const std::array<std::string, 2>& series, const std::vector<Bar>& bars);

}  // namespace fabrique::observatoire::chart
