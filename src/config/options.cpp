// The options table and the layered loading of configuration (file, environment, flags).
#include "config/options.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

extern char** environ;

namespace fabrique::config {
namespace {

using Setter = std::function<void(Options&, const std::string&)>;

struct Row {
  OptionSpec spec;
  Setter set;
  std::function<std::string(const Options&)> get;
};

long parse_int(const std::string& name, const std::string& v, long min, long max) {
  long out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size())
    throw ConfigError(fmt::format("option {}: \"{}\" is not a whole number", name, v));
  if (out < min || out > max)
    throw ConfigError(fmt::format("option {}: {} is out of range ({} to {})", name, v, min, max));
  return out;
}

bool parse_bool(const std::string& name, const std::string& v) {
  if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "0" || v == "no" || v == "off") return false;
  throw ConfigError(fmt::format("option {}: \"{}\" is not true or false", name, v));
}

void check_listen(const std::string& v) {
  auto colon = v.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw ConfigError(fmt::format("option listen: \"{}\" is not host:port", v));
  parse_int("listen", v.substr(colon + 1), 0, 65535);
}

void check_database(const std::string& v) {
  if (v.empty()) throw ConfigError("option database: must not be empty");
  if (v.starts_with("postgres://") || v.starts_with("postgresql://")) return;
  if (v.find("://") != std::string::npos)
    throw ConfigError("option database: use a file path (SQLite) or a postgresql:// URL");
}

// A comma-separated list of IP addresses (v4 or v6), spaces allowed.
std::vector<std::string> parse_addresses(const std::string& name, const std::string& v) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= v.size()) {
    std::size_t comma = v.find(',', start);
    if (comma == std::string::npos) comma = v.size();
    std::string item = v.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) {
      if (item.find_first_not_of("0123456789abcdefABCDEF.:") != std::string::npos)
        throw ConfigError(fmt::format("option {}: {} is not an IP address", name, item));
      out.push_back(item);
    }
    start = comma + 1;
  }
  return out;
}

void check_base_url(const std::string& v) {
  if (!v.empty() && !v.starts_with("http://") && !v.starts_with("https://"))
    throw ConfigError(fmt::format("option base_url: \"{}\" must start with http:// or https://", v));
}

void check_smtp_url(const std::string& v) {
  if (!v.empty() && !v.starts_with("smtp://") && !v.starts_with("smtps://"))
    throw ConfigError(fmt::format("option smtp_url: \"{}\" must start with smtp:// or smtps://", v));
}

void check_mail_from(const std::string& v) {
  auto lt = v.find('<');
  std::string address = lt == std::string::npos ? v : v.substr(lt + 1, v.find('>', lt) - lt - 1);
  if (address.find('@') == std::string::npos || v.find_first_of("\r\n") != std::string::npos)
    throw ConfigError(fmt::format("option mail_from: \"{}\" is not an address or Name <address>", v));
}

// A comma-separated list of host names (letters, digits, dots and dashes), lower-cased.
std::vector<std::string> parse_host_names(const std::string& name, const std::string& v) {
  std::vector<std::string> out;
  std::istringstream in(v);
  for (std::string item; std::getline(in, item, ',');) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (item.empty()) continue;
    for (char& ch : item) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (item.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string::npos)
      throw ConfigError(fmt::format("option {}: {} is not a host name (no scheme, no port)", name, item));
    out.push_back(item);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& a : items) out += (out.empty() ? "" : ",") + a;
  return out;
}

