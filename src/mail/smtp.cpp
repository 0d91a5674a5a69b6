// Delivery of one message: to an SMTP server through libcurl, or as an .eml file in a directory.
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

Outcome send_smtp(const config::Options& o, const std::string& recipient, const std::string& message) {
  init_curl();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {Outcome::Kind::temporary, "libcurl: no handle"};
  CURL* h = curl.get();
  const std::string from = "<" + envelope_address(o.mail_from) + ">";
  const std::string to = "<" + recipient + ">";
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt_guard(rcpt, curl_slist_free_all);
  Upload upload{message};
  std::string last_reply;
  char error[CURL_ERROR_SIZE] = {0};

  curl_easy_setopt(h, CURLOPT_URL, o.smtp_url.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  // smtp://: STARTTLS when the server offers it, or refuse to go on without it when required;
  // smtps:// is TLS from the first byte whatever this says.
  curl_easy_setopt(h, CURLOPT_USE_SSL, o.smtp_starttls == "required" ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  if (!o.smtp_user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, o.smtp_user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, o.smtp_password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(std::min(o.smtp_timeout_seconds, 30)));
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(o.smtp_timeout_seconds));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, debug_callback);
  curl_easy_setopt(h, CURLOPT_DEBUGDATA, &last_reply);
  curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);  // only feeds debug_callback: nothing is printed

  const CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) return {Outcome::Kind::sent, ""};
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  std::string why = error[0] ? error : curl_easy_strerror(rc);
  if (!last_reply.empty() && code >= 400) why = last_reply;
  if (code >= 500 && code < 600) return {Outcome::Kind::permanent, why};
  return {Outcome::Kind::temporary, why};
}

Outcome write_eml(const std::string& directory, const std::string& name, const std::string& message) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
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
