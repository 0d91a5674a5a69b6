// Uploaded files: type detection with libmagic, the accepted types, and their SQL.
#include "files/files.hpp"

#include <magic.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>

#include "common/text.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::files {

using i18n::N_;

namespace {

// The types a person may upload, with the extensions that may carry each. A file is accepted
// when libmagic reads one of these types from its content AND its name ends with one of that
// type's extensions. Everything else (executables, scripts, HTML, SVG with its scripts,
// archives…) is refused.
struct Accepted {
  std::string_view media_type;
  std::array<std::string_view, 3> extensions;
  std::string_view label;
};
constexpr Accepted kAccepted[] = {
    {"application/pdf", {"pdf"}, "PDF"},
    {"image/png", {"png"}, "PNG"},
    {"image/jpeg", {"jpg", "jpeg"}, "JPEG"},
    {"image/gif", {"gif"}, "GIF"},
    {"image/webp", {"webp"}, "WebP"},
    {"application/vnd.oasis.opendocument.text", {"odt"}, "ODT"},
    {"application/vnd.oasis.opendocument.spreadsheet", {"ods"}, "ODS"},
    {"application/vnd.oasis.opendocument.presentation", {"odp"}, "ODP"},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}, "DOCX"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {"xlsx"}, "XLSX"},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", {"pptx"}, "PPTX"},
    {"application/msword", {"doc"}, "DOC"},
    {"application/vnd.ms-excel", {"xls"}, "XLS"},
    {"application/vnd.ms-powerpoint", {"ppt"}, "PPT"},
    {"text/plain", {"txt", "md", "csv"}, "texte"},
    {"text/csv", {"csv"}, "CSV"},
    {"application/json", {"json"}, "JSON"},
};

const Accepted* accepted(std::string_view media_type) {
  for (const auto& a : kAccepted)
    if (a.media_type == media_type) return &a;
  return nullptr;
}

bool executable(std::string_view media_type) {
  return media_type.starts_with("application/x-executable") || media_type.starts_with("application/x-pie-executable") ||
         media_type.starts_with("application/x-sharedlib") || media_type.starts_with("application/x-dosexec") ||
         media_type.starts_with("application/x-mach-binary") || media_type.starts_with("text/x-shellscript") ||
         media_type.starts_with("text/x-script") || media_type.starts_with("application/x-msi") ||
         media_type.starts_with("application/java-archive");
}

std::string extension_of(std::string_view name) {
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size()) return "";
  return text::lower(name.substr(dot + 1));
}

// libmagic's handle is not thread-safe; each server thread keeps its own, loaded once.
struct MagicDeleter {
  void operator()(magic_set* m) const { magic_close(m); }
};
magic_t thread_magic() {
  thread_local std::unique_ptr<magic_set, MagicDeleter> handle = [] {
    std::unique_ptr<magic_set, MagicDeleter> m(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS));
    if (!m || magic_load(m.get(), nullptr) != 0)
      throw std::runtime_error("files: cannot load libmagic's database (is libmagic-mgc installed?)");
    return m;
  }();
  return handle.get();
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

using storage::at;

StoredFile read(const storage::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.integer(3), r.text(4), r.optional_integer(5), at(r.integer(6))};
}

}  // namespace

std::string detect(std::string_view bytes) {
  const char* type = magic_buffer(thread_magic(), bytes.data(), bytes.size());
  return type ? std::string(type) : std::string("application/octet-stream");
}

namespace {

// The name without the bidirectional embedding, override and isolate controls (U+202A–U+202E,
// U+2066–U+2069): "rapport\u202Efdp.exe" would show as "rapportexe.pdf" and hide what it is.
std::string without_bidi_controls(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    // Both ranges are E2 80 AA–AE and E2 81 A6–A9 in UTF-8.
    if (i + 2 < name.size() && static_cast<unsigned char>(name[i]) == 0xE2) {
      const auto second = static_cast<unsigned char>(name[i + 1]);
      const auto third = static_cast<unsigned char>(name[i + 2]);
      if ((second == 0x80 && third >= 0xAA && third <= 0xAE) || (second == 0x81 && third >= 0xA6 && third <= 0xA9)) {
        i += 2;
        continue;
      }
    }
    out += name[i];
  }
  return out;
}

}  // namespace

