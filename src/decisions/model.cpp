// The keys and labels of processes, groups and consent positions.
#include "decisions/model.hpp"

#include "i18n/i18n.hpp"

namespace fabrique::decisions {

using i18n::N_;

const char* key(Process p) {
  switch (p) {
    case Process::consent:
      return "consent";
    case Process::one:
      return "one";
    case Process::several:
      return "several";
    case Process::ranked:
      return "ranked";
  }
  return "consent";
}

std::optional<Process> process_of(std::string_view k) {
  for (Process p : {Process::consent, Process::one, Process::several, Process::ranked})
    if (k == key(p)) return p;
  return std::nullopt;
}

const char* label(Process p) {
  switch (p) {
    case Process::consent:
      return N_("Consent: agree, abstain, disagree or block");
    case Process::one:
      return N_("Choice of one option");
    case Process::several:
      return N_("Choice of several options");
    case Process::ranked:
      return N_("Options ranked in order of preference");
  }
  return "";
}

const char* key(GroupKind g) {
  switch (g) {
    case GroupKind::programme:
      return "programme";
    case GroupKind::coalition:
      return "coalition";
    case GroupKind::event:
      return "event";
  }
  return "programme";
}

std::optional<GroupKind> group_kind_of(std::string_view k) {
  for (GroupKind g : {GroupKind::programme, GroupKind::coalition, GroupKind::event})
    if (k == key(g)) return g;
  return std::nullopt;
}

const Position* position(std::string_view k) {
  for (const auto& p : kPositions)
    if (k == p.key) return &p;
  return nullptr;
}

}  // namespace fabrique::decisions
