// The organisations' addresses, written once: pages, templates, follows, the search index and
// redirects use these (the route table in http/routes.cpp keeps its patterns).
#pragma once
#include <string>
#include <string_view>

namespace fabrique::organisations::urls {

inline std::string list() { return "/organisations"; }
inline std::string create() { return list() + "/nouvelle"; }
// The page that edits the kinds of organisation (a taxonomy).
inline std::string kinds() { return list() + "/types"; }
inline std::string organisation(std::string_view slug) { return list() + "/" + std::string(slug); }
inline std::string edit(std::string_view slug) { return organisation(slug) + "/modifier"; }
inline std::string follow(std::string_view slug) { return organisation(slug) + "/suivre"; }
// Its news as an Atom feed.
inline std::string feed(std::string_view slug) { return organisation(slug) + ".atom"; }

}  // namespace fabrique::organisations::urls
