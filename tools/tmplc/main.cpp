// tmplc: compiles one page template into a C++ header and source; run by the build for every
// src/<module>/templates/*.html. Usage: tmplc TEMPLATE DISPLAY_PATH NAMESPACE HEADER_INCLUDE OUT.hpp OUT.cpp
#include <fstream>
#include <iostream>
#include <sstream>

#include "compiler.hpp"

namespace {

bool write_if_changed(const std::string& path, const std::string& text) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream old;
  old << in.rdbuf();
  if (in && old.str() == text) return true;  // unchanged: keep the timestamp, spare a rebuild
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::cerr << "usage: tmplc TEMPLATE DISPLAY_PATH NAMESPACE HEADER_INCLUDE OUT.hpp OUT.cpp\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto out = fabrique::tmplc::compile(text.str(), argv[2], argv[3], argv[4]);
  for (const auto& e : out.errors) std::cerr << e << "\n";
  if (!out.errors.empty()) return 1;
  if (!write_if_changed(argv[5], out.header) || !write_if_changed(argv[6], out.source)) {
    std::cerr << "tmplc: cannot write " << argv[5] << " or " << argv[6] << "\n";
    return 1;
  }
  return 0;
}
