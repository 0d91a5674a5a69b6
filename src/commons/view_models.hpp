// What the commons pages show, read by each page's loader in one place and handed to its template
// (src/commons/templates/): plain values, no database, no request.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coalitions/filter.hpp"
#include "common/errors.hpp"
#include "commons/model.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/merge.hpp"

namespace fabrique::commons {

// A link as a page lists it: where it goes and what it says.
struct Link {
  std::string href, label;
};

// One revision in a history.
struct RevisionLine {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string author_name;                  // public name, or empty
  std::optional<std::int64_t> merged_with;  // the revision saved meanwhile it was merged with
};

// The history of a resource or a card: its revisions, newest first, compared two by two, each older
// one with a restore button when `can_restore`.
struct History {
  std::string base;  // the thing's address, urls::resource() or urls::card()
  std::vector<RevisionLine> lines;
  std::int64_t current = 0;  // the revision in force, sent back by a restore
  bool can_restore = false;
};

// A page holding one form (proposing or editing a resource or a card, drafting the charter): its
// title, what comes before the form, the error summary, and on an edit the revision it was made
// from (hidden) and, after a conflict, a box saying that nothing was saved.
struct FormPage {
  std::string title{};   // translated: the <h1> and the page's title
  html::Html intro{};    // before the form: a link back, an explanation
  std::string action{};  // where it posts
  bool multipart = false;
  std::optional<std::int64_t> base_revision{};  // edits only
  bool conflict = false;
  const char* conflict_title = nullptr;  // msgids, for a conflict
  const char* conflict_text = nullptr;
  // After a form from an older revision: the fields to settle (shown in `fields`), named above it.
  const fabrique::views::Conflicts* conflicts = nullptr;
  html::Html fields{};
  const char* submit = nullptr;  // msgid
};

// --- Resources

// One resource in the list, with its tags as links to the list filtered by each.
struct ResourceLine {
  Resource resource;
  std::string kind;  // translated
  std::vector<Link> tags;
};

// The resources library (/ressources), loaded by pages::load_resources().
struct ResourcesPage {
  bool signed_in = false;             // may propose one
  std::string kind, tag, licence;     // the filters chosen, empty when none or unknown
  coalitions::ListFilter coalition;   // ?coalition=: a slug, a number or words of its title
  territories::ListFilter territory;  // ?territoire=: what lies within it counts too
  std::vector<fabrique::views::Option> kinds, tags, licences;
  std::vector<ResourceLine> resources;
  std::map<std::int64_t, std::vector<territories::TerritoryRef>> places;  // by resource id
  std::int64_t total = 0, page = 1, pages = 1;
  std::string pager_base;  // the list with its filters, up to the page number
};

// A resource's page (/ressources/{slug}), loaded by pages::load_resource().
struct ResourcePage {
  Resource resource;
  std::string kind;  // translated
  std::string licence_url, licence_name;
  // The line crediting it as its licence asks: "Title, by Author, under licence CC BY 4.0", the title
  // linking to where the work is (its address, else its page here) and the licence to its text.
  std::string work_url, licence_short;  // licence_short: "CC BY 4.0"
  std::string file_label;               // the file's kind, when a file
  html::Html description;               // the Markdown rendered
  bool can_edit = false;
  bool can_publish = false;  // a proposal the person may publish
  bool can_delete = false;
  History history;
  std::vector<territories::TerritoryRef> territories;  // where it is placed
};

// The fields of the resource form, as typed or as saved.
struct ResourceForm {
  std::string title, url, kind, licence, creator, description, tags;
  std::string file_hint;  // translated: the accepted files, and which file a new one replaces
  std::vector<fabrique::views::Option> kinds, licences;
  fabrique::views::Picker coalitions;  // the linked coalitions, "coalitions"
  territories::Picker places;
  fabrique::views::Conflicts conflicts;  // the fields to settle, drawn instead of their controls
};

// --- The charter

// A version as the charter's pages name it.
struct VersionLine {
  CharterVersion version;
  std::string title;  // "Version 3 (beta)", translated
  std::string state;  // "adopted on …", translated
};

// One section of a version, with what changed since the previous adopted version, its comments and
// what a refused comment form held.
struct VersionSection {
  const SectionDef* def = nullptr;
  html::Html body;         // the Markdown rendered
  bool unchanged = false;  // since the previous adopted version
  html::Html changes;      // the diff, when changed
  struct Comment {
    std::string author;  // public name
    sys_seconds at{};
    html::Html body;
  };
  std::vector<Comment> comments;
  std::string typed;  // the comment as typed in a refused form
};

// The charter in force (/charte), loaded by pages::load_charter().
struct CharterPage {
  bool animateur = false;
  std::vector<VersionLine> in_progress;  // versions not adopted that the person may see
  std::vector<std::string> resign;       // "You signed version 2 …: please sign it again.", translated
  std::optional<VersionLine> current;    // the version in force
  std::vector<VersionSection> sections;  // its sections
  bool signed_in = false;
  std::vector<fabrique::views::Option> organisations;  // those the person may sign for
  std::string organisation;                            // as chosen in a refused form
  FieldErrors errors;                                  // of a refused signature
};

// A version of the charter (/charte/versions/{number}), loaded by pages::load_version().
struct VersionPage {
  VersionLine version;
  std::string title;                     // "The charter — Version 3", translated
  std::optional<std::int64_t> previous;  // the number of the previous adopted version
  bool open = false;                     // in consultation
  bool signed_in = false;
  bool may_edit = false, may_open = false, may_adopt = false;  // an animateur's actions
  std::vector<VersionSection> sections;
  FieldErrors errors;
};

// The versions of the charter (/charte/versions).
struct VersionsPage {
  std::vector<VersionLine> versions;
};

// The signatories of one adopted version (/charte/signataires?version=N, the one in force by default),
// a page at a time: its organisations, then the people who signed in their own name, then, under the
// version in force, those asked to sign it again.
struct SignatoriesPage {
  std::vector<VersionLine> versions;                        // every adopted version, newest first
  std::int64_t shown = 0;                                   // the number of the version listed; 0: none adopted yet
  bool in_force = false;                                    // the version listed is the one in force
  std::int64_t organisations = 0, people = 0, waiting = 0;  // how many of each it has
  std::vector<Signature> organisations_here, people_here, waiting_here;  // those on this page
  std::int64_t page = 1, pages = 1;
  std::string pager_base;
};

// --- The boussole

// One card in the list.
struct CardLine {
  Card card;
  std::string outcome;  // translated
};

// The boussole (/boussole), loaded by pages::load_boussole().
struct BoussolePage {
  bool signed_in = false;
  std::string outcome;                // the filter chosen
  coalitions::ListFilter coalition;   // ?coalition=: a slug, a number or words of its title
  territories::ListFilter territory;  // ?territoire=: what lies within it counts too
  std::vector<fabrique::views::Option> outcomes;
  std::vector<CardLine> cards;                  // the page shown of those the filters keep, newest first
  std::int64_t total = 0, page = 1, pages = 1;  // how many the filters keep; the page shown, of how many
  std::string query_string;                     // "?issue=…&coalition=…": the filters chosen
  std::string pager_base;                       // the list's address with its filters, ending in "page="
  std::map<std::int64_t, std::vector<territories::TerritoryRef>> places;  // by card id
};

// A card's text: its label and what it says, the Markdown rendered.
struct CardText {
  const char* label;  // msgid
  html::Html body;
};

// The fields of the card form, as typed or as saved.
struct CardForm {
  std::string title, outcome;
  std::vector<fabrique::views::Option> outcomes;
  fabrique::views::Picker coalition;  // the picker of "coalition": one at most
  struct Text {
    const char* name;
    const char* label;  // msgids
    const char* hint;
    std::string value;
  };
  std::vector<Text> texts;
  fabrique::views::Conflicts conflicts;  // the fields to settle, drawn instead of their controls
  territories::Picker places;
};

// A card's page (/boussole/{slug}), loaded by pages::load_card().
struct CardPage {
  Card card;
  std::string outcome;          // translated
  std::vector<CardText> texts;  // those written
  bool can_edit = false;
  bool can_publish = false;  // a proposal the person may publish
  History history;
  std::vector<territories::TerritoryRef> territories;  // where it is placed
};

// What the commons templates call to show a value.
// "Coalition 8.a — Title"
std::string coalition_title(const CoalitionRef& k);
// The revisions of a history as the options of the comparison's selects.
std::vector<fabrique::views::Option> revision_options(const std::vector<RevisionLine>& lines);

}  // namespace fabrique::commons
