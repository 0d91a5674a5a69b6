// The register's RDF graph written as JSON-LD, and JSON-LD documents read back into triples.
#include "datasets/rdf.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <stdexcept>

namespace fabrique::datasets::rdf {

namespace json = boost::json;

std::string expand(std::string_view curie) {
  auto colon = curie.find(':');
  if (colon != std::string_view::npos && curie.substr(colon + 1, 2) != "//")
    for (const auto& [prefix, ns] : kPrefixes)
      if (curie.substr(0, colon) == prefix) return std::string(ns) + std::string(curie.substr(colon + 1));
  return std::string(curie);
}

std::string compact(std::string_view full) {
  for (const auto& [prefix, ns] : kPrefixes)
    if (full.starts_with(ns) && full.size() > ns.size())
      return std::string(prefix) + ":" + std::string(full.substr(ns.size()));
  return std::string(full);
}

Term iri(std::string_view v) {
  // Characters an IRI may not hold in Turtle (and JSON-LD readers refuse) are percent-encoded, the
  // same in both exports.
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto unsafe = [](char c) {
    const auto ch = static_cast<unsigned char>(c);
    return ch <= 0x20 || ch == '<' || ch == '>' || ch == '"' || ch == '{' || ch == '}' || ch == '|' || ch == '^' ||
           ch == '`' || ch == '\\';
  };
  std::string full = expand(v);
  // Most IRIs need nothing: kept as they are, not copied a byte at a time.
  if (std::none_of(full.begin(), full.end(), unsafe)) return {Term::iri, std::move(full), "", ""};
  std::string out;
  out.reserve(full.size() + 8);
  for (char c : full) {
    const auto ch = static_cast<unsigned char>(c);
    if (unsafe(c)) {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    } else {
      out += static_cast<char>(ch);
    }
  }
  return {Term::iri, std::move(out), "", ""};
}

Term blank(std::string_view label) { return {Term::blank, std::string(label), "", ""}; }

Term literal(std::string_view text, std::string_view datatype, std::string_view lang) {
  return {Term::literal, std::string(text), datatype.empty() ? std::string() : expand(datatype), std::string(lang)};
}

namespace {

json::value value_of(const Term& o) {
  switch (o.kind) {
    case Term::iri:
      return json::object{{"@id", o.value}};
    case Term::blank:
      return json::object{{"@id", "_:" + o.value}};
    case Term::literal:
      break;
  }
  json::object v{{"@value", o.value}};
  if (!o.datatype.empty()) v["@type"] = compact(o.datatype);
  if (!o.lang.empty()) v["@language"] = o.lang;
  return v;
}

std::string id_of(const Term& s) { return s.kind == Term::blank ? "_:" + s.value : s.value; }

}  // namespace

std::string to_jsonld(const Graph& g) {
  json::object context;
  for (const auto& [prefix, ns] : kPrefixes) context[prefix] = ns;
  json::array nodes;
  std::map<std::string, std::size_t> at;  // subject → its node in `nodes`
  for (const auto& t : g) {
    const std::string id = id_of(t.s);
    auto [it, added] = at.try_emplace(id, nodes.size());
    if (added) nodes.push_back(json::object{{"@id", id}});
    json::object& node = nodes[it->second].as_object();
    if (t.p.value == kType && t.o.kind == Term::iri) {
      if (!node.contains("@type")) node["@type"] = json::array();
      node["@type"].as_array().push_back(json::value(compact(t.o.value)));
      continue;
    }
    const std::string key = compact(t.p.value);
    if (!node.contains(key)) node[key] = json::array();
    node[key].as_array().push_back(value_of(t.o));
  }
  return json::serialize(json::object{{"@context", std::move(context)}, {"@graph", std::move(nodes)}});
}

// --- Reading JSON-LD

namespace {

// What a context says: prefixes and terms (name → IRI, and the type of its values), its @vocab and
// its default language.
struct Context {
  struct Definition {
    std::string id;
    std::string type;  // "@id", a datatype IRI, or empty
    bool list_or_set = false;
  };
  std::map<std::string, Definition> terms;
  std::string vocab, language;
};

class Reader {
 public:
  Graph graph;

  Context with(const Context& outer, const json::value& local) {
    Context c = outer;
    if (local.is_array()) {
      for (const auto& item : local.as_array()) c = with(c, item);
      return c;
    }
    if (!local.is_object()) return c;  // a remote context is not fetched: the document's own terms only
    const auto& o = local.as_object();
    if (auto v = o.if_contains("@vocab"); v && v->is_string()) c.vocab = std::string(v->as_string());
    if (auto v = o.if_contains("@language"); v && v->is_string()) c.language = std::string(v->as_string());
    // Two passes: a term may be written with a prefix defined after it.
    for (int pass = 0; pass < 2; ++pass)
      for (const auto& [key, def] : o) {
        if (key.starts_with("@")) continue;
        Context::Definition d;
        if (def.is_string()) {
          d.id = std::string(def.as_string());
        } else if (def.is_object()) {
          const auto& x = def.as_object();
          if (auto id = x.if_contains("@id"); id && id->is_string()) d.id = std::string(id->as_string());
          if (auto t = x.if_contains("@type"); t && t->is_string()) d.type = std::string(t->as_string());
          if (auto k = x.if_contains("@container"); k && k->is_string())
            d.list_or_set = k->as_string() == "@list" || k->as_string() == "@set";
          if (d.id.empty()) d.id = std::string(key);
        } else {
          continue;
        }
        d.id = iri_of(c, d.id, false);
        if (!d.type.empty() && d.type != "@id" && d.type != "@vocab") d.type = iri_of(c, d.type, true);
        c.terms[std::string(key)] = d;
      }
    return c;
  }

