// The register's entries as DCAT-AP 3.0 triples, and DCAT triples back into entries.
#include "datasets/catalogue.hpp"

#include <algorithm>
#include <set>

#include "common/text.hpp"
#include "datasets/urls.hpp"
#include "organisations/urls.hpp"
#include "territories/urls.hpp"

namespace fabrique::datasets {

using rdf::blank;
using rdf::iri;
using rdf::literal;
using rdf::Term;

namespace {

constexpr std::string_view kMediaTypes = "https://www.iana.org/assignments/media-types/";
constexpr std::string_view kThemeParameter = "/donnees?theme=";

std::string page_address(const CataloguePage& p, std::int64_t n) {
  std::string a = p.base_url + urls::catalogue() + "?page=" + std::to_string(n);
  if (!p.query.empty()) a += "&" + p.query;
  return a;
}

}  // namespace

rdf::Graph catalogue_graph(const CataloguePage& p) {
  rdf::Graph g;
  auto add = [&](const Term& s, std::string_view property, Term o) { g.push_back({s, iri(property), std::move(o)}); };
  const Term type = iri("rdf:type");
  const Term catalogue = iri(p.base_url + urls::catalogue());
  g.push_back({catalogue, type, iri("dcat:Catalog")});
  g.push_back({catalogue, type, iri("hydra:Collection")});
  add(catalogue, "dct:title", literal(p.title, {}, "fr"));
  add(catalogue, "dct:description", literal(p.description, {}, "fr"));
  add(catalogue, "foaf:homepage", iri(p.base_url + urls::list()));
  add(catalogue, "hydra:totalItems", literal(std::to_string(p.total), "xsd:integer"));
  // The page, as hydra describes a partial view of a collection.
  const Term view = iri(page_address(p, p.page));
  add(catalogue, "hydra:view", view);
  g.push_back({view, type, iri("hydra:PartialCollectionView")});
  add(view, "hydra:first", iri(page_address(p, 1)));
  add(view, "hydra:last", iri(page_address(p, p.pages)));
  if (p.page > 1) add(view, "hydra:previous", iri(page_address(p, p.page - 1)));
  if (p.page < p.pages) add(view, "hydra:next", iri(page_address(p, p.page + 1)));

  std::set<std::string> described;  // publishers, themes and places described once
  for (const auto& d : p.datasets) {
    const std::string address = p.base_url + urls::dataset(d.slug);
    const Term ds = iri(address);
    add(catalogue, "dcat:dataset", ds);
    g.push_back({ds, type, iri("dcat:Dataset")});
    add(ds, "dct:identifier", literal(d.slug));
    add(ds, "dct:title", literal(d.title, {}, "fr"));
    add(ds, "dct:description", literal(d.description, {}, "fr"));
    add(ds, "dcat:landingPage", iri(address));
    const Term publisher = iri(p.base_url + organisations::urls::organisation(d.producer_slug));
    add(ds, "dct:publisher", publisher);
    if (described.insert(publisher.value).second) {
      g.push_back({publisher, type, iri("foaf:Agent")});
      add(publisher, "foaf:name", literal(d.producer_name));
    }
    for (const auto& k : keyword_list(d.keywords)) add(ds, "dcat:keyword", literal(k, {}, "fr"));
    for (const auto& t : d.themes) {
      const Term theme = iri(p.base_url + std::string(kThemeParameter) + t.slug);
      add(ds, "dcat:theme", theme);
      if (described.insert(theme.value).second) {
        g.push_back({theme, type, iri("skos:Concept")});
        add(theme, "skos:prefLabel", literal(t.label, {}, "fr"));
      }
    }
    if (auto it = p.places.find(d.id); it != p.places.end())
      for (const auto& t : it->second) {
        const Term place = iri(p.base_url + territories::urls::territory(t.key));
        add(ds, "dct:spatial", place);
        if (described.insert(place.value).second) {
          g.push_back({place, type, iri("dct:Location")});
          add(place, "skos:prefLabel", literal(t.name, {}, "fr"));
        }
      }
    if (const Licence* l = licence(d.licence)) {
      add(ds, "dct:license", iri(l->url));
      if (described.insert(l->url).second) {
        g.push_back({iri(l->url), type, iri("dct:LicenseDocument")});
        add(iri(l->url), "dct:identifier", literal(l->id));
      }
    }
    if (!d.frequency.empty()) add(ds, "dct:accrualPeriodicity", iri(std::string(kFrequencyVocabulary) + d.frequency));
    if (!d.temporal_start.empty() || !d.temporal_end.empty()) {
      const Term period = blank("periode-" + d.slug);
      add(ds, "dct:temporal", period);
      g.push_back({period, type, iri("dct:PeriodOfTime")});
      if (!d.temporal_start.empty()) add(period, "dcat:startDate", literal(d.temporal_start, "xsd:date"));
      if (!d.temporal_end.empty()) add(period, "dcat:endDate", literal(d.temporal_end, "xsd:date"));
    }
    if (!d.issued.empty()) add(ds, "dct:issued", literal(d.issued, "xsd:date"));
    if (!d.modified.empty()) add(ds, "dct:modified", literal(d.modified, "xsd:date"));
    if (!d.conforms_to.empty() || !d.conforms_to_url.empty()) {
      const Term schema = d.conforms_to_url.empty() ? blank("schema-" + d.slug) : iri(d.conforms_to_url);
      add(ds, "dct:conformsTo", schema);
      g.push_back({schema, type, iri("dct:Standard")});
      if (!d.conforms_to.empty()) add(schema, "dct:title", literal(d.conforms_to));
    }
    if (!d.contact.empty()) {
      const Term contact = blank("contact-" + d.slug);
      add(ds, "dcat:contactPoint", contact);
      g.push_back({contact, type, iri("vcard:Kind")});
      if (text::looks_like_email(d.contact))
        add(contact, "vcard:hasEmail", iri("mailto:" + d.contact));
      else
        add(contact, "vcard:hasURL", iri(d.contact));
    }
    for (std::size_t i = 0; i < d.distributions.size(); ++i) {
      const auto& x = d.distributions[i];
      const Term dist = iri(address + "#distribution-" + std::to_string(i + 1));
      add(ds, "dcat:distribution", dist);
      g.push_back({dist, type, iri("dcat:Distribution")});
      add(dist, "dcat:accessURL", iri(x.access_url));
      if (!x.format.empty()) add(dist, "dct:format", literal(x.format));
      if (!x.media_type.empty()) add(dist, "dcat:mediaType", iri(std::string(kMediaTypes) + x.media_type));
      if (x.byte_size) add(dist, "dcat:byteSize", literal(std::to_string(*x.byte_size), "xsd:nonNegativeInteger"));
    }
    if (auto it = p.reuses.find(d.id); it != p.reuses.end())
      for (auto id : it->second) {
        const Term reuse = iri(p.base_url + urls::reuse(id));
        add(ds, "dct:isReferencedBy", reuse);
        add(reuse, "dct:references", ds);
      }
  }
  return g;
}

// --- Reading a catalogue

namespace {

// The triples of a graph by subject, then property.
class Index {
 public:
  explicit Index(const rdf::Graph& g) {
    for (const auto& t : g) by_subject_[key(t.s)].push_back(&t);
  }
  std::vector<const Term*> all(const Term& s, std::string_view property) const {
    std::vector<const Term*> out;
    const std::string p = rdf::expand(property);
    if (auto it = by_subject_.find(key(s)); it != by_subject_.end())
      for (const auto* t : it->second)
        if (t->p.value == p) out.push_back(&t->o);
    return out;
  }
  // The first value of `property`: a literal in French or without language first.
  std::string text(const Term& s, std::string_view property) const {
    std::string any;
    for (const auto* o : all(s, property)) {
      if (o->lang.empty() || o->lang == "fr") return o->value;
      if (any.empty()) any = o->value;
    }
    return any;
  }
  const Term* first(const Term& s, std::string_view property) const {
    auto v = all(s, property);
    return v.empty() ? nullptr : v.front();
  }

