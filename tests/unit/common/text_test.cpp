// Text helpers: UTF-8 checks, French-aware folding, slugs, address checks.
#include "common/text.hpp"

#include <gtest/gtest.h>

namespace fabrique::text {
namespace {

TEST(Text, SlugFoldsFrenchAccentsAndPunctuation) {
  EXPECT_EQ(slugify("Collectivité de l'Île-de-France"), "collectivite-de-l-ile-de-france");
  EXPECT_EQ(slugify("  Œuvre  & Cœur  "), "oeuvre-coeur");
  EXPECT_EQ(slugify("!!!"), "");
}

TEST(Text, SlugIsAtMostSixtyCharacters) { EXPECT_LE(slugify(std::string(200, 'a')).size(), 60u); }

TEST(Text, LowerHandlesAccentedCapitals) { EXPECT_EQ(lower("ÉCOLE Été"), "école été"); }

TEST(Text, ValidUtf8RefusesMalformedSequencesAndControls) {
  EXPECT_TRUE(valid_utf8("numérique"));
  EXPECT_FALSE(valid_utf8("\xff\xfe"));
  EXPECT_FALSE(valid_utf8("\xc3"));          // truncated
  EXPECT_FALSE(valid_utf8("\xc0\xaf"));      // overlong '/'
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));  // surrogate
  EXPECT_FALSE(
      valid_utf8("a\x01"
                 "b"));
  EXPECT_TRUE(valid_utf8("line\nline"));
  EXPECT_FALSE(valid_utf8("line\nline", false));
}

TEST(Text, LengthCountsCharactersNotBytes) { EXPECT_EQ(length("été"), 3u); }

TEST(Text, EmailCheck) {
  EXPECT_TRUE(looks_like_email("camille@example.org"));
  EXPECT_FALSE(looks_like_email("camille@example"));
  EXPECT_FALSE(looks_like_email("camille example.org"));
  EXPECT_FALSE(looks_like_email("a@b@c.org"));
  EXPECT_FALSE(looks_like_email("@example.org"));
}

TEST(Text, WebAddressCheckAcceptsOnlyHttpWithAHost) {
  EXPECT_TRUE(looks_like_web_address("https://numerique.gouv.fr/"));
  EXPECT_FALSE(looks_like_web_address("javascript:alert(1)"));
  EXPECT_FALSE(looks_like_web_address("https://"));
  EXPECT_FALSE(looks_like_web_address("ftp://example.org"));
}

}  // namespace
}  // namespace fabrique::text
