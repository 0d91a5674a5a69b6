// The subcommands of the fabrique binary and their shared option parsing.
#include "cli/commands.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "accounts/use_cases.hpp"
#include "chores/chores.hpp"
#include "cli/data_commands.hpp"
#include "common/log.hpp"
#include "config/options.hpp"
#include "datasets/urls.hpp"
#include "datasets/use_cases.hpp"
#include "demo/demo.hpp"
#include "http/app.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "i18n/i18n.hpp"
#include "mail/sender.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "search/search.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "territories/use_cases.hpp"

namespace fabrique::cli {
namespace {

// Where `npm ci` puts the COG's data files, from the repository's folder.
constexpr const char* kCogData = "node_modules/@etalab/decoupage-administratif/data";

constexpr const char* kUsage = R"(fabrique — the open home of a programme of coalitions

Usage: fabrique COMMAND [options]

Commands:
  serve            serve the site over HTTP
  migrate          bring the database schema up to date (safe to run again)
  user add         create an account (an animateur with --admin)
  backup FILE      copy the whole database to FILE, safely while the server runs
  restore FILE     replace the whole database with a backup (all or nothing)
  copy             copy a programme to another database: --from FILE.db --to postgresql://...
  checksum         print the row count and checksum of every table
  export --bundle FILE   write the whole programme to one portable file
  export --static DIR    write the public site as files, browsable and servable as they are
  import --bundle FILE   load a bundle into a new, empty instance (either engine)
  config sample    print a commented sample configuration file
  demo load        fill a new database with the demo programme and its demo accounts
  donnees import FILE        add or update datasets from a DCAT catalogue in JSON-LD (ours or a portal's)
  observatoire import FILE   add or update observatory entries from an export of /observatoire.json
  search reindex   rebuild the search index from everything every module indexes
  routes           print every address the site answers, one per line: method and pattern
  territories load load or reload the official geography (régions, départements, EPCI, communes)

Every command accepts the configuration options below as --name value, after the
configuration file (--config FILE or FABRIQUE_CONFIG) and FABRIQUE_* variables.
Run `fabrique COMMAND --help` for a command's own options.
)";

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // --name value (config options and command flags)
  std::set<std::string> switches;              // --admin, --help
};

// Flags that take no value.
const std::set<std::string> kSwitches = {"help", "admin", "force"};

std::optional<Args> parse_args(int argc, char** argv, int first) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string s = argv[i];
    if (s == "-h") s = "--help";
    if (!s.starts_with("--")) {
      a.positional.push_back(s);
      continue;
    }
    std::string name = s.substr(2);
    if (auto eq = name.find('='); eq != std::string::npos) {
      a.options[name.substr(0, eq)] = name.substr(eq + 1);
    } else if (kSwitches.count(name)) {
      a.switches.insert(name);
    } else if (i + 1 < argc) {
      a.options[name] = argv[++i];
    } else {
      std::cerr << "fabrique: option --" << name << " needs a value\n";
      return std::nullopt;
    }
  }
  return a;
}

// Splits command flags (e.g. --email) from configuration options, then loads the configuration.
config::Options load_config(const Args& a, const std::set<std::string>& command_flags) {
  config::Sources s;
  s.environment = config::fabrique_environment();
  if (auto it = a.options.find("config"); it != a.options.end()) {
    s.file_path = it->second;
  } else if (auto env = s.environment.find("FABRIQUE_CONFIG"); env != s.environment.end()) {
    s.file_path = env->second;
  }
  for (const auto& [k, v] : a.options)
    if (k != "config" && !command_flags.count(k)) s.flags[k] = v;
  return config::load(s);
}

std::string options_help() {
  std::string out = "\nConfiguration options (--name value, or FABRIQUE_NAME):\n";
  for (const auto& o : config::option_table())
    out += "  --" + o.name + std::string(o.name.size() < 18 ? 18 - o.name.size() : 1, ' ') + o.help + " (default " +
           o.default_value + ")\n";
  return out;
}

