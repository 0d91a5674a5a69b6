// Word diff: exact results on small French texts, reassembly on random and large ones, rendering.
#include "text/diff.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace fabrique::text {
namespace {

using P = DiffPiece;

std::string side(const std::vector<DiffPiece>& pieces, DiffPiece::Kind skipped) {
  std::string out;
  for (const DiffPiece& p : pieces)
    if (p.kind != skipped) out += p.text;
  return out;
}

// The contract every diff honours, whatever its inputs.
void expect_reassembles(std::string_view before, std::string_view after) {
  std::vector<DiffPiece> pieces = diff_words(before, after);
  EXPECT_EQ(side(pieces, DiffPiece::added), before);
  EXPECT_EQ(side(pieces, DiffPiece::removed), after);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    EXPECT_FALSE(pieces[i].text.empty());
    if (i > 0) EXPECT_NE(pieces[i].kind, pieces[i - 1].kind) << "adjacent pieces of one kind at " << i;
    if (i > 0 && pieces[i].kind == DiffPiece::removed) EXPECT_NE(pieces[i - 1].kind, DiffPiece::added);
  }
}

TEST(Diff, IdenticalTextsAreOneSamePiece) {
  EXPECT_EQ(diff_words("Le même texte.\nDeux lignes.", "Le même texte.\nDeux lignes."),
            (std::vector<P>{{P::same, "Le même texte.\nDeux lignes."}}));
  EXPECT_TRUE(diff_words("", "").empty());
}

TEST(Diff, ReplacedAccentedWordIsOneRemovalAndOneAddition) {
  auto pieces = diff_words("L’élève a réussi son examen à Besançon.", "L’élève a raté son examen à Besançon.");
  EXPECT_EQ(
      pieces,
      (std::vector<P>{
          {P::same, "L’élève a "}, {P::removed, "réussi"}, {P::added, "raté"}, {P::same, " son examen à Besançon."}}));
}

TEST(Diff, AccentedLettersAreInsideWords) {
  // "été" → "étés": one word changed, not the "é" kept and "s" added inside a word.
  EXPECT_EQ(diff_words("un été chaud", "des étés chauds"),
            (std::vector<P>{{P::removed, "un été chaud"}, {P::added, "des étés chauds"}}));
  EXPECT_EQ(diff_words("café", "cafe"), (std::vector<P>{{P::removed, "café"}, {P::added, "cafe"}}));
}

TEST(Diff, InsertionAtStartAndEnd) {
  EXPECT_EQ(diff_words("texte", "Nouveau texte"), (std::vector<P>{{P::added, "Nouveau "}, {P::same, "texte"}}));
  EXPECT_EQ(diff_words("texte", "texte ajouté"), (std::vector<P>{{P::same, "texte"}, {P::added, " ajouté"}}));
}

TEST(Diff, Deletion) {
  EXPECT_EQ(diff_words("un texte très long", "un texte long"),
            (std::vector<P>{{P::same, "un texte "}, {P::removed, "très "}, {P::same, "long"}}));
}

TEST(Diff, EmptySides) {
  EXPECT_EQ(diff_words("", "tout neuf"), (std::vector<P>{{P::added, "tout neuf"}}));
  EXPECT_EQ(diff_words("tout parti", ""), (std::vector<P>{{P::removed, "tout parti"}}));
}

TEST(Diff, PunctuationAndNewlinesAreTokensOfTheirOwn) {
  EXPECT_EQ(diff_words("Bonjour, monde.\nFin", "Bonjour ! monde.\nFin"),
            (std::vector<P>{{P::same, "Bonjour"}, {P::removed, ","}, {P::added, " !"}, {P::same, " monde.\nFin"}}));
  expect_reassembles("a\n\nb\n", "a\nb\n\n");
}

TEST(Diff, NeverSplitsACharacter) {
  // "é" (C3 A9) and "è" (C3 A8) share their first byte; combining accents stay with their letter.
  for (const DiffPiece& p : diff_words("é è e\xcc\x81", "è é e\xcc\x80")) {
    auto first = static_cast<unsigned char>(p.text.front());
    EXPECT_NE(first & 0xC0, 0x80) << p.text;
    EXPECT_NE(p.text.substr(0, 2), "\xcc\x81");
    EXPECT_NE(p.text.substr(0, 2), "\xcc\x80");
  }
  expect_reassembles("\xff\xc3 a \xe2\x82", "\xc3\xa9 a \xff");
}

