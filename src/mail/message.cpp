// Composes a mail as an RFC 5322 / MIME message: safe headers, a plain-text and a small HTML part.
#include <sodium.h>

#include <ctime>

#include "accounts/crypto.hpp"
#include "mail/mail.hpp"
#include "notifications/urls.hpp"
#include "views/html.hpp"

namespace fabrique::mail {

using html::Html;
using html::render;
using i18n::N_;

namespace {

Settings& current() {
  static Settings s;
  return s;
}

bool ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// CR, LF and other control characters would end a header or smuggle one in: they become spaces.
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
  return out;
}

std::string base64(std::string_view data) {
  if (data.empty()) return {};
  std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Base64 in lines of 76 characters, each ended by CRLF.
std::string base64_lines(std::string_view data) {
  std::string b = base64(data), out;
  for (std::size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

// RFC 2047 encoded-words for `text`, each at most 75 characters, never splitting a UTF-8 sequence,
// joined by folding whitespace.
std::string encoded_words(std::string_view text) {
  constexpr std::size_t kChunk = 45;  // 45 bytes are 60 base64 characters: 72 with =?UTF-8?B? and ?=
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.size(), i + kChunk);
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string replace_braces(std::string text, std::string_view value) {
  if (auto at = text.find("{}"); at != std::string::npos) text.replace(at, 2, value);
  return text;
}

std::string rfc5322_date(sys_seconds now) {
  std::time_t t = now.time_since_epoch().count();
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[64];
  std::strftime(out, sizeof out, "%a, %d %b %Y %H:%M:%S +0000", &tm);  // C locale names, as RFC 5322 wants
  return out;
}

std::string host_of(std::string_view base_url) {
  auto scheme = base_url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? base_url : base_url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/:?#"));
  std::string host;
  for (char c : rest)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') host += c;
  return host.empty() ? "localhost" : host;
}

std::string boundary(const char* what) { return std::string("=_") + what + "_" + accounts::random_token(); }

std::string footer(const Mail& m, const i18n::Translator& t) {
  if (transactional(m.kind))
    return replace_braces(t.tr(N_("This mail was sent automatically by {}.")), settings().base_url);
  return replace_braces(t.tr(N_("You receive this mail because you have an account on {}.")), settings().base_url);
}

std::string text_part(const Mail& m, const i18n::Translator& t) {
  std::string out;
  for (const auto& p : m.paragraphs) out += p + "\n\n";
  if (!m.link.empty()) out += m.link_label + "\n" + m.link + "\n\n";
  out += "-- \n" + footer(m, t) + "\n";
  if (!transactional(m.kind) && m.user_id)
    out += t.tr(N_("To receive no more mails of this kind:")) + "\n" + url(unsubscribe_path(m.user_id, m.kind)) + "\n";
  return out;
}

std::string html_part(const Mail& m, const i18n::Translator& t) {
  Html paragraphs = m.html;
  if (m.html.empty())
    for (const auto& p : m.paragraphs) paragraphs += render("<p>{}</p>\n", p);
  if (!m.link.empty()) paragraphs += render(R"(<p><a href="{}"><strong>{}</strong></a></p>)", m.link, m.link_label);
  Html foot = render("<p><small>{}</small></p>", footer(m, t));
  if (!transactional(m.kind) && m.user_id)
    foot += render(R"(<p><small><a href="{}">{}</a></small></p>)", url(unsubscribe_path(m.user_id, m.kind)),
                   t.tr(N_("Receive no more mails of this kind")));
  Html page = render(R"(<!DOCTYPE html>
<html lang="{}"><head><meta charset="utf-8"><title>{}</title></head>
)",
                     i18n::code(m.lang), m.subject);
  page += render("<body>\n{}<hr>\n{}</body></html>\n", paragraphs, foot);
  return page.str();
}

std::string part(std::string_view content_type, std::string_view body) {
  return "Content-Type: " + std::string(content_type) +
         "; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + quoted_printable(body);
}

// Only letters, digits, dot, dash and underscore survive in an attachment's name.
std::string safe_filename(std::string_view name) {
  std::string out;
  for (char c : name)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  return out.empty() ? std::string("piece-jointe") : out;
}

}  // namespace

bool transactional(std::string_view kind) {
  return kind == kConfirmation || kind == kPasswordRecovery || kind == kAddressChange || kind == kAccountExists ||
         kind == kAccountDeleted || kind == kReplyInvitation || kind == kInvitation;
}

void configure(Settings settings) { current() = std::move(settings); }
const Settings& settings() { return current(); }

std::string url(std::string_view path) {
  std::string base = settings().base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + std::string(path);
}

std::string unsubscribe_path(std::int64_t user_id, std::string_view kind) {
  const std::string what = std::to_string(user_id) + "/" + std::string(kind);
  return notifications::urls::unsubscribe(user_id, kind, accounts::keyed_hash(settings().key, "unsubscribe:" + what));
}

bool unsubscribe_token_valid(std::int64_t user_id, std::string_view kind, std::string_view token) {
  const std::string what = std::to_string(user_id) + "/" + std::string(kind);
  return accounts::equal_secrets(accounts::keyed_hash(settings().key, "unsubscribe:" + what), token);
}

std::string header_text(std::string_view name, std::string_view value) {
  std::string v = one_line(value);
  // Plain when it is ASCII and fits on one line; else encoded-words, which fold.
  if (ascii(v) && name.size() + 2 + v.size() <= 78 && v.find("=?") == std::string::npos) return v;
  return encoded_words(v);
}

std::string address_header(std::string_view name, std::string_view address) {
  std::string a;
  for (char c : address)
    if (c != '\r' && c != '\n' && c != '<' && c != '>' && c != ' ' && c != '"' && c != ',') a += c;
  std::string n = one_line(name);
  if (n.empty()) return a;
  if (ascii(n) && n.find("=?") == std::string::npos) {
    std::string quoted = "\"";
    for (char c : n) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" <" + a + ">";
  }
  return encoded_words(n) + " <" + a + ">";
}

std::string quoted_printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(line[i]);
      const bool last = i + 1 == line.size();
      // '=' and bytes outside printable ASCII are encoded; so are a space or tab ending the line
      // (servers strip them), and a line's leading '.' or "From " (which some servers alter).
      bool encode = c == '=' || c > 126 || (c < 32 && c != '\t') || ((c == ' ' || c == '\t') && last) ||
                    (width == 0 && c == '.') || (width == 0 && line.substr(i).starts_with("From "));
      std::string piece = encode ? std::string{'=', kHex[c >> 4], kHex[c & 15]} : std::string(1, static_cast<char>(c));
      if (width + piece.size() > (last ? 76u : 75u)) {
        out += "=\r\n";
        width = 0;
      }
      out += piece;
      width += piece.size();
    }
    if (end == text.size()) break;
    out += "\r\n";
    start = end + 1;
  }
  return out;
}

