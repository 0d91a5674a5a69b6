// The demo's newsletter: the digest of the demo journal's posts (demo/journal_data.cpp, loaded
// before) sent to the members at the start of the summer of 2021.
#include "demo/newsletter_data.hpp"

#include "demo/check.hpp"
#include "demo/programme_data.hpp"
#include "journal/store.hpp"
#include "newsletters/store.hpp"
#include "newsletters/use_cases.hpp"

namespace fabrique::demo {

void load_newsletter(storage::Connection& c, const accounts::User& animateur) {
  // The digest of the posts published by then, to every member; kept as sent, with no mail written.
  const std::chrono::sys_seconds sent = data::on(2021, 6, 25, 10);
  newsletters::NewsletterInput in;
  in.subject = "La lettre de Reset — début de l’été 2021";
  in.introduction =
      "Bonjour à toutes et à tous,\n\nAvant l’été, voici ce que le programme a vécu ces derniers mois : un premier "
      "atelier breton sur les données environnementales et notre Reset Day de juin.";
  in.content = "digest";
  journal::store::PostFilter f;
  f.now = sent;
  for (const auto& p : journal::store::posts(c, f)) in.posts.push_back(p.slug);
  in.audience = "members";
  storage::Transaction tx(c, true);
  newsletters::Prepared prepared = newsletters::prepare_newsletter(c, animateur, in, sent);
  check("newsletter", prepared.errors);
  prepared.letter.sender_id = animateur.id;
  prepared.letter.recipients = static_cast<std::int64_t>(prepared.recipients.size());
  prepared.letter.sent_at = sent;
  newsletters::store::insert(c, prepared.letter);
  tx.commit();
}

}  // namespace fabrique::demo
