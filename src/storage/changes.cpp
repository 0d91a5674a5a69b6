// Which tables statements read and write, and the stamps of the last change of each table.
#include "storage/changes.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "storage/database.hpp"
#include "storage/settings.hpp"

namespace fabrique::storage {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

// The words of a statement in order, lower-cased: identifiers (quoted or not) and keywords. String
// literals, comments, numbers and punctuation are left out.
std::vector<std::string> words_of(std::string_view sql) {
  std::vector<std::string> words;
  std::size_t i = 0;
  auto ident = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'') {  // 'it''s': a doubled quote stays inside the literal
      for (++i; i < sql.size(); ++i) {
        if (sql[i] == '\'') {
          if (i + 1 < sql.size() && sql[i + 1] == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
      ++i;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '"') {
      const std::size_t end = std::min(sql.find('"', i + 1), sql.size());
      words.push_back(lower(sql.substr(i + 1, end - i - 1)));
      i = end + 1;
    } else if (ident(c) && !(c >= '0' && c <= '9')) {
      const std::size_t start = i;
      while (i < sql.size() && ident(sql[i])) ++i;
      words.push_back(lower(sql.substr(start, i - start)));
    } else if (c >= '0' && c <= '9') {
      while (i < sql.size() && ident(sql[i])) ++i;
    } else {
      ++i;
    }
  }
  return words;
}

Tables every_table() { return Tables().set(); }

}  // namespace

Reads& Reads::operator|=(const Reads& other) {
  tables |= other.tables;
  by_rows |= other.by_rows;
  rows.insert(rows.end(), other.rows.begin(), other.rows.end());
  return *this;
}

void Reads::normalize() {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  for (auto from = rows.begin(); from != rows.end();) {
    const std::uint32_t table = from->table;
    auto to = std::find_if(from, rows.end(), [&](const RowKey& k) { return k.table != table; });
    if (static_cast<std::size_t>(to - from) > kMaxRowsPerTable) {
      tables.set(table);
      from = rows.erase(from, to);
    } else {
      from = to;
    }
  }
  std::erase_if(rows, [&](const RowKey& k) { return tables.test(k.table); });  // read whole anyway
  by_rows &= ~tables;
}

Writes& Writes::operator|=(const Writes& other) {
  tables |= other.tables;
  whole |= other.whole;
  rows.insert(rows.end(), other.rows.begin(), other.rows.end());
  return *this;
}

std::int64_t RowStamps::at(const RowKey& k) const {
  std::shared_lock lock(mutex_);
  auto it = stamps_.find(k);
  return it == stamps_.end() ? 0 : it->second;
}

void RowStamps::raise(const RowKey& k, std::int64_t version) {
  std::unique_lock lock(mutex_);
  auto& v = stamps_[k];
  v = std::max(v, version);
}

bool Snapshot::unchanged_since(const Tables& tables, std::int64_t at) const {
  if (everything_at > at) return false;
  for (std::size_t i = tables._Find_first(); i < kMaxTables; i = tables._Find_next(i)) {
    if (i < changed_at.size() && changed_at[i] > at) return false;
    if (i < rows_changed_at.size() && rows_changed_at[i] > at) return false;
  }
  return true;
}

bool Snapshot::unchanged_since(const Reads& read, std::int64_t at) const {
  if (!unchanged_since(read.tables, at)) return false;
  for (std::size_t i = read.by_rows._Find_first(); i < kMaxTables; i = read.by_rows._Find_next(i))
    if (i < changed_at.size() && changed_at[i] > at) return false;
  for (const RowKey& k : read.rows)
    if (rows == nullptr || rows->at(k) > at) return false;
  return true;
}

void Changes::learn(Connection& c) {
  std::vector<std::string> tables;
  std::vector<std::array<std::string, 3>> keys;  // child, parent, what deleting the parent does to the child
  if (c.engine() == Engine::sqlite) {
    for (const Row& r : c.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
      tables.push_back(r.text(0));
    for (const Row& r : c.query("SELECT m.name, f.\"table\", f.on_delete FROM sqlite_master m "
                                "JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'"))
      keys.push_back({r.text(0), r.text(1), r.text(2)});
  } else {
    for (const Row& r : c.query("SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = current_schema() ORDER BY table_name"))
      tables.push_back(r.text(0));
    // confdeltype: a no action, r restrict, c cascade, n set null, d set default.
    for (const Row& r : c.query("SELECT c.relname, p.relname, CAST(k.confdeltype AS TEXT) FROM pg_constraint k "
                                "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid "
                                "WHERE k.contype = 'f' AND k.connamespace = "
                                "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"))
      keys.push_back({r.text(0), r.text(1),
                      r.text(2) == "c"   ? "CASCADE"
                      : r.text(2) == "n" ? "SET NULL"
                      : r.text(2) == "d" ? "SET DEFAULT"
                                         : "NO ACTION"});
  }
  std::unique_lock lock(mutex_);
  tables_.clear();
  index_.clear();
  for (const std::string& t : tables) {
    index_.emplace(lower(t), std::min(tables_.size(), kMaxTables - 1));
    tables_.push_back(lower(t));
  }
  cascades_.assign(std::min(tables_.size(), kMaxTables), {});
  for (const auto& [child, parent, action] : keys) {
    if (action != "CASCADE" && action != "SET NULL" && action != "SET DEFAULT") continue;
    auto p = index_.find(lower(parent));
    auto ch = index_.find(lower(child));
    if (p != index_.end() && ch != index_.end()) cascades_[p->second].push_back(ch->second);
  }
  statements_.clear();
  learned_ = true;
  ++generation_;
}

bool Changes::learned() const {
  std::shared_lock lock(mutex_);
  return learned_;
}

std::string Changes::name_of(std::size_t index) const {
  std::shared_lock lock(mutex_);
  return index < tables_.size() ? tables_[index] : std::string("*");
}

namespace {
const KeyedTable* keyed_table(std::string_view table) {
  for (const KeyedTable& k : kKeyedTables)
    if (k.table == table) return &k;
  return nullptr;
}

// The stamp of rows by key: "registrations#42" by the table's first key, "table#column=42" by another.
std::string row_stamp(const std::string& table, const RowKey& k) {
  const KeyedTable* keyed = keyed_table(table);
  std::string out = table + "#";
  if (k.column != 0 && keyed != nullptr && k.column < keyed->keys.size())
    out += std::string(keyed->keys[k.column]) + "=";
  return out + std::to_string(k.id);
}

std::optional<RowKey> row_key(const std::string& stamp, std::size_t hash, std::size_t table) {
  const KeyedTable* keyed = keyed_table(std::string_view(stamp).substr(0, hash));
  if (keyed == nullptr) return std::nullopt;
  std::string_view rest = std::string_view(stamp).substr(hash + 1);
  RowKey k{static_cast<std::uint32_t>(table), 0, 0};
  if (const std::size_t equals = rest.find('='); equals != std::string_view::npos) {
    const int column = keyed->key_index(rest.substr(0, equals));
    if (column <= 0) return std::nullopt;
    k.column = static_cast<std::uint32_t>(column);
    rest.remove_prefix(equals + 1);
  }
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), k.id);
  if (error != std::errc() || end != rest.data() + rest.size()) return std::nullopt;
  return k;
}
}  // namespace