std::string clean_name(std::string_view filename) {
  // Old browsers send the whole path ("C:\Users\…\rapport.pdf"): keep the last part.
  auto slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  std::string name = text::trim(without_bidi_controls(filename));
  if (text::length(name) > kMaxNameLength) {
    // Keep the extension: cut the stem, on a character boundary.
    auto ext = extension_of(name);
    std::string stem = name.substr(0, name.size() - (ext.empty() ? 0 : ext.size() + 1));
    std::size_t keep = kMaxNameLength - (ext.empty() ? 0 : text::length(ext) + 1);
    std::size_t bytes = 0, chars = 0;
    while (bytes < stem.size() && chars < keep) {
      ++chars;
      ++bytes;
      while (bytes < stem.size() && (static_cast<unsigned char>(stem[bytes]) & 0xC0) == 0x80) ++bytes;
    }
    name = stem.substr(0, bytes) + (ext.empty() ? "" : "." + ext);
  }
  return name;
}

std::optional<std::string> check(const Upload& upload, std::string_view field, FieldErrors& errors) {
  const std::string name = clean_name(upload.filename);
  if (upload.filename.empty() && upload.bytes.empty()) {
    errors.add(std::string(field), N_("Choose a file."));
    return std::nullopt;
  }
  if (upload.bytes.empty()) {
    errors.add(std::string(field), N_("This file is empty."));
    return std::nullopt;
  }
  if (upload.bytes.size() > kMaxBytes) {
    errors.add(std::string(field), N_("This file is too large (20 MB at most)."));
    return std::nullopt;
  }
  if (name.empty() || !text::valid_utf8(name, false)) {
    errors.add(std::string(field), N_("The file's name contains characters that are not allowed."));
    return std::nullopt;
  }
  const std::string type = detect(upload.bytes);
  if (executable(type)) {
    errors.add(std::string(field), N_("Programs and scripts cannot be uploaded."));
    return std::nullopt;
  }
  const Accepted* a = accepted(type);
  if (!a) {
    errors.add(std::string(field),
               N_("This type of file is not accepted. Send a PDF, an image, an office document or a text file."));
    return std::nullopt;
  }
  const std::string ext = extension_of(name);
  if (std::find(a->extensions.begin(), a->extensions.end(), ext) == a->extensions.end()) {
    errors.add(std::string(field), N_("The file's content does not match its name's extension."));
    return std::nullopt;
  }
  return type;
}

StoredFile store(storage::Connection& c, const Upload& upload, std::string_view media_type,
                 std::optional<std::int64_t> uploaded_by, sys_seconds now) {
  StoredFile f;
  f.name = clean_name(upload.filename);
  f.media_type = std::string(media_type);
  f.size = static_cast<std::int64_t>(upload.bytes.size());
  f.sha256 = sha256_hex(upload.bytes);
  f.uploaded_by = uploaded_by;
  f.created_at = now;
  storage::Value by = uploaded_by ? storage::Value(*uploaded_by) : storage::Value(nullptr);
  f.id = c.query_one(
              "INSERT INTO files (name, media_type, size, sha256, content, uploaded_by, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {f.name, f.media_type, f.size, f.sha256, storage::Blob{upload.bytes}, by, storage::secs(now)})
             ->integer(0);
  return f;
}

std::optional<StoredFile> find(storage::Connection& c, std::int64_t id) {
  auto r =
      c.query_one("SELECT id, name, media_type, size, sha256, uploaded_by, created_at FROM files WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return read(*r);
}

std::string content(storage::Connection& c, std::int64_t id) {
  auto r = c.query_one("SELECT content FROM files WHERE id = ?", {id});
  if (!r) return "";
  if (const auto* b = std::get_if<storage::Blob>(&r->value(0))) return b->bytes;
  return r->text(0);
}

void remove(storage::Connection& c, std::int64_t id) { c.execute("DELETE FROM files WHERE id = ?", {id}); }

std::string_view label(std::string_view media_type) {
  if (const Accepted* a = accepted(media_type)) return a->label;
  return media_type;
}

std::string accepted_extensions() {
  std::string out;
  for (const auto& a : kAccepted)
    for (auto e : a.extensions) {
      if (e.empty() || out.find("." + std::string(e) + ",") != std::string::npos || out.ends_with("." + std::string(e)))
        continue;
      if (!out.empty()) out += ", ";
      out += ".";
      out += e;
    }
  return out;
}

}  // namespace fabrique::files
