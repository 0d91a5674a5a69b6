// Use case: the datasets of a DCAT JSON-LD catalogue brought into the register, all or nothing.
#include <algorithm>
#include <stdexcept>

#include "datasets/catalogue.hpp"
#include "datasets/rdf.hpp"
#include "datasets/store.hpp"
#include "datasets/urls.hpp"
#include "datasets/use_cases.hpp"
#include "datasets/validation.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/links.hpp"

namespace fabrique::datasets {

namespace {

// The organisation publishing an imported entry: ours by its address or its name, else added.
std::optional<organisations::Organisation> producer_of(storage::Connection& c, const Imported& e, FieldErrors& errors,
                                                       sys_seconds now) {
  if (!e.producer_slug.empty())
    if (auto o = organisations::store::by_slug(c, e.producer_slug)) return o;
  if (e.producer_name.empty()) {
    errors.add("producer", "The dataset has no dct:publisher with a foaf:name.");
    return std::nullopt;
  }
  if (auto o = organisations::store::by_name(c, e.producer_name)) return o;
  std::string kind = "autre";
  if (!taxonomies::term(c, taxonomies::kOrganisationKinds, kind)) {
    auto kinds = taxonomies::terms(c, taxonomies::kOrganisationKinds);
    kind = kinds.empty() ? "" : kinds.front().slug;
  }
  return organisations::find_or_create_in(c, {.name = e.producer_name, .kind = kind}, errors, "producer", "producer",
                                          now);
}

}  // namespace

ImportResult import_datasets(storage::Connection& c, std::string_view jsonld, sys_seconds now) {
  ImportResult out;
  rdf::Graph graph;
  try {
    graph = rdf::read_jsonld(jsonld);
  } catch (const std::exception&) {
    out.errors.push_back("the file is not a JSON-LD document");
    return out;
  }
  auto entries = imported_datasets(graph);
  if (entries.empty()) out.errors.push_back("the file holds no dcat:Dataset");
  storage::Transaction tx(c, true);
  int number = 0;
  for (auto& e : entries) {
    ++number;
    FieldErrors errors;
    auto producer = producer_of(c, e, errors, now);
    if (producer) e.input.producer = producer->slug;
    const std::string which =
        "dataset " + std::to_string(number) + " (" + (e.slug.empty() ? e.input.title : e.slug) + "): ";
    for (const auto& place : e.unknown_places) out.errors.push_back(which + "no territory is known at " + place);
    auto existing = e.slug.empty() ? std::nullopt : store::by_slug(c, e.slug);
    Checked checked = validate(c, nullptr, e.input, errors);
    if (!errors.empty()) {
      for (const auto& [field, message] : errors.items()) out.errors.push_back(which + field + ": " + message);
      continue;
    }
    if (existing) {
      std::vector<std::string> keys;
      for (const auto& t : territories::places(c, territories::subject::dataset, existing->id)) keys.push_back(t.key);
      std::vector<std::string> wanted;
      for (const auto& t : territories::refs_of_keys(c, e.input.territories)) wanted.push_back(t.key);
      std::sort(keys.begin(), keys.end());
      std::sort(wanted.begin(), wanted.end());
      if (as_fields(input_of(*existing, keys)) == as_fields(input_of(checked.dataset, wanted))) {
        ++out.unchanged;
        continue;
      }
      write_dataset(c, &*existing, checked, std::nullopt, now, std::nullopt);
      ++out.updated;
    } else {
      const bool own_slug = !e.slug.empty() && !urls::reserved(e.slug);
      write_dataset(c, nullptr, checked, std::nullopt, now, std::nullopt, own_slug ? e.slug : std::string());
      ++out.created;
    }
  }
  if (out.errors.empty()) tx.commit();
  return out;
}

}  // namespace fabrique::datasets