std::optional<std::size_t> Changes::keyed_index(std::string_view table, std::string_view column) const {
  const KeyedTable* keyed = keyed_table(table);
  if (keyed == nullptr)
    throw std::logic_error("storage::Rows of a table whose changes do not name rows: " + std::string(table));
  if (keyed->key_index(column) < 0)
    throw std::logic_error("storage::Rows by a column that is not a key of " + std::string(table));
  std::shared_lock lock(mutex_);
  if (!learned_) return std::nullopt;
  const std::size_t t = index_of(table);
  if (t == kMaxTables || t == kMaxTables - 1) return std::nullopt;  // the last index is shared
  return t;
}

std::size_t Changes::index_of(std::string_view name) const {
  auto it = index_.find(name);
  return it == index_.end() ? kMaxTables : it->second;
}

StatementTables Changes::parse(std::string_view sql) const {
  StatementTables out;
  const std::vector<std::string> words = words_of(sql);
  std::vector<std::size_t> deleted;
  bool replaces = false;
  auto target = [&](std::size_t at, bool deletes) {
    if (at >= words.size()) return;
    const std::size_t t = index_of(words[at]);
    if (t == kMaxTables) return;
    out.writes.set(t);
    if (deletes) deleted.push_back(t);
  };
  std::vector<std::size_t> inserted;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (std::size_t t = index_of(w); t != kMaxTables) out.reads.set(t);
    if (w == "replace") replaces = true;
    if (w == "into") {
      target(i + 1, false);
      inserted.push_back(i + 1);
    } else if (w == "update" && (i == 0 || words[i - 1] != "do")) {  // not ON CONFLICT ... DO UPDATE
      std::size_t at = i + 1;
      if (at < words.size() && words[at] == "or") at += 2;  // UPDATE OR REPLACE t
      target(at, false);
      inserted.push_back(at);
    } else if (w == "delete" && i + 1 < words.size() && words[i + 1] == "from") {
      target(i + 2, true);
    }
  }
  // A REPLACE deletes the rows it replaces, with what their ON DELETE actions do.
  if (replaces)
    for (std::size_t at : inserted)
      if (at < words.size())
        if (std::size_t t = index_of(words[at]); t != kMaxTables) deleted.push_back(t);
  while (!deleted.empty()) {
    const std::size_t t = deleted.back();
    deleted.pop_back();
    if (t >= cascades_.size()) continue;
    for (std::size_t child : cascades_[t]) {
      if (out.writes.test(child)) continue;
      out.writes.set(child);
      deleted.push_back(child);
    }
  }
  return out;
}

