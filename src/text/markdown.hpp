// User Markdown (GitHub-flavoured) turned into sanitised HTML for pages, or into plain text for excerpts.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "views/html.hpp"

namespace fabrique::text {

// Renders `source` as GFM (tables, autolinks, ~~strikethrough~~) into HTML that is safe to put in
// a page as it is:
//  - raw HTML (blocks and inline tags, comments) is dropped, not rendered;
//  - a link survives only if it points to http:, https: or mailto:, or is site-internal
//    (starts with "/" or "#"); any other link is unlinked, leaving its text;
//  - images become links to their address with the alt text as link text, because the
//    Content-Security-Policy only allows images from 'self' and an <img> would show broken;
//  - headings are pushed down by `heading_offset` levels (capped at h6), so that `# Title` in a
//    section becomes <h3> under the page's h1 and the section's h2;
//  - links to other sites carry rel="nofollow noopener".
// Any input is accepted (invalid UTF-8 and NUL bytes become U+FFFD); callers bound its size.
html::Html render_markdown(std::string_view source, int heading_offset = 2);

// The text of `source` without markup, whitespace collapsed to single spaces, at most `max_chars`
// characters (code points); when cut, the text ends at a word boundary with "…".
std::string markdown_to_text(std::string_view source, std::size_t max_chars);

}  // namespace fabrique::text
