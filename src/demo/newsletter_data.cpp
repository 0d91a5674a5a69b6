// The demo's newsletter: two posts telling, in the demo's own words, the facts of the source (the
// Breton workshop on environmental data of April 2021, the Reset Day of 15 June 2021), then the
// digest of the journal sent to the members at the start of the summer.
#include "demo/newsletter_data.hpp"

#include "demo/check.hpp"
#include "demo/programme_data.hpp"
#include "journal/store.hpp"
#include "journal/use_cases.hpp"
#include "newsletters/store.hpp"
#include "newsletters/use_cases.hpp"

namespace fabrique::demo {

namespace {

using data::on;
using std::chrono::sys_seconds;

struct PostData {
  sys_seconds at;
  const char* publish_on;
  const char* title;
  const char* summary;
  const char* body;
};

// clang-format off
const std::vector<PostData>& posts() {
  static const std::vector<PostData> all = {
      {on(2021, 4, 20), "2021-04-20", "Reset Fest Bretagne : premier atelier sur les données environnementales",
       "Le 14 avril 2021, une vingtaine d’acteurs bretons ont commencé le diagnostic de la coalition sur les usages des données environnementales.",
       "Associations, collectivités, infrastructure de recherche, CPIE : plus de vingt participants aux horizons variés "
       "se sont retrouvés pour se demander comment les données environnementales produites en Bretagne peuvent servir "
       "de nouvelles pratiques d’intérêt général, qu’elles soient pédagogiques, militantes ou politiques.\n\n"
       "En trois groupes, ils ont recensé les expérimentations en cours, les ressources disponibles et les difficultés "
       "des producteurs comme des utilisateurs, puis cherché les leviers d’action.\n\n"
       "- Les données ne s’améliorent que si elles sont utilisées ; aujourd’hui surtout par des experts.\n"
       "- Les portails restent difficiles d’accès pour qui n’est pas technicien.\n"
       "- Les producteurs savent rarement qui reprend leurs données, ni pour quoi faire."},
      {on(2021, 6, 18), "2021-06-18", "Retour sur le Reset Day du 15 juin 2021",
       "Deux heures pour faire le point sur la communauté Reset, les coalitions sur les communs et l’intelligence artificielle, et l’agenda.",
       "Le 15 juin 2021, de 14 h à 16 h, des participants de la Métropole de Lyon, de Berger-Levrault, de Wikimédia "
       "France, de la Métropole Européenne de Lille et d’autres structures ont fait le point sur le programme.\n\n"
       "Premier constat : la transition est portée par de nombreux acteurs, et Reset veut les aider à passer des "
       "intentions aux victoires concrètes, en qualifiant les leviers et en outillant les territoires. Les coalitions "
       "n’avancent pas toutes au même rythme ; entre l’idée d’une coalition et son vrai départ, il y a un temps "
       "invisible que le livret de coalition doit aider à franchir."},
  };
  return all;
}
// clang-format on

}  // namespace

void load_newsletter(storage::Connection& c, const accounts::User& animateur) {
  for (const auto& p : posts()) {
    journal::PostInput in;
    in.title = p.title;
    in.kind = "retour-sur";
    in.summary = p.summary;
    in.body = p.body;
    in.publish = true;
    in.publish_on = p.publish_on;
    check(std::string("post ") + p.title, journal::write_post(c, animateur, in, p.at).errors);
  }
  // The digest of the posts published by then, to every member; kept as sent, with no mail written.
  const sys_seconds sent = on(2021, 6, 25, 10);
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
