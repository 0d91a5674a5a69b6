// The actors × levers matrix of a coalition: which kinds of organisation are involved on which
// lever, which kinds are absent (the "à associer" list), which lever has no actor, and how diverse
// the actors are (Gini–Simpson index over kinds). Pure computation, tested on fixed fixtures.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace fabrique::roadmaps {

// How an organisation takes part, strongest first.
enum class Involvement { co_porteur, membre, interesse, porteur_action };

// One organisation's part in a coalition, as one source records it (a role, a declaration, an
// action it carries). The same organisation may appear several times; the matrix merges them.
struct ActorRecord {
  std::int64_t organisation_id = 0;
  std::string slug, name;
  std::int64_t kind_id = 0;
  Involvement involvement = Involvement::interesse;
  std::array<bool, 3> levers{};  // commande, offre, usages
};

struct KindDef {
  std::int64_t id = 0;
  std::string slug, label;
};

struct MatrixActor {
  std::int64_t organisation_id = 0;
  std::string slug, name;
  Involvement involvement = Involvement::interesse;  // the strongest
  std::array<bool, 3> levers{};                      // the union
};

struct MatrixRow {
  KindDef kind;
  std::array<std::vector<MatrixActor>, 3> by_lever;  // actors of this kind on each lever, by name
  std::vector<MatrixActor> without_lever;            // involved, no lever said yet
  bool present() const { return count > 0; }
  std::int64_t count = 0;  // distinct organisations of this kind
};

struct Matrix {
  std::vector<MatrixRow> rows;          // every kind, in the order given
  std::vector<KindDef> missing_kinds;   // kinds with no organisation: the "à associer" list
  std::array<bool, 3> lever_covered{};  // false: no actor on that lever
  std::int64_t organisations = 0;       // distinct organisations involved
  std::int64_t distinct_kinds = 0;
  double diversity = 0;  // Gini–Simpson: 1 − Σ pₖ², pₖ = share of organisations of kind k
};

// The probability that two organisations drawn at random (with replacement) are of different
// kinds: 1 − Σ pₖ². 0 when there is none or a single kind; approaches 1 − 1/K with K even kinds.
double gini_simpson(const std::vector<std::int64_t>& organisations_per_kind);

Matrix build_matrix(const std::vector<KindDef>& kinds, const std::vector<ActorRecord>& records);

}  // namespace fabrique::roadmaps
