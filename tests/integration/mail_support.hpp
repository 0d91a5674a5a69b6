// Mail in integration tests: a real SMTP server (Debian's aiosmtpd with smtp_sink.py) run as its
// own process on a free port, and the received messages parsed by Python's `email` package
// (mail_check.py), so that what is checked is what a mail client would read.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "config/options.hpp"

namespace fabrique::test {

// The folder of these test files (smtp_sink.py, mail_check.py).
inline std::filesystem::path integration_dir() { return std::filesystem::path(__FILE__).parent_path(); }

// A free TCP port of 127.0.0.1 (bound then released: another process could take it, very unlikely).
inline unsigned short free_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t n = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &n);
  ::close(s);
  return ntohs(a.sin_port);
}

inline bool accepts_connections(unsigned short port) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(port);
  bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(s);
  return ok;
}

// Waits up to `within` for `done`, checking every 50 ms.
inline bool eventually(const std::function<bool()>& done, std::chrono::milliseconds within = std::chrono::seconds(15)) {
  auto until = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

// aiosmtpd on 127.0.0.1:port(), writing each accepted message to directory() as an .eml file.
class SmtpServer {
 public:
  explicit SmtpServer(std::filesystem::path directory, double delay_seconds = 0)
      : directory_(std::move(directory)), delay_(delay_seconds), port_(free_port()) {
    // Named after the process id, which a later test process may get again: what an earlier one left
    // there would count as received (a test then saw two mails for one).
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    start();
  }
  ~SmtpServer() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  unsigned short port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  const std::filesystem::path& directory() const { return directory_; }

  void start() {
    if (pid_ > 0) return;
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    const std::string dir = directory_.string();
    const std::string delay = std::to_string(delay_);
    // Everything the child needs is made before fork(): between fork and exec only exec runs.
    const std::string pythonpath = "PYTHONPATH=" + integration_dir().string();
    std::vector<char*> env;
    for (char** e = environ; *e; ++e)
      if (!std::string_view(*e).starts_with("PYTHONPATH=")) env.push_back(*e);
    env.push_back(const_cast<char*>(pythonpath.c_str()));
    env.push_back(nullptr);
    const char* argv[] = {"python3",        "-m",        "aiosmtpd",    "-n",   "-l", listen.c_str(), "-c",
                          "smtp_sink.Sink", dir.c_str(), delay.c_str(), nullptr};
    pid_ = ::fork();
    if (pid_ == 0) {
      ::execve("/usr/bin/python3", const_cast<char* const*>(argv), env.data());
      ::_exit(127);
    }
    if (!eventually([&] { return accepts_connections(port_); }, std::chrono::seconds(20)))
      throw std::runtime_error("aiosmtpd did not start on " + listen);
  }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  // How many SMTP sessions clients opened so far (smtp_sink.py counts their EHLO).
  std::size_t sessions() const {
    std::ifstream in(directory_ / ".sessions");
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
  }

  // The messages received so far, parsed (mail_check.py), oldest first.
  std::vector<boost::json::object> received() const {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(directory_))
      if (e.path().extension() == ".eml") files.push_back(e.path().string());
    return parse_mails(files);
  }

  static std::vector<boost::json::object> parse_mails(std::vector<std::string> files) {
    std::sort(files.begin(), files.end());
    std::vector<boost::json::object> out;
    if (files.empty()) return out;
    std::string command = "/usr/bin/python3 " + (integration_dir() / "mail_check.py").string();
    for (const auto& f : files) command += " '" + f + "'";
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) throw std::runtime_error("cannot run mail_check.py");
    std::string output;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, p)) output.append(buffer, n);
    if (::pclose(p) != 0) throw std::runtime_error("mail_check.py failed:\n" + output);
    std::size_t start = 0;
    while (start < output.size()) {
      std::size_t end = output.find('\n', start);
      if (end == std::string::npos) end = output.size();
      if (end > start) out.push_back(boost::json::parse(output.substr(start, end - start)).as_object());
      start = end + 1;
    }
    return out;
  }

 private:
  std::filesystem::path directory_;
  double delay_;
  unsigned short port_;
  pid_t pid_ = -1;
};

// A site whose mail goes through `smtp` (the options Site's constructor takes).
inline std::function<void(config::Options&)> through(const SmtpServer& smtp) {
  std::string url = smtp.url();
  return [url](config::Options& o) {
    o.smtp_url = url;
    o.mail_from = "Programme Reset <programme@fabrique.example>";
    o.smtp_timeout_seconds = 5;
  };
}

// A folder for one test's SMTP server.
inline std::filesystem::path smtp_folder(const std::string& test) {
  return std::filesystem::temp_directory_path() / ("fabrique-smtp-" + std::to_string(::getpid()) + "-" + test);
}

inline std::string field(const boost::json::object& mail, const char* section, const char* name) {
  const auto* s = mail.if_contains(section);
  if (!s || !s->is_object()) return {};
  const auto* v = s->as_object().if_contains(name);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
inline std::string header(const boost::json::object& mail, const char* name) { return field(mail, "headers", name); }
inline std::string text_of(const boost::json::object& mail, const char* part) {
  const auto* v = mail.if_contains(part);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The messages `smtp` received for `address`, oldest first.
inline std::vector<boost::json::object> mails_to(const SmtpServer& smtp, const std::string& address) {
  std::vector<boost::json::object> out;
  for (auto& m : smtp.received())
    if (header(m, "to").find(address) != std::string::npos) out.push_back(std::move(m));
  return out;
}

// The path and query of the first link to this site in a mail's plain-text part that starts with `path`.
inline std::string link_in(const boost::json::object& mail, const std::string& path) {
  std::regex link("https?://[^/\\s]+(" + path + "[^\\s]*)");
  std::smatch m;
  std::string text = text_of(mail, "text");
  return std::regex_search(text, m, link) ? m[1].str() : std::string();
}

}  // namespace fabrique::test
