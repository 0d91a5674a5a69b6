// Behind a reverse proxy (nginx in front of several nodes), the client address that sign-in limits count is the real
// client's, and nobody else can claim one.
#include <gtest/gtest.h>

#include "integration/site.hpp"

namespace fabrique::test {
namespace {

// One failed sign-in, sent with an X-Forwarded-For header.
void fail_sign_in(Site& site, const std::string& forwarded_for) {
  Browser b(site);
  b.get("/connexion");
  std::string body = "csrf=" + form_encode(b.csrf()) + "&email=nobody%40example.org&password=wrong";
  auto r = request(site.port(), "POST", "/connexion",
                   {{"Cookie", "fabrique_browser=" + b.cookie("fabrique_browser")},
                    {"Content-Type", "application/x-www-form-urlencoded"},
                    {"X-Forwarded-For", forwarded_for}},
                   body);
  ASSERT_EQ(r.status, 422);
}

std::int64_t failures_for(Site& site, const std::string& key) {
  return site.count("SELECT COALESCE(SUM(failures), 0) FROM sign_in_failures WHERE key = '" + key + "'");
}

TEST(BehindAProxy, SignInFailuresAreCountedForTheAddressTheTrustedProxySaw) {
  Site site(Site::small_limits(), [](config::Options& o) { o.trusted_proxies = {"127.0.0.1"}; });
  // nginx appends the address it saw to what the client sent: only that last entry is believed.
  fail_sign_in(site, "198.51.100.1, 203.0.113.7");
  EXPECT_EQ(failures_for(site, "ip:203.0.113.7"), 1);
  EXPECT_EQ(failures_for(site, "ip:198.51.100.1"), 0);
  EXPECT_EQ(failures_for(site, "ip:127.0.0.1"), 0);
}

TEST(BehindAProxy, AnUntrustedPeerCannotChooseTheAddressItIsCountedUnder) {
  Site site;  // no trusted proxy: the header is anyone's to write
  fail_sign_in(site, "203.0.113.7");
  EXPECT_EQ(failures_for(site, "ip:127.0.0.1"), 1);
  EXPECT_EQ(failures_for(site, "ip:203.0.113.7"), 0);
}

TEST(BehindAProxy, AMalformedForwardedAddressFallsBackToThePeer) {
  Site site(Site::small_limits(), [](config::Options& o) { o.trusted_proxies = {"127.0.0.1"}; });
  fail_sign_in(site, "203.0.113.7, not-an-address");
  EXPECT_EQ(failures_for(site, "ip:127.0.0.1"), 1);
}

}  // namespace
}  // namespace fabrique::test
