// Search over everything the programme publishes: the API every module calls inside its own write
// transaction to keep the index current, and the ranked, French-aware query behind /recherche.
//
// A module indexes a thing with search::index(c, Document{…}) in the same transaction that writes
// it, and removes it with search::remove(c, type, ref) in the transaction that deletes it (or makes
// it unsearchable), so that a result is never stale and never points to something deleted. Words
// are normalised here, in C++ (lower case, accents folded, French stop words dropped, Snowball
// French stemmer), and the engine's own full-text index (see storage/dialect.hpp) only matches
// those normalised words: SQLite and PostgreSQL find the same documents.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/i18n.hpp"
#include "storage/database.hpp"
#include "views/html.hpp"

namespace fabrique::search {

// Who may see a document in results.
enum class Audience {
  everyone,   // the public
  signed_in,  // any signed-in person
  coalition,  // members and co-porteurs of coalition_id, and animateurs
  editors,    // owner_id, co-porteurs of coalition_id, and animateurs (drafts, proposals)
};

struct Document {
  std::string type;  // one of kTypes below (a module adds its line there)
  std::string ref;   // the thing's key within its type (an id or a slug), unique per type
  std::string title;
  std::string body;  // plain text or Markdown (markup is dropped); indexed whole, excerpts from its start
  std::string url;   // where the result leads
  Audience audience = Audience::everyone;
  std::optional<std::int64_t> owner_id;
  std::optional<std::int64_t> coalition_id;
  std::chrono::sys_seconds updated_at{};
  // Documents of one type sharing a group (the occurrences of an event series) are one result: the
  // one whose `occurs_at` comes next, else the latest, with the count of the others. Empty: none.
  std::string group;
  std::optional<std::chrono::sys_seconds> occurs_at;
  // Found by no one before this date (a post scheduled for later); empty: at once.
  std::optional<std::chrono::sys_seconds> visible_from;
};

// Adds or replaces the document (type, ref). Call inside the caller's write transaction.
void index(storage::Connection& c, const Document& d);
// Removes the document (type, ref) if it is indexed. Call inside the caller's write transaction.
void remove(storage::Connection& c, std::string_view type, std::string_view ref);

// Empties the index and indexes again everything every module indexes, in one transaction
// (reindex.cpp; `fabrique search reindex`). Returns the number of documents indexed.
std::int64_t reindex(storage::Connection& c, std::chrono::sys_seconds now);

// The types of documents and their labels (English msgids), in the order of the facets.
struct TypeDef {
  const char* type;
  const char* label;
};
inline constexpr TypeDef kTypes[] = {
    {"booklet", i18n::N_("Coalition booklets")},  {"event", i18n::N_("Events")},
    {"minutes", i18n::N_("Meeting minutes")},     {"action", i18n::N_("Actions")},
    {"resource", i18n::N_("Resources")},          {"charter", i18n::N_("Charter")},
    {"card", i18n::N_("Boussole cards")},         {"organisation", i18n::N_("Organisations")},
    {"algorithm", i18n::N_("Public algorithms")}, {"dataset", i18n::N_("Environmental data")},
    {"decision", i18n::N_("Decisions")},          {"post", i18n::N_("Journal posts")},
};
const TypeDef* type(std::string_view name);  // nullptr when unknown

// Who is searching.
struct Viewer {
  std::optional<std::int64_t> user_id;
  bool animateur = false;
  std::chrono::sys_seconds now{};  // documents visible from a later date are not found
};

inline constexpr std::size_t kMaxQueryBytes = 200;
inline constexpr std::size_t kMaxQueryWords = 8;
inline constexpr std::int64_t kPerPage = 20;
// Ranking a word found in most of the index would cost the time of scoring every document: a query
// matching more than this many documents is ranked among its kMaxRanked newest matches only, and its
// counts are shown as lower bounds ("1000+"). Below it, ranking and counts are exact.
inline constexpr std::int64_t kMaxRanked = 1000;

struct Query {
  std::string text;  // as typed: anything at all
  std::string type;  // restrict to one type, or empty
  std::int64_t page = 1;
  std::chrono::sys_seconds now{};  // what "next" means for a group's occurrences
};

struct Hit {
  std::string type;
  std::string ref;
  std::string title;
  std::string url;
  html::Html title_html;                              // the title with matched words marked
  html::Html excerpt;                                 // an excerpt around the first matched word, matched words marked
  std::optional<std::chrono::sys_seconds> occurs_at;  // when it happens (a group's next occurrence)
  std::int64_t others = 0;                            // the other occurrences of its group found
};

struct Results {
  std::vector<std::string> words;                            // the normalised words searched (empty: nothing to search)
  std::vector<std::pair<std::string, std::int64_t>> facets;  // type → count, in kTypes order
  std::int64_t total = 0;                                    // results across every type (a group counts once)
  std::int64_t matching = 0;                                 // in the selected type (or all)
  std::int64_t page = 1, pages = 1;
  bool capped = false;  // more than kMaxRanked matches: counts are lower bounds
  std::vector<Hit> hits;
};

// Ranked results the viewer may see. Any text is accepted: only its words are searched.
Results find(storage::Connection& c, const Viewer& viewer, const Query& q);

// --- Normalisation (normalise.cpp), shared by indexing, querying and highlighting.

// The words of `text` as byte ranges [first, second) of `text`: runs of letters and digits.
std::vector<std::pair<std::size_t, std::size_t>> words(std::string_view text);
// The indexed form of one word: folded and stemmed; empty for a stop word or a lone letter.
std::string term(std::string_view word);
// Every indexed form of `text`, space-separated.
std::string terms(std::string_view text);
// The normalised words of a query typed by a person (at most kMaxQueryWords, from its first
// kMaxQueryBytes), and whether the last one is to be matched as a prefix (it was still being typed:
// the text does not end with a space).
std::vector<std::string> query_words(std::string_view typed, bool& last_is_prefix);
// `text` (at most `max_chars` characters around the first match) escaped, each word whose term
// matches one of `words` (the last as a prefix when `last_is_prefix`) wrapped in <mark>. With
// `from_start` (a title) it starts at its first word whatever the match: a title is never cut
// from its start.
html::Html highlight(std::string_view text, const std::vector<std::string>& words, bool last_is_prefix,
                     std::size_t max_chars, bool from_start = false);

}  // namespace fabrique::search
