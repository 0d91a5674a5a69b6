// The `fabrique` command line: serve, migrate, user add, backup, config — each with --help.
#pragma once

namespace fabrique::cli {

// Runs the command named by argv and returns the process exit status:
// 0 success, 1 failure while running, 2 bad usage or configuration.
int run(int argc, char** argv);

}  // namespace fabrique::cli
