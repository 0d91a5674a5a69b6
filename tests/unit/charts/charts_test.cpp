// The shared SVG charts: well-formed XML (read back with Boost.PropertyTree's XML parser), named and
// described for assistive technology, escaped, readable without colour, sensible when empty or single.
#include "charts/charts.hpp"

#include <gtest/gtest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <sstream>

namespace fabrique::charts {
namespace {

using boost::property_tree::ptree;

// Parses the SVG as XML (throws on malformed markup) and returns the <svg> element.
ptree parse(const Html& svg) {
  std::istringstream in(svg.str());
  ptree doc;
  boost::property_tree::read_xml(in, doc);
  return doc.get_child("svg");
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

Frame frame(std::string id = "c") {
  return {std::move(id), "Coalitions par étape", "Nombre de coalitions à chaque étape.", "Aucune donnée.", "", ','};
}

sys_seconds day(int n) { return sys_seconds(std::chrono::seconds(1'600'000'000LL + n * 86400LL)); }

TEST(BarChart, IsWellFormedXmlWithRoleTitleAndDescription) {
  auto svg = parse(bar_chart(frame(), {{"Idée", 3}, {"Cadrage", 1.5}}));
  EXPECT_EQ(svg.get<std::string>("<xmlattr>.role"), "img");
  EXPECT_EQ(svg.get<std::string>("<xmlattr>.aria-labelledby"), "c-title");
  EXPECT_EQ(svg.get<std::string>("title"), "Coalitions par étape");
  // The description states every value in words: the text alternative of the chart.
  EXPECT_EQ(svg.get<std::string>("desc"), "Nombre de coalitions à chaque étape. Idée: 3; Cadrage: 1,5.");
}

TEST(BarChart, WritesEveryValueNextToItsBar) {
  auto s = bar_chart(frame(), {{"Idée", 3}, {"Cadrage", 12}}).str();
  EXPECT_NE(s.find(">3</text>"), std::string::npos);
  EXPECT_NE(s.find(">12</text>"), std::string::npos);
  EXPECT_EQ(s.find("<script"), std::string::npos);
  EXPECT_EQ(s.find("style="), std::string::npos);  // the CSP forbids inline style
}

TEST(BarChart, EscapesLabelsAndTitles) {
  Frame f = frame();
  f.title = "<script>alert('x')</script>";
  auto h = bar_chart(f, {{"A & B <i>", 1}, {"\"quoted\"", 2}});
  EXPECT_EQ(h.str().find("<script>"), std::string::npos);
  EXPECT_EQ(h.str().find("<i>"), std::string::npos);
  auto svg = parse(h);
  EXPECT_EQ(svg.get<std::string>("title"), "<script>alert('x')</script>");
}

TEST(BarChart, EmptySeriesSaysSoInsteadOfDrawingNothing) {
  auto h = bar_chart(frame(), {});
  auto svg = parse(h);
  EXPECT_EQ(svg.get<std::string>("text"), "Aucune donnée.");
  EXPECT_NE(svg.get<std::string>("desc").find("Aucune donnée."), std::string::npos);
}

TEST(BarChart, AllZeroValuesStillShowEachRowWithItsValue) {
  auto s = bar_chart(frame(), {{"Idée", 0}, {"Cadrage", 0}}).str();
  parse(html::trusted(s));
  EXPECT_EQ(count(s, ">0</text>"), 2u);
}

TEST(BarChart, FunnelCentresEveryBar) {
  auto s = bar_chart(frame(), {{"Idée", 4}, {"Cadrage", 2}}, true).str();
  parse(html::trusted(s));
  // The widest bar starts at the label column; the narrower one is shifted to the middle.
  EXPECT_NE(s.find(R"(<rect x="210.0")"), std::string::npos);
  EXPECT_NE(s.find(R"(<rect x="297.5")"), std::string::npos);
}

TEST(BarChart, LongLabelsAreShortenedInTheDrawingButWholeInTheDescription) {
  std::string label = "Pour des algorithmes et systèmes d'IA publics exemplaires";
  auto h = bar_chart(frame(), {{label, 2}});
  auto svg = parse(h);
  EXPECT_NE(svg.get<std::string>("desc").find(label), std::string::npos);
  EXPECT_NE(h.str().find("…"), std::string::npos);
}

TEST(StackedBars, GiveEachSeriesItsOwnPatternAndALegend) {
  auto h = stacked_bars(frame(), {"Commande", "Offre", "Usages"}, {{"Proposée", {1, 2, 0}}, {"Réalisée", {3, 0, 1}}});
  auto s = h.str();
  parse(h);
  EXPECT_EQ(count(s, "<pattern "), 3u);
  EXPECT_NE(s.find(">Commande</text>"), std::string::npos);
  EXPECT_NE(s.find(">Usages</text>"), std::string::npos);
  EXPECT_NE(s.find("url(#c-p1)"), std::string::npos);
  EXPECT_NE(s.find(">4</text>"), std::string::npos);  // each row's total
  EXPECT_NE(parse(h).get<std::string>("desc").find("Proposée: Commande 1, Offre 2, Usages 0."), std::string::npos);
}

TEST(StackedBars, EmptyOrAllZeroRendersTheEmptyText) {
  EXPECT_NE(stacked_bars(frame(), {"A"}, {}).str().find("Aucune donnée."), std::string::npos);
  EXPECT_NE(stacked_bars(frame(), {"A"}, {{"x", {0}}}).str().find("Aucune donnée."), std::string::npos);
}

TEST(LineChart, DrawsALineThroughSortedPointsWithBaselineAndTarget) {
  LineOptions o;
  o.baseline = 2;
  o.target = 10;
  o.baseline_label = "Référence";
  o.target_label = "Cible";
  o.date = [](sys_seconds t) { return "J" + std::to_string((t - day(0)).count() / 86400); };
  auto h = line_chart(frame(), {{day(30), 6}, {day(0), 3}, {day(60), 8.5}}, o);
  auto s = h.str();
  auto svg = parse(h);
  EXPECT_EQ(count(s, "<polyline"), 1u);
  EXPECT_EQ(count(s, "<circle"), 3u);
  EXPECT_NE(s.find("Référence 2"), std::string::npos);
  EXPECT_NE(s.find("Cible 10"), std::string::npos);
  EXPECT_EQ(svg.get<std::string>("desc"),
            "Nombre de coalitions à chaque étape. J0: 3; J30: 6; J60: 8,5. Référence: 2. Cible: 10.");
}

TEST(LineChart, OnePointIsOneMarkerWithoutALine) {
  LineOptions o;
  auto h = line_chart(frame(), {{day(5), 42}}, o);
  parse(h);
  EXPECT_EQ(count(h.str(), "<polyline"), 0u);
  EXPECT_EQ(count(h.str(), "<circle"), 1u);
  EXPECT_NE(h.str().find(">42</text>"), std::string::npos);
  EXPECT_EQ(h.str().find("nan"), std::string::npos);
}

TEST(LineChart, NoPointRendersTheEmptyText) {
  auto h = line_chart(frame(), {}, {});
  EXPECT_EQ(parse(h).get<std::string>("text"), "Aucune donnée.");
}

TEST(LineChart, AFlatSeriesStillHasAScale) {
  auto h = line_chart(frame(), {{day(0), 5}, {day(1), 5}}, {});
  parse(h);
  EXPECT_EQ(h.str().find("nan"), std::string::npos);
  EXPECT_EQ(h.str().find("inf"), std::string::npos);
}

TEST(Number, HasAtMostTwoDecimalsAndTheGivenSeparator) {
  EXPECT_EQ(number(12), "12");
  EXPECT_EQ(number(3.5, ','), "3,5");
  EXPECT_EQ(number(-0.001), "0");
  EXPECT_EQ(number(2.345678), "2.35");
}

}  // namespace
}  // namespace fabrique::charts
