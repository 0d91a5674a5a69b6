// The commons over real HTTP: resources proposed, published, edited as revisions and filtered; the
// charter's consultation window, adoption with its diff, signatures and re-signatures; the boussole.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "commons/store.hpp"
#include "integration/coalition_filter.hpp"
#include "integration/commons_site.hpp"
#include "storage/batches.hpp"
#include "storage/instants.hpp"

namespace fabrique::test {
namespace {

TEST(Resources, AMemberProposesAndAnAnimateurPublishes) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  auto r = CommonsSite::propose(member, "Guide des données ouvertes", "Pour **débuter**.", "CC-BY-SA-4.0", "guide", "",
                                "open data, Données");
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources WHERE status = 'draft' AND licence = 'CC-BY-SA-4.0'"), 1);
  Browser visitor(p.site);
  EXPECT_EQ(visitor.get("/ressources").body.find("Guide des données ouvertes"), std::string::npos);
  EXPECT_NE(member.get("/ressources").body.find("Guide des données ouvertes"), std::string::npos);
  // The count of the list: one's own drafts with the published ones, narrowed by the same filters.
  EXPECT_NE(visitor.get("/ressources").body.find(R"(role="status">0 ressource<)"), std::string::npos);
  EXPECT_NE(member.get("/ressources").body.find(R"(role="status">1 ressource<)"), std::string::npos);
  EXPECT_NE(member.get("/ressources?licence=CC-BY-SA-4.0").body.find(R"(role="status">1 ressource<)"),
            std::string::npos);
  EXPECT_NE(member.get("/ressources?licence=CC-BY-4.0").body.find(R"(role="status">0 ressource<)"), std::string::npos);
  EXPECT_NE(p.signed_in("porteur@example.org").get("/ressources").body.find(R"(role="status">0 ressource<)"),
            std::string::npos);
  auto anim = p.signed_in("anim@example.org");
  EXPECT_NE(anim.get("/ressources").body.find(R"(role="status">1 ressource<)"), std::string::npos);
  anim.get("/ressources/guide-des-donnees-ouvertes");
  auto published = anim.post("/ressources/guide-des-donnees-ouvertes/publier", {});
  EXPECT_EQ(published.status, 303);
  EXPECT_NE(anim.get(published.header("location")).body.find("La ressource est publiée."), std::string::npos);
  EXPECT_NE(visitor.get("/ressources").body.find(R"(role="status">1 ressource<)"), std::string::npos)
      << "the count shared between views follows the publication";
  auto page = visitor.get("/ressources/guide-des-donnees-ouvertes");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<strong>débuter</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("https://creativecommons.org/licenses/by-sa/4.0/"), std::string::npos);
  EXPECT_NE(page.body.find("#donnees"), std::string::npos);
  EXPECT_NE(visitor.get("/ressources?etiquette=open-data").body.find("Guide des données ouvertes"), std::string::npos);
  EXPECT_EQ(visitor.get("/ressources?type=podcast").body.find("Guide des données ouvertes"), std::string::npos);
  EXPECT_NE(visitor.get("/ressources?licence=CC-BY-SA-4.0").body.find("Guide des données ouvertes"), std::string::npos);
  auto json = visitor.get("/ressources.json");
  EXPECT_NE(json.body.find(R"("slug":"guide-des-donnees-ouvertes")"), std::string::npos);
}

// The library's CSV reads the resources a batch at a time, newest first: every published one once,
// in that order, even where many changed at the same second (the batches follow on by id).
TEST(Resources, TheCsvHoldsEveryPublishedResourceOnceNewestFirstAcrossBatches) {
  CommonsSite p;
  constexpr int kResources = 2 * static_cast<int>(storage::kExportBatch) + 77;
  {
    auto c = p.site.db().acquire();
    storage::Transaction tx(*c, true);
    for (int i = 0; i < kResources; ++i) {
      commons::Resource r;
      r.slug = fmt::format("ressource-{:04}", i);
      r.title = fmt::format("Ressource {:04}", i);
      r.url = "https://example.org/" + r.slug;
      r.kind = "guide";
      r.licence = "CC-BY-4.0";
      r.status = i % 10 == 9 ? commons::Status::draft : commons::Status::published;
      // Seven instants for them all: most share theirs with many others.
      r.created_at = r.updated_at = p.site.now() - std::chrono::minutes(i % 7);
      commons::store::insert_resource(*c, r);
    }
    tx.commit();
  }
  const std::string csv = Browser(p.site).get("/ressources.csv").body;
  std::vector<int> listed;
  for (std::size_t at = 0; (at = csv.find("\r\nressource-", at)) != std::string::npos; ++at)
    listed.push_back(std::stoi(csv.substr(at + 12, 4)));
  std::vector<int> expected;
  for (int i = 0; i < kResources; ++i)
    if (i % 10 != 9) expected.push_back(i);
  // Newest first (the smallest i % 7), then by id, the newest first.
  std::sort(expected.begin(), expected.end(), [](int x, int y) { return x % 7 != y % 7 ? x % 7 < y % 7 : x > y; });
  EXPECT_EQ(listed, expected);
}

