// A real fabrique site for integration tests: a fresh database (SQLite in a temporary folder, or
// PostgreSQL when FABRIQUE_TEST_DATABASE_URL is set), the migrations applied, the real App behind the
// real Server on a free port, and a settable clock.
// Also a small browser: a cookie jar, and forms submitted with the CSRF token of the page.
#pragma once
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <regex>
#include <thread>

#include "accounts/use_cases.hpp"
#include "chores/chores.hpp"
#include "common/log.hpp"
#include "config/options.hpp"
#include "http/app.hpp"
#include "http/server.hpp"
#include "integration/http_client.hpp"
#include "mail/sender.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace fabrique::test {

// The password of every account the tests create.
inline constexpr const char* kPassword = "un mot de passe solide";

// A fresh database for one test, removed afterwards: a SQLite file in a temporary folder, or, when
// FABRIQUE_TEST_DATABASE_URL names a PostgreSQL maintenance database (postgresql://user@host:port/postgres),
// a database of its own created next to it. Empty, or already migrated (what a Site needs).
class TestDatabase {
 public:
  enum class Schema { empty, migrated };

  explicit TestDatabase(Schema schema = Schema::empty) {
    if (const char* url = std::getenv("FABRIQUE_TEST_DATABASE_URL"); url != nullptr && *url != '\0') {
      maintenance_url_ = url;
      if (schema == Schema::migrated) {
        // Migrating takes about 0.5 s on PostgreSQL, copying a migrated database about 0.3 s: the
        // PostgreSQL suite runs in one process, which migrates its template once, and copies the
        // next test's database from it in the background while a test runs.
        name_ = background().take_copy(maintenance_url_, migrated_template());
      } else {
        name_ = new_name();
        maintenance(maintenance_url_, [&](storage::Connection& c) { create(c, name_, ""); });
      }
      location_ = with_database(maintenance_url_, name_);
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("fabrique-it-" + new_name());
      std::filesystem::create_directories(dir_);
      location_ = (dir_ / "site.db").string();
    }
  }
  ~TestDatabase() {
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
    if (!name_.empty()) {
      if (copied_) {
        background().drop(name_);  // the next test need not wait for it
      } else {
        drop(maintenance_url_, name_);
      }
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // What storage::open takes: a file path or a postgresql:// URL.
  const std::string& location() const { return location_; }
  bool is_postgresql() const { return !name_.empty(); }
  // A folder for other files of the test (backups), removed afterwards.
  std::filesystem::path scratch() {
    if (dir_.empty()) {
      dir_ = std::filesystem::temp_directory_path() / ("fabrique-it-" + name_);
      std::filesystem::create_directories(dir_);
    }
    return dir_;
  }

 private:
  // The same URL with its database name replaced: postgresql://authority/NAME?parameters.
  static std::string with_database(const std::string& url, const std::string& name) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) throw std::runtime_error("FABRIQUE_TEST_DATABASE_URL must be a postgresql:// URL");
    const std::size_t path = url.find_first_of("/?", scheme + 3);
    if (path == std::string::npos) return url + "/" + name;
    const std::size_t query = url.find('?', path);
    return url.substr(0, path) + "/" + name + (query == std::string::npos ? "" : url.substr(query));
  }

