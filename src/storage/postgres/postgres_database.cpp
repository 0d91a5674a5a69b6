// The PostgreSQL backend: libpq connections, translated and cached prepared statements, typed values, the pool and
// pg_dump backups.
#include "storage/postgres/postgres_database.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

#include "common/log.hpp"
#include "storage/dialect.hpp"

extern char** environ;

namespace fabrique::storage::postgres {
namespace {

// Type OIDs from PostgreSQL's catalogue (pg_type.dat); stable across versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;
constexpr Oid kUnknownOid = 0;  // let the server infer the type from the context

std::string trim_message(std::string_view m) {
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.remove_suffix(1);
  return std::string(m);
}

// SQLSTATEs after which the same work may succeed in a moment: connection exceptions (08), insufficient
// resources such as a full disk or too many connections (53), the server shutting down or starting
// (57P01-57P03), a lock not available (55P03), a serialization failure or deadlock (40001, 40P01).
bool is_unavailable(std::string_view sqlstate) {
  return sqlstate.starts_with("08") || sqlstate.starts_with("53") || sqlstate == "57P01" || sqlstate == "57P02" ||
         sqlstate == "57P03" || sqlstate == "55P03" || sqlstate == "40001" || sqlstate == "40P01";
}

// The parameter types a statement is prepared with, from the values' own types: integers as int8 so
// that `? = 1` and arithmetic work on 64-bit values, text as text so that `SELECT ?` or `? || x` need
// no cast. Only NULL, which has no type of its own, is left to the server to infer from the context
// (the column it is stored in or compared with).
Oid type_of(const Value& v) {
  switch (v.index()) {
    case 1:
      return kInt8Oid;
    case 2:
      return kFloat8Oid;
    case 3:
      return kTextOid;
    case 4:
      return kByteaOid;
    default:
      return kUnknownOid;
  }
}

// One character per parameter type in the statement cache's key: a statement prepared for an integer
// cannot be reused for a NULL or a text in the same position.
char signature_of(const Value& v) {
  switch (v.index()) {
    case 1:
      return 'i';
    case 2:
      return 'd';
    case 3:
      return 't';
    case 4:
      return 'b';
    default:
      return 'u';
  }
}

std::int64_t parse_integer(const char* p, int n) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(p, p + n, v);
  if (ec != std::errc() || end != p + n)
    throw StorageError("PostgreSQL: an integer column returned an unreadable value");
  return v;
}

double parse_real(const char* p, int n) {
  double v = 0;
  // from_chars, unlike strtod, ignores the process locale (a decimal comma would misread "1.5"),
  // and reads PostgreSQL's "Infinity" and "NaN" as well.
  const char* begin = p;
  const char* end = p + n;
  if (begin != end && *begin == '+') ++begin;
  const auto [stop, ec] = std::from_chars(begin, end, v);
  if (ec != std::errc() || stop != end) throw StorageError("PostgreSQL: a real column returned an unreadable value");
  return v;
}

Value read_value(const PGresult* r, int row, int col) {
  if (PQgetisnull(r, row, col)) return nullptr;
  const char* p = PQgetvalue(r, row, col);
  const int n = PQgetlength(r, row, col);
  switch (PQftype(r, col)) {
    case kInt8Oid:
    case kInt4Oid:
    case kInt2Oid:
    case kOidOid:
      return parse_integer(p, n);
    case kBoolOid:
      return std::int64_t{n > 0 && p[0] == 't' ? 1 : 0};
    case kFloat4Oid:
    case kFloat8Oid:
      return parse_real(p, n);
    case kNumericOid: {
      // SUM() and AVG() of bigint are numeric in PostgreSQL, integers (for SUM) in SQLite: a whole
      // value that fits comes back as an integer so that the same Row::integer() call works on both.
      std::int64_t whole = 0;
      const auto [end, ec] = std::from_chars(p, p + n, whole);
      if (ec == std::errc() && end == p + n) return whole;
      return parse_real(p, n);
    }
    case kByteaOid: {
      std::size_t length = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(p), &length);
      if (bytes == nullptr) throw StorageError("PostgreSQL: out of memory reading a bytea value");
      Blob blob{std::string(reinterpret_cast<const char*>(bytes), length)};
      PQfreemem(bytes);
      return blob;
    }
    default:
      return std::string(p, static_cast<std::size_t>(n));
  }
}

std::string format_real(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  return fmt::format("{}", v);  // shortest text that reads back to the same double
}

// A value for a libpq key=value connection string: quoted, with \ and ' escaped.
std::string conninfo_value(std::string_view v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

}  // namespace

// ---- PgConnection ----

void PgConnection::ResultDeleter::operator()(pg_result* r) const { PQclear(r); }

