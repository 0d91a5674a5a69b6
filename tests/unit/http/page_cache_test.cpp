// The page cache past its bounds: the pages used longest ago go first, so that one person opening
// many pages does not take from everyone the pages they come back to.
#include "http/page_cache.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fabrique::http {
namespace {

constexpr std::size_t kPageBytes = 20 * 1024;

Response page(char fill) { return Response::text(200, std::string(kPageBytes, fill)); }

struct Cache {
  PageCache cache{5 * kPageBytes};  // room for five pages
  storage::Snapshot data;           // nothing changed: only the bounds take pages out
  std::chrono::sys_seconds now{std::chrono::seconds(1'800'000'000)};

  void store(const std::string& key) { cache.store(key, 0, {}, now, page(key[0])); }
  bool holds(const std::string& key) {
    auto r = cache.find(key, data, now, "");
    if (!r) return false;
    EXPECT_EQ(r->bytes(), std::string(kPageBytes, key[0]));
    return true;
  }
};

TEST(PageCache, PastItsBoundsThePagesUsedLongestAgoGoFirst) {
  Cache c;
  for (const char* key : {"a", "b", "c", "d", "e"}) c.store(key);
  ASSERT_TRUE(c.holds("a"));  // used again: now b is the one used longest ago

  c.store("f");
  EXPECT_FALSE(c.holds("b"));
  for (const char* key : {"a", "c", "d", "e", "f"}) EXPECT_TRUE(c.holds(key)) << key;

  // Kept again, a page takes the place it held, and no other goes.
  c.store("f");
  for (const char* key : {"a", "c", "d", "e", "f"}) EXPECT_TRUE(c.holds(key)) << key;

  // Two pages more: the two used longest ago (a, then c) go, in that order of use.
  c.store("g");
  c.store("h");
  EXPECT_FALSE(c.holds("a"));
  EXPECT_FALSE(c.holds("c"));
  for (const char* key : {"d", "e", "f", "g", "h"}) EXPECT_TRUE(c.holds(key)) << key;
}

TEST(PageCache, APageLargerThanTheWholeCacheIsNotKeptAndTakesNothingOut) {
  Cache c;
  c.store("a");
  c.cache.store("z", 0, {}, c.now, Response::text(200, std::string(6 * kPageBytes, 'z')));
  EXPECT_FALSE(c.cache.find("z", c.data, c.now, ""));
  EXPECT_TRUE(c.holds("a"));
}

// A page served from the cache is sent from the cache's own bytes, in each encoding, not a copy made
// per request: every response to it shares them.
TEST(PageCache, EveryResponseToAPageSharesItsBytes) {
  Cache c;
  c.store("a");
  for (const char* encoding : {"", "gzip", "br"}) {
    auto first = c.cache.find("a", c.data, c.now, encoding);
    auto second = c.cache.find("a", c.data, c.now, encoding);
    ASSERT_TRUE(first && second && first->shared_body) << encoding;
    EXPECT_EQ(first->shared_body, second->shared_body) << encoding;
    EXPECT_TRUE(first->body.empty()) << encoding;
    EXPECT_EQ(first->content_encoding, encoding);
  }
}

}  // namespace
}  // namespace fabrique::http