TEST(Diff, StatsCountWords) {
  auto pieces = diff_words("Le chat dort sur le canapé.", "Le chien dort, enfin, sur le grand canapé !");
  DiffStats stats = diff_stats(pieces);
  EXPECT_EQ(stats.removed_words, 1u);
  EXPECT_EQ(stats.added_words, 3u);  // chien, enfin, grand
}

TEST(Diff, RenderEscapesAndLabelsChanges) {
  auto pieces = diff_words("a <b>gras</b> & fin", "a <i>gras</i> & fin");
  std::string out = render_diff(pieces, {"[ajout : ", "]", "[suppression : ", "]"}).str();
  EXPECT_TRUE(out.starts_with("<div class=\"diff\">")) << out;
  EXPECT_TRUE(out.ends_with("</div>")) << out;
  EXPECT_EQ(out.find("<b>"), std::string::npos) << out;
  EXPECT_EQ(out.find("<i>"), std::string::npos) << out;
  EXPECT_NE(out.find("&lt;"), std::string::npos) << out;
  EXPECT_NE(out.find("&amp;"), std::string::npos) << out;
  EXPECT_NE(out.find("<del><span class=\"visually-hidden\">[suppression : </span>b<span "
                     "class=\"visually-hidden\">]</span></del>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<ins><span class=\"visually-hidden\">[ajout : </span>i<span "
                     "class=\"visually-hidden\">]</span></ins>"),
            std::string::npos)
      << out;
}

TEST(Diff, RenderEscapesLabelsAndKeepsNewlines) {
  auto pieces = std::vector<P>{{P::same, "ligne 1\n"}, {P::added, "ligne 2\n"}};
  EXPECT_EQ(render_diff(pieces, {"<ajout>", "", "", ""}).str(),
            "<div class=\"diff\">ligne 1\n<ins><span class=\"visually-hidden\">&lt;ajout&gt;</span>"
            "ligne 2\n</ins></div>");
}

std::string random_text(std::mt19937& rng, std::size_t bytes) {
  static const std::vector<std::string> kWords = {"le",  "la", "chat",   "école", "été",      "numérique",
                                                  "et",  "à",  "pour",   "ville", "Besançon", "œuvre",
                                                  "mot", "de", "projet", "«",     "»",        "—"};
  std::string s;
  while (s.size() < bytes) {
    s += kWords[rng() % kWords.size()];
    unsigned r = rng() % 20;
    s += r == 0 ? ".\n" : r == 1 ? ", " : r == 2 ? "\n\n" : " ";
  }
  return s;
}

std::string mutate(std::mt19937& rng, std::string s, int edits) {
  static const std::vector<std::string> kInserts = {"nouveau ", "é", " ", "\n", "modifié", "!"};
  for (int i = 0; i < edits && !s.empty(); ++i) {
    std::size_t pos = rng() % s.size();
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;  // whole characters
    std::size_t len = 0;
    while (pos + len < s.size() && len < rng() % 12) ++len;
    while (pos + len < s.size() && (static_cast<unsigned char>(s[pos + len]) & 0xC0) == 0x80) ++len;
    s.replace(pos, len, rng() % 3 == 0 ? "" : kInserts[rng() % kInserts.size()]);
  }
  return s;
}

TEST(Diff, RandomInputsReassemble) {
  std::mt19937 rng(20240611);
  for (int trial = 0; trial < 60; ++trial) {
    std::string before = random_text(rng, rng() % 600);
    std::string after = trial % 3 == 0 ? random_text(rng, rng() % 600) : mutate(rng, before, 1 + trial % 10);
    SCOPED_TRACE(before + "\n---\n" + after);
    expect_reassembles(before, after);
  }
}

TEST(Diff, SmallEditsInLargeTextsStaySmall) {
  std::mt19937 rng(7);
  std::string before = random_text(rng, 100'000);
  std::string after = mutate(rng, before, 50);
  expect_reassembles(before, after);
  DiffStats stats = diff_stats(diff_words(before, after));
  EXPECT_LT(stats.added_words + stats.removed_words, 400u);
}

TEST(Diff, LargeUnrelatedTextsComplete) {
  // Beyond the work budget: line-level, then coarse; still a correct diff.
  std::mt19937 rng(11);
  expect_reassembles(random_text(rng, 100'000), random_text(rng, 100'000));
  std::string before = random_text(rng, 100'000);
  expect_reassembles(before, mutate(rng, before, 3000));
}

}  // namespace
}  // namespace fabrique::text
