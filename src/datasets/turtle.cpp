// The register's RDF graph written as Turtle by serd (Debian's libserd-dev), which escapes literals
// and IRIs and groups each subject's statements: never Turtle made by string concatenation.
// Compiled outside the unity batches, the only file given serd's include directory (CMakeLists.txt).
#include <serd/serd.h>

#include <memory>

#include "datasets/rdf.hpp"

namespace fabrique::datasets::rdf {

namespace {

const std::uint8_t* bytes(const std::string& s) { return reinterpret_cast<const std::uint8_t*>(s.c_str()); }

std::size_t append(const void* buf, std::size_t len, void* stream) {
  static_cast<std::string*>(stream)->append(static_cast<const char*>(buf), len);
  return len;
}

SerdNode node_of(const Term& t) {
  switch (t.kind) {
    case Term::iri:
      return serd_node_from_string(SERD_URI, bytes(t.value));
    case Term::blank:
      return serd_node_from_string(SERD_BLANK, bytes(t.value));
    case Term::literal:
      break;
  }
  return serd_node_from_string(SERD_LITERAL, bytes(t.value));
}

}  // namespace

std::string to_turtle(const Graph& g) {
  std::string out;
  std::unique_ptr<SerdEnv, decltype(&serd_env_free)> env(serd_env_new(nullptr), serd_env_free);
  std::unique_ptr<SerdWriter, decltype(&serd_writer_free)> writer(
      serd_writer_new(SERD_TURTLE, static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED), env.get(),
                      nullptr, append, &out),
      serd_writer_free);
  for (const auto& [prefix, ns] : kPrefixes) {
    const std::string p(prefix), n(ns);
    SerdNode name = serd_node_from_string(SERD_LITERAL, bytes(p)), uri = serd_node_from_string(SERD_URI, bytes(n));
    serd_env_set_prefix(env.get(), &name, &uri);
    serd_writer_set_prefix(writer.get(), &name, &uri);
  }
  for (const auto& t : g) {
    SerdNode s = node_of(t.s), p = node_of(t.p), o = node_of(t.o);
    SerdNode datatype = serd_node_from_string(SERD_URI, bytes(t.o.datatype));
    SerdNode lang = serd_node_from_string(SERD_LITERAL, bytes(t.o.lang));
    const bool typed = t.o.kind == Term::literal && !t.o.datatype.empty();
    const bool tagged = t.o.kind == Term::literal && !t.o.lang.empty();
    serd_writer_write_statement(writer.get(), 0, nullptr, &s, &p, &o, typed ? &datatype : nullptr,
                                tagged ? &lang : nullptr);
  }
  serd_writer_finish(writer.get());
  return out;
}

}  // namespace fabrique::datasets::rdf
