// multipart/form-data parsing: fields, files, boundaries and malformed bodies.
#include "http/multipart.hpp"

#include <gtest/gtest.h>

using namespace fabrique::http;

namespace {
const std::string kBody =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
    "abc\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
    "Compte rendu d’atelier\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"diapos.pdf\"\r\n"
    "Content-Type: application/pdf\r\n\r\n"
    "%PDF-1.4\r\n--Xy not the boundary\r\n"
    "--XyZ--\r\n";
}  // namespace

TEST(Multipart, ReadsTheBoundaryFromTheContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=XyZ"), "XyZ");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; boundary=\"a b\""), "a b");
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("text/plain; boundary=x"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
}

TEST(Multipart, SplitsTextFieldsAndFiles) {
  auto body = parse_multipart(kBody, "XyZ");
  ASSERT_TRUE(body);
  EXPECT_EQ(body->fields.get("csrf"), "abc");
  EXPECT_EQ(body->fields.get("title"), "Compte rendu d’atelier");
  ASSERT_EQ(body->files.size(), 1u);
  EXPECT_EQ(body->files[0].field, "file");
  EXPECT_EQ(body->files[0].filename, "diapos.pdf");
  EXPECT_EQ(body->files[0].declared_type, "application/pdf");
  // Content that merely resembles the delimiter stays part of the file.
  EXPECT_EQ(body->files[0].bytes, "%PDF-1.4\r\n--Xy not the boundary");
}

TEST(Multipart, KeepsAnEmptyFileFieldAsAnEmptyUpload) {
  auto body = parse_multipart(
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n",
      "b");
  ASSERT_TRUE(body);
  ASSERT_EQ(body->files.size(), 1u);
  EXPECT_TRUE(body->files[0].filename.empty());
  EXPECT_TRUE(body->files[0].bytes.empty());
}

TEST(Multipart, RefusesMalformedBodies) {
  EXPECT_FALSE(parse_multipart("", "b"));
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", "b"));
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "b"));  // no name
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--", "b"));
  // A text field that is not UTF-8.
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\xfe\r\n--b--", "b"));
}

TEST(Multipart, LimitsPartsAndText) {
  std::string many;
  for (int i = 0; i < 5; ++i) many += "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
  many += "--b--\r\n";
  EXPECT_TRUE(parse_multipart(many, "b", 5));
  EXPECT_FALSE(parse_multipart(many, "b", 4));
  EXPECT_FALSE(parse_multipart(many, "b", 200, 4));
}
