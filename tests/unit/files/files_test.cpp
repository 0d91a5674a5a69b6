// Uploaded files: type from content, refusals, names, storage and download headers.
#include "files/files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "files/download.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

using namespace fabrique;
using files::Upload;

namespace {

const std::string kPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const std::string kPng =
    std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);

const char* check_message(const Upload& u) {
  FieldErrors errors;
  auto type = files::check(u, "file", errors);
  EXPECT_EQ(type.has_value(), errors.empty());
  return errors.find("file");
}

}  // namespace

TEST(Files, DetectsTheTypeFromTheContent) {
  EXPECT_EQ(files::detect(kPdf), "application/pdf");
  EXPECT_EQ(files::detect(kPng), "image/png");
  EXPECT_EQ(files::detect("Bonjour à tous\n"), "text/plain");
}

TEST(Files, AcceptsAFileWhoseNameMatchesItsContent) {
  FieldErrors errors;
  EXPECT_EQ(files::check({"file", "Diapos atelier.PDF", "application/pdf", kPdf}, "file", errors), "application/pdf");
  EXPECT_TRUE(errors.empty());
}

TEST(Files, RefusesContentThatDoesNotMatchTheName) {
  // The name and the browser's declared type say PDF; the bytes are a PNG.
  EXPECT_STREQ(check_message({"file", "rapport.pdf", "application/pdf", kPng}),
               "The file's content does not match its name's extension.");
}

TEST(Files, RefusesExecutablesAndScripts) {
  EXPECT_STREQ(check_message({"file", "outil.pdf", "application/pdf", "#!/bin/sh\nrm -rf /\n"}),
               "Programs and scripts cannot be uploaded.");
  std::string elf(
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0",
      24);
  elf.resize(512, '\0');
  EXPECT_STREQ(check_message({"file", "outil", "", elf}), "Programs and scripts cannot be uploaded.");
}

TEST(Files, RefusesTypesThatCouldRunInTheBrowser) {
  EXPECT_NE(check_message({"file", "page.html", "text/html", "<!doctype html><html><body>x</body></html>"}), nullptr);
  EXPECT_NE(check_message({"file", "logo.svg", "image/svg+xml",
                           "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"}),
            nullptr);
}

TEST(Files, RefusesEmptyMissingAndOversizedFiles) {
  EXPECT_STREQ(check_message({"file", "", "", ""}), "Choose a file.");
  EXPECT_STREQ(check_message({"file", "vide.pdf", "application/pdf", ""}), "This file is empty.");
  std::string big = kPdf;
  big.resize(files::kMaxBytes + 1, ' ');
  EXPECT_STREQ(check_message({"file", "gros.pdf", "application/pdf", big}), "This file is too large (20 MB at most).");
}

TEST(Files, CleansNames) {
  EXPECT_EQ(files::clean_name("C:\\Users\\élise\\Bilan 2024.pdf"), "Bilan 2024.pdf");
  EXPECT_EQ(files::clean_name("../../etc/passwd"), "passwd");
  auto long_name = files::clean_name(std::string(300, 'e') + ".odt");
  EXPECT_EQ(long_name.size(), files::kMaxNameLength);
  EXPECT_TRUE(long_name.ends_with(".odt"));
}

// A right-to-left override makes "rapport\u202Efdp.exe" show as "rapportexe.pdf": the bidi controls go.
TEST(Files, CleanNamesDropBidiControls) {
  EXPECT_EQ(files::clean_name("rapport\u202Efdp.exe"), "rapportfdp.exe");
  for (const char* control :
       {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    SCOPED_TRACE(control);
    EXPECT_EQ(files::clean_name(std::string("bilan") + control + "2024.pdf"), "bilan2024.pdf");
  }
  // Other characters of the same block stay.
  EXPECT_EQ(files::clean_name("bilan\u2026.pdf"), "bilan\u2026.pdf");
}

TEST(Files, DownloadSavesUnderThePersonsNameAndRunsNothing) {
  EXPECT_EQ(files::content_disposition("Compte rendu \"final\" é.pdf"),
            "attachment; filename=\"Compte rendu _final_ _.pdf\"; "
            "filename*=UTF-8''Compte%20rendu%20%22final%22%20%C3%A9.pdf");
  files::StoredFile f{1, "a.pdf", "application/pdf", 3, "abc", std::nullopt, {}};
  auto r = files::download(f, "%PD");
  EXPECT_EQ(r.content_type, "application/pdf");
  bool sandboxed = false;
  for (const auto& [k, v] : r.headers)
    if (k == "Content-Security-Policy") sandboxed = v.starts_with("sandbox");
  EXPECT_TRUE(sandboxed);
}

TEST(Files, StoresAndReadsBackTheBytes) {
  auto dir = std::filesystem::temp_directory_path() / ("fabrique-files-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    storage::sqlite::SqliteDatabase db((dir / "t.db").string(), 1);
    auto c = db.acquire();
    storage::migrate(*c);
    storage::Transaction tx(*c, true);
    auto stored = files::store(*c, {"file", "logo.png", "image/png", kPng}, "image/png", std::nullopt,
                               std::chrono::sys_seconds(std::chrono::seconds(1700000000)));
    tx.commit();
    auto found = files::find(*c, stored.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "logo.png");
    EXPECT_EQ(found->size, static_cast<std::int64_t>(kPng.size()));
    EXPECT_EQ(found->sha256.size(), 64u);
    EXPECT_EQ(files::content(*c, stored.id), kPng);
    files::remove(*c, stored.id);
    EXPECT_FALSE(files::find(*c, stored.id));
  }
  std::filesystem::remove_all(dir);
}
