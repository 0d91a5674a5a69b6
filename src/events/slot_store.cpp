// SQL for an event's programme: its slots and their speakers, with each speaker's consent.
#include "events/store.hpp"

namespace fabrique::events::store {
namespace {

using storage::at;
using storage::nullable;
using storage::secs;

}  // namespace

namespace {

// The slots of an event, or only the one numbered `slot_id` (when not 0), with their speakers.
std::vector<Slot> load_slots(Connection& c, std::int64_t event_id, std::int64_t slot_id) {
  std::vector<Slot> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r :
       storage::query_identity(c, "coalitions",
                               "SELECT s.id, s.starts_at, s.ends_at, s.title, s.kind, s.speakers, k.id, "
                               "k.slug, k.number, k.title, s.version FROM event_slots s "
                               "LEFT JOIN coalitions k ON k.id = s.coalition_id "
                               "WHERE s.event_id = ? AND (? = 0 OR s.id = ?) ORDER BY s.starts_at, s.id",
                               {event_id, slot_id, slot_id})) {
    Slot s{r.integer(0), at(r.integer(1)), at(r.integer(2)), r.text(3), r.text(4), {}, r.text(5), std::nullopt};
    if (!r.is_null(6)) s.coalition = Ref{r.integer(6), r.text(7), r.text(8) + " — " + r.text(9)};
    s.version = r.integer(10);
    index[s.id] = out.size();
    out.push_back(std::move(s));
  }
  // Every speaker of every slot in one more query.
  for (const auto& r : c.query(
           "SELECT sp.id, sp.slot_id, sp.user_id, COALESCE(u.name, ''), COALESCE(u.show_name, 0), sp.consent, o.id, "
           "o.slug, o.name, COALESCE(u.email, '') FROM event_slot_speakers sp JOIN event_slots s ON s.id = sp.slot_id "
           "LEFT JOIN users u ON u.id = sp.user_id LEFT JOIN organisations o ON o.id = sp.organisation_id "
           "WHERE s.event_id = ? AND (? = 0 OR s.id = ?) ORDER BY sp.slot_id, sp.position, sp.id",
           {event_id, slot_id, slot_id})) {
    Speaker sp;
    sp.id = r.integer(0);
    sp.user_id = r.optional_integer(2);
    sp.name = r.text(3);
    sp.email = r.text(9);
    if (auto v = r.optional_integer(5)) sp.consent = *v == 1;
    sp.named = sp.user_id && sp.consent.value_or(r.integer(4) == 1);
    if (!r.is_null(6)) sp.organisation = Ref{r.integer(6), r.text(7), r.text(8)};
    out[index.at(r.integer(1))].speakers.push_back(std::move(sp));
  }
  return out;
}

// Writes the speakers of a slot in their order, each person with their own consent if given.
void insert_speakers(Connection& c, std::int64_t slot_id, const std::vector<Speaker>& speakers) {
  std::int64_t position = 0;
  for (const auto& sp : speakers)
    c.execute(
        "INSERT INTO event_slot_speakers (slot_id, organisation_id, user_id, consent, position) "
        "VALUES (?, ?, ?, ?, ?)",
        {slot_id, sp.organisation ? storage::Value(sp.organisation->id) : storage::Value(nullptr), nullable(sp.user_id),
         sp.consent ? storage::Value(std::int64_t{*sp.consent ? 1 : 0}) : storage::Value(nullptr), ++position});
}

}  // namespace

std::vector<Slot> slots(Connection& c, std::int64_t event_id) { return load_slots(c, event_id, 0); }

std::optional<Slot> slot(Connection& c, std::int64_t event_id, std::int64_t slot_id) {
  if (slot_id == 0) return std::nullopt;
  auto found = load_slots(c, event_id, slot_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void insert_slot(Connection& c, std::int64_t event_id, const Slot& s) {
  const std::int64_t id = c.query_integer(
      "INSERT INTO event_slots (event_id, starts_at, ends_at, title, kind, speakers, coalition_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {event_id, secs(s.starts_at), secs(s.ends_at), s.title, s.kind, s.other_speakers,
       s.coalition ? storage::Value(s.coalition->id) : storage::Value(nullptr)});
  insert_speakers(c, id, s.speakers);
}

bool update_slot(Connection& c, std::int64_t event_id, const Slot& s, std::int64_t base_version) {
  if (c.execute(
          "UPDATE event_slots SET starts_at = ?, ends_at = ?, title = ?, kind = ?, speakers = ?, "
          "coalition_id = ?, version = version + 1 WHERE event_id = ? AND id = ? AND version = ?",
          {secs(s.starts_at), secs(s.ends_at), s.title, s.kind, s.other_speakers,
           s.coalition ? storage::Value(s.coalition->id) : storage::Value(nullptr), event_id, s.id, base_version}) == 0)
    return false;
  // A person who stays a speaker keeps the choice they made; nobody else can make it for them.
  std::map<std::int64_t, bool> consents;
  for (const auto& r : c.query("SELECT user_id, consent FROM event_slot_speakers "
                               "WHERE slot_id = ? AND user_id IS NOT NULL AND consent IS NOT NULL",
                               {s.id}))
    consents[r.integer(0)] = r.integer(1) == 1;
  std::vector<Speaker> speakers = s.speakers;
  for (auto& sp : speakers)
    if (sp.user_id)
      if (auto found = consents.find(*sp.user_id); found != consents.end()) sp.consent = found->second;
  c.execute("DELETE FROM event_slot_speakers WHERE slot_id = ?", {s.id});
  insert_speakers(c, s.id, speakers);
  return true;
}

bool set_speaker_consent(Connection& c, std::int64_t event_id, std::int64_t slot_id, std::int64_t user_id,
                         bool consent) {
  return c.execute(
             "UPDATE event_slot_speakers SET consent = ? WHERE slot_id = ? AND user_id = ? AND slot_id IN "
             "(SELECT id FROM event_slots WHERE event_id = ?)",
             {std::int64_t{consent ? 1 : 0}, slot_id, user_id, event_id}) > 0;
}

std::optional<Ref> first_organisation(Connection& c, std::int64_t user_id) {
  auto r = c.query_one(
      "SELECT o.id, o.slug, o.name FROM user_organisations uo JOIN organisations o "
      "ON o.id = uo.organisation_id WHERE uo.user_id = ? ORDER BY o.name_key LIMIT 1",
      {user_id});
  if (!r) return std::nullopt;
  return Ref{r->integer(0), r->text(1), r->text(2)};
}

bool delete_slot(Connection& c, std::int64_t event_id, std::int64_t slot_id) {
  return c.execute("DELETE FROM event_slots WHERE event_id = ? AND id = ?", {event_id, slot_id}) > 0;
}

}  // namespace fabrique::events::store
