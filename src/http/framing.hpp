// How the server frames a request read from the wire: the raw header's checks before Beast parses it, the
// parser's limits, the framing checks once the header is parsed (Host, Transfer-Encoding), the body limit
// once the application has admitted the request, the status answering a failed read, and the checks that
// turn a parsed header into a Request.
//
// The server (server.cpp) reads with these around its asynchronous reads; the request fuzzer
// (fuzz/http_request.cpp) calls the same functions around a synchronous read of its input.
#pragma once
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "http/server.hpp"

namespace fabrique::http {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// What the bytes received so far say of the request's header: nothing yet (more must be read), 0 when the
// whole header is there and may be parsed, or the status to refuse it with: 431 past max_header_bytes (the
// request line and every header line together), 400 for obsolete line folding, which different servers
// read differently (RFC 9112 §5.2).
std::optional<unsigned> head_status(std::string_view received, const ServerLimits& limits);

// Sets the header limit and, until the header is read, the larger of the two body limits: Beast checks
// Content-Length against the limit as soon as the header is complete, before the application says whether
// this request may send a file.
void limit_request(RequestParser& parser, const ServerLimits& limits);

// Checks the framing of a parsed header: 0 if the request may be read, else 400. A Transfer-Encoding other
// than exactly "chunked", on HTTP/1.1, leaves the body's length unknown (RFC 9112 §6.1), and an HTTP/1.1
// request names exactly one Host (§3.2). Read leniently, either lets a body be taken for the next request
// behind a proxy that reads it otherwise.
unsigned framing_status(const RequestParser& parser);

// The body limit of an admitted request: max_upload_bytes for a file its route takes from a signed-in
// person, max_body_bytes for anything else.
std::size_t body_limit(const Admission& admission, const ServerLimits& limits);

// Narrows the parser to `limit` once the header is read; a declared Content-Length over it is answered with
// http::error::body_limit at once (chunked bodies are counted as they arrive).
boost::beast::error_code limit_body(RequestParser& parser, std::size_t limit);

// The status to answer a failed read with, or 0 when there is nobody to answer (hang-up, timeout).
unsigned status_for_read_error(const boost::beast::error_code& ec);

// Fills `request` from the parsed header, body aside; false if the target is not a decodable origin-form
// path (the server answers 400 and closes).
bool fill_head(const boost::beast::http::request_header<>& header, const std::string& client, Request& request);

}  // namespace fabrique::http
