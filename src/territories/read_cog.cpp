// Reading the COG from the data files of the npm package @etalab/decoupage-administratif.
#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "territories/use_cases.hpp"

namespace fabrique::territories {

namespace {

namespace bj = boost::json;

bj::array array_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code error;
  bj::value v = bj::parse(text.str(), error);
  if (error || !v.is_array()) throw std::runtime_error(path.string() + " is not a JSON array");
  return std::move(v.as_array());
}

std::string text_of(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::optional<std::int64_t> number_of(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  if (v && v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
  return std::nullopt;
}

// Each object of `items` that has the fields every row needs; anything else makes the file wrong.
template <class F>
void each_object(const bj::array& items, const std::filesystem::path& path, F&& f) {
  for (const auto& item : items) {
    if (!item.is_object() || text_of(item.as_object(), "nom").empty())
      throw std::runtime_error(path.string() + ": an item without a name");
    f(item.as_object());
  }
}

}  // namespace

Cog read_cog(const std::filesystem::path& dir) {
  Cog cog;
  cog.source = "@etalab/decoupage-administratif";
  if (std::ifstream package(dir / ".." / "package.json"); package) {
    std::ostringstream text;
    text << package.rdbuf();
    boost::system::error_code error;
    bj::value v = bj::parse(text.str(), error);
    if (!error && v.is_object()) {
      if (auto version = text_of(v.as_object(), "version"); !version.empty()) cog.source += " " + version;
    }
  }
  each_object(array_file(dir / "regions.json"), dir / "regions.json", [&](const bj::object& o) {
    cog.regions.push_back({text_of(o, "code"), text_of(o, "nom")});
  });
  each_object(array_file(dir / "departements.json"), dir / "departements.json", [&](const bj::object& o) {
    cog.departements.push_back({text_of(o, "code"), text_of(o, "nom"), text_of(o, "region")});
  });
  each_object(array_file(dir / "epci.json"), dir / "epci.json", [&](const bj::object& o) {
    Cog::Epci e{text_of(o, "code"), text_of(o, "nom"), text_of(o, "type"), number_of(o, "populationTotale"), {}};
    if (const bj::value* members = o.if_contains("membres"); members && members->is_array())
      for (const auto& m : members->as_array())
        if (m.is_object()) e.communes.push_back(text_of(m.as_object(), "code"));
    cog.epcis.push_back(std::move(e));
  });
  each_object(array_file(dir / "communes.json"), dir / "communes.json", [&](const bj::object& o) {
    const std::string type = text_of(o, "type");
    if (type != "commune-actuelle" && type != "arrondissement-municipal") return;  // former communes share codes
    Cog::Commune c{text_of(o, "code"),   text_of(o, "nom"),     text_of(o, "siren"),       text_of(o, "departement"),
                   text_of(o, "region"), text_of(o, "commune"), number_of(o, "population")};
    (type == "commune-actuelle" ? cog.communes : cog.arrondissements).push_back(std::move(c));
  });
  return cog;
}

}  // namespace fabrique::territories
