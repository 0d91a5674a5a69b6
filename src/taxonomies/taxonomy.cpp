// The store and use cases of editable lists.
#include "taxonomies/taxonomy.hpp"

#include "coalitions/urls.hpp"
#include "common/text.hpp"
#include "datasets/urls.hpp"
#include "events/urls.hpp"
#include "i18n/i18n.hpp"
#include "organisations/urls.hpp"

namespace fabrique::taxonomies {

using i18n::N_;

const Taxonomy kOrganisationKinds{
    "organisation_kinds", organisations::urls::kinds, N_("Kinds of organisation"),
    N_("The kinds group the actors of the programme; a coalition is healthy when its actors are of many kinds.")};
const Taxonomy kCoalitionFamilies{"coalition_families", coalitions::urls::families, N_("Families of coalitions"),
                                  N_("Families group coalitions that work on neighbouring questions.")};
const Taxonomy kCoalitionCohorts{"coalition_cohorts", coalitions::urls::cohorts, N_("Cohorts"),
                                 N_("A cohort (promotion) is a group of coalitions that started together.")};
const Taxonomy kEventKinds{"event_kinds", events::urls::kinds, N_("Kinds of event"),
                           N_("Kinds of event: Reset Days, coalition workshops, framing meetings, seminars…")};

const Taxonomy kDatasetThemes{"dataset_themes", datasets::urls::themes, N_("Themes of environmental data"),
                              N_("The themes the register of environmental data is filed under: air, water, "
                                 "biodiversity, climate, energy…")};

namespace {

Term read(const storage::Row& r) { return {r.integer(0), r.text(1), r.text(2), r.integer(3)}; }

std::string select(const Taxonomy& t) { return std::string("SELECT id, slug, label, position FROM ") + t.table; }

void require_animateur(const accounts::User& actor) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only animateurs can change this list."));
}

std::string check_label(FieldErrors& errors, std::string_view in) {
  std::string label = text::trim(in);
  if (label.empty()) {
    errors.add("label", N_("Enter a label."));
  } else if (!text::valid_utf8(label, false) || text::slugify(label).empty()) {
    errors.add("label", N_("The label must contain letters or digits."));
  } else if (text::length(label) > kMaxLabel) {
    errors.add("label", N_("The label is too long (80 characters at most)."));
  }
  return label;
}

}  // namespace

std::vector<Term> terms(storage::Connection& c, const Taxonomy& t) {
  std::vector<Term> out;
  for (const auto& r : c.query(select(t) + " ORDER BY position, id")) out.push_back(read(r));
  return out;
}

std::optional<Term> term(storage::Connection& c, const Taxonomy& t, std::string_view slug) {
  auto r = c.query_one(select(t) + " WHERE slug = ?", {std::string(slug)});
  if (!r) return std::nullopt;
  return read(*r);
}

std::optional<Term> term(storage::Connection& c, const Taxonomy& t, std::int64_t id) {
  auto r = c.query_one(select(t) + " WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return read(*r);
}

FieldErrors add_term(storage::Connection& c, const accounts::User& actor, const Taxonomy& t, std::string_view in) {
  require_animateur(actor);
  FieldErrors errors;
  std::string label = check_label(errors, in);
  if (!errors.empty()) return errors;
  storage::Transaction tx(c, true);
  std::string slug = text::slugify(label);
  if (term(c, t, slug)) {
    errors.add("label", N_("This entry already exists."));
    return errors;
  }
  c.execute(std::string("INSERT INTO ") + t.table +
                " (slug, label, position) VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM " + t.table + "))",
            {slug, label});
  tx.commit();
  return errors;
}

FieldErrors rename_term(storage::Connection& c, const accounts::User& actor, const Taxonomy& t, std::string_view slug,
                        std::string_view in) {
  require_animateur(actor);
  FieldErrors errors;
  std::string label = check_label(errors, in);
  storage::Transaction tx(c, true);
  auto existing = term(c, t, slug);
  if (!existing) throw NotFound();
  if (!errors.empty()) return errors;
  c.execute(std::string("UPDATE ") + t.table + " SET label = ? WHERE id = ?", {label, existing->id});
  tx.commit();
  return errors;
}

}  // namespace fabrique::taxonomies
