// The confirmation a page shows after a save brought the person back to it.
#include "views/saved.hpp"

#include <algorithm>

#include "i18n/i18n.hpp"

namespace fabrique::views {

using i18n::N_;

namespace {

constexpr std::string_view kMarker = "enregistre";

struct Kind {
  Saved what;
  const char* word;     // in the address
  const char* message;  // msgid
};

constexpr Kind kKinds[] = {
    {Saved::coalition, "coalition", N_("The coalition is created.")},
    {Saved::booklet, "livret", N_("The booklet is saved.")},
    {Saved::fiche, "fiche", N_("The coalition's details are saved.")},
    {Saved::event, "evenement", N_("The event is saved.")},
    {Saved::minutes, "compte-rendu", N_("The minutes are saved.")},
    {Saved::action, "action", N_("The action is saved.")},
    {Saved::indicator, "indicateur", N_("The indicator is saved.")},
    {Saved::measurement, "mesure", N_("The measurement is saved.")},
    {Saved::measurement_removed, "mesure-retiree", N_("The measurement is removed.")},
    {Saved::resource, "ressource", N_("The resource is saved.")},
    {Saved::card, "experience", N_("The experience card is saved.")},
    {Saved::entry, "algorithme", N_("The register entry is saved.")},
    {Saved::post, "billet", N_("The post is saved.")},
    {Saved::restored, "restauration", N_("The revision is restored: it is now the current one.")},
};

const Kind& kind_of(Saved what) {
  for (const auto& k : kKinds)
    if (k.what == what) return k;
  return kKinds[0];  // every Saved is listed above
}

}  // namespace

std::string saved(std::string_view location, Saved what) {
  const std::size_t hash = std::min(location.find('#'), location.size());
  const std::string_view before = location.substr(0, hash);
  std::string out(before);
  out += before.find('?') == std::string_view::npos ? '?' : '&';
  out += kMarker;
  out += '=';
  out += kind_of(what).word;
  out += location.substr(hash);
  return out;
}

http::Response redirect_saved(std::string_view location, Saved what) {
  return http::Response::redirect(saved(location, what));
}

std::string saved_message(const http::Context& ctx) {
  if (!ctx.user) return {};
  const std::string word = ctx.query.get(kMarker);
  if (word.empty()) return {};
  for (const auto& k : kKinds)
    if (word == k.word) return ctx.tr(k.message);
  return {};
}

}  // namespace fabrique::views
