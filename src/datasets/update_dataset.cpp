// Use case: a member of the producing organisation (or an animateur) edits an entry, as a new
// revision. A form from an older revision is merged field by field with what was saved meanwhile; a
// field both changed differently is to settle first, as for boussole cards (commons/update_card.cpp).
#include <algorithm>

#include "datasets/store.hpp"
#include "datasets/use_cases.hpp"
#include "datasets/validation.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"

namespace fabrique::datasets {

namespace {

std::string field_text(const text::Fields& f, const std::string& name) {
  auto it = f.find(name);
  return it == f.end() ? std::string() : it->second;
}

text::Fields fields_at(storage::Connection& c, std::int64_t dataset_id, std::int64_t number) {
  if (auto r = store::revision(c, dataset_id, number)) return fields_of(r->document);
  return {};
}

// Whether the checked entry says what the revision in force says, its territories in any order.
bool same_entry(const Checked& checked, std::vector<std::string> keys, const text::Fields& now_fields) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  DatasetInput was = input_of(now_fields, 0);
  std::sort(was.territories.begin(), was.territories.end());
  return as_fields(input_of(checked.dataset, keys)) == as_fields(was);
}

}  // namespace

SaveResult update_dataset(storage::Connection& c, const User& actor, std::string_view slug, const DatasetInput& in,
                          sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::by_slug(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, *current))
    throw Forbidden(i18n::N_("Only the members of the producing organisation and the animateurs can edit this entry."));
  SaveResult out;
  // A field settled on the conflict page takes the text chosen there, "theirs" being its text at the
  // revision the page showed, which the form now starts from.
  text::Fields mine = as_fields(in);
  text::Fields shown;
  if (!in.merge.empty()) shown = fields_at(c, current->id, in.base_revision);
  for (const auto& [name, s] : in.merge.settlements) {
    if (!mine.count(name)) continue;
    if (auto settled = text::settled_text(s, field_text(shown, name)))
      mine[name] = std::move(*settled);
    else
      out.errors.add(text::choice_field(name), i18n::N_("Choose which text to keep, or merge them by hand."));
  }
  if (!out.errors.empty()) {
    // The same fields to settle again, with what was answered kept.
    out.conflict = true;
    out.dataset = *current;
    out.merge_base = in.merge.base_revision.value_or(in.base_revision);
    out.base = fields_at(c, current->id, out.merge_base);
    out.theirs = std::move(shown);
    for (const auto& [name, s] : in.merge.settlements)
      if (mine.count(name)) {
        out.conflicts.push_back(name);
        out.mine[name] = s.mine;
      }
    out.merged = in;
    return out;
  }
  const text::Fields now_fields = fields_at(c, current->id, current->revision);
  std::optional<std::int64_t> merged_with;
  if (in.base_revision < current->revision) {
    // Someone saved since the form was drawn: only what this person changed is brought over.
    text::Fields before = fields_at(c, current->id, in.base_revision);
    auto merged = text::merge_fields(before, now_fields, mine);
    if (!merged.conflicts.empty()) {
      out.conflict = true;
      out.dataset = *current;
      out.conflicts = merged.conflicts;
      out.merge_base = in.base_revision;
      out.base = std::move(before);
      out.theirs = now_fields;
      for (const auto& name : merged.conflicts) merged.fields[name] = field_text(mine, name);
      out.mine = std::move(mine);
      out.merged = input_of(merged.fields, current->revision);
      return out;
    }
    mine = std::move(merged.fields);
    merged_with = current->revision;
  } else if (in.base_revision > current->revision) {
    out.conflict = true;  // a revision that does not exist yet: a forged form
    out.dataset = *current;
    return out;
  } else if (!in.merge.empty()) {
    merged_with = current->revision;  // the conflicts with it were settled on the conflict page
  }
  DatasetInput wanted = input_of(mine, current->revision);
  Checked checked = validate(c, &actor, wanted, out.errors, current->producer_id);
  if (!out.errors.empty()) return out;
  if (same_entry(checked, wanted.territories, now_fields)) {
    out.dataset = *current;  // nothing changed: no revision
    return out;
  }
  out.dataset = write_dataset(c, &*current, checked, actor.id, now, merged_with);
  if (!out.dataset) {
    out.conflict = true;  // saved by another node between our read and our write
    out.dataset = current;
    return out;
  }
  out.merged_with = merged_with.value_or(0);
  tx.commit();
  return out;
}

}  // namespace fabrique::datasets
