// Word diff: UTF-8 tokenizer, Myers' linear-space O(ND) algorithm under a work budget, line fallback, rendering.
#include "text/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace fabrique::text {
namespace {

// Work budgets, in token comparisons and diagonal steps (a few nanoseconds each), chosen so that
// two unrelated 100 KB texts are compared in a few tens of milliseconds. Similar texts, the usual
// case, need far less: the cost grows with the size of the changes, not of the texts. A single
// group of changed lines gets at most kRefineBlockBudget, so that one hopeless group does not
// use up what the others need.
constexpr long kWordBudget = 4'000'000;
constexpr long kLineBudget = 1'000'000;
constexpr long kRefineBudget = 4'000'000;
constexpr long kRefineBlockBudget = 1'500'000;

// ---- Tokens -------------------------------------------------------------------------------

enum class CharClass { word, space, mark };

// Decodes the code point at s[i] into `cp` and returns its length in bytes; a malformed byte is
// returned alone as cp = -1, so that any input is cut only between characters or bad bytes.
std::size_t decode(std::string_view s, std::size_t i, long& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
  if (extra < 0) {
    cp = -1;
    return 1;
  }
  long value = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k <= extra; ++k) {
    if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
      cp = -1;
      return 1;
    }
    value = (value << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  static constexpr long kMin[] = {0, 0x80, 0x800, 0x10000};
  if (value < kMin[extra] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    cp = -1;
    return 1;
  }
  cp = value;
  return static_cast<std::size_t>(extra) + 1;
}

// Combining accents, variation selectors, zero-width joiner, skin tones: they belong to the
// character before them, whatever its class ("e" + U+0301 is one letter, an emoji sequence one mark).
bool extends_previous(long cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
         cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) ||
         (cp >= 0xE0100 && cp <= 0xE01EF);
}

CharClass classify(long cp) {
  if (cp < 0) return CharClass::word;  // a stray byte sticks to its neighbours
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) return CharClass::word;
    if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return CharClass::space;
    return CharClass::mark;
  }
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000)
    return CharClass::space;  // French puts a (narrow) no-break space before « ! ? ; : »
  // Latin-1 punctuation and symbols («, », °, ¿…) but not the letters and numbers among them.
  if (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 && cp != 0xB9 && cp != 0xBA &&
      !(cp >= 0xBC && cp <= 0xBE))
    return CharClass::mark;
  if (cp == 0xD7 || cp == 0xF7) return CharClass::mark;
  if ((cp >= 0x2010 && cp <= 0x206F) ||  // general punctuation: ’ “ ” – — …
      (cp >= 0x20A0 && cp <= 0x20CF) ||  // currency: €
      (cp >= 0x2190 && cp <= 0x2BFF) ||  // arrows, mathematical operators, symbols, dingbats
      (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
      (cp >= 0x1F000 && cp <= 0x1FAFF))  // emoji
    return CharClass::mark;
  return CharClass::word;  // letters of every script, accented French ones included
}

// Cuts `s` into words, runs of space, and single marks; the pieces are views into `s` and
// cover it exactly.
std::vector<std::string_view> tokenize(std::string_view s) {
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  CharClass current = CharClass::mark;
  for (std::size_t i = 0; i < s.size();) {
    long cp;
    std::size_t len = decode(s, i, cp);
    if (i > start && extends_previous(cp)) {
      i += len;
      continue;
    }
    CharClass cls = classify(cp);
    if (i > start && (cls != current || cls == CharClass::mark)) {
      tokens.push_back(s.substr(start, i - start));
      start = i;
    }
    current = cls;
    i += len;
  }
  if (start < s.size()) tokens.push_back(s.substr(start));
  return tokens;
}

// Lines with their end of line, for the coarse pass.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  while (!s.empty()) {
    std::size_t eol = s.find('\n');
    std::size_t len = eol == std::string_view::npos ? s.size() : eol + 1;
    lines.push_back(s.substr(0, len));
    s.remove_prefix(len);
  }
  return lines;
}

// ---- Myers ----------------------------------------------------------------------------------

using Kind = DiffPiece::Kind;

struct Op {
  Kind kind;
  int count;
};

// Myers' O(ND) difference algorithm in its linear-space form (E. Myers, "An O(ND) Difference
// Algorithm and Its Variations", 1986, §4b), following the bisection of Neil Fraser's
// diff-match-patch. When the budget runs out, the parts not yet resolved are reported as
// removed-then-added, which is still a correct (if not minimal) diff.
class Myers {
 public:
  Myers(const std::vector<int>& a, const std::vector<int>& b, long& budget) : a_(a), b_(b), budget_(budget) {}