  static std::string new_name() {
    static std::atomic<int> counter{0};
    return "fabrique_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  }
  static void create(storage::Connection& c, const std::string& name, const std::string& from_template) {
    // A leftover of an earlier run that crashed with the same process id.
    c.execute_script("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    c.execute_script("CREATE DATABASE " + name +
                     (from_template.empty() ? "" : " TEMPLATE " + from_template + " STRATEGY FILE_COPY"));
  }
  static void drop(const std::string& maintenance_url, const std::string& name) {
    try {
      // FORCE: a connection still closing must not keep the database alive.
      maintenance(maintenance_url, [&](storage::Connection& c) {
        c.execute_script("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      });
    } catch (const std::exception& e) {
      std::fprintf(stderr, "TestDatabase: could not drop %s: %s\n", name.c_str(), e.what());
    }
  }

  // CREATE/DROP DATABASE run outside any transaction, on a short-lived connection of their own.
  template <class F>
  static void maintenance(const std::string& maintenance_url, F&& f) {
    auto admin = storage::open(maintenance_url, 1);
    auto c = admin->acquire();
    f(*c);
  }

  // This process's migrated PostgreSQL database, made on first use (no connection is left open on it,
  // as a template requires) and dropped when the process ends.
  std::string migrated_template() {
    struct Template {
      TestDatabase database;
      Template() {
        auto db = storage::open(database.location(), 1);
        auto c = db->acquire();
        storage::migrate(*c);
      }
    };
    static Template t;
    return t.database.name_;
  }

  // One thread that copies the template and drops used databases, one job at a time (a template
  // must have no other session while it is copied), so that tests wait for neither.
  class Background {
   public:
    ~Background() {
      {
        std::lock_guard lock(mutex_);
        stopping_ = true;
      }
      wake_.notify_one();
      if (thread_.joinable()) thread_.join();
      if (spare_.valid()) {
        try {
          TestDatabase::drop(url_, spare_.get());
        } catch (const std::exception&) {  // its copy failed: nothing to drop
        }
      }
    }
    // A copy of the template: the one made in the background if any, then the next one is begun.
    std::string take_copy(const std::string& maintenance_url, const std::string& template_name) {
      std::unique_lock lock(mutex_);
      url_ = maintenance_url;
      template_ = template_name;
      if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
      if (!spare_.valid()) spare_ = begin_copy(lock);
      auto ready = std::move(spare_);
      spare_ = begin_copy(lock);
      lock.unlock();
      return ready.get();  // rethrows what went wrong while copying
    }
    void drop(const std::string& name) {
      {
        std::lock_guard lock(mutex_);
        jobs_.push_back([this, name] { TestDatabase::drop(url_, name); });
      }
      wake_.notify_one();
    }

   private:
    std::future<std::string> begin_copy(std::unique_lock<std::mutex>&) {
      auto job = std::make_shared<std::packaged_task<std::string()>>([this] {
        std::string name = new_name();
        maintenance(url_, [&](storage::Connection& c) { create(c, name, template_); });
        return name;
      });
      auto result = job->get_future();
      jobs_.push_back([job] { (*job)(); });
      wake_.notify_one();
      return result;
    }
    void run() {
      std::unique_lock lock(mutex_);
      for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping, and every drop done
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
        lock.lock();
      }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    std::future<std::string> spare_;
    std::string url_, template_;
    bool stopping_ = false;
    std::thread thread_;
  };
  // Made after the template (first used once it exists), so destroyed before it is dropped.
  Background& background() {
    migrated_template();
    static Background b;
    copied_ = true;
    return b;
  }

  std::filesystem::path dir_;
  std::string maintenance_url_;
  std::string name_;
  std::string location_;
  bool copied_ = false;  // from the template, by the background thread
};

class Site {
 public:
  // `configure` may change the options the site runs with (e.g. trusted_proxies).
  explicit Site(http::ServerLimits limits = small_limits(),
                const std::function<void(config::Options&)>& configure = {}) {
    options_.database = database_.location();
    options_.listen = "127.0.0.1:0";
    options_.mail_dir = (database_.scratch() / "mail").string();  // .eml files, when no smtp_url
    options_.smtp_timeout_seconds = 5;
    if (configure) configure(options_);
    log::set_quiet(true);
    db_ = storage::open(options_.database, 4);
    {
      auto c = db_->acquire();
      storage::migrate(*c);
    }
    app_ = std::make_unique<http::App>(*db_, options_, [this] { return now(); });
    server_ = std::make_unique<http::Server>(*app_, options_.listen, 2, limits);
    server_->bind();
    thread_ = std::thread([this] { server_->run(false); });
    sender_ = std::make_unique<mail::Sender>(*db_, options_, [this] { return now(); });
    chores_ = std::make_unique<chores::Chores>(*db_, app_->seen_sessions(), [this] { return now(); });
  }
  ~Site() {
    chores_.reset();
    sender_.reset();
    server_->stop();
    thread_.join();
    server_.reset();
    app_.reset();
    db_.reset();  // before database_ drops the database
  }

  static http::ServerLimits small_limits() {
    http::ServerLimits l;
    l.max_header_bytes = 8 * 1024;
    l.max_body_bytes = 64 * 1024;
    l.read_timeout = std::chrono::seconds(2);
    l.idle_timeout = std::chrono::seconds(5);
    return l;
  }

  unsigned short port() const { return server_->port(); }
  storage::Database& db() { return *db_; }
  std::int64_t count(const std::string& sql) {
    auto c = db_->acquire();
    return c->query_integer(sql);
  }

  const config::Options& options() const { return options_; }
  // Mail: delivers what is due now (as the sender of `fabrique serve` does, but at once), or starts
  // the sender's own thread, as `fabrique serve` does.
  int deliver_mail() { return sender_->deliver_due(); }
  void start_mail_sender() { sender_->start(); }
  // One round of the chores (session use, reminders…), as `fabrique serve` does each minute.
  int run_chores() { return chores_->run_once(); }

  std::chrono::sys_seconds now() const { return base_ + std::chrono::seconds(offset_.load()); }
  void advance(std::chrono::seconds s) { offset_ += s.count(); }

  // Creates an account directly through the use case (as the CLI does).
  accounts::User add_user(const std::string& email, const std::string& name, const std::string& password,
                          bool animateur = false) {
    auto c = db_->acquire();
    accounts::SignUpInput in;
    in.email = email;
    in.name = name;
    in.password = password;
    in.password_confirmation = password;
    in.role = animateur ? accounts::Role::animateur : accounts::Role::member;
    auto r = accounts::sign_up(*c, in, now());
    if (!r.user) throw std::runtime_error("could not create test user " + email);
    return *r.user;
  }

 private:
  TestDatabase database_{TestDatabase::Schema::migrated};  // first: destroyed last, after every connection is closed
  config::Options options_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<http::App> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  std::unique_ptr<mail::Sender> sender_;
  std::unique_ptr<chores::Chores> chores_;
  std::chrono::sys_seconds base_ = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::atomic<long> offset_{0};
};

// A form as a test sends it: its fields in order, a name possibly repeated (ticked boxes).
using Fields = std::vector<std::pair<std::string, std::string>>;

// `f` with its first field `name` set to `value`, or the field added when it has none.
inline Fields with(Fields f, const std::string& name, const std::string& value) {
  for (auto& [k, v] : f)
    if (k == name) {
      v = value;
      return f;
    }
  f.emplace_back(name, value);
  return f;
}

// `f` without any field `name`.
inline Fields without(const Fields& f, const std::string& name) {
  Fields out;
  for (const auto& kv : f)
    if (kv.first != name) out.push_back(kv);
  return out;
}

// Percent-encodes a form value.
inline std::string form_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// A visitor with a cookie jar.
// One file of a multipart form: field name, file name, declared type and bytes.
struct FilePart {
  std::string field, filename, content_type, bytes;
};
// The Content-Type of what multipart_body() writes.
inline constexpr std::string_view kMultipartType =
    "multipart/form-data; boundary=----fabriqueTestBoundary7MA4YWxkTrZu0gW";
// A multipart/form-data body, as a browser writes a form with a file input: the fields, then the files.
inline std::string multipart_body(const std::vector<std::pair<std::string, std::string>>& fields,
                                  const std::vector<FilePart>& files) {
  const std::string boundary = "----fabriqueTestBoundary7MA4YWxkTrZu0gW";
  std::string body;
  auto part = [&](const std::string& disposition, const std::string& type, const std::string& content) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n";
    if (!type.empty()) body += "Content-Type: " + type + "\r\n";
    body += "\r\n" + content + "\r\n";
  };
  for (const auto& [k, v] : fields) part("name=\"" + k + "\"", "", v);
  for (const auto& f : files)
    part("name=\"" + f.field + "\"; filename=\"" + f.filename + "\"",
         f.content_type.empty() ? "application/octet-stream" : f.content_type, f.bytes);
  body += "--" + boundary + "--\r\n";
  return body;
}

class Browser {
 public:
  explicit Browser(Site& site) : site_(site) {}

  // Every later request says it comes from `address` (X-Forwarded-For), as a trusted proxy would.
  void forwarded_for(const std::string& address) { forwarded_for_ = address; }

  HttpResponse get(const std::string& target, Headers extra = {}) {
    extra.emplace_back("Cookie", cookie_header());
    add_forwarded_for(extra);
    auto r = request(site_.port(), "GET", target, extra);
    remember(r);
    if (auto token = csrf_in(r.body); !token.empty()) csrf_ = token;
    return r;
  }

  // Posts `fields` (name, value) to `target` with the CSRF token of the last page seen.
  HttpResponse post(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields,
                    bool with_csrf = true) {
    std::string body = with_csrf ? "csrf=" + form_encode(csrf_) : "";
    for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + form_encode(k) + "=" + form_encode(v);
    Headers h{{"Cookie", cookie_header()}, {"Content-Type", "application/x-www-form-urlencoded"}};
    add_forwarded_for(h);
    auto r = request(site_.port(), "POST", target, h, body);
    remember(r);
    if (auto token = csrf_in(r.body); !token.empty()) csrf_ = token;
    return r;
  }

  using FilePart = test::FilePart;
  // Posts a multipart/form-data form (text fields and files), as a browser does for a form with a
  // file input, with the CSRF token of the last page seen.
  HttpResponse post_multipart(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                              const std::vector<FilePart>& files, bool with_csrf = true) {
    if (with_csrf) fields.insert(fields.begin(), {"csrf", csrf_});
    const std::string body = multipart_body(fields, files);
    Headers h{{"Cookie", cookie_header()}, {"Content-Type", std::string(kMultipartType)}};
    add_forwarded_for(h);
    auto r = request(site_.port(), "POST", target, h, body);
    remember(r);
    if (auto token = csrf_in(r.body); !token.empty()) csrf_ = token;
    return r;
  }

  // Signs in through the real form; returns the response of the POST.
  HttpResponse sign_in(const std::string& email, const std::string& password) {
    get("/connexion");
    return post("/connexion", {{"email", email}, {"password", password}});
  }

  std::string cookie(const std::string& name) const {
    for (const auto& [k, v] : jar_)
      if (k == name) return v;
    return {};
  }
  void set_cookie(const std::string& name, const std::string& value) { jar_[name] = value; }
  const std::string& csrf() const { return csrf_; }

 private:
  void add_forwarded_for(Headers& h) const {
    if (!forwarded_for_.empty()) h.emplace_back("X-Forwarded-For", forwarded_for_);
  }
  static std::string csrf_in(const std::string& body) {
    static const std::regex kCsrf(R"re(name="csrf" value="([^"]+)")re");
    std::smatch m;
    return std::regex_search(body, m, kCsrf) ? m[1].str() : std::string();
  }
  std::string cookie_header() const {
    std::string out;
    for (const auto& [k, v] : jar_) out += (out.empty() ? "" : "; ") + k + "=" + v;
    return out;
  }
  void remember(const HttpResponse& r) {
    for (const auto& c : r.header_values("set-cookie")) {
      auto eq = c.find('=');
      auto semi = c.find(';');
      std::string name = c.substr(0, eq);
      std::string value = c.substr(eq + 1, semi - eq - 1);
      if (c.find("Max-Age=0") != std::string::npos)
        jar_.erase(name);
      else
        jar_[name] = value;
    }
  }

  Site& site_;
  std::map<std::string, std::string> jar_;
  std::string csrf_;
  std::string forwarded_for_;
};

// Whether an index of `table` (its primary key's or a unique one's included) starts with `column`, read
// from SQLite's catalogue.
inline bool leads_an_index(storage::Connection& c, const std::string& table, const std::string& column) {
  for (const auto& index : c.query("SELECT name FROM pragma_index_list(?)", {table}))
    for (const auto& first : c.query("SELECT name FROM pragma_index_info(?) WHERE seqno = 0", {index.text(0)}))
      if (first.text(0) == column) return true;
  return false;
}

// How many times `text` occurs in `body` (a page's rows, its options).
inline std::size_t count_of(const std::string& body, const std::string& text) {
  std::size_t n = 0;
  for (auto at = body.find(text); at != std::string::npos; at = body.find(text, at + text.size())) ++n;
  return n;
}

}  // namespace fabrique::test
