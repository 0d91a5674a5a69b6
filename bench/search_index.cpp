// Fills the search index of a migrated database with generated French documents, through the same
// search::index() the modules call, for bench/search.sh: `bench_search_index DATABASE COUNT`.
//
// Words follow a Zipf-like law over a vocabulary of the programme's own words followed by a long
// tail of rarer generated words, so that common queries match tens of thousands of documents and
// rare ones a handful, as in a real index.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "search/search.hpp"
#include "storage/database.hpp"

using namespace fabrique;

namespace {

const char* kWords[] = {
    "numérique",
    "coalition",
    "communs",
    "données",
    "territoire",
    "environnementales",
    "collectivités",
    "association",
    "citoyens",
    "services",
    "publics",
    "algorithmes",
    "participation",
    "démocratie",
    "usages",
    "commande",
    "offre",
    "transition",
    "écologique",
    "sobriété",
    "inclusion",
    "médiation",
    "formation",
    "logiciel",
    "libre",
    "ouvert",
    "réseau",
    "atelier",
    "proximité",
    "solidarité",
    "éthique",
    "impact",
    "gouvernance",
    "charte",
    "ressources",
    "boussole",
    "expérience",
    "capteurs",
    "biodiversité",
    "école",
    "éducation",
    "santé",
    "mobilité",
    "énergie",
    "alimentation",
    "achat",
    "responsable",
    "plateforme",
    "identité",
    "confiance",
    "personnelles",
    "pouvoir",
    "agir",
    "habitants",
    "quartier",
    "commune",
    "région",
    "métropole",
    "entreprise",
    "laboratoire",
    "recherche",
    "université",
    "innovation",
    "design",
    "conception",
    "accessibilité",
    "dématérialisation",
    "démarches",
    "accompagnement",
    "bénévoles",
    "maintenance",
    "financement",
    "contribution",
    "documentation",
    "cartographie",
    "observatoire",
    "explicabilité",
    "transparence",
    "évaluation",
    "mesure",
    "indicateurs",
    "victoires",
    "feuille",
    "route",
    "diagnostic",
    "cadrage",
    "intention",
    "récit",
    "transformation",
    "leviers",
    "acteurs",
    "partenaires",
    "réunion",
    "compte",
    "rendu",
    "journée",
    "reset",
    "fing",
    "programme",
    "assemblée",
    "consultation",
};
constexpr const char* kTypes[] = {"booklet", "resource", "card", "organisation", "event", "minutes", "action"};

std::string rare_word(std::size_t n) {
  static const char* kSyll[] = {"ta",  "ri", "no", "vel", "mu", "sa",   "lon", "dé",
                                "pra", "ci", "go", "bé",  "lu", "fran", "mé"};
  std::string w;
  do {
    w += kSyll[n % 15];
    n /= 15;
  } while (n > 0);
  return w + "ique";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_search_index DATABASE COUNT\n");
    return 2;
  }
  const long count = std::stol(argv[2]);
  auto db = storage::open(argv[1], 1);
  auto c = db->acquire();
  std::mt19937_64 rng(42);
  const std::size_t common = sizeof kWords / sizeof *kWords;
  const std::size_t vocabulary = common + 30000;
  // Zipf-like: rank r drawn with probability ~ 1/r.
  std::vector<double> weights(vocabulary);
  for (std::size_t r = 0; r < vocabulary; ++r) weights[r] = 1.0 / static_cast<double>(r + 1);
  std::discrete_distribution<std::size_t> word(weights.begin(), weights.end());
  auto pick = [&] {
    std::size_t r = word(rng);
    return r < common ? std::string(kWords[r]) : rare_word(r);
  };
  std::uniform_int_distribution<int> body_words(60, 160), type(0, 6), percent(0, 99);
  const auto start = std::chrono::steady_clock::now();
  const std::chrono::sys_seconds now{std::chrono::seconds(1764300000)};
  constexpr long kBatch = 5000;
  for (long done = 0; done < count;) {
    storage::Transaction tx(*c, true);
    for (long i = 0; i < kBatch && done < count; ++i, ++done) {
      search::Document d;
      d.type = kTypes[type(rng)];
      d.ref = std::to_string(done + 1);
      for (int w = 0; w < 6; ++w) d.title += (w ? " " : "") + pick();
      d.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(d.title[0])));
      const int n = body_words(rng);
      for (int w = 0; w < n; ++w) d.body += pick() + (w % 12 == 11 ? ". " : " ");
      d.url = "/bench/" + d.type + "/" + d.ref;
      if (percent(rng) < 10) {  // one in ten is a draft only its author and the animateurs see
        d.audience = search::Audience::editors;
        d.owner_id = 1;
      }
      d.updated_at = now;
      search::index(*c, d);
    }
    tx.commit();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("indexed %ld documents in %.1f s\n", count, seconds);
  return 0;
}
