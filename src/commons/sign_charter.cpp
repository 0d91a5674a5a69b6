// Use case: a member signs the charter in force, for themselves or for an organisation they belong to.
#include <set>
#include <utility>

#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"

namespace fabrique::commons {

using i18n::N_;

FieldErrors sign_charter(storage::Connection& c, const User& actor, std::int64_t number,
                         const std::string& organisation, sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto v = store::charter_version(c, number);
  if (!v) throw NotFound();
  auto current = store::latest_adopted(c);
  if (!v->adopted() || !current || current->number != v->number) {
    errors.add("organisation", N_("Only the charter in force can be signed."));
    return errors;
  }
  std::int64_t organisation_id = 0;
  if (!organisation.empty()) {
    auto o = organisations::store::by_slug(c, organisation);
    if (!o || !organisations::store::is_member(c, actor.id, o->id)) {
      errors.add("organisation", N_("You can only sign for an organisation you belong to."));
      return errors;
    }
    organisation_id = o->id;
    if (store::organisation_signed(c, v->id, organisation_id)) {
      errors.add("organisation", N_("This organisation has already signed this version."));
      return errors;
    }
  } else if (store::signed_already(c, v->id, actor.id, 0)) {
    errors.add("organisation", N_("You have already signed this version."));
    return errors;
  }
  store::insert_signature(c, v->id, actor.id, organisation_id, now);
  tx.commit();
  return errors;
}

std::vector<Signature> awaiting_resignature(const std::vector<Signature>& all, std::int64_t current) {
  // A signer is an organisation, or a person in their own name.
  auto signer = [](const Signature& s) {
    return s.organisation_id != 0 ? std::pair{s.organisation_id, std::int64_t{0}}
                                  : std::pair{std::int64_t{0}, s.user_id};
  };
  std::set<std::pair<std::int64_t, std::int64_t>> done;  // signed the current version, or listed already
  for (const auto& s : all)
    if (s.version_number == current) done.insert(signer(s));
  std::vector<Signature> out;
  // Once per signer, from the latest version they signed (signatures come newest version first).
  for (const auto& s : all)
    if (s.version_number < current && done.insert(signer(s)).second) out.push_back(s);
  return out;
}

}  // namespace fabrique::commons