  // A key, a type or an @id as an IRI: a term, a prefix:suffix, a blank node, an absolute IRI, or a
  // word under @vocab (`vocab`); empty when it is none of those.
  std::string iri_of(const Context& c, std::string_view s, bool vocab) {
    if (vocab)
      if (auto it = c.terms.find(std::string(s)); it != c.terms.end()) return it->second.id;
    if (s.starts_with("_:")) return std::string(s);
    auto colon = s.find(':');
    if (colon != std::string_view::npos) {
      std::string prefix(s.substr(0, colon));
      if (auto it = c.terms.find(prefix); it != c.terms.end() && s.substr(colon + 1, 2) != "//")
        return it->second.id + std::string(s.substr(colon + 1));
      return std::string(s);  // absolute
    }
    if (vocab && !c.vocab.empty()) return c.vocab + std::string(s);
    return {};
  }

  Term subject_of(const std::string& id) {
    if (id.starts_with("_:")) return blank(id.substr(2));
    return {Term::iri, id, "", ""};
  }

  Term node(const json::object& o, const Context& outer) {
    Context c = outer;
    if (auto local = o.if_contains("@context")) c = with(c, *local);
    Term s;
    if (auto id = o.if_contains("@id"); id && id->is_string()) {
      std::string full = iri_of(c, id->as_string(), false);
      s = full.empty() ? blank("n" + std::to_string(++blanks_)) : subject_of(full);
    } else {
      s = blank("n" + std::to_string(++blanks_));
    }
    for (const auto& [key, value] : o) {
      if (key == "@id" || key == "@context") continue;
      if (key == "@type") {
        for_each(value, [&](const json::value& t) {
          if (t.is_string())
            if (auto full = iri_of(c, t.as_string(), true); !full.empty())
              graph.push_back({s, {Term::iri, std::string(kType), "", ""}, subject_of(full)});
        });
        continue;
      }
      if (key == "@graph") {
        for_each(value, [&](const json::value& n) {
          if (n.is_object()) node(n.as_object(), c);
        });
        continue;
      }
      if (key.starts_with("@")) continue;
      const std::string p = iri_of(c, key, true);
      if (p.empty() || p.starts_with("_:")) continue;
      const Context::Definition* def = nullptr;
      if (auto it = c.terms.find(std::string(key)); it != c.terms.end()) def = &it->second;
      for_each(value, [&](const json::value& v) {
        if (auto o2 = object_of(v, c, def)) graph.push_back({s, {Term::iri, p, "", ""}, *o2});
      });
    }
    return s;
  }

 private:
  int blanks_ = 0;

  template <class F>
  void for_each(const json::value& v, F&& f) {
    if (v.is_array()) {
      for (const auto& item : v.as_array()) for_each(item, f);
    } else if (v.is_object() && (v.as_object().contains("@list") || v.as_object().contains("@set"))) {
      const auto& o = v.as_object();
      for_each(o.contains("@list") ? o.at("@list") : o.at("@set"), f);
    } else {
      f(v);
    }
  }

  std::optional<Term> object_of(const json::value& v, const Context& c, const Context::Definition* def) {
    if (v.is_null()) return std::nullopt;
    if (v.is_string()) {
      const std::string text(v.as_string());
      if (def && (def->type == "@id" || def->type == "@vocab")) {
        auto full = iri_of(c, text, def->type == "@vocab");
        if (full.empty()) return std::nullopt;
        return subject_of(full);
      }
      if (def && !def->type.empty()) return literal(text, def->type);
      return literal(text, {}, c.language);
    }
    if (v.is_bool()) return literal(v.as_bool() ? "true" : "false", "xsd:boolean");
    if (v.is_int64()) return literal(std::to_string(v.as_int64()), "xsd:integer");
    if (v.is_uint64()) return literal(std::to_string(v.as_uint64()), "xsd:integer");
    if (v.is_double()) return literal(json::serialize(v), "xsd:double");
    if (!v.is_object()) return std::nullopt;
    const auto& o = v.as_object();
    if (auto value = o.if_contains("@value")) {
      std::string text = value->is_string() ? std::string(value->as_string()) : json::serialize(*value);
      std::string type, lang;
      if (auto t = o.if_contains("@type"); t && t->is_string()) type = iri_of(c, t->as_string(), true);
      if (auto l = o.if_contains("@language"); l && l->is_string()) lang = std::string(l->as_string());
      return Term{Term::literal, std::move(text), std::move(type), std::move(lang)};
    }
    return node(o, c);
  }
};

}  // namespace

Graph read_jsonld(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec || !(doc.is_object() || doc.is_array())) throw std::runtime_error("not a JSON-LD document");
  Reader r;
  if (doc.is_array()) {
    for (const auto& n : doc.as_array())
      if (n.is_object()) r.node(n.as_object(), {});
  } else {
    r.node(doc.as_object(), {});
  }
  return std::move(r.graph);
}

}  // namespace fabrique::datasets::rdf