TEST(Resources, ACoPorteurPublishesAtOnceForTheirCoalitionAndTheFilterFindsIt) {
  CommonsSite p;
  auto porteur = p.signed_in("porteur@example.org");
  ASSERT_EQ(CommonsSite::propose(porteur, "Enacting the Commons", "Documenter les communs en Europe.", "CC-BY-4.0",
                                 "site", "developper-et-maintenir-les-communs-numeriques")
                .status,
            303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources WHERE status = 'published'"), 1);
  Browser visitor(p.site);
  EXPECT_NE(visitor.get("/ressources?coalition=developper-et-maintenir-les-communs-numeriques")
                .body.find("Enacting the Commons"),
            std::string::npos);
  EXPECT_EQ(
      visitor.get("/ressources?coalition=pour-un-achat-public-numerique-responsable").body.find("Enacting the Commons"),
      std::string::npos);
  expect_coalition_filter(visitor,
                          {"/ressources", kCommonsCoalition, "8.a", "communs numeriques", "Enacting the Commons"});
  EXPECT_NE(
      visitor.get(std::string("/ressources.csv?coalition=") + kCommonsCoalition).body.find("Enacting the Commons"),
      std::string::npos);
  EXPECT_EQ(visitor.get("/ressources.json?coalition=4").body.find("Enacting the Commons"), std::string::npos);
}

TEST(Resources, TheDefaultLicenceIsCcBy4AndAnUnknownLicenceIsRefused) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  auto form = member.get("/ressources/proposer");
  EXPECT_NE(form.body.find(R"(<option value="CC-BY-4.0" selected>)"), std::string::npos);
  auto r = CommonsSite::propose(member, "Une ressource", "Texte gardé.", "WTFPL-9");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Choisissez une licence dans la liste."), std::string::npos);
  EXPECT_NE(r.body.find("Texte gardé."), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources"), 0);
  EXPECT_EQ(CommonsSite::propose(member, "", "x").status, 422);
  EXPECT_EQ(CommonsSite::propose(member, "Titre", "x", "CC-BY-4.0", "kind-inconnu").status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources"), 0);
}

// Issue #19: the resource form links its coalitions with the picker, not a box per coalition: a
// search draws the form again with those that match and what was typed, writing nothing; an unknown
// coalition is refused next to the field.
TEST(Resources, TheFormLinksCoalitionsWithThePicker) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  auto form = member.get("/ressources/proposer");
  EXPECT_EQ(form.body.find(R"(name="coalitions" value=")"), std::string::npos);
  EXPECT_NE(form.body.find(R"(name="coalitions_q")"), std::string::npos);
  auto found = member.post("/ressources/proposer", {{"title", "Boîte à outils"},
                                                    {"url", "https://example.org/outils"},
                                                    {"kind", "guide"},
                                                    {"licence", "CC-BY-4.0"},
                                                    {"coalitions_q", "communs numeriques"}});
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find(R"(name="coalitions" value="developper-et-maintenir-les-communs-numeriques")"),
            std::string::npos);
  EXPECT_NE(found.body.find("Boîte à outils"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources"), 0);
  auto unknown = CommonsSite::propose(member, "Boîte à outils", "x", "CC-BY-4.0", "guide", "nulle-part");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find(R"(id="f-coalitions-error")"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources"), 0);
}

TEST(Resources, AResourceShowsItsAuthorAndTheLineItsLicenceAsksToCreditIt) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  anim.get("/ressources/proposer");
  std::vector<std::pair<std::string, std::string>> fields{
      {"title", "Guide des communs"}, {"url", "https://example.org/guide"}, {"kind", "guide"},
      {"licence", "CC-BY-4.0"},       {"creator", std::string(201, 'x')},   {"description", "Pour démarrer."}};
  // Too long an author is refused next to its field, the rest kept, nothing written.
  auto refused = anim.post("/ressources/proposer", fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(R"(id="f-creator-error")"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("Pour démarrer."), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources"), 0);

  fields[4].second = "La 27e Région";
  auto made = anim.post("/ressources/proposer", fields);
  ASSERT_EQ(made.status, 303) << made.body;
  const std::string page = "/ressources/guide-des-communs";
  auto shown = anim.get(page);
  EXPECT_NE(shown.body.find("<dt>Auteur</dt><dd>La 27e Région</dd>"), std::string::npos) << shown.body;
  EXPECT_NE(shown.body.find("<p class=\"attribution\">Pour la créditer : <a href=\"https://example.org/guide\">Guide "
                            "des communs</a>, par La 27e Région, sous licence <a "
                            "href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a></p>"),
            std::string::npos);
  EXPECT_NE(anim.get(page + ".json").body.find(R"("creator":"La 27e Région")"), std::string::npos);

  // The author is a field of the revisions: changed, compared, and brought back by a restore.
  anim.get(page + "/modifier");
  fields[4].second = "Fing";
  fields.push_back({"base_revision", "1"});
  ASSERT_EQ(anim.post(page + "/modifier", fields).status, 303);
  auto compared = anim.get(page + "/historique/comparer?de=1&a=2");
  EXPECT_NE(compared.body.find("Auteur"), std::string::npos);
  EXPECT_NE(compared.body.find("Fing"), std::string::npos);
  anim.get(page);
  ASSERT_EQ(anim.post(page + "/historique/1/restaurer", {{"base_revision", "2"}}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources WHERE creator = 'La 27e Région' AND revision = 3"), 1);

  // Without an author, the line still names the work and its licence.
  anim.get(page + "/modifier");
  fields[4].second = "";
  fields.back().second = "3";
  ASSERT_EQ(anim.post(page + "/modifier", fields).status, 303);
  EXPECT_NE(anim.get(page).body.find("Guide des communs</a>, sous licence"), std::string::npos);
}

TEST(Resources, EditsAreRevisionsAndAStaleEditIsAConflict) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  ASSERT_EQ(CommonsSite::propose(anim, "Boîte à outils", "Première description.").status, 303);
  const std::string page = "/ressources/boite-a-outils";
  anim.get(page + "/modifier");
  auto save = [&](const std::string& base, const std::string& description) {
    return anim.post(page + "/modifier", {{"base_revision", base},
                                          {"title", "Boîte à outils"},
                                          {"url", "https://example.org/outils"},
                                          {"kind", "outil"},
                                          {"licence", "MIT"},
                                          {"description", description}});
  };
  auto saved = save("1", "Deuxième description.");
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("location"), page + "?enregistre=ressource");
  EXPECT_NE(anim.get(saved.header("location")).body.find("La ressource est enregistrée."), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resource_revisions"), 2);
  anim.get(page + "/modifier");
  auto stale = save("1", "Une version concurrente.");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Une version concurrente."), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources WHERE description = 'Deuxième description.'"), 1);
  auto shown = anim.get(page);
  EXPECT_NE(shown.body.find(R"(<th scope="row">2</th>)"), std::string::npos);
  // Someone else may not edit it.
  auto other = p.signed_in("autre@example.org");
  EXPECT_EQ(other.get(page + "/modifier").status, 403);
}

// A small, well-formed PDF: libmagic reads its type from the "%PDF-" header.
const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

HttpResponse upload(CommonsSite& p, Browser& b, const std::string& title, const Browser::FilePart& file) {
  b.get("/ressources/proposer");
  return b.post_multipart("/ressources/proposer",
                          {{"title", title}, {"kind", "guide"}, {"licence", "CC-BY-4.0"}, {"url", ""}}, {file});
}

TEST(Resources, AnUploadedFileIsStoredAndDownloadedAsAnAttachment) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  auto r = upload(p, anim, "Guide en PDF", {"file", "guide des communs.pdf", "application/pdf", kPdf});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(
      p.site.count(
          "SELECT COUNT(*) FROM resources r JOIN files f ON f.id = r.file_id WHERE f.media_type = 'application/pdf'"),
      1);
  Browser visitor(p.site);
  auto page = visitor.get("/ressources/guide-en-pdf");
  EXPECT_NE(page.body.find("/ressources/guide-en-pdf/fichier"), std::string::npos);
  EXPECT_NE(page.body.find("guide des communs.pdf"), std::string::npos);
  auto file = visitor.get("/ressources/guide-en-pdf/fichier");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, kPdf);
  EXPECT_NE(file.header("content-disposition").find("attachment"), std::string::npos);
  // Deleting the resource deletes its file.
  anim.get("/ressources/guide-en-pdf");
  EXPECT_EQ(anim.post("/ressources/guide-en-pdf/supprimer", {}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM files"), 0);
}

TEST(Resources, UploadsAreRefusedByContentTypeAndBySize) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  // An executable, whatever its name says.
  auto exe = upload(p, member, "Outil",
                    {"file", "outil.pdf", "application/pdf",
                     std::string("\x7f"
                                 "ELF\x02\x01\x01") +
                         std::string(200, '\0')});
  EXPECT_EQ(exe.status, 422);
  // A PNG named as a PDF.
  auto png = upload(p, member, "Rapport",
                    {"file", "rapport.pdf", "application/pdf",
                     std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(100, 'x')});
  EXPECT_EQ(png.status, 422);
  EXPECT_NE(png.body.find("Rapport"), std::string::npos);  // the input is kept
  // Over 20 MB.
  auto big = upload(p, member, "Trop gros",
                    {"file", "gros.pdf", "application/pdf", kPdf + std::string(20 * 1000 * 1000, ' ')});
  EXPECT_EQ(big.status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM resources"), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM files"), 0);
  // A draft's file is not for everyone.
  ASSERT_EQ(upload(p, member, "Brouillon", {"file", "b.pdf", "application/pdf", kPdf}).status, 303);
  EXPECT_EQ(Browser(p.site).get("/ressources/brouillon/fichier").status, 404);
  EXPECT_EQ(member.get("/ressources/brouillon/fichier").status, 200);
}

TEST(Charter, CommentsAreOpenOnlyDuringTheConsultation) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  anim.get("/charte/versions/nouvelle");
  ASSERT_EQ(anim.post("/charte/versions/nouvelle", {{"label", "bêta"}, {"principes", "S'engager ensemble."}}).status,
            303);
  auto member = p.signed_in("membre@example.org");
  // A draft is not public yet.
  EXPECT_EQ(member.get("/charte/versions/1").status, 404);
  anim.get("/charte/versions/1");
  EXPECT_EQ(anim.post("/charte/versions/1/consultation", {{"days", "500"}}).status, 422);
  EXPECT_EQ(anim.post("/charte/versions/1/consultation", {{"days", "10"}}).status, 303);
  auto page = member.get("/charte/versions/1");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("en consultation"), std::string::npos);
  auto ok = member.post("/charte/versions/1/commentaires",
                        {{"section", "principes"}, {"comment-principes", "Préciser « ensemble »."}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_NE(Browser(p.site).get("/charte/versions/1").body.find("Préciser « ensemble »."), std::string::npos);
  p.site.advance(std::chrono::seconds(11 * 86400));
  member.get("/charte/versions/1");
  auto late =
      member.post("/charte/versions/1/commentaires", {{"section", "principes"}, {"comment-principes", "Trop tard ?"}});
  EXPECT_EQ(late.status, 422);
  EXPECT_NE(late.body.find("période de consultation"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM charter_comments"), 1);
}

// The animateur signed in on `anim` drafts version `number` with these principles and opens its
// consultation; true when both were accepted.
bool draft_and_consult(Browser& anim, const std::string& number, const std::string& principles) {
  anim.get("/charte/versions/nouvelle");
  if (anim.post("/charte/versions/nouvelle", {{"principes", principles}}).status != 303) return false;
  anim.get("/charte/versions/" + number);
  return anim.post("/charte/versions/" + number + "/consultation", {{"days", "10"}}).status == 303;
}

TEST(Charter, AdoptionShowsTheDiffAndAsksSignatoriesToSignAgain) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  auto adopt = [&](const std::string& number, const std::string& principles) {
    ASSERT_TRUE(draft_and_consult(anim, number, principles));
    ASSERT_EQ(anim.post("/charte/versions/" + number + "/adopter", {}).status, 303);
  };
  adopt("1", "Agir sur l'offre et la commande.");
  auto member = p.signed_in("membre@example.org");
  member.get("/charte");
  EXPECT_EQ(member.post("/charte/versions/1/signer", {{"organisation", ""}}).status, 303);
  member.get("/charte");
  EXPECT_EQ(member.post("/charte/versions/1/signer", {{"organisation", "fing"}}).status, 303);
  member.get("/charte");
  auto twice = member.post("/charte/versions/1/signer", {{"organisation", ""}});
  EXPECT_EQ(twice.status, 422);
  EXPECT_NE(twice.body.find("déjà signé"), std::string::npos);
  // Signing for an organisation one does not belong to.
  auto other = p.signed_in("autre@example.org");
  other.get("/charte");
  EXPECT_EQ(other.post("/charte/versions/1/signer", {{"organisation", "fing"}}).status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM charter_signatures"), 2);
  auto list = Browser(p.site).get("/charte/signataires");
  EXPECT_NE(list.body.find(">Fing</a>"), std::string::npos);

  p.site.advance(std::chrono::seconds(86400));
  adopt("2", "Agir sur l'offre, la commande et les usages.");
  auto diff = Browser(p.site).get("/charte/versions/2");
  EXPECT_NE(diff.body.find("<ins>"), std::string::npos);
  EXPECT_NE(diff.body.find("usages"), std::string::npos);
  auto charter = member.get("/charte");
  EXPECT_NE(charter.body.find("veuillez la signer à nouveau"), std::string::npos);
  auto waiting = Browser(p.site).get("/charte/signataires");
  EXPECT_NE(waiting.body.find("Invités à signer de nouveau"), std::string::npos);
  // An old version can no longer be signed.
  member.get("/charte");
  EXPECT_EQ(member.post("/charte/versions/1/signer", {{"organisation", ""}}).status, 422);
  member.get("/charte");
  EXPECT_EQ(member.post("/charte/versions/2/signer", {{"organisation", ""}}).status, 303);
  member.get("/charte");
  EXPECT_EQ(member.post("/charte/versions/2/signer", {{"organisation", "fing"}}).status, 303);
  EXPECT_EQ(member.get("/charte").body.find("veuillez la signer à nouveau"), std::string::npos);
  EXPECT_EQ(Browser(p.site).get("/charte/signataires").body.find("Invités à signer de nouveau"), std::string::npos);
}

// Signatures of `version` by "Signataire 001" and on (`first` to `last`), each i seconds after `from`,
// written straight to the database: the signers are created the first time, showing their names.
void sign_as_many(Site& site, std::int64_t version, int first, int last, std::chrono::sys_seconds from) {
  auto c = site.db().acquire();
  storage::Transaction tx(*c, true);
  const std::int64_t version_id = c->query_integer("SELECT id FROM charter_versions WHERE number = ?", {version});
  for (int i = first; i <= last; ++i) {
    const std::string email = fmt::format("signataire-{:03}@example.org", i);
    auto user = c->query_integer("SELECT COUNT(*) FROM users WHERE email_key = ?", {email}) == 0
                    ? std::optional<std::int64_t>()
                    : std::optional(c->query_integer("SELECT id FROM users WHERE email_key = ?", {email}));
    if (!user) {
      c->execute(
          "INSERT INTO users (email, email_key, name, password_hash, show_name, created_at, updated_at) "
          "VALUES (?, ?, ?, 'x', 1, ?, ?)",
          {email, email, fmt::format("Signataire {:03}", i), storage::secs(from), storage::secs(from)});
      user = c->query_integer("SELECT id FROM users WHERE email_key = ?", {email});
    }
    commons::store::insert_signature(*c, version_id, *user, 0, from + std::chrono::seconds(i));
  }
  tx.commit();
}

// The signatories come a hundred a page, in one list: the organisations, the people in the order they
// signed, then (under the version in force) those asked to sign it again; an earlier version's are a
// link away, and the list follows a new signature at once.
TEST(Charter, TheSignatoriesComeAHundredAPageOrganisationsThenPeopleThenThoseAskedAgain) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  ASSERT_TRUE(draft_and_consult(anim, "1", "Agir sur l'offre et la commande."));
  ASSERT_EQ(anim.post("/charte/versions/1/adopter", {}).status, 303);
  auto member = p.signed_in("membre@example.org");
  member.get("/charte");
  ASSERT_EQ(member.post("/charte/versions/1/signer", {{"organisation", "fing"}}).status, 303);
  sign_as_many(p.site, 1, 1, 150, p.site.now());
  auto in = [](const HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; };

  auto first = Browser(p.site).get("/charte/signataires");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(in(first, "151 signatures"));
  EXPECT_TRUE(in(first, ">Fing</a>"));
  EXPECT_LT(first.body.find(">Fing</a>"), first.body.find("Signataire 001"));
  EXPECT_TRUE(in(first, "Signataire 099"));
  EXPECT_FALSE(in(first, "Signataire 100"));
  EXPECT_TRUE(in(first, "Page 1 sur 2"));
  EXPECT_TRUE(in(first, "href=\"/charte/signataires?page=2\""));
  EXPECT_FALSE(in(first, "Versions adoptées"));  // one version: nothing to choose
  auto second = Browser(p.site).get("/charte/signataires?page=2");
  EXPECT_TRUE(in(second, "Signataire 100"));
  EXPECT_TRUE(in(second, "Signataire 150"));
  EXPECT_FALSE(in(second, "Signataire 099"));
  EXPECT_FALSE(in(second, "Fing"));

  // Version 2 in force: three signed it again; the 148 others of version 1 follow them.
  p.site.advance(std::chrono::seconds(86400));
  ASSERT_TRUE(draft_and_consult(anim, "2", "Agir sur l'offre, la commande et les usages."));
  ASSERT_EQ(anim.post("/charte/versions/2/adopter", {}).status, 303);
  sign_as_many(p.site, 2, 1, 3, p.site.now());
  first = Browser(p.site).get("/charte/signataires");
  EXPECT_TRUE(in(first, "3 signatures"));
  EXPECT_TRUE(in(first, "148 signataires invités à signer de nouveau"));
  EXPECT_TRUE(in(first, "Versions adoptées"));
  const auto asked = first.body.find("Invités à signer de nouveau");
  ASSERT_NE(asked, std::string::npos);
  EXPECT_LT(first.body.find("Signataire 003"), asked);
  EXPECT_LT(asked, first.body.find("<li>Fing "));
  EXPECT_TRUE(in(first, "Signataire 099"));  // 3 + Fing + 004 to 099
  EXPECT_FALSE(in(first, "Signataire 100"));
  second = Browser(p.site).get("/charte/signataires?page=2");
  EXPECT_TRUE(in(second, "Invités à signer de nouveau"));
  EXPECT_TRUE(in(second, "Signataire 150"));

  // Version 1's own list, with its pager keeping the version.
  auto earlier = Browser(p.site).get("/charte/signataires?version=1");
  EXPECT_EQ(earlier.status, 200);
  EXPECT_TRUE(in(earlier, "151 signatures"));
  EXPECT_FALSE(in(earlier, "Invités à signer de nouveau"));
  EXPECT_TRUE(in(earlier, "href=\"/charte/signataires?version=1&amp;page=2\""));
  EXPECT_TRUE(in(earlier, "href=\"/charte/signataires?version=1\" aria-current=\"page\""));
  EXPECT_EQ(Browser(p.site).get("/charte/signataires?version=3").status, 404);
  EXPECT_EQ(Browser(p.site).get("/charte/signataires?version=deux").status, 404);

  // A signature through the form shows at once.
  member.get("/charte");
  ASSERT_EQ(member.post("/charte/versions/2/signer", {{"organisation", "fing"}}).status, 303);
  first = Browser(p.site).get("/charte/signataires");
  EXPECT_TRUE(in(first, "4 signatures"));
  EXPECT_TRUE(in(first, "147 signataires invités à signer de nouveau"));
  EXPECT_LT(first.body.find(">Fing</a>"), first.body.find("Signataire 001"));
}

TEST(Charter, AdoptingAsksForConfirmationShowingTheSectionsThatChange) {
  CommonsSite p;
  auto anim = p.signed_in("anim@example.org");
  ASSERT_TRUE(draft_and_consult(anim, "1", "Agir sur l'offre et la commande."));
  // The version's page links to the question; the question says there is nothing before it.
  EXPECT_NE(anim.get("/charte/versions/1").body.find(R"(<a href="/charte/versions/1/adopter">)"), std::string::npos);
  auto first = anim.get("/charte/versions/1/adopter");
  EXPECT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("Aucune version n’a encore été adoptée"), std::string::npos) << first.body;
  ASSERT_EQ(anim.post("/charte/versions/1/adopter", {}).status, 303);

  p.site.advance(std::chrono::seconds(86400));
  ASSERT_TRUE(draft_and_consult(anim, "2", "Agir sur l'offre, la commande et les usages."));
  auto ask = anim.get("/charte/versions/2/adopter");
  ASSERT_EQ(ask.status, 200);
  EXPECT_NE(ask.body.find("<h1>Adopter la version 2 de la charte ?</h1>"), std::string::npos) << ask.body;
  EXPECT_NE(ask.body.find("Ce qui change depuis la version 1"), std::string::npos);
  EXPECT_NE(ask.body.find("1 section change."), std::string::npos);
  EXPECT_NE(ask.body.find(R"(<h3 id="change-principes">Principes d’engagement</h3>)"), std::string::npos);
  EXPECT_EQ(ask.body.find(R"(id="change-ambitions")"), std::string::npos);  // unchanged: only listed
  EXPECT_NE(ask.body.find("<ins>"), std::string::npos);
  EXPECT_NE(ask.body.find("Sections inchangées"), std::string::npos);
  EXPECT_NE(ask.body.find(R"(<form method="post" action="/charte/versions/2/adopter">)"), std::string::npos);
  // Asking adopts nothing.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM charter_versions WHERE adopted_at IS NOT NULL"), 1);

  // Nobody but an animateur is asked; once adopted, the question leads back to the version.
  auto member = p.signed_in("membre@example.org");
  EXPECT_EQ(member.get("/charte/versions/2/adopter").status, 403);
  auto adopted = anim.post("/charte/versions/2/adopter", {});
  ASSERT_EQ(adopted.status, 303);
  EXPECT_NE(anim.get(adopted.header("location")).body.find("Cette version de la charte est adoptée."),
            std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM charter_versions WHERE adopted_at IS NOT NULL"), 2);
  auto after = anim.get("/charte/versions/2/adopter");
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.header("location"), "/charte/versions/2");
}

TEST(Charter, OnlyAnimateursDraftAndAdoptAndAVersionMustBeConsultedFirst) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  EXPECT_EQ(member.get("/charte/versions/nouvelle").status, 403);
  auto anim = p.signed_in("anim@example.org");
  anim.get("/charte/versions/nouvelle");
  ASSERT_EQ(anim.post("/charte/versions/nouvelle", {{"principes", "Texte."}}).status, 303);
  anim.get("/charte/versions/1");
  EXPECT_EQ(anim.post("/charte/versions/1/adopter", {}).status, 422);
  // A second version cannot start while one is in progress.
  anim.get("/charte/versions/nouvelle");
  EXPECT_EQ(anim.post("/charte/versions/nouvelle", {{"principes", "Autre."}}).status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM charter_versions"), 1);
  member.get("/charte");
  EXPECT_EQ(member.post("/charte/versions/1/adopter", {}).status, 403);
  // A draft is not open to comments (nor visible: 404), and nothing is written.
  EXPECT_EQ(
      member.post("/charte/versions/1/commentaires", {{"section", "principes"}, {"comment-principes", "x"}}).status,
      404);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM charter_comments"), 0);
}

// Issue #19: a card names its coalition with the picker, not a list of every one: a search draws the
// form again with those that match and what was typed, writing nothing; two are refused next to the field.
TEST(Boussole, TheCardFormChoosesItsCoalitionWithThePicker) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  auto form = member.get("/boussole/proposer");
  EXPECT_EQ(form.body.find(R"(<select id="f-coalition")"), std::string::npos);
  const Fields card = {{"title", "Un portail trop technique"}, {"outcome", "n-a-pas-marche"}, {"tried", "Ouvrir."}};
  auto found = member.post("/boussole/proposer", with(card, "coalition_q", "appropriation"));
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find(R"(name="coalition" value="faciliter-l-appropriation-des-donnees-environnementales")"),
            std::string::npos);
  EXPECT_NE(found.body.find("Un portail trop technique"), std::string::npos);
  Fields two = with(card, "coalition", "faciliter-l-appropriation-des-donnees-environnementales");
  two.emplace_back("coalition", "developper-et-maintenir-les-communs-numeriques");
  auto refused = member.post("/boussole/proposer", two);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(R"(id="f-coalition-error")"), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM boussole_cards"), 0);
}

