// Integration tests of the HTTP server over real sockets: keep-alive, limits, timeouts, headers, compression, stop.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "common/log.hpp"
#include "http/compress.hpp"
#include "http/server.hpp"
#include "http/spool.hpp"
#include "integration/http_client.hpp"

namespace fabrique::http {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using test::HttpConnection;
using test::HttpResponse;

std::string big_body() {
  std::string body;
  for (int i = 0; body.size() < 2000; ++i)
    body += "<p>Line " + std::to_string(i) + " of a page that compresses well.</p>\n";
  return body;
}

// A document larger than what the sockets between two processes hold, numbered so that a byte out of
// place shows: the body of /file, sent from a file after its header.
constexpr std::size_t kFileLines = 1'100'000;
std::string file_line(std::size_t i) { return "line " + std::to_string(i) + " of a large export\n"; }
Response file_response() {
  Response response;
  response.content_type = "text/plain; charset=utf-8";
  Spool spool("");
  for (std::size_t i = 0; i < kFileLines; ++i) spool.write(file_line(i));
  spool.finish(response);
  return response;
}

// Echoes what it was given, plus a few routes that misbehave on purpose.
class TestHandler : public Handler {
 public:
  Response handle(Request& request) override {
    if (request.path == "/throw") throw std::runtime_error("secret database detail");
    if (request.path == "/slow") {
      std::this_thread::sleep_for(300ms);
      return Response::text(200, "slow done");
    }
    if (request.path == "/big") {
      Response response;
      response.body = big_body();
      return response;
    }
    if (request.path == "/small") return Response::text(200, std::string(100, 'a'));
    if (request.path == "/file") return file_response();
    if (request.path == "/precompressed") {
      Response response;
      response.content_type = "text/css";
      response.body = gzip(big_body());
      response.content_encoding = "gzip";
      response.compressible = false;
      return response;
    }
    if (request.path == "/redirect") return Response::redirect("/echo");
    if (request.path == "/hash" || request.path == "/write") {
      // Stands for password hashing, slow on purpose, or for a write waiting for the database's lock:
      // busy until the test releases it.
      hashing = true;
      for (int i = 0; i < 300 && !release; ++i) std::this_thread::sleep_for(10ms);
      hashing = false;
      return Response::text(200, "hashed");
    }
    return Response::text(200, "method=" + request.method_name + " path=" + request.path + " query=" + request.query +
                                   " len=" + std::to_string(request.body.size()) + (hashing ? " during-hash" : "") +
                                   " x-test=" + std::string(request.header("x-test")) +
                                   " client=" + request.client_address);
  }
  // Files only to /upload, and only from a sender who says they are signed in; /hash is slow; /write writes.
  Admission admit(const Request& head) override {
    return {.takes_files = head.path == "/upload" && head.header("x-signed-in") == "yes",
            .slow = head.path == "/hash",
            .writes = head.path == "/write"};
  }
  std::atomic<bool> hashing{false};  // a /hash request is being handled
  std::atomic<bool> release{false};  // lets /hash requests finish
};

ServerLimits small_limits() {
  ServerLimits limits;
  limits.max_header_bytes = 1024;
  limits.max_body_bytes = 1024;
  limits.read_timeout = 2s;
  limits.idle_timeout = 2s;
  limits.write_timeout = 2s;
  limits.max_connections = 16;
  limits.shutdown_grace = 5s;
  return limits;
}

void expect_security_headers(const HttpResponse& response) {
  EXPECT_EQ(response.header("content-security-policy"),
            "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'");
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.header("referrer-policy"), "same-origin");
  EXPECT_EQ(response.header("x-frame-options"), "DENY");
  EXPECT_EQ(response.header("server"), "fabrique");
}

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override { log::set_quiet(true); }
  void TearDown() override { stop(); }

  void start(ServerLimits limits = small_limits(), int threads = 2, bool handle_signals = false) {
    server_ = std::make_unique<Server>(handler_, "127.0.0.1:0", threads, limits);
    server_->bind();
    thread_ = std::thread([this, handle_signals] { server_->run(handle_signals); });
  }
  void stop() {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
  }
  unsigned short port() const { return server_->port(); }

  TestHandler handler_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

