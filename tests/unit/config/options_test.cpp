// Configuration: defaults, the order of sources, validation that names the option.
#include "config/options.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fabrique::config {
namespace {

std::string message_of(const Sources& s) {
  try {
    load(s);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Config, DefaultsServeLocallyFromSqlite) {
  auto o = load({});
  EXPECT_EQ(o.listen, "127.0.0.1:8080");
  EXPECT_EQ(o.database, "var/fabrique.db");
}

TEST(Config, EnvironmentOverridesFileAndFlagsOverrideBoth) {
  auto path = std::filesystem::temp_directory_path() / "fabrique-config-test.conf";
  std::ofstream(path) << "# a comment\nlisten = 127.0.0.1:9000\ndatabase = from-file.db\nthreads = 3\n";
  Sources s;
  s.file_path = path.string();
  s.environment = {{"FABRIQUE_LISTEN", "127.0.0.1:9001"}, {"FABRIQUE_DATABASE", "from-env.db"}};
  s.flags = {{"listen", "127.0.0.1:9002"}};
  auto o = load(s);
  EXPECT_EQ(o.listen, "127.0.0.1:9002");
  EXPECT_EQ(o.database, "from-env.db");
  EXPECT_EQ(o.threads, 3);
  std::filesystem::remove(path);
}

TEST(Config, InvalidValuesNameTheOption) {
  EXPECT_NE(message_of({.flags = {{"listen", "nowhere"}}}).find("listen"), std::string::npos);
  EXPECT_NE(message_of({.flags = {{"listen", "127.0.0.1:99999"}}}).find("listen"), std::string::npos);
  EXPECT_NE(message_of({.flags = {{"threads", "many"}}}).find("threads"), std::string::npos);
  EXPECT_NE(message_of({.flags = {{"secure_cookies", "perhaps"}}}).find("secure_cookies"), std::string::npos);
  EXPECT_NE(message_of({.environment = {{"FABRIQUE_DATABASE", "mysql://x"}}}).find("database"), std::string::npos);
  EXPECT_NE(message_of({.flags = {{"nonsense", "1"}}}).find("nonsense"), std::string::npos);
  EXPECT_NE(message_of({.environment = {{"FABRIQUE_LISTN", "x"}}}).find("FABRIQUE_LISTN"), std::string::npos);
}

TEST(Config, NoBaseUrlByDefaultSoThatLinksNameTheAddressAskedFor) {
  auto o = load({});
  EXPECT_EQ(o.base_url, "");
  EXPECT_TRUE(o.allowed_hosts.empty());
  EXPECT_EQ(o.data_licence, "etalab-2.0");
  EXPECT_EQ(o.sitemap_max_urls, 50000u);
  EXPECT_EQ(load({.flags = {{"base_url", "https://fabrique.example.org/"}}}).base_url, "https://fabrique.example.org");
}

TEST(Config, AllowedHostsAreHostNamesAndTheLicenceAnSpdxIdentifier) {
  auto o = load({.flags = {{"allowed_hosts", "Fabrique.example.org, www.fabrique.example.org"}}});
  EXPECT_EQ(o.allowed_hosts, (std::vector<std::string>{"fabrique.example.org", "www.fabrique.example.org"}));
  EXPECT_NE(message_of({.flags = {{"allowed_hosts", "https://fabrique.example.org"}}}).find("allowed_hosts"),
            std::string::npos);
  EXPECT_NE(message_of({.flags = {{"allowed_hosts", "fabrique.example.org:443"}}}).find("allowed_hosts"),
            std::string::npos);
  EXPECT_EQ(load({.flags = {{"data_licence", "ODbL-1.0"}}}).data_licence, "ODbL-1.0");
  EXPECT_NE(message_of({.flags = {{"data_licence", "<b>libre</b>"}}}).find("data_licence"), std::string::npos);
  EXPECT_NE(message_of({.flags = {{"sitemap_max_urls", "50001"}}}).find("sitemap_max_urls"), std::string::npos);
}

TEST(Config, AcceptsAPostgresqlUrl) {
  auto o = load({.flags = {{"database", "postgresql://fabrique@localhost/fabrique"}}});
  EXPECT_EQ(o.database, "postgresql://fabrique@localhost/fabrique");
}

TEST(Config, SecretsCanComeFromAFileAndAreNeverDescribedInClear) {
  auto path = std::filesystem::temp_directory_path() / "fabrique-secret-test";
  std::ofstream(path) << "postgresql://fabrique:hunter2@db/fabrique\n";
  auto o = load({.environment = {{"FABRIQUE_DATABASE_FILE", path.string()}}});
  EXPECT_EQ(o.database, "postgresql://fabrique:hunter2@db/fabrique");
  for (const auto& [name, value] : describe(o)) EXPECT_EQ(value.find("hunter2"), std::string::npos) << name;
  std::filesystem::remove(path);
}

TEST(Config, TheSmtpPasswordComesFromAFileAndIsNeverDescribed) {
  auto path = std::filesystem::temp_directory_path() / "fabrique-smtp-secret-test";
  std::ofstream(path) << "correct horse battery\n";
  auto o = load({.environment = {{"FABRIQUE_SMTP_PASSWORD_FILE", path.string()},
                                 {"FABRIQUE_SMTP_URL", "smtp://relay:s3cr3t@mail.example.org:587"}}});
  EXPECT_EQ(o.smtp_password, "correct horse battery");
  for (const auto& [name, value] : describe(o)) {
    EXPECT_EQ(value.find("battery"), std::string::npos) << name;
    EXPECT_EQ(value.find("s3cr3t"), std::string::npos) << name;
  }
  std::filesystem::remove(path);
}

TEST(Config, MailOptionsAreCheckedAndNamed) {
  EXPECT_NE(message_of({.flags = {{"smtp_url", "http://mail.example.org"}}}).find("smtp_url"), std::string::npos);
  EXPECT_NE(message_of({.flags = {{"smtp_starttls", "maybe"}}}).find("smtp_starttls"), std::string::npos);
  EXPECT_NE(message_of({.flags = {{"mail_from", "nobody"}}}).find("mail_from"), std::string::npos);
  EXPECT_NE(message_of({.flags = {{"smtp_timeout", "0"}}}).find("smtp_timeout"), std::string::npos);
  auto o = load({.environment = {{"FABRIQUE_SMTP_URL", "smtps://mail.example.org:465"},
                                 {"FABRIQUE_MAIL_FROM", "Programme Reset <reset@example.org>"}}});
  EXPECT_EQ(o.smtp_url, "smtps://mail.example.org:465");
  EXPECT_EQ(o.mail_from, "Programme Reset <reset@example.org>");
  EXPECT_EQ(load({}).smtp_url, "");  // none by default: mails are written to mail_dir
}

TEST(Config, SampleFileListsEveryOptionCommented) {
  auto sample = sample_file();
  for (const auto& o : option_table()) EXPECT_NE(sample.find("# " + o.name + " = "), std::string::npos) << o.name;
}

TEST(Config, UnknownKeyInTheFileIsRefusedWithItsLine) {
  auto path = std::filesystem::temp_directory_path() / "fabrique-config-bad.conf";
  std::ofstream(path) << "listen = 127.0.0.1:1\nlisen = x\n";
  auto m = message_of({.file_path = path.string()});
  EXPECT_NE(m.find("line 2"), std::string::npos);
  EXPECT_NE(m.find("lisen"), std::string::npos);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace fabrique::config
