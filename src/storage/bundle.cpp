// Writing and reading programme bundles: a gzip-compressed tar of a manifest and a SQLite copy.
#include "storage/bundle.hpp"

#include <date/date.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>

#include "storage/migrations.hpp"

namespace fabrique::storage::bundle {
namespace {

constexpr const char* kFormat = "fabrique-bundle";
constexpr int kFormatVersion = 1;
constexpr const char* kManifestName = "manifest.json";
constexpr const char* kDatabaseName = "programme.sqlite";
constexpr std::size_t kBlock = 512;  // tar's unit
constexpr std::size_t kChunk = 64 * 1024;
// A manifest lists a few dozen tables; anything much larger is not one.
constexpr std::int64_t kMaxManifestBytes = 1 << 20;

// A private temporary folder, removed by its destructor unless released.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fabrique-bundle.XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw BundleError("cannot create a temporary folder");
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path release() { return std::exchange(path_, {}); }

 private:
  std::filesystem::path path_;
};

// A gzip stream opened with zlib's gz* functions, closed by its destructor.
class Gzip {
 public:
  Gzip(const std::filesystem::path& path, const char* mode) : file_(gzopen(path.c_str(), mode)) {
    if (file_ == nullptr) throw BundleError(fmt::format("cannot open {}", path.string()));
  }
  ~Gzip() {
    if (file_ != nullptr) gzclose(file_);
  }
  Gzip(const Gzip&) = delete;
  Gzip& operator=(const Gzip&) = delete;
  gzFile get() { return file_; }
  // Closes the stream; for a written one, false when the last bytes could not be written.
  bool close() { return gzclose(std::exchange(file_, nullptr)) == Z_OK; }

