// Use case: a member comments one section of a version of the charter during its consultation.
#include "common/text.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

using i18n::N_;

FieldErrors comment_charter(storage::Connection& c, const User& actor, std::int64_t number, const std::string& section,
                            const std::string& body, sys_seconds now) {
  FieldErrors errors;
  const std::string field = "comment-" + section;
  std::string text = text::trim(body);
  storage::Transaction tx(c, true);
  auto v = store::charter_version(c, number);
  if (!v) throw NotFound();
  if (!is_charter_section(section)) {
    errors.add("comment", N_("Choose a section of the charter."));
    return errors;
  }
  if (!v->in_consultation(now)) {
    errors.add(field, N_("Comments are only open during the consultation period of a version."));
    return errors;
  }
  if (text.empty())
    errors.add(field, N_("Write your comment."));
  else
    check_text(errors, field, text, kMaxComment);
  if (!errors.empty()) return errors;
  store::insert_charter_comment(c, v->id, section, actor.id, text, now);
  tx.commit();
  return errors;
}

}  // namespace fabrique::commons