Composed compose(const Mail& m, sys_seconds now) {
  const auto& t = i18n::translator(m.lang);
  const Settings& s = settings();
  Composed out;
  out.message_id = "<" + accounts::random_token() + "@" + host_of(s.base_url) + ">";

  // The sender's "Name <address>", or a bare address.
  std::string from_name, from_address = s.from;
  if (auto lt = s.from.find('<'); lt != std::string::npos && s.from.find('>', lt) != std::string::npos) {
    from_address = s.from.substr(lt + 1, s.from.find('>', lt) - lt - 1);
    from_name = s.from.substr(0, lt);
    while (!from_name.empty() && (from_name.back() == ' ' || from_name.back() == '"')) from_name.pop_back();
    while (!from_name.empty() && (from_name.front() == ' ' || from_name.front() == '"')) from_name.erase(0, 1);
  }

  std::string h;
  h += "From: " + address_header(from_name, from_address) + "\r\n";
  h += "To: " + address_header(m.to_name, m.to) + "\r\n";
  h += "Subject: " + header_text("Subject", m.subject) + "\r\n";
  h += "Date: " + rfc5322_date(now) + "\r\n";
  h += "Message-ID: " + out.message_id + "\r\n";
  h += "MIME-Version: 1.0\r\n";
  h += "Content-Language: " + std::string(i18n::code(m.lang)) + "\r\n";
  h += "Auto-Submitted: auto-generated\r\n";
  if (!transactional(m.kind) && m.user_id) {
    h += "List-Unsubscribe: <" + url(unsubscribe_path(m.user_id, m.kind)) + ">\r\n";
    h += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }

  const std::string alt = boundary("alt");
  std::string alternative = "Content-Type: multipart/alternative; boundary=\"" + alt + "\"\r\n\r\n";
  alternative += "--" + alt + "\r\n" + part("text/plain", text_part(m, t)) + "\r\n";
  alternative += "--" + alt + "\r\n" + part("text/html", html_part(m, t)) + "\r\n";
  alternative += "--" + alt + "--\r\n";

  if (m.attachments.empty()) {
    out.message = h + alternative;
    return out;
  }
  const std::string mixed = boundary("mixed");
  std::string body = "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
  body += "--" + mixed + "\r\n" + alternative;
  for (const auto& a : m.attachments) {
    const std::string name = safe_filename(a.filename);
    body += "--" + mixed + "\r\n";
    body += "Content-Type: " + one_line(a.content_type) + "; name=\"" + name + "\"\r\n";
    body += "Content-Transfer-Encoding: base64\r\n";
    body += "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n";
    body += base64_lines(a.data);
  }
  body += "--" + mixed + "--\r\n";
  out.message = h + body;
  return out;
}

}  // namespace fabrique::mail