  std::vector<Op> run() {
    diff(0, static_cast<int>(a_.size()), 0, static_cast<int>(b_.size()));
    return std::move(ops_);
  }
  bool exhausted() const { return exhausted_; }

 private:
  void emit(Kind kind, int count) {
    if (count <= 0) return;
    if (!ops_.empty() && ops_.back().kind == kind) {
      ops_.back().count += count;
    } else {
      ops_.push_back({kind, count});
    }
  }

  void diff(int a0, int a1, int b0, int b1) {
    int prefix = 0;
    while (a0 + prefix < a1 && b0 + prefix < b1 && a_[a0 + prefix] == b_[b0 + prefix]) ++prefix;
    int suffix = 0;
    while (a0 + prefix < a1 - suffix && b0 + prefix < b1 - suffix && a_[a1 - 1 - suffix] == b_[b1 - 1 - suffix])
      ++suffix;
    budget_ -= prefix + suffix + 1;
    emit(Kind::same, prefix);
    middle(a0 + prefix, a1 - suffix, b0 + prefix, b1 - suffix);
    emit(Kind::same, suffix);
  }

  // a[a0, a1) and b[b0, b1) differ at both ends.
  void middle(int a0, int a1, int b0, int b1) {
    int n = a1 - a0, m = b1 - b0;
    if (n == 0 || m == 0 || exhausted_) {
      emit(Kind::removed, n);
      emit(Kind::added, m);
      return;
    }
    if (n == 1 || m == 1) {
      // One token against many: it is kept if it occurs in the other side, else replaced.
      budget_ -= n + m;
      if (n == 1) {
        auto it = std::find(b_.begin() + b0, b_.begin() + b1, a_[a0]);
        int j = static_cast<int>(it - b_.begin());
        if (j == b1) {
          emit(Kind::removed, 1);
          emit(Kind::added, m);
        } else {
          emit(Kind::added, j - b0);
          emit(Kind::same, 1);
          emit(Kind::added, b1 - j - 1);
        }
      } else {
        auto it = std::find(a_.begin() + a0, a_.begin() + a1, b_[b0]);
        int i = static_cast<int>(it - a_.begin());
        if (i == a1) {
          emit(Kind::removed, n);
          emit(Kind::added, 1);
        } else {
          emit(Kind::removed, i - a0);
          emit(Kind::same, 1);
          emit(Kind::removed, a1 - i - 1);
        }
      }
      return;
    }
    int x = 0, y = 0;
    // A split at a corner would recurse on the same problem; the algorithm never yields one on
    // inputs that differ at both ends, but a loop here would hang a request, so check.
    if (bisect(a0, a1, b0, b1, x, y) && !(x == 0 && y == 0) && !(x == n && y == m)) {
      diff(a0, a0 + x, b0, b0 + y);
      diff(a0 + x, a1, b0 + y, b1);
    } else {
      emit(Kind::removed, n);
      emit(Kind::added, m);
    }
  }

