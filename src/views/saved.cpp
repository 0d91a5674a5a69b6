// The confirmation a page shows after a save brought the person back to it.
#include "views/saved.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/numbers.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::views {

using i18n::N_;

namespace {

constexpr std::string_view kMarker = "enregistre";
constexpr std::string_view kMerged = "fusion";

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
    {Saved::dataset, "donnees", N_("The dataset is saved.")},
    {Saved::reuse, "reutilisation", N_("The reuse is saved.")},
    {Saved::reuse_answer, "reponse", N_("Your answer is published.")},
    {Saved::data_request, "demande", N_("Your request is sent: the producers of such data are told.")},
    {Saved::data_request_support, "moi-aussi", N_("Your “me too” is saved.")},
    {Saved::data_request_answer, "reponse-demande", N_("The answer is saved: the people who asked are told.")},
    {Saved::post, "billet", N_("The post is saved.")},
    {Saved::restored, "restauration", N_("The revision is restored: it is now the current one.")},
    {Saved::resource_published, "ressource-publiee", N_("The resource is published.")},
    {Saved::card_published, "experience-publiee", N_("The experience card is published.")},
    {Saved::proposal_adopted, "proposition-adoptee", N_("The proposal is adopted: its coalition is open.")},
    {Saved::proposal_merged, "proposition-fusionnee", N_("The proposal is merged into the coalition.")},
    {Saved::proposal_declined, "proposition-declinee", N_("The proposal is declined.")},
    {Saved::organisation, "organisation", N_("The organisation is saved.")},
    {Saved::slot, "creneau", N_("The slot is saved.")},
    {Saved::registered, "inscription", N_("You are registered.")},
    {Saved::waiting, "liste-d-attente", N_("You are on the waiting list: you will be told if a place frees up.")},
    {Saved::registration_cancelled, "desinscription", N_("The registration is cancelled.")},
    {Saved::attendance, "presences", N_("Attendance is saved.")},
    {Saved::consent, "consentement", N_("Your choice is saved.")},
    {Saved::slot_removed, "creneau-retire", N_("The slot is removed.")},
    {Saved::item_removed, "element-retire", N_("The item is removed from the minutes.")},
    {Saved::attachment_removed, "piece-retiree", N_("The attachment is removed.")},
    {Saved::calendar_revoked, "agenda-revoque", N_("The calendar link is revoked: it no longer works.")},
    {Saved::proposal_sent, "proposition", N_("The proposal is sent.")},
    {Saved::proposal_scheduled, "proposition-programmee", N_("The proposal is scheduled.")},
    {Saved::interest_withdrawn, "interet-retire", N_("Your interest is withdrawn.")},
    {Saved::role, "role", N_("The member's role is saved.")},
    {Saved::charter_draft, "charte", N_("The draft of the charter is saved.")},
    {Saved::consultation, "consultation", N_("The consultation is open.")},
    {Saved::comment, "commentaire", N_("Your comment is saved.")},
    {Saved::charter_adopted, "charte-adoptee", N_("This version of the charter is adopted.")},
    {Saved::charter_signed, "signature", N_("The charter is signed.")},
    {Saved::resource_deleted, "ressource-supprimee", N_("The resource is deleted.")},
    {Saved::decision, "decision", N_("The decision is open.")},
    {Saved::answer, "reponse", N_("Your answer is saved.")},
    {Saved::decision_closed, "decision-close", N_("The decision is closed.")},
    {Saved::list, "liste", N_("The list is saved.")},
};

const Kind& kind_of(Saved what) {
  for (const auto& k : kKinds)
    if (k.what == what) return k;
  return kKinds[0];  // every Saved is listed above
}

// `location` with `name=value` added to its query, before its fragment.
std::string marked(std::string_view location, std::string_view name, std::string_view value) {
  const std::size_t hash = std::min(location.find('#'), location.size());
  const std::string_view before = location.substr(0, hash);
  std::string out(before);
  out += before.find('?') == std::string_view::npos ? '?' : '&';
  out += name;
  out += '=';
  out += value;
  out += location.substr(hash);
  return out;
}

}  // namespace

std::string saved(std::string_view location, Saved what) { return marked(location, kMarker, kind_of(what).word); }

std::string merged(std::string_view location, std::int64_t revision) {
  return marked(location, kMerged, std::to_string(revision));
}

http::Response redirect_saved(std::string_view location, Saved what) {
  return http::Response::redirect(saved(location, what));
}

std::string saved_message(const http::Context& ctx) {
  if (!ctx.user) return {};
  if (auto n = numbers::whole(ctx.query.get(kMerged), 1, numbers::kMaxId))
    return fmt::format(fmt::runtime(ctx.tr(N_("Saved. Revision {} was saved while you were editing: your changes were "
                                              "merged with it, and nothing of either was lost."))),
                       *n);
  const std::string word = ctx.query.get(kMarker);
  if (word.empty()) return {};
  for (const auto& k : kKinds)
    if (word == k.word) return ctx.tr(k.message);
  return {};
}

}  // namespace fabrique::views
