// Reuses of the register's datasets (REGISTERS.md, part B): what someone made with one or more
// datasets, of which kind, why and for whom, and the producers' public answers.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fabrique::datasets {

// A code stored in the database and the English msgid shown for it.
struct Code {
  std::string_view code;
  const char* label;
};
// The kinds of reuse, why people reuse data, and for whom.
extern const std::vector<Code> kReuseKinds;
extern const std::vector<Code> kReusePurposes;
extern const std::vector<Code> kReuseAudiences;
// The msgid of `code` in `codes`, or nullptr when unknown.
const char* label_of(const std::vector<Code>& codes, std::string_view code);

// A dataset a reuse uses, as its pages name it.
struct UsedDataset {
  std::int64_t id = 0;
  std::string slug, title;
  std::int64_t producer_id = 0;
  std::string producer_slug, producer_name;
};

// A producing organisation's answer to a reuse.
struct ReuseAnswer {
  std::int64_t organisation_id = 0;
  std::string organisation_slug, organisation_name;
  std::string body;
  std::chrono::sys_seconds created_at{}, updated_at{};
};

struct Reuse {
  std::int64_t id = 0;
  std::string title, description;
  std::string kind;  // a code of kReuseKinds
  std::vector<std::string> purposes;
  std::string purpose_text;  // in the declarer's own words
  std::vector<std::string> audiences;
  std::string url;  // http(s), or empty
  std::int64_t author_id = 0;
  std::string author_name;            // empty unless they show their name
  std::vector<UsedDataset> datasets;  // filled by reads
  std::chrono::sys_seconds created_at{}, updated_at{};
};

inline constexpr std::size_t kMaxReuseDatasets = 50;
inline constexpr std::size_t kMaxAnswer = 3000;

}  // namespace fabrique::datasets
