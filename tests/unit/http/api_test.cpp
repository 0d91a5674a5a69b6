// What a request with an access token brings: the bearer token, a JSON body read as a form, and the
// per-token rate limit.
#include "http/api.hpp"

#include <gtest/gtest.h>

namespace fabrique::http {
namespace {

Request with_authorization(std::string value) {
  Request r;
  r.headers.emplace_back("authorization", std::move(value));
  return r;
}

TEST(Api, TheBearerTokenIsTakenFromItsSchemeOnly) {
  EXPECT_EQ(bearer_token(with_authorization("Bearer fabrique_abc")), "fabrique_abc");
  EXPECT_EQ(bearer_token(with_authorization("bearer  fabrique_abc ")), "fabrique_abc");
  EXPECT_EQ(bearer_token(with_authorization("Bearer")), "");
  EXPECT_EQ(bearer_token(with_authorization("Basic dXNlcjpwYXNz")), std::nullopt);
  EXPECT_EQ(bearer_token(with_authorization("Bearerfabrique_abc")), std::nullopt);
  EXPECT_EQ(bearer_token(Request{}), std::nullopt);
}

TEST(Api, AJsonObjectIsReadAsTheFieldsOfAForm) {
  auto form = form_of_json(
      R"({"title": "Atelier", "capacity": 20, "ratio": 1.5, "victory": true, "hidden": false, "none": null,
          "coalitions": ["a", "b"], "big": 18446744073709551615})");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->get("title"), "Atelier");
  EXPECT_EQ(form->get("capacity"), "20");
  EXPECT_EQ(form->get("ratio"), "1.5");
  EXPECT_EQ(form->get("victory"), "1");
  EXPECT_FALSE(form->has("hidden"));
  EXPECT_FALSE(form->has("none"));
  EXPECT_EQ(form->all("coalitions"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(form->get("big"), "18446744073709551615");
}

TEST(Api, WhatNoFormCouldHoldIsRefused) {
  EXPECT_FALSE(form_of_json(""));
  EXPECT_FALSE(form_of_json("title=Atelier"));
  EXPECT_FALSE(form_of_json(R"(["a"])"));
  EXPECT_FALSE(form_of_json(R"("a")"));
  EXPECT_FALSE(form_of_json(R"({"a": {"b": 1}})"));
  EXPECT_FALSE(form_of_json(R"({"a": [["b"]]})"));
  EXPECT_FALSE(form_of_json(R"({"a": "\u0000"})"));
  EXPECT_FALSE(form_of_json(R"({"a": [1, 2, 3]})", 2));
  EXPECT_TRUE(form_of_json(R"({"a": [1, 2]})", 2));
  EXPECT_TRUE(form_of_json("{}"));
}

TEST(Api, EachKeyGetsAMinutesAllowanceAtOnceThenThatPace) {
  RateLimit limit(6);  // one every ten seconds
  const std::chrono::sys_seconds t0{std::chrono::seconds(1'000'000)};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(limit.take(1, t0), 0) << i;
  EXPECT_EQ(limit.take(1, t0), 10);
  EXPECT_EQ(limit.take(2, t0), 0) << "another key has its own";
  EXPECT_EQ(limit.take(1, t0 + std::chrono::seconds(4)), 6);
  EXPECT_EQ(limit.take(1, t0 + std::chrono::seconds(10)), 0);
  EXPECT_EQ(limit.take(1, t0 + std::chrono::seconds(10)), 10);
  // An hour later the allowance is whole again, not more.
  const auto later = t0 + std::chrono::hours(1);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(limit.take(1, later), 0) << i;
  EXPECT_GT(limit.take(1, later), 0);
}

}  // namespace
}  // namespace fabrique::http
