// Password hashing and CSRF tokens.
#include "accounts/crypto.hpp"

#include <gtest/gtest.h>

#include "accounts/use_cases.hpp"

namespace fabrique::accounts {
namespace {

TEST(PasswordHash, IsArgon2idAndVerifiesOnlyTheRightPassword) {
  auto h = hash_password("correct horse battery staple");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_NE(h.find("$m=19456,t=2,p=1$"), std::string::npos);  // OWASP's parameters
  EXPECT_TRUE(verify_password("correct horse battery staple", h));
  EXPECT_FALSE(verify_password("correct horse battery stapler", h));
  EXPECT_FALSE(verify_password("", h));
}

TEST(PasswordHash, IsSaltedSoTwoHashesOfOnePasswordDiffer) {
  EXPECT_NE(hash_password("même mot de passe"), hash_password("même mot de passe"));
}

TEST(PasswordHash, GarbageHashNeverVerifies) { EXPECT_FALSE(verify_password("x", "not a hash")); }

TEST(Tokens, AreRandomUrlSafeAndLongEnough) {
  auto a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);  // 32 bytes, base64 without padding
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos);
}

TEST(Csrf, TokenIsValidOnlyForItsBrowserAndServerKey) {
  auto token = csrf_token("server key", "browser A");
  EXPECT_TRUE(csrf_valid("server key", "browser A", token));
  EXPECT_FALSE(csrf_valid("server key", "browser B", token));
  EXPECT_FALSE(csrf_valid("another key", "browser A", token));
  EXPECT_FALSE(csrf_valid("server key", "browser A", ""));
  EXPECT_FALSE(csrf_valid("server key", "", csrf_token("server key", "")));
  EXPECT_FALSE(csrf_valid("server key", "browser A",
                          token.substr(0, token.size() - 1) + "0" == token ? token.substr(0, token.size() - 1) + "1"
                                                                           : token.substr(0, token.size() - 1) + "0"));
}

TEST(SignInDelay, NoWaitForAFewMistakesThenDoublingUpToFifteenMinutes) {
  EXPECT_EQ(sign_in_delay(0, 5).count(), 0);
  EXPECT_EQ(sign_in_delay(4, 5).count(), 0);
  EXPECT_EQ(sign_in_delay(5, 5).count(), 1);
  EXPECT_EQ(sign_in_delay(6, 5).count(), 2);
  EXPECT_EQ(sign_in_delay(9, 5).count(), 16);
  EXPECT_EQ(sign_in_delay(40, 5).count(), 900);
}

}  // namespace
}  // namespace fabrique::accounts