void check_licence(const std::string& v) {
  if (v.empty() || v.size() > 64 ||
      v.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.+-") != std::string::npos)
    throw ConfigError(
        fmt::format("option data_licence: \"{}\" is not an SPDX licence identifier (e.g. etalab-2.0)", v));
}

std::string redact(const std::string& v) {
  // A database URL may carry a password: keep the scheme and host, hide credentials.
  auto at = v.find('@');
  auto scheme = v.find("://");
  if (at == std::string::npos || scheme == std::string::npos) return v;
  return v.substr(0, scheme + 3) + "***" + v.substr(at);
}

const std::vector<Row>& rows() {
  static const std::vector<Row> kRows = {
      {{"database", "var/fabrique.db", "SQLite file path, or postgresql://user@host/db for several nodes", true},
       [](Options& o, const std::string& v) {
         check_database(v);
         o.database = v;
       },
       [](const Options& o) { return redact(o.database); }},
      {{"listen", "127.0.0.1:8080", "address and port to serve HTTP on (port 0: any free port)", false},
       [](Options& o, const std::string& v) {
         check_listen(v);
         o.listen = v;
       },
       [](const Options& o) { return o.listen; }},
      {{"threads", "0", "server threads, one io_context each (0: one per core)", false},
       [](Options& o, const std::string& v) { o.threads = parse_int("threads", v, 0, 256); },
       [](const Options& o) { return std::to_string(o.threads); }},
      {{"database_pool", "8", "database connections kept open per process", false},
       [](Options& o, const std::string& v) { o.database_pool = parse_int("database_pool", v, 1, 512); },
       [](const Options& o) { return std::to_string(o.database_pool); }},
      {{"max_connections", "1024", "open connections at most; more are refused with 503", false},
       [](Options& o, const std::string& v) { o.max_connections = parse_int("max_connections", v, 1, 1000000); },
       [](const Options& o) { return std::to_string(o.max_connections); }},
      {{"max_connections_per_address", "64",
        "open connections at most from one client address (trusted proxies are not counted); more are refused with 503",
        false},
       [](Options& o, const std::string& v) {
         o.max_connections_per_address = parse_int("max_connections_per_address", v, 1, 1000000);
       },
       [](const Options& o) { return std::to_string(o.max_connections_per_address); }},
      {{"max_header_bytes", "16384", "request line and headers at most (else 431)", false},
       [](Options& o, const std::string& v) { o.max_header_bytes = parse_int("max_header_bytes", v, 1024, 1 << 20); },
       [](const Options& o) { return std::to_string(o.max_header_bytes); }},
      {{"max_body_bytes", "1048576", "request body at most for forms (else 413)", false},
       [](Options& o, const std::string& v) { o.max_body_bytes = parse_int("max_body_bytes", v, 1024, 64L << 20); },
       [](const Options& o) { return std::to_string(o.max_body_bytes); }},
      {{"max_upload_bytes", "21000000",
        "request body at most for forms that send a file, from a signed-in person (else 413); files are 20 MB at most",
        false},
       [](Options& o, const std::string& v) { o.max_upload_bytes = parse_int("max_upload_bytes", v, 1024, 1L << 30); },
       [](const Options& o) { return std::to_string(o.max_upload_bytes); }},
      {{"max_receiving_bytes", "67108864",
        "request bodies being received at once, all connections together (else 503); bodies over 256 KB wait in "
        "temporary files, not in memory",
        false},
       [](Options& o, const std::string& v) {
         o.max_receiving_bytes = parse_int("max_receiving_bytes", v, 1L << 20, 1L << 40);
       },
       [](const Options& o) { return std::to_string(o.max_receiving_bytes); }},
      {{"hashing_threads", "2",
        "threads that hash passwords (sign-up, sign-in, password change), apart from the network threads", false},
       [](Options& o, const std::string& v) { o.hashing_threads = parse_int("hashing_threads", v, 1, 64); },
       [](const Options& o) { return std::to_string(o.hashing_threads); }},
      {{"hashing_queue", "64", "password requests waiting or being hashed at most; more get 503 with Retry-After",
        false},
       [](Options& o, const std::string& v) { o.hashing_queue = parse_int("hashing_queue", v, 1, 10000); },
       [](const Options& o) { return std::to_string(o.hashing_queue); }},
      {{"upload_timeout", "300", "seconds for a signed-in person's request that sends a file to arrive", false},
       [](Options& o, const std::string& v) { o.upload_timeout_seconds = parse_int("upload_timeout", v, 1, 3600); },
       [](const Options& o) { return std::to_string(o.upload_timeout_seconds); }},
      {{"read_timeout", "10", "seconds for a whole request to arrive", false},
       [](Options& o, const std::string& v) { o.read_timeout_seconds = parse_int("read_timeout", v, 1, 3600); },
       [](const Options& o) { return std::to_string(o.read_timeout_seconds); }},
      {{"idle_timeout", "30", "seconds an idle keep-alive connection stays open", false},
       [](Options& o, const std::string& v) { o.idle_timeout_seconds = parse_int("idle_timeout", v, 1, 3600); },
       [](const Options& o) { return std::to_string(o.idle_timeout_seconds); }},
      {{"write_timeout", "10", "seconds to send a response before the connection is dropped", false},
       [](Options& o, const std::string& v) { o.write_timeout_seconds = parse_int("write_timeout", v, 1, 3600); },
       [](const Options& o) { return std::to_string(o.write_timeout_seconds); }},
      {{"sign_ups_per_address", "30",
        "accounts created from one client address in an hour before each next one waits, longer each time (429)",
        false},
       [](Options& o, const std::string& v) {
         o.sign_ups_per_address = parse_int("sign_ups_per_address", v, 1, 100000);
       },
       [](const Options& o) { return std::to_string(o.sign_ups_per_address); }},
      {{"api_requests_per_minute", "60",
        "requests one personal access token may make in a minute, in bursts of as many; then 429 with Retry-After",
        false},
       [](Options& o, const std::string& v) {
         o.api_requests_per_minute = parse_int("api_requests_per_minute", v, 1, 100000);
       },
       [](const Options& o) { return std::to_string(o.api_requests_per_minute); }},
      {{"session_days", "30", "days a sign-in lasts", false},
       [](Options& o, const std::string& v) { o.session_days = parse_int("session_days", v, 1, 365); },
       [](const Options& o) { return std::to_string(o.session_days); }},
      {{"secure_cookies", "false", "mark cookies Secure (set to true behind HTTPS)", false},
       [](Options& o, const std::string& v) { o.secure_cookies = parse_bool("secure_cookies", v); },
       [](const Options& o) { return std::string(o.secure_cookies ? "true" : "false"); }},
      {{"base_url", "",
        "public address of the site (https://fabrique.example.org) for absolute links in data, feeds and mails; empty: "
        "the address each request came to",
        false},
       [](Options& o, const std::string& v) {
         check_base_url(v);
         o.base_url = v;
         while (o.base_url.ends_with('/')) o.base_url.pop_back();
       },
       [](const Options& o) { return o.base_url; }},
      {{"allowed_hosts", "",
        "host names the site answers to, comma-separated (e.g. fabrique.example.org); others get 421. Empty: any",
        false},
       [](Options& o, const std::string& v) { o.allowed_hosts = parse_host_names("allowed_hosts", v); },
       [](const Options& o) { return joined(o.allowed_hosts); }},
      {{"data_licence", "etalab-2.0",
        "licence of the open data (SPDX identifier), stated in every JSON document and Link header", false},
       [](Options& o, const std::string& v) {
         check_licence(v);
         o.data_licence = v;
       },
       [](const Options& o) { return o.data_licence; }},
      {{"sitemap_max_urls", "50000", "addresses per sitemap file; more make /sitemap.xml an index", false},
       [](Options& o, const std::string& v) { o.sitemap_max_urls = parse_int("sitemap_max_urls", v, 1, 50000); },
       [](const Options& o) { return std::to_string(o.sitemap_max_urls); }},
      {{"trusted_proxies", "",
        "addresses of reverse proxies whose X-Forwarded-For, -Host and -Proto are believed, comma-separated (e.g. "
        "127.0.0.1)",
        false},
       [](Options& o, const std::string& v) { o.trusted_proxies = parse_addresses("trusted_proxies", v); },
       [](const Options& o) { return joined(o.trusted_proxies); }},
      {{"smtp_url", "",
        "SMTP server mail goes through: smtp://host:587 (STARTTLS) or smtps://host:465 (TLS); empty: mails are written "
        "as .eml files under mail_dir",
        true},
       [](Options& o, const std::string& v) {
         check_smtp_url(v);
         o.smtp_url = v;
       },
       [](const Options& o) { return redact(o.smtp_url); }},
      {{"smtp_user", "", "user name for SMTP AUTH (empty: no AUTH)", false},
       [](Options& o, const std::string& v) { o.smtp_user = v; },
       [](const Options& o) { return o.smtp_user; }},
      {{"smtp_password", "", "password for SMTP AUTH", true},
       [](Options& o, const std::string& v) { o.smtp_password = v; },
       [](const Options& o) { return std::string(o.smtp_password.empty() ? "" : "***"); }},
      {{"smtp_starttls", "try",
        "on smtp://, STARTTLS when the server offers it (try) or never send without it (required)", false},
       [](Options& o, const std::string& v) {
         if (v != "try" && v != "required")
           throw ConfigError(fmt::format("option smtp_starttls: \"{}\" is neither try nor required", v));
         o.smtp_starttls = v;
       },
       [](const Options& o) { return o.smtp_starttls; }},
      {{"smtp_timeout", "60", "seconds for connecting to the SMTP server and handing it one mail", false},
       [](Options& o, const std::string& v) { o.smtp_timeout_seconds = parse_int("smtp_timeout", v, 1, 600); },
       [](const Options& o) { return std::to_string(o.smtp_timeout_seconds); }},
      {{"mail_from", "fabrique <fabrique@localhost>", "sender of every mail: an address, or Name <address>", false},
       [](Options& o, const std::string& v) {
         check_mail_from(v);
         o.mail_from = v;
       },
       [](const Options& o) { return o.mail_from; }},
      {{"mail_dir", "var/mail", "directory mails are written to as .eml files when smtp_url is empty", false},
       [](Options& o, const std::string& v) {
         if (v.empty()) throw ConfigError("option mail_dir: must not be empty");
         o.mail_dir = v;
       },
       [](const Options& o) { return o.mail_dir; }},
      {{"log_requests", "true", "write one access-log line per request", false},
       [](Options& o, const std::string& v) { o.log_requests = parse_bool("log_requests", v); },
       [](const Options& o) { return std::string(o.log_requests ? "true" : "false"); }},
      {{"page_cache", "true",
        "share the pages rendered for visitors until the next change (false: render every request but the whole "
        "registers' exports)",
        false},
       [](Options& o, const std::string& v) { o.page_cache = parse_bool("page_cache", v); },
       [](const Options& o) { return std::string(o.page_cache ? "true" : "false"); }},
  };
  return kRows;
}

const Row* find(const std::string& name) {
  for (const auto& r : rows())
    if (r.spec.name == name) return &r;
  return nullptr;
}

std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t\r");
  auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string env_name(const std::string& option) {
  std::string out = "FABRIQUE_";
  for (char c : option) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string read_secret_file(const std::string& option, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError(fmt::format("option {}: cannot read file {}", option, path));
  std::string v;
  std::getline(in, v);
  return trim(v);
}

}  // namespace

const std::vector<OptionSpec>& option_table() {
  static const std::vector<OptionSpec> kTable = [] {
    std::vector<OptionSpec> out;
    for (const auto& r : rows()) out.push_back(r.spec);
    return out;
  }();
  return kTable;
}

std::map<std::string, std::string> fabrique_environment() {
  std::map<std::string, std::string> out;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    if (!kv.starts_with("FABRIQUE_")) continue;
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    out.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  return out;
}

Options load(const Sources& sources) {
  Options o;
  for (const auto& r : rows()) r.set(o, r.spec.default_value);

  if (sources.file_path) {
    std::ifstream in(*sources.file_path);
    if (!in) throw ConfigError(fmt::format("config file {} cannot be read", *sources.file_path));
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      line = trim(line);
      if (line.empty() || line[0] == '#') continue;
      auto eq = line.find('=');
      if (eq == std::string::npos)
        throw ConfigError(fmt::format("config file {} line {}: expected name = value", *sources.file_path, number));
      std::string name = trim(line.substr(0, eq));
      const Row* r = find(name);
      if (!r)
        throw ConfigError(fmt::format("config file {} line {}: unknown option {}", *sources.file_path, number, name));
      r->set(o, trim(line.substr(eq + 1)));
    }
  }

  for (const auto& r : rows()) {
    auto name = env_name(r.spec.name);
    if (auto it = sources.environment.find(name); it != sources.environment.end()) r.set(o, it->second);
    if (r.spec.secret) {
      if (auto it = sources.environment.find(name + "_FILE"); it != sources.environment.end())
        r.set(o, read_secret_file(r.spec.name, it->second));
    }
  }
  for (const auto& [key, value] : sources.environment) {
    if (key == "FABRIQUE_CONFIG" || key == "FABRIQUE_BIN") continue;
    bool known = false;
    for (const auto& r : rows())
      if (key == env_name(r.spec.name) || (r.spec.secret && key == env_name(r.spec.name) + "_FILE")) known = true;
    if (!known) throw ConfigError(fmt::format("environment variable {} is not a fabrique option", key));
  }

  for (const auto& [name, value] : sources.flags) {
    const Row* r = find(name);
    if (!r) throw ConfigError(fmt::format("unknown option --{}", name));
    r->set(o, value);
  }
  return o;
}

std::string sample_file() {
  std::ostringstream out;
  out << "# fabrique configuration. Each line: name = value. Environment variables FABRIQUE_<NAME>\n"
         "# override this file, and command-line flags --name value override both.\n"
         "# Secret options can also be read from a file named by FABRIQUE_<NAME>_FILE.\n";
  for (const auto& r : rows()) {
    out << "\n# " << r.spec.help << (r.spec.secret ? " (secret)" : "") << "\n";
    out << "# " << r.spec.name << " = " << r.spec.default_value << "\n";
  }
  return out.str();
}

std::vector<std::pair<std::string, std::string>> describe(const Options& options) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows()) out.emplace_back(r.spec.name, r.get(options));
  return out;
}

}  // namespace fabrique::config
