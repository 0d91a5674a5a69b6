// The history of an action or an indicator as pages show it: each revision with what changed against
// the one before (long texts as a word diff), and the message shown when a save came too late.
#pragma once
#include <functional>
#include <span>
#include <vector>

#include "common/errors.hpp"
#include "http/context.hpp"
#include "roadmaps/model.hpp"
#include "views/html.hpp"

namespace fabrique::roadmaps::history {

using html::Html;
using http::Context;

// A field of a revision's JSON snapshot, its label (msgid), whether it is a long text whose changes
// read better as a word diff than as "before → after", and how a stored value is shown: the label of
// a fixed list's slug ("proposee" → "Proposed"), or a day ("2021-09-15" → "15 September 2021").
// Booleans always read "yes" or "no".
struct Field {
  const char* key;
  const char* label;
  bool long_text = false;
  std::span<const Choice> choices = {};
  bool day = false;
};

// What revision `r` changed against `previous` (or, for the first, what it set), as a list.
Html changes(const Context& ctx, const Revision& r, const Revision* previous, std::span<const Field> fields);

// The <li> items of a history, newest first (`revisions` as the store returns them); `extra` adds
// something after a revision's changes (such as the button that restores it), or nothing.
Html items(const Context& ctx, const std::vector<Revision>& revisions, std::span<const Field> fields,
           const std::function<Html(const Revision&)>& extra = {});

// The form comparing two revisions word by word (`?de=N&a=M` on `page`, which renders this again)
// and, when both are given, their comparison; nothing with fewer than two revisions. `level` is the
// level of its heading (the comparison's is one below).
Html compare(const Context& ctx, const std::vector<Revision>& revisions, const std::string& page,
             std::span<const Field> fields, int level);

// For co-porteurs and animateurs (`editor`): the button that restores revision `r` by posting to
// `{base}/historique/{number}/restaurer`; nothing for others and for the current revision.
Html restore_button(Context& ctx, bool editor, const std::string& base, const Revision& r, std::int64_t current);

// Why an old revision could not be restored as it was (422), or nothing when `refused` is empty.
Html refused_box(const Context& ctx, const FieldErrors& refused);

// The message above a form whose save was refused because someone saved meanwhile (409).
Html conflict_box(const Context& ctx, const char* title);

}  // namespace fabrique::roadmaps::history
