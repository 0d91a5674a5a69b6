// How the server frames a request read from the wire: the parser's limits, the body limit once the header
// is known, the status answering a failed read, and the checks that turn a parsed message into a Request.
//
// The server (server.cpp) reads with these around its asynchronous reads; the request fuzzer
// (fuzz/http_request.cpp) calls the same functions around a synchronous read of its input.
#pragma once
#include <string>

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/message.hpp"
#include "http/server.hpp"

namespace fabrique::http {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// Sets the header limit and, until the header is read, the larger of the two body limits: Beast checks
// Content-Length against the limit as soon as the header is complete, before we know whether the body
// is a form with a file.
void limit_request(RequestParser& parser, const ServerLimits& limits);

// Called once the header is read and the body is still to come. A multipart form (one that sends a
// file) keeps the larger limit and sets `upload`, for which the server allows more time; any other
// body is narrowed to max_body_bytes (chunked bodies are counted as they arrive), and a declared
// Content-Length over it is answered with http::error::body_limit at once.
boost::beast::error_code limit_body(RequestParser& parser, const ServerLimits& limits, bool& upload);

// The status to answer a failed read with, or 0 when there is nobody to answer (hang-up, timeout).
unsigned status_for_read_error(const boost::beast::error_code& ec);

// Fills `request` from the parsed message; false if the target is not a decodable origin-form path
// (the server answers 400 and closes).
bool fill_request(boost::beast::http::request<boost::beast::http::string_body>& msg, const std::string& client,
                  Request& request);

}  // namespace fabrique::http