PgConnection::PgConnection(const std::string& conninfo) {
  conn_ = PQconnectdb(conninfo.c_str());
  if (conn_ == nullptr) throw StorageError("PostgreSQL: cannot connect: out of memory");
  if (PQstatus(conn_) != CONNECTION_OK) {
    // libpq's message names the host and port, never the password; the URL itself is not repeated.
    std::string message = trim_message(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw Unavailable(fmt::format("PostgreSQL: cannot connect: {}", message));
  }
  // Notices ("relation already exists, skipping") would go to stderr by default.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(conn_, "UTF8") != 0) {
    std::string message = trim_message(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw StorageError(fmt::format("PostgreSQL: cannot use UTF-8: {}", message));
  }
}

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);  // the server drops this session's prepared statements
}

PgConnection::Result PgConnection::check(pg_result* raw, std::string_view sql) {
  Result r(raw);
  // No result at all: the connection is gone (server restarting, network).
  if (!r) throw Unavailable(fmt::format("PostgreSQL: {}", trim_message(PQerrorMessage(conn_))));
  const ExecStatusType status = PQresultStatus(r.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
  const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
  const std::string sqlstate = state ? state : "";
  // The primary message only: DETAIL repeats the offending values ("Key (email_key)=(...) already
  // exists"), and those may be passwords, tokens or personal data.
  const char* primary = PQresultErrorField(r.get(), PG_DIAG_MESSAGE_PRIMARY);
  std::string message = primary ? primary : trim_message(PQresultErrorMessage(r.get()));
  // Class 22 (data exception) messages quote the refused value itself ("invalid input syntax for
  // type bigint: \"...\""): keep the SQLSTATE only.
  if (sqlstate.starts_with("22")) message = "a value was refused by its column type";
  if (message.empty()) message = trim_message(PQerrorMessage(conn_));
  std::string text = fmt::format("PostgreSQL: {}{} (in: {})", message,
                                 sqlstate.empty() ? "" : fmt::format(" [SQLSTATE {}]", sqlstate), sql_excerpt(sql));
  // Class 23 is "integrity constraint violation": unique, foreign key, not null and check, as
  // SQLite's SQLITE_CONSTRAINT.
  if (sqlstate.starts_with("23")) throw ConstraintError(text);
  if (is_unavailable(sqlstate) || PQstatus(conn_) == CONNECTION_BAD) throw Unavailable(text);
  throw StorageError(text);
}

const PgConnection::CachedStatement& PgConnection::prepare(std::string_view sql, const Params& params) {
  std::string key(sql);
  key += '\0';
  for (const Value& v : params) key += signature_of(v);
  if (auto found = statements_.find(key); found != statements_.end()) {
    lru_.splice(lru_.begin(), lru_, found->second);
    return *found->second;
  }
  std::size_t placeholders = 0;
  const std::string translated = dialect::to_postgresql(sql, &placeholders);
  if (placeholders != params.size()) {
    throw StorageError(fmt::format("PostgreSQL: the statement has {} placeholders but {} values were given (in: {})",
                                   placeholders, params.size(), sql_excerpt(sql)));
  }
  if (lru_.size() >= kStatementCacheSize) {
    CachedStatement& oldest = lru_.back();
    // Prepared statements are not transactional, so this works inside a transaction too; if it
    // fails (an aborted transaction), the statement merely stays on the server until disconnection.
    PQclear(PQexec(conn_, ("DEALLOCATE " + oldest.name).c_str()));
    statements_.erase(oldest.key);
    lru_.pop_back();
  }
  std::vector<Oid> types;
  types.reserve(params.size());
  for (const Value& v : params) types.push_back(type_of(v));
  std::string name = fmt::format("f{}", ++next_statement_);
  check(PQprepare(conn_, name.c_str(), translated.c_str(), static_cast<int>(params.size()), types.data()), sql);
  lru_.push_front(CachedStatement{std::move(key), std::move(name), placeholders});
  statements_.emplace(lru_.front().key, lru_.begin());
  return lru_.front();
}

PgConnection::Result PgConnection::run(std::string_view sql, const Params& params) {
  const CachedStatement& statement = prepare(sql, params);
  const std::size_t n = params.size();
  std::vector<std::string> texts(n);  // sized once: the pointers below must stay valid
  std::vector<const char*> values(n, nullptr);
  std::vector<int> lengths(n, 0);
  std::vector<int> formats(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    std::visit(storage::Overloaded{
                   [&](std::nullptr_t) {},
                   [&](std::int64_t v) {
                     texts[k] = std::to_string(v);
                     values[k] = texts[k].c_str();
                   },
                   [&](double v) {
                     texts[k] = format_real(v);
                     values[k] = texts[k].c_str();
                   },
                   [&](const std::string& v) {
                     // Text parameters travel NUL-terminated; PostgreSQL text cannot hold NUL anyway.
                     if (v.find('\0') != std::string::npos) {
                       throw StorageError(fmt::format("PostgreSQL: text value {} contains a NUL byte (in: {})", k + 1,
                                                      sql_excerpt(sql)));
                     }
                     values[k] = v.c_str();
                   },
                   [&](const Blob& v) {
                     // Binary format: bytea's binary form is the raw bytes, no escaping needed.
                     values[k] = v.bytes.data();
                     lengths[k] = static_cast<int>(v.bytes.size());
                     formats[k] = 1;
                   },
               },
               params[k]);
  }
  return check(PQexecPrepared(conn_, statement.name.c_str(), static_cast<int>(n), values.data(), lengths.data(),
                              formats.data(), 0),
               sql);
}

namespace {

// The rows an INSERT, UPDATE or DELETE changed (with or without RETURNING); 0 for anything else.
std::int64_t changed_rows(const PGresult* r) {
  const std::string_view status = PQcmdStatus(const_cast<PGresult*>(r));
  if (!status.starts_with("INSERT") && !status.starts_with("UPDATE") && !status.starts_with("DELETE") &&
      !status.starts_with("MERGE"))
    return 0;
  const char* tuples = PQcmdTuples(const_cast<PGresult*>(r));
  if (tuples == nullptr || *tuples == '\0') return 0;
  return parse_integer(tuples, static_cast<int>(std::strlen(tuples)));
}

}  // namespace

std::vector<Row> PgConnection::query(std::string_view sql, const Params& params) {
  const StatementTables tables = note(sql);
  Result r = run(sql, params);
  wrote(tables, changed_rows(r.get()));
  const int rows = PQntuples(r.get());
  const int columns = PQnfields(r.get());
  std::vector<Row> out;
  out.reserve(static_cast<std::size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int col = 0; col < columns; ++col) values.push_back(read_value(r.get(), row, col));
    out.emplace_back(std::move(values));
  }
  return out;
}

