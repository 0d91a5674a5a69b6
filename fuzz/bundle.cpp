// Fuzzes the reading of a programme bundle (storage::bundle::open, what `fabrique import --bundle` does
// before it copies anything): gzip, the tar members, the manifest, the database, its checksums.
//
// Asserts that a bundle is either refused with a BundleError (the message the operator reads) or opened
// with a manifest whose tables are those of the database it holds; never any other exception.
#include "storage/bundle.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "fuzz/check.hpp"

using fabrique::fuzz::check;
namespace bundle = fabrique::storage::bundle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The reader takes a path, as the command line gives it.
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("fabrique-fuzz-bundle-" + std::to_string(::getpid()) + ".tar.gz");
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    check(f != nullptr, "the input can be written to a file");
    check(std::fwrite(data, 1, size, f) == size, "the input is written whole");
    std::fclose(f);
  }
  try {
    auto opened = bundle::open(path);
    check(!opened->manifest().tables.empty(), "an opened bundle lists its tables");
  } catch (const bundle::BundleError& e) {
    check(std::string(e.what()).size() > 0, "a refusal says why");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "unexpected exception: %s\n", e.what());
    check(false, "a bad bundle is refused with a BundleError, nothing else");
  }
  return 0;
}
