// Markdown rendering: GFM features, and that nothing a user writes can run script or load content.
#include "text/markdown.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace fabrique::text {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
};

// A small HTML tokenizer, strict enough for checking output: start tags with their attributes
// as a browser would read them (quoted or not), closing tags and comments skipped.
std::vector<Tag> start_tags(const std::string& html) {
  std::vector<Tag> tags;
  std::size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", i);
      i = end == std::string::npos ? html.size() : end + 3;
      continue;
    }
    ++i;
    if (i < html.size() && html[i] == '/') continue;
    Tag tag;
    while (i < html.size() && !space(html[i]) && html[i] != '>' && html[i] != '/') tag.name += html[i++];
    while (i < html.size() && html[i] != '>') {
      while (i < html.size() && (space(html[i]) || html[i] == '/')) ++i;
      std::string name, value;
      while (i < html.size() && !space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/')
        name += html[i++];
      if (i < html.size() && html[i] == '=') {
        ++i;
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
          char quote = html[i++];
          while (i < html.size() && html[i] != quote) value += html[i++];
          ++i;
        } else {
          while (i < html.size() && !space(html[i]) && html[i] != '>') value += html[i++];
        }
      }
      if (!name.empty()) tag.attributes.emplace_back(lower(name), value);
    }
    tag.name = lower(tag.name);
    tags.push_back(std::move(tag));
  }
  return tags;
}

const std::set<std::string> kAllowedTags = {"p",          "a",     "em",    "strong", "del", "code", "pre", "h1", "h2",
                                            "h3",         "h4",    "h5",    "h6",     "ul",  "ol",   "li",  "hr", "br",
                                            "blockquote", "table", "thead", "tbody",  "tr",  "th",   "td"};
const std::set<std::string> kAllowedAttributes = {"href", "title", "rel", "align", "start", "class"};

// What in rendered HTML would let a payload act (elements, attributes, link targets), one line
// per finding; empty when the markup is inert.
std::string problems(const std::string& out, bool text_may_mention_javascript = false) {
  std::string found;
  const std::string low = lower(out);
  for (const char* bad : {"<script", "<iframe", "<svg", "<img", "<style", "<details", "<object", "<embed", "<input",
                          "<form", "<math", "<link", "<meta", "<base"})
    if (low.find(bad) != std::string::npos) found += std::string("element ") + bad + "\n";
  if (!text_may_mention_javascript) {
    if (low.find("javascript:") != std::string::npos) found += "javascript: in the output\n";
    if (low.find("vbscript:") != std::string::npos) found += "vbscript: in the output\n";
  }
  for (const Tag& tag : start_tags(out)) {
    if (!kAllowedTags.contains(tag.name)) found += "tag " + tag.name + "\n";
    for (const auto& [name, value] : tag.attributes) {
      if (name.starts_with("on")) found += "event handler " + name + "\n";
      if (!kAllowedAttributes.contains(name)) found += "attribute " + name + "\n";
      std::string v = lower(value);
      if (v.find("javascript:") != std::string::npos) found += "javascript: in " + name + "\n";
      if (v.find("data:") != std::string::npos) found += "data: in " + name + "\n";
      bool allowed = v.starts_with("http://") || v.starts_with("https://") || v.starts_with("mailto:") ||
                     ((v.starts_with("/") || v.starts_with("#")) && !v.starts_with("//") && !v.starts_with("/\\"));
      if (name == "href" && !allowed) found += "href " + value + "\n";
    }
  }
  return found;
}

void expect_harmless(const std::string& payload, bool text_may_mention_javascript = false) {
  std::string out = render_markdown(payload).str();
  EXPECT_EQ(problems(out, text_may_mention_javascript), "") << "payload: " << payload << "\noutput: " << out;
}

