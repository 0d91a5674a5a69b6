// The observatory's score: every criterion and level of the rubric on fixed cases, the bands'
// boundaries, and the SIREN check; the score depends on the recorded evidence only. And the evidence
// where it is asked: every criterion has one place in the entry form, the web addresses an entry
// already gives are offered as the evidence they can show (and only those), an offer the person
// cleared is not made again, and the preview scores what publishing would.
#include <gtest/gtest.h>

#include "observatoire/evidence.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"

namespace fabrique::observatoire {
namespace {

Evidence ev(const char* criterion, const char* level) {
  return {criterion, level, "https://example.org/preuve", "2024-01-15", "", false};
}

TEST(Rubric, HasElevenOpennessAndNineExplainabilityCriteriaOfFiftyPointsEach) {
  int openness = 0, explainability = 0, o = 0, e = 0;
  for (const auto& c : rubric().criteria) {
    int best = 0;
    for (const auto& l : c.levels) best = std::max(best, l.points);
    EXPECT_EQ(best, c.max_points) << c.id;
    (c.axis == Axis::openness ? openness : explainability) += c.max_points;
    (c.axis == Axis::openness ? o : e) += 1;
  }
  EXPECT_EQ(o, 11);
  EXPECT_EQ(e, 9);
  EXPECT_EQ(openness, 50);
  EXPECT_EQ(explainability, 50);
  EXPECT_EQ(rubric().version, 1);
}

// Each (criterion, level) of REGISTERS.md with its points.
struct Case {
  const char* criterion;
  const char* level;
  int points;
  Axis axis;
};
const Case kCases[] = {
    {"O1", "web-page", 3, Axis::openness},    {"O1", "open-data", 5, Axis::openness},
    {"O2", "met", 4, Axis::openness},         {"O3", "met", 4, Axis::openness},
    {"O4", "current", 8, Axis::openness},     {"O4", "partial", 4, Axis::openness},
    {"O4", "third-party", 2, Axis::openness}, {"O5", "met", 3, Axis::openness},
    {"O6", "met", 6, Axis::openness},         {"O7", "summary", 3, Axis::openness},
    {"O7", "full", 6, Axis::openness},        {"O8", "met", 4, Axis::openness},
    {"O9", "met", 3, Axis::openness},         {"O10", "met", 4, Axis::openness},
    {"O11", "met", 3, Axis::openness},        {"E1", "met", 5, Axis::explainability},
    {"E2", "met", 6, Axis::explainability},   {"E3", "met", 6, Axis::explainability},
    {"E4", "met", 5, Axis::explainability},   {"E5", "met", 8, Axis::explainability},
    {"E6", "met", 6, Axis::explainability},   {"E7", "met", 5, Axis::explainability},
    {"E8", "met", 5, Axis::explainability},   {"E9", "met", 4, Axis::explainability},
};

TEST(Score, EachCriterionAndLevelScoresItsPointsOnItsAxisOnly) {
  for (const auto& k : kCases) {
    Score s = compute_score(rubric(), {ev(k.criterion, k.level)});
    EXPECT_EQ(s.points(k.criterion), k.points) << k.criterion << " " << k.level;
    EXPECT_EQ(k.axis == Axis::openness ? s.openness : s.explainability, k.points) << k.criterion;
    EXPECT_EQ(k.axis == Axis::openness ? s.explainability : s.openness, 0) << k.criterion;
    EXPECT_EQ(s.criteria.size(), 20u);
  }
}

TEST(Score, EveryLevelOfTheRubricIsCoveredByTheCases) {
  for (const auto& c : rubric().criteria)
    for (const auto& l : c.levels) {
      bool covered = false;
      for (const auto& k : kCases)
        covered = covered || (c.id == std::string(k.criterion) && l.key == std::string(k.level));
      EXPECT_TRUE(covered) << c.id << " " << l.key;
    }
}

TEST(Score, NoEvidenceScoresZeroAndFullEvidenceScoresOneHundred) {
  Score none = compute_score(rubric(), {});
  EXPECT_EQ(none.total(), 0);
  std::vector<Evidence> all;
  for (const auto& c : rubric().criteria) {
    const LevelDef* best = &c.levels.front();
    for (const auto& l : c.levels)
      if (l.points > best->points) best = &l;
    all.push_back(ev(c.id, best->key));
  }
  Score full = compute_score(rubric(), all);
  EXPECT_EQ(full.openness, 50);
  EXPECT_EQ(full.explainability, 50);
  EXPECT_EQ(full.total(), 100);
  EXPECT_EQ(full.rubric_version, rubric().version);
}

TEST(Score, EvidenceWithoutUrlOrWithAnUnknownLevelOrCriterionScoresNothing) {
  Evidence no_url = ev("O4", "current");
  no_url.url.clear();
  EXPECT_EQ(compute_score(rubric(), {no_url}).openness, 0);
  EXPECT_EQ(compute_score(rubric(), {ev("O4", "sometimes")}).openness, 0);
  EXPECT_EQ(compute_score(rubric(), {ev("O12", "met")}).total(), 0);
}

TEST(Score, ParcoursupLikeCaseAddsUpAcrossCriteria) {
  // Code published by the administration, open licence, legal basis, inventory on a web page.
  Score s = compute_score(rubric(), {ev("O1", "web-page"), ev("O3", "met"), ev("O4", "current"), ev("O5", "met"),
                                     ev("E1", "met"), ev("E6", "met"), ev("E9", "met")});
  EXPECT_EQ(s.openness, 3 + 4 + 8 + 3);
  EXPECT_EQ(s.explainability, 5 + 6 + 4);
}

TEST(Score, ARubricWithAnotherVersionGivesItsOwnVersionAndPoints) {
  // A later rubric (here made up) scores the same evidence differently; a score keeps its version.
  Rubric later = rubric();
  later.version = 2;
  later.criteria[3].levels[0].points = 10;  // O4 current
  Score before = compute_score(rubric(), {ev("O4", "current")});
  Score after = compute_score(later, {ev("O4", "current")});
  EXPECT_EQ(before.rubric_version, 1);
  EXPECT_EQ(before.openness, 8);
  EXPECT_EQ(after.rubric_version, 2);
  EXPECT_EQ(after.openness, 10);
}

TEST(Bands, BoundariesAre19_20_34_35) {
  EXPECT_EQ(band(0), Band::opaque);
  EXPECT_EQ(band(19), Band::opaque);
  EXPECT_EQ(band(20), Band::partial);
  EXPECT_EQ(band(34), Band::partial);
  EXPECT_EQ(band(35), Band::open);
  EXPECT_EQ(band(50), Band::open);
  Band b;
  EXPECT_TRUE(parse_band("partial", b));
  EXPECT_EQ(b, Band::partial);
  EXPECT_FALSE(parse_band("clear", b));
}

TEST(Siren, LuhnKeyIsChecked) {
  EXPECT_TRUE(siren_valid("130025265"));  // DINUM
  EXPECT_TRUE(siren_valid("732829320"));
  EXPECT_FALSE(siren_valid("130025266"));  // one digit off
  EXPECT_FALSE(siren_valid("13002526"));   // eight digits
  EXPECT_FALSE(siren_valid("13002526A"));
  EXPECT_FALSE(siren_valid(""));
}

TEST(Evidence, RefusesNoUrlANonHttpUrlAFutureDateAndAnUnknownLevel) {
  auto now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + std::chrono::hours{12};
  FieldErrors ok;
  Evidence e = validate_evidence({"O2", "", " https://example.org ", "2026-11-28", "", false}, ok, now, "p_");
  EXPECT_TRUE(ok.empty());
  EXPECT_EQ(e.level, "met");  // a criterion without graded levels
  EXPECT_EQ(e.url, "https://example.org");

  FieldErrors no_url;
  validate_evidence({"O2", "met", "", "2026-01-01", "", false}, no_url, now, "p_");
  EXPECT_NE(no_url.find("p_url"), nullptr);
  FieldErrors ftp;
  validate_evidence({"O2", "met", "ftp://example.org/x", "2026-01-01", "", false}, ftp, now, "p_");
  EXPECT_NE(ftp.find("p_url"), nullptr);
  FieldErrors future;
  validate_evidence({"O2", "met", "https://example.org", "2026-11-29", "", false}, future, now, "p_");
  EXPECT_NE(future.find("p_checked_on"), nullptr);
  FieldErrors level;
  validate_evidence({"O4", "sometimes", "https://example.org", "2026-01-01", "", false}, level, now, "p_");
  EXPECT_NE(level.find("p_level"), nullptr);
  FieldErrors missing_level;
  validate_evidence({"O4", "", "https://example.org", "2026-01-01", "", false}, missing_level, now, "p_");
  EXPECT_NE(missing_level.find("p_level"), nullptr);
}

Document minimal() {
  Document d;
  d.fields = {{"name", "Calcul"},
              {"summary", "Un résumé."},
              {"organisation", "DINUM"},
              {"organisation_siren", "130025265"},
              {"contact", "contact@example.org"},
              {"status", "in-use"},
              {"category", "other"},
              {"purpose", "But."},
              {"decision_role", "Rôle."},
              {"automation", "decision-support"},
              {"affected_public", "Tous."},
              {"legal_basis", "Loi."},
              {"legal_basis_url", "https://www.legifrance.gouv.fr/"},
              {"human_oversight", "Oui."},
              {"appeal", "Recours."},
              {"explicit_mention", "no"},
              {"algorithm_type", "rules"},
              {"technical_description", "Règles."},
              {"risks", "Risques."}};
  d.data_sources = {{"Fichier", "", "", "", ""}};
  return d;
}

TEST(Document, AMinimalEntryIsValidAndMissingRequiredFieldsAreNamed) {
  auto now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + std::chrono::hours{0};
  FieldErrors ok;
  validate_document(minimal(), ok, now);
  EXPECT_TRUE(ok.empty()) << (ok.empty() ? "" : ok.items().front().first);
  Document d = minimal();
  d.fields.erase("name");
  d.fields["organisation_siren"] = "123456789";
  d.data_sources.clear();
  FieldErrors bad;
  validate_document(d, bad, now);
  EXPECT_NE(bad.find("name"), nullptr);
  EXPECT_NE(bad.find("organisation_siren"), nullptr);
  EXPECT_NE(bad.find("source_0_name"), nullptr);
}

TEST(Document, HighRiskAIRequiresAnImpactAssessmentAndTheEUDatabaseEntry) {
  auto now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + std::chrono::hours{0};
  Document d = minimal();
  d.fields["category"] = "high-risk-ai";
  FieldErrors errors;
  validate_document(d, errors, now);
  EXPECT_NE(errors.find("eu_database_url"), nullptr);
  EXPECT_NE(errors.find("assessment_0_summary"), nullptr);
}

TEST(Search, AnEntryIsFoundByItsNameBodySummaryAndDataSources) {
  Entry e;
  e.slug = "calcul";
  e.doc = minimal();
  Searchable s = searchable(e);
  EXPECT_EQ(s.title, "Calcul");
  EXPECT_EQ(s.url, "/observatoire/calcul");
  EXPECT_NE(s.text.find("DINUM"), std::string::npos);
  EXPECT_NE(s.text.find("Un résumé."), std::string::npos);
  EXPECT_NE(s.text.find("Fichier"), std::string::npos);
}

// Evidence where it is asked (evidence.hpp).
const sys_seconds kPreviewNow = std::chrono::sys_days{std::chrono::year{2024} / 3 / 1};

TEST(EvidenceForm, EveryCriterionIsAskedOnceBesideAFieldOrAList) {
  std::map<std::string, int> seen;
  auto count = [&](std::string_view anchor) {
    for (const CriterionDef* c : criteria_beside(anchor)) ++seen[c->id];
  };
  for (const auto& f : fields()) count(f.key);
  count("data_sources");
  count("impact_assessments");
  ASSERT_EQ(seen.size(), rubric().criteria.size());
  for (const auto& [id, n] : seen) EXPECT_EQ(n, 1) << id;
  ASSERT_EQ(criteria_beside("legal_basis_url").size(), 1u);
  EXPECT_STREQ(criteria_beside("legal_basis_url")[0]->id, "O3");
}

TEST(EvidenceForm, TheLinksAnEntryGivesAreOfferedForTheCriteriaTheyCanShow) {
  Document d;
  d.fields = {{"legal_basis_url", "https://www.legifrance.gouv.fr/"},
              {"source_code_url", "https://example.org/code"},
              {"contact", "contact@example.org"}};
  d.evidence = {{"E1", "met", "https://example.org/resume", "2024-01-10", "", false}};
  auto filled = offer_evidence(d, {}, "2024-03-01");
  EXPECT_EQ(filled, (std::vector<std::string>{"O3", "O4"}));
  ASSERT_NE(d.evidence_for("O3"), nullptr);
  EXPECT_EQ(*d.evidence_for("O3"), (Evidence{"O3", "met", "https://www.legifrance.gouv.fr/", "2024-03-01", "", false}));
  // A graded criterion waits for the person to say which level the page shows.
  EXPECT_EQ(d.evidence_for("O4")->level, "");
  // An e-mail contact is no page to check; a licence needs naming before the code's page shows it.
  EXPECT_EQ(d.evidence_for("O2"), nullptr);
  EXPECT_EQ(d.evidence_for("O5"), nullptr);
  // Evidence already given is kept as it is.
  EXPECT_EQ(d.evidence_for("E1")->url, "https://example.org/resume");

  d.fields["licence"] = "GPL-3.0-only";
  d.fields["contact"] = "https://example.org/contact";
  EXPECT_EQ(offer_evidence(d, {}, "2024-03-01"), (std::vector<std::string>{"O2", "O5"}));
  EXPECT_EQ(d.evidence_for("O5")->url, "https://example.org/code");
}

TEST(EvidenceForm, AnOfferThePersonClearedIsMadeAgainOnlyForAnotherLink) {
  Document d;
  d.fields = {{"legal_basis_url", "https://www.legifrance.gouv.fr/"}};
  d.evidence = {{"O3", "", "", "", "", false}};  // the field sent back empty
  EXPECT_TRUE(offer_evidence(d, {{"O3", "https://www.legifrance.gouv.fr/"}}, "2024-03-01").empty());
  EXPECT_EQ(d.evidence_for("O3")->url, "");
  d.fields["legal_basis_url"] = "https://www.legifrance.gouv.fr/loda/";
  EXPECT_EQ(offer_evidence(d, {{"O3", "https://www.legifrance.gouv.fr/"}}, "2024-03-01"),
            std::vector<std::string>{"O3"});
}

TEST(EvidenceForm, ThePreviewScoresWhatPublishingWouldAndRefusedEvidenceScoresNothing) {
  std::vector<Evidence> evidence = {{"O3", "met", "https://www.legifrance.gouv.fr/", "2024-01-10", "", false},
                                    {"O4", "current", "https://example.org/code", "2024-01-10", "", false},
                                    {"E1", "met", "ftp://example.org/resume", "2024-01-10", "", false}};
  Document d{{}, {}, {}, evidence};
  FieldErrors errors;
  Score s = preview_score(d, errors, kPreviewNow);
  EXPECT_EQ(s.total(), 12);
  EXPECT_TRUE(evidence_refused(errors, "E1"));
  EXPECT_FALSE(evidence_refused(errors, "O3"));
  evidence.pop_back();
  EXPECT_EQ(compute_score(rubric(), evidence).criteria, s.criteria);
}

}  // namespace
}  // namespace fabrique::observatoire
