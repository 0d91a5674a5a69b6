// The static archive of the public site (`fabrique export --static`), written from the demo programme
// with a few drafts added: crawled with a real HTML parser, searched for every private value, packed
// and read back with libarchive.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "demo/demo.hpp"
#include "integration/site.hpp"
#include "opendata/archive.hpp"
#include "territories/use_cases.hpp"

namespace fabrique::test {
namespace {

constexpr const char* kArchiveBase = "https://archive.example.org";

// A folder of its own for the archive and its packed files, removed afterwards.
struct ScratchFolder {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("fabrique-static-" + std::to_string(::getpid()) + "-" +
                                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  ScratchFolder() { std::filesystem::create_directories(path); }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

std::set<std::string> files_under(const std::filesystem::path& dir) {
  std::set<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.insert(std::filesystem::relative(e.path(), dir).generic_string());
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The regular files an archive lists, read back with libarchive (any format and filter it knows).
std::set<std::string> entries_of(const std::filesystem::path& file) {
  std::set<std::string> out;
  struct archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  EXPECT_EQ(archive_read_open_filename(a, file.c_str(), 64 * 1024), ARCHIVE_OK) << archive_error_string(a);
  struct archive_entry* entry = nullptr;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    if (archive_entry_filetype(entry) == AE_IFREG) out.insert(archive_entry_pathname(entry));
    archive_read_data_skip(a);
  }
  archive_read_free(a);
  return out;
}

// Every problem a real HTML parser (Python's html.parser) finds when it follows, from every page of
// the folder, every href, src and action: an address that leaves the folder or is not there, an
// absolute link back to the archived site, a fragment naming no id of its page, a form left in.
// Prints one line per problem, then "pages N".
std::string crawl_archive(const std::filesystem::path& dir) {
  const std::string command =
      "python3 -c '\n"
      "import os, sys, urllib.parse\n"
      "from html.parser import HTMLParser\n"
      "root, base = os.path.abspath(sys.argv[1]), sys.argv[2]\n"
      "class Page(HTMLParser):\n"
      "  def __init__(self):\n"
      "    super().__init__(); self.links = []; self.ids = set(); self.forms = 0\n"
      "  def handle_starttag(self, tag, attrs):\n"
      "    if tag == \"form\": self.forms += 1\n"
      "    for k, v in attrs:\n"
      "      if k == \"id\": self.ids.add(v)\n"
      "      if k in (\"href\", \"src\", \"action\") and v is not None: self.links.append(v)\n"
      "pages = {}\n"
      "for d, _, names in os.walk(root):\n"
      "  for n in names:\n"
      "    if n.endswith(\".html\"):\n"
      "      p = Page(); p.feed(open(os.path.join(d, n), encoding=\"utf-8\").read()); pages[os.path.join(d, n)] = p\n"
      "for path, p in sorted(pages.items()):\n"
      "  if p.forms: print(\"form\", path)\n"
      "  for v in p.links:\n"
      "    u = urllib.parse.urlsplit(v)\n"
      "    if v.startswith(base): print(\"absolute\", path, v); continue\n"
      "    if u.scheme in (\"http\", \"https\", \"mailto\"): continue\n"
      "    if u.scheme or u.netloc or v.startswith(\"/\") or u.query: print(\"not relative\", path, v); continue\n"
      "    target = os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(u.path))) if u.path else "
      "path\n"
      "    if not target.startswith(root + os.sep): print(\"outside\", path, v); continue\n"
      "    if not os.path.isfile(target): print(\"broken\", path, v); continue\n"
      "    if u.fragment and target in pages and u.fragment not in pages[target].ids: print(\"fragment\", path, v)\n"
      "print(\"pages\", len(pages))\n"
      "' " +
      dir.string() + " " + kArchiveBase + " 2>&1";
  std::string text;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, p)) text += buffer;
    EXPECT_EQ(::pclose(p), 0) << text;
  } else {
    ADD_FAILURE() << "cannot run python3";
  }
  return text;
}

// What no visitor may read, taken from the database: e-mails, names kept private, online meeting
// links, what members wrote when declaring their interest, drafts, pending contributions, the site's
// keys and every stored token.
std::vector<std::string> private_values(Site& site) {
  std::vector<std::string> out;
  auto c = site.db().acquire();
  for (const char* sql : {
           "SELECT email FROM users",
           "SELECT name FROM users WHERE show_name = 0",
           "SELECT online_url FROM events WHERE online_url <> ''",
           "SELECT message FROM interest_declarations WHERE message <> ''",
           "SELECT title FROM resources WHERE status = 'draft'",
           "SELECT title FROM boussole_cards WHERE status = 'draft'",
           "SELECT s.body FROM charter_sections s JOIN charter_versions v ON v.id = s.version_id "
           "WHERE v.consultation_opens_at IS NULL",
           "SELECT proposal FROM observatory_contributions WHERE status = 'pending'",
           "SELECT value FROM settings WHERE key IN ('csrf_key', 'mail_key')",
           "SELECT token_hash FROM sessions",
           "SELECT token_hash FROM calendar_tokens",
           "SELECT token_hash FROM account_tokens",
       })
    for (const auto& r : c->query(sql))
      if (r.text(0).size() >= 8) out.push_back(r.text(0));
  return out;
}

TEST(StaticArchive, TheDemoIsWrittenWholeWithWorkingLinksAndNothingPrivate) {
  Site site;
  demo::Summary loaded;
  {
    auto c = site.db().acquire();
    loaded = demo::load(*c);
  }
  // Drafts the archive must leave out: a member's proposed resource and card, a charter version.
  const auto member =
      std::find_if(loaded.accounts.begin(), loaded.accounts.end(), [](const auto& a) { return !a.animateur; });
  ASSERT_NE(member, loaded.accounts.end());
  Browser proposer(site);
  ASSERT_EQ(proposer.sign_in(member->email, demo::kPassword).status, 303);
  proposer.get("/ressources/proposer");
  ASSERT_EQ(proposer
                .post("/ressources/proposer", {{"title", "Brouillon de ressource jamais publié"},
                                               {"url", "https://example.org/brouillon"},
                                               {"kind", "guide"},
                                               {"licence", "CC-BY-4.0"}})
                .status,
            303);
  proposer.get("/boussole/proposer");
  ASSERT_EQ(proposer
                .post("/boussole/proposer", {{"title", "Carte d'expérience encore en brouillon"},
                                             {"outcome", "mitige"},
                                             {"tried", "Un essai que personne n'a relu."}})
                .status,
            303);
  Browser animateur(site);
  ASSERT_EQ(animateur.sign_in(demo::kAnimateurEmail, demo::kPassword).status, 303);
  animateur.get("/charte/versions/nouvelle");
  ASSERT_EQ(
      animateur.post("/charte/versions/nouvelle", {{"principes", "Un principe encore discuté en secret."}}).status,
      303);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM resources WHERE status = 'draft'"), 1);
  EXPECT_EQ(site.count("SELECT COUNT(*) FROM boussole_cards WHERE status = 'draft'"), 1);

  ScratchFolder scratch;
  const auto dir = scratch.path / "site";
  config::Options options = site.options();
  options.base_url = kArchiveBase;
  const auto summary = opendata::archive::write_site(site.db(), options, dir);

  // Both languages, every kind of document, the shared assets.
  const auto files = files_under(dir);
  for (const char* f :
       {"index.html", "fr/index.html", "en/index.html", "fr/coalitions/index.html",
        "en/coalitions/qualite-democratique/index.html", "fr/coalitions/qualite-democratique/historique/index.html",
        "fr/coalitions.json", "fr/coalitions/qualite-democratique.json", "fr/evenements.ics", "fr/feuille-de-route.csv",
        "fr/observatoire/changements.atom", "en/observatoire.csv", "fr/charte/versions/2/index.html"})
    EXPECT_TRUE(files.count(f)) << f << " is missing";
  EXPECT_TRUE(std::any_of(files.begin(), files.end(), [](auto& f) { return f.starts_with("static/style."); }));
  EXPECT_TRUE(std::any_of(files.begin(), files.end(), [](auto& f) { return f.starts_with("en/ressources/"); }));
  EXPECT_EQ(summary.pages + summary.documents + summary.assets, files.size());
  EXPECT_GT(summary.pages, 100u);

  // The French home: relative links, its forms given way to the sentence, nobody to sign in.
  const std::string home = read_file(dir / "fr/index.html");
  EXPECT_NE(home.find("Ce site est une archive : la recherche ne fonctionnait que sur le site en service."),
            std::string::npos);
  EXPECT_NE(home.find(R"(href="coalitions/index.html")"), std::string::npos) << home.substr(0, 3000);
  EXPECT_NE(home.find(R"(href="../en/index.html")"), std::string::npos)
      << "the language switch leads to the other tree";
  EXPECT_EQ(home.find("/connexion"), std::string::npos);
  EXPECT_NE(read_file(dir / "en/coalitions/index.html").find("This site is an archive"), std::string::npos);

  // A real parser follows every link of every page and finds none broken.
  const std::string problems = crawl_archive(dir);
  EXPECT_TRUE(problems.starts_with("pages ")) << problems.substr(0, 4000);

  // No private value in any file.
  auto secrets = private_values(site);
  secrets.push_back(proposer.cookie(http::App::kSessionCookie));
  secrets.push_back(animateur.cookie(http::App::kSessionCookie));
  EXPECT_GE(secrets.size(), 12u);
  for (const auto& f : files) {
    const std::string bytes = read_file(dir / f);
    for (const auto& s : secrets) EXPECT_EQ(bytes.find(s), std::string::npos) << f << " holds the private " << s;
  }

  // Packed, each archive lists the same files as the folder.
  for (const char* name : {"site.tar.gz", "site.zip"}) {
    opendata::archive::pack(dir, scratch.path / name);
    EXPECT_EQ(entries_of(scratch.path / name), files) << name;
  }
  EXPECT_THROW(opendata::archive::pack(dir, scratch.path / "site.zip"), opendata::archive::ArchiveError);
  EXPECT_THROW(opendata::archive::write_site(site.db(), options, dir), opendata::archive::ArchiveError)
      << "a folder that is not empty is refused";
}

// With the official geography loaded, the archive holds the régions and the territories where
// something is placed or within which it is, not every commune: Brest, where the demo placed the Ville
// de Brest, and Finistère and Bretagne above it; neither Guipavas nor Ajaccio, where nothing is.
TEST(StaticArchive, OnlyTheTerritoriesWithSomethingPlacedAndTheRegionsAreArchived) {
  Site site;
  {
    auto c = site.db().acquire();
    territories::load_territories(
        *c, territories::read_cog(std::filesystem::path(__FILE__).parent_path() / "cog" / "a" / "data"));
    demo::load(*c);
  }
  ScratchFolder scratch;
  const auto dir = scratch.path / "site";
  config::Options options = site.options();
  options.base_url = kArchiveBase;
  opendata::archive::write_site(site.db(), options, dir);
  const auto files = files_under(dir);
  for (const char* f :
       {"fr/territoires/index.html", "fr/territoires/region-53/index.html", "fr/territoires/29/index.html",
        "fr/territoires/29019/index.html", "fr/territoires/region-94/index.html"})
    EXPECT_TRUE(files.count(f)) << f << " is missing";
  for (const char* f :
       {"fr/territoires/29075/index.html", "fr/territoires/2a004/index.html", "fr/territoires/53/index.html"})
    EXPECT_FALSE(files.count(f)) << f << " is archived";
}

}  // namespace
}  // namespace fabrique::test
