// `fabrique copy`, `restore`, `checksum`, `export` and `import`: moving a programme between databases, engines and
// instances, and proving the data arrived whole.
#include "cli/data_commands.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "common/log.hpp"
#include "opendata/archive.hpp"
#include "storage/bundle.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/transfer.hpp"

namespace fabrique::cli {
namespace {

namespace transfer = storage::transfer;

// Checksums are 64 hex digits; 16 (64 bits) are plenty to tell two tables apart on screen.
constexpr std::size_t kShownDigits = 16;

std::string option(const DataCommandLine& a, const std::string& name) {
  auto it = a.options.find(name);
  return it == a.options.end() ? std::string() : it->second;
}

void print_summaries(const std::vector<transfer::TableSummary>& rows) {
  std::cout << fmt::format("{:<32} {:>10}  {}\n", "table", "rows", "checksum");
  for (const auto& r : rows) std::cout << fmt::format("{:<32} {:>10}  {}\n", r.table, r.rows, r.checksum);
}

// Prints both sides table by table; true when every count and checksum agree.
bool compare(const std::vector<transfer::TableSummary>& from, const std::vector<transfer::TableSummary>& to) {
  std::cout << fmt::format("{:<32} {:>10} {:>10}  {:<16}  {:<16}\n", "table", "rows from", "rows to", "checksum from",
                           "checksum to");
  bool same = from.size() == to.size();
  for (std::size_t i = 0; i < from.size() && i < to.size(); ++i) {
    const bool equal = from[i].table == to[i].table && from[i].rows == to[i].rows && from[i].checksum == to[i].checksum;
    same = same && equal;
    std::cout << fmt::format("{:<32} {:>10} {:>10}  {:<16}  {:<16}  {}\n", from[i].table, from[i].rows, to[i].rows,
                             from[i].checksum.substr(0, kShownDigits), to[i].checksum.substr(0, kShownDigits),
                             equal ? "same" : "DIFFERENT");
  }
  return same;
}

// Runs `f` without log lines: it migrates a scratch database, whose "migration applied" lines would
// read as if they were about the operator's database.
template <class F>
auto quietly(F&& f) {
  log::set_quiet(true);
  try {
    auto result = f();
    log::set_quiet(false);
    return result;
  } catch (...) {
    log::set_quiet(false);
    throw;
  }
}

// The tables of `c` holding a programme.
std::vector<std::string> filled_tables(storage::Connection& c) {
  return quietly([&] { return transfer::tables_with_data(c); });
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// What a backup file is, from its first bytes.
enum class BackupKind { sqlite, pg_dump, unknown };

BackupKind kind_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw storage::StorageError(fmt::format("restore: cannot read {}", path));
  char head[16] = {};
  in.read(head, sizeof head);
  const std::string_view bytes(head, static_cast<std::size_t>(in.gcount()));
  if (bytes == std::string_view("SQLite format 3\0", 16)) return BackupKind::sqlite;
  if (bytes.starts_with("PGDMP")) return BackupKind::pg_dump;
  return BackupKind::unknown;
}

// `fabrique export --static DIR [--archive FILE]`: everything is checked before anything is written.
int export_static(const DataCommandLine& a, const std::string& folder, const std::string& archive_file) {
  if (!a.positional.empty()) {
    std::cerr << "fabrique: unexpected argument " << a.positional.front() << " (see fabrique export --help)\n";
    return 2;
  }
  auto options = a.load_config({"static", "archive"});
  if (options.base_url.empty()) {
    std::cerr << "fabrique: the archive's JSON, iCalendar and Atom documents name the site's public address: "
                 "set base_url (--base_url https://fabrique.example.org). Nothing was written.\n";
    return 2;
  }
  std::error_code error;
  const std::filesystem::path dir(folder);
  if (std::filesystem::exists(dir, error) &&
      (!std::filesystem::is_directory(dir, error) || !std::filesystem::is_empty(dir, error))) {
    std::cerr << "fabrique: " << folder
              << " exists and is not empty. Nothing was written: name a new folder, or an empty one.\n";
    return 2;
  }
  if (!archive_file.empty()) {
    const bool known =
        archive_file.ends_with(".tar.gz") || archive_file.ends_with(".tgz") || archive_file.ends_with(".zip");
    if (!known) {
      std::cerr << "fabrique: " << archive_file
                << ": the archive's name must end in .tar.gz or .zip. Nothing was written.\n";
      return 2;
    }
    if (std::filesystem::exists(archive_file, error)) {
      std::cerr << "fabrique: " << archive_file << " exists. Nothing was written: name a new file.\n";
      return 2;
    }
  }
  auto db = storage::open(options.database, 2);
  {
    auto c = db->acquire();
    if (!storage::is_up_to_date(*c)) {
      std::cerr << "fabrique: the database schema is not current. Run `fabrique migrate` first.\n";
      return 2;
    }
  }
  try {
    const auto summary = opendata::archive::write_site(*db, options, dir, [](std::string_view lang, std::size_t n) {
      std::cout << "fabrique: " << lang << " written (" << n << " files so far)\n" << std::flush;
    });
    std::cout << "fabrique: " << folder << " written: " << summary.pages << " pages, " << summary.documents
              << " documents and files, " << summary.assets << " assets, " << summary.bytes << " bytes\n";
    if (!archive_file.empty()) {
      opendata::archive::pack(dir, archive_file);
      std::cout << "fabrique: " << archive_file << " written\n";
    }
  } catch (const opendata::archive::ArchiveError& e) {
    std::cerr << "fabrique: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int copy_command(const DataCommandLine& a) {
  const std::string from_location = option(a, "from");
  const std::string to_location = option(a, "to");
  if (a.switches.count("help") || from_location.empty() || to_location.empty() || !a.positional.empty()) {
    std::cout << "Usage: fabrique copy --from LOCATION --to LOCATION [--force]\n\n"
                 "Copies a whole programme from one database to another, for instance from SQLite to\n"
                 "PostgreSQL: fabrique copy --from var/fabrique.db --to postgresql://fabrique@db/fabrique\n"
                 "Every table the migrations create is copied, in the order they create it, from one\n"
                 "snapshot of the source and in one transaction on the target, whose schema is brought up\n"
                 "to date first. Then the row count and a checksum of every table are computed on both\n"
                 "sides and compared; the exit status is 1 if any differs. The search's full-text index is\n"
                 "stored differently by each engine: it is rebuilt on the target from the words indexed in\n"
                 "the source, and only its document count is compared. Stop the site (or at least its\n"
                 "writes) during the copy, or the comparison will see the changes made meanwhile.\n\n"
                 "  --force   replace what the target holds (by default a target that holds\n"
                 "            anything beyond an empty programme is refused)\n";
    return a.switches.count("help") ? 0 : 2;
  }
  if (from_location == to_location) {
    std::cerr << "fabrique: --from and --to name the same database\n";
    return 2;
  }
  a.load_config({"from", "to"});  // refuses unknown or invalid options
  auto from_db = storage::open(from_location, 1);
  auto to_db = storage::open(to_location, 1);
  auto from = from_db->acquire();
  auto to = to_db->acquire();

  const int version = static_cast<int>(storage::known_migrations().size());
  if (storage::schema_version(*from) != version) {
    std::cerr << "fabrique: the source's schema is at version " << storage::schema_version(*from)
              << " and this program's at " << version
              << ". Run `fabrique migrate --database SOURCE` first (on a copy of it, to keep the original as it is).\n";
    return 2;
  }
  storage::migrate(*to);
  if (auto filled = filled_tables(*to); !filled.empty() && !a.switches.count("force")) {
    std::cerr << "fabrique: the target already holds data (" << joined(filled)
              << "). Nothing was copied. Use --force to replace it.\n";
    return 2;
  }
  const std::int64_t target_version_before = transfer::data_version(*to);

  const auto tables = transfer::common_shapes(*from, *to);
  std::cout << "fabrique: copying " << tables.size() << " tables\n";
  transfer::copy(*from, *to, tables, [](const std::string& table, std::int64_t rows) {
    std::cout << fmt::format("  {:<32} {:>10} rows\n", table, rows) << std::flush;
  });

  std::cout << "\nfabrique: comparing both databases\n";
  bool same = compare(transfer::summarise_all(*from, tables), transfer::summarise_all(*to, tables));
  // The full-text index is stored differently by each engine: only its document count can be compared.
  const std::int64_t indexed_from = transfer::full_text_rows(*from), indexed_to = transfer::full_text_rows(*to);
  same = same && indexed_from == indexed_to;
  std::cout << fmt::format("{:<32} {:>10} {:>10}  {:<34}  {}\n", transfer::kFullTextIndex, indexed_from, indexed_to,
                           "rebuilt; engine-specific, no checksum",
                           indexed_from == indexed_to ? "same count" : "DIFFERENT");
  // Nodes already serving the target may hold pages rendered from its former content.
  transfer::bump_data_version(*to, target_version_before);
  if (!same) {
    std::cerr << "fabrique: the copy differs from the source (see DIFFERENT above)\n";
    return 1;
  }
  std::cout << "fabrique: copy complete; every table has the same rows and checksum on both databases, and the search "
               "index the same documents\n";
  return 0;
}

int restore_command(const DataCommandLine& a) {
  if (a.switches.count("help") || a.positional.size() != 1) {
    std::cout << "Usage: fabrique restore FILE [--force] [options]\n\n"
                 "Replaces the whole database with the backup FILE made by `fabrique backup` on the same\n"
                 "engine (a SQLite file, or a pg_dump archive in custom format). All or nothing: if the\n"
                 "restore fails, the database is as it was. Stop the application nodes first, and run\n"
                 "`fabrique migrate` afterwards if the backup comes from an older version.\n"
                 "A SQLite backup goes to PostgreSQL with `fabrique copy --from FILE --to URL --force`.\n\n"
                 "  --force   replace a database that holds data (by default only an empty\n"
                 "            programme is replaced)\n"
              << a.options_help;
    return a.switches.count("help") ? 0 : 2;
  }
  const std::string& file = a.positional[0];
  auto options = a.load_config({});
  auto db = storage::open(options.database, 1);
  const BackupKind kind = kind_of(file);
  const bool matches = (kind == BackupKind::sqlite && db->engine() == storage::Engine::sqlite) ||
                       (kind == BackupKind::pg_dump && db->engine() == storage::Engine::postgresql);
  if (!matches) {
    std::cerr << "fabrique: " << file << " is "
              << (kind == BackupKind::sqlite    ? "a SQLite database"
                  : kind == BackupKind::pg_dump ? "a pg_dump archive"
                                                : "not a backup made by fabrique")
              << ", and the database is " << (db->engine() == storage::Engine::sqlite ? "SQLite" : "PostgreSQL")
              << ". Nothing was restored.";
    if (kind == BackupKind::sqlite) std::cerr << " Use `fabrique copy --from " << file << " --to URL --force`.";
    std::cerr << "\n";
    return 2;
  }
  std::int64_t version_before = 0;
  {
    auto c = db->acquire();
    if (storage::schema_version(*c) > 0) {
      if (auto filled = filled_tables(*c); !filled.empty() && !a.switches.count("force")) {
        std::cerr << "fabrique: the database holds data (" << joined(filled)
                  << "). Nothing was restored. Use --force to replace it with the backup.\n";
        return 2;
      }
    }
    version_before = transfer::data_version(*c);
  }
  db->restore(file);
  auto c = db->acquire();
  transfer::bump_data_version(*c, version_before);
  const int version = storage::schema_version(*c);
  std::cout << "fabrique: " << file << " restored; schema version " << version << "\n";
  print_summaries(transfer::summarise_all(*c, transfer::shapes(*c)));
  if (!storage::is_up_to_date(*c))
    std::cout << "fabrique: the backup is older than this program: run `fabrique migrate`\n";
  return 0;
}

int checksum_command(const DataCommandLine& a) {
  if (a.switches.count("help") || !a.positional.empty()) {
    std::cout << "Usage: fabrique checksum [options]\n\n"
                 "Prints the row count and checksum of every table, computed the same way on SQLite and\n"
                 "PostgreSQL (rows in primary-key order, canonical values, BLAKE2b-256), from one snapshot.\n"
                 "Two databases holding the same programme print the same lines: compare a restored\n"
                 "backup, a copy or a replica with its origin.\n"
              << a.options_help;
    return a.switches.count("help") ? 0 : 2;
  }
  auto options = a.load_config({});
  auto db = storage::open(options.database, 1);
  auto c = db->acquire();
  print_summaries(transfer::summarise_all(*c, transfer::shapes(*c)));
  return 0;
}

int export_command(const DataCommandLine& a) {
  const std::string file = option(a, "bundle");
  const std::string folder = option(a, "static");
  if (!folder.empty() && file.empty() && !a.switches.count("help"))
    return export_static(a, folder, option(a, "archive"));
  if (a.switches.count("help") || file.empty() || !folder.empty() || !a.positional.empty()) {
    std::cout << "Usage: fabrique export --bundle FILE [options]\n"
                 "       fabrique export --static DIR [--archive FILE.tar.gz | FILE.zip] [options]\n\n"
                 "--bundle writes the whole programme to FILE, one portable file to move it to another instance\n"
                 "(on SQLite or PostgreSQL) with `fabrique import --bundle FILE`: every table, uploaded files\n"
                 "included, and a manifest with the schema version and each table's row count and checksum.\n"
                 "FILE is a gzip-compressed tar archive (manifest.json and programme.sqlite): `tar xzf FILE`\n"
                 "opens it without fabrique. Safe while the server runs: the programme is read from one\n"
                 "snapshot. Prints the counts and checksums, the same as `fabrique checksum`.\n\n"
                 "--static writes the public site into DIR (new or empty) as files: every public page in\n"
                 "French (DIR/fr/) and in English (DIR/en/), the assets (DIR/static/), the downloadable files\n"
                 "and the JSON, CSV, iCalendar and Atom documents, with relative links, so that DIR is browsable\n"
                 "from the file system and servable as it is by any static host. Forms, search and sign-in\n"
                 "give way to a sentence saying the site is archived; nothing a visitor cannot read is written.\n"
                 "Needs base_url, the site's public address, which the data documents name.\n"
                 "--archive FILE then packs DIR into FILE, a .tar.gz or a .zip (see docs/open-data.md).\n"
              << a.options_help;
    return a.switches.count("help") ? 0 : 2;
  }
  auto options = a.load_config({"bundle"});
  auto db = storage::open(options.database, 1);
  auto c = db->acquire();
  if (!storage::is_up_to_date(*c)) {
    std::cerr << "fabrique: the database schema is not current. Run `fabrique migrate` first.\n";
    return 2;
  }
  const auto m = quietly([&] { return storage::bundle::write(*c, file); });
  std::cout << "fabrique: " << file << " written: schema version " << m.schema_version << ", " << m.tables.size()
            << " tables, " << m.search_documents << " search documents\n";
  print_summaries(m.tables);
  return 0;
}

int import_command(const DataCommandLine& a) {
  const std::string file = option(a, "bundle");
  if (a.switches.count("help") || file.empty() || !a.positional.empty()) {
    std::cout << "Usage: fabrique import --bundle FILE [options]\n\n"
                 "Loads a programme written by `fabrique export --bundle FILE` into this instance's database,\n"
                 "which must be empty (new, or only migrated), on SQLite or PostgreSQL. The whole bundle is\n"
                 "checked first: a truncated or altered file, or one from a newer version of fabrique, is\n"
                 "refused and nothing is changed. Then every table is copied in one transaction, the schema\n"
                 "brought up to date if the bundle is older, and the row count and checksum of every table\n"
                 "are printed: the same lines as `fabrique checksum` on the source.\n"
              << a.options_help;
    return a.switches.count("help") ? 0 : 2;
  }
  auto options = a.load_config({"bundle"});
  std::unique_ptr<storage::bundle::Opened> bundle;
  try {
    bundle = quietly([&] { return storage::bundle::open(file); });
  } catch (const storage::bundle::BundleError& e) {
    std::cerr << "fabrique: " << file << ": " << e.what() << ". Nothing was imported.\n";
    return 2;
  }
  auto db = storage::open(options.database, 1);
  auto c = db->acquire();
  if (storage::schema_version(*c) > 0) {
    if (auto filled = filled_tables(*c); !filled.empty()) {
      std::cerr << "fabrique: the database already holds a programme (" << joined(filled)
                << "). Nothing was imported: import into a new, empty database.\n";
      return 2;
    }
  }
  const std::int64_t version_before = transfer::data_version(*c);
  storage::migrate(*c);
  transfer::copy(bundle->connection(), *c, transfer::common_shapes(bundle->connection(), *c));
  // Nodes already serving this database may hold pages of the empty programme.
  if (transfer::data_version(*c) <= version_before) transfer::bump_data_version(*c, version_before);
  std::cout << "fabrique: " << file << " imported (written " << bundle->manifest().created_at << ", schema version "
            << bundle->manifest().schema_version << ")\n";
  print_summaries(transfer::summarise_all(*c, transfer::shapes(*c)));
  return 0;
}

}  // namespace fabrique::cli