StatementTables Changes::tables_of(std::string_view sql) {
  {
    std::shared_lock lock(mutex_);
    if (!learned_) return {every_table(), every_table()};
    if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
  }
  std::unique_lock lock(mutex_);
  StatementTables found = parse(sql);
  // Statements built with IN lists of any length are many: keep the memory bounded.
  if (statements_.size() >= 8192) statements_.clear();
  statements_.emplace(std::string(sql), found);
  return found;
}

std::vector<std::string> Changes::names(const Tables& tables) const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tables_.size(); ++i)
    if (tables.test(std::min(i, kMaxTables - 1))) out.push_back(tables_[i]);
  return out;
}

std::shared_ptr<const Snapshot> Changes::snapshot(Connection& c) {
  const std::int64_t version = settings::data_version(c);
  bool learned;
  std::uint64_t generation;
  {
    std::shared_lock lock(mutex_);
    learned = learned_;
    generation = generation_;
  }
  std::shared_ptr<const Snapshot> base;
  {
    std::lock_guard lock(snapshot_mutex_);
    // A newer snapshot than the version just read is as good: it was read before what follows. One
    // made with other table indexes (before learn()) is not.
    if (snapshot_ && snapshot_->version >= version && snapshot_->generation == generation) return snapshot_;
    base = snapshot_;
  }
  // Only the stamps newer than the last snapshot: they only move forward, and a change's stamps are
  // written in the transaction that moves the version, so the version and the stamps that go with it
  // come in one statement, consistent on either engine.
  if (base && base->generation != generation) base = nullptr;
  auto fresh = base ? std::make_shared<Snapshot>(*base) : std::make_shared<Snapshot>();
  fresh->generation = generation;
  // The row stamps are shared along a chain of snapshots, each complete through its own version.
  if (!base) fresh->rows = std::make_shared<RowStamps>();
  RowStamps& rows = *fresh->rows;
  bool first = true;
  for (const Row& r : c.query("SELECT d.version, t.name, t.version FROM data_version d "
                              "LEFT JOIN table_changes t ON t.version > ? WHERE d.id = 1",
                              {base ? base->version : std::int64_t(-1)})) {
    if (first) fresh->version = r.integer(0);
    first = false;
    if (r.is_null(1)) continue;
    const std::string name = r.text(1);
    const std::int64_t at = r.integer(2);
    if (name == "*") {
      fresh->everything_at = std::max(fresh->everything_at, at);
      continue;
    }
    if (!learned) continue;
    const std::size_t hash = name.find('#');
    std::size_t t;
    {
      std::shared_lock lock(mutex_);
      t = index_of(std::string_view(name).substr(0, hash));
    }
    if (t == kMaxTables) continue;
    auto& whole = hash == std::string::npos ? fresh->changed_at : fresh->rows_changed_at;
    if (whole.size() <= t) whole.resize(t + 1, 0);
    whole[t] = std::max(whole[t], at);
    if (hash != std::string::npos) {
      if (auto key = row_key(name, hash, t)) {
        rows.raise(*key, at);
      } else {
        fresh->changed_at.resize(std::max(fresh->changed_at.size(), t + 1), 0);
        fresh->changed_at[t] = std::max(fresh->changed_at[t], at);  // a key it cannot read: the whole table
      }
    }
  }
  if (!learned) fresh->everything_at = fresh->version;  // nothing can be told apart yet
  std::lock_guard lock(snapshot_mutex_);
  if (!snapshot_ || snapshot_->version < fresh->version || snapshot_->generation != fresh->generation)
    snapshot_ = fresh;
  return fresh;
}

std::optional<std::int64_t> Changes::version_at(const CommitMark& mark) const {
  std::lock_guard lock(version_mutex_);
  if (version_mark_ && *version_mark_ == mark) return marked_version_;
  return std::nullopt;
}

void Changes::remember_version(const CommitMark& mark, std::int64_t version) {
  std::lock_guard lock(version_mutex_);
  version_mark_ = mark;
  marked_version_ = version;
}

