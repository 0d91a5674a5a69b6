// The demo programme's decisions, drawn from the #Reset source (shared/seeds) and told in our own
// words: the governance principles the first assembly (16 June 2020) set itself to decide, the
// charter's second version put to consent before its adoption "after the Reset Day of July", the
// day of the environmental-data coalition's workshop with the CNES ("22 or 23 June 2021"), and,
// still open, the topic of a coming Reset Day's workshop.
//
// Choices the source leaves open: who answered and how is invented (the demo people), and so are
// the outcomes' wording; the block on version 2 (a default licence missing) echoes the comment the
// commons' demo already makes on it, and its outcome says how the version met it.
// Hand-laid data tables: kept as written, not reflowed by clang-format.
// clang-format off
#include "demo/decisions_data.hpp"

#include <stdexcept>

#include "accounts/store.hpp"
#include "decisions/store.hpp"
#include "decisions/use_cases.hpp"
#include "demo/check.hpp"
#include "demo/programme_data.hpp"

namespace fabrique::demo {

namespace {

using data::on;
using std::chrono::sys_seconds;

struct AnswerData {
  const char* by;        // e-mail
  const char* position;  // consent: agree, abstain, disagree, block
  const char* reason;
  std::vector<std::size_t> options;  // a choice: positions of the options chosen (1 first)
  sys_seconds at;
};

struct DecisionData {
  const char* by;  // e-mail of who opens it
  const char* question;
  const char* details;
  const char* group;    // "programme" or "coalition:SLUG"
  const char* about;    // "", "charter:N" or "coalition:SLUG"
  const char* process;  // consent, one, several, ranked
  const char* options;  // one per line, for a choice
  sys_seconds opened;
  const char* closes;   // Paris time, as the form takes it
  std::vector<AnswerData> answers;
  const char* outcome;  // "" while it is open
  sys_seconds outcome_at;
};

const std::vector<DecisionData>& decisions_data() {
  static const std::vector<DecisionData> kList = {
      {"animateur@demo.fabrique", "Adoptons-nous ces quatre principes de gouvernance pour le programme ?",
       "Proposés pour l'assemblée du 16 juin 2020, qui se tient entièrement en ligne :\n\n"
       "1. Chaque coalition s'organise comme elle l'entend, dans le cadre de la charte.\n"
       "2. Une coalition est portée à plusieurs, par des acteurs de natures différentes.\n"
       "3. Les choix communs se font à découvert : question, réponses et issue restent consultables.\n"
       "4. Ce que le programme produit est partagé et réutilisable.",
       "programme", "", "consent", "", on(2020, 6, 2, 9), "2020-06-16T17:00",
       {{"camille@demo.fabrique", "agree", "", {}, on(2020, 6, 16, 10)},
        {"animateur@demo.fabrique", "agree", "", {}, on(2020, 6, 16, 11)}},
       "Les quatre principes sont retenus à l'issue de l'assemblée. Le deuxième sera précisé dans la charte : "
       "comment l'équilibre entre grandes et petites structures est tenu dans chaque coalition.",
       on(2020, 6, 16, 18)},
      {"animateur@demo.fabrique", "Consentons-nous à la version 2 de la charte ?",
       "La version 2 reprend la version bêta après la consultation de l'été. Elle est soumise au consentement "
       "jusqu'à la mi-juillet : une objection doit dire ce qui empêcherait de l'appliquer.",
       "programme", "charter:2", "consent", "", on(2020, 6, 26, 9), "2020-07-15T18:00",
       {{"animateur@demo.fabrique", "agree", "", {}, on(2020, 6, 26, 10)},
        {"camille@demo.fabrique", "block",
         "Tant qu'aucune licence n'est nommée pour les productions, personne ne sait s'il peut les reprendre : "
         "la partie sur l'ouverture reste lettre morte.",
         {}, on(2020, 7, 3, 11)}},
       "Adoptée. L'objection de Berger-Levrault a été levée en nommant une licence par défaut (CC BY 4.0) dans la "
       "partie sur l'ouverture, avant l'adoption du 20 juillet.",
       on(2020, 7, 20, 9)},
      {"eden@demo.fabrique", "Quel jour pour l'atelier territorial avec le CNES ?",
       "Le CNES peut co-animer l'atelier l'un ou l'autre jour ; la date retenue sera annoncée avec le lieu.",
       "coalition:donnees-environnementales", "coalition:donnees-environnementales", "one",
       "Mardi 22 juin 2021, l'après-midi\nMercredi 23 juin 2021, le matin", on(2021, 5, 20, 9), "2021-06-01T12:00",
       {{"eden@demo.fabrique", "", "", {1}, on(2021, 5, 20, 10)},
        {"lou@demo.fabrique", "", "Le mercredi matin, nos agents sont en commission.", {1}, on(2021, 5, 25, 15)}},
       "Le mardi 22 juin, l'après-midi, retenu par les deux réponses ; le lieu suit.", on(2021, 6, 1, 14)},
      {"animateur@demo.fabrique", "Quels sujets pour l'atelier du Reset Day de janvier ?",
       "L'atelier de coalition du Reset Day de janvier traite deux sujets au plus : cochez ceux qui vous "
       "semblent prioritaires.",
       "programme", "", "several",
       "Mesurer l'empreinte des services publics numériques\nOuvrir les algorithmes des collectivités\n"
       "Accompagner les aidants numériques",
       on(2026, 11, 20, 9), "2027-01-12T18:00",
       {{"camille@demo.fabrique", "", "", {1, 2}, on(2026, 11, 21, 9)},
        {"noa@demo.fabrique", "", "", {3}, on(2026, 11, 23, 16)},
        {"maxime@demo.fabrique", "", "", {2}, on(2026, 11, 24, 11)},
        {"jade@demo.fabrique", "", "", {1, 3}, on(2026, 11, 25, 14)}},
       "", {}},
  };
  return kList;
}

accounts::User decider(storage::Connection& c, const char* email) {
  auto u = accounts::store::user_by_email(c, email);
  if (!u) throw std::runtime_error(std::string("demo decisions: unknown account ") + email);
  return *u;
}

}  // namespace

void load_decisions(storage::Connection& c) {
  for (const auto& d : decisions_data()) {
    const std::string what = std::string("decision ") + d.question;
    decisions::DecisionInput in{d.question, d.details, d.group, d.about, d.process, d.closes, d.options};
    auto opened = decisions::open_decision(c, decider(c, d.by), in, d.opened);
    check(what, opened.errors);
    std::vector<std::int64_t> option_ids;
    {
      storage::Transaction tx(c, false);
      const auto made = decisions::store::decision(c, opened.id);
      for (const auto& o : made->options) option_ids.push_back(o.id);
    }
    for (const auto& a : d.answers) {
      decisions::AnswerInput answer{.position = a.position, .reason = a.reason, .chosen = {}, .ranks = {}};
      for (std::size_t n : a.options) answer.chosen.push_back(option_ids.at(n - 1));
      check(what + " answer", decisions::answer_decision(c, decider(c, a.by), opened.id, answer, a.at));
    }
    if (*d.outcome)
      check(what + " outcome", decisions::close_decision(c, decider(c, d.by), opened.id, d.outcome, d.outcome_at));
  }
}

}  // namespace fabrique::demo
// clang-format on