  // Finds the middle snake of the shortest edit script by running the search from both ends
  // until the paths meet; (x, y) is where to split, relative to (a0, b0).
  bool bisect(int a0, int a1, int b0, int b1, int& x, int& y) {
    const int n = a1 - a0, m = b1 - b0;
    const int max_d = (n + m + 1) / 2;
    const int offset = max_d;
    const int size = 2 * max_d + 2;
    forward_.assign(size, -1);
    backward_.assign(size, -1);
    forward_[offset + 1] = 0;
    backward_[offset + 1] = 0;
    budget_ -= 2L * size;
    const int delta = n - m;
    const bool odd = delta % 2 != 0;  // then the forward path is the one to detect the overlap
    int k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    for (int d = 0; d < max_d; ++d) {
      if (budget_ < 0) {
        exhausted_ = true;
        return false;
      }
      for (int k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
        const int i1 = offset + k1;
        int x1 =
            (k1 == -d || (k1 != d && forward_[i1 - 1] < forward_[i1 + 1])) ? forward_[i1 + 1] : forward_[i1 - 1] + 1;
        int y1 = x1 - k1;
        const int from = x1;
        while (x1 < n && y1 < m && a_[a0 + x1] == b_[b0 + y1]) {
          ++x1;
          ++y1;
        }
        budget_ -= 1 + (x1 - from);
        forward_[i1] = x1;
        if (x1 > n) {
          k1_end += 2;  // ran off the right
        } else if (y1 > m) {
          k1_start += 2;  // ran off the bottom
        } else if (odd) {
          const int i2 = offset + delta - k1;
          if (i2 >= 0 && i2 < size && backward_[i2] != -1 && x1 >= n - backward_[i2]) {
            x = x1;
            y = y1;
            return true;
          }
        }
      }
      for (int k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
        const int i2 = offset + k2;
        int x2 = (k2 == -d || (k2 != d && backward_[i2 - 1] < backward_[i2 + 1])) ? backward_[i2 + 1]
                                                                                  : backward_[i2 - 1] + 1;
        int y2 = x2 - k2;
        const int from = x2;
        while (x2 < n && y2 < m && a_[a0 + n - x2 - 1] == b_[b0 + m - y2 - 1]) {
          ++x2;
          ++y2;
        }
        budget_ -= 1 + (x2 - from);
        backward_[i2] = x2;
        if (x2 > n) {
          k2_end += 2;
        } else if (y2 > m) {
          k2_start += 2;
        } else if (!odd) {
          const int i1 = offset + delta - k2;
          if (i1 >= 0 && i1 < size && forward_[i1] != -1) {
            const int x1 = forward_[i1];
            const int y1 = offset + x1 - i1;
            if (x1 >= n - x2) {
              x = x1;
              y = y1;
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  const std::vector<int>& a_;
  const std::vector<int>& b_;
  long& budget_;
  bool exhausted_ = false;
  std::vector<Op> ops_;
  std::vector<int> forward_;
  std::vector<int> backward_;
};

// ---- Blocks ---------------------------------------------------------------------------------

// A stretch of both texts: the same in both (before[a0, a1) == after[b0, b1)), or a change that
// removes before[a0, a1) and adds after[b0, b1) in its place.
struct Block {
  bool same;
  std::size_t a0, a1, b0, b1;
};

void push(std::vector<Block>& blocks, const Block& block) {
  if (block.a0 == block.a1 && block.b0 == block.b1) return;
  if (!blocks.empty() && blocks.back().same == block.same) {
    blocks.back().a1 = block.a1;
    blocks.back().b1 = block.b1;
  } else {
    blocks.push_back(block);
  }
}

// Diffs two token sequences that start at byte offsets a_start and b_start of before and after,
// appending the result to `blocks`; false if the budget ran out (the result is then coarser).
bool diff_tokens(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t a_start,
                 std::size_t b_start, long& budget, std::vector<Block>& blocks) {
  // Tokens become small integers so that the algorithm compares numbers, not strings.
  std::unordered_map<std::string_view, int> ids;
  ids.reserve(a.size() + b.size());
  auto intern = [&ids](const std::vector<std::string_view>& tokens) {
    std::vector<int> out;
    out.reserve(tokens.size());
    for (std::string_view t : tokens) out.push_back(ids.try_emplace(t, static_cast<int>(ids.size())).first->second);
    return out;
  };
  std::vector<int> ia = intern(a), ib = intern(b);
  budget -= static_cast<long>(a.size() + b.size());
  Myers myers(ia, ib, budget);
  std::vector<Op> ops = myers.run();

  std::size_t ta = 0, tb = 0, pa = a_start, pb = b_start;
  auto bytes = [](const std::vector<std::string_view>& tokens, std::size_t& t, int count) {
    std::size_t total = 0;
    for (int k = 0; k < count; ++k) total += tokens[t++].size();
    return total;
  };
  for (const Op& op : ops) {
    std::size_t na = op.kind == Kind::added ? 0 : bytes(a, ta, op.count);
    std::size_t nb = op.kind == Kind::removed ? 0 : bytes(b, tb, op.count);
    push(blocks, {op.kind == Kind::same, pa, pa + na, pb, pb + nb});
    pa += na;
    pb += nb;
  }
  return !myers.exhausted();
}

bool has_word_or_newline(std::string_view s) {
  for (std::string_view t : tokenize(s)) {
    long cp;
    decode(t, 0, cp);
    if (classify(cp) == CharClass::word || t.find('\n') != std::string_view::npos) return true;
  }
  return false;
}

// Folds a short unchanged stretch (spaces, a punctuation mark; no word, no line break) between two
// replacements into them, so that "le chat" → "la chienne" shows one replaced phrase instead of
// two replaced words around an unchanged space. Only between replacements: next to a pure
// addition or removal the stretch would have to appear on the other side too.
std::vector<Block> fold_separators(const std::vector<Block>& blocks, std::string_view before) {
  auto replacement = [](const Block& b) { return !b.same && b.a1 > b.a0 && b.b1 > b.b0; };
  std::vector<Block> out;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    if (block.same && i + 1 < blocks.size() && !out.empty() && replacement(out.back()) && replacement(blocks[i + 1]) &&
        block.a1 - block.a0 <= 8 && !has_word_or_newline(before.substr(block.a0, block.a1 - block.a0))) {
      out.back().a1 = blocks[i + 1].a1;
      out.back().b1 = blocks[i + 1].b1;
      ++i;
      continue;
    }
    push(out, block);
  }
  return out;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  for (std::string_view t : tokenize(s)) {
    long cp;
    decode(t, 0, cp);
    if (classify(cp) == CharClass::word) ++n;
  }
  return n;
}

}  // namespace

std::vector<DiffPiece> diff_words(std::string_view before, std::string_view after) {
  std::vector<Block> blocks;
  long budget = kWordBudget;
  if (!diff_tokens(tokenize(before), tokenize(after), 0, 0, budget, blocks)) {
    // Too many changes for a word diff of the whole: diff the lines, then the words within each
    // changed group of lines while the budget lasts; a group left over stays whole.
    std::vector<Block> lines;
    long line_budget = kLineBudget;
    diff_tokens(split_lines(before), split_lines(after), 0, 0, line_budget, lines);
    blocks.clear();
    long refine_budget = kRefineBudget;
    for (const Block& block : lines) {
      if (block.same || block.a0 == block.a1 || block.b0 == block.b1 || refine_budget <= 0) {
        push(blocks, block);
        continue;
      }
      std::vector<Block> words;
      long block_budget = std::min(refine_budget, kRefineBlockBudget);
      const long granted = block_budget;
      bool complete =
          diff_tokens(tokenize(before.substr(block.a0, block.a1 - block.a0)),
                      tokenize(after.substr(block.b0, block.b1 - block.b0)), block.a0, block.b0, block_budget, words);
      refine_budget -= granted - block_budget;
      if (complete) {
        for (const Block& w : words) push(blocks, w);
      } else {
        push(blocks, block);
      }
    }
  }
  blocks = fold_separators(blocks, before);

  std::vector<DiffPiece> pieces;
  for (const Block& block : blocks) {
    if (block.same) {
      pieces.push_back({DiffPiece::same, std::string(before.substr(block.a0, block.a1 - block.a0))});
      continue;
    }
    if (block.a1 > block.a0)
      pieces.push_back({DiffPiece::removed, std::string(before.substr(block.a0, block.a1 - block.a0))});
    if (block.b1 > block.b0)
      pieces.push_back({DiffPiece::added, std::string(after.substr(block.b0, block.b1 - block.b0))});
  }
  return pieces;
}

DiffStats diff_stats(const std::vector<DiffPiece>& pieces) {
  DiffStats stats;
  for (const DiffPiece& piece : pieces) {
    if (piece.kind == DiffPiece::added) stats.added_words += count_words(piece.text);
    if (piece.kind == DiffPiece::removed) stats.removed_words += count_words(piece.text);
  }
  return stats;
}

html::Html render_diff(const std::vector<DiffPiece>& pieces, const DiffLabels& labels) {
  auto hidden = [](const std::string& label) {
    return label.empty() ? html::Html() : html::render(R"(<span class="visually-hidden">{}</span>)", label);
  };
  const html::Html added_start = hidden(labels.added_start), added_end = hidden(labels.added_end);
  const html::Html removed_start = hidden(labels.removed_start), removed_end = hidden(labels.removed_end);
  html::Html out = html::trusted(R"(<div class="diff">)");
  for (const DiffPiece& piece : pieces) {
    switch (piece.kind) {
      case DiffPiece::same:
        out += std::string_view(piece.text);
        break;
      case DiffPiece::added:
        out += html::render("<ins>{}{}{}</ins>", added_start, piece.text, added_end);
        break;
      case DiffPiece::removed:
        out += html::render("<del>{}{}{}</del>", removed_start, piece.text, removed_end);
        break;
    }
  }
  out += html::trusted("</div>");
  return out;
}

}  // namespace fabrique::text
