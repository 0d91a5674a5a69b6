// The observatory of public algorithms over real HTTP: publishing an entry and its computed score,
// bad input, proposals and corrections with their moderation and notifications, the right of reply,
// permissions, stale edits, the scoreboard and public body page, and export → import round trip; and
// evidence where it is asked: offered from the entry's own links, previewed, reviewed criterion by criterion.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <set>

#include "http/compress.hpp"
#include "http/open_data.hpp"
#include "integration/mail_support.hpp"
#include "integration/site.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "organisations/use_cases.hpp"
#include "storage/batches.hpp"
#include "territories/use_cases.hpp"

namespace fabrique::test {
namespace {

// A complete entry as the form sends it, with evidence for O4 (current code) and E1.
Fields entry_form(const std::string& name = "Calcul des aides au logement") {
  return {{"name", name},
          {"summary", "Calcule le montant de l'aide au logement à partir d'un barème."},
          {"organisation", "Caisse nationale des allocations familiales"},
          {"organisation_siren", "180035024"},
          {"contact", "contact@example.org"},
          {"status", "in-use"},
          {"category", "impactful"},
          {"theme", "Logement"},
          {"purpose", "Calculer le droit."},
          {"decision_role", "Le calcul fixe le montant."},
          {"automation", "fully-automated"},
          {"affected_public", "Les locataires."},
          {"legal_basis", "Code de la construction et de l'habitation."},
          {"legal_basis_url", "https://www.legifrance.gouv.fr/"},
          {"human_oversight", "Réclamations traitées par des agents."},
          {"appeal", "Recours amiable puis contentieux."},
          {"explicit_mention", "no"},
          {"algorithm_type", "rules"},
          {"technical_description", "Un barème à règles."},
          {"risks", "Erreurs de déclaration."},
          {"source_0_name", "Déclarations du foyer"},
          {"source_0_url", "https://example.org/donnees"},
          {"assessment_0_type", "dpia"},
          {"evidence_O4_level", "current"},
          {"evidence_O4_url", "https://example.org/code"},
          {"evidence_O4_checked_on", "2024-01-10"},
          {"evidence_E1_url", "https://example.org/resume"},
          {"evidence_E1_checked_on", "2024-01-10"}};
}

// A second entry, "Calculette des impôts", of another public body: the DGFiP.
Fields tax_entry() {
  return with(with(entry_form("Calculette des impôts"), "organisation", "Direction générale des finances publiques"),
              "organisation_siren", "110020013");
}

boost::json::object json_of(const std::string& body) { return boost::json::parse(body).as_object(); }

// The correction form as a member sends it from revision `base`: the whole entry with `changes`.
Fields correction(const Fields& changes, const std::string& source, const std::string& base = "1") {
  Fields f = with(with(entry_form(), "base_revision", base), "source", source);
  for (const auto& [k, v] : changes) f = with(f, k, v);
  return f;
}

struct Observatory {
  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  accounts::User editor = site.add_user("editrice@example.org", "Éditrice", kPassword);
  accounts::User member = site.add_user("membre@example.org", "Membre", kPassword);
  accounts::User agent = site.add_user("agent@example.org", "Agent", kPassword);

  Observatory() {
    auto c = site.db().acquire();
    if (!observatoire::grant_editor(*c, anim, "editrice@example.org", site.now()).empty())
      throw std::runtime_error("could not make the test editor");
  }

  // Publishes an entry as the editor; returns its address (the redirect's, without its query).
  std::string publish(Browser& b, const Fields& f = entry_form()) {
    b.get("/observatoire/nouvelle");
    auto r = b.post("/observatoire/nouvelle", f);
    if (r.status != 303) throw std::runtime_error("publish failed: " + std::to_string(r.status) + r.body);
    published_to = r.header("location");
    return published_to.substr(0, published_to.find('?'));
  }
  std::string published_to;  // where the last publication redirected
  std::int64_t count(const std::string& sql) { return site.count(sql); }
};

TEST(Observatoire, EditorPublishesAnEntryWhoseScoreIsComputedFromItsEvidence) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  // A typed score is not a field of the form: it is ignored.
  std::string page = o.publish(b, with(entry_form(), "openness", "50"));
  EXPECT_EQ(page, "/observatoire/calcul-des-aides-au-logement");
  EXPECT_EQ(o.published_to, page + "?enregistre=algorithme");
  auto html = b.get(o.published_to);
  EXPECT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("<p class=\"notice\" role=\"status\">La fiche du registre est enregistrée.</p>"),
            std::string::npos);
  // The plain-language summary comes first, before the details.
  auto summary = html.body.find("Calcule le montant de l&#39;aide");
  EXPECT_NE(summary, std::string::npos);
  EXPECT_LT(summary, html.body.find("Objet et décision"));
  EXPECT_NE(html.body.find("8/50 — opaque"), std::string::npos);
  EXPECT_NE(html.body.find("5/50 — opaque"), std::string::npos);
  EXPECT_NE(html.body.find("version 1"), std::string::npos);
  EXPECT_NE(html.body.find("https://example.org/code"), std::string::npos);
  auto j = json_of(b.get(page + ".json").body);
  EXPECT_EQ(j.at("score").at("openness").as_int64(), 8);
  EXPECT_EQ(j.at("score").at("explainability").as_int64(), 5);
  EXPECT_EQ(j.at("score").at("criteria").at("O4").as_int64(), 8);
  EXPECT_EQ(j.at("score").at("rubric_version").as_int64(), 1);
  EXPECT_EQ(j.at("organisation_siren").as_string(), "180035024");
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_scores"), 1);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_bodies WHERE siren = '180035024'"), 1);
}

TEST(Observatoire, PublishingAnEntryInvitesItsPublicBodyToUseTheRightOfReplyOnce) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  const std::string page = o.publish(b);
  EXPECT_EQ(o.site.deliver_mail(), 1);
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(o.site.options().mail_dir)) files.push_back(f.path());
  auto mails = SmtpServer::parse_mails(files);
  ASSERT_EQ(mails.size(), 1u);
  const auto& m = mails[0];
  EXPECT_EQ(header(m, "to"), "contact@example.org");
  EXPECT_EQ(header(m, "subject"),
            "Une entrée de l’observatoire des algorithmes publics vous concerne : « Calcul des aides au logement »");
  EXPECT_TRUE(header(m, "list-unsubscribe").empty());  // no account, one mail: nothing to unsubscribe from
  EXPECT_EQ(link_in(m, page), page);
  // A contact that is a web address gets nothing.
  b.get("/observatoire/nouvelle");
  ASSERT_EQ(b.post("/observatoire/nouvelle",
                   with(with(entry_form(), "name", "Parcoursup"), "contact", "https://example.org/contact"))
                .status,
            303);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM outbox WHERE kind = 'reply-invitation'"), 1);
}

