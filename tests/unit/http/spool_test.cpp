// A body written through a spool: the bytes written, in any pieces, come back whole from its file,
// gzipped when the client accepts gzip, with the strong ETag of the bytes the file holds.
#include "http/spool.hpp"

#include <gtest/gtest.h>

#include <string>

#include "http/compress.hpp"
#include "http/open_data.hpp"

namespace fabrique::http {
namespace {

// About three flushes' worth of rows, written as a handler writes them.
std::string write_rows(Spool& spool) {
  std::string expected;
  for (int i = 0; expected.size() < 3 * Spool::kFlushBytes + 1234; ++i) {
    const std::string row = "ligne " + std::to_string(i) + ", « données » de la ligne\r\n";
    if (i % 2 == 0) {
      spool.write(row);
    } else {
      spool.out() += row;
      spool.flush_if_full();
    }
    expected += row;
  }
  return expected;
}

TEST(Spool, TheBytesComeBackWholeWithTheEtagOfThoseBytes) {
  Spool spool("br");  // brotli only: a spool does not write brotli, so the body goes as it is
  const std::string expected = write_rows(spool);
  Response r;
  r.body = "left over";
  spool.finish(r);
  ASSERT_TRUE(r.file);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.file->content_encoding, "");
  EXPECT_EQ(r.file->size, expected.size());
  EXPECT_EQ(contents(*r.file), expected);
  EXPECT_EQ(r.file->etag, open_data::strong_etag(expected));
}

TEST(Spool, AClientThatAcceptsGzipGetsTheSameBytesGzipped) {
  Spool spool("gzip;q=0.5, br");
  const std::string expected = write_rows(spool);
  Response r;
  spool.finish(r);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(r.file->content_encoding, "gzip");
  const std::string sent = contents(*r.file);
  EXPECT_EQ(sent.size(), r.file->size);
  EXPECT_LT(sent.size(), expected.size() / 4);
  EXPECT_EQ(gunzip(sent), expected);
  EXPECT_EQ(r.file->etag, open_data::strong_etag(sent));
}

TEST(Spool, AnEmptyDocumentIsAnEmptyFile) {
  Spool spool("");
  Response r;
  spool.finish(r);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(r.file->size, 0u);
  EXPECT_EQ(contents(*r.file), "");
  EXPECT_EQ(r.file->etag, open_data::strong_etag(""));
}

TEST(Spool, GzipIsChosenOnlyWhereTheClientAcceptsIt) {
  EXPECT_EQ(choose_encoding("br, gzip", false), "gzip");
  EXPECT_EQ(choose_encoding("br", false), "");
  EXPECT_EQ(choose_encoding("gzip;q=0", false), "");
  EXPECT_EQ(choose_encoding("*", false), "gzip");
  EXPECT_EQ(choose_encoding("br, gzip"), "br");
}

}  // namespace
}  // namespace fabrique::http
