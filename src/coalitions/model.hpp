// Coalitions: alliances of heterogeneous actors around one transformative intention, with their
// stage, their living booklet written to the canevas, and the people engaged in them.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"

namespace fabrique::coalitions {

using std::chrono::sys_seconds;

// The stages a coalition moves through, in order ("en pause" last: it can happen at any time).
struct StageDef {
  const char* slug;   // stored value
  const char* label;  // English msgid
};
inline constexpr std::array<StageDef, 8> kStages = {{
    {"idee", i18n::N_("Idea")},
    {"cristallisation", i18n::N_("Crystallisation")},
    {"cadrage", i18n::N_("Framing")},
    {"diagnostic", i18n::N_("Diagnosis")},
    {"feuille-de-route", i18n::N_("Roadmap")},
    {"en-action", i18n::N_("In action")},
    {"atterrie", i18n::N_("Landed")},
    {"en-pause", i18n::N_("On hold")},
}};
const StageDef* stage(std::string_view slug);  // nullptr when unknown

// The canevas: the sections of every booklet, in order. Adding a section is one line here.
struct SectionDef {
  const char* key;    // stored value, also the form field name and the anchor
  const char* title;  // English msgid
  const char* hint;   // English msgid: what to write
};
inline constexpr std::array<SectionDef, 10> kSections = {{
    {"intention", i18n::N_("Transformative intention"),
     i18n::N_("The change the coalition wants to bring about, in one or two sentences.")},
    {"probleme", i18n::N_("Problem"), i18n::N_("What does not work today, for whom, and why.")},
    {"vision", i18n::N_("Vision and transformation narrative"),
     i18n::N_("The story of the transformation: what the world looks like once it has happened.")},
    {"impact", i18n::N_("Sought impact"),
     i18n::N_("The ethical, social, environmental, competitive or governance impact sought.")},
    {"levier-commande", i18n::N_("Lever: what is ordered (la commande)"),
     i18n::N_("Political intent, business models, investment principles, purchasing criteria.")},
    {"levier-offre", i18n::N_("Lever: what is offered (l'offre)"),
     i18n::N_("The digital thing itself: architecture, design, standards.")},
    {"levier-usages", i18n::N_("Lever: how it is used (les usages)"),
     i18n::N_("Appropriation, inclusion, freedoms, shared decision, consumption, work.")},
    {"experiences", i18n::N_("Existing experiences"),
     i18n::N_("What has already been tried, here or elsewhere, and what it taught.")},
    {"acteurs", i18n::N_("Actors to involve"), i18n::N_("The organisations and kinds of actor still missing.")},
    {"victoires", i18n::N_("First possible victories"), i18n::N_("Winnable, visible goals for the coming months.")},
}};
bool is_section(std::string_view key);

inline constexpr std::size_t kMaxSectionBytes = 100 * 1024;
inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxNumber = 20;
inline constexpr std::size_t kMaxSummary = 400;
inline constexpr std::size_t kMaxComment = 300;
inline constexpr std::size_t kMaxMessage = 2000;

enum class Lever { commande, offre, usages };

struct Coalition {
  std::int64_t id = 0;
  std::string number;
  std::string slug;
  std::string title;
  std::string summary;
  std::int64_t family_id = 0;
  std::string family_slug, family_label;
  std::optional<std::int64_t> cohort_id;
  std::string cohort_slug, cohort_label;
  std::string stage;  // slug
  sys_seconds stage_since{};
  std::optional<std::int64_t> animating_organisation_id;
  std::string animating_organisation_slug, animating_organisation_name;
  bool scale_local = false, scale_national = false, scale_european = false;
  std::int64_t booklet_revision = 0;
  sys_seconds created_at{}, updated_at{}, last_activity_at{};
};

// A coalition as the lists of other things name it (an organisation's, a resource's, a post's): its
// number and title, linked by its slug.
struct Named {
  std::int64_t id = 0;
  std::string slug, number, title;
};

// "Coalition 8.a — Développer et maintenir les communs numériques"
std::string full_title(const Coalition& k);

struct StageChange {
  std::string from_stage;  // empty for the first
  std::string to_stage;
  sys_seconds changed_at{};
  std::string author;  // public name, or empty
};

// A person as others may see them: their name only if they chose to show it.
struct PublicPerson {
  std::int64_t user_id = 0;
  std::string name;          // empty unless shown
  std::string organisation;  // first organisation's name, or empty
};

struct Revision {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string comment;
  std::optional<std::int64_t> restored_from;
  std::optional<std::int64_t> merged_with;  // the revision saved meanwhile that this one merged with
  PublicPerson author;
  std::vector<std::string> sections;  // the sections this revision changed
};

using Booklet = std::map<std::string, std::string>;  // section key → Markdown

enum class Role { membre, co_porteur };

struct Member {
  std::int64_t user_id = 0;
  std::string name;        // real name (only shown to co-porteurs and animateurs) …
  bool show_name = false;  // … or publicly when the person chose so
  std::string organisation;
  Role role = Role::membre;
};

struct Declaration {
  std::int64_t id = 0;
  std::int64_t coalition_id = 0;
  std::string coalition_slug, coalition_title, coalition_number;
  std::int64_t user_id = 0;
  std::string user_name;
  std::optional<std::int64_t> organisation_id;
  std::string organisation_name, organisation_kind;
  bool commande = false, offre = false, usages = false;
  std::string message;
  sys_seconds created_at{}, updated_at{};
};

}  // namespace fabrique::coalitions
