// The page template compiler: turns an HTML template with named, typed slots into C++ that the
// build compiles, so that a slot naming nothing or a value that cannot be shown fails the build.
//
// The language, in full (docs/architecture.md, "Pages"):
//   {# a comment #}
//   {% include "module/model.hpp" %}             a header the templates of the file need
//   {% template Name(const Type& a, bool b) %}   begins a template; its parameters become the fields
//   ...                                          of the struct `Name`, filled by designated initialisers
//   {% endtemplate %}
//   {{ expr }}                                   a slot: a C++ expression, escaped for where it stands
//   {% if expr %} {% elif expr %} {% else %} {% endif %}
//   {% for x : expr %} {% endfor %}              also {% for [a, b] : expr %}
//   {% let name = expr %}                        names a value for the rest of the block
// Inside slots, tr("…"), trn("…", "…", n), trf("… {} …", args…), date(t) and datetime(t) translate
// with the page's language; a slot holding another template's struct renders that template.
#pragma once
#include <string>
#include <vector>

namespace fabrique::tmplc {

struct Output {
  std::string header;               // the .hpp: includes, one struct and one write() per template
  std::string source;               // the .cpp: the write() bodies
  std::vector<std::string> errors;  // "file:line: message", empty on success
};

// Compiles `text`, read from `display_path` (used in #line directives and errors), into C++ in
// namespace `name_space`; `header_include` is how the .cpp includes the generated header.
Output compile(const std::string& text, const std::string& display_path, const std::string& name_space,
               const std::string& header_include);

}  // namespace fabrique::tmplc