std::int64_t PgConnection::execute(std::string_view sql, const Params& params) {
  const StatementTables tables = note(sql);
  Result r = run(sql, params);
  wrote(tables, changed_rows(r.get()));
  // A SELECT reports its row count here; the interface counts changed rows, as SQLite does.
  if (std::string_view(PQcmdStatus(r.get())).starts_with("SELECT")) return 0;
  const char* tuples = PQcmdTuples(r.get());
  if (tuples == nullptr || *tuples == '\0') return 0;
  return parse_integer(tuples, static_cast<int>(std::strlen(tuples)));
}

void PgConnection::execute_script(std::string_view sql) {
  wrote(note(sql), 1);  // a script's rows are not counted: taken as changed
  // The simple query protocol runs every statement of the script in one round trip; without
  // parameters only the column types need translating.
  const std::string script = dialect::postgresql_types(sql);
  check(PQexec(conn_, script.c_str()), sql);
}

void PgConnection::begin(bool write) {
  // Plain BEGIN (READ COMMITTED) for readers and writers alike: PostgreSQL locks rows, not the
  // database, so there is no lock upgrade to deadlock on as in SQLite. See the class comment.
  check(PQexec(conn_, "BEGIN"), "BEGIN");
}

void PgConnection::commit() {
  Result r = check(PQexec(conn_, "COMMIT"), "COMMIT");
  // COMMIT of a transaction that an error aborted succeeds as a ROLLBACK: say so, or the caller
  // would believe its writes were saved.
  if (std::string_view(PQcmdStatus(r.get())) == "ROLLBACK") {
    throw StorageError("PostgreSQL: the transaction was aborted by an earlier error and has been rolled back");
  }
}

void PgConnection::rollback() {
  if (!in_transaction()) return;
  check(PQexec(conn_, "ROLLBACK"), "ROLLBACK");
}