TEST(Boussole, CardsAreProposedPublishedAndFilteredByOutcome) {
  CommonsSite p;
  auto member = p.signed_in("membre@example.org");
  member.get("/boussole/proposer");
  auto r = member.post("/boussole/proposer", {{"title", "Un portail de données trop technique"},
                                              {"outcome", "n-a-pas-marche"},
                                              {"coalition", "faciliter-l-appropriation-des-donnees-environnementales"},
                                              {"tried", "Ouvrir les données sur un portail."},
                                              {"tensions", "Si on ouvre tout, alors personne ne s'y retrouve."}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/boussole/un-portail-de-donnees-trop-technique?enregistre=experience");
  EXPECT_NE(member.get(r.header("location")).body.find("La fiche d’expérience est enregistrée."), std::string::npos);
  Browser visitor(p.site);
  EXPECT_EQ(visitor.get("/boussole").body.find("Un portail de données trop technique"), std::string::npos);
  auto anim = p.signed_in("anim@example.org");
  anim.get("/boussole/un-portail-de-donnees-trop-technique");
  auto published = anim.post("/boussole/un-portail-de-donnees-trop-technique/publier", {});
  EXPECT_EQ(published.status, 303);
  EXPECT_NE(anim.get(published.header("location")).body.find("La fiche d’expérience est publiée."), std::string::npos);
  EXPECT_NE(visitor.get("/boussole?issue=n-a-pas-marche").body.find("Un portail de données trop technique"),
            std::string::npos);
  EXPECT_EQ(visitor.get("/boussole?issue=a-marche").body.find("Un portail de données trop technique"),
            std::string::npos);
  expect_coalition_filter(visitor, {"/boussole", "faciliter-l-appropriation-des-donnees-environnementales", "19",
                                    "appropriation donnees", "Un portail de données trop technique"});
  EXPECT_EQ(visitor.get("/boussole?coalition=8.a").body.find("Un portail de données trop technique"),
            std::string::npos);
  EXPECT_NE(visitor.get("/boussole.json?coalition=faciliter-l-appropriation-des-donnees-environnementales")
                .body.find("Un portail de données trop technique"),
            std::string::npos);
  auto card = visitor.get("/boussole/un-portail-de-donnees-trop-technique");
  EXPECT_NE(card.body.find("alors personne ne s"), std::string::npos);
  EXPECT_NE(card.body.find("Ouvrir les données sur un portail."), std::string::npos);
  auto bad = member.post("/boussole/proposer", {{"title", "Sans issue"}, {"outcome", "peut-etre"}, {"tried", "x"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM boussole_cards"), 1);
}

// The boussole lists its cards a page at a time, newest first: the count says how many the filters
// keep, the pager keeps the filters, and the pages together hold each card once.
TEST(Boussole, TheListIsPagedNewestFirstAndThePagerKeepsTheFilters) {
  CommonsSite p;
  constexpr int kCards = 123;
  {
    auto c = p.site.db().acquire();
    storage::Transaction tx(*c, true);
    for (int i = 0; i < kCards; ++i) {
      commons::Card k;
      k.slug = fmt::format("fiche-{:03}", i);
      k.title = fmt::format("Fiche {:03}", i);
      k.outcome = i % 3 ? "a-marche" : "mitige";
      k.status = commons::Status::published;
      // Five instants for them all: most share theirs with others.
      k.created_at = k.updated_at = p.site.now() - std::chrono::minutes(i % 5);
      commons::store::insert_card(*c, k);
    }
    tx.commit();
  }
  Browser visitor(p.site);
  // The cards a page lists, in order, checking the count it says.
  auto cards_on = [&](const std::string& address, const std::string& count) {
    const std::string body = visitor.get(address).body;
    EXPECT_NE(body.find(R"(role="status">)" + count), std::string::npos) << address;
    std::vector<int> out;
    for (std::size_t at = 0; (at = body.find(">Fiche ", at)) != std::string::npos; ++at)
      out.push_back(std::stoi(body.substr(at + 7, 3)));
    return out;
  };
  // Newest first (the smallest i % 5), then by id, the newest first.
  auto newest_first = [](std::vector<int> v) {
    std::sort(v.begin(), v.end(), [](int x, int y) { return x % 5 != y % 5 ? x % 5 < y % 5 : x > y; });
    return v;
  };
  std::vector<int> every(kCards), worked;
  for (int i = 0; i < kCards; ++i) every[i] = i;
  std::copy_if(every.begin(), every.end(), std::back_inserter(worked), [](int i) { return i % 3 != 0; });

  std::vector<int> pages;
  for (const char* n : {"1", "2", "3"}) {
    const auto page = cards_on(std::string("/boussole?page=") + n, "123 expériences");
    EXPECT_LE(page.size(), 50u) << "a page, not every card";
    pages.insert(pages.end(), page.begin(), page.end());
  }
  EXPECT_EQ(pages, newest_first(every));
  EXPECT_NE(visitor.get("/boussole").body.find(R"(href="/boussole?page=2")"), std::string::npos);
  EXPECT_NE(visitor.get("/boussole?issue=a-marche").body.find(R"(href="/boussole?issue=a-marche&amp;page=2")"),
            std::string::npos)
      << "the pager keeps the filter";
  auto filtered = cards_on("/boussole?issue=a-marche", "82 expériences");
  const auto second = cards_on("/boussole?issue=a-marche&page=2", "82 expériences");
  filtered.insert(filtered.end(), second.begin(), second.end());
  EXPECT_EQ(filtered, newest_first(worked));
  EXPECT_EQ(cards_on("/boussole?issue=a-marche&page=9", "82 expériences"), second) << "past the last: the last";
}

}  // namespace
}  // namespace fabrique::test
