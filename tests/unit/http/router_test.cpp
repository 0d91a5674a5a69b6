// The route table: typed parameters, suffixes, 404 versus 405.
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace fabrique::http {
namespace {

Response named(const char* name) { return Response::text(200, name); }

Router sample() {
  Router r;
  r.get("/", [](Context&) { return named("home"); });
  r.get("/organisations/nouvelle", [](Context&) { return named("new"); });
  r.get("/organisations/{slug}", [](Context&) { return named("show"); });
  r.post("/organisations/{slug}/modifier", [](Context&) { return named("update"); });
  r.get("/evenements/{id:int}", [](Context&) { return named("event"); });
  r.get("/coalitions/{slug}.json", [](Context&) { return named("json"); });
  return r;
}

TEST(Router, LiteralRoutesWinOverParametersDeclaredAfterThem) {
  auto m = sample().match(Method::get, "/organisations/nouvelle");
  ASSERT_TRUE(m.handler);
  EXPECT_TRUE(m.params.empty());
}

TEST(Router, CapturesSlugs) {
  auto m = sample().match(Method::get, "/organisations/ville-de-lyon");
  ASSERT_TRUE(m.handler);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"slug", "ville-de-lyon"}));
}

TEST(Router, RefusesSlugsWithOtherCharacters) {
  EXPECT_FALSE(sample().match(Method::get, "/organisations/Ville").handler);
  EXPECT_FALSE(sample().match(Method::get, "/organisations/a b").handler);
  EXPECT_FALSE(sample().match(Method::get, "/organisations/").handler);
}

TEST(Router, IntegerParametersAcceptOnlyDigits) {
  EXPECT_TRUE(sample().match(Method::get, "/evenements/42").handler);
  EXPECT_FALSE(sample().match(Method::get, "/evenements/4x2").handler);
}

TEST(Router, SuffixAfterAParameter) {
  auto m = sample().match(Method::get, "/coalitions/numerique-responsable.json");
  ASSERT_TRUE(m.handler);
  EXPECT_EQ(m.params[0].second, "numerique-responsable");
}

TEST(Router, HeadUsesGetRoutes) { EXPECT_TRUE(sample().match(Method::head, "/").handler); }

TEST(Router, KnownPathWithAnotherMethodIsNotA404) {
  auto m = sample().match(Method::get, "/organisations/x/modifier");
  EXPECT_FALSE(m.handler);
  EXPECT_TRUE(m.path_known);
  auto unknown = sample().match(Method::get, "/nulle-part");
  EXPECT_FALSE(unknown.path_known);
}

TEST(Router, OnlyTheSignedUnsubscriptionIsPostedWithoutACsrfToken) {
  auto signed_post = routes().match(Method::post, "/courriels/desabonnement/12/events/abc123");
  ASSERT_TRUE(signed_post.handler);
  EXPECT_TRUE(signed_post.signed_link);
  EXPECT_FALSE(routes().match(Method::get, "/courriels/desabonnement/12/events/abc123").signed_link);
  EXPECT_FALSE(routes().match(Method::post, "/mot-de-passe-oublie").signed_link);
  int signed_routes = 0;
  for (const auto& p : routes().patterns())
    if (p.starts_with("POST ")) signed_routes += routes().match(Method::post, p.substr(5)).signed_link;
  EXPECT_EQ(signed_routes, 0);  // patterns with {…} never match as paths; literal ones are all CSRF-checked
}

TEST(Router, TheDocumentOfAPageIsItsOwnElseTheThingItIsAViewOf) {
  Router r;
  r.get("/coalitions/{slug}", [](Context&) { return named("show"); });
  r.get("/coalitions/{slug}.json", [](Context&) { return named("json"); });
  r.get("/coalitions/{slug}/historique", [](Context&) { return named("history"); });
  r.get("/ressources", [](Context&) { return named("list"); });
  r.get("/ressources.json", [](Context&) { return named("list json"); });
  r.get("/ressources/{slug}", [](Context&) { return named("resource"); });
  r.get("/observatoire/contributions", [](Context&) { return named("contributions"); });
  r.get("/observatoire/contributions/envoyees", [](Context&) { return named("sent"); });
  r.get("/observatoire.json", [](Context&) { return named("register json"); });
  EXPECT_EQ(r.document_of("/coalitions/x", ".json"), "/coalitions/x.json");
  EXPECT_EQ(r.document_of("/coalitions/x/historique", ".json"), "/coalitions/x.json");
  // A list is no document of one of its things, nor of a page under it.
  EXPECT_EQ(r.document_of("/ressources/x", ".json"), std::nullopt);
  EXPECT_EQ(r.document_of("/observatoire/contributions/envoyees", ".json"), std::nullopt);
  EXPECT_EQ(r.document_of("/ressources", ".json"), "/ressources.json");
  EXPECT_EQ(r.document_of("/inconnue", ".json"), std::nullopt);
}

TEST(Router, RoutesThatCreateSaySo) {
  EXPECT_TRUE(routes().match(Method::post, "/coalitions/nouvelle").creates);
  EXPECT_TRUE(routes().match(Method::post, "/ressources/proposer").creates);
  EXPECT_FALSE(routes().match(Method::post, "/coalitions/x/modifier").creates);
  EXPECT_FALSE(routes().match(Method::get, "/coalitions/nouvelle").creates);
}

TEST(Router, ProductTableHasEveryFoundationPage) {
  auto patterns = routes().patterns();
  for (const char* p : {"GET /", "GET /inscription", "POST /inscription", "GET /connexion", "POST /connexion",
                        "POST /deconnexion", "GET /compte", "GET /organisations", "GET /organisations/{slug}"})
    EXPECT_NE(std::find(patterns.begin(), patterns.end(), p), patterns.end()) << p;
}

}  // namespace
}  // namespace fabrique::http
