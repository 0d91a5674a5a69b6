// The register as RDF: a graph of triples written once from the entries (catalogue.cpp) and
// serialised as JSON-LD (to_jsonld) and as Turtle (to_turtle, through Debian's serd), so that both
// exports say the same thing; and read back from JSON-LD for the import (read_jsonld).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fabrique::datasets::rdf {

struct Term {
  enum Kind { iri, blank, literal };
  Kind kind = iri;
  std::string value;     // the IRI, the blank node's label, or the literal's text
  std::string datatype;  // a literal's datatype IRI, or empty
  std::string lang;      // a literal's language, or empty
  bool operator==(const Term&) const = default;
};

struct Triple {
  Term s, p, o;
};
using Graph = std::vector<Triple>;

// The vocabularies the catalogue uses, with their usual prefixes.
inline constexpr std::pair<std::string_view, std::string_view> kPrefixes[] = {
    {"dcat", "http://www.w3.org/ns/dcat#"},
    {"dct", "http://purl.org/dc/terms/"},
    {"foaf", "http://xmlns.com/foaf/0.1/"},
    {"vcard", "http://www.w3.org/2006/vcard/ns#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"hydra", "http://www.w3.org/ns/hydra/core#"},
};
// "dct:title" → "http://purl.org/dc/terms/title"; anything else as it is.
std::string expand(std::string_view curie);
// A full IRI as "dct:title" when one of kPrefixes starts it, else as it is.
std::string compact(std::string_view iri);

inline constexpr std::string_view kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

Term iri(std::string_view v);  // a CURIE of kPrefixes, or a full IRI (made safe to write in Turtle)
Term blank(std::string_view label);
Term literal(std::string_view text, std::string_view datatype = {}, std::string_view lang = {});

// The graph as a JSON-LD document: a context of kPrefixes and one node object per subject, in the
// order subjects first appear.
std::string to_jsonld(const Graph& g);
// The graph as Turtle, written by serd (turtle.cpp).
std::string to_turtle(const Graph& g);
// The triples of a JSON-LD document: its context's prefixes and terms, @graph, nested nodes, @id,
// @type, @value with @type or @language, @list read as its items. Throws std::runtime_error when
// the text is not a JSON-LD document.
Graph read_jsonld(std::string_view text);

}  // namespace fabrique::datasets::rdf
