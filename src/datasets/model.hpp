// The register of environmental datasets: an entry with the fields of DCAT-AP 3.0 (REGISTERS.md,
// part B), its distributions, and the lists its fields choose from (licences, update frequencies).
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commons/model.hpp"

namespace fabrique::datasets {

// How many datasets, reuses or data requests a page of their lists shows.
inline constexpr std::int64_t kListPageSize = 20;

// One way to get the data (dcat:Distribution).
struct Distribution {
  std::string access_url;  // http(s)
  std::string format;      // CSV, GeoJSON, API…
  std::string media_type;  // text/csv…
  std::optional<std::int64_t> byte_size;
  bool operator==(const Distribution&) const = default;
};

struct Theme {
  std::string slug, label;
};

struct Dataset {
  std::int64_t id = 0;
  std::string slug;
  std::string title;
  std::string description;
  std::int64_t producer_id = 0;
  std::string producer_slug, producer_name;  // filled by reads
  std::string contact;                       // an e-mail address or a web page
  std::string keywords;                      // comma-separated
  std::string licence;                       // an id of kLicenceIds
  std::string frequency;                     // a code of kFrequencies, or empty
  std::string temporal_start, temporal_end;  // yyyy-mm-dd, or empty
  std::string issued, modified;              // the producer's dates, yyyy-mm-dd, or empty
  std::string conforms_to, conforms_to_url;  // the schema it follows
  std::vector<Theme> themes;                 // filled by reads
  std::vector<Distribution> distributions;   // filled by reads
  std::int64_t revision = 1;
  std::chrono::sys_seconds created_at{}, updated_at{};
};

// One revision of an entry: who saved it, when, and the entry's fields then (as_fields).
struct Revision {
  std::int64_t number = 0;
  std::chrono::sys_seconds created_at{};
  std::string author_name;
  std::int64_t merged_with = 0;  // 0: not merged
  std::string document;          // JSON object: field → text
};

// The open licences a dataset may be published under: SPDX ids of the commons' list of licences
// (commons::kLicences gives their names and the address naming each, dct:license).
inline constexpr std::string_view kLicenceIds[] = {"etalab-2.0", "ODbL-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"};
using commons::Licence;
const Licence* licence(std::string_view id);  // nullptr when unknown

// The EU frequency vocabulary (http://publications.europa.eu/resource/authority/frequency/CODE):
// the codes producers use most, and the English msgid shown for each.
struct Frequency {
  std::string_view code;
  const char* label;
};
extern const std::vector<Frequency> kFrequencies;
const Frequency* frequency(std::string_view code);  // nullptr when unknown
inline constexpr std::string_view kFrequencyVocabulary = "http://publications.europa.eu/resource/authority/frequency/";

// The keywords of a dataset's comma-separated list, trimmed, the empty ones left out.
std::vector<std::string> keyword_list(std::string_view keywords);

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxDescription = 5000;
inline constexpr std::size_t kMaxShort = 500;  // contact, keywords, schema, addresses, formats
inline constexpr std::size_t kMaxDistributions = 20;

}  // namespace fabrique::datasets
