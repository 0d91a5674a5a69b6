// Fuzzes the word diff (text::diff_words) between two revisions of a text, as every history page shows them.
//
// Input: two texts cut from the bytes. Asserts that the `same` and `removed` pieces rebuild the first text
// exactly and the `same` and `added` ones the second, that no piece is empty, that two neighbours never share
// a kind, and that rendering the pieces escapes them (no raw '<' from the texts).
#include "text/diff.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/check.hpp"

using fabrique::fuzz::check;
using fabrique::text::DiffPiece;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string before = in.ConsumeRandomLengthString(size);
  const std::string after = in.ConsumeRemainingBytesAsString();
  const auto pieces = fabrique::text::diff_words(before, after);
  std::string rebuilt_before, rebuilt_after;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const DiffPiece& p = pieces[i];
    check(!p.text.empty(), "no empty piece");
    if (i > 0) check(pieces[i - 1].kind != p.kind, "neighbouring pieces of one kind are merged");
    if (p.kind != DiffPiece::added) rebuilt_before += p.text;
    if (p.kind != DiffPiece::removed) rebuilt_after += p.text;
  }
  check(rebuilt_before == before, "same + removed pieces rebuild the first text");
  check(rebuilt_after == after, "same + added pieces rebuild the second text");
  const std::string html = fabrique::text::render_diff(pieces, {"<a", "", "<r", ""}).str();
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    std::string_view tag = std::string_view(html).substr(at + 1);
    check(tag.starts_with("div") || tag.starts_with("/div") || tag.starts_with("ins") || tag.starts_with("/ins") ||
              tag.starts_with("del") || tag.starts_with("/del") || tag.starts_with("span") || tag.starts_with("/span"),
          "the rendered diff holds only its own tags");
  }
  return 0;
}