TEST(Observatoire, BadInputIsRefusedNextToEachFieldAndNothingIsWritten) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  Fields f = with(entry_form(), "name", "");
  f = with(f, "organisation_siren", "180035025");              // wrong Luhn key
  f = with(f, "evidence_O4_url", "");                          // evidence without URL
  f = with(f, "evidence_E1_url", "ftp://example.org/resume");  // not http(s)
  f = with(f, "evidence_O7_level", "complete");                // unknown level
  f = with(f, "evidence_O7_url", "https://example.org/aipd");
  f = with(f, "evidence_O7_checked_on", "2099-01-01");  // in the future
  b.get("/observatoire/nouvelle");
  auto r = b.post("/observatoire/nouvelle", f);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find(R"(id="f-name-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-organisation_siren-error")"), std::string::npos);
  EXPECT_NE(r.body.find("neuf chiffres"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-evidence_O4_url-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-evidence_E1_url-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-evidence_O7_level-error")"), std::string::npos);
  EXPECT_NE(r.body.find(R"(id="f-evidence_O7_checked_on-error")"), std::string::npos);
  EXPECT_NE(r.body.find("ne peut pas être dans le futur"), std::string::npos);
  EXPECT_NE(r.body.find("error-summary"), std::string::npos);
  // What was typed is kept.
  EXPECT_NE(r.body.find(R"(value="180035025")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_entries"), 0);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_bodies"), 0);
}

TEST(Observatoire, MemberProposesAnEntryEditorAcceptsAndTheMemberIsTold) {
  Observatory o;
  Browser member(o.site), editor(o.site);
  member.sign_in("membre@example.org", kPassword);
  member.get("/observatoire/nouvelle");
  // A proposal needs a source.
  auto refused = member.post("/observatoire/nouvelle", entry_form());
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(R"(id="f-source-error")"), std::string::npos);
  auto r = member.post("/observatoire/nouvelle", with(entry_form(), "source", "https://example.org/article"));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_entries"), 0);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions WHERE status = 'pending' AND kind = 'entry'"), 1);
  // The animateur and the editor are told that it waits for them.
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM notifications WHERE link = '/observatoire/contributions' AND user_id IN (" +
                    std::to_string(o.anim.id) + ", " + std::to_string(o.editor.id) + ")"),
            2);
  std::string contribution = r.header("location");
  EXPECT_EQ(member.get(contribution).status, 200);
  // Someone who is not an editor sees their own contributions there, and nobody else's.
  EXPECT_TRUE(has(member.get("/observatoire/contributions"), "Calcul des aides au logement"));
  Browser agent(o.site);
  agent.sign_in("agent@example.org", kPassword);
  const auto others = agent.get("/observatoire/contributions");
  EXPECT_EQ(others.status, 200);
  EXPECT_FALSE(has(others, "Calcul des aides au logement"));

  editor.sign_in("editrice@example.org", kPassword);
  auto queue = editor.get("/observatoire/contributions");
  EXPECT_NE(queue.body.find("Calcul des aides au logement"), std::string::npos);
  editor.get(contribution);
  auto accepted = editor.post(contribution + "/accepter", {});
  EXPECT_EQ(accepted.status, 303);
  EXPECT_EQ(accepted.header("location"), "/observatoire/calcul-des-aides-au-logement");
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_entries"), 1);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions WHERE source = 'https://example.org/article'"), 1);
  EXPECT_TRUE(has(member.get("/observatoire/contributions"), "Calcul des aides au logement"))
      << "the contributor's list keeps it once decided";

  auto account = member.get("/compte");
  EXPECT_NE(account.body.find("1 notification non lue"), std::string::npos);
  EXPECT_NE(account.body.find("Calcul des aides au logement"), std::string::npos);
  EXPECT_NE(account.body.find("acceptée"), std::string::npos);
  EXPECT_EQ(member.post("/compte/notifications/lues", {}).status, 303);
  EXPECT_NE(member.get("/compte").body.find("0 notification non lue"), std::string::npos);
}

