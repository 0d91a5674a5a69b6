// The static archive's text work: where each document goes, relative addresses, pages rewritten.
#include "opendata/archive.hpp"

#include <gtest/gtest.h>

#include "opendata/sitemap.hpp"

namespace fabrique::opendata::archive::detail {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

TEST(ArchiveFiles, PagesAreFoldersAndDocumentsKeepTheirNames) {
  EXPECT_EQ(file_for("fr", "/", "", kHtml, ""), "fr/index.html");
  EXPECT_EQ(file_for("en", "/coalitions/x", "", kHtml, ""), "en/coalitions/x/index.html");
  EXPECT_EQ(file_for("fr", "/ressources", "type=guide&page=2", kHtml, ""),
            "fr/ressources/index-type-guide-page-2.html");
  EXPECT_EQ(file_for("fr", "/coalitions.json", "", "application/json", ""), "fr/coalitions.json");
  EXPECT_EQ(file_for("fr", "/feuille-de-route.csv", "levier=offre", "text/csv", ""),
            "fr/feuille-de-route-levier-offre.csv");
  EXPECT_EQ(file_for("", "/static/style.abc.css", "", "text/css", ""), "static/style.abc.css");
  // A download without an extension is written under the name it is offered with, made safe.
  EXPECT_EQ(file_for("fr", "/ressources/guide/fichier", "", "application/pdf",
                     "attachment; filename=\"le guide/../v2.pdf\"; filename*=UTF-8''le%20guide.pdf"),
            "fr/ressources/guide/fichier/le_guide_.._v2.pdf");
  EXPECT_EQ(file_for("fr", "/ressources/guide/fichier", "", "application/pdf", ""),
            "fr/ressources/guide/fichier/index.pdf");
}

TEST(ArchiveFiles, PathsThatCannotBeFilesAreRefused) {
  EXPECT_EQ(file_for("fr", "/a/../../etc/passwd", "", "text/plain", ""), std::nullopt);
  EXPECT_EQ(file_for("fr", "/a//b", "", kHtml, ""), std::nullopt);
  EXPECT_EQ(file_for("fr", "relative", "", kHtml, ""), std::nullopt);
  EXPECT_EQ(file_for("fr", "/a\\b", "", kHtml, ""), std::nullopt);
}

TEST(ArchiveFiles, AddressesAreRelativeToThePage) {
  EXPECT_EQ(relative("fr/index.html", "fr/coalitions/index.html"), "coalitions/index.html");
  EXPECT_EQ(relative("fr/coalitions/x/index.html", "static/style.css"), "../../../static/style.css");
  EXPECT_EQ(relative("fr/a/index.html", "fr/a/index.html"), "index.html");
  EXPECT_EQ(relative("index.html", "fr/index.html"), "fr/index.html");
  EXPECT_EQ(relative("fr/a/index.html", "fr/b/é t.html"), "../b/%C3%A9%20t.html");
}

TEST(ArchivePages, LinksBecomeRelativeFormsSentencesAndTheAccountMenuGoes) {
  const std::string page =
      R"(<html><head><link rel="stylesheet" href="/static/s.css"><link rel="alternate" href="/nulle-part.atom"></head>)"
      R"(<body><a href="/coalitions?famille=a&amp;page=2#liste">Liste</a> <a href="https://site.example.org/">Accueil</a>)"
      R"( <a href="/connexion">Se connecter</a> <a href="#contenu">Aller</a> <a href="https://ailleurs.example.org/x">x</a>)"
      R"(<form method="get" action="/recherche" role="search"><input name="q"></form>)"
      R"(<nav class="account"><ul><li><a href="/inscription">S'inscrire</a></li></ul></nav>)"
      R"(<form method="post" action="/x"><button>Envoyer</button></form><img src="/static/i.svg" alt=""></body></html>)";
  const std::map<std::string, std::string> files = {{"/static/s.css", "static/s.css"},
                                                    {"/static/i.svg", "static/i.svg"},
                                                    {"/", "fr/index.html"},
                                                    {"/coalitions?famille=a&page=2", "fr/coalitions/index-p2.html"}};
  auto resolve = [&](std::string_view target) -> std::optional<std::string> {
    auto it = files.find(std::string(target));
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  const std::string out = rewrite_page(page, "fr/coalitions/x/index.html", "https://site.example.org", resolve,
                                       {.form_replaced = "Archivé.", .search_replaced = "Pas de recherche."});
  EXPECT_EQ(out,
            R"(<html><head><link rel="stylesheet" href="../../../static/s.css"></head>)"
            R"(<body><a href="../index-p2.html#liste">Liste</a> <a href="../../index.html">Accueil</a>)"
            R"( <span>Se connecter</span> <a href="#contenu">Aller</a> <a href="https://ailleurs.example.org/x">x</a>)"
            R"(<p class="archived">Pas de recherche.</p>)"
            R"(<p class="archived">Archivé.</p><img src="../../../static/i.svg" alt=""></body></html>)");
}

TEST(ArchivePages, LinksAreReadWithTheirEntitiesDecoded) {
  EXPECT_EQ(links_of(R"(<a href="/a?b=1&amp;c=2">x</a><img src='/i.svg'><p>a < b</p><form action="/f"></form>)"),
            (std::vector<std::string>{"/a?b=1&c=2", "/i.svg", "/f"}));
}

TEST(ArchivePages, WhatRobotsMayNotReadIsLeftOut) {
  EXPECT_TRUE(sitemap::closed_to_robots("/coalitions/x/modifier"));
  EXPECT_TRUE(sitemap::closed_to_robots("/langue/en"));
  EXPECT_TRUE(sitemap::closed_to_robots("/compte/donnees.json"));
  EXPECT_TRUE(sitemap::closed_to_robots("/evenements/x/inscrits.csv"));
  EXPECT_FALSE(sitemap::closed_to_robots("/coalitions/x"));
  EXPECT_FALSE(sitemap::closed_to_robots("/"));
}

}  // namespace
}  // namespace fabrique::opendata::archive::detail