bool PgConnection::in_transaction() const {
  const PGTransactionStatusType s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

bool PgConnection::healthy() const {
  return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_UNKNOWN;
}

std::string PgConnection::database_name() const { return PQdb(conn_); }

// ---- PgDatabase ----

PgDatabase::PgDatabase(std::string conninfo, int pool_size)
    : PooledDatabase(pool_size), conninfo_(std::move(conninfo)) {
  open_first();
}

std::unique_ptr<Connection> PgDatabase::open_connection() { return std::make_unique<PgConnection>(conninfo_); }

bool PgDatabase::make_reusable(Connection& c) noexcept {
  auto& connection = static_cast<PgConnection&>(c);
  if (connection.healthy() && connection.in_transaction()) {
    // A transaction left open would keep its locks and leak its writes into the next user's work.
    log::error("storage: connection returned with an open transaction, rolling back");
    try {
      connection.rollback();
    } catch (...) {
    }
  }
  // A connection the server dropped (restart, network) is closed; a new one is opened on demand.
  return connection.healthy() && !connection.in_transaction();
}

namespace {

// Runs one of PostgreSQL's client programs (pg_dump, pg_restore, psql) and waits for it. With
// `conninfo`, passes it as --dbname without its password, which travels in the environment instead:
// a command line is visible to every user of the machine (ps). Throws StorageError, prefixed with
// `what`, when the program cannot run or fails; it has written its own reason to stderr.
void run_client(std::string_view what, const std::string& program, std::vector<std::string> args,
                const std::string* conninfo) {
  std::string password;
  if (conninfo != nullptr) {
    char* parse_error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo->c_str(), &parse_error);
    if (options == nullptr) {
      std::string message = parse_error ? trim_message(parse_error) : "out of memory";
      PQfreemem(parse_error);
      throw StorageError(fmt::format("{}: cannot read the database URL: {}", what, message));
    }
    std::string dbname_arg;
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
      if (o->val == nullptr) continue;
      if (std::strcmp(o->keyword, "password") == 0) {
        password = o->val;
        continue;
      }
      if (!dbname_arg.empty()) dbname_arg += ' ';
      dbname_arg += fmt::format("{}={}", o->keyword, conninfo_value(o->val));
    }
    PQconninfoFree(options);
    args.push_back("--dbname=" + dbname_arg);
  }

  std::vector<std::string> env_strings;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    if (std::string_view(*e).starts_with("PGPASSWORD=")) continue;
    env_strings.emplace_back(*e);
  }
  if (!password.empty()) env_strings.push_back("PGPASSWORD=" + password);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  args.insert(args.begin(), program);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv.data(), envp.data());
  if (rc != 0) {
    throw StorageError(
        fmt::format("{}: cannot run {} ({}); install the PostgreSQL client tools", what, program, std::strerror(rc)));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      throw StorageError(fmt::format("{}: waiting for {} failed: {}", what, program, std::strerror(errno)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw StorageError(fmt::format(
        "{}: {} failed ({}); see its message above", what, program,
        WIFEXITED(status) ? fmt::format("exit status {}", WEXITSTATUS(status)) : std::string("killed by a signal")));
  }
}

}  // namespace

void PgDatabase::backup(const std::string& path) {
  create_backup_file(path);
  try {
    run_client("backup", "pg_dump", {"--format=custom", "--no-password", "--file=" + path}, &conninfo_);
  } catch (...) {
    // A partial dump must not be mistaken for a backup.
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    throw;
  }
}

void PgDatabase::restore(const std::string& path) {
  std::string pattern = (std::filesystem::temp_directory_path() / "fabrique-restore.XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw StorageError(fmt::format("restore: cannot create a temporary folder: {}", std::strerror(errno)));
  }
  const std::filesystem::path folder = pattern;
  auto remove_folder = [&] {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  };
  try {
    // 1. The archive as SQL. --clean --if-exists drops what the archive holds before creating it;
    //    no owners or privileges, so that it restores under whichever role the site uses.
    const std::string dump_sql = (folder / "dump.sql").string();
    run_client("restore", "pg_restore",
               {"--clean", "--if-exists", "--no-owner", "--no-privileges", "--file=" + dump_sql, path}, nullptr);
    // 2. One script, one transaction: drop every table of the schema (tables that later migrations
    //    added are not in the archive and must go too), then the archive.
    const std::string script = (folder / "restore.sql").string();
    {
      std::ofstream out(script, std::ios::binary);
      auto lease = acquire();
      for (const std::string& table : dialect::table_names(*lease))
        out << "DROP TABLE IF EXISTS " << dialect::quote_identifier(table) << " CASCADE;\n";
      std::ifstream in(dump_sql, std::ios::binary);
      out << in.rdbuf();
      if (!out) throw StorageError(fmt::format("restore: cannot write {}", script));
    }
    run_client("restore", "psql",
               {"--no-psqlrc", "--quiet", "--no-password", "--single-transaction", "--set=ON_ERROR_STOP=1",
                "--output=/dev/null", "--file=" + script},
               &conninfo_);
  } catch (...) {
    remove_folder();
    throw;
  }
  remove_folder();
}

std::unique_ptr<Database> open(const std::string& conninfo, int pool_size) {
  return std::make_unique<PgDatabase>(conninfo, pool_size);
}

}  // namespace fabrique::storage::postgres