TEST(Observatoire, RejectionNeedsAReasonAndTellsTheContributor) {
  Observatory o;
  Browser editor(o.site), member(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  std::string page = o.publish(editor);
  member.sign_in("membre@example.org", kPassword);
  member.get(page + "/proposer");
  ASSERT_EQ(member.post(page + "/proposer", correction({{"budget", "12 M€"}}, "Rumeur")).status, 303);
  auto id = std::to_string(o.count("SELECT MAX(id) FROM observatory_contributions"));
  editor.get("/observatoire/contributions/" + id);
  auto no_reason = editor.post("/observatoire/contributions/" + id + "/rejeter", {{"reason", " "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_NE(no_reason.body.find(R"(id="f-reason-error")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(o.member.id)), 0);
  EXPECT_EQ(editor.post("/observatoire/contributions/" + id + "/rejeter", {{"reason", "Source invérifiable."}}).status,
            303);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions WHERE status = 'rejected'"), 1);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(o.member.id)), 1);
  EXPECT_NE(member.get("/observatoire/contributions/" + id).body.find("Source invérifiable."), std::string::npos);
  // Nothing changed on the entry, and a decided contribution cannot be decided again.
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions"), 1);
  EXPECT_EQ(editor.post("/observatoire/contributions/" + id + "/accepter", {}).status, 404);
}

TEST(Observatoire, AcceptedCorrectionOfACriterionChangesTheScoreAndTheHistoryShowsBoth) {
  Observatory o;
  Browser editor(o.site), member(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  std::string page = o.publish(editor);
  member.sign_in("membre@example.org", kPassword);
  // The old link to one criterion leads to it in the whole form.
  auto old_link = member.get(page + "/proposer?sur=O7");
  EXPECT_EQ(old_link.status, 303);
  EXPECT_EQ(old_link.header("location"), page + "/proposer#f-evidence_O7_url");
  member.get(page + "/proposer");
  // A correction of a criterion with a level that criterion does not have is refused beside it.
  const Fields o7 = {{"evidence_O7_level", "current"},
                     {"evidence_O7_url", "https://example.org/aipd"},
                     {"evidence_O7_checked_on", "2024-02-01"}};
  auto bad = member.post(page + "/proposer", correction(o7, "Site du ministère"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find(R"(id="f-evidence_O7_level-error")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions"), 0);
  auto r = member.post(page + "/proposer", correction(with(o7, "evidence_O7_level", "full"), "Site du ministère"));
  EXPECT_EQ(r.status, 303);
  auto id = std::to_string(o.count("SELECT MAX(id) FROM observatory_contributions"));
  editor.get("/observatoire/contributions/" + id);
  auto accepted = editor.post("/observatoire/contributions/" + id + "/accepter", {{"review_O7", "accept"}});
  EXPECT_EQ(accepted.status, 303);
  auto j = json_of(editor.get(page + ".json").body);
  EXPECT_EQ(j.at("score").at("openness").as_int64(), 8 + 6);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_scores"), 2);
  auto history = editor.get(page + "/historique");
  EXPECT_NE(history.body.find("Site du ministère"), std::string::npos);
  EXPECT_NE(history.body.find("14/50"), std::string::npos);
  EXPECT_NE(history.body.find("8/50"), std::string::npos);
  EXPECT_NE(member.get("/compte").body.find("Votre correction"), std::string::npos);
}

TEST(Observatoire, OnlyEditorsModerateAndAnimateursChooseThem) {
  Observatory o;
  Browser editor(o.site), member(o.site), anim(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  std::string page = o.publish(editor);
  member.sign_in("membre@example.org", kPassword);
  member.get(page + "/proposer");
  ASSERT_EQ(member.post(page + "/proposer", correction({{"budget", "3 M€"}}, "Rapport")).status, 303);
  auto id = std::to_string(o.count("SELECT MAX(id) FROM observatory_contributions"));
  // A member moderates nothing, edits nothing, publishes nothing directly.
  EXPECT_EQ(member.post("/observatoire/contributions/" + id + "/accepter", {}).status, 403);
  EXPECT_EQ(member.post("/observatoire/contributions/" + id + "/rejeter", {{"reason", "Non."}}).status, 403);
  EXPECT_EQ(member.get(page + "/modifier").status, 403);
  EXPECT_EQ(member.get("/observatoire/editeurs").status, 403);
  EXPECT_EQ(member.post("/observatoire/editeurs", {{"email", "membre@example.org"}}).status, 403);
  // Another member cannot even read someone else's contribution.
  Browser agent(o.site);
  agent.sign_in("agent@example.org", kPassword);
  EXPECT_EQ(agent.get("/observatoire/contributions/" + id).status, 403);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions WHERE status = 'pending'"), 1);
  // An animateur makes the member an editor; they can then moderate; then the role is taken back.
  anim.sign_in("anim@example.org", kPassword);
  anim.get("/observatoire/editeurs");
  EXPECT_EQ(anim.post("/observatoire/editeurs", {{"email", "inconnu@example.org"}}).status, 422);
  EXPECT_EQ(anim.post("/observatoire/editeurs", {{"email", "membre@example.org"}}).status, 303);
  EXPECT_EQ(member.get(page + "/modifier").status, 200);
  anim.get("/observatoire/editeurs");
  EXPECT_EQ(anim.post("/observatoire/editeurs/" + std::to_string(o.member.id) + "/retirer", {}).status, 303);
  EXPECT_EQ(member.get(page + "/modifier").status, 403);
}

TEST(Observatoire, ThePublicBodyAnswersBesideTheEntryAndOnlyItsMembersMay) {
  Observatory o;
  Browser editor(o.site), agent(o.site), member(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  std::string page = o.publish(editor);
  {
    auto c = o.site.db().acquire();
    organisations::OrganisationInput in{"CNAF", "administration", "", ""};
    organisations::create_organisation(*c, o.agent, in, o.site.now());  // the agent joins it
  }
  // Nobody speaks for the body yet: nobody may answer.
  agent.sign_in("agent@example.org", kPassword);
  agent.get(page);
  EXPECT_EQ(agent.post(page + "/reponse", {{"reply", "Nous répondons."}}).status, 403);
  editor.get("/observatoire/organismes/caisse-nationale-des-allocations-familiales");
  EXPECT_EQ(editor
                .post("/observatoire/organismes/caisse-nationale-des-allocations-familiales/organisation",
                      {{"organisation", "cnaf"}})
                .status,
            303);
  auto with_form = agent.get(page);
  EXPECT_NE(with_form.body.find("/reponse"), std::string::npos);
  EXPECT_EQ(agent.post(page + "/reponse", {{"reply", ""}}).status, 422);
  EXPECT_EQ(agent.post(page + "/reponse", {{"reply", "Le barème est publié au Journal officiel."}}).status, 303);
  auto shown = Browser(o.site).get(page);
  EXPECT_NE(shown.body.find("Le barème est publié au Journal officiel."), std::string::npos);
  EXPECT_NE(shown.body.find("— CNAF"), std::string::npos);
  member.sign_in("membre@example.org", kPassword);
  member.get(page);
  EXPECT_EQ(member.post(page + "/reponse", {{"reply", "Je ne suis pas la CNAF."}}).status, 403);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_replies"), 1);
}

// Issue #19: the organisation that answers for a public body is picked, not chosen in a list of every
// organisation: a search draws the page again with those that match, nothing saved; two, or an unknown
// one, are refused next to the field and nothing is written; unticked, nobody answers any more.
TEST(Observatoire, TheOrganisationAnsweringForABodyIsPickedBySearching) {
  Observatory o;
  Browser editor(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  o.publish(editor);
  {
    auto c = o.site.db().acquire();
    organisations::create_organisation(*c, o.agent, {"CNAF", "administration", "", ""}, o.site.now());
    organisations::create_organisation(*c, o.agent, {"Open Data France", "association", "", ""}, o.site.now());
  }
  const std::string body = "/observatoire/organismes/caisse-nationale-des-allocations-familiales";
  auto page = editor.get(body);
  EXPECT_EQ(page.body.find(R"(<select id="f-organisation")"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<label for="f-organisation_q">)"), std::string::npos);
  auto found = editor.post(body + "/organisation", {{"organisation_q", "cnaf"}});
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find(R"(name="organisation" value="cnaf")"), std::string::npos);
  EXPECT_EQ(found.body.find(R"(name="organisation" value="open-data-france")"), std::string::npos);
  for (const Fields& refused :
       {Fields{{"organisation", "cnaf"}, {"organisation", "open-data-france"}}, Fields{{"organisation", "inconnue"}}}) {
    auto r = editor.post(body + "/organisation", refused);
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find(R"(id="f-organisation-error")"), std::string::npos);
  }
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_bodies WHERE organisation_id IS NOT NULL"), 0);
  EXPECT_EQ(editor.post(body + "/organisation", {{"organisation", "cnaf"}}).status, 303);
  EXPECT_NE(editor.get(body).body.find(R"(name="organisation" value="cnaf" checked)"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_bodies WHERE organisation_id IS NOT NULL"), 1);
  EXPECT_EQ(editor.post(body + "/organisation", {{"organisation_q", ""}}).status, 303);  // none ticked
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_bodies WHERE organisation_id IS NOT NULL"), 0);
  Browser member(o.site);
  member.sign_in("membre@example.org", kPassword);
  member.get(body);
  EXPECT_EQ(member.post(body + "/organisation", {{"organisation_q", "cnaf"}}).status, 403);
}

// Issue #19: the scoreboard's public body is a typed filter, not a select of every body: its slug (the
// links' ?organisme=), its SIREN or words of its name; the list says what it is narrowed to, and words
// naming no body say so next to the field, with no entry listed. The JSON and CSV read it too.
TEST(Observatoire, TheScoreboardIsFilteredByAPublicBodyTypedAsSlugSirenOrWords) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  o.publish(b);
  o.publish(b, tax_entry());
  Browser visitor(o.site);
  auto all = visitor.get("/observatoire");
  EXPECT_EQ(all.body.find(R"(<select id="f-organisme")"), std::string::npos);
  EXPECT_NE(all.body.find(R"(<input type="search" id="f-organisme")"), std::string::npos);
  for (const std::string typed :
       {"direction-generale-des-finances-publiques", "110020013", "finances+publiques", "FINANCES+Publiques"}) {
    auto r = visitor.get("/observatoire?organisme=" + typed);
    EXPECT_EQ(r.status, 200) << typed;
    EXPECT_NE(r.body.find("Calculette des impôts"), std::string::npos) << typed;
    EXPECT_EQ(r.body.find("Calcul des aides au logement"), std::string::npos) << typed;
    EXPECT_NE(r.body.find("organisme public Direction générale des finances publiques</a>"), std::string::npos)
        << typed;
  }
  auto none = visitor.get("/observatoire?organisme=ministere+imaginaire");
  EXPECT_EQ(none.status, 200);
  EXPECT_NE(none.body.find(R"(id="f-organisme-error")"), std::string::npos);
  EXPECT_NE(none.body.find(R"(value="ministere imaginaire")"), std::string::npos);
  EXPECT_EQ(none.body.find("Calculette des impôts"), std::string::npos);
  EXPECT_EQ(none.body.find("Calcul des aides au logement"), std::string::npos);
  // The exports: every entry, or those of the body named.
  auto csv = visitor.get("/observatoire.csv?organisme=direction-generale-des-finances-publiques");
  EXPECT_NE(csv.body.find("calculette-des-impots"), std::string::npos);
  EXPECT_EQ(csv.body.find("calcul-des-aides-au-logement"), std::string::npos);
  auto json = visitor.get("/observatoire.json?organisme=110020013");
  EXPECT_NE(json.body.find("calculette-des-impots"), std::string::npos);
  EXPECT_EQ(json.body.find("calcul-des-aides-au-logement"), std::string::npos);
  EXPECT_NE(visitor.get("/observatoire.json").body.find("calcul-des-aides-au-logement"), std::string::npos);
}

// An entry published, and two editors who opened its edit form at revision 1.
struct TwoEditors : Observatory {
  Browser first{site}, second{site};
  std::string page;
  TwoEditors() {
    first.sign_in("editrice@example.org", kPassword);
    second.sign_in("anim@example.org", kPassword);
    page = publish(first);
    first.get(page + "/modifier");
    second.get(page + "/modifier");
  }
};

TEST(Observatoire, TwoEditsOfDifferentFieldsFromTheSameRevisionAreMergedAndTheMergeIsSaid) {
  TwoEditors o;
  Browser &first = o.first, &second = o.second;
  const std::string page = o.page;
  // The first adds a budget and evidence for O3; the second, from revision 1, changes the purpose and
  // a data source's address.
  Fields mine = with(with(entry_form(), "base_revision", "1"), "budget", "2 M€");
  mine = with(with(mine, "evidence_O3_url", "https://www.legifrance.gouv.fr/"), "evidence_O3_checked_on", "2024-01-11");
  ASSERT_EQ(first.post(page + "/modifier", mine).status, 303);
  Fields theirs = with(with(entry_form(), "base_revision", "1"), "purpose", "Calculer le droit au centime près.");
  theirs = with(theirs, "source_0_url", "https://example.org/donnees-2");
  auto merged = second.post(page + "/modifier", theirs);
  ASSERT_EQ(merged.status, 303) << merged.body;
  EXPECT_EQ(merged.header("location"), page + "?fusion=2");
  auto j = json_of(second.get(page + ".json").body);
  EXPECT_EQ(j.at("budget").as_string(), "2 M€");
  EXPECT_EQ(j.at("purpose").as_string(), "Calculer le droit au centime près.");
  EXPECT_EQ(j.at("score").at("criteria").at("O3").as_int64(), 4);  // the first one's evidence is kept
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions WHERE number = 3 AND merged_with = 2"), 1);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_entries WHERE revision = 3"), 1);
  EXPECT_NE(second.get(page + "?fusion=2").body.find("Enregistré. La version 2 a été enregistrée"), std::string::npos);
  EXPECT_NE(second.get(page + "/historique").body.find("Fusionnée avec la version 2"), std::string::npos);
}

TEST(Observatoire, AFieldBothChangedIsShownSideBySideAndNothingIsWrittenUntilItIsSettled) {
  TwoEditors o;
  Browser &first = o.first, &second = o.second;
  const std::string page = o.page;
  ASSERT_EQ(first
                .post(page + "/modifier",
                      with(with(with(entry_form(), "base_revision", "1"), "budget", "2 M€"), "status", "retired"))
                .status,
            303);
  // The second changes the budget too, the status differently, and the theme, which only they change.
  Fields second_form = with(with(entry_form(), "base_revision", "1"), "budget", "9 M€");
  second_form = with(with(second_form, "status", "in-development"), "theme", "Habitat");
  auto conflict = second.post(page + "/modifier", second_form);
  ASSERT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("Tel qu’il était (version 1)"), std::string::npos);
  EXPECT_NE(conflict.body.find(R"(name="merge_choice_budget" value="theirs")"), std::string::npos);
  EXPECT_NE(conflict.body.find(R"(name="merge_choice_status" value="theirs")"), std::string::npos);
  EXPECT_EQ(conflict.body.find(R"(name="merge_choice_status" value="by_hand")"), std::string::npos);  // a choice
  EXPECT_EQ(conflict.body.find(R"(name="merge_choice_theme")"), std::string::npos);  // only what both changed
  EXPECT_NE(conflict.body.find(R"(value="Habitat")"), std::string::npos);            // merged in the form already
  EXPECT_NE(conflict.body.find(R"(name="merge_mine_budget" value="9 M€")"), std::string::npos);
  EXPECT_NE(conflict.body.find(R"(name="base_revision" value="2")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT MAX(number) FROM observatory_revisions"), 2);
  // Sent back with the budget settled but not the status: refused beside it, nothing written.
  Fields answered = with(with(entry_form(), "base_revision", "2"), "theme", "Habitat");
  answered = with(with(answered, "budget", "2 ou 9 M€"), "merge_base", "1");
  answered.insert(answered.end(), {{"merge_field", "budget"},
                                   {"merge_mine_budget", "9 M€"},
                                   {"merge_choice_budget", "by_hand"},
                                   {"merge_field", "status"},
                                   {"merge_mine_status", "in-development"}});
  answered.erase(std::find_if(answered.begin(), answered.end(), [](const auto& f) { return f.first == "status"; }));
  auto unsettled = second.post(page + "/modifier", answered);
  EXPECT_EQ(unsettled.status, 422);
  EXPECT_NE(unsettled.body.find(R"(id="f-merge_choice_status-error")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT MAX(number) FROM observatory_revisions"), 2);
  answered.emplace_back("merge_choice_status", "theirs");
  auto settled = second.post(page + "/modifier", answered);
  ASSERT_EQ(settled.status, 303) << settled.body;
  EXPECT_EQ(settled.header("location"), page + "?fusion=2");
  auto j = json_of(second.get(page + ".json").body);
  EXPECT_EQ(j.at("budget").as_string(), "2 ou 9 M€");
  EXPECT_EQ(j.at("status").as_string(), "retired");
  EXPECT_EQ(j.at("theme").as_string(), "Habitat");
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions WHERE number = 3 AND merged_with = 2"), 1);
}

TEST(Observatoire, ScoreboardFiltersAndSortsAndThePublicBodyPageShowsAveragesAndBands) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  o.publish(b);
  Fields open = tax_entry();
  open = with(open, "theme", "Fiscalité");
  for (const char* c : {"O1", "O2", "O3", "O5", "O6", "O8", "O10"}) {
    open = with(open, std::string("evidence_") + c + "_url", "https://example.org/" + std::string(c));
    open = with(open, std::string("evidence_") + c + "_checked_on", "2024-01-10");
  }
  open = with(open, "evidence_O1_level", "open-data");
  o.publish(b, open);  // openness 8 + 5 + 4 + 4 + 3 + 6 + 4 + 4 = 38: open
  Browser visitor(o.site);
  auto all = visitor.get("/observatoire?tri=ouverture");
  EXPECT_EQ(all.status, 200);
  EXPECT_LT(all.body.find("Calculette des impôts"), all.body.find("Calcul des aides au logement"));
  // The theme filter offers each theme once, in order (read from the theme index one theme at a time).
  const auto fiscal = all.body.find(R"(<option value="Fiscalité">Fiscalité</option>)");
  const auto housing = all.body.find(R"(<option value="Logement">Logement</option>)");
  ASSERT_NE(fiscal, std::string::npos);
  ASSERT_NE(housing, std::string::npos);
  EXPECT_LT(fiscal, housing);
  EXPECT_EQ(all.body.find(R"(<option value="Logement">)", housing + 1), std::string::npos);
  EXPECT_EQ(all.body.find(R"(<option value="Fiscalité">)", fiscal + 1), std::string::npos);
  auto only_open = visitor.get("/observatoire?ouverture=open");
  EXPECT_NE(only_open.body.find("Calculette des impôts"), std::string::npos);
  EXPECT_EQ(only_open.body.find("Calcul des aides au logement"), std::string::npos);
  auto by_theme = visitor.get("/observatoire?theme=Logement&statut=in-use&categorie=impactful");
  EXPECT_NE(by_theme.body.find("Calcul des aides au logement"), std::string::npos);
  EXPECT_EQ(by_theme.body.find("Calculette des impôts"), std::string::npos);
  auto body = visitor.get("/observatoire/organismes/direction-generale-des-finances-publiques");
  EXPECT_EQ(body.status, 200);
  EXPECT_NE(body.body.find("38.0/50"), std::string::npos);
  EXPECT_NE(body.body.find("role=\"img\""), std::string::npos);
  EXPECT_NE(body.body.find(R"(<caption id="t-bandes">Nombre de fiches par niveau</caption>)"), std::string::npos);
  EXPECT_EQ(visitor.get("/observatoire/organismes/inconnu").status, 404);
}

// The lists read the columns kept beside the document (Filter::summary) instead of parsing it: what
// they show must be what the whole document says.
TEST(Observatoire, AListsSummaryShowsWhatTheWholeEntrySays) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  o.publish(b);
  Fields scored = with(tax_entry(), "theme", "Fiscalité");
  for (const char* c : {"O1", "O2", "O3"}) {
    scored = with(scored, std::string("evidence_") + c + "_url", "https://example.org/" + std::string(c));
    scored = with(scored, std::string("evidence_") + c + "_checked_on", "2024-01-10");
  }
  o.publish(b, with(scored, "evidence_O1_level", "open-data"));
  auto c = o.site.db().acquire();
  observatoire::store::Filter whole;
  observatoire::store::Filter summary;
  summary.summary = true;
  const auto full = observatoire::store::list(*c, whole);
  const auto shown = observatoire::store::list(*c, summary);
  ASSERT_EQ(full.size(), 2u);
  ASSERT_EQ(shown.size(), full.size());
  for (std::size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(shown[i].slug, full[i].slug);
    EXPECT_EQ(shown[i].name(), full[i].name());
    EXPECT_FALSE(shown[i].name().empty());
    for (const char* field : {"status", "category", "theme"}) {
      EXPECT_EQ(shown[i].doc.get(field), full[i].doc.get(field)) << field;
      EXPECT_FALSE(shown[i].doc.get(field).empty()) << field;
    }
    EXPECT_EQ(shown[i].score.openness, full[i].score.openness);
    EXPECT_EQ(shown[i].score.explainability, full[i].score.explainability);
    EXPECT_EQ(shown[i].score.total(), full[i].score.total());
    EXPECT_EQ(shown[i].body.slug, full[i].body.slug);
    EXPECT_EQ(shown[i].body.name, full[i].body.name);
    EXPECT_EQ(shown[i].updated_at, full[i].updated_at);
  }
  EXPECT_GT(full[0].score.total() + full[1].score.total(), 0);
}

TEST(Observatoire, CsvAndAtomExportsListEveryEntry) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  o.publish(b);
  Browser visitor(o.site);
  auto csv = visitor.get("/observatoire.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF"
                           "id,slug,url,name,summary",
                           0),
            0u);
  EXPECT_NE(csv.body.find("calcul-des-aides-au-logement"), std::string::npos);
  EXPECT_NE(csv.body.find(",opaque,"), std::string::npos);
  auto atom = visitor.get("/observatoire/changements.atom");
  EXPECT_EQ(atom.status, 200);
  EXPECT_NE(atom.header("content-type").find("application/atom+xml"), std::string::npos);
  EXPECT_NE(atom.body.find("<title>Calcul des aides au logement</title>"), std::string::npos);
}

TEST(Observatoire, AnExportImportedIntoAnotherSiteReproducesTheSameEntriesAndScores) {
  Observatory a;
  Browser b(a.site);
  b.sign_in("editrice@example.org", kPassword);
  std::string page = a.publish(b);
  Fields second = with(entry_form("Second algorithme"), "evidence_O1_level", "web-page");
  second =
      with(with(second, "evidence_O1_url", "https://example.org/inventaire"), "evidence_O1_checked_on", "2024-01-09");
  a.publish(b, second);
  // A second revision, so that the export is not just what was first typed.
  b.get(page + "/modifier");
  b.post(page + "/modifier", with(with(entry_form(), "base_revision", "1"), "budget", "2 M€"));
  std::string exported = Browser(a.site).get("/observatoire.json").body;

  Site other;
  {
    auto c = other.db().acquire();
    auto r = observatoire::import_entries(*c, exported, other.now());
    ASSERT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_EQ(r.created, 2);
    // Importing the same file again changes nothing.
    auto again = observatoire::import_entries(*c, exported, other.now());
    EXPECT_EQ(again.unchanged, 2);
  }
  auto original = json_of(exported), copy = json_of(Browser(other).get("/observatoire.json").body);
  auto& left = original.at("entries").as_array();
  auto& right = copy.at("entries").as_array();
  ASSERT_EQ(left.size(), right.size());
  for (std::size_t i = 0; i < left.size(); ++i) {
    auto l = left[i].as_object(), r = right[i].as_object();
    // The revision number counts changes made on each site; everything else is the same.
    l.erase("revision");
    r.erase("revision");
    EXPECT_EQ(boost::json::serialize(l), boost::json::serialize(r));
  }
}

TEST(Observatoire, AnImportWithOneBadEntryWritesNothing) {
  Observatory a;
  Browser b(a.site);
  b.sign_in("editrice@example.org", kPassword);
  a.publish(b);
  auto exported = json_of(Browser(a.site).get("/observatoire.json").body);
  auto broken = exported;
  auto& entries = broken.at("entries").as_array();
  auto bad = entries[0].as_object();
  bad["id"] = "another-id";
  bad["slug"] = "une-autre";
  bad["organisation_siren"] = "123456789";
  entries.push_back(bad);
  Site other;
  auto c = other.db().acquire();
  auto r = observatoire::import_entries(*c, boost::json::serialize(broken), other.now());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors.front().find("une-autre"), std::string::npos);
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM observatory_entries"), 0);
  // A score that does not match the evidence is refused too.
  auto tampered = exported;
  tampered.at("entries").as_array()[0].as_object()["score"].as_object()["openness"] = 50;
  EXPECT_FALSE(observatoire::import_entries(*c, boost::json::serialize(tampered), other.now()).errors.empty());
  EXPECT_FALSE(observatoire::import_entries(*c, "not json", other.now()).errors.empty());
  EXPECT_EQ(c->query_integer("SELECT COUNT(*) FROM observatory_entries"), 0);
}

TEST(Observatoire, APublishedEntryIsFoundBySearchUnderPublicAlgorithms) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  const std::string page = o.publish(b);
  auto found = b.get("/recherche?q=logement&type=algorithm").body;
  EXPECT_NE(found.find("href=\"" + page + "\""), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM search_documents WHERE type = 'algorithm'"), 1);
}

// The entry form without any evidence: what a citizen fills in before the form asks for it.
Fields without_evidence(Fields f) {
  std::erase_if(f, [](const auto& kv) { return kv.first.starts_with("evidence_"); });
  return f;
}

std::string value_of(const std::string& body, const std::string& id) {
  auto at = body.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "<no " + id + ">";
  auto v = body.find("value=\"", at);
  return body.substr(v + 7, body.find('"', v + 7) - v - 7);
}

TEST(ObservatoireEvidence, LinksGivenInTheEntryAreOfferedAsEvidenceAndThePreviewWritesNothing) {
  Observatory o;
  Browser member(o.site);
  member.sign_in("membre@example.org", kPassword);
  member.get("/observatoire/nouvelle");
  Fields f = with(without_evidence(entry_form()), "source_code_url", "https://example.org/code");
  f = with(f, "source", "https://example.org/article");
  // The preview offers the legal basis link for O3 and the source code for O4, whose level the person
  // must choose: nothing is sent yet.
  auto first = member.post("/observatoire/nouvelle", with(f, "preview", "1"));
  EXPECT_EQ(first.status, 422);
  EXPECT_EQ(value_of(first.body, "f-evidence_O3_url"), "https://www.legifrance.gouv.fr/");
  EXPECT_EQ(value_of(first.body, "f-evidence_O4_url"), "https://example.org/code");
  EXPECT_NE(first.body.find("Reprise de « Lien vers la base légale »"), std::string::npos);
  EXPECT_NE(first.body.find(R"(id="f-evidence_O4_level-error")"), std::string::npos);
  EXPECT_NE(first.body.find("Score si l’entrée est publiée telle quelle : 4/100"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions"), 0);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_entries"), 0);

  // The person confirms both and chooses O4's level: the preview gives the score and why.
  Fields confirmed = with(f, "evidence_O3_url", "https://www.legifrance.gouv.fr/");
  confirmed = with(confirmed, "evidence_O3_offered", "https://www.legifrance.gouv.fr/");
  confirmed = with(confirmed, "evidence_O4_url", "https://example.org/code");
  confirmed = with(confirmed, "evidence_O4_offered", "https://example.org/code");
  confirmed = with(confirmed, "evidence_O4_level", "current");
  auto preview = member.post("/observatoire/nouvelle", with(confirmed, "preview", "1"));
  EXPECT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("Score si l’entrée est publiée telle quelle : 12/100"), std::string::npos);
  EXPECT_NE(preview.body.find("Code à jour publié — https://example.org/code"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions"), 0);

  // One submission carries both criteria's evidence; accepted as sent, the entry scores the preview's.
  auto sent = member.post("/observatoire/nouvelle", confirmed);
  ASSERT_EQ(sent.status, 303);
  Browser editor(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  editor.get(sent.header("location"));
  auto accepted = editor.post(sent.header("location") + "/accepter", {});
  ASSERT_EQ(accepted.status, 303);
  auto j = json_of(editor.get(accepted.header("location") + ".json").body);
  EXPECT_EQ(j.at("score").at("openness").as_int64() + j.at("score").at("explainability").as_int64(), 12);
}

TEST(ObservatoireEvidence, AnOfferThePersonClearedIsNotOfferedAgain) {
  Observatory o;
  Browser member(o.site);
  member.sign_in("membre@example.org", kPassword);
  member.get("/observatoire/nouvelle");
  Fields f = with(without_evidence(entry_form()), "evidence_O3_offered", "https://www.legifrance.gouv.fr/");
  auto r = member.post("/observatoire/nouvelle", with(with(f, "evidence_O3_url", ""), "preview", "1"));
  EXPECT_EQ(value_of(r.body, "f-evidence_O3_url"), "");
  EXPECT_NE(r.body.find(R"(name="evidence_O3_offered" value="https://www.legifrance.gouv.fr/")"), std::string::npos);
  // A different link in the field is offered again.
  r = member.post("/observatoire/nouvelle",
                  with(with(f, "legal_basis_url", "https://www.legifrance.gouv.fr/loda/"), "preview", "1"));
  EXPECT_EQ(value_of(r.body, "f-evidence_O3_url"), "https://www.legifrance.gouv.fr/loda/");
}

TEST(ObservatoireEvidence, BadEvidenceIsRefusedBesideItsCriterionWithTheInputKept) {
  Observatory o;
  Browser member(o.site);
  member.sign_in("membre@example.org", kPassword);
  member.get("/observatoire/nouvelle");
  Fields f = with(entry_form(), "source", "https://example.org/article");
  f = with(f, "evidence_O3_url", "ftp://example.org/loi");
  f = with(f, "evidence_E1_note", std::string(1001, 'x'));
  for (bool preview : {true, false}) {
    auto r = member.post("/observatoire/nouvelle", preview ? with(f, "preview", "1") : f);
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find(R"(id="f-evidence_O3_url-error")"), std::string::npos);
    EXPECT_NE(r.body.find(R"(id="f-evidence_E1_note-error")"), std::string::npos);
    EXPECT_EQ(value_of(r.body, "f-evidence_O3_url"), "ftp://example.org/loi");
  }
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions"), 0);
}

TEST(ObservatoireEvidence, EditorsAcceptSomeEvidenceAndNotTheRestInOneReview) {
  Observatory o;
  Browser member(o.site), editor(o.site);
  member.sign_in("membre@example.org", kPassword);
  member.get("/observatoire/nouvelle");
  Fields f = with(entry_form(), "source", "https://example.org/article");
  f = with(f, "evidence_O3_url", "https://www.legifrance.gouv.fr/");
  auto sent = member.post("/observatoire/nouvelle", f);
  ASSERT_EQ(sent.status, 303);
  std::string contribution = sent.header("location");

  editor.sign_in("editrice@example.org", kPassword);
  auto review = editor.get(contribution);
  EXPECT_NE(review.body.find(R"(id="f-review_O4-reject")"), std::string::npos);
  EXPECT_NE(review.body.find("Si tout est accepté, l’entrée obtient 17/100"), std::string::npos);
  // Evidence left out needs a reason: nothing is written without one.
  auto refused = editor.post(contribution + "/accepter", {{"review_O3", "accept"}, {"review_E1", "reject"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(R"(id="f-review_reason-error")"), std::string::npos);
  EXPECT_NE(refused.body.find(R"(id="f-review_E1-reject" name="review_E1" value="reject" checked)"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_entries"), 0);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(o.member.id)), 0);

  auto accepted = editor.post(contribution + "/accepter", {{"review_O3", "accept"},
                                                           {"review_O4", "accept"},
                                                           {"review_E1", "reject"},
                                                           {"review_reason", "Le résumé n'est pas public."}});
  ASSERT_EQ(accepted.status, 303);
  auto j = json_of(editor.get(accepted.header("location") + ".json").body);
  EXPECT_EQ(j.at("score").at("openness").as_int64(), 4 + 8);
  EXPECT_EQ(j.at("score").at("explainability").as_int64(), 0);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_scores"), 1);
  auto account = member.get("/compte");
  EXPECT_NE(account.body.find("avec ses preuves pour ces critères : O3, O4."), std::string::npos);
  EXPECT_NE(member.get(contribution).body.find("Le résumé n&#39;est pas public."), std::string::npos);
}

TEST(ObservatoireEvidence, ACorrectionIsPreviewedWithTheEntrysScoreAndItsOwnLinkOfferedWithoutWriting) {
  Observatory o;
  Browser editor(o.site), member(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  std::string page = o.publish(editor);  // O4 and E1: 13/100
  member.sign_in("membre@example.org", kPassword);
  // The evidence of O3 is offered from the entry's own legal basis link.
  auto form = member.get(page + "/proposer");
  EXPECT_EQ(value_of(form.body, "f-evidence_O3_url"), "https://www.legifrance.gouv.fr/");
  Fields f = correction({{"evidence_O3_url", "https://www.legifrance.gouv.fr/"}, {"preview", "1"}}, "Légifrance");
  auto preview = member.post(page + "/proposer", f);
  EXPECT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("Score si l’entrée est publiée telle quelle : 17/100"), std::string::npos);
  auto bad = member.post(page + "/proposer", with(f, "evidence_O3_url", "javascript:alert(1)"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find(R"(id="f-evidence_O3_url-error")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions"), 0);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions"), 1);
}

TEST(ObservatoireCorrection, SeveralFieldsAndTheirEvidenceAreOneSubmissionAndBadInputWritesNothing) {
  Observatory o;
  Browser editor(o.site), member(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  std::string page = o.publish(editor);
  member.sign_in("membre@example.org", kPassword);
  member.get(page + "/proposer");
  // A link that is not http(s), and a form sent back unchanged: refused beside the field, nothing written.
  auto bad = member.post(page + "/proposer", correction({{"legal_basis_url", "ftp://example.org/loi"}}, "Loi"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find(R"(id="f-legal_basis_url-error")"), std::string::npos);
  EXPECT_NE(bad.body.find(R"(value="ftp://example.org/loi")"), std::string::npos);  // the input is kept
  auto unchanged = member.post(page + "/proposer", correction({}, "Rien"));
  EXPECT_EQ(unchanged.status, 422);
  EXPECT_NE(unchanged.body.find(R"(id="f-name-error")"), std::string::npos);
  auto no_source = member.post(page + "/proposer", correction({{"budget", "3 M€"}}, ""));
  EXPECT_EQ(no_source.status, 422);
  EXPECT_NE(no_source.body.find(R"(id="f-source-error")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions"), 0);
  // Two fields and the evidence of two criteria in one submission.
  auto sent = member.post(page + "/proposer", correction({{"budget", "3 M€"},
                                                          {"evidence_O11_url", "https://example.org/budget"},
                                                          {"purpose", "Calculer le droit chaque mois."},
                                                          {"evidence_O3_url", "https://www.legifrance.gouv.fr/"},
                                                          {"evidence_O3_note", "Article L. 351-3"}},
                                                         "Rapport annuel"));
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions"), 1);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions WHERE kind = 'field' AND target = '' AND "
                    "proposal LIKE '%evidence_O3_note%' AND proposal LIKE '%3 M€%' AND source = 'Rapport annuel'"),
            1);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions"), 1);
  auto id = std::to_string(o.count("SELECT MAX(id) FROM observatory_contributions"));
  auto shown = member.get("/observatoire/contributions/" + id);
  EXPECT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Calculer le droit chaque mois."), std::string::npos);
  EXPECT_NE(shown.body.find("Article L. 351-3"), std::string::npos);
}

TEST(ObservatoireCorrection, TheEditorAcceptsPartOfACorrectionAsOneRevisionAndOnlyEditorsReview) {
  Observatory o;
  Browser editor(o.site), member(o.site), other(o.site);
  editor.sign_in("editrice@example.org", kPassword);
  std::string page = o.publish(editor);  // O4 and E1: 13/100
  member.sign_in("membre@example.org", kPassword);
  member.get(page + "/proposer");
  ASSERT_EQ(member
                .post(page + "/proposer", correction({{"budget", "3 M€"},
                                                      {"evidence_O11_url", "https://example.org/budget"},
                                                      {"purpose", "Un autre objet."},
                                                      {"evidence_O3_url", "https://www.legifrance.gouv.fr/"}},
                                                     "Rapport annuel"))
                .status,
            303);
  auto id = std::to_string(o.count("SELECT MAX(id) FROM observatory_contributions"));
  const std::string review = "/observatoire/contributions/" + id;
  // Only editors review: another member can neither see nor decide it.
  other.sign_in("agent@example.org", kPassword);
  EXPECT_EQ(other.get(review).status, 403);
  EXPECT_EQ(member.post(review + "/accepter", {}).status, 403);
  auto form = editor.get(review);
  EXPECT_NE(form.body.find(R"(name="review_budget" value="reject")"), std::string::npos);
  EXPECT_NE(form.body.find(R"(name="review_O3" value="reject")"), std::string::npos);
  EXPECT_NE(form.body.find(R"(name="review_purpose" value="reject")"), std::string::npos);
  EXPECT_NE(form.body.find("20/100"), std::string::npos);  // with all of it: 13 + 4 (O3) + 3 (O11)
  // The purpose is not accepted: that needs a reason, and nothing is written without it.
  const Fields decision = {
      {"review_budget", "accept"}, {"review_O11", "accept"}, {"review_O3", "accept"}, {"review_purpose", "reject"}};
  auto no_reason = editor.post(review + "/accepter", decision);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_NE(no_reason.body.find(R"(id="f-review_reason-error")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions"), 1);
  Fields with_reason = decision;
  with_reason.emplace_back("review_reason", "L'objet est celui du décret.");
  auto accepted = editor.post(review + "/accepter", with_reason);
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  // One revision, with only what was accepted.
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions"), 2);
  auto j = json_of(editor.get(page + ".json").body);
  EXPECT_EQ(j.at("revision").as_int64(), 2);
  EXPECT_EQ(j.at("budget").as_string(), "3 M€");
  EXPECT_EQ(j.at("purpose").as_string(), "Calculer le droit.");
  EXPECT_EQ(j.at("score").at("total").as_int64(), 20);
  EXPECT_EQ(j.at("score").at("criteria").at("O3").as_int64(), 4);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_revisions WHERE number = 2 AND source = 'Rapport annuel'"), 1);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions WHERE status = 'accepted' AND reason = "
                    "'L''objet est celui du décret.'"),
            1);
  EXPECT_NE(member.get("/compte").body.find("acceptée en partie"), std::string::npos);
  EXPECT_EQ(editor.post(review + "/accepter", with_reason).status, 404);  // decided once
}

TEST(Observatoire, AMemberPlacesTheEntryTheyProposeOnTerritoriesWhichItKeepsOnceAccepted) {
  Observatory o;
  {
    auto c = o.site.db().acquire();
    territories::load_territories(
        *c, territories::read_cog(std::filesystem::path(__FILE__).parent_path() / "cog" / "a" / "data"));
  }
  Browser member(o.site), editor(o.site);
  member.sign_in("membre@example.org", kPassword);
  auto form = member.get("/observatoire/nouvelle");
  EXPECT_NE(form.body.find("name=\"territoire_q\""), std::string::npos) << "the picker, for members too";
  // The picker searched: the form again with Brest to tick, nothing written.
  auto proposal = with(entry_form(), "source", "https://example.org/article");
  auto searched = member.post("/observatoire/nouvelle", with(proposal, "territoire_q", "brest"));
  EXPECT_EQ(searched.status, 200);
  EXPECT_NE(searched.body.find("value=\"29019\""), std::string::npos);
  // An unknown territory is refused beside the picker, nothing written.
  auto unknown = member.post("/observatoire/nouvelle", with(proposal, "territoires", "99999"));
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find(R"(id="f-territoires-error")"), std::string::npos);
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM observatory_contributions"), 0);
  auto sent = member.post("/observatoire/nouvelle", with(proposal, "territoires", "29019"));
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(o.count("SELECT COUNT(*) FROM territory_links WHERE subject = 'observatory_entry'"), 0);
  editor.sign_in("editrice@example.org", kPassword);
  editor.get(sent.header("location"));
  ASSERT_EQ(editor.post(sent.header("location") + "/accepter", {}).status, 303);
  auto entry = json_of(member.get("/observatoire/calcul-des-aides-au-logement.json").body);
  ASSERT_EQ(entry.at("territories").as_array().size(), 1u);
  EXPECT_EQ(entry.at("territories").at(0).at("key").as_string(), "29019");
  EXPECT_NE(member.get("/observatoire?territoire=finistere").body.find("Calcul des aides au logement"),
            std::string::npos);
}

}  // namespace
}  // namespace fabrique::test

namespace fabrique::test {
namespace {

// The JSON and CSV of the whole register are read a batch at a time and written to a file on the
// way (http/spool.hpp): every entry once, in name order, past several batches; the same bytes
// gzipped or not, each encoding with the ETag of its bytes, 304 to a client that holds them, and the
// connection kept for the next request.
TEST(Observatoire, TheWholeRegisterExportsHoldEveryEntryOnceInOrderAcrossBatches) {
  Observatory a;
  Browser b(a.site);
  b.sign_in("editrice@example.org", kPassword);
  a.publish(b);
  auto one = json_of(Browser(a.site).get("/observatoire.json").body);
  boost::json::object model = one.at("entries").as_array().at(0).as_object();
  // 1,203 entries (two full batches and some), imported in an order that is not their names' order.
  constexpr int kEntries = 2 * static_cast<int>(storage::kExportBatch) + 203;
  boost::json::array entries;
  for (int i = 0; i < kEntries; ++i) {
    const int n = (i * 7919) % kEntries;  // 7919 is prime: every number once, shuffled
    boost::json::object e = model;
    e["id"] = fmt::format("00000000-0000-4000-8000-{:012}", n + 1);
    e["slug"] = fmt::format("algorithme-{:04}", n);
    e["name"] = fmt::format("Algorithme {:04}", n);
    entries.push_back(std::move(e));
  }
  one["entries"] = std::move(entries);
  Site site;
  {
    auto c = site.db().acquire();
    auto r = observatoire::import_entries(*c, boost::json::serialize(one), site.now());
    ASSERT_TRUE(r.errors.empty()) << r.errors.front();
    ASSERT_EQ(r.created, kEntries);
  }

  HttpConnection connection(site.port());
  auto plain = connection.request("GET", "/observatoire.json");
  ASSERT_EQ(plain.status, 200);
  auto document = json_of(plain.body);
  EXPECT_EQ(document.at("licence").at("id").as_string(), "etalab-2.0") << "the licence still comes first";
  EXPECT_EQ(document.at("count").as_int64(), kEntries);
  const auto& listed = document.at("entries").as_array();
  ASSERT_EQ(listed.size(), static_cast<std::size_t>(kEntries));
  for (int i = 0; i < kEntries; ++i)
    ASSERT_EQ(listed[i].at("slug").as_string(), fmt::format("algorithme-{:04}", i)) << "entry " << i;
  EXPECT_EQ(plain.header("etag"), http::open_data::strong_etag(plain.body));
  EXPECT_EQ(plain.header("content-length"), std::to_string(plain.body.size()));

  auto gzipped = connection.request("GET", "/observatoire.json", {{"Accept-Encoding", "br, gzip"}});
  ASSERT_EQ(gzipped.status, 200) << "the same connection serves the next request";
  ASSERT_EQ(gzipped.header("content-encoding"), "gzip") << "a spooled body is gzipped, never brotli";
  EXPECT_LT(gzipped.body.size(), plain.body.size() / 4);
  EXPECT_EQ(http::gunzip(gzipped.body), plain.body);
  EXPECT_EQ(gzipped.header("etag"), http::open_data::strong_etag(gzipped.body));
  EXPECT_EQ(connection.request("GET", "/observatoire.json", {{"If-None-Match", plain.header("etag")}}).status, 304);
  EXPECT_EQ(connection
                .request("GET", "/observatoire.json",
                         {{"Accept-Encoding", "gzip"}, {"If-None-Match", gzipped.header("etag")}})
                .status,
            304);
  auto head = connection.request("HEAD", "/observatoire.json");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(plain.body.size()));
  EXPECT_TRUE(head.body.empty());

  auto csv = connection.request("GET", "/observatoire.csv");
  ASSERT_EQ(csv.status, 200);
  std::set<std::string> slugs;
  std::size_t lines = 0;
  for (std::size_t at = 0; (at = csv.body.find("\r\n00000000-0000-4000-8000-", at)) != std::string::npos; ++at) {
    ++lines;
    const auto slug = csv.body.find(',', at + 2) + 1;
    slugs.insert(csv.body.substr(slug, csv.body.find(',', slug) - slug));
  }
  EXPECT_EQ(lines, static_cast<std::size_t>(kEntries));
  EXPECT_EQ(slugs.size(), static_cast<std::size_t>(kEntries)) << "no entry twice";
  EXPECT_EQ(csv.header("etag"), http::open_data::strong_etag(csv.body));
}

// The scoreboard shows fifty entries a page, with the filters kept from page to page; the exports
// keep every entry.
TEST(Observatoire, TheScoreboardShowsFiftyEntriesAPageAndKeepsItsFiltersAcrossPages) {
  Observatory o;
  Browser b(o.site);
  b.sign_in("editrice@example.org", kPassword);
  for (int i = 1; i <= 51; ++i) o.publish(b, entry_form(fmt::format("Algorithme {:02}", i)));
  auto rows = [](const std::string& body) {
    return count_of(body, "<th scope=\"row\"><a href=\"/observatoire/algorithme-");
  };
  Browser visitor(o.site);
  const auto first = visitor.get("/observatoire?tri=mise-a-jour").body;
  EXPECT_EQ(rows(first), 50u);
  EXPECT_TRUE(has(first, "51 fiches"));
  EXPECT_TRUE(has(first, "/observatoire?tri=mise-a-jour&amp;page=2")) << "the sort is kept from page to page";
  const auto second = visitor.get("/observatoire?tri=mise-a-jour&page=2").body;
  EXPECT_EQ(rows(second), 1u);
  EXPECT_TRUE(has(second, "Algorithme 01")) << "the oldest change comes last";
  EXPECT_EQ(json_of(visitor.get("/observatoire.json").body).at("entries").as_array().size(), 51u);
}

}  // namespace
}  // namespace fabrique::test