TEST_F(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  start();
  HttpConnection connection(port());
  HttpResponse first = connection.request("GET", "/echo/a%20b?x=1&y=%41", {{"X-Test", "hello"}});
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "method=GET path=/echo/a b query=x=1&y=%41 len=0 x-test=hello client=127.0.0.1");
  EXPECT_EQ(first.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_NE(first.header("connection"), "close");
  HttpResponse second = connection.request("POST", "/echo", {}, "hello");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, "method=POST path=/echo query= len=5 x-test= client=127.0.0.1");
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  std::string raw = test::send(port(),
                               "GET /echo/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                               "GET /echo/2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto one = raw.find("path=/echo/1");
  auto two = raw.find("path=/echo/2");
  ASSERT_NE(one, std::string::npos);
  ASSERT_NE(two, std::string::npos);
  EXPECT_LT(one, two);
}

TEST_F(HttpServerTest, Http10RequestIsAnsweredAndClosed) {
  start();
  // send() returns only once the server has closed the connection.
  HttpResponse response = test::parse_response(test::send(port(), "GET /echo HTTP/1.0\r\n\r\n"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body.substr(0, 10), "method=GET");
}

TEST_F(HttpServerTest, HeadHasGetLengthButNoBody) {
  start();
  HttpResponse get = test::request(port(), "GET", "/big");
  HttpConnection connection(port());
  HttpResponse head = connection.request("HEAD", "/big");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
  // Had a body been sent, it would be read as the next response.
  HttpResponse next = connection.request("GET", "/echo");
  EXPECT_EQ(next.status, 200);
  EXPECT_EQ(next.body.substr(0, 10), "method=GET");
}

TEST_F(HttpServerTest, OversizedHeaderGets431AndClose) {
  start();
  std::string raw = test::send(port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(2000, 'a') + "\r\n\r\n");
  HttpResponse response = test::parse_response(raw);
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.header("connection"), "close");
  expect_security_headers(response);
}

TEST_F(HttpServerTest, OversizedBodyGets413) {
  start();
  HttpResponse response = test::request(port(), "POST", "/echo", {}, std::string(5000, 'b'));
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.header("connection"), "close");
  expect_security_headers(response);
  // Within the limit is fine.
  EXPECT_EQ(
      test::request(port(), "POST", "/echo", {}, std::string(1000, 'b')).body.find("len=1000") != std::string::npos,
      true);
}

TEST_F(HttpServerTest, FormsWithAFileGetTheLargerUploadLimit) {
  auto limits = small_limits();
  limits.max_upload_bytes = 8000;
  start(limits);
  const test::Headers upload{{"Content-Type", "multipart/form-data; boundary=b"}, {"X-Signed-In", "yes"}};
  // Over the form limit but within the upload limit: accepted because the handler admits a file.
  auto ok = test::request(port(), "POST", "/upload", upload, std::string(5000, 'b'));
  EXPECT_NE(ok.body.find("len=5000"), std::string::npos);
  EXPECT_EQ(test::request(port(), "POST", "/upload", {}, std::string(5000, 'b')).status, 413);
  EXPECT_EQ(test::request(port(), "POST", "/upload", upload, std::string(9000, 'b')).status, 413);
}

// Any multipart/form-data request used to get the upload limit and timeout, on any path, before
// anyone knew who sent it: only the handler's admission gives them now.
TEST_F(HttpServerTest, MultipartAloneGetsNeitherTheUploadLimitNorItsTimeout) {
  auto limits = small_limits();
  limits.max_upload_bytes = 8000;
  start(limits);
  const test::Headers multipart{{"Content-Type", "multipart/form-data; boundary=b"}};
  EXPECT_EQ(test::request(port(), "POST", "/nowhere", multipart, std::string(5000, 'b')).status, 413);
  const test::Headers not_signed_in{{"Content-Type", "multipart/form-data; boundary=b"}, {"X-Signed-In", "no"}};
  EXPECT_EQ(test::request(port(), "POST", "/upload", not_signed_in, std::string(5000, 'b')).status, 413);
  // Refused from the header alone: no need to send the body first.
  HttpConnection connection(port());
  connection.write(
      "POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
      "Content-Length: 20999999\r\n\r\n");
  EXPECT_EQ(test::parse_response(connection.read_some()).status, 413);
}

