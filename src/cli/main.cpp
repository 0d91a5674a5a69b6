// Entry point of the fabrique binary: everything happens in the library's cli::run.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return fabrique::cli::run(argc, argv); }
