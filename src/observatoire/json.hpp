// The observatory in JSON: the document of an entry (how revisions are stored, and what exports
// and imports carry), the published form of an entry with its score, and scores themselves.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "common/instants.hpp"
#include "observatoire/model.hpp"

namespace fabrique::observatoire::json {

boost::json::object document(const Document& d);
// The document held by `v`, or nothing when it is not one (wrong types are refused, unknown keys ignored).
std::optional<Document> parse_document(const boost::json::value& v);
std::string serialize(const Document& d);
std::optional<Document> parse_document(std::string_view text);

boost::json::object score(const Score& s, boost::json::storage_ptr sp = {});
std::optional<Score> parse_score(std::string_view text);

// "2026-11-28T18:00:00Z"
using instants::iso;
std::optional<sys_seconds> parse_iso(std::string_view s);

// An entry as published at /observatoire/{slug}.json and in /observatoire.json: metadata, the
// document's fields (names documented in docs/observatoire.md), the score with its bands. Built on
// `sp`, so that a document of many entries built on one monotonic_resource takes them without a copy.
boost::json::object entry(const Entry& e, const std::string& base_url, boost::json::storage_ptr sp = {});

}  // namespace fabrique::observatoire::json