TEST(MarkdownSecurity, TheCheckerCatchesActiveMarkup) {
  // The checks below are only worth something if they fail on what they look for.
  EXPECT_NE(problems("<p><img src=x onerror=alert(1)></p>"), "");
  EXPECT_NE(problems("<a href=\"javascript:alert(1)\">x</a>"), "");
  EXPECT_NE(problems("<a href=page.html>x</a>"), "");
  EXPECT_NE(problems("<p onclick='x'>x</p>"), "");
  EXPECT_NE(problems("<a href=\"//evil.example\">x</a>"), "");
  EXPECT_NE(problems("<a title=x href=\"data:text/html,x\">x</a>"), "");
  EXPECT_NE(problems("<p>x</p><script>"), "");
  EXPECT_EQ(problems("<p><a href=\"https://a.example\" title=\"&quot; onmouseover=alert(1)\">x</a></p>"), "");
}

TEST(MarkdownSecurity, XssPayloadsAreNeutralised) {
  const std::vector<std::string> payloads = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "[x](javascript:alert(1))",
      "[x](JAVASCRIPT:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "[x](java&#x73;cript:alert(1))",
      "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
      "[x](  javascript:alert(1))",
      "[x](<java\tscript:alert(1)>)",
      "[x](<java\nscript:alert(1)>)",
      "[x](< javascript:alert(1)>)",
      "[x](\\javascript:alert(1))",
      "<a href=\"javascript:alert(1)\">x</a>",
      "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
      "![x](data:image/png;base64,iVBORw0KGgo=)",
      "[x](data:text/html,<script>)",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "<svg onload=alert(1)>",
      "<iframe src=\"https://evil.example\"></iframe>",
      "<details open ontoggle=alert(1)>",
      "[x](vbscript:msgbox)",
      "[x](file:///etc/passwd)",
      "<style>body{display:none}</style>",
      "<!-- --><script>alert(1)</script>",
      "a <!-- --><script>alert(1)</script> b",
      "[x](https://a.example \"\\\" onmouseover=alert(1)\")",
      "[x](https://a.example 'x\\' onmouseover=alert(1)')",
      "[x][r]\n\n[r]: javascript:alert(1)",
      "[x][r]\n\n[r]: <javascript:alert(1)> \"t\"",
      "![x](javascript:alert(1))",
      "[![x](javascript:alert(1))](javascript:alert(2))",
      "`<script>alert(1)</script>`",
      "```html\n<script>alert(1)</script>\n```",
      "    <script>alert(1)</script>",
      "| a |\n|---|\n| <script>alert(1)</script> |",
      "~~<script>alert(1)</script>~~",
      "*<img src=x onerror=alert(1)>*",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "<form><input type=submit formaction=javascript:alert(1)>",
      "[x](//evil.example) [y](/\\evil.example)",
      "<base href=\"https://evil.example/\">",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "</p><script>alert(1)</script>",
      "[x](https://a.example\"onmouseover=\"alert(1))",
  };
  for (const std::string& payload : payloads) expect_harmless(payload);
}

TEST(MarkdownSecurity, JavascriptAutolinkIsNotALink) {
  // The text "javascript:alert(1)" may stay (escaped, inert), but never as a link.
  expect_harmless("<javascript:alert(1)>", true);
  expect_harmless("<JAVASCRIPT:alert(1)>", true);
  EXPECT_EQ(render_markdown("<javascript:alert(1)>").str().find("<a"), std::string::npos);
}

TEST(MarkdownSecurity, RawHtmlIsDroppedNotRendered) {
  EXPECT_EQ(render_markdown("a <b>gras</b> c").str(), "<p>a gras c</p>\n");
  EXPECT_EQ(render_markdown("<div>\nbloc\n</div>").str(), "");
}

