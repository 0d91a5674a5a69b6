// Checks of a coalition's fields.
#include "coalitions/validation.hpp"

#include "coalitions/store.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::coalitions {

using i18n::N_;

Coalition validate(storage::Connection& c, const CoalitionInput& in, FieldErrors& errors,
                   std::optional<std::int64_t> self) {
  Coalition k;
  k.number = text::trim(in.number);
  k.title = text::trim(in.title);
  k.summary = text::trim(in.summary);

  if (k.number.empty()) {
    errors.add("number", N_("Enter the coalition's number, such as 8 or 8.a."));
  } else if (!text::valid_utf8(k.number, false) || text::length(k.number) > kMaxNumber) {
    errors.add("number", N_("The number is too long (20 characters at most)."));
  } else if (store::number_taken(c, k.number, self)) {
    errors.add("number", N_("Another coalition already has this number."));
  }

  if (k.title.empty()) {
    errors.add("title", N_("Enter the coalition's title."));
  } else if (!text::valid_utf8(k.title, false) || text::slugify(k.title).empty()) {
    errors.add("title", N_("The title must contain letters or digits."));
  } else if (text::length(k.title) > kMaxTitle) {
    errors.add("title", N_("The title is too long (200 characters at most)."));
  }

  if (!text::valid_utf8(k.summary, false)) {
    errors.add("summary", N_("The summary contains characters that are not allowed."));
  } else if (text::length(k.summary) > kMaxSummary) {
    errors.add("summary", N_("The summary is too long (400 characters at most)."));
  }

  if (auto f = taxonomies::term(c, taxonomies::kCoalitionFamilies, in.family)) {
    k.family_id = f->id;
  } else {
    errors.add("family", N_("Choose a family from the list."));
  }
  if (!in.cohort.empty()) {
    if (auto h = taxonomies::term(c, taxonomies::kCoalitionCohorts, in.cohort))
      k.cohort_id = h->id;
    else
      errors.add("cohort", N_("Choose a cohort from the list."));
  }
  if (stage(in.stage)) {
    k.stage = in.stage;
  } else {
    errors.add("stage", N_("Choose a stage from the list."));
  }
  if (!in.animating_organisation.empty()) {
    if (auto o = organisations::store::by_slug(c, in.animating_organisation))
      k.animating_organisation_id = o->id;
    else
      errors.add("animating_organisation", N_("Choose an organisation from the list."));
  }
  k.scale_local = in.scale_local;
  k.scale_national = in.scale_national;
  k.scale_european = in.scale_european;
  return k;
}

}  // namespace fabrique::coalitions
