// Delivery of messages: to an SMTP server through libcurl, or as .eml files in a directory.
#include <curl/curl.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "mail/sender.hpp"

namespace fabrique::mail {

namespace {

struct Upload {
  const std::string& data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* userdata) {
  auto* u = static_cast<Upload*>(userdata);
  std::size_t n = std::min(size * count, u->data.size() - u->offset);
  std::memcpy(buffer, u->data.data() + u->offset, n);
  u->offset += n;
  return n;
}

// Keeps the server's last refusal (a 4xx or 5xx reply line), so that an operator reads what the server
// said: the replies after it (QUIT's "221 Bye") say nothing of the failure.
int debug_callback(CURL*, curl_infotype type, char* data, std::size_t size, void* userdata) {
  if (type != CURLINFO_HEADER_IN || size == 0 || (data[0] != '4' && data[0] != '5')) return 0;
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  *static_cast<std::string*>(userdata) = line;
  return 0;
}

// The address between < and > of "Name <address>", or the whole value.
std::string envelope_address(const std::string& from) {
  auto lt = from.find('<');
  auto gt = from.find('>', lt == std::string::npos ? 0 : lt);
  if (lt == std::string::npos || gt == std::string::npos) return from;
  return from.substr(lt + 1, gt - lt - 1);
}

void init_curl() {
  static const bool kReady = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!kReady) throw std::runtime_error("libcurl could not be initialised");
}

}  // namespace

Delivery::Delivery(const config::Options& options) : options_(options) {}

Delivery::~Delivery() {
  if (curl_) curl_easy_cleanup(curl_);  // QUIT to the server, if a connection is open
}

Outcome Delivery::deliver(const std::string& name, const std::string& recipient, const std::string& message) {
  if (options_.smtp_url.empty()) {
    if (!directory_made_) {
      std::error_code ec;
      std::filesystem::create_directories(options_.mail_dir, ec);
      directory_made_ = !ec;
    }
    return write_eml(options_.mail_dir, name, message);
  }
  return send(recipient, message);
}

// One handle for every mail of the round: libcurl keeps its connection to the server open after a
// transfer and sends the next MAIL FROM on it, so that a newsletter is one TCP connection, one
// STARTTLS and one AUTH, not one of each per person. A connection the server closed meanwhile is
// noticed by libcurl, which opens a new one. What the handle points to outlives it (members), or is
// taken back after each transfer (the recipient, the message).
Outcome Delivery::send(const std::string& recipient, const std::string& message) {
  static_assert(std::tuple_size_v<decltype(error_)> == CURL_ERROR_SIZE);
  init_curl();
  if (!curl_) {
    curl_ = curl_easy_init();
    if (!curl_) return {Outcome::Kind::temporary, "libcurl: no handle"};
    const config::Options& o = options_;
    const std::string from = "<" + envelope_address(o.mail_from) + ">";  // strings are copied by libcurl
    curl_easy_setopt(curl_, CURLOPT_URL, o.smtp_url.c_str());
    curl_easy_setopt(curl_, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl_, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
    // smtp://: STARTTLS when the server offers it, or refuse to go on without it when required;
    // smtps:// is TLS from the first byte whatever this says.
    curl_easy_setopt(curl_, CURLOPT_USE_SSL, o.smtp_starttls == "required" ? CURLUSESSL_ALL : CURLUSESSL_TRY);
    if (!o.smtp_user.empty()) {
      curl_easy_setopt(curl_, CURLOPT_USERNAME, o.smtp_user.c_str());
      curl_easy_setopt(curl_, CURLOPT_PASSWORD, o.smtp_password.c_str());
    }
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, static_cast<long>(std::min(o.smtp_timeout_seconds, 30)));
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, static_cast<long>(o.smtp_timeout_seconds));
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_.data());
    curl_easy_setopt(curl_, CURLOPT_DEBUGFUNCTION, debug_callback);
    curl_easy_setopt(curl_, CURLOPT_DEBUGDATA, &last_reply_);
    curl_easy_setopt(curl_, CURLOPT_VERBOSE, 1L);  // only feeds debug_callback: nothing is printed
  }
  CURL* h = curl_;
  const std::string to = "<" + recipient + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(curl_slist_append(nullptr, to.c_str()),
                                                                   curl_slist_free_all);
  Upload upload{message};
  last_reply_.clear();
  error_[0] = '\0';
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(h, CURLOPT_READDATA, nullptr);
  if (rc == CURLE_OK) return {Outcome::Kind::sent, ""};
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  std::string why = error_[0] ? error_.data() : curl_easy_strerror(rc);
  if (!last_reply_.empty() && code >= 400) why = last_reply_;
  if (code >= 500 && code < 600) return {Outcome::Kind::permanent, why};
  return {Outcome::Kind::temporary, why};
}

Outcome write_eml(const std::string& directory, const std::string& name, const std::string& message) {
  std::error_code ec;
  const auto final_path = std::filesystem::path(directory) / (name + ".eml");
  const auto temporary = std::filesystem::path(directory) / ("." + name + ".eml.tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << message;
    out.flush();
    if (!out) return {Outcome::Kind::temporary, "cannot write " + temporary.string()};
  }
  // A reader never sees half a file: the name appears only once the file is whole.
  std::filesystem::rename(temporary, final_path, ec);
  if (ec) return {Outcome::Kind::temporary, "cannot write " + final_path.string() + ": " + ec.message()};
  return {Outcome::Kind::sent, ""};
}

}  // namespace fabrique::mail
