// Configuration: one table of options (name, default, validation, secret or not), read from a
// config file, then FABRIQUE_* environment variables, then command-line flags, in that order.
#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fabrique::config {

// The validated configuration the program runs with.
struct Options {
  std::string database = "var/fabrique.db";  // SQLite path, or postgresql://… URL
  std::string listen = "127.0.0.1:8080";
  int threads = 0;  // 0: one per core
  int database_pool = 8;
  std::size_t max_connections = 1024;
  std::size_t max_connections_per_address = 64;
  std::size_t max_receiving_bytes = 64 * 1024 * 1024;
  int hashing_threads = 2;
  int hashing_queue = 64;
  int sign_ups_per_address = 30;
  int api_requests_per_minute = 60;  // per personal access token, on each node
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 21 * 1000 * 1000;
  int upload_timeout_seconds = 300;
  int read_timeout_seconds = 10;
  int idle_timeout_seconds = 30;
  int write_timeout_seconds = 10;
  int session_days = 30;
  bool secure_cookies = false;  // set when served over HTTPS
  // The public address of the site for absolute links (JSON, iCalendar, Atom, sitemap). Empty: the
  // address each request came to (its Host, or a trusted proxy's X-Forwarded-Host/-Proto).
  std::string base_url;
  // Host names the site answers to (without port); any other Host gets 421. Empty: any host.
  std::vector<std::string> allowed_hosts;
  // The licence every open data document states (an SPDX identifier).
  std::string data_licence = "etalab-2.0";
  // Addresses per sitemap file; past it /sitemap.xml becomes an index of several files.
  std::size_t sitemap_max_urls = 50000;
  bool log_requests = true;
  // Visitors' pages shared until the next change (http/page_cache.hpp). Off only to measure what
  // rendering every page costs (bench/crawl.sh); the documents written to files (whole registers'
  // exports) are kept even then.
  bool page_cache = true;
  // Reverse proxies (nginx, a load balancer) whose X-Forwarded-For names the real client: behind one,
  // every request comes from the proxy's address, and per-address sign-in limits would lump all
  // visitors together.
  std::vector<std::string> trusted_proxies;
  // Mail (src/mail/). Without smtp_url, mails are written as .eml files under mail_dir.
  std::string smtp_url;  // smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)
  std::string smtp_user;
  std::string smtp_password;          // secret
  std::string smtp_starttls = "try";  // on smtp://: "try" or "required"
  int smtp_timeout_seconds = 60;
  std::string mail_from = "fabrique <fabrique@localhost>";
  std::string mail_dir = "var/mail";
};

// One row of the options table.
struct OptionSpec {
  std::string name;  // file key and flag: database → --database, FABRIQUE_DATABASE
  std::string default_value;
  std::string help;
  bool secret;  // never printed; may also be read from FABRIQUE_<NAME>_FILE
};

const std::vector<OptionSpec>& option_table();

// Bad configuration: the message names the option and what is wrong.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where values come from; each later source overrides the earlier ones.
struct Sources {
  std::optional<std::string> file_path;            // config file, if any
  std::map<std::string, std::string> environment;  // FABRIQUE_* variables
  std::map<std::string, std::string> flags;        // --name value
};

// Reads the environment variables that start with FABRIQUE_.
std::map<std::string, std::string> fabrique_environment();

// Merges the sources in order and validates every value. Throws ConfigError.
Options load(const Sources& sources);

// The commented sample configuration file (docs and `fabrique config sample`).
std::string sample_file();

// Values for display, with secrets redacted.
std::vector<std::pair<std::string, std::string>> describe(const Options& options);

}  // namespace fabrique::config