// Bodies over spill_bytes wait in a temporary file, and reach the handler whole.
TEST_F(HttpServerTest, LargeBodiesArriveWholeThroughATemporaryFile) {
  auto limits = small_limits();
  limits.max_upload_bytes = 600 * 1024;
  limits.spill_bytes = 1024;
  start(limits);
  const test::Headers upload{{"Content-Type", "multipart/form-data; boundary=b"}, {"X-Signed-In", "yes"}};
  EXPECT_NE(test::request(port(), "POST", "/upload", upload, std::string(500 * 1024, 'b')).body.find("len=512000"),
            std::string::npos);
  // Chunked, its length unknown in advance: the same.
  std::string chunked =
      "POST /upload HTTP/1.1\r\nHost: x\r\nX-Signed-In: yes\r\nTransfer-Encoding: chunked\r\n"
      "Connection: close\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "1000\r\n" + std::string(4096, 'c') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_NE(test::parse_response(test::send(port(), chunked)).body.find("len=12288"), std::string::npos);
}

// The bytes being received at once are capped across connections: past the cap, 503 and Retry-After.
TEST_F(HttpServerTest, BodiesBeyondTheReceivingCapGet503) {
  auto limits = small_limits();
  limits.max_upload_bytes = 600 * 1024;
  limits.max_receiving_bytes = 1024 * 1024;
  start(limits);
  const std::string head = "POST /upload HTTP/1.1\r\nHost: x\r\nX-Signed-In: yes\r\nContent-Length: 500000\r\n\r\n";
  HttpConnection first(port()), second(port());
  first.write(head + "started");
  second.write(head + "started");
  std::this_thread::sleep_for(200ms);  // both are being received
  HttpResponse refused = test::parse_response(test::send(port(), head));
  EXPECT_EQ(refused.status, 503);
  EXPECT_FALSE(refused.header("retry-after").empty());
  // Small forms still fit.
  EXPECT_EQ(test::request(port(), "POST", "/echo", {}, "a=1").status, 200);
}

// Slow requests (password hashing) and writes (which may wait for the database's lock) run on pools
// of their own: a page is served meanwhile, even with one network thread, and when the pool's queue
// is full the next such request gets 503 at once.
class OffloadedRequests : public HttpServerTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(OffloadedRequests, RunOffTheNetworkThreadsAndOverflowGets503) {
  const std::string path = GetParam();
  auto limits = small_limits();
  limits.slow_threads = limits.write_threads = 1;
  limits.slow_queue = limits.write_queue = 1;
  start(limits, 1);
  HttpConnection slow(port());
  slow.write("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
  for (int i = 0; i < 200 && !handler_.hashing; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(handler_.hashing);
  // Served while the slow request is still running, on the one network thread.
  HttpResponse page = test::request(port(), "GET", "/echo");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("during-hash"), std::string::npos);
  HttpResponse busy = test::request(port(), "POST", path, {}, "");
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.header("retry-after"), "5");
  handler_.release = true;
  EXPECT_EQ(test::parse_response(slow.read_some()).status, 200);
}

INSTANTIATE_TEST_SUITE_P(HttpServerTest, OffloadedRequests, ::testing::Values("/hash", "/write"),
                         [](const auto& info) { return std::string(info.param).substr(1); });

TEST_F(HttpServerTest, ExpectContinueGetsInterimResponse) {
  start();
  HttpConnection connection(port());
  connection.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(connection.read_some(), "HTTP/1.1 100 Continue\r\n\r\n");
  connection.write("abc");
  HttpResponse response = test::parse_response(connection.read_some());
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("len=3"), std::string::npos);
}

