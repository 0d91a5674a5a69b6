// Use case: someone who may edit an experience card changes it, as a new revision. A form from an
// older revision is merged field by field with what was saved meanwhile; a field both changed
// differently is to settle first.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"

namespace fabrique::commons {

CardResult save_card(storage::Connection& c, const User& actor, const Card& current, const CardInput& in,
                     sys_seconds now, std::optional<std::int64_t> merged_with) {
  CardResult out;
  Card k = validate(c, in, out.errors);
  std::vector<std::int64_t> places;
  if (in.territories) places = territories::resolve_places(c, *in.territories, out.errors, "territoires");
  if (!out.errors.empty()) return out;
  if (in.base_revision != current.revision) {
    out.conflict = true;
    out.card = current;
    return out;
  }
  // Where it is placed is not part of its revisions (never merged): saved even when nothing else changed.
  if (in.territories) territories::place(c, territories::subject::card, current.id, places);
  if (k.title == current.title && k.context == current.context && k.tried == current.tried &&
      k.outcome == current.outcome && k.learned == current.learned && k.tensions == current.tensions &&
      k.sources == current.sources &&
      (k.coalition ? k.coalition->id : 0) == (current.coalition ? current.coalition->id : 0)) {
    out.card = current;  // unchanged: no revision
    return out;
  }
  k.id = current.id;
  k.slug = current.slug;
  k.status = current.status;
  k.submitted_by = current.submitted_by;
  k.revision = current.revision + 1;
  k.updated_at = now;
  if (!store::update_card(c, k)) {
    out.conflict = true;
    return out;
  }
  out.card = store::card(c, k.slug);
  store::insert_card_revision(c, *out.card, actor.id, now, merged_with);
  out.merged_with = merged_with.value_or(0);
  index_card(c, *out.card);
  return out;
}

namespace {

// A card's fields as the merge compares them, named as the form names them.
text::Fields as_fields(const CardInput& in) {
  return {{"title", in.title},     {"context", in.context},   {"tried", in.tried},     {"outcome", in.outcome},
          {"learned", in.learned}, {"tensions", in.tensions}, {"sources", in.sources}, {"coalition", in.coalition}};
}
text::Fields as_fields(const CardRevision& r) {
  return as_fields(CardInput{r.title, r.context, r.tried, r.outcome, r.learned, r.tensions, r.sources, r.coalition});
}
text::Fields as_fields(const Card& k) {
  return as_fields(CardInput{k.title, k.context, k.tried, k.outcome, k.learned, k.tensions, k.sources,
                             k.coalition ? k.coalition->slug : ""});
}
CardInput as_card_input(const text::Fields& f, std::int64_t base_revision) {
  auto at = [&](const char* name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  return {at("title"),    at("context"), at("tried"),     at("outcome"), at("learned"),
          at("tensions"), at("sources"), at("coalition"), base_revision};
}
std::string field_at(const text::Fields& f, const std::string& name) {
  auto it = f.find(name);
  return it == f.end() ? std::string() : it->second;
}

}  // namespace

CardResult update_card(storage::Connection& c, const User& actor, std::string_view slug, const CardInput& in,
                       sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::card(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, *current))
    throw Forbidden(
        i18n::N_("Only its submitter, the co-porteurs of its coalition and the animateurs can edit this card."));
  CardResult out;
  // A field settled on the conflict page takes the text chosen there, "theirs" being its text at the
  // revision the page showed, which the form now starts from.
  text::Fields mine = as_fields(in);
  text::Fields shown;
  if (!in.merge.empty())
    if (auto r = store::card_revision(c, current->id, in.base_revision)) shown = as_fields(*r);
  for (const auto& [name, s] : in.merge.settlements) {
    if (!mine.count(name)) continue;
    if (auto settled = text::settled_text(s, field_at(shown, name)))
      mine[name] = std::move(*settled);
    else
      out.errors.add(text::choice_field(name), i18n::N_("Choose which text to keep, or merge them by hand."));
  }
  if (!out.errors.empty()) {
    // The same fields to settle again, with what was answered kept.
    out.conflict = true;
    out.card = *current;
    out.merge_base = in.merge.base_revision.value_or(in.base_revision);
    if (auto r = store::card_revision(c, current->id, out.merge_base)) out.base = as_fields(*r);
    out.theirs = std::move(shown);
    for (const auto& [name, s] : in.merge.settlements)
      if (mine.count(name)) {
        out.conflicts.push_back(name);
        out.mine[name] = s.mine;
      }
    out.merged = in;
    return out;
  }
  CardInput wanted = as_card_input(mine, in.base_revision);
  wanted.territories = in.territories;
  std::optional<std::int64_t> merged_with;
  auto base =
      in.base_revision < current->revision ? store::card_revision(c, current->id, in.base_revision) : std::nullopt;
  if (base) {
    // Someone saved since the form was drawn: only what this person changed is brought over.
    text::Fields before = as_fields(*base), theirs = as_fields(*current);
    auto merged = text::merge_fields(before, theirs, mine);
    if (!merged.conflicts.empty()) {
      out.conflict = true;
      out.card = *current;
      out.conflicts = merged.conflicts;
      out.merge_base = in.base_revision;
      out.base = std::move(before);
      out.theirs = std::move(theirs);
      for (const auto& name : merged.conflicts) merged.fields[name] = field_at(mine, name);
      out.mine = std::move(mine);
      out.merged = as_card_input(merged.fields, current->revision);
      out.merged->territories = in.territories;
      return out;
    }
    wanted = as_card_input(merged.fields, current->revision);
    wanted.territories = in.territories;
    merged_with = current->revision;
  } else if (!in.merge.empty() && in.base_revision == current->revision) {
    merged_with = current->revision;  // the conflicts with it were settled on the conflict page
  }
  out = save_card(c, actor, *current, wanted, now, merged_with);
  if (out.errors.empty() && !out.conflict) tx.commit();
  return out;
}

}  // namespace fabrique::commons
