// Pieces of HTML the commons pages share.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "commons/model.hpp"
#include "http/context.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/revisions.hpp"

namespace fabrique::commons::views {

using html::Html;
using http::Context;

// The links between the three parts of the commons, the current one marked.
Html subnav(const Context& ctx, std::string_view current);
std::string kind_label(const Context& ctx, std::string_view slug);
std::string outcome_label(const Context& ctx, std::string_view slug);
// "Coalition 8.a — Title"
std::string coalition_title(const CoalitionRef& k);
// The choices of the lists, for selects.
std::vector<fabrique::views::Option> kind_options(const Context& ctx);
std::vector<fabrique::views::Option> licence_options();
std::vector<fabrique::views::Option> outcome_options(const Context& ctx);
std::vector<fabrique::views::Option> coalition_options(const std::vector<CoalitionRef>& all);
// A status line for drafts ("Proposal awaiting publication"), empty when published.
Html draft_notice(const Context& ctx, Status s);
// The page number of ?page=, 1 when absent or not a number.
std::int64_t page_number(const Context& ctx);

// --- What the resource and card pages share: list filters, forms, histories.

// The id of the coalition whose slug is `slug` (a list filter); `slug` is cleared when none has it.
std::optional<std::int64_t> coalition_filter(Context& ctx, std::string& slug);
// An integer form field or query parameter, `fallback` when absent or not a number.
std::int64_t integer_field(const std::string& value, std::int64_t fallback);

// A page holding one form (proposing or editing a resource or a card): title, what comes before
// the form, the error summary, and on an edit the revision it was made from (hidden) and, after a
// conflict, a box saying that nothing was saved.
struct FormPage {
  std::string title{};  // translated: the <h1> and the page's title
  Html intro{};         // before the form: a link back, an explanation
  std::string action{}; // where it posts
  bool multipart = false;
  std::optional<std::int64_t> base_revision{};  // edits only
  bool conflict = false;
  const char* conflict_title = nullptr;  // msgids, for a conflict
  const char* conflict_text = nullptr;
  Html fields{};
  const char* submit = nullptr;  // msgid
};
http::Response form_page(Context& ctx, const FormPage& p, const FieldErrors& errors, int status);

// One revision in a history.
struct RevisionLine {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string author_name;  // public name, or empty
};
// The history of the resource or card at `base` ("/ressources/slug"): a form comparing two
// revisions (GET base/historique/comparer?de=&a=) and the revisions, newest first, each older one
// with a restore button (POST base/historique/N/restaurer, sending the current revision) when
// `can_restore`.
Html revision_history(Context& ctx, const std::string& base, const std::vector<RevisionLine>& lines,
                      std::int64_t current, bool can_restore);

// One field of two revisions, as stored (labels translated, values as shown).
using fabrique::views::FieldChange;
// The page comparing revision `from` with revision `to` of the thing at `base` called `name`, word
// by word, only the fields that differ.
http::Response compare_page(Context& ctx, const std::string& base, const std::string& name, std::int64_t from,
                            std::int64_t to, const std::vector<FieldChange>& fields);
// The 400 page for a comparison of revisions that do not exist.
http::Response no_such_revisions(Context& ctx, const std::string& base);
// The page answering a restore that wrote nothing: 409 after a conflict, 422 when the old revision
// is no longer accepted (its errors listed).
http::Response restore_refused(Context& ctx, const std::string& base, bool conflict, const FieldErrors& errors);

}  // namespace fabrique::commons::views