std::unique_ptr<storage::Database> open_database(const config::Options& o) {
  return storage::open(o.database, o.database_pool);
}

int cmd_serve(const Args& a) {
  if (a.switches.count("help")) {
    std::cout << "Usage: fabrique serve [options]\n\nServes the site. The schema must be current: run "
                 "`fabrique migrate` first.\n"
              << options_help();
    return 0;
  }
  auto options = load_config(a, {});
  auto db = open_database(options);
  {
    auto c = db->acquire();
    if (!storage::is_up_to_date(*c)) {
      std::cerr << "fabrique: the database schema is older than this program (version " << storage::schema_version(*c)
                << "). Run `fabrique migrate` first.\n";
      return 1;
    }
  }
  log::set_quiet(!options.log_requests);
  http::App app(*db, options);
  http::ServerLimits limits;
  limits.max_header_bytes = options.max_header_bytes;
  limits.max_body_bytes = options.max_body_bytes;
  limits.max_upload_bytes = options.max_upload_bytes;
  limits.upload_timeout = std::chrono::seconds(options.upload_timeout_seconds);
  limits.read_timeout = std::chrono::seconds(options.read_timeout_seconds);
  limits.idle_timeout = std::chrono::seconds(options.idle_timeout_seconds);
  limits.write_timeout = std::chrono::seconds(options.write_timeout_seconds);
  limits.max_connections = options.max_connections;
  limits.max_connections_per_address = options.max_connections_per_address;
  // Behind a trusted proxy every visitor comes from its address: it is capped by the proxy (docs/deploy.md).
  limits.uncapped_addresses = options.trusted_proxies;
  limits.max_receiving_bytes = options.max_receiving_bytes;
  limits.slow_threads = static_cast<std::size_t>(options.hashing_threads);
  limits.slow_queue = static_cast<std::size_t>(options.hashing_queue);
  http::Server server(app, options.listen, options.threads, limits);
  server.bind();
  auto host = options.listen.substr(0, options.listen.rfind(':'));
  std::cout << "fabrique listening on http://" << host << ":" << server.port() << "/" << std::endl;
  if (options.smtp_url.empty())
    std::cout << "fabrique: no smtp_url, mails are written to " << options.mail_dir << "/ as .eml files" << std::endl;
  // Mail leaves from its own thread: a request never waits for the SMTP server.
  mail::Sender sender(*db, options);
  sender.start();
  chores::Chores chores(*db, app.seen_sessions());
  chores.start();
  server.run(true);
  chores.stop();
  sender.stop();
  std::cout << "fabrique stopped" << std::endl;
  return 0;
}

int cmd_migrate(const Args& a) {
  if (a.switches.count("help")) {
    std::cout << "Usage: fabrique migrate [options]\n\nApplies the schema migrations the database does not "
                 "have yet, each in its own transaction. Running it again changes nothing.\n"
              << options_help();
    return 0;
  }
  auto options = load_config(a, {});
  auto db = open_database(options);
  auto c = db->acquire();
  int applied = storage::migrate(*c);
  std::cout << "fabrique: " << applied << " migration(s) applied; schema version " << storage::schema_version(*c)
            << "\n";
  return 0;
}

std::string read_password_prompt() {
  bool tty = isatty(STDIN_FILENO);
  auto read_line = [&](const char* prompt) {
    termios old{};
    if (tty) {
      std::cerr << prompt << std::flush;
      tcgetattr(STDIN_FILENO, &old);
      termios quiet = old;
      quiet.c_lflag &= ~ECHO;
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
      tcsetattr(STDIN_FILENO, TCSANOW, &old);
      std::cerr << "\n";
    }
    return line;
  };
  std::string first = read_line("Password: ");
  if (tty && read_line("Password again: ") != first) {
    std::cerr << "fabrique: the two passwords are different\n";
    return {};
  }
  return first;
}

