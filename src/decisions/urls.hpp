// The decisions' addresses, written once: pages, templates, notices and redirects use these.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::decisions::urls {

inline std::string decisions() { return "/decisions"; }
inline std::string decisions_json() { return "/decisions.json"; }
inline std::string new_decision() { return "/decisions/nouvelle"; }
// The form pre-filled with what the decision is about ("charter:3", "coalition:SLUG", "action:12").
inline std::string new_decision_about(std::string_view about) {
  return new_decision() + "?sujet=" + std::string(about);
}
inline std::string decision(std::int64_t id) { return "/decisions/" + std::to_string(id); }
inline std::string decision_json(std::int64_t id) { return decision(id) + ".json"; }
inline std::string answer(std::int64_t id) { return decision(id) + "/repondre"; }
inline std::string close(std::int64_t id) { return decision(id) + "/cloturer"; }

}  // namespace fabrique::decisions::urls
