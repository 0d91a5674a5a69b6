// Parsing query strings, form bodies and cookies.
#include "http/form.hpp"

#include <gtest/gtest.h>

namespace fabrique::http {
namespace {

TEST(Form, DecodesPercentEncodingAndPlusAsSpace) {
  auto f = Form::parse("name=Camille+Martin&email=c%40example.org&city=S%C3%A8te");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->get("name"), "Camille Martin");
  EXPECT_EQ(f->get("email"), "c@example.org");
  EXPECT_EQ(f->get("city"), "Sète");
}

TEST(Form, MissingFieldIsEmptyAndRepeatedFieldsAreAllKept) {
  auto f = Form::parse("lever=commande&lever=usages&empty=");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->get("absent"), "");
  EXPECT_FALSE(f->has("absent"));
  EXPECT_TRUE(f->has("empty"));
  EXPECT_EQ(f->all("lever"), (std::vector<std::string>{"commande", "usages"}));
}

TEST(Form, RefusesMalformedEncoding) {
  EXPECT_FALSE(Form::parse("a=%ZZ"));
  EXPECT_FALSE(Form::parse("a=%4"));
}

TEST(Form, RefusesValuesThatAreNotUtf8) { EXPECT_FALSE(Form::parse("a=%FF%FE")); }

TEST(Form, RefusesTooManyFields) {
  std::string many;
  for (int i = 0; i < 300; ++i) many += "f" + std::to_string(i) + "=1&";
  EXPECT_FALSE(Form::parse(many, 200));
  EXPECT_TRUE(Form::parse(many, 500));
}

TEST(Form, EmptyBodyHasNoFields) {
  auto f = Form::parse("");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->fields().empty());
}

TEST(Cookies, ParsesAHeaderAndKeepsTheFirstOfTwins) {
  auto c = parse_cookies("a=1; fabrique_session=abc; a=2;broken; lang=fr");
  EXPECT_EQ(c["a"], "1");
  EXPECT_EQ(c["fabrique_session"], "abc");
  EXPECT_EQ(c["lang"], "fr");
  EXPECT_EQ(c.count("broken"), 0u);
}

TEST(Cookies, SetCookieCarriesTheProtections) {
  auto v = set_cookie("s", "v", {.http_only = true, .secure = true, .max_age_seconds = 60});
  EXPECT_EQ(v, "s=v; Path=/; SameSite=Lax; Max-Age=60; HttpOnly; Secure");
}

}  // namespace
}  // namespace fabrique::http