 private:
  gzFile file_;
};

void put(Gzip& out, const void* data, std::size_t n) {
  if (n > 0 && gzwrite(out.get(), data, static_cast<unsigned>(n)) != static_cast<int>(n))
    throw BundleError("cannot write the bundle (disk full?)");
}

// Writes one tar member header (ustar) for a regular file of `size` bytes.
void put_header(Gzip& out, std::string_view name, std::uint64_t size) {
  std::array<char, kBlock> h{};
  std::memcpy(h.data(), name.data(), name.size());
  std::snprintf(h.data() + 100, 8, "%07o", 0644);
  std::snprintf(h.data() + 108, 8, "%07o", 0);
  std::snprintf(h.data() + 116, 8, "%07o", 0);
  std::snprintf(h.data() + 124, 12, "%011llo", static_cast<unsigned long long>(size));
  std::snprintf(h.data() + 136, 12, "%011llo",
                static_cast<unsigned long long>(std::chrono::duration_cast<std::chrono::seconds>(
                                                    std::chrono::system_clock::now().time_since_epoch())
                                                    .count()));
  h[156] = '0';
  std::memcpy(h.data() + 257, "ustar", 6);
  std::memcpy(h.data() + 263, "00", 2);
  std::memset(h.data() + 148, ' ', 8);
  unsigned sum = 0;
  for (char ch : h) sum += static_cast<unsigned char>(ch);
  std::snprintf(h.data() + 148, 8, "%06o", sum);
  h[155] = ' ';
  put(out, h.data(), h.size());
}

void put_padding(Gzip& out, std::uint64_t size) {
  static const std::array<char, kBlock> kZeros{};
  if (size % kBlock != 0) put(out, kZeros.data(), kBlock - size % kBlock);
}

// Reads exactly `n` bytes, or says the bundle is cut short or damaged.
void get(Gzip& in, void* data, std::size_t n) {
  const int got = n == 0 ? 0 : gzread(in.get(), data, static_cast<unsigned>(n));
  if (got != static_cast<int>(n)) {
    int code = Z_OK;
    const char* message = gzerror(in.get(), &code);
    throw BundleError(code == Z_OK || code == Z_BUF_ERROR
                          ? "the bundle is incomplete (cut short during a copy or a download?)"
                          : fmt::format("the bundle is damaged ({})", message));
  }
}

struct Member {
  std::string name;
  std::uint64_t size = 0;
};

// The next member's header, or nothing at the end of the archive.
std::optional<Member> get_header(Gzip& in) {
  std::array<char, kBlock> h{};
  get(in, h.data(), h.size());
  if (std::all_of(h.begin(), h.end(), [](char ch) { return ch == 0; })) return std::nullopt;
  unsigned sum = 0;
  for (std::size_t i = 0; i < h.size(); ++i) sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(h[i]);
  const unsigned recorded = static_cast<unsigned>(std::strtoul(std::string(h.data() + 148, 8).c_str(), nullptr, 8));
  if (sum != recorded || h[156] != '0') throw BundleError("the bundle is damaged (an archive header does not add up)");
  Member m;
  m.name = std::string(h.data(), strnlen(h.data(), 100));
  m.size = std::strtoull(std::string(h.data() + 124, 12).c_str(), nullptr, 8);
  return m;
}

void skip_padding(Gzip& in, std::uint64_t size) {
  std::array<char, kBlock> pad{};
  if (size % kBlock != 0) get(in, pad.data(), kBlock - size % kBlock);
}

boost::json::object manifest_json(const Manifest& m) {
  boost::json::array tables;
  for (const auto& t : m.tables) tables.push_back({{"table", t.table}, {"rows", t.rows}, {"checksum", t.checksum}});
  return {{"format", kFormat},          {"format_version", kFormatVersion}, {"schema_version", m.schema_version},
          {"created_at", m.created_at}, {"tables", std::move(tables)},      {"search_documents", m.search_documents}};
}

Manifest parse_manifest(const std::string& text) {
  try {
    const boost::json::object o = boost::json::parse(text).as_object();
    if (o.at("format").as_string() != kFormat) throw BundleError("this file is not a fabrique bundle");
    if (o.at("format_version").to_number<int>() > kFormatVersion)
      throw BundleError("this bundle was written by a newer version of fabrique: upgrade fabrique to import it");
    Manifest m;
    m.schema_version = o.at("schema_version").to_number<int>();
    m.created_at = std::string(o.at("created_at").as_string());
    for (const auto& t : o.at("tables").as_array()) {
      const auto& row = t.as_object();
      m.tables.push_back({std::string(row.at("table").as_string()), row.at("rows").to_number<std::int64_t>(),
                          std::string(row.at("checksum").as_string())});
    }
    m.search_documents = o.at("search_documents").to_number<std::int64_t>();
    return m;
  } catch (const BundleError&) {
    throw;
  } catch (const std::exception&) {
    throw BundleError("the bundle's manifest cannot be read");
  }
}

}  // namespace

Manifest write(Connection& from, const std::filesystem::path& path) {
  TemporaryFolder folder;
  const std::filesystem::path database = folder.path() / kDatabaseName;
  Manifest m;
  {
    auto db = storage::open(database.string(), 1);
    auto copy = db->acquire();
    migrate(*copy);
    transfer::copy(from, *copy, transfer::common_shapes(from, *copy));
    m.schema_version = schema_version(*copy);
    m.tables = transfer::summarise_all(*copy, transfer::shapes(*copy));
    m.search_documents = transfer::full_text_rows(*copy);
  }  // closed: the write-ahead log is folded into the file
  m.created_at = date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));

  // Written next to the target and renamed at the end, so that a failure leaves no half bundle.
  const std::filesystem::path partial = path.string() + ".part";
  try {
    Gzip out(partial, "wb6");
    const std::string manifest = boost::json::serialize(manifest_json(m)) + "\n";
    put_header(out, kManifestName, manifest.size());
    put(out, manifest.data(), manifest.size());
    put_padding(out, manifest.size());
    const std::uint64_t size = std::filesystem::file_size(database);
    put_header(out, kDatabaseName, size);
    std::ifstream in(database, std::ios::binary);
    std::vector<char> buffer(kChunk);
    std::uint64_t copied = 0;
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
      put(out, buffer.data(), static_cast<std::size_t>(in.gcount()));
      copied += static_cast<std::uint64_t>(in.gcount());
    }
    if (copied != size) throw BundleError("cannot read the programme's copy back");
    put_padding(out, size);
    static const std::array<char, 2 * kBlock> kEnd{};  // end of archive: two zero blocks
    put(out, kEnd.data(), kEnd.size());
    if (!out.close()) throw BundleError("cannot write the bundle (disk full?)");
    std::filesystem::rename(partial, path);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
  return m;
}

