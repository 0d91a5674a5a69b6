// The JSON form of coalitions (documented in docs/api.md): stable field names, UTC timestamps.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "coalitions/model.hpp"
#include "common/instants.hpp"
#include "http/context.hpp"
#include "http/open_data.hpp"
#include "http/spool.hpp"

namespace fabrique::coalitions::json {

// The fields shown in lists.
boost::json::object summary(const http::Context& ctx, const Coalition& k);
// A JSON response (application/json; charset=utf-8): `body` after a first field, "licence", naming
// the licence of the data (option data_licence) and the address of its text. Taken by rvalue: a
// copy of a whole document's tree cost a third of a public body's JSON (hundreds of entries).
http::Response response(const http::Context& ctx, boost::json::object&& body);

// A JSON document too large to hold in memory (a whole register), written through a spool
// (http/spool.hpp): the licence and `head`'s fields as response() writes them, then the array `key`,
// one item() at a time.
class StreamedDocument {
 public:
  StreamedDocument(const http::Context& ctx, boost::json::object head, std::string_view key);
  void item(const boost::json::value& v);
  // Closes the array and the document.
  http::Response finish();

 private:
  http::Spool spool_;
  bool first_ = true;
};
// A refusal as JSON, {"error": message}: `message` an English msgid, given in the person's language.
http::Response error(const http::Context& ctx, int status, const char* message);
// 404 as JSON: {"error": "not found"}.
http::Response not_found(const http::Context& ctx);
// One page of a data list (see open_data::Paging): {licence, count, total, page, pages, per_page,
// `key`: items}, with the Link headers to the first, previous, next and last pages.
http::Response page(const http::Context& ctx, std::string_view key, boost::json::array items, std::int64_t total,
                    const http::open_data::Paging& paging);
// The paging the request asks for; nothing, with `refusal` set to the 400 to send, for a bad value.
std::optional<http::open_data::Paging> paging(const http::Context& ctx, http::Response& refusal);
// 2026-11-28T15:00:00Z
using instants::iso;

// One revision in a document's history, as every history document writes it: {number, created_at,
// author (the public name, null when none is shown), comment, restored_from (null unless it brings
// an older revision back)}, and merged_with when it was merged with a revision saved meanwhile. The
// caller adds what the revision holds.
struct RevisionEntry {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string_view author;
  std::string_view comment;
  std::optional<std::int64_t> restored_from;
  std::optional<std::int64_t> merged_with;
};
boost::json::object revision(const RevisionEntry& r);

}  // namespace fabrique::coalitions::json
