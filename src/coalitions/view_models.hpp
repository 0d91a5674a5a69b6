// What the coalition pages show, read by each page's loader in one place and handed to its
// template (src/coalitions/templates/): plain values, no database, no request.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "i18n/i18n.hpp"
#include "organisations/model.hpp"
#include "territories/links.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/merge.hpp"
#include "views/picker.hpp"

namespace fabrique::coalitions {

// The coalition's page (/coalitions/{slug}), loaded by pages::load_show().
struct ShowPage {
  Coalition coalition;
  std::string title;                                   // "Coalition 8.a — …"
  std::string stage_label;                             // translated
  std::string stage_for;                               // "12 days", translated
  std::string last_activity;                           // "3 days", translated
  std::string scales;                                  // "Local, National", translated; empty when none
  std::string co_porteurs;                             // public names, comma-separated; empty when none
  std::vector<territories::TerritoryRef> territories;  // where it acts
  Booklet booklet;
  std::vector<StageChange> history;  // with stage labels translated in `to_stage`
  bool editor = false;               // may edit the booklet and manage people

  // The interest form, for a signed-in person.
  bool signed_in = false;
  std::optional<Declaration> mine;
  std::vector<organisations::Organisation> my_organisations;
  FieldErrors interest_errors;  // a refused declaration, shown with what was typed
  std::string form_organisation, form_message;
  bool form_commande = false, form_offre = false, form_usages = false;

  // For editors only.
  std::vector<Member> members;
  std::vector<Declaration> declarations;

  // The sections other modules draw on this page.
  html::Html roadmap, events, follow;
};

// The list of coalitions (/coalitions), loaded by pages::load_list().
struct ListPage {
  std::string family, stage, cohort;  // the filters chosen, empty when unknown or none
  territories::ListFilter territory;  // ?territoire=: what lies within it counts too
  std::vector<fabrique::views::Option> families, stages, cohorts;
  struct Group {
    std::string family;
    std::vector<Coalition> coalitions;
  };
  std::vector<Group> groups;                                              // one per family, in the list's order
  std::map<std::int64_t, std::vector<territories::TerritoryRef>> places;  // by coalition id
  std::int64_t total = 0, page = 1, pages = 1;
  std::string pager_base;  // the address of the list with its filters, up to the page number
  bool animateur = false;
};

// A coalition's fields as its form shows them: stored, or as typed in a refused form.
struct CoalitionFormValues {
  std::string number, title, slug, summary, family, cohort, stage, animating_organisation;
  bool scale_local = false, scale_national = false, scale_european = false;
  std::vector<std::string> territories;  // the keys of the territories it is placed on
};

// The form of a coalition's fields (number, title, family, cohort, stage, organisation, scales), on
// the new and edit pages, loaded by pages::load_fields_form() with the choices of each list.
struct FieldsForm {
  std::string action;  // where the form is sent
  CoalitionFormValues values;
  FieldErrors errors;
  bool with_slug = false;  // the address is chosen once, when the coalition is opened
  std::vector<fabrique::views::Option> families, stages, cohorts;
  fabrique::views::Picker organisation;  // the picker of "animating_organisation": one at most
  territories::Picker places;
};

// The edit page (/coalitions/{slug}/modifier), loaded by pages::load_edit(): the booklet's form
// and the fields' form.
struct EditPage {
  Coalition coalition;
  std::string title;  // "Edit coalition 8.a", translated
  Booklet sections;   // what each textarea shows
  std::int64_t base_revision = 0;
  std::string comment;
  FieldErrors booklet_errors;
  // When someone saved the booklet meanwhile and changed sections this person changed too: those
  // sections, to settle (the others are merged in `sections`).
  fabrique::views::Conflicts conflicts;
  FieldsForm fields;
};

// A booklet's revisions (/coalitions/{slug}/historique), newest first, loaded by pages::load_history().
struct HistoryPage {
  Coalition coalition;
  std::string title;  // "History of the booklet of coalition 8.a", translated
  struct Row {
    std::int64_t number = 0;
    sys_seconds created_at{};
    std::string author;       // the author's public name
    std::string changed;      // the titles of the sections changed, translated
    std::string note;         // the author's comment, after what it restores
    bool restorable = false;  // an editor may bring it back: it is not the current revision
  };
  std::vector<Row> rows;
  bool restorable = false;                       // some row is
  std::vector<fabrique::views::Option> numbers;  // the revisions, for the comparison form
};

// One revision of a booklet as it was (/coalitions/{slug}/historique/{number}), loaded by
// pages::load_revision().
struct RevisionPage {
  Coalition coalition;
  std::string title;  // "Revision 3 of the booklet", translated
  sys_seconds created_at{};
  std::string author;  // the author's public name
  Booklet booklet;
};

// What the coalition templates call to show a value.
// The msgid of a stage's name, or the slug itself when it names no stage.
const char* stage_msgid(const std::string& slug);
// A booklet section's Markdown, empty when not written.
std::string booklet_text(const Booklet& booklet, std::string_view key);
// A booklet section as HTML (its Markdown rendered and sanitised), empty when not written.
html::Html booklet_html(const Booklet& booklet, std::string_view key);
// The levers a declaration names, "what is ordered, how it is used", translated.
std::string levers_text(const i18n::Translator& t, const Declaration& d);
// Organisations as the options of a select, by slug.
std::vector<fabrique::views::Option> organisation_options(
    const std::vector<organisations::Organisation>& organisations);

}  // namespace fabrique::coalitions
