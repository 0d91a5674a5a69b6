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
}  // namespace

CardResult update_card(storage::Connection& c, const User& actor, std::string_view slug, const CardInput& in,
                       sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::card(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, *current))
    throw Forbidden(
        i18n::N_("Only its submitter, the co-porteurs of its coalition and the animateurs can edit this card."));
  auto r = text::resolve(as_fields(in), in.merge, in.base_revision, as_fields(*current), current->revision,
                         [&](std::int64_t n) -> std::optional<text::Fields> {
                           if (auto v = store::card_revision(c, current->id, n)) return as_fields(*v);
                           return std::nullopt;
                         });
  CardResult out;
  for (const auto& name : r.unsettled)
    out.errors.add(text::choice_field(name), i18n::N_("Choose which text to keep, or merge them by hand."));
  if (r.to_settle()) {
    out.conflict = true;
    out.card = *current;
    out.conflicts = std::move(r.conflicts);
    out.merge_base = r.merge_base;
    out.base = std::move(r.base);
    out.theirs = std::move(r.theirs);
    out.mine = std::move(r.mine);
    out.merged = as_card_input(r.form, r.form_revision);
    out.merged->territories = in.territories;
    return out;
  }
  CardInput wanted = as_card_input(r.wanted, r.merged_with.value_or(in.base_revision));
  std::optional<std::int64_t> merged_with = r.merged_with;
  wanted.territories = in.territories;
  out = save_card(c, actor, *current, wanted, now, merged_with);
  if (out.errors.empty() && !out.conflict) tx.commit();
  return out;
}

}  // namespace fabrique::commons
