// The open data's own addresses, written once: the sitemap, its parts and robots.txt (the route table
// in http/routes.cpp keeps their patterns).
#pragma once
#include <cstddef>
#include <string>

namespace fabrique::opendata::urls {

inline std::string sitemap() { return "/sitemap.xml"; }
// One part of the sitemap, from 1, when the index has several.
inline std::string sitemap_part(std::size_t part) { return "/sitemaps/" + std::to_string(part) + ".xml"; }
inline std::string robots() { return "/robots.txt"; }

}  // namespace fabrique::opendata::urls