int cmd_user(const Args& a) {
  if (a.switches.count("help") || a.positional.empty() || a.positional[0] != "add") {
    std::cout << "Usage: fabrique user add --email E --name N [--admin] [--password-file F] [options]\n\n"
                 "Creates an account. The password is read from F's first line, or asked for\n"
                 "(never given on the command line, where other users could see it).\n"
                 "--admin makes the person an animateur, who runs the programme.\n"
              << options_help();
    return a.switches.count("help") ? 0 : 2;
  }
  auto options = load_config(a, {"email", "name", "password-file"});
  std::string password;
  if (auto it = a.options.find("password-file"); it != a.options.end()) {
    std::ifstream in(it->second);
    if (!in) {
      std::cerr << "fabrique: cannot read " << it->second << "\n";
      return 2;
    }
    std::getline(in, password);
  } else {
    password = read_password_prompt();
  }
  auto db = open_database(options);
  auto c = db->acquire();
  if (!storage::is_up_to_date(*c)) {
    std::cerr << "fabrique: the database schema is not current. Run `fabrique migrate` first.\n";
    return 1;
  }
  accounts::SignUpInput in;
  in.name = a.options.count("name") ? a.options.at("name") : "";
  in.email = a.options.count("email") ? a.options.at("email") : "";
  in.password = password;
  in.password_confirmation = password;
  in.role = a.switches.count("admin") ? accounts::Role::animateur : accounts::Role::member;
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto result = accounts::sign_up(*c, in, now);
  if (!result.errors.empty()) {
    const auto& t = i18n::translator(i18n::Lang::en);
    for (const auto& [field, message] : result.errors.items())
      std::cerr << "fabrique: " << (field == "password_confirmation" ? "password" : field) << ": " << t.tr(message)
                << "\n";
    return 2;
  }
  std::cout << "fabrique: account created for " << result.user->email
            << (result.user->is_animateur() ? " (animateur)" : "") << "\n";
  return 0;
}

int cmd_backup(const Args& a) {
  if (a.switches.count("help") || a.positional.size() != 1) {
    std::cout << "Usage: fabrique backup FILE [options]\n\nWrites a consistent copy of the whole database to "
                 "FILE (which must not exist), even while the server is running.\n"
              << options_help();
    return a.switches.count("help") ? 0 : 2;
  }
  auto options = load_config(a, {});
  auto db = open_database(options);
  db->backup(a.positional[0]);
  std::cout << "fabrique: database copied to " << a.positional[0] << "\n";
  return 0;
}

int cmd_demo(const Args& a) {
  if (a.switches.count("help") || a.positional.empty() || a.positional[0] != "load") {
    std::cout << "Usage: fabrique demo load [options]\n\nFills a new, migrated database with the demo programme "
                 "drawn from #Reset (2019-2022):\ncoalitions with their stages and booklets, organisations, and "
                 "demo accounts that share\none password, printed at the end. Refuses a database that already has "
                 "coalitions.\n"
              << options_help();
    return a.switches.count("help") ? 0 : 2;
  }
  auto options = load_config(a, {});
  auto db = open_database(options);
  auto c = db->acquire();
  if (!storage::is_up_to_date(*c)) {
    std::cerr << "fabrique: the database schema is not current. Run `fabrique migrate` first.\n";
    return 1;
  }
  demo::Summary s;
  try {
    s = demo::load(*c);
  } catch (const demo::AlreadyLoaded& e) {
    std::cerr << "fabrique: demo not loaded: " << e.what() << "\n";
    return 2;
  }
  std::cout << "fabrique: demo programme loaded: " << s.coalitions << " coalitions in " << s.families << " families, "
            << s.organisations << " organisations, " << s.revisions << " booklet revisions, " << s.declarations
            << " interest declarations\n\nDemo accounts (password: " << demo::kPassword << "):\n";
  for (const auto& account : s.accounts)
    std::cout << "  " << account.email << std::string(account.email.size() < 26 ? 26 - account.email.size() : 1, ' ')
              << account.name << " (" << (account.animateur ? "animateur, " : "") << account.organisation << ")\n";
  return 0;
}

