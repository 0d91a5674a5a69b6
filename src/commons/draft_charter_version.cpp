// Use case: an animateur drafts a new version of the charter (one version in progress at a time).
#include "commons/index_charter.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

using i18n::N_;

CharterVersion validate(const CharterDraftInput& in, FieldErrors& errors) {
  CharterVersion v;
  v.label = in.label;
  v.summary = in.summary;
  check_line(errors, "label", v.label, kMaxLabel, false);
  check_line(errors, "summary", v.summary, kMaxSummary, false);
  for (const auto& s : kCharterSections) {
    auto it = in.sections.find(s.key);
    std::string body = it == in.sections.end() ? "" : it->second;
    if (body.size() > kMaxSectionBytes)
      errors.add(s.key, N_("This section is too long (50 KB at most)."));
    else
      check_text(errors, s.key, body, kMaxSectionBytes);
    v.sections[s.key] = body;
  }
  return v;
}

CharterResult draft_charter_version(storage::Connection& c, const User& actor, const CharterDraftInput& in,
                                    sys_seconds now) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only the animateurs can draft a version of the charter."));
  CharterResult out;
  CharterVersion v = validate(in, out.errors);
  storage::Transaction tx(c, true);
  for (const auto& existing : store::charter_versions(c))
    if (!existing.adopted()) {
      out.errors.add("label", N_("Another version is in progress: adopt it before drafting a new one."));
      break;
    }
  if (!out.errors.empty()) return out;
  v.number = store::next_charter_number(c);
  v.created_at = v.updated_at = now;
  v.id = store::insert_charter_version(c, v, actor.id);
  index_charter(c, v);
  tx.commit();
  out.number = v.number;
  return out;
}

}  // namespace fabrique::commons