TEST(MarkdownSecurity, AnyBytesAreAccepted) {
  expect_harmless(std::string("a\0b<script>\xff\xfe\xc3", 15));
  std::string huge(100'000, '[');
  EXPECT_NO_THROW(render_markdown(huge));
  std::string quotes(100'000, '>');
  EXPECT_NO_THROW(render_markdown(quotes));
}

TEST(MarkdownSecurity, TableThatWouldExplodeIsNotATable) {
  // A wide header over many one-cell rows: padding would ask for hundreds of millions of cells.
  std::string s;
  for (int i = 0; i < 5000; ++i) s += "|a";
  s += "\n";
  for (int i = 0; i < 5000; ++i) s += "|-";
  s += "\n";
  for (int i = 0; i < 40000; ++i) s += "|\n";
  std::string out = render_markdown(s).str();
  EXPECT_EQ(out.find("<table"), std::string::npos);
}

TEST(Markdown, TablesRender) {
  std::string out = render_markdown("| Nom | Rôle |\n|---|:-:|\n| Camille | élue |\n").str();
  EXPECT_NE(out.find("<table>"), std::string::npos) << out;
  EXPECT_NE(out.find("<th>Nom</th>"), std::string::npos) << out;
  EXPECT_NE(out.find("<td align=\"center\">élue</td>"), std::string::npos) << out;
}

TEST(Markdown, StrikethroughNeedsTwoTildes) {
  EXPECT_EQ(render_markdown("~~barré~~").str(), "<p><del>barré</del></p>\n");
  EXPECT_EQ(render_markdown("de ~5 à ~10 km").str(), "<p>de ~5 à ~10 km</p>\n");
}

TEST(Markdown, AutolinksBecomeExternalLinks) {
  EXPECT_EQ(render_markdown("Voir https://example.org/page?a=1&b=2").str(),
            "<p>Voir <a rel=\"nofollow noopener\" href=\"https://example.org/page?a=1&amp;b=2\">"
            "https://example.org/page?a=1&amp;b=2</a></p>\n");
  EXPECT_EQ(render_markdown("www.example.org").str(),
            "<p><a rel=\"nofollow noopener\" href=\"http://www.example.org\">www.example.org</a></p>\n");
  EXPECT_EQ(render_markdown("<https://example.org>").str(),
            "<p><a rel=\"nofollow noopener\" href=\"https://example.org\">https://example.org</a></p>\n");
}

TEST(Markdown, MailtoAndInternalLinksAreKeptWithoutRel) {
  EXPECT_EQ(render_markdown("[écrire](mailto:camille@example.org)").str(),
            "<p><a href=\"mailto:camille@example.org\">écrire</a></p>\n");
  EXPECT_EQ(render_markdown("camille@example.org").str(),
            "<p><a href=\"mailto:camille@example.org\">camille@example.org</a></p>\n");
  EXPECT_EQ(render_markdown("[accueil](/organisations/ville) [plus bas](#suite)").str(),
            "<p><a href=\"/organisations/ville\">accueil</a> <a href=\"#suite\">plus bas</a></p>\n");
}

TEST(Markdown, SchemeIsLowerCasedAndProtocolRelativeBecomesHttps) {
  EXPECT_EQ(render_markdown("[a](HTTPS://Example.org/X)").str(),
            "<p><a rel=\"nofollow noopener\" href=\"https://Example.org/X\">a</a></p>\n");
  EXPECT_EQ(render_markdown("[a](//example.org/x)").str(),
            "<p><a rel=\"nofollow noopener\" href=\"https://example.org/x\">a</a></p>\n");
}

TEST(Markdown, RefusedLinksKeepTheirText) {
  EXPECT_EQ(render_markdown("[le *site*](javascript:alert(1))").str(), "<p>le <em>site</em></p>\n");
  EXPECT_EQ(render_markdown("[page](page.html)").str(), "<p>page</p>\n");
}

TEST(Markdown, ImagesBecomeLinksToTheirAddress) {
  EXPECT_EQ(
      render_markdown("![Plan du *site*](https://example.org/plan.png \"Plan\")").str(),
      "<p><a rel=\"nofollow noopener\" href=\"https://example.org/plan.png\" title=\"Plan\">Plan du site</a></p>\n");
  EXPECT_EQ(render_markdown("![](https://example.org/a.png)").str(),
            "<p><a rel=\"nofollow noopener\" href=\"https://example.org/a.png\">https://example.org/a.png</a></p>\n");
  // Inside a link, the image is its alt text: links do not nest.
  EXPECT_EQ(render_markdown("[![logo](https://example.org/l.png)](https://example.org)").str(),
            "<p><a rel=\"nofollow noopener\" href=\"https://example.org\">logo</a></p>\n");
  EXPECT_EQ(render_markdown("![logo](data:image/png;base64,AAAA)").str(), "<p>logo</p>\n");
}

TEST(Markdown, HeadingsAreShifted) {
  EXPECT_EQ(render_markdown("# Titre\n## Sous-titre\n###### Fin").str(),
            "<h3>Titre</h3>\n<h4>Sous-titre</h4>\n<h6>Fin</h6>\n");
  EXPECT_EQ(render_markdown("# Titre", 0).str(), "<h1>Titre</h1>\n");
  EXPECT_EQ(render_markdown("Titre\n=====", 1).str(), "<h2>Titre</h2>\n");
}

TEST(Markdown, FrenchTextIsIntact) {
  EXPECT_EQ(render_markdown("L’œuvre « Été » coûte 10 € — déjà vu ?").str(),
            "<p>L’œuvre « Été » coûte 10 € — déjà vu ?</p>\n");
}

TEST(Markdown, ListsQuotesAndCodeRender) {
  EXPECT_EQ(render_markdown("- un\n- deux").str(), "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n");
  EXPECT_EQ(render_markdown("> cité").str(), "<blockquote>\n<p>cité</p>\n</blockquote>\n");
  EXPECT_EQ(render_markdown("`a < b`").str(), "<p><code>a &lt; b</code></p>\n");
}

TEST(Markdown, ConcurrentRendersAgree) {
  // cmark-gfm keeps some parser state in globals; requests render from several threads. Each
  // thread renders texts of its own, never seen before, so that every one is really parsed.
  const std::string source = "~~barré~~, voir https://example.org et camille@example.org\n\n| a |\n|---|\n| ~~b~~ |";
  const std::string expected = render_markdown(source).str();
  std::atomic<int> mismatches = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const std::string tail = "\n\nfil " + std::to_string(t) + " tour " + std::to_string(i);
        if (render_markdown(source + tail).str() !=
            expected + "<p>fil " + std::to_string(t) + " tour " + std::to_string(i) + "</p>\n")
          ++mismatches;
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(Markdown, ATextRenderedAgainWithOtherOptionsIsRenderedAnew) {
  // Texts are rendered once and kept: the same source asked with another heading offset or
  // another length must not get the kept rendering of the first.
  EXPECT_EQ(render_markdown("# Gardé").str(), "<h3>Gardé</h3>\n");
  EXPECT_EQ(render_markdown("# Gardé").str(), "<h3>Gardé</h3>\n");
  EXPECT_EQ(render_markdown("# Gardé", 0).str(), "<h1>Gardé</h1>\n");
  EXPECT_EQ(markdown_to_text("Une phrase assez longue pour être coupée", 1000),
            "Une phrase assez longue pour être coupée");
  EXPECT_EQ(markdown_to_text("Une phrase assez longue pour être coupée", 20), "Une phrase assez…");
}

TEST(MarkdownText, StripsMarkupAndCollapsesSpace) {
  EXPECT_EQ(markdown_to_text("# Titre\n\nUn *texte* avec [un lien](https://example.org) et <b>du</b> HTML.\n\n"
                             "| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- ~~y~~",
                             1000),
            "Titre Un texte avec un lien et du HTML. a b 1 2 x y");
}

TEST(MarkdownText, CutsAtAWordWithAnEllipsis) {
  EXPECT_EQ(markdown_to_text("Une phrase assez longue pour être coupée", 20), "Une phrase assez…");
  EXPECT_EQ(markdown_to_text("court", 20), "court");
  EXPECT_EQ(markdown_to_text("ééééééééééé", 5), "éééé…");
  EXPECT_EQ(markdown_to_text("texte", 0), "");
}

}  // namespace
}  // namespace fabrique::text