 private:
  static std::string key(const Term& t) { return (t.kind == Term::blank ? "_:" : "") + t.value; }
  std::map<std::string, std::vector<const rdf::Triple*>> by_subject_;
};

// A date of xsd:date or xsd:dateTime as yyyy-mm-dd.
std::string day_of(std::string_view s) { return std::string(s.substr(0, std::min<std::size_t>(s.size(), 10))); }

// The territory key an IRI names: ours (…/territoires/29019), or a zone written "fr:commune:29019"
// as data.gouv.fr's spatial zones are (…/zone/fr:region:53).
std::string territory_key(std::string_view iri) {
  if (auto at = iri.rfind("/territoires/"); at != std::string_view::npos) return std::string(iri.substr(at + 13));
  if (auto at = iri.find("fr:"); at != std::string_view::npos) {
    std::string_view rest = iri.substr(at + 3);
    auto colon = rest.find(':');
    if (colon == std::string_view::npos) return {};
    std::string_view level = rest.substr(0, colon), code = rest.substr(colon + 1);
    if (auto slash = code.find_first_of("/@?#"); slash != std::string_view::npos) code = code.substr(0, slash);
    if (code.empty()) return {};
    if (level == "region") return "region-" + text::lower(code);
    if (level == "departement" || level == "commune" || level == "epci" || level == "arrondissement")
      return text::lower(code);
  }
  return {};
}

}  // namespace

std::vector<Imported> imported_datasets(const rdf::Graph& g) {
  Index index(g);
  std::vector<Imported> out;
  const std::string dataset_type = rdf::expand("dcat:Dataset"), type = std::string(rdf::kType);
  std::set<std::string> seen;
  for (const auto& t : g) {
    if (t.p.value != type || t.o.value != dataset_type || !seen.insert(t.s.value).second) continue;
    const Term& ds = t.s;
    Imported e;
    DatasetInput& in = e.input;
    if (auto id = index.text(ds, "dct:identifier"); !id.empty() && text::slugify(id) == id) e.slug = id;
    in.title = index.text(ds, "dct:title");
    in.description = index.text(ds, "dct:description");
    if (const Term* publisher = index.first(ds, "dct:publisher")) {
      e.producer_name = index.text(*publisher, "foaf:name");
      if (auto at = publisher->value.rfind("/organisations/"); at != std::string::npos)
        e.producer_slug = publisher->value.substr(at + 15);
      if (e.producer_name.empty() && publisher->kind == Term::literal) e.producer_name = publisher->value;
    }
    std::vector<std::string> keywords;
    for (const auto* k : index.all(ds, "dcat:keyword")) keywords.push_back(k->value);
    for (const auto& k : keywords) in.keywords += (in.keywords.empty() ? "" : ", ") + k;
    for (const auto* theme : index.all(ds, "dcat:theme")) {
      std::string_view v = theme->value;
      if (auto at = v.find("theme="); at != std::string_view::npos)
        in.themes.push_back(std::string(v.substr(at + 6)));
      else if (auto label = index.text(*theme, "skos:prefLabel"); !label.empty())
        in.themes.push_back(text::slugify(label));
    }
    for (const auto* place : index.all(ds, "dct:spatial")) {
      auto key = territory_key(place->value);
      if (key.empty())
        e.unknown_places.push_back(place->value);
      else
        in.territories.push_back(key);
    }
    if (const Term* l = index.first(ds, "dct:license")) {
      in.licence = l->value;
      for (auto id : kLicenceIds)
        if (const Licence* known = licence(id); known && (l->value == known->url || l->value == id))
          in.licence = std::string(id);
    }
    if (const Term* f = index.first(ds, "dct:accrualPeriodicity")) {
      std::string_view v = f->value;
      if (auto slash = v.rfind('/'); slash != std::string_view::npos) v = v.substr(slash + 1);
      in.frequency = std::string(v);
    }
    if (const Term* period = index.first(ds, "dct:temporal")) {
      in.temporal_start = day_of(index.text(*period, "dcat:startDate"));
      in.temporal_end = day_of(index.text(*period, "dcat:endDate"));
    }
    in.issued = day_of(index.text(ds, "dct:issued"));
    in.modified = day_of(index.text(ds, "dct:modified"));
    if (const Term* schema = index.first(ds, "dct:conformsTo")) {
      in.conforms_to = index.text(*schema, "dct:title");
      if (schema->kind == Term::iri) in.conforms_to_url = schema->value;
    }
    if (const Term* contact = index.first(ds, "dcat:contactPoint")) {
      if (const Term* mail = index.first(*contact, "vcard:hasEmail"))
        in.contact = mail->value.starts_with("mailto:") ? mail->value.substr(7) : mail->value;
      else if (const Term* url = index.first(*contact, "vcard:hasURL"))
        in.contact = url->value;
    }
    // Distributions in the order of their addresses' numbers (ours), else as they come.
    std::vector<const Term*> dists = index.all(ds, "dcat:distribution");
    std::stable_sort(dists.begin(), dists.end(), [](const Term* a, const Term* b) {
      return a->value.size() != b->value.size() ? a->value.size() < b->value.size() : a->value < b->value;
    });
    for (const auto* dist : dists) {
      DistributionInput x;
      if (const Term* a = index.first(*dist, "dcat:accessURL"))
        x.access_url = a->value;
      else if (const Term* d = index.first(*dist, "dcat:downloadURL"))
        x.access_url = d->value;
      x.format = index.text(*dist, "dct:format");
      if (const Term* m = index.first(*dist, "dcat:mediaType")) {
        x.media_type = m->value;
        if (x.media_type.starts_with(kMediaTypes)) x.media_type = x.media_type.substr(kMediaTypes.size());
      }
      x.byte_size = index.text(*dist, "dcat:byteSize");
      in.distributions.push_back(std::move(x));
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace fabrique::datasets
