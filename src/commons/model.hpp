// The commons: resources worth reusing (with their licence), the charter with its versions,
// consultation and signatures, and the boussole of experience cards.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coalitions/model.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

using std::chrono::sys_seconds;

struct Choice {
  const char* slug;   // stored value
  const char* label;  // English msgid (or a proper name)
};

// --- Resources

inline constexpr std::array<Choice, 9> kKinds = {{
    {"guide", i18n::N_("Guide")},
    {"demonstrateur", i18n::N_("Demonstrator")},
    {"outil", i18n::N_("Tool")},
    {"podcast", i18n::N_("Podcast")},
    {"presentation", i18n::N_("Presentation")},
    {"note", i18n::N_("Note")},
    {"manifeste", i18n::N_("Manifesto")},
    {"jeu-de-donnees", i18n::N_("Dataset")},
    {"site", i18n::N_("Website")},
}};

// The licences a resource may carry: the Creative Commons licences, then common software licences,
// by their SPDX identifiers (https://spdx.org/licenses/). The first is the default.
struct Licence {
  const char* id;    // SPDX identifier, stored
  const char* name;  // its usual name (not translated)
  const char* url;
};
inline constexpr std::array<Licence, 20> kLicences = {{
    {"CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"},
    {"CC-BY-SA-4.0", "Creative Commons Attribution – Partage dans les mêmes conditions 4.0",
     "https://creativecommons.org/licenses/by-sa/4.0/"},
    {"CC-BY-ND-4.0", "Creative Commons Attribution – Pas de modification 4.0",
     "https://creativecommons.org/licenses/by-nd/4.0/"},
    {"CC-BY-NC-4.0", "Creative Commons Attribution – Pas d’utilisation commerciale 4.0",
     "https://creativecommons.org/licenses/by-nc/4.0/"},
    {"CC-BY-NC-SA-4.0",
     "Creative Commons Attribution – Pas d’utilisation commerciale – Partage dans les mêmes conditions 4.0",
     "https://creativecommons.org/licenses/by-nc-sa/4.0/"},
    {"CC-BY-NC-ND-4.0", "Creative Commons Attribution – Pas d’utilisation commerciale – Pas de modification 4.0",
     "https://creativecommons.org/licenses/by-nc-nd/4.0/"},
    {"CC0-1.0", "Creative Commons Zero 1.0 (domaine public)", "https://creativecommons.org/publicdomain/zero/1.0/"},
    {"CC-BY-3.0-FR", "Creative Commons Attribution 3.0 France", "https://creativecommons.org/licenses/by/3.0/fr/"},
    {"CC-BY-SA-3.0-FR", "Creative Commons Attribution – Partage dans les mêmes conditions 3.0 France",
     "https://creativecommons.org/licenses/by-sa/3.0/fr/"},
    {"etalab-2.0", "Licence Ouverte / Open Licence 2.0 (Etalab)",
     "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
    {"ODbL-1.0", "Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"},
    {"MIT", "MIT License", "https://spdx.org/licenses/MIT.html"},
    {"Apache-2.0", "Apache License 2.0", "https://spdx.org/licenses/Apache-2.0.html"},
    {"BSD-3-Clause", "BSD 3-Clause License", "https://spdx.org/licenses/BSD-3-Clause.html"},
    {"GPL-3.0-or-later", "GNU General Public License 3.0 or later", "https://spdx.org/licenses/GPL-3.0-or-later.html"},
    {"AGPL-3.0-or-later", "GNU Affero General Public License 3.0 or later",
     "https://spdx.org/licenses/AGPL-3.0-or-later.html"},
    {"LGPL-3.0-or-later", "GNU Lesser General Public License 3.0 or later",
     "https://spdx.org/licenses/LGPL-3.0-or-later.html"},
    {"MPL-2.0", "Mozilla Public License 2.0", "https://spdx.org/licenses/MPL-2.0.html"},
    {"EUPL-1.2", "European Union Public Licence 1.2", "https://spdx.org/licenses/EUPL-1.2.html"},
    {"CECILL-2.1", "CeCILL 2.1", "https://spdx.org/licenses/CECILL-2.1.html"},
}};
inline constexpr const char* kDefaultLicence = "CC-BY-4.0";
const Licence* licence(std::string_view id);  // nullptr when unknown
// How an attribution names licence `id`: "CC BY 4.0", "CC0 1.0" for Creative Commons, else its name.
std::string short_name(std::string_view id);
const Choice* kind(std::string_view slug);  // nullptr when unknown

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxCreator = 200;
inline constexpr std::size_t kMaxDescription = 5000;
inline constexpr std::size_t kMaxUrl = 500;
inline constexpr std::size_t kMaxTags = 10;
inline constexpr std::size_t kMaxTag = 40;
inline constexpr std::size_t kMaxLinkedCoalitions = 20;

enum class Status { draft, published };

// A coalition as commons pages show it next to a resource or a card.
using CoalitionRef = coalitions::Named;

struct Resource {
  std::int64_t id = 0;
  std::string slug;
  std::string title;
  std::string description;  // Markdown
  std::string url;          // a link, or empty when it is a file
  std::optional<std::int64_t> file_id;
  std::string file_name, file_type;  // when a file: its name and media type
  std::int64_t file_size = 0;
  std::string kind;
  std::string licence;
  std::string creator;  // who made it, credited as the licence asks (a person or an organisation), or empty
  Status status = Status::draft;
  std::optional<std::int64_t> submitted_by;
  std::string submitter_name;  // public name, or empty
  std::int64_t revision = 1;
  sys_seconds created_at{}, updated_at{};
  std::vector<std::string> tags;
  std::vector<CoalitionRef> coalitions;
};

struct ResourceRevision {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string author_name;  // public name, or empty
  std::string title, description, url, kind, licence, tags, coalitions;
  std::string creator;
  std::optional<std::int64_t> merged_with;  // the revision saved meanwhile that this one merged with
};

// --- The charter

struct SectionDef {
  const char* key;    // stored value, anchor and form field
  const char* title;  // English msgid
};
inline constexpr std::array<SectionDef, 6> kCharterSections = {{
    {"principes", i18n::N_("Principles of engagement")},
    {"ambitions", i18n::N_("Common ambitions")},
    {"methodologie", i18n::N_("Methodology of the coalitions")},
    {"ouverture", i18n::N_("Openness and sharing of productions")},
    {"evaluation", i18n::N_("Evaluation and impact measurement")},
    {"rituels", i18n::N_("Shared rituals")},
}};
bool is_charter_section(std::string_view key);

inline constexpr std::size_t kMaxSectionBytes = 50 * 1024;
inline constexpr std::size_t kMaxComment = 4000;
inline constexpr std::size_t kMaxLabel = 40;
inline constexpr std::size_t kMaxSummary = 400;
inline constexpr int kMaxConsultationDays = 90;

struct CharterVersion {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::string label;
  std::string summary;
  std::optional<sys_seconds> opens_at, closes_at, adopted_at;
  sys_seconds created_at{}, updated_at{};
  std::map<std::string, std::string> sections;  // key → Markdown

  bool adopted() const { return adopted_at.has_value(); }
  // A draft is edited until its consultation opens; from then on its text is what members comment on.
  bool frozen() const { return opens_at.has_value() || adopted(); }
  bool in_consultation(sys_seconds now) const {
    return !adopted_at && opens_at && closes_at && *opens_at <= now && now < *closes_at;
  }
};

struct CharterComment {
  std::int64_t id = 0;
  std::string section;
  std::string author_name, author_organisation;  // public name (or empty) and first organisation
  std::string body;
  sys_seconds created_at{};
};

struct Signature {
  std::int64_t id = 0;
  std::int64_t version_number = 0;
  std::int64_t user_id = 0;
  std::string person;                // public name, or empty
  std::int64_t organisation_id = 0;  // 0: the person signed for themselves
  std::string organisation_name, organisation_slug;
  sys_seconds created_at{};
};

// --- The boussole

inline constexpr std::array<Choice, 3> kOutcomes = {{
    {"a-marche", i18n::N_("It worked")},
    {"mitige", i18n::N_("Mixed results")},
    {"n-a-pas-marche", i18n::N_("It did not work")},
}};
const Choice* outcome(std::string_view slug);

inline constexpr std::size_t kMaxCardText = 10000;

struct Card {
  std::int64_t id = 0;
  std::string slug;
  std::string title;
  std::string context, tried, learned, tensions, sources;  // Markdown
  std::string outcome;
  std::optional<CoalitionRef> coalition;
  Status status = Status::draft;
  std::optional<std::int64_t> submitted_by;
  std::string submitter_name;
  std::int64_t revision = 1;
  sys_seconds created_at{}, updated_at{};
};

// One state of a card, as it was saved (the coalition by its slug, empty when none).
struct CardRevision {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string author_name;  // public name, or empty
  std::string title, context, tried, outcome, learned, tensions, sources, coalition;
  std::optional<std::int64_t> merged_with;  // the revision saved meanwhile that this one merged with
};

}  // namespace fabrique::commons
