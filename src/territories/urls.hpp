// The addresses of the territories' pages; the route table (src/http/routes.cpp) has the patterns.
#pragma once
#include <string>
#include <string_view>

namespace fabrique::territories::urls {

inline std::string list() { return "/territoires"; }
inline std::string territory(std::string_view key) { return list() + "/" + std::string(key); }

}  // namespace fabrique::territories::urls
