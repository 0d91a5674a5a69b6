// Packing the static archive's folder into one file with libarchive: a gzip-compressed tar or a zip.
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>

#include "opendata/archive.hpp"

namespace fabrique::opendata::archive {
namespace {

enum class PackFormat { tar_gz, zip };

std::optional<PackFormat> pack_format_of(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  if (name.ends_with(".tar.gz") || name.ends_with(".tgz")) return PackFormat::tar_gz;
  if (name.ends_with(".zip")) return PackFormat::zip;
  return std::nullopt;
}

struct ArchiveWriterFree {
  void operator()(struct archive* a) const { archive_write_free(a); }
};
struct ArchiveEntryFree {
  void operator()(struct archive_entry* e) const { archive_entry_free(e); }
};

}  // namespace

void pack(const std::filesystem::path& dir, const std::filesystem::path& file) {
  const auto format = pack_format_of(file);
  if (!format) throw ArchiveError(file.string() + ": the archive's name must end in .tar.gz or .zip");
  std::error_code error;
  if (std::filesystem::exists(file, error)) throw ArchiveError(file.string() + " exists");

  std::vector<std::string> names;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) names.push_back(std::filesystem::relative(e.path(), dir).generic_string());
  std::sort(names.begin(), names.end());

  std::unique_ptr<struct archive, ArchiveWriterFree> a(archive_write_new());
  auto check = [&](int status) {
    if (status < ARCHIVE_WARN) {
      const std::string why = archive_error_string(a.get()) ? archive_error_string(a.get()) : "unknown error";
      a.reset();
      std::filesystem::remove(file, error);
      throw ArchiveError(file.string() + ": " + why);
    }
  };
  if (*format == PackFormat::zip) {
    check(archive_write_set_format_zip(a.get()));
  } else {
    check(archive_write_add_filter_gzip(a.get()));
    check(archive_write_set_format_pax_restricted(a.get()));
  }
  check(archive_write_open_filename(a.get(), file.c_str()));
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::vector<char> buffer(64 * 1024);
  for (const auto& name : names) {
    const auto path = dir / name;
    std::unique_ptr<struct archive_entry, ArchiveEntryFree> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(std::filesystem::file_size(path)));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_mtime(entry.get(), now, 0);
    check(archive_write_header(a.get(), entry.get()));
    std::ifstream in(path, std::ios::binary);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const auto n = in.gcount();
      if (n > 0 && archive_write_data(a.get(), buffer.data(), static_cast<std::size_t>(n)) < 0) check(ARCHIVE_FATAL);
    }
  }
  check(archive_write_close(a.get()));
}

}  // namespace fabrique::opendata::archive
