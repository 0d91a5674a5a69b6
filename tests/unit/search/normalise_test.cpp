// French normalisation for search: folding, stop words, stemming, query parsing and highlighting.
#include <gtest/gtest.h>

#include "search/search.hpp"

namespace fabrique::search {
namespace {

TEST(Normalise, AccentsAndCaseDoNotMatter) {
  EXPECT_EQ(term("numérique"), term("NUMERIQUE"));
  EXPECT_EQ(term("Données"), term("donnees"));
  EXPECT_EQ(term("œuvre"), term("oeuvre"));
}

TEST(Normalise, PluralsAndWordFormsShareAStem) {
  EXPECT_EQ(term("coalition"), term("coalitions"));
  EXPECT_EQ(term("numérique"), term("numériques"));
  EXPECT_EQ(term("environnementale"), term("environnementales"));
}

TEST(Normalise, StopWordsAndLoneLettersAreDropped) {
  EXPECT_EQ(term("les"), "");
  EXPECT_EQ(term("de"), "");
  EXPECT_EQ(term("l"), "");
  EXPECT_EQ(term("8"), "8");
  EXPECT_EQ(terms("l’appropriation des données"), term("appropriation") + " " + term("données"));
}

TEST(Normalise, WordsSplitOnFrenchPunctuationNotInsideLetters) {
  auto w = words("« Agir » – l’été, déjà…");
  ASSERT_EQ(w.size(), 4u);
  std::string text = "« Agir » – l’été, déjà…";
  EXPECT_EQ(text.substr(w[0].first, w[0].second - w[0].first), "Agir");
  EXPECT_EQ(text.substr(w[2].first, w[2].second - w[2].first), "été");
}

TEST(QueryWords, TheLastWordIsAPrefixOnlyWhileBeingTyped) {
  bool prefix = false;
  auto q = query_words("communs numéri", prefix);
  EXPECT_TRUE(prefix);
  ASSERT_EQ(q.size(), 2u);
  query_words("communs numérique ", prefix);
  EXPECT_FALSE(prefix);
  query_words("communs les", prefix);  // a stop word last: nothing to complete
  EXPECT_FALSE(prefix);
}

TEST(QueryWords, OperatorsAndQuotesAreOnlySeparators) {
  bool prefix = false;
  auto q = query_words("\"communs\" AND (numérique* OR NEAR)", prefix);
  for (const auto& w : q)
    for (char c : w)
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80);
  EXPECT_TRUE(query_words("\"*()^:", prefix).empty());
}

TEST(QueryWords, LongQueriesAreBounded) {
  bool prefix = false;
  std::string many;
  for (int i = 0; i < 100; ++i) many += "mot" + std::to_string(i) + " ";
  EXPECT_LE(query_words(many, prefix).size(), kMaxQueryWords);
  EXPECT_LE(query_words(std::string(100000, 'a'), prefix).size(), 1u);
}

TEST(Highlight, MarksMatchedWordsInTheOriginalTextAndEscapesTheRest) {
  bool prefix = false;
  auto q = query_words("numerique", prefix);
  auto html = highlight("Des <communs> numériques & durables", q, prefix, 200).str();
  EXPECT_EQ(html, "Des &lt;communs&gt; <mark>numériques</mark> &amp; durables");
}

TEST(Highlight, StartsNearTheFirstMatchInALongText) {
  bool prefix = false;
  auto q = query_words("capteurs", prefix);
  std::string text;
  for (int i = 0; i < 200; ++i) text += "remplissage ";
  text += "des capteurs environnementaux";
  auto html = highlight(text, q, prefix, 80).str();
  EXPECT_TRUE(html.starts_with("… "));
  EXPECT_NE(html.find("<mark>capteurs</mark>"), std::string::npos);
}

// Issue #19: a title matched on its eighth word read "… Day de la coalition".
TEST(Highlight, ATitleIsNeverCutFromItsStart) {
  bool prefix = false;
  auto q = query_words("coalition", prefix);
  const std::string title = "Le grand atelier annuel des communs du Reset Day de la coalition";
  EXPECT_TRUE(highlight(title, q, prefix, 300).str().starts_with("… "));
  EXPECT_EQ(highlight(title, q, prefix, 300, true).str(),
            "Le grand atelier annuel des communs du Reset Day de la <mark>coalition</mark>");
}

}  // namespace
}  // namespace fabrique::search
