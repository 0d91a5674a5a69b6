// The template compiler refuses, with the template's file and line, every template it cannot
// make safe or complete: unclosed delimiters, unknown tags, unused values, slots where escaping
// cannot work, and branches that leave the HTML in different contexts.
#include "tmplc/compiler.hpp"

#include <gtest/gtest.h>

namespace fabrique::tmplc {
namespace {

// The first error of compiling `body` inside a one-parameter template, or "" when it compiles.
std::string first_error(const std::string& text) {
  auto out = compile(text, "x/templates/t.html", "fabrique::x::templates", "x/templates/t.hpp");
  return out.errors.empty() ? "" : out.errors.front();
}

std::string in_template(const std::string& body) {
  return first_error("{% template T(std::string_view v) %}\n" + body + "{{ v }}\n{% endtemplate %}\n");
}

TEST(TemplateCompiler, CompilesAValidTemplateIntoAStructAndAWriteFunction) {
  auto out = compile(
      "{% template Card(std::string_view title, int n = 2) %}\n<h2>{{ title }}</h2>{{ n }}\n{% endtemplate %}\n",
      "m/templates/card.html", "fabrique::m::templates", "m/templates/card.hpp");
  ASSERT_TRUE(out.errors.empty()) << out.errors.front();
  EXPECT_NE(out.header.find("struct Card {"), std::string::npos);
  EXPECT_NE(out.header.find("int n = 2;"), std::string::npos);
  EXPECT_NE(out.source.find("#line 2 \"m/templates/card.html\""), std::string::npos);
}

TEST(TemplateCompiler, ReportsUnclosedDelimitersWithTheirLine) {
  EXPECT_EQ(in_template("<p>\n{{ v\n"), "x/templates/t.html:3: a slot {{ is never closed by }}");
  EXPECT_EQ(in_template("{% if v.empty()\n"), "x/templates/t.html:2: a tag {% is never closed by %}");
  EXPECT_EQ(in_template("{# note\n"), "x/templates/t.html:2: a comment {# is never closed by #}");
}

TEST(TemplateCompiler, RefusesAValueTheTemplateNeverUses) {
  EXPECT_EQ(first_error("{% template T(std::string_view a, int unused) %}\n{{ a }}\n{% endtemplate %}\n"),
            "x/templates/t.html:1: the value 'unused' of template T is never used");
}

TEST(TemplateCompiler, CountsAValueUsedOnlyInAConditionOrALoop) {
  EXPECT_EQ(first_error("{% template T(bool on, const std::vector<int>& xs) %}\n{% if on %}{% for x : xs %}{{ x }}{% "
                        "endfor %}{% endif %}\n{% endtemplate %}\n"),
            "");
}

TEST(TemplateCompiler, RefusesUnknownAndUnbalancedTags) {
  EXPECT_EQ(in_template("{% iff v %}\n"), "x/templates/t.html:2: unknown tag {% iff %}");
  EXPECT_EQ(in_template("{% else %}\n"), "x/templates/t.html:2: {% else %} without its {% if %}");
  EXPECT_EQ(in_template("{% endfor %}\n"), "x/templates/t.html:2: {% endfor %} without its opening tag");
  EXPECT_EQ(in_template("{% if true %}\n"), "x/templates/t.html:2: this block is not closed before {% endtemplate %}");
  EXPECT_EQ(first_error("{% template T() %}\n<p></p>\n"), "x/templates/t.html:1: template T has no {% endtemplate %}");
  EXPECT_EQ(first_error("<p>loose</p>\n"),
            "x/templates/t.html:1: text outside {% template %}: put it inside a template");
}

TEST(TemplateCompiler, RefusesSlotsWhereEscapingCannotMakeThemSafe) {
  EXPECT_EQ(in_template("<input value={{ v }}>\n"),
            "x/templates/t.html:2: a slot in an attribute value must stand inside quotes");
  EXPECT_EQ(in_template("<{{ v }}>\n"),
            "x/templates/t.html:2: a slot cannot stand in a tag or an attribute name: put {% if %} around a literal "
            "attribute");
  EXPECT_EQ(in_template("<a onclick=\"{{ v }}\">x</a>\n"),
            "x/templates/t.html:2: no slot in the attribute onclick: scripts and styles come from static files");
  EXPECT_EQ(in_template("<script>{{ v }}</script>\n"), "x/templates/t.html:2: no slot inside <script>");
  EXPECT_EQ(in_template("<!-- {{ v }} -->\n"), "x/templates/t.html:2: no slot inside an HTML comment");
}

TEST(TemplateCompiler, RefusesBranchesThatEndInDifferentContexts) {
  EXPECT_EQ(in_template("{% if v.empty() %}<a href=\"{% else %}<b>{% endif %}\n"),
            "x/templates/t.html:2: the ways through this {% if %} end in different HTML contexts (an element or "
            "attribute left open in one of them)");
  EXPECT_EQ(in_template("{% if v.empty() %}<p>{% else %}<b>{% endif %}\n"), "");
}

TEST(TemplateCompiler, RefusesATemplateThatEndsInsideATag) {
  EXPECT_EQ(first_error("{% template T(int v) %}\n<p class=\"{{ v }}\n{% endtemplate %}\n"),
            "x/templates/t.html:3: template T ends inside a tag, an attribute or a comment");
}

TEST(TemplateCompiler, LetsOnlyAnAttributesTemplateStandAmongAttributes) {
  auto out = compile("{% template T(std::string_view v) %}\n<input{{ v }}>\n{% endtemplate %}\n", "x/templates/t.html",
                     "fabrique::x::templates", "x/templates/t.hpp");
  ASSERT_TRUE(out.errors.empty());
  EXPECT_NE(out.source.find("attributes(out_, (v))"), std::string::npos);  // refused by the C++ build unless
                                                                           // v is an attributes template
  EXPECT_EQ(first_error("{% template A(int v) attributes %}\n title=\"{{ v }}\n{% endtemplate %}\n"),
            "x/templates/t.html:3: attributes template A must end between attributes");
  EXPECT_EQ(first_error("{% template A(int v) attributes %}\n data-n=\"{{ v }}\"\n{% endtemplate %}\n"), "");
}

TEST(TemplateCompiler, ChoosesTheEscapingOfEachUrlPosition) {
  auto out = compile(
      "{% template T(std::string_view a, std::string_view b) %}\n<a href=\"{{ a }}\" title=\"{{ a }}\">x</a><form "
      "action=\"/c/{{ b }}\"></form>\n{% endtemplate %}\n",
      "x/templates/t.html", "fabrique::x::templates", "x/templates/t.hpp");
  ASSERT_TRUE(out.errors.empty());
  auto first = out.source.find("url_start(out_, (a))");
  auto second = out.source.find("slot(out_, (a))");
  auto third = out.source.find("url_part(out_, (b))");
  EXPECT_NE(first, std::string::npos);
  EXPECT_NE(second, std::string::npos);
  EXPECT_NE(third, std::string::npos);
}

}  // namespace
}  // namespace fabrique::tmplc
