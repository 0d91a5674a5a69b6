// Writes structured log lines to standard error.
#include "common/log.hpp"

#include <date/date.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace fabrique::log {
namespace {

std::atomic<bool> g_quiet{false};
std::mutex g_mutex;

void append_value(std::string& out, std::string_view v) {
  bool plain = !v.empty();
  for (char ch : v) {
    if (ch == ' ' || ch == '"' || ch == '=' || static_cast<unsigned char>(ch) < 0x20) plain = false;
  }
  if (plain) {
    out += v;
    return;
  }
  out += '"';
  for (char ch : v) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      out += ' ';  // a log line stays one line
    } else {
      out += ch;
    }
  }
  out += '"';
}

void write(std::string_view level, std::string_view message, std::initializer_list<Field> fields) {
  std::string line = "time=";
  line += date::format("%FT%TZ", std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  line += " level=";
  line += level;
  line += " msg=";
  append_value(line, message);
  for (const auto& [k, v] : fields) {
    line += ' ';
    line += k;
    line += '=';
    append_value(line, v);
  }
  line += '\n';
  std::lock_guard lock(g_mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void info(std::string_view message, std::initializer_list<Field> fields) {
  if (!g_quiet.load(std::memory_order_relaxed)) write("info", message, fields);
}
void error(std::string_view message, std::initializer_list<Field> fields) { write("error", message, fields); }
void set_quiet(bool quiet) { g_quiet = quiet; }

}  // namespace fabrique::log
