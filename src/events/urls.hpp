// The events' addresses, written once: pages, templates, mails and redirects use these (the route
// table in http/routes.cpp keeps its patterns).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::events::urls {

inline std::string list() { return "/evenements"; }
inline std::string new_event() { return "/evenements/nouveau"; }
inline std::string kinds() { return "/evenements/types"; }
inline std::string mine() { return "/evenements/mes-inscriptions"; }
inline std::string renew_calendar() { return mine() + "/agenda"; }
inline std::string revoke_calendar() { return mine() + "/agenda/revoquer"; }
// The private calendar of the person holding `token`.
inline std::string personal_calendar() { return "/evenements/agenda.ics"; }
inline std::string personal_ics(std::string_view token) { return personal_calendar() + "?jeton=" + std::string(token); }
inline std::string list_ics() { return "/evenements.ics"; }
inline std::string list_json() { return "/evenements.json"; }
inline std::string list_csv() { return "/evenements.csv"; }
inline std::string coalition_ics(std::string_view coalition_slug) {
  return "/coalitions/" + std::string(coalition_slug) + "/evenements.ics";
}

inline std::string event(std::string_view slug) { return "/evenements/" + std::string(slug); }
inline std::string series_feed(std::string_view slug) { return event(slug) + "/serie.atom"; }  // of its series
inline std::string event_ics(std::string_view slug) { return event(slug) + ".ics"; }
inline std::string event_json(std::string_view slug) { return event(slug) + ".json"; }
inline std::string edit(std::string_view slug) { return event(slug) + "/modifier"; }
inline std::string register_(std::string_view slug) { return event(slug) + "/inscription"; }
inline std::string cancel(std::string_view slug) { return event(slug) + "/annulation"; }
inline std::string registrations(std::string_view slug) { return event(slug) + "/inscrits"; }  // for organisers
inline std::string registrations_csv(std::string_view slug) { return event(slug) + "/inscrits.csv"; }
inline std::string attendance(std::string_view slug) { return event(slug) + "/presences"; }
inline std::string follow_series(std::string_view slug) { return event(slug) + "/serie/suivre"; }

// The date poll of an event whose date is to be confirmed (date_poll.hpp).
inline std::string date_poll(std::string_view slug) { return event(slug) + "/dates"; }
inline std::string add_poll_slot(std::string_view slug) { return date_poll(slug) + "/creneaux"; }
inline std::string remove_poll_slot(std::string_view slug, std::int64_t id) {
  return add_poll_slot(slug) + "/" + std::to_string(id) + "/supprimer";
}
inline std::string answer_poll(std::string_view slug) { return date_poll(slug) + "/reponses"; }
inline std::string choose_date(std::string_view slug) { return date_poll(slug) + "/choix"; }

inline std::string programme(std::string_view slug) { return event(slug) + "/programme"; }
inline std::string new_slot(std::string_view slug) { return programme(slug) + "/nouvelle"; }  // the form adding one
inline std::string slot(std::string_view slug, std::int64_t id) { return programme(slug) + "/" + std::to_string(id); }
inline std::string edit_slot(std::string_view slug, std::int64_t id) { return slot(slug, id) + "/modifier"; }
inline std::string remove_slot(std::string_view slug, std::int64_t id) { return slot(slug, id) + "/supprimer"; }
inline std::string consent(std::string_view slug, std::int64_t id) { return slot(slug, id) + "/consentement"; }

inline std::string minutes(std::string_view slug) { return event(slug) + "/compte-rendu"; }
inline std::string minutes_json(std::string_view slug) { return minutes(slug) + ".json"; }
inline std::string edit_minutes(std::string_view slug) { return minutes(slug) + "/modifier"; }
inline std::string minutes_history(std::string_view slug) { return minutes(slug) + "/historique"; }
inline std::string compare_minutes(std::string_view slug) { return minutes_history(slug) + "/comparer"; }
inline std::string restore_minutes(std::string_view slug, std::int64_t number) {
  return minutes_history(slug) + "/" + std::to_string(number) + "/restaurer";
}
// The minutes with the organisers' fold `fold` drawn open and scrolled to, after a save in it: one of
// "questions", "decisions", "suites" or "pieces", also the fold's id.
inline std::string minutes_open(std::string_view slug, std::string_view fold) {
  return minutes(slug) + "?ouvert=" + std::string(fold) + "#" + std::string(fold);
}
inline std::string items(std::string_view slug) { return minutes(slug) + "/elements"; }
inline std::string new_item(std::string_view slug) { return items(slug) + "/nouveau"; }  // the form adding one
inline std::string edit_item(std::string_view slug, std::int64_t id) {
  return items(slug) + "/" + std::to_string(id) + "/modifier";
}
inline std::string remove_item(std::string_view slug, std::int64_t id) {
  return items(slug) + "/" + std::to_string(id) + "/supprimer";
}
inline std::string attachments(std::string_view slug) { return minutes(slug) + "/pieces"; }
inline std::string new_attachment(std::string_view slug) { return attachments(slug) + "/nouvelle"; }  // the form
inline std::string attachment(std::string_view slug, std::int64_t id) {
  return attachments(slug) + "/" + std::to_string(id);
}
inline std::string remove_attachment(std::string_view slug, std::int64_t id) {
  return attachment(slug, id) + "/supprimer";
}

// Breakout groups (groups.hpp).
inline std::string groups(std::string_view slug) { return event(slug) + "/groupes"; }
inline std::string spread_groups(std::string_view slug) { return groups(slug) + "/repartir"; }
inline std::string group(std::string_view slug, std::int64_t id) { return groups(slug) + "/" + std::to_string(id); }
inline std::string group_notes(std::string_view slug, std::int64_t id) { return group(slug, id) + "/notes"; }
inline std::string remove_group_note(std::string_view slug, std::int64_t id, std::int64_t note) {
  return group_notes(slug, id) + "/" + std::to_string(note) + "/supprimer";
}

inline std::string proposals() { return "/propositions"; }
inline std::string proposals_json() { return "/propositions.json"; }
inline std::string new_proposal() { return "/propositions/nouvelle"; }
inline std::string proposal(std::int64_t id) { return proposals() + "#proposition-" + std::to_string(id); }
inline std::string schedule_proposal(std::int64_t id) { return "/propositions/" + std::to_string(id) + "/programmer"; }
inline std::string decide_proposal(std::int64_t id) { return "/propositions/" + std::to_string(id) + "/decision"; }

}  // namespace fabrique::events::urls