TEST_F(HttpServerTest, MalformedRequestLineGets400AndServerGoesOn) {
  start();
  HttpResponse response = test::parse_response(test::send(port(), "GARBAGE\r\n\r\n"));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.header("connection"), "close");
  expect_security_headers(response);
  EXPECT_EQ(test::request(port(), "GET", "/echo").status, 200);
}

TEST_F(HttpServerTest, BinaryGarbageGets400) {
  start();
  // The start of a TLS ClientHello, as sent by a client that speaks https to a plain port.
  constexpr char kHello[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\x00\xff\r\n\r\n";
  const std::string hello(kHello, sizeof kHello - 1);
  EXPECT_EQ(test::parse_response(test::send(port(), hello)).status, 400);
  constexpr char kNuls[] = "GET /\0\0\0 HTTP/1.1\r\n\r\n";
  const std::string nuls(kNuls, sizeof kNuls - 1);
  EXPECT_EQ(test::parse_response(test::send(port(), nuls)).status, 400);
  EXPECT_EQ(test::parse_response(test::send(port(), "GET / HTTP/1.1\r\nBad Header\r\n\r\n")).status, 400);
  EXPECT_EQ(test::request(port(), "GET", "/echo").status, 200);
}

TEST_F(HttpServerTest, AmbiguousBodyLengthGets400) {
  start();
  // Both framings, or two different lengths, are how requests get smuggled past proxies.
  EXPECT_EQ(test::parse_response(test::send(port(),
                                            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                                            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"))
                .status,
            400);
  EXPECT_EQ(test::parse_response(test::send(port(),
                                            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                                            "Content-Length: 4\r\n\r\nabcd"))
                .status,
            400);
  // Chunked on its own is fine.
  HttpResponse chunked = test::parse_response(
      test::send(port(),
                 "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                 "3\r\nabc\r\n0\r\n\r\n"));
  EXPECT_EQ(chunked.status, 200);
  EXPECT_NE(chunked.body.find("len=3"), std::string::npos);
}

// RFC 9112 §6.1: a Transfer-Encoding that is not exactly "chunked" leaves the body's length unknown;
// read as "no body", the body used to be parsed as the next request (smuggling behind a proxy).
TEST_F(HttpServerTest, TransferEncodingOtherThanChunkedGets400AndClose) {
  start();
  for (std::string coding : {"chunked, identity", "xchunked", "identity", "gzip, chunked"}) {
    SCOPED_TRACE(coding);
    HttpConnection connection(port());
    connection.write("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding +
                     "\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string raw = connection.read_until_closed();
    HttpResponse response = test::parse_response(raw);
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("connection"), "close");
    EXPECT_EQ(raw.find("smuggled"), std::string::npos);
  }
  // A tab before the value is optional whitespace (RFC 9110 §5.6.3): the body is read as chunked,
  // never as the next request.
  HttpResponse tabbed = test::parse_response(
      test::send(port(),
                 "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\tchunked\r\nConnection: close\r\n\r\n"
                 "3\r\nabc\r\n0\r\n\r\n"));
  EXPECT_EQ(tabbed.status, 200);
  EXPECT_NE(tabbed.body.find("len=3"), std::string::npos);
  // Transfer-Encoding in an HTTP/1.0 request, or twice, is no better.
  EXPECT_EQ(test::parse_response(test::send(port(),
                                            "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
                                            "3\r\nabc\r\n0\r\n\r\n"))
                .status,
            400);
  EXPECT_EQ(test::parse_response(test::send(port(),
                                            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                            "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"))
                .status,
            400);
}

// RFC 9112 §3.2: an HTTP/1.1 request without Host, or with two, is refused.
TEST_F(HttpServerTest, Http11RequestWithoutExactlyOneHostGets400AndClose) {
  start();
  HttpResponse missing = test::parse_response(test::send(port(), "GET /echo HTTP/1.1\r\n\r\n"));
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.header("connection"), "close");
  EXPECT_EQ(test::parse_response(test::send(port(), "GET /echo HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")).status, 400);
  // HTTP/1.0 had no Host; it stays accepted.
  EXPECT_EQ(test::parse_response(test::send(port(), "GET /echo HTTP/1.0\r\n\r\n")).status, 200);
}

// RFC 9112 §5.2: obsolete line folding (a header line starting with a space or a tab) is refused.
TEST_F(HttpServerTest, FoldedHeaderLineGets400AndClose) {
  start();
  for (std::string fold : {" ", "\t"}) {
    HttpResponse response =
        test::parse_response(test::send(port(), "GET /echo HTTP/1.1\r\nHost: x\r\nX-Test: a\r\n" + fold + "b\r\n\r\n"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("connection"), "close");
  }
}

// The header limit is on the whole header, however many lines it is cut into.
TEST_F(HttpServerTest, ManySmallHeadersOverTheLimitGet431) {
  start();  // max_header_bytes = 1024
  std::string raw = "GET /echo HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 60; ++i) raw += "X-" + std::to_string(i) + ": " + std::string(20, 'a') + "\r\n";
  raw += "\r\n";
  ASSERT_GT(raw.size(), 1500u);
  HttpResponse response = test::parse_response(test::send(port(), raw));
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_EQ(test::request(port(), "GET", "/echo").status, 200);
}

TEST_F(HttpServerTest, UndecodablePathGets400) {
  start();
  EXPECT_EQ(test::request(port(), "GET", "/a%zz").status, 400);
  EXPECT_EQ(test::request(port(), "GET", "/a%00b").status, 400);
  EXPECT_EQ(test::parse_response(test::send(port(), "GET * HTTP/1.1\r\nHost: x\r\n\r\n")).status, 400);
}

TEST_F(HttpServerTest, SlowClientDoesNotDelayOthersAndIsClosedAfterReadTimeout) {
  start(small_limits(), 1);  // one thread: the slow client must not block it
  HttpConnection slow(port());
  slow.write("GET /echo HTTP/1.1\r\nHost: x\r\nX-Sl");
  const auto stalled_at = Clock::now();

  const auto before = Clock::now();
  HttpResponse other = test::request(port(), "GET", "/echo");
  EXPECT_EQ(other.status, 200);
  EXPECT_LT(Clock::now() - before, 1s);

  EXPECT_TRUE(slow.wait_closed(4s));
  const auto held = Clock::now() - stalled_at;
  EXPECT_GE(held, 1500ms);
  EXPECT_LT(held, 3500ms);
}

// A body written to a file goes out whole after its header (sendfile), and the connection serves the
// next request.
TEST_F(HttpServerTest, ABodyFromAFileArrivesWholeAndTheConnectionGoesOn) {
  start();
  HttpConnection connection(port());
  HttpResponse file = connection.request("GET", "/file");
  ASSERT_EQ(file.status, 200);
  std::string expected;
  for (std::size_t i = 0; i < kFileLines; ++i) expected += file_line(i);
  EXPECT_GT(expected.size(), 16u << 20);  // more than the two sockets hold
  EXPECT_EQ(file.header("content-length"), std::to_string(expected.size()));
  EXPECT_TRUE(file.body == expected) << "the body differs from what was written (" << file.body.size() << " of "
                                     << expected.size() << " bytes)";
  EXPECT_EQ(connection.request("GET", "/echo").status, 200);
}

// A client that stops reading a large download is let go after the write timeout, and holds nobody up.
TEST_F(HttpServerTest, AClientThatStopsReadingAFileIsClosedAfterTheWriteTimeout) {
  start(small_limits(), 1);  // one thread: the stalled download must not block it
  HttpConnection stalled(port());
  stalled.write("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
  // The header comes once the file is written (on the one thread, however long that takes here);
  // from then on nothing more is read until past the write timeout.
  ASSERT_FALSE(stalled.read_some().empty());
  const auto stalled_at = Clock::now();

  const auto before = Clock::now();
  EXPECT_EQ(test::request(port(), "GET", "/echo").status, 200);
  EXPECT_LT(Clock::now() - before, 1s);

  std::this_thread::sleep_for(3s - (Clock::now() - stalled_at));  // past the 2 s write timeout, unread
  // What the sockets held arrives, then the end: closed before the rest was sent.
  std::size_t received = 0;
  for (std::string more = stalled.read_some(); !more.empty(); more = stalled.read_some()) received += more.size();
  std::size_t whole = 0;
  for (std::size_t i = 0; i < kFileLines; ++i) whole += file_line(i).size();
  EXPECT_LT(received, whole) << "a stalled download must be let go, not resumed";
}

TEST_F(HttpServerTest, AClientThatHangsUpDuringAFileLeavesTheServerRunning) {
  start(small_limits(), 1);
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    HttpConnection gone(port());
    gone.write("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_FALSE(gone.read_some().empty());
    // Hung up with most of the file still to come: the kernel's writes to that socket now fail.
    // A failed write must not end the process (SIGPIPE's default action), only the connection.
    gone.close();
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(test::request(port(), "GET", "/echo").status, 200);
  }
}

TEST_F(HttpServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  ServerLimits limits = small_limits();
  limits.idle_timeout = 1s;
  start(limits);
  HttpConnection connection(port());
  EXPECT_EQ(connection.request("GET", "/echo").status, 200);
  const auto idle_since = Clock::now();
  EXPECT_TRUE(connection.wait_closed(3s));
  EXPECT_GE(Clock::now() - idle_since, 800ms);
}

TEST_F(HttpServerTest, HandlerExceptionGivesPlain500WithoutDetails) {
  start();
  HttpResponse response = test::request(port(), "GET", "/throw");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body, "Internal error");
  EXPECT_EQ(response.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  expect_security_headers(response);
}

TEST_F(HttpServerTest, SecurityHeadersOnEveryResponse) {
  start();
  for (const char* target : {"/echo", "/big", "/small", "/precompressed", "/redirect", "/throw", "/a%zz"}) {
    SCOPED_TRACE(target);
    expect_security_headers(test::request(port(), "GET", target));
  }
  HttpResponse redirect = test::request(port(), "GET", "/redirect");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.header("location"), "/echo");
}

TEST_F(HttpServerTest, GzipWhenAccepted) {
  start();
  HttpResponse response = test::request(port(), "GET", "/big", {{"Accept-Encoding", "gzip, deflate"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-encoding"), "gzip");
  EXPECT_EQ(response.header("vary"), "Accept-Encoding");
  EXPECT_LT(response.body.size(), big_body().size());
  EXPECT_EQ(gunzip(response.body), big_body());
}

TEST_F(HttpServerTest, BrotliWhenAccepted) {
  start();
  HttpResponse response = test::request(port(), "GET", "/big", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(response.header("content-encoding"), "br");
  EXPECT_EQ(response.header("vary"), "Accept-Encoding");
  EXPECT_EQ(unbrotli(response.body), big_body());
  // HEAD announces the length of the compressed GET.
  HttpResponse head = test::request(port(), "HEAD", "/big", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(head.header("content-length"), std::to_string(response.body.size()));
  EXPECT_EQ(head.header("content-encoding"), "br");
}

TEST_F(HttpServerTest, NoCompressionWhenSmallOrNotAccepted) {
  start();
  HttpResponse small = test::request(port(), "GET", "/small", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_FALSE(small.has_header("content-encoding"));
  EXPECT_EQ(small.body, std::string(100, 'a'));

  HttpResponse plain = test::request(port(), "GET", "/big");
  EXPECT_FALSE(plain.has_header("content-encoding"));
  EXPECT_EQ(plain.body, big_body());
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");

  HttpResponse refused = test::request(port(), "GET", "/big", {{"Accept-Encoding", "br;q=0, gzip;q=0"}});
  EXPECT_FALSE(refused.has_header("content-encoding"));
  EXPECT_EQ(refused.body, big_body());

  HttpResponse gzip_only = test::request(port(), "GET", "/big", {{"Accept-Encoding", "br;q=0, gzip"}});
  EXPECT_EQ(gzip_only.header("content-encoding"), "gzip");
}

TEST_F(HttpServerTest, PrecompressedBodyPassesThrough) {
  start();
  HttpResponse response = test::request(port(), "GET", "/precompressed", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(response.header("content-encoding"), "gzip");
  EXPECT_EQ(response.header("content-type"), "text/css");
  EXPECT_EQ(gunzip(response.body), big_body());
}

TEST_F(HttpServerTest, ConnectionsBeyondTheCapGet503) {
  ServerLimits limits = small_limits();
  limits.max_connections = 2;
  start(limits);
  // Two connections in the middle of a request: neither is idle, so neither makes room.
  auto first = std::make_unique<HttpConnection>(port());
  HttpConnection second(port());
  first->write("GET /echo HTTP/1.1\r\n");
  second.write("GET /echo HTTP/1.1\r\n");
  std::this_thread::sleep_for(100ms);

  HttpResponse refused = test::request(port(), "GET", "/echo");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("connection"), "close");
  expect_security_headers(refused);

  // A freed place can be taken again once the server has seen the close.
  first.reset();
  int status = 0;
  for (int attempt = 0; attempt < 20 && status != 200; ++attempt) {
    std::this_thread::sleep_for(50ms);
    status = test::request(port(), "GET", "/echo").status;
  }
  EXPECT_EQ(status, 200);
}

// 2,000 idle keep-alive connections from one address used to shut everyone else out.
TEST_F(HttpServerTest, OneAddressGetsNoMoreThanItsShareOfConnections) {
  ServerLimits limits = small_limits();
  limits.max_connections = 64;
  limits.max_connections_per_address = 4;
  start(limits);
  std::vector<std::unique_ptr<HttpConnection>> mine;
  for (int i = 0; i < 4; ++i) {
    mine.push_back(std::make_unique<HttpConnection>(port()));
    EXPECT_EQ(mine.back()->request("GET", "/echo").status, 200);
  }
  HttpResponse refused = test::request(port(), "GET", "/echo");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("connection"), "close");
  // Another client is served.
  HttpConnection other(port(), test::kClientTimeout, "127.0.0.2");
  EXPECT_EQ(other.request("GET", "/echo").status, 200);
}

// Behind a trusted proxy every visitor has the proxy's address: the proxy is not capped like a client.
TEST_F(HttpServerTest, AnUncappedAddressMayOpenMoreThanTheShare) {
  ServerLimits limits = small_limits();
  limits.max_connections = 64;
  limits.max_connections_per_address = 2;
  limits.uncapped_addresses = {"127.0.0.1"};
  start(limits);
  std::vector<std::unique_ptr<HttpConnection>> proxied;
  for (int i = 0; i < 6; ++i) {
    proxied.push_back(std::make_unique<HttpConnection>(port()));
    EXPECT_EQ(proxied.back()->request("GET", "/echo").status, 200);
  }
}

// At the cap, an idle keep-alive connection is closed to make room for a new client.
TEST_F(HttpServerTest, IdleKeepAliveConnectionsMakeRoomForNewClients) {
  ServerLimits limits = small_limits();
  limits.max_connections = 4;
  start(limits);
  std::vector<std::unique_ptr<HttpConnection>> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(std::make_unique<HttpConnection>(port()));
    EXPECT_EQ(idle.back()->request("GET", "/echo").status, 200);
  }
  HttpConnection fresh(port(), test::kClientTimeout, "127.0.0.2");
  EXPECT_EQ(fresh.request("GET", "/echo").status, 200);
  int closed = 0;
  for (auto& c : idle) closed += c->wait_closed(300ms) ? 1 : 0;
  EXPECT_GE(closed, 1);
}

TEST_F(HttpServerTest, StopLetsTheRequestInFlightFinish) {
  start();
  HttpConnection idle(port());
  EXPECT_EQ(idle.request("GET", "/echo").status, 200);

  HttpResponse slow;
  std::thread client([&] { slow = test::request(port(), "GET", "/slow"); });
  std::this_thread::sleep_for(100ms);  // the handler is now sleeping
  const auto stop_at = Clock::now();
  server_->stop();
  thread_.join();
  EXPECT_LT(Clock::now() - stop_at, 2s);
  client.join();
  EXPECT_EQ(slow.status, 200);
  EXPECT_EQ(slow.body, "slow done");
  EXPECT_EQ(slow.header("connection"), "close");
  EXPECT_TRUE(idle.wait_closed(1s));
}

TEST_F(HttpServerTest, StopWithNothingInFlightReturnsPromptly) {
  start();
  HttpConnection idle(port());
  EXPECT_EQ(idle.request("GET", "/echo").status, 200);
  const auto stop_at = Clock::now();
  stop();
  EXPECT_LT(Clock::now() - stop_at, 500ms);
}

TEST_F(HttpServerTest, StopReturnsPromptlyWhenHandlingSignalsToo) {
  start(small_limits(), 0, true);  // 0: one thread per core
  EXPECT_EQ(test::request(port(), "GET", "/echo").status, 200);
  const auto stop_at = Clock::now();
  stop();
  EXPECT_LT(Clock::now() - stop_at, 500ms);
}

TEST_F(HttpServerTest, StopGivesUpOnAStalledRequestAfterTheGracePeriod) {
  ServerLimits limits = small_limits();
  limits.read_timeout = 10s;
  limits.shutdown_grace = 1s;
  start(limits);
  HttpConnection stalled(port());
  stalled.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
  std::this_thread::sleep_for(100ms);
  const auto stop_at = Clock::now();
  stop();
  const auto took = Clock::now() - stop_at;
  EXPECT_GE(took, 900ms);
  EXPECT_LT(took, 2s);
  server_.reset();  // the abandoned connection is destroyed with the server
  EXPECT_TRUE(stalled.wait_closed(1s));
}

TEST_F(HttpServerTest, BindFailureSaysWhy) {
  start();
  const std::string listen = "127.0.0.1:" + std::to_string(port());
  Server other(handler_, listen, 1, small_limits());
  try {
    other.bind();
    FAIL() << "bind should have failed";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot listen on " + listen + ": Address already in use");
  }
  for (const char* bad : {"127.0.0.1", "127.0.0.1:99999", "127.0.0.1:http", "[::1]8080"}) {
    Server nonsense(handler_, bad, 1, small_limits());
    EXPECT_THROW(nonsense.bind(), std::runtime_error) << bad;
  }
}

TEST_F(HttpServerTest, ListensOnIpv6Loopback) {
  Server server(handler_, "[::1]:0", 1, small_limits());
  try {
    server.bind();
  } catch (const std::runtime_error&) {
    GTEST_SKIP() << "no IPv6 loopback here";
  }
  EXPECT_NE(server.port(), 0);
}

TEST(HttpServerCompress, ChooseEncodingHonoursQualities) {
  EXPECT_EQ(choose_encoding(""), "");
  EXPECT_EQ(choose_encoding("identity"), "");
  EXPECT_EQ(choose_encoding("gzip"), "gzip");
  EXPECT_EQ(choose_encoding("gzip, deflate, br"), "br");
  EXPECT_EQ(choose_encoding("BR;Q=1"), "br");
  EXPECT_EQ(choose_encoding("br;q=0, gzip"), "gzip");
  EXPECT_EQ(choose_encoding("br;q=0.5, gzip;q=0.8"), "gzip");
  EXPECT_EQ(choose_encoding("gzip;q=0, br;q=0"), "");
  EXPECT_EQ(choose_encoding("*"), "br");
  EXPECT_EQ(choose_encoding("*;q=0, gzip"), "gzip");
  EXPECT_EQ(choose_encoding("gzip;q=nonsense"), "");
}

TEST(HttpServerCompress, RoundTrips) {
  const std::string text = big_body();
  EXPECT_EQ(gunzip(gzip(text)), text);
  EXPECT_EQ(unbrotli(brotli(text, 5)), text);
  EXPECT_EQ(gunzip(gzip("")), "");
  EXPECT_THROW(gunzip("not gzip"), std::runtime_error);
}

}  // namespace
}  // namespace fabrique::http
