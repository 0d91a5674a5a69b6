// fabrique_bm25(): FTS5's own bm25 ranking, except that each phrase's document count (its IDF) is
// given by the caller instead of counted by reading the phrase's whole list of documents.
//
// FTS5's bm25() counts, once per query, every document each phrase matches (xQueryPhrase over the
// whole index): for a word found in most documents that is megabytes read for every search, even
// when only a thousand rows are ranked. The search module knows those counts cheaply (exact below
// its ranking cap, estimated from the density of the newest matches above it), and passes them:
//   fabrique_bm25(search_fts, weight_title, weight_body, documents_phrase_1, …, documents_phrase_n)
// The formula is FTS5's (k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)), at least 1e-6).
#include <sqlite3.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "storage/sqlite/sqlite_database.hpp"

namespace fabrique::storage::sqlite {
namespace {

constexpr int kColumns = 2;  // search_fts (title, body): the weights come first among the arguments

struct Idf {
  double avgdl = 0;
  std::vector<double> idf;
};

void bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_args, sqlite3_value** args) {
  const int phrases = api->xPhraseCount(fts);
  if (n_args != kColumns + phrases) {
    sqlite3_result_error(ctx, "fabrique_bm25: two weights and one document count per phrase expected", -1);
    return;
  }
  auto* data = static_cast<Idf*>(api->xGetAuxdata(fts, 0));
  if (!data) {  // once per query: the averages are kept by FTS5 in one record
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    data = new Idf;
    data->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
    for (int i = 0; i < phrases; ++i) {
      const double hits = sqlite3_value_double(args[kColumns + i]);
      double idf = std::log((static_cast<double>(rows) - hits + 0.5) / (hits + 0.5));
      data->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
    }
    if (api->xSetAuxdata(fts, data, [](void* p) { delete static_cast<Idf*>(p); }) != SQLITE_OK) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  constexpr double k1 = 1.2, b = 0.75;
  std::vector<double> freq(phrases, 0.0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) freq[phrase] += column < kColumns ? sqlite3_value_double(args[column]) : 1.0;
  }
  int length = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0;
  for (int i = 0; i < phrases; ++i)
    score += data->idf[i] * (freq[i] * (k1 + 1.0)) / (freq[i] + k1 * (1 - b + b * length / data->avgdl));
  sqlite3_result_double(ctx, -score);  // like bm25(): the better, the lower
}

}  // namespace

void register_fts_rank(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  if (!api || api->xCreateFunction(api, "fabrique_bm25", nullptr, bm25, nullptr) != SQLITE_OK)
    throw StorageError("SQLite: cannot register fabrique_bm25 (is FTS5 compiled in?)");
}

}  // namespace fabrique::storage::sqlite
