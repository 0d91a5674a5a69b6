// Fuzzes the search normaliser (search/normalise.cpp) with what a person may type in /recherche, and with texts to
// index.
//
// Asserts that a query gives at most kMaxQueryWords non-empty words, each valid UTF-8 and free of the quote that
// wraps it in the engines' MATCH; that words() gives ordered ranges inside the text; that a text's terms hold no
// quote either; and that highlighting escapes everything but its own <mark>.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/text.hpp"
#include "fuzz/check.hpp"
#include "search/search.hpp"

using fabrique::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string typed = in.ConsumeRandomLengthString(400);
  const std::size_t max_chars = in.ConsumeIntegralInRange<std::size_t>(0, 300);
  const std::string text = in.ConsumeRemainingBytesAsString();

  bool last_is_prefix = false;
  const auto words = fabrique::search::query_words(typed, last_is_prefix);
  check(words.size() <= fabrique::search::kMaxQueryWords, "at most kMaxQueryWords words");
  for (const auto& w : words) {
    check(!w.empty(), "no empty query word");
    check(fabrique::text::valid_utf8(w, false), "query words are UTF-8 on one line");
    check(w.find('"') == std::string::npos, "query words hold no quote");
  }

  std::size_t end = 0;
  for (const auto& [first, last] : fabrique::search::words(text)) {
    check(first >= end && first < last && last <= text.size(), "word ranges are ordered, inside the text");
    end = last;
  }
  const std::string terms = fabrique::search::terms(text);
  check(terms.find('"') == std::string::npos, "indexed terms hold no quote");

  const std::string html = fabrique::search::highlight(text, words, last_is_prefix, max_chars).str();
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    std::string_view tag = std::string_view(html).substr(at);
    check(tag.starts_with("<mark>") || tag.starts_with("</mark>"), "highlighting adds only <mark>");
  }
  return 0;
}
