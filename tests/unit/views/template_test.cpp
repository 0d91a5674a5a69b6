// Page templates as the pages use them: slots escaped for where they stand, messages translated
// with plural forms, templates composed, and white space of the template's layout left out.
#include <gtest/gtest.h>

#include "i18n/i18n.hpp"
#include "views/templates/samples.hpp"

namespace fabrique::views::templates {
namespace {

const i18n::Translator& fr() { return i18n::translator(i18n::Lang::fr); }
const i18n::Translator& en() { return i18n::translator(i18n::Lang::en); }

TEST(Template, EscapesTextAndAttributeSlotsAndKeepsHtml) {
  auto h = html::render(en(), Greeting{.name = "\"><script>", .extra = html::trusted("<b>!</b>")});
  EXPECT_EQ(h.str(), "<p title=\"&quot;&gt;&lt;script&gt;\">\nHello &quot;&gt;&lt;script&gt;<b>!</b>\n</p>");
}

TEST(Template, RefusesAUrlWithADangerousScheme) {
  for (std::string_view bad : {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "java\tscript:x"}) {
    auto h = html::render(en(), Link{.href = bad, .slug = "s", .query = "q"});
    EXPECT_NE(h.str().find("href=\"#unsafe-url\""), std::string::npos) << bad;
  }
  for (std::string_view good :
       {"/coalitions", "https://example.org/?a=1&b=2", "mailto:reset@example.org", "#top", "?page=2"}) {
    auto h = html::render(en(), Link{.href = good, .slug = "s", .query = "q"});
    EXPECT_EQ(h.str().find("unsafe-url"), std::string::npos) << good;
  }
}

TEST(Template, EscapesTheAmpersandsOfAWholeUrl) {
  auto h = html::render(en(), Link{.href = "https://example.org/?a=1&b=\"2", .slug = "s", .query = "q"});
  EXPECT_NE(h.str().find("href=\"https://example.org/?a=1&amp;b=&quot;2\""), std::string::npos);
}

TEST(Template, PercentEncodesASlotFurtherIntoAUrl) {
  auto h = html::render(en(), Link{.href = "/", .slug = "a b\"<", .query = "x&y=z#"});
  EXPECT_NE(h.str().find("href=\"/coalitions/a%20b%22%3C?q=x%26y%3Dz%23\""), std::string::npos) << h.str();
}

TEST(Template, TranslatesWithTheRightPluralForm) {
  EXPECT_EQ(html::render(fr(), Count{.days = 1, .revision = 3}).str(), "<p>1 jour · 3</p>");
  EXPECT_EQ(html::render(fr(), Count{.days = 2, .revision = 3}).str(), "<p>2 jours · 3</p>");
  EXPECT_EQ(html::render(en(), Count{.days = 1, .revision = 3}).str(), "<p>1 day · 3</p>");
}

TEST(Template, BranchesAndLoopsLeaveNoBlankLinesOrIndentation) {
  std::vector<std::string> items = {"a<b", "c"};
  EXPECT_EQ(html::render(en(), List{.items = {}}).str(), "<p>—</p>\n");
  EXPECT_EQ(html::render(en(), List{.items = items, .numbered = true}).str(),
            "<ol>\n<li>a&lt;b</li>\n<li>c</li>\n</ol>\n");
  EXPECT_EQ(html::render(en(), List{.items = items}).str(), "<ul><li>a&lt;b</li><li>c</li></ul>\n");
}

TEST(Template, ComposesTemplatesAndKeepsTheWhiteSpaceOfATextarea) {
  std::vector<std::string> items = {"x"};
  auto h = html::render(en(), Page{.greeting = {.name = "N", .extra = {}}, .list = {.items = items}});
  EXPECT_EQ(h.str(),
            "<main>\n<p title=\"N\">\nHello N\n</p>\n<p data-count=\"1\"><ul><li>x</li></ul>\n</p>\n"
            "<textarea name=\"t\">\n  kept N\n  </textarea>\n</main>");
}

TEST(Template, PutsAnAttributesTemplateAmongATagsAttributes) {
  EXPECT_EQ(html::render(en(), Field{.name = "a\"b", .required = true}).str(),
            "<input name=\"a&quot;b\" required aria-describedby=\"a&quot;b\">");
  EXPECT_EQ(html::render(en(), Field{.name = "n", .required = false}).str(),
            "<input name=\"n\" aria-describedby=\"n\">");
}

}  // namespace
}  // namespace fabrique::views::templates
