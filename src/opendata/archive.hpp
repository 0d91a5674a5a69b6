// The static archive of the public site (`fabrique export --static DIR`): every public page in French
// and in English, the assets, the downloadable files and the data documents, written as files with
// relative links, so that the folder is browsable from the file system and servable by any static host.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config/options.hpp"
#include "i18n/i18n.hpp"
#include "storage/database.hpp"

namespace fabrique::opendata::archive {

// The folder or the archive file cannot be written (not empty, exists, unknown format, disk full).
class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Summary {
  std::size_t pages = 0;      // HTML pages, both languages together
  std::size_t documents = 0;  // JSON, CSV, iCalendar, Atom documents and downloadable files
  std::size_t assets = 0;     // stylesheet, icon
  std::uintmax_t bytes = 0;
};

// Writes the public site into `dir`, which must not exist or be empty (else ArchiveError, nothing
// written). Every document is produced by the real App, in process, as a visitor with no cookie
// but the language's: what a visitor cannot read is never asked for, so never written.
// `options.base_url` must be set: the data documents name the site's public address.
// `progress`, when given, is called after each language with its code and the files written so far.
Summary write_site(storage::Database& db, const config::Options& options, const std::filesystem::path& dir,
                   const std::function<void(std::string_view lang, std::size_t files)>& progress = {});

// Packs the folder `dir` into `file` with libarchive: a gzip-compressed tar when `file` ends in
// ".tar.gz" or ".tgz", a zip when it ends in ".zip" (else ArchiveError). The entries are the
// folder's files by their path inside it ("fr/index.html"), in sorted order. Refuses an existing file.
void pack(const std::filesystem::path& dir, const std::filesystem::path& file);

// The pieces of the export that need no database, exposed for the unit tests.
namespace detail {

// Where a document of a language tree is written, relative to the archive's root ("fr/coalitions/index.html"),
// or nothing when its path cannot be a file name (an empty, "." or ".." segment). `content_type` and
// `disposition` (the Content-Disposition header, maybe empty) come from the response.
std::optional<std::string> file_for(std::string_view tree, std::string_view path, std::string_view query,
                                    std::string_view content_type, std::string_view disposition);

// The relative address of file `to` from file `from`, both relative to the archive's root and
// '/'-separated ("fr/a/index.html", "static/style.css" → "../../static/style.css"), percent-encoded.
std::string relative(std::string_view from, std::string_view to);

// How an internal link of a page is written in the archive: the file it leads to (relative to the
// root), or nothing when the archive does not hold it. `target` is the link as written, already
// resolved against the page ("/coalitions?page=2#x" without its fragment).
using Resolve = std::function<std::optional<std::string>(std::string_view target)>;

struct PageText {
  std::string form_replaced;    // the sentence a form gives way to, in the page's language
  std::string search_replaced;  // the same for the search box
};

// The page `html` (written at `file`, relative to the root) with each internal href, src and action
// made relative (`resolve`), links to what the archive does not hold made plain text, every form
// replaced by a sentence, and the account menu removed. `base_url` makes absolute links to the site
// internal too.
std::string rewrite_page(std::string_view html, std::string_view file, std::string_view base_url,
                         const Resolve& resolve, const PageText& text);

// The internal links of `html` (href, src, action), as written, HTML entities decoded.
std::vector<std::string> links_of(std::string_view html);

}  // namespace detail

}  // namespace fabrique::opendata::archive
