// IRIs of the register's RDF graph: prefixes expanded, and what Turtle forbids in an IRI percent-encoded.
#include "datasets/rdf.hpp"

#include <gtest/gtest.h>

namespace fabrique::datasets::rdf {
namespace {

TEST(RdfIri, ExpandsAKnownPrefixAndLeavesAFullIriAsItIs) {
  EXPECT_EQ(iri("dcat:Dataset").value, "http://www.w3.org/ns/dcat#Dataset");
  EXPECT_EQ(iri("https://data.example.org/indice.csv").value, "https://data.example.org/indice.csv");
  EXPECT_EQ(iri("https://data.example.org/indice.csv").kind, Term::iri);
}

TEST(RdfIri, PercentEncodesWhatAnIriMayNotHold) {
  EXPECT_EQ(iri("https://x.org/a b\"c<d>{e}|f^g`h\\i").value, "https://x.org/a%20b%22c%3Cd%3E%7Be%7D%7Cf%5Eg%60h%5Ci");
  EXPECT_EQ(iri("https://x.org/\nq\x01").value, "https://x.org/%0Aq%01");
  EXPECT_EQ(iri("https://x.org/été").value, "https://x.org/été") << "UTF-8 stays as it is";
}

}  // namespace
}  // namespace fabrique::datasets::rdf
