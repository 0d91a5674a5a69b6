// French-aware normalisation of words for the search index: folding, stop words, Snowball stemming,
// and the highlighting of matched words in the original text.
#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <memory>

#include "common/text.hpp"
#include "search/highlight.hpp"
#include "search/search.hpp"

namespace fabrique::search {

namespace {

// Decodes the code point at `i` (advancing it); malformed bytes count as one non-letter each.
long next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
  if (extra == 0) {
    ++i;
    return b;
  }
  if (extra < 0 || i + extra >= s.size()) {
    ++i;
    return -1;
  }
  long cp = b & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += extra + 1;
  return cp;
}

// Letters and digits: ASCII ones, and every code point from Latin-1's letters up, except the
// punctuation and symbol blocks French text uses (’ « » – … ×).
bool is_word_code_point(long cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE00 && cp <= 0xFFFF) return false;
  return true;
}

// French words too common to tell documents apart, folded.
constexpr std::array<std::string_view, 58> kStopWords = {
    "au",    "aux",  "avec", "ce",   "ces", "cet", "cette", "dans",  "de",   "des",   "du",   "elle",
    "elles", "en",   "est",  "et",   "il",  "ils", "je",    "la",    "le",   "les",   "leur", "leurs",
    "lui",   "mais", "me",   "meme", "mes", "moi", "mon",   "ne",    "nos",  "notre", "nous", "on",
    "ou",    "par",  "pas",  "pour", "qu",  "que", "qui",   "sa",    "se",   "ses",   "son",  "sont",
    "sur",   "ta",   "te",   "tu",   "un",  "une", "vos",   "votre", "vous", "y"};

bool is_stop_word(std::string_view folded) {
  return std::find(kStopWords.begin(), kStopWords.end(), folded) != kStopWords.end();
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A stemmer is not thread-safe: one per thread, made on first use.
sb_stemmer& stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> s(sb_stemmer_new("french", "UTF_8"));
  if (!s) throw std::runtime_error("search: the French Snowball stemmer is not available");
  return *s;
}

bool matches(const std::string& t, const std::vector<std::string>& words, bool last_is_prefix) {
  if (t.empty()) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (t == words[i]) return true;
    if (last_is_prefix && i + 1 == words.size() && t.starts_with(words[i])) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> words(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0, start = 0;
  bool in_word = false;
  while (i < text.size()) {
    std::size_t at = i;
    bool letter = is_word_code_point(next_code_point(text, i));
    if (letter && !in_word) start = at;
    if (!letter && in_word) out.emplace_back(start, at);
    in_word = letter;
  }
  if (in_word) out.emplace_back(start, text.size());
  return out;
}

std::string term(std::string_view word) {
  std::string folded = text::fold(word);
  if (folded.size() < 2 && !(folded.size() == 1 && folded[0] >= '0' && folded[0] <= '9')) return {};
  if (is_stop_word(folded)) return {};
  // Words of more than 64 bytes are no language: cut them rather than stem them.
  if (folded.size() > 64) folded.resize(64);
  const sb_symbol* stem =
      sb_stemmer_stem(&stemmer(), reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (stem == nullptr) return folded;  // out of memory: index the folded word
  return std::string(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(&stemmer())));
}

std::string terms(std::string_view text) {
  std::string out;
  for (const auto& [a, b] : words(text)) {
    std::string t = term(text.substr(a, b - a));
    if (t.empty()) continue;
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::vector<std::string> query_words(std::string_view typed, bool& last_is_prefix) {
  if (typed.size() > kMaxQueryBytes) {
    std::size_t cut = kMaxQueryBytes;
    while (cut > 0 && (static_cast<unsigned char>(typed[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    typed = typed.substr(0, cut);
  }
  std::vector<std::string> out;
  auto spans = words(typed);
  last_is_prefix = !spans.empty() && spans.back().second == typed.size();
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const auto& [a, b] = spans[k];
    std::string t = term(typed.substr(a, b - a));
    // A word holding bytes that are not UTF-8 (a form value may carry anything) cannot be searched
    // for: it is dropped, as a word of no letters is.
    if (!text::valid_utf8(t, false)) t.clear();
    if (t.empty()) {
      if (k + 1 == spans.size()) last_is_prefix = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), t) != out.end()) continue;
    if (out.size() == kMaxQueryWords) break;
    out.push_back(std::move(t));
  }
  // A prefix of one letter would match most of the index: then only whole words.
  if (last_is_prefix && !out.empty() && out.back().size() < 2) last_is_prefix = false;
  return out;
}

namespace {

html::Html highlight_words(std::string_view text, const std::vector<std::string>& query, bool last_is_prefix,
                           std::size_t max_chars, std::unordered_map<std::string, bool>* matched, bool from_start) {
  auto spans = words(text);
  std::size_t first = spans.size();
  std::vector<bool> hit(spans.size(), false);
  for (std::size_t k = 0; k < spans.size(); ++k) {
    // Only the words up to the end of the excerpt are worth stemming.
    if (first != spans.size() && spans[k].first > (from_start ? 0 : spans[first].first) + max_chars * 4) break;
    const std::string_view word = text.substr(spans[k].first, spans[k].second - spans[k].first);
    bool match = false;
    if (matched) {
      auto [it, added] = matched->try_emplace(std::string(word), false);
      if (added) it->second = matches(term(word), query, last_is_prefix);
      match = it->second;
    } else {
      match = matches(term(word), query, last_is_prefix);
    }
    if (match) {
      hit[k] = true;
      if (first == spans.size()) first = k;
    }
  }
  // Start a few words before the first match so that it reads in context.
  std::size_t begin = 0;
  if (!from_start && first != spans.size() && first > 6) begin = spans[first - 6].first;
  // End at a word boundary after about max_chars characters.
  std::size_t end = text.size();
  {
    std::size_t chars = 0, i = begin;
    while (i < text.size() && chars < max_chars) {
      next_code_point(text, i);
      ++chars;
    }
    if (i < text.size()) {
      end = i;
      for (const auto& [a, b] : spans)
        if (a < end && b > end) {
          end = b;
          break;
        }
    }
  }
  std::string out;
  if (begin > 0) out += "… ";
  std::size_t at = begin;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const auto& [a, b] = spans[k];
    if (a < begin) continue;
    if (a >= end) break;
    if (!hit[k]) continue;
    out += html::escape(text.substr(at, a - at));
    out += "<mark>";
    out += html::escape(text.substr(a, b - a));
    out += "</mark>";
    at = b;
  }
  out += html::escape(text.substr(at, end - at));
  if (end < text.size()) out += " …";
  return html::trusted(std::move(out));
}

}  // namespace

html::Html highlight(std::string_view text, const std::vector<std::string>& query, bool last_is_prefix,
                     std::size_t max_chars, bool from_start) {
  return highlight_words(text, query, last_is_prefix, max_chars, nullptr, from_start);
}

html::Html highlight(std::string_view text, const std::vector<std::string>& query, bool last_is_prefix,
                     std::size_t max_chars, std::unordered_map<std::string, bool>& matched, bool from_start) {
  return highlight_words(text, query, last_is_prefix, max_chars, &matched, from_start);
}

}  // namespace fabrique::search
