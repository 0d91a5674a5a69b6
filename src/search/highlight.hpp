// Highlighting for one page of results (query.cpp): search::highlight() with a memory of the words
// already stemmed, since the titles and excerpts of a page repeat their words.
#pragma once
#include <string>
#include <unordered_map>

#include "search/search.hpp"

namespace fabrique::search {

// As highlight(), but `matched` remembers for each word as written whether it matched, across the
// calls for one page: stemming the same words again was most of the cost of rendering results.
html::Html highlight(std::string_view text, const std::vector<std::string>& words, bool last_is_prefix,
                     std::size_t max_chars, std::unordered_map<std::string, bool>& matched, bool from_start = false);

}  // namespace fabrique::search
