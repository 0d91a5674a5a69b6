// The tables of the demo programme: organisations, demo people, families, cohorts and coalitions with
// their dated stages, roles, interest declarations and booklet revisions (written in programme_data.cpp).
#pragma once
#include <chrono>
#include <vector>

namespace fabrique::demo::data {

using std::chrono::sys_seconds;

// A date of the source at a given hour (Paris time is close enough: only the day is shown).
inline sys_seconds on(int y, unsigned m, unsigned d, int hour = 14) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}} +
         std::chrono::hours{hour};
}

struct OrganisationData {
  const char* name;
  const char* kind;  // organisation kind slug (migrations/0001_accounts.sql)
  const char* website;
  const char* description;
};

struct PersonData {
  const char* email;
  const char* name;          // invented: the real people of the source get no account
  const char* organisation;  // name of one organisation above
  bool show_name;
  bool animateur;
  sys_seconds joined;
};

struct StepData {
  const char* stage;
  sys_seconds at;
  const char* by = nullptr;  // e-mail of the person who moved it; the animateur when null
};

struct RoleData {
  const char* person;  // e-mail
  bool co_porteur;
  sys_seconds at;
};

struct DeclarationData {
  const char* person;  // e-mail; speaks for their organisation
  bool commande, offre, usages;
  const char* message;
  sys_seconds at;
};

struct SectionText {
  const char* key;   // a key of coalitions::kSections
  const char* body;  // Markdown
};

struct RevisionData {
  sys_seconds at;
  const char* author;  // e-mail; must be the animateur or a co-porteur by then
  const char* comment;
  std::vector<SectionText> sections;  // only the sections this revision writes or rewrites
};

struct CoalitionData {
  const char* number;
  const char* slug;
  const char* title;
  const char* summary;
  const char* family;                  // label of one of families()
  const char* cohort;                  // label of one of cohorts(), or ""
  const char* animating_organisation;  // name, or ""
  bool local, national, european;
  std::vector<StepData> steps;  // the first creates the coalition at its stage
  std::vector<RoleData> roles;
  std::vector<DeclarationData> declarations;
  std::vector<RevisionData> revisions;
};

const std::vector<OrganisationData>& organisations();
const std::vector<PersonData>& people();  // the animateur first
const std::vector<const char*>& families();
const std::vector<const char*>& cohorts();
const std::vector<CoalitionData>& coalitions();

}  // namespace fabrique::demo::data
