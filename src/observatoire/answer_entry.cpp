// Use case: the public body concerned answers on an entry (right of reply), through a member of the
// organisation that speaks for it.
#include "common/text.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"

namespace fabrique::observatoire {

using i18n::N_;

FieldErrors answer_entry(storage::Connection& c, const User& actor, std::string_view slug, const std::string& text_in,
                         sys_seconds now) {
  FieldErrors errors;
  std::string text = text::trim(text_in);
  if (text.empty())
    errors.add("reply", N_("Write the answer of the public body."));
  else if (!text::valid_utf8(text) || text::length(text) > kMaxReply)
    errors.add("reply", N_("The answer is too long (5,000 characters at most)."));
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  bool member = e->body.organisation_id &&
                c.query_integer("SELECT COUNT(*) FROM user_organisations WHERE user_id = ? AND organisation_id = ?",
                                {actor.id, *e->body.organisation_id}) > 0;
  if (!member) throw Forbidden(N_("Only members of the organisation that speaks for this public body can answer."));
  if (!errors.empty()) return errors;
  store::insert_reply(c, e->id, *e->body.organisation_id, actor.id, text, now);
  tx.commit();
  return errors;
}

}  // namespace fabrique::observatoire
