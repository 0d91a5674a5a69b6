// Use cases: a co-porteur or an animateur saves a new revision of an indicator, unless someone saved
// since the revision they started from (then nothing is written and they see the current values);
// or restores an old revision, saved the same way as a new revision (history is never rewritten).
// Both share one body so that a restored revision is checked like a typed one.
#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

namespace {

// Inside the caller's transaction, with the permission checked: validates `in` and writes it as the
// next revision of `current`.
IndicatorResult save_revision(storage::Connection& c, const User& actor, const coalitions::Coalition& k,
                              const Indicator& current, const IndicatorInput& in,
                              std::optional<std::int64_t> restored_from, sys_seconds now,
                              std::optional<std::int64_t> merged_with = std::nullopt) {
  IndicatorResult out;
  Indicator i = validation::read_indicator(in, out.errors);
  std::string comment = validation::bounded(in.comment, kMaxComment, false, "comment",
                                            N_("The comment is too long (300 characters at most)."), out.errors);
  if (!out.errors.empty()) return out;
  if (in.base_revision != current.revision) {
    out.conflict = true;
    out.current = current;
    return out;
  }
  const std::string before = validation::snapshot(current), after = validation::snapshot(i);
  if (after == before) {
    out.unchanged = true;
    out.revision = current.revision;
    return out;
  }
  // Indicators defined before revisions were kept have none: their values become revision 1.
  if (store::indicator_revisions(c, current.id).empty())
    store::insert_indicator_revision(c, current.id, current.revision, std::nullopt, current.created_at, "", before);
  i.id = current.id;
  i.coalition_id = k.id;
  i.revision = current.revision + 1;
  i.updated_at = now;
  if (!store::update_indicator(c, i)) {
    // Unreachable inside the write transaction; kept so that weaker isolation never overwrites.
    out.conflict = true;
    out.current = current;
    return out;
  }
  store::insert_indicator_revision(c, current.id, i.revision, actor.id, now, comment, after, restored_from,
                                   merged_with);
  store::touch_coalition(c, k.id, now);
  out.revision = i.revision;
  out.merged_with = merged_with.value_or(0);
  return out;
}

// An indicator's fields as the merge compares them, named as the form names them. What was typed is
// written as it is stored when it reads ("12,50" as "12.5"), so that a number nobody changed is
// never taken for a change.
text::Fields as_fields(const IndicatorInput& in) {
  return {{"name", in.name},         {"unit", in.unit},     {"quality", in.quality},        {"impact", in.impact},
          {"baseline", in.baseline}, {"target", in.target}, {"description", in.description}};
}
text::Fields as_fields(const std::string& snapshot) {
  return as_fields(validation::indicator_input_of_snapshot(snapshot));
}
text::Fields typed_fields(const IndicatorInput& in) {
  FieldErrors errors;
  Indicator i = validation::read_indicator(in, errors);
  text::Fields out = as_fields(in);
  if (errors.empty()) {
    const text::Fields stored = as_fields(validation::snapshot(i));
    out["baseline"] = stored.at("baseline");
    out["target"] = stored.at("target");
  }
  return out;
}
IndicatorInput as_input(const IndicatorInput& sent, const text::Fields& f, std::int64_t base_revision) {
  IndicatorInput in{.name = f.at("name"),
                    .unit = f.at("unit"),
                    .quality = f.at("quality"),
                    .impact = f.at("impact"),
                    .description = f.at("description"),
                    .baseline = f.at("baseline"),
                    .target = f.at("target"),
                    .comment = sent.comment,
                    .base_revision = base_revision,
                    .merge = {}};
  return in;
}

struct EditableIndicator {
  coalitions::Coalition coalition;
  Indicator indicator;
};

EditableIndicator editable_indicator(storage::Connection& c, const User& actor, std::string_view slug,
                                     std::int64_t id) {
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  auto i = store::indicator(c, k->id, id);
  if (!i) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its indicators."));
  return {*k, *i};
}

}  // namespace

IndicatorResult update_indicator(storage::Connection& c, const User& actor, std::string_view slug,
                                 std::int64_t indicator_id, const IndicatorInput& in, sys_seconds now) {
  storage::Transaction tx(c, true);
  // Named, not a structured binding: the lambda below reads `current` (clang 14 cannot capture a binding).
  EditableIndicator found = editable_indicator(c, actor, slug, indicator_id);
  const coalitions::Coalition& k = found.coalition;
  const Indicator& current = found.indicator;
  const auto revisions = store::indicator_revisions(c, indicator_id);
  auto r = text::resolve(typed_fields(in), in.merge, in.base_revision, as_fields(validation::snapshot(current)),
                         current.revision, [&](std::int64_t n) -> std::optional<text::Fields> {
                           for (const auto& v : revisions)
                             if (v.number == n) return as_fields(v.snapshot);
                           // Indicators defined before revisions were kept have none but their values.
                           if (revisions.empty() && n == current.revision)
                             return as_fields(validation::snapshot(current));
                           return std::nullopt;
                         });
  if (r.to_settle()) {
    IndicatorResult out;
    for (const auto& name : r.unsettled)
      out.errors.add(text::choice_field(name), N_("Choose which text to keep, or merge them by hand."));
    out.conflict = true;
    out.current = current;
    out.merged = as_input(in, r.form, r.form_revision);
    out.merge = std::move(r);
    return out;
  }
  auto out = save_revision(c, actor, k, current, as_input(in, r.wanted, r.merged_with.value_or(in.base_revision)),
                           std::nullopt, now, r.merged_with);
  if (out.revision > current.revision) tx.commit();
  return out;
}

IndicatorResult restore_indicator_revision(storage::Connection& c, const User& actor, std::string_view slug,
                                           std::int64_t indicator_id, std::int64_t number, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto [k, current] = editable_indicator(c, actor, slug, indicator_id);
  const auto revisions = store::indicator_revisions(c, indicator_id);
  IndicatorInput in = validation::indicator_input_of_snapshot(
      validation::revision_to_restore(revisions, number, current.revision).snapshot);
  in.base_revision = current.revision;
  auto out = save_revision(c, actor, k, current, in, number, now);
  if (out.revision > current.revision) tx.commit();
  return out;
}

}  // namespace fabrique::roadmaps
