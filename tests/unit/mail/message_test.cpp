// Mails as composed for the outbox: headers that nothing typed by a person can break, RFC 2047
// encoded-words, quoted-printable bodies, the two parts, unsubscription only where it belongs.
#include <gtest/gtest.h>

#include "mail/mail.hpp"
#include "mail/outbox.hpp"

namespace fabrique::mail {
namespace {

std::chrono::sys_seconds at_noon() { return std::chrono::sys_seconds(std::chrono::seconds(1796472000)); }

// The header block of a message: the lines before the first empty one, folded lines joined.
std::vector<std::string> header_lines(const std::string& message) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = message.find("\r\n", start);
    std::string line = message.substr(start, end - start);
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !out.empty())
      out.back() += line;
    else
      out.push_back(line);
    start = end + 2;
  }
  return out;
}

Mail sample() {
  Mail m;
  m.to = "camille@example.org";
  m.to_name = "Camille Martin";
  m.subject = "Confirmez votre adresse";
  m.paragraphs = {"Bonjour,", "Un lien :"};
  m.link_label = "Confirmer";
  m.link = "http://127.0.0.1:8080/inscription/confirmer?jeton=abc";
  m.kind = kConfirmation;
  return m;
}

TEST(MailHeaders, ACarriageReturnOrLineFeedInANameNeverStartsAHeader) {
  Mail m = sample();
  m.to_name = "Eve\r\nBcc: victim@example.org";
  m.subject = "Hello\nBcc: other@example.org\r\nX-Evil: 1";
  const std::string message = compose(m, at_noon()).message;
  for (const auto& line : header_lines(message)) {
    EXPECT_FALSE(line.starts_with("Bcc:")) << line;
    EXPECT_FALSE(line.starts_with("X-Evil:")) << line;
  }
  // Every line of the header block is a header or the folded continuation of one.
  std::size_t end = message.find("\r\n\r\n");
  std::string head = message.substr(0, end);
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t e = head.find("\r\n", start);
    if (e == std::string::npos) e = head.size();
    std::string line = head.substr(start, e - start);
    EXPECT_TRUE(line[0] == ' ' || line.find(':') != std::string::npos) << line;
    start = e + 2;
  }
  // Every line ends with CRLF.
  for (std::size_t i = message.find('\n'); i != std::string::npos; i = message.find('\n', i + 1))
    EXPECT_EQ(message[i - 1], '\r');
}

TEST(MailHeaders, TheHeaderHelpersDropLineBreaks) {
  EXPECT_EQ(header_text("Subject", "a\r\nb"), "a  b");
  EXPECT_EQ(address_header("Eve\r\nBcc: x@y", "a@b.org\r\nBcc: c@d"), "\"Eve  Bcc: x@y\" <a@b.orgBcc:c@d>");
}

TEST(MailHeaders, NonAsciiTextBecomesEncodedWordsOfAtMost75Characters) {
  std::string subject = "Événement annulé : « Journée de l’écologie numérique » à Saint-Étienne, déplacée";
  std::string h = header_text("Subject", subject);
  EXPECT_TRUE(h.starts_with("=?UTF-8?B?"));
  for (std::size_t start = 0; start < h.size();) {
    std::size_t end = h.find("\r\n ", start);
    std::string word = h.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(word.size(), 75u) << word;
    EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?=")) << word;
    if (end == std::string::npos) break;
    start = end + 3;
  }
  for (unsigned char c : h) EXPECT_LT(c, 128);
}

TEST(MailHeaders, AnAsciiNameIsQuoted) {
  EXPECT_EQ(address_header("Camille \"Cam\" Martin", "c@example.org"),
            "\"Camille \\\"Cam\\\" Martin\" <c@example.org>");
  EXPECT_EQ(address_header("", "c@example.org"), "c@example.org");
  EXPECT_TRUE(address_header("Élodie", "e@example.org").starts_with("=?UTF-8?B?"));
}

TEST(QuotedPrintable, EncodesEqualsNonAsciiAndTrailingSpaceAndKeepsLinesShort) {
  EXPECT_EQ(quoted_printable("a=b"), "a=3Db");
  EXPECT_EQ(quoted_printable("é"), "=C3=A9");
  EXPECT_EQ(quoted_printable("fin \nsuite"), "fin=20\r\nsuite");
  EXPECT_EQ(quoted_printable(".seul"), "=2Eseul");
  std::string long_line(200, 'x');
  std::string q = quoted_printable(long_line);
  std::size_t start = 0;
  std::string rebuilt;
  while (start < q.size()) {
    std::size_t end = q.find("\r\n", start);
    std::string line = q.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(line.size(), 76u);
    if (line.ends_with("=")) line.pop_back();
    rebuilt += line;
    if (end == std::string::npos) break;
    start = end + 2;
  }
  EXPECT_EQ(rebuilt, long_line);
}

