// Uploaded files: checked by their content (not their name), stored in the database, served safely.
//
// Modules that accept files (minutes' attachments, resources) call check() while validating a
// form, store() inside their own write transaction, and keep the returned id in their own table.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/errors.hpp"
#include "storage/database.hpp"

namespace fabrique::files {

using sys_seconds = std::chrono::sys_seconds;

// The largest file a person may upload (20 MB). The HTTP server accepts multipart bodies a
// little larger than this, for the other fields of the form.
inline constexpr std::size_t kMaxBytes = 20u * 1000u * 1000u;
inline constexpr std::size_t kMaxNameLength = 200;  // characters

// One file field of a multipart/form-data request, as the browser sent it.
struct Upload {
  std::string field;          // the form field's name
  std::string filename;       // as sent; may be empty when no file was chosen
  std::string declared_type;  // the browser's Content-Type for the part; informative only
  std::string bytes;
};

struct StoredFile {
  std::int64_t id = 0;
  std::string name;
  std::string media_type;
  std::int64_t size = 0;
  std::string sha256;
  std::optional<std::int64_t> uploaded_by;
  sys_seconds created_at{};
};

// The media type of `bytes` read from its content (libmagic), e.g. "application/pdf".
std::string detect(std::string_view bytes);

// Checks an upload for form field `field`, adding at most one message to `errors`: no file,
// empty, over kMaxBytes, a name that is not valid text, an executable or a type we do not accept,
// or content that does not match the name's extension ("rapport.pdf" holding a PNG). Returns the
// media type detected from the content when the upload is acceptable.
std::optional<std::string> check(const Upload& upload, std::string_view field, FieldErrors& errors);

// "rapport final.PDF" → the name as stored: trimmed, path parts removed, at most kMaxNameLength.
std::string clean_name(std::string_view filename);

// Stores an upload that check() accepted, inside the caller's write transaction.
StoredFile store(storage::Connection& c, const Upload& upload, std::string_view media_type,
                 std::optional<std::int64_t> uploaded_by, sys_seconds now);
// Nothing when no file has that id.
std::optional<StoredFile> find(storage::Connection& c, std::int64_t id);
// The bytes of a stored file ("" when there is none).
std::string content(storage::Connection& c, std::int64_t id);
void remove(storage::Connection& c, std::int64_t id);

// "PDF", "image PNG", "document ODT"…: a short label for lists ("rapport.pdf — PDF, 1,2 Mo").
std::string_view label(std::string_view media_type);
// The extensions accepted, for the hint next to an upload field: ".pdf, .odt, .docx, …".
std::string accepted_extensions();

}  // namespace fabrique::files