Opened::~Opened() {
  lease_.reset();
  db_.reset();
  std::error_code ignored;
  if (!folder_.empty()) std::filesystem::remove_all(folder_, ignored);
}

std::unique_ptr<Opened> open(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path)) throw BundleError(fmt::format("cannot read {}", path.string()));
  TemporaryFolder folder;
  const std::filesystem::path database = folder.path() / kDatabaseName;
  Gzip in(path, "rb");
  if (gzdirect(in.get())) throw BundleError("this file is not a fabrique bundle (not gzip-compressed)");

  auto manifest_member = get_header(in);
  if (!manifest_member || manifest_member->name != kManifestName)
    throw BundleError("this file is not a fabrique bundle");
  if (manifest_member->size > kMaxManifestBytes) throw BundleError("the bundle's manifest cannot be read");
  std::string text(manifest_member->size, '\0');
  get(in, text.data(), text.size());
  skip_padding(in, manifest_member->size);
  Manifest m = parse_manifest(text);
  const int known = static_cast<int>(known_migrations().size());
  if (m.schema_version > known)
    throw BundleError(
        fmt::format("this bundle comes from a newer version of fabrique (schema version {}; this "
                    "program knows up to {}): upgrade fabrique to import it",
                    m.schema_version, known));

  auto database_member = get_header(in);
  if (!database_member || database_member->name != kDatabaseName) throw BundleError("the bundle holds no programme");
  {
    std::ofstream out(database, std::ios::binary);
    std::vector<char> buffer(kChunk);
    for (std::uint64_t left = database_member->size; left > 0;) {
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
      get(in, buffer.data(), n);
      out.write(buffer.data(), static_cast<std::streamsize>(n));
      left -= n;
    }
    if (!out.flush()) throw BundleError("cannot write a temporary copy of the programme (disk full?)");
  }
  skip_padding(in, database_member->size);
  if (get_header(in)) throw BundleError("the bundle holds more than a manifest and a programme");
  // Read to the end of the stream, where gzip checks its CRC-32 and length.
  std::array<char, kBlock> rest{};
  int got = 0;
  while ((got = gzread(in.get(), rest.data(), rest.size())) > 0) {
  }
  int code = Z_OK;
  const char* message = gzerror(in.get(), &code);
  if (got < 0 || code != Z_OK)
    throw BundleError(code == Z_BUF_ERROR ? "the bundle is incomplete (cut short during a copy or a download?)"
                                          : fmt::format("the bundle is damaged ({})", message));

  auto opened = std::unique_ptr<Opened>(new Opened());
  opened->manifest_ = m;
  try {
    opened->db_ = storage::open(database.string(), 1);
    opened->lease_ = std::make_unique<Database::Lease>(opened->db_->acquire());
  } catch (const std::exception&) {
    throw BundleError("the bundle's programme is not a readable database");
  }
  opened->folder_ = folder.release();
  Connection& c = opened->connection();
  bool same = false;
  try {
    if (schema_version(c) != m.schema_version)
      throw BundleError("the bundle's programme does not match its manifest (schema version)");
    const auto found = transfer::summarise_all(c, transfer::shapes(c));
    same = found.size() == m.tables.size() && transfer::full_text_rows(c) == m.search_documents;
    for (std::size_t i = 0; same && i < found.size(); ++i)
      same = found[i].table == m.tables[i].table && found[i].rows == m.tables[i].rows &&
             found[i].checksum == m.tables[i].checksum;
  } catch (const BundleError&) {
    throw;
  } catch (const std::exception&) {
    throw BundleError("the bundle's programme is not a readable database");
  }
  if (!same) throw BundleError("the bundle's programme does not match its manifest's counts and checksums (altered?)");
  if (m.schema_version < known) migrate(c);
  return opened;
}

}  // namespace fabrique::storage::bundle