TEST(Compose, TwoPartsInUtf8WithTheLinkInBoth) {
  Composed c = compose(sample(), at_noon());
  EXPECT_NE(c.message.find("Content-Type: multipart/alternative"), std::string::npos);
  EXPECT_NE(c.message.find("Content-Type: text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(c.message.find("Content-Type: text/html; charset=utf-8"), std::string::npos);
  EXPECT_NE(c.message.find("Message-ID: " + c.message_id), std::string::npos);
  EXPECT_NE(c.message.find("Date: Sat, 05 Dec 2026 12:00:00 +0000"), std::string::npos);
  EXPECT_NE(c.message.find("Auto-Submitted: auto-generated"), std::string::npos);
  EXPECT_EQ(c.message.find("List-Unsubscribe"), std::string::npos);  // a confirmation is transactional
  EXPECT_EQ(c.message.find("<img"), std::string::npos);
  for (unsigned char ch : c.message) EXPECT_LT(ch, 128);
}

TEST(Compose, ANoticeCarriesOneClickUnsubscription) {
  configure({"fabrique <noreply@example.org>", "https://fabrique.example.org", "key"});
  Mail m = sample();
  m.kind = "events";
  m.user_id = 42;
  Composed c = compose(m, at_noon());
  const std::string path = unsubscribe_path(42, "events");
  EXPECT_NE(c.message.find("List-Unsubscribe: <https://fabrique.example.org" + path + ">"), std::string::npos);
  EXPECT_NE(c.message.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), std::string::npos);
  EXPECT_TRUE(c.message_id.ends_with("@fabrique.example.org>"));
  const std::string token = path.substr(path.rfind('/') + 1);
  EXPECT_TRUE(unsubscribe_token_valid(42, "events", token));
  EXPECT_FALSE(unsubscribe_token_valid(43, "events", token));
  EXPECT_FALSE(unsubscribe_token_valid(42, "contributions", token));
  configure({});
}

TEST(Compose, AttachmentsGoInMultipartMixedAroundTheAlternative) {
  Mail m = sample();
  m.attachments.push_back({"reset-day.ics", "text/calendar; method=PUBLISH", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"});
  std::string message = compose(m, at_noon()).message;
  std::size_t mixed = message.find("Content-Type: multipart/mixed");
  std::size_t alternative = message.find("Content-Type: multipart/alternative");
  ASSERT_NE(mixed, std::string::npos);
  EXPECT_LT(mixed, alternative);
  EXPECT_NE(message.find("Content-Disposition: attachment; filename=\"reset-day.ics\""), std::string::npos);
}

TEST(Compose, AnHtmlBodyTakesTheParagraphsPlaceInTheHtmlPartOnly) {
  Mail m = sample();
  m.html = html::trusted("<h2>Lettre</h2>");
  const std::string message = compose(m, at_noon()).message;
  const std::size_t html_part = message.find("Content-Type: text/html");
  ASSERT_NE(html_part, std::string::npos);
  EXPECT_NE(message.find("<h2>Lettre</h2>", html_part), std::string::npos);
  EXPECT_EQ(message.find("<p>Bonjour,</p>"), std::string::npos);
  EXPECT_LT(message.find("Bonjour,"), html_part);                      // the paragraphs stay the plain text
  EXPECT_NE(message.find("Confirmer", html_part), std::string::npos);  // the link too
}

TEST(Compose, EachMailHasItsOwnMessageId) {
  EXPECT_NE(compose(sample(), at_noon()).message_id, compose(sample(), at_noon()).message_id);
}

TEST(Outbox, RetriesWaitLongerEachTimeUpToAnHour) {
  EXPECT_EQ(outbox::retry_delay(1), std::chrono::minutes(1));
  EXPECT_EQ(outbox::retry_delay(2), std::chrono::minutes(2));
  EXPECT_EQ(outbox::retry_delay(3), std::chrono::minutes(4));
  EXPECT_EQ(outbox::retry_delay(7), std::chrono::minutes(60));
  EXPECT_EQ(outbox::retry_delay(40), std::chrono::minutes(60));
}

}  // namespace
}  // namespace fabrique::mail
