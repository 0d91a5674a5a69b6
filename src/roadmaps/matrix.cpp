// Building the actors × levers matrix and the diversity figure from what the store recorded.
#include "roadmaps/matrix.hpp"

#include <algorithm>
#include <map>

namespace fabrique::roadmaps {

double gini_simpson(const std::vector<std::int64_t>& organisations_per_kind) {
  std::int64_t total = 0;
  for (auto n : organisations_per_kind) total += std::max<std::int64_t>(0, n);
  if (total == 0) return 0;
  double sum = 0;
  for (auto n : organisations_per_kind) {
    const double p = static_cast<double>(std::max<std::int64_t>(0, n)) / static_cast<double>(total);
    sum += p * p;
  }
  return 1 - sum;
}

Matrix build_matrix(const std::vector<KindDef>& kinds, const std::vector<ActorRecord>& records) {
  // One entry per organisation: the strongest involvement and every lever any record gave it.
  std::map<std::int64_t, std::pair<std::int64_t, MatrixActor>> merged;  // organisation → (kind, actor)
  for (const auto& r : records) {
    auto [it, fresh] = merged.try_emplace(r.organisation_id, r.kind_id,
                                          MatrixActor{r.organisation_id, r.slug, r.name, r.involvement, r.levers});
    if (fresh) continue;
    auto& a = it->second.second;
    a.involvement = std::min(a.involvement, r.involvement);
    for (std::size_t l = 0; l < 3; ++l) a.levers[l] = a.levers[l] || r.levers[l];
  }

  Matrix m;
  std::map<std::int64_t, std::size_t> row_of;
  for (const auto& k : kinds) {
    row_of[k.id] = m.rows.size();
    m.rows.push_back({k, {}, {}, 0});
  }
  for (auto& [id, entry] : merged) {
    auto& [kind_id, actor] = entry;
    auto row = row_of.find(kind_id);
    if (row == row_of.end()) continue;  // a kind removed from the list: not drawn, not counted
    auto& r = m.rows[row->second];
    ++r.count;
    ++m.organisations;
    bool any = false;
    for (std::size_t l = 0; l < 3; ++l) {
      if (!actor.levers[l]) continue;
      r.by_lever[l].push_back(actor);
      m.lever_covered[l] = true;
      any = true;
    }
    if (!any) r.without_lever.push_back(actor);
  }
  std::vector<std::int64_t> counts;
  auto by_name = [](const MatrixActor& a, const MatrixActor& b) { return a.name < b.name; };
  for (auto& r : m.rows) {
    for (auto& cell : r.by_lever) std::sort(cell.begin(), cell.end(), by_name);
    std::sort(r.without_lever.begin(), r.without_lever.end(), by_name);
    if (r.present()) {
      ++m.distinct_kinds;
      counts.push_back(r.count);
    } else {
      m.missing_kinds.push_back(r.kind);
    }
  }
  m.diversity = gini_simpson(counts);
  return m;
}

}  // namespace fabrique::roadmaps
