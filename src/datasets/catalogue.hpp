// The register as a DCAT-AP 3.0 catalogue: one page of entries as an RDF graph (exported as JSON-LD
// and Turtle, with hydra paging), and a catalogue read back into entries (the import).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "datasets/model.hpp"
#include "datasets/rdf.hpp"
#include "datasets/use_cases.hpp"
#include "territories/model.hpp"

namespace fabrique::datasets {

struct CataloguePage {
  std::string base_url;            // "https://fabrique.example.org": every IRI starts with it
  std::string title, description;  // the catalogue's, translated
  std::vector<Dataset> datasets;
  std::map<std::int64_t, std::vector<territories::TerritoryRef>> places;  // by dataset id
  std::map<std::int64_t, std::vector<std::int64_t>> reuses;               // the ids of its reuses, by dataset id
  std::int64_t total = 0, page = 1, pages = 1, per_page = 0;
  std::string query;  // other parameters of the address, kept in the paging links ("per_page=50")
};

// The catalogue's page as triples: the dcat:Catalog (a hydra:Collection with its view of this
// page), each dcat:Dataset with its title, description, publisher, themes, spatial coverage
// (territory IRIs), licence, dates, schema, contact point and its dcat:Distribution(s); each of its
// reuses' pages dct:references it, and it is dct:isReferencedBy them.
rdf::Graph catalogue_graph(const CataloguePage& p);

// An entry read from a catalogue, as the import gives it to the use cases.
struct Imported {
  std::string slug;                         // its dct:identifier, when it has one that can be an address
  std::string producer_name;                // foaf:name of its publisher
  std::string producer_slug;                // when the publisher's IRI is one of our organisations' pages
  DatasetInput input;                       // producer left empty: the import finds or adds the organisation
  std::vector<std::string> unknown_places;  // spatial IRIs naming no territory key we can read
};
// Every dcat:Dataset of the graph.
std::vector<Imported> imported_datasets(const rdf::Graph& g);

}  // namespace fabrique::datasets
