// The commands that move and protect a whole programme: copy (e.g. SQLite to PostgreSQL), restore,
// checksum, and export/import of a bundle that carries a programme to another instance.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/options.hpp"

namespace fabrique::cli {

// What commands.cpp parsed from the command line, and how to load the configuration from it.
struct DataCommandLine {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::set<std::string> switches;
  // Loads the configuration, leaving out the given command flags (e.g. "from", "to").
  std::function<config::Options(const std::set<std::string>&)> load_config;
  std::string options_help;
};

// `fabrique copy --from LOCATION --to LOCATION [--force]`
int copy_command(const DataCommandLine& a);
// `fabrique restore FILE [--force]`
int restore_command(const DataCommandLine& a);
// `fabrique checksum`
int checksum_command(const DataCommandLine& a);
// `fabrique export --bundle FILE`, `fabrique export --static DIR [--archive FILE]`
int export_command(const DataCommandLine& a);
// `fabrique import --bundle FILE`
int import_command(const DataCommandLine& a);

}  // namespace fabrique::cli