namespace {

// What the change made on `c` stamps: the tables it wrote whole and the rows it named, or '*'.
std::vector<std::string> stamp_names(Connection& c) {
  if (c.changes == nullptr || !c.changes->learned() || c.writes.tables.all()) return {"*"};
  std::vector<std::string> names = c.changes->names(c.writes.whole);
  std::sort(c.writes.rows.begin(), c.writes.rows.end());
  c.writes.rows.erase(std::unique(c.writes.rows.begin(), c.writes.rows.end()), c.writes.rows.end());
  for (const RowKey& k : c.writes.rows)
    if (!c.writes.whole.test(k.table)) names.push_back(row_stamp(c.changes->name_of(k.table), k));
  return names;
}

// Moves the data version on and stamps `names` with it, in the write transaction open on `c`.
void write_stamps(Connection& c, const std::vector<std::string>& names) {
  const std::int64_t version =
      c.query_integer("UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version");
  // In slices: a change may name many rows (a programme's registrations cancelled with an event).
  for (std::size_t from = 0; from < names.size(); from += 200) {
    const std::size_t to = std::min(names.size(), from + 200);
    std::string sql = "INSERT INTO table_changes (name, version) VALUES ";
    Params params;
    for (std::size_t i = from; i < to; ++i) {
      sql += i == from ? "(?, ?)" : ", (?, ?)";
      params.emplace_back(names[i]);
      params.emplace_back(version);
    }
    sql += " ON CONFLICT (name) DO UPDATE SET version = excluded.version";
    c.execute(sql, params);
  }
}

}  // namespace

void record_changes(Connection& c) {
  if (c.writes.none()) return;
  const auto names = stamp_names(c);
  Transaction tx(c, true);
  write_stamps(c, names);
  c.writes.reset();  // stamped: its commit has nothing more to stamp
  tx.commit();
}

bool stamp_before_commit(Connection& c) {
  if (!c.stamp_at_commit || c.writes.none() || c.changes == nullptr || !c.changes->learned()) return false;
  // A Rows around the commit may still be given keys: its rows are stamped by record_changes() after.
  if (c.rows_pending()) return false;
  write_stamps(c, stamp_names(c));
  return true;
}

StatementTables Connection::note(std::string_view sql) {
  StatementTables t = changes ? changes->tables_of(sql) : StatementTables{Tables().set(), Tables().set()};
  Tables read = t.reads;
  for (Rows* r = rows; r != nullptr; r = r->outer_)
    if (r->table_ && read.test(*r->table_)) {
      r->read_ = true;
      read.reset(*r->table_);
      reads.by_rows.set(*r->table_);
    }
  reads.tables |= read;
  return t;
}

bool Connection::rows_pending() const {
  for (const Rows* r = rows; r != nullptr; r = r->outer_)
    if (r->wrote_) return true;
  return false;
}

void Connection::wrote(const StatementTables& t, std::int64_t changed_rows) {
  if (changed_rows == 0) return;
  changed = true;
  known_version.reset();
  Tables whole = t.writes;
  // Named by its rows only when every key of its table is named.
  for (Rows* r = rows; r != nullptr; r = r->outer_) {
    if (!r->table_ || !t.writes.test(*r->table_)) continue;
    r->wrote_ = true;
    std::uint32_t named = 0;
    for (Rows* s = rows; s != nullptr; s = s->outer_)
      if (s->table_ == r->table_) named |= 1u << s->column_;
    if (named == (1u << r->keys_) - 1) whole.reset(*r->table_);
  }
  writes.tables |= t.writes;
  writes.whole |= whole;
}

std::vector<Row> query_keyed(Connection& c, std::string_view table, std::initializer_list<std::size_t> key_columns,
                             std::string_view sql, const Params& params) {
  Rows rows(c, table);
  std::vector<Row> out = c.query(sql, params);
  for (const Row& r : out)
    for (std::size_t column : key_columns)
      if (!r.is_null(column)) rows.add(r.integer(column));
  return out;
}

std::vector<Row> query_identity(Connection& c, std::string_view table, std::string_view sql, const Params& params) {
  Rows none(c, table);
  return c.query(sql, params);
}

Rows::Rows(Connection& c, std::string_view table, std::string_view column)
    : c_(c), table_(c.changes ? c.changes->keyed_index(table, column) : std::nullopt), outer_(c.rows) {
  if (const KeyedTable* keyed = keyed_table(table)) {
    column_ = static_cast<std::uint32_t>(std::max(0, keyed->key_index(column)));
    keys_ = keyed->key_count();
  }
  c_.rows = this;
}

Rows::~Rows() {
  c_.rows = outer_;
  if (!table_) return;
  const auto t = static_cast<std::uint32_t>(*table_);
  if (read_)
    for (std::int64_t id : ids_) c_.reads.rows.push_back({t, column_, id});
  if (wrote_) {
    if (!named_) c_.writes.whole.set(t);
    for (std::int64_t id : ids_) c_.writes.rows.push_back({t, column_, id});
  }
}

void record_change_of_everything(Connection& c) {
  write_stamps(c, {"*"});
  c.writes.reset();  // '*' covers what the transaction wrote so far: its commit stamps nothing more
}

}  // namespace fabrique::storage