int cmd_search(const Args& a) {
  if (a.switches.count("help") || a.positional.empty() || a.positional[0] != "reindex") {
    std::cout
        << "Usage: fabrique search reindex [options]\n\nEmpties the search index and indexes again, in one "
           "transaction, everything\nthe modules index (coalition booklets, organisations, resources, "
           "cards,\nthe charter, actions, events and their minutes, the observatory). Safe while the server runs.\n"
        << options_help();
    return a.switches.count("help") ? 0 : 2;
  }
  auto options = load_config(a, {});
  auto db = open_database(options);
  auto c = db->acquire();
  if (!storage::is_up_to_date(*c)) {
    std::cerr << "fabrique: the database schema is not current. Run `fabrique migrate` first.\n";
    return 1;
  }
  const auto n = search::reindex(*c, std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  storage::record_changes(*c);  // the pages cached by running nodes are rendered again
  std::cout << "fabrique: search index rebuilt: " << n << " documents\n";
  return 0;
}

// Moving and protecting data: copy, restore, checksum, export, import (src/cli/data_commands.cpp).
int cmd_data(const std::string& command, const Args& a) {
  DataCommandLine line{a.positional, a.options, a.switches,
                       [&a](const std::set<std::string>& flags) { return load_config(a, flags); }, options_help()};
  if (command == "copy") return copy_command(line);
  if (command == "restore") return restore_command(line);
  if (command == "export") return export_command(line);
  if (command == "import") return import_command(line);
  return checksum_command(line);
}

int cmd_config(const Args& a) {
  if (a.switches.count("help") || a.positional.empty() || a.positional[0] != "sample") {
    std::cout << "Usage: fabrique config sample\n\nPrints a commented configuration file with every option.\n";
    return a.switches.count("help") ? 0 : 2;
  }
  std::cout << config::sample_file();
  return 0;
}

// What both import commands do with FILE: read it whole, check the schema, run `import` (all or
// nothing) and say what it did, or why nothing was written.
template <class Import>
int import_file(const Args& a, const char* what, Import import) {
  auto options = load_config(a, {});
  std::ifstream in(a.positional[1], std::ios::binary);
  if (!in) {
    std::cerr << "fabrique: cannot read " << a.positional[1] << "\n";
    return 2;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto db = open_database(options);
  auto c = db->acquire();
  if (!storage::is_up_to_date(*c)) {
    std::cerr << "fabrique: the database schema is not current. Run `fabrique migrate` first.\n";
    return 1;
  }
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto r = import(*c, text, now);
  for (const auto& e : r.errors) std::cerr << "fabrique: " << e << "\n";
  if (!r.errors.empty()) {
    std::cerr << "fabrique: nothing imported\n";
    return 2;
  }
  std::cout << "fabrique: " << what << " imported: " << r.created << " created, " << r.updated << " updated, "
            << r.unchanged << " unchanged\n";
  return 0;
}

// `fabrique observatoire import FILE`: the entries of an export, with the same ids, addresses and
// scores (computed again from their evidence). All or nothing.
int cmd_observatoire(const Args& a) {
  if (a.switches.count("help") || a.positional.size() != 2 || a.positional[0] != "import") {
    std::cout << "Usage: fabrique observatoire import FILE [options]\n\nReads FILE, an export of "
              << observatoire::urls::scoreboard_json()
              << ", and adds its entries (or updates those with\nthe same id) with their "
                 "scores computed again from the evidence. Nothing is written\nif any entry is refused.\n"
              << options_help();
    return a.switches.count("help") ? 0 : 2;
  }
  return import_file(a, "observatory entries", observatoire::import_entries);
}

// `fabrique donnees import FILE`: the datasets of a DCAT JSON-LD catalogue (an export of
// /donnees/catalogue.jsonld, or a data portal's). All or nothing.
int cmd_donnees(const Args& a) {
  if (a.switches.count("help") || a.positional.size() != 2 || a.positional[0] != "import") {
    std::cout << "Usage: fabrique donnees import FILE [options]\n\nReads FILE, a DCAT catalogue in JSON-LD (an "
                 "export of "
              << datasets::urls::catalogue()
              << ".jsonld or a data\nportal's), and adds its datasets, or updates those whose dct:identifier is "
                 "already\nan entry's address. Publishers unknown here are added. Nothing is written if any\n"
                 "dataset is refused.\n"
              << options_help();
    return a.switches.count("help") ? 0 : 2;
  }
  return import_file(a, "datasets", datasets::import_datasets);
}

// `fabrique territories load [--from DIR]`: the COG from @etalab/decoupage-administratif's data files
// (installed by `npm ci`); a reload keeps what was placed on territories and lists the retired ones.
int cmd_territories(const Args& a) {
  if (a.switches.count("help") || a.positional.size() != 1 || a.positional[0] != "load") {
    std::cout << "Usage: fabrique territories load [--from DIR] [options]\n\nLoads the régions, départements, "
                 "EPCI and communes of the official geography (COG)\nfrom the data files of the npm package "
                 "@etalab/decoupage-administratif,\nby default "
              << kCogData
              << ". Run again with a newer version:\nterritories are updated in place, and those whose code no "
                 "longer exists are\nkept (with what was placed on them), marked retired and listed.\n"
              << options_help();
    return a.switches.count("help") ? 0 : 2;
  }
  auto options = load_config(a, {"from"});
  auto from = a.options.count("from") ? a.options.at("from") : std::string(kCogData);
  territories::Cog cog;
  try {
    cog = territories::read_cog(from);
  } catch (const std::runtime_error& e) {
    std::cerr << "fabrique: " << e.what() << "\n(`npm ci` installs the package; --from DIR names another folder)\n";
    return 2;
  }
  auto db = open_database(options);
  auto c = db->acquire();
  if (!storage::is_up_to_date(*c)) {
    std::cerr << "fabrique: the database schema is not current. Run `fabrique migrate` first.\n";
    return 1;
  }
  auto r = territories::load_territories(*c, cog);
  std::cout << "fabrique: territories loaded from " << cog.source << ": " << r.added << " added, " << r.updated
            << " updated, " << r.retired.size() << " retired\n";
  for (const auto& t : r.retired) std::cout << "  retired: " << t.key << " " << t.name << "\n";
  return 0;
}

// `fabrique routes`: the route table, for documentation, a proxy's rules, and the tests that visit
// one page of each kind.
int cmd_routes(const Args& a) {
  if (a.switches.count("help") || !a.positional.empty()) {
    std::cout << "Usage: fabrique routes\n\nPrints every address the site answers, one per line: the method (GET or "
                 "POST)\nand the pattern, {slug} for a word and {name:int} for a number.\n";
    return a.switches.count("help") ? 0 : 2;
  }
  for (const auto& p : http::routes().patterns()) std::cout << p << "\n";
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" || std::string(argv[1]) == "help") {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  auto args = parse_args(argc, argv, 2);
  if (!args) return 2;
  try {
    if (command == "serve") return cmd_serve(*args);
    if (command == "migrate") return cmd_migrate(*args);
    if (command == "user") return cmd_user(*args);
    if (command == "backup") return cmd_backup(*args);
    if (command == "config") return cmd_config(*args);
    if (command == "copy" || command == "restore" || command == "checksum" || command == "export" ||
        command == "import")
      return cmd_data(command, *args);
    if (command == "demo") return cmd_demo(*args);
    if (command == "donnees") return cmd_donnees(*args);
    if (command == "observatoire") return cmd_observatoire(*args);
    if (command == "search") return cmd_search(*args);
    if (command == "routes") return cmd_routes(*args);
    if (command == "territories") return cmd_territories(*args);
    std::cerr << "fabrique: unknown command " << command << "\n\n" << kUsage;
    return 2;
  } catch (const config::ConfigError& e) {
    std::cerr << "fabrique: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    log::error("command failed", {{"command", command}, {"error", e.what()}});
    return 1;
  }
}

}  // namespace fabrique::cli
