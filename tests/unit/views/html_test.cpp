// Escaping by default: values reach HTML escaped unless they are already Html.
#include "views/html.hpp"

#include <gtest/gtest.h>

namespace fabrique::html {
namespace {

TEST(Escape, ReplacesEveryCharacterThatCanOpenMarkupOrCloseAnAttribute) {
  EXPECT_EQ(escape(R"(<a href="x" onclick='y'>&</a>)"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(Escape, LeavesPlainAndAccentedTextAlone) { EXPECT_EQ(escape("Numérique responsable"), "Numérique responsable"); }

TEST(Render, EscapesStringArguments) {
  Html h = render(R"(<p title="{}">{}</p>)", std::string("\"><script>"), std::string_view("<b>x</b>"));
  EXPECT_EQ(h.str(), R"(<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;x&lt;/b&gt;</p>)");
}

TEST(Render, KeepsHtmlArgumentsAsTheyAre) {
  Html inner = render("<em>{}</em>", std::string("a&b"));
  EXPECT_EQ(render("<p>{}</p>", inner).str(), "<p><em>a&amp;b</em></p>");
}

TEST(Render, WritesNumbers) { EXPECT_EQ(render("<td>{}</td>", 42).str(), "<td>42</td>"); }

// render() refuses at compile time a template whose fields do not match its arguments; these are the
// counts that check relies on. (A mismatched call cannot be a runtime test: it does not compile.)
static_assert(fabrique::html::detail::count_fields("<p>{}</p><p>{}</p>") == 2);
static_assert(fabrique::html::detail::count_fields("<p>{{literal}}</p>{}") == 1);
static_assert(fabrique::html::detail::count_fields("<p>{:>4}</p>") == 1);
static_assert(fabrique::html::detail::count_fields("<p>{0}{0}</p>") == -1);
static_assert(fabrique::html::detail::count_fields("") == 0);

TEST(Render, FillsEscapedBracesAndFieldsInOrder) {
  EXPECT_EQ(render("{{{}}}<b>{}</b>", "a", "<b>").str(), "{a}<b>&lt;b&gt;</b>");
}

TEST(Html, AppendingTextEscapesIt) {
  Html h = trusted("<p>");
  h += std::string_view("<i>");
  h += trusted("</p>");
  EXPECT_EQ(h.str(), "<p>&lt;i&gt;</p>");
}

TEST(UrlEncode, EncodesQueryValues) {
  EXPECT_EQ(url_encode("/a b?c=d&e"), "/a%20b%3Fc%3Dd%26e");
  EXPECT_EQ(url_encode("\"<>"), "%22%3C%3E");
}

}  // namespace
}  // namespace fabrique::html
