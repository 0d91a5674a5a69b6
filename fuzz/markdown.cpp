// Fuzzes the Markdown renderer and its sanitiser (text::render_markdown), which turns what members write into page
// HTML.
//
// Input: the first byte picks the heading offset; the rest is the Markdown. Asserts that the HTML never holds
// "<script" nor a "javascript:" URL (letters in any case), that every href points where the renderer promises
// (http:, https:, mailto:, or "/" and "#" on the site), and that the plain-text form keeps within its length.
#include "text/markdown.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/text.hpp"
#include "fuzz/check.hpp"

using fabrique::fuzz::check;
using fabrique::fuzz::icontains;

namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && icontains(s.substr(0, prefix.size()), prefix);
}

// Reads every tag of `html` (cmark writes attributes as name="value") and checks its attributes: no event
// handler, and every URL allowed.
void check_tags(std::string_view html) {
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    std::size_t i = at + 1;
    while (i < html.size() && html[i] != ' ' && html[i] != '>') ++i;  // the tag's name
    while (i < html.size() && html[i] != '>') {
      while (i < html.size() && html[i] == ' ') ++i;
      std::size_t name_start = i;
      while (i < html.size() && html[i] != '=' && html[i] != ' ' && html[i] != '>') ++i;
      std::string_view name = html.substr(name_start, i - name_start);
      std::string_view value;
      if (i < html.size() && html[i] == '=') {
        check(i + 1 < html.size() && html[i + 1] == '"', "attribute values are quoted");
        std::size_t close = html.find('"', i + 2);
        check(close != std::string_view::npos, "attribute values are closed");
        value = html.substr(i + 2, close - i - 2);
        i = close + 1;
      }
      check(!starts_with_nocase(name, "on"), "no event handler attribute");
      if (icontains(name, "href") || icontains(name, "src") || icontains(name, "action")) {
        check(!starts_with_nocase(value, "javascript:"), "no javascript: URL");
        check(starts_with_nocase(value, "http:") || starts_with_nocase(value, "https:") ||
                  starts_with_nocase(value, "mailto:") || value.starts_with('/') || value.starts_with('#'),
              "a link points to http:, https:, mailto:, / or #");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int heading_offset = data[0] % 7;
  const std::string_view source(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string html = fabrique::text::render_markdown(source, heading_offset).str();
  check(!icontains(html, "<script"), "no <script in rendered Markdown");
  check_tags(html);
  check(!icontains(html, "<img") && !icontains(html, "<iframe") && !icontains(html, "<object"),
        "no element that loads from elsewhere");
  const std::size_t max_chars = data[0] % 64;
  const std::string text = fabrique::text::markdown_to_text(source, max_chars);
  check(fabrique::text::length(text) <= max_chars, "the plain text keeps within max_chars");
  return 0;
}
