// Word-level comparison of two revisions of a text, and its accessible HTML rendering.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "views/html.hpp"

namespace fabrique::text {

struct DiffPiece {
  enum Kind { same, added, removed };
  Kind kind;
  std::string text;
  bool operator==(const DiffPiece&) const = default;
};

// The pieces that turn `before` into `after`: concatenating the `same` and `removed` pieces gives
// `before`, the `same` and `added` ones give `after`. Texts are cut into words (letters and digits,
// accented ones included), runs of spaces, and single punctuation marks, never inside a UTF-8
// character; the diff over those tokens is minimal (Myers) unless the inputs are so different that
// it would cost too much, in which case it is taken line by line, then coarser. Adjacent pieces of
// one kind are merged, a removal comes before the addition that replaces it, and a lone space or
// punctuation mark between two changes is folded into them so that replaced phrases read whole.
std::vector<DiffPiece> diff_words(std::string_view before, std::string_view after);

struct DiffStats {
  std::size_t added_words = 0;
  std::size_t removed_words = 0;
  bool operator==(const DiffStats&) const = default;
};
DiffStats diff_stats(const std::vector<DiffPiece>& pieces);

// Hidden texts that announce a change to screen readers and in copied text, since colour and
// strike-through are not conveyed to everyone; the caller passes them translated, e.g.
// {"[ajout : ", "]", "[suppression : ", "]"}. An empty label is left out.
struct DiffLabels {
  std::string added_start;
  std::string added_end;
  std::string removed_start;
  std::string removed_end;
};

// <div class="diff">…</div> with additions in <ins> and removals in <del>, each wrapped in its
// labels as <span class="visually-hidden">; all text escaped. Newlines are kept as they are: the
// stylesheet gives .diff `white-space: pre-wrap`.
html::Html render_diff(const std::vector<DiffPiece>& pieces, const DiffLabels& labels);

}  // namespace fabrique::text
