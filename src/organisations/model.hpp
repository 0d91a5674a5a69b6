// Organisations: the actors of the programme (companies, associations, local authorities…) by kind.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace fabrique::organisations {

struct Organisation {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::int64_t kind_id = 0;
  std::string kind_slug;
  std::string kind_label;
  std::string website;
  std::string description;
  std::int64_t member_count = 0;  // filled by list queries
  std::chrono::sys_seconds updated_at{};
};

// A member of an organisation as the public may see them.
struct Member {
  std::int64_t user_id = 0;
  std::string name;  // empty unless the person chose to show it
};

inline constexpr std::size_t kMaxOrganisationName = 160;
inline constexpr std::size_t kMaxDescription = 2000;
inline constexpr std::size_t kMaxWebsite = 500;

}  // namespace fabrique::organisations
