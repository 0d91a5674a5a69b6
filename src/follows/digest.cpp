// The digest chore: what changed, during the last day or week, in what each person follows, in one
// mail — or none when nothing changed. The changes of a period are read once per round for every
// subject followed by the people of the batch (a few queries per round, none per person).
#include <date/date.h>
#include <fmt/format.h>

#include <map>
#include <set>

#include "accounts/by_mail.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/view_models.hpp"
#include "commons/urls.hpp"
#include "events/urls.hpp"
#include "follows/follows.hpp"
#include "notifications/notifications.hpp"
#include "notifications/urls.hpp"
#include "roadmaps/urls.hpp"

namespace fabrique::follows {

using i18n::N_;
using storage::secs;

namespace {

// One thing that changed, written in the reader's language when the mail is composed.
struct Change {
  const char* message = nullptr;  // msgid with "{}" for `what` (and a second for `when`)
  std::string what;
  std::optional<sys_seconds> when;
  std::string path;
  long revisions = 0;  // > 0: the booklet's revisions during the period, and nothing else
  bool stage = false;  // `what` is a stage's slug, shown by its translated name
};

using Key = std::pair<std::string, std::int64_t>;  // subject, id

// The changes during [from, until) of every subject in `followed`.
std::map<Key, std::vector<Change>> changes(storage::Connection& c, const std::set<Key>& followed, sys_seconds from,
                                           sys_seconds until) {
  std::map<Key, std::vector<Change>> out;
  std::vector<std::int64_t> coalitions, series, organisations;
  for (const auto& [subject, id] : followed)
    (subject == "coalition" ? coalitions : subject == "series" ? series : organisations).push_back(id);
  auto run = [&](const std::vector<std::int64_t>& ids, const std::string& sql,
                 const std::function<void(const storage::Row&)>& each) {
    if (ids.empty()) return;
    storage::Params p{secs(from), secs(until) - 1};  // BETWEEN: both ends included
    for (auto id : ids) p.push_back(id);
    for (const auto& r : c.query(fmt::format(fmt::runtime(sql), storage::placeholders(ids.size())), p)) each(r);
  };
  const std::string in_period = "BETWEEN ? AND ?";
  run(coalitions,
      "SELECT coalition_id, COUNT(*) FROM booklet_revisions WHERE created_at " + in_period +
          " AND coalition_id IN ({}) GROUP BY coalition_id",
      [&](const storage::Row& r) {
        Change x;
        x.revisions = static_cast<long>(r.integer(1));
        out[{"coalition", r.integer(0)}].push_back(x);
      });
  run(coalitions,
      "SELECT s.coalition_id, s.to_stage, k.slug FROM coalition_stage_changes s JOIN coalitions k ON k.id = "
      "s.coalition_id WHERE s.changed_at " +
          in_period + " AND s.coalition_id IN ({}) ORDER BY s.changed_at",
      [&](const storage::Row& r) {
        Change x{N_("Now at the stage: {}"), r.text(1), std::nullopt, coalitions::urls::coalition(r.text(2))};
        x.stage = true;
        out[{"coalition", r.integer(0)}].push_back(x);
      });
  run(coalitions,
      "SELECT a.coalition_id, a.title, a.victory, k.slug FROM actions a JOIN coalitions k ON k.id = a.coalition_id "
      "WHERE a.created_at " +
          in_period + " AND a.coalition_id IN ({}) ORDER BY a.created_at",
      [&](const storage::Row& r) {
        out[{"coalition", r.integer(0)}].push_back({r.boolean(2) ? N_("New victory to win: {}") : N_("New action: {}"),
                                                    r.text(1), std::nullopt, roadmaps::urls::roadmap(r.text(3))});
      });
  run(coalitions,
      "SELECT rc.coalition_id, r.title, r.slug FROM resource_coalitions rc JOIN resources r ON r.id = rc.resource_id "
      "WHERE r.status = 'published' AND r.published_at " +
          in_period + " AND rc.coalition_id IN ({}) ORDER BY r.published_at",
      [&](const storage::Row& r) {
        out[{"coalition", r.integer(0)}].push_back(
            {N_("New resource: {}"), r.text(1), std::nullopt, commons::urls::resource(r.text(2))});
      });
  // Events and minutes reach a coalition by its links, a series by its occurrences, an organisation
  // by what it organises.
  struct Link {
    const char* subject;
    const std::vector<std::int64_t>& ids;
    std::string join, column;
  };
  const Link links[] = {
      {"coalition", coalitions, "JOIN event_coalitions l ON l.event_id = e.id", "l.coalition_id"},
      {"series", series, "", "e.series_id"},
      {"organisation", organisations, "JOIN event_organisations l ON l.event_id = e.id AND l.role = 'organiser'",
       "l.organisation_id"}};
  for (const auto& link : links) {
    run(link.ids,
        "SELECT " + link.column + ", e.title, e.slug, e.starts_at FROM events e " + link.join + " WHERE e.created_at " +
            in_period + " AND " + link.column + " IN ({}) ORDER BY e.starts_at",
        [&](const storage::Row& r) {
          out[{link.subject, r.integer(0)}].push_back(
              {N_("New event: {}, on {}"), r.text(1), storage::at(r.integer(3)), events::urls::event(r.text(2))});
        });
    run(link.ids,
        "SELECT " + link.column + ", e.title, e.slug FROM events e " + link.join +
            " JOIN minutes_revisions m ON m.event_id = e.id AND m.number = 1 WHERE m.created_at " + in_period +
            " AND " + link.column + " IN ({}) ORDER BY m.created_at",
        [&](const storage::Row& r) {
          out[{link.subject, r.integer(0)}].push_back(
              {N_("Minutes published: {}"), r.text(1), std::nullopt, events::urls::minutes(r.text(2))});
        });
  }
  return out;
}

// The period of `f` that ended last before `now`.
std::pair<sys_seconds, sys_seconds> last_period(Frequency f, sys_seconds now) {
  const date::sys_days today = std::chrono::floor<date::days>(now);
  if (f == Frequency::daily) return {today - date::days(1), today};
  const date::sys_days monday = today - (date::weekday(today) - date::Monday);
  return {monday - date::days(7), monday};
}

}  // namespace

int write_digests(storage::Connection& c, sys_seconds now, int batch) {
  int mails = 0;
  for (Frequency f : {Frequency::daily, Frequency::weekly}) {
    const auto [from, until] = last_period(f, now);
    for (;;) {  // a batch of people per transaction, until every digest of the period is written
      storage::Transaction tx(c, true);
      // Marking and reading in one statement: a second node's UPDATE finds these people marked.
      std::vector<std::int64_t> people;
      for (const auto& r :
           c.query("UPDATE users SET digest_until = ? WHERE id IN (SELECT u.id FROM users u WHERE u.digest = ? "
                   "AND u.deleted_at IS NULL AND u.email_confirmed_at IS NOT NULL "
                   "AND (u.digest_until IS NULL OR u.digest_until < ?) "
                   "AND EXISTS (SELECT 1 FROM follows f WHERE f.user_id = u.id) "
                   "AND NOT EXISTS (SELECT 1 FROM mail_preferences p WHERE p.user_id = u.id AND p.kind = 'digest' "
                   "AND p.enabled = 0) ORDER BY u.id LIMIT ?) "
                   "AND (digest_until IS NULL OR digest_until < ?) RETURNING id",
                   {secs(until), std::string(key(f)), secs(until), std::int64_t(batch), secs(until)}))
        people.push_back(r.integer(0));
      if (people.empty()) break;

      auto follows_of = followed_by(c, people);
      std::set<Key> followed;
      for (const auto& [id, list] : follows_of)
        for (const auto& x : list) followed.insert({std::string(key(x.subject)), x.id});
      const auto changed = changes(c, followed, from, until);

      for (std::int64_t id : people) {
        auto to = accounts::store::recipient(c, id);
        if (!to) continue;
        const i18n::Translator* t = nullptr;
        mail::Mail m = accounts::letter(*to, id, notifications::kDigest.key,
                                        f == Frequency::daily ? N_("What changed yesterday in what you follow")
                                                              : N_("What changed this week in what you follow"),
                                        t);
        bool any = false;
        for (const auto& x : follows_of[id]) {
          auto it = changed.find({std::string(key(x.subject)), x.id});
          if (it == changed.end()) continue;
          any = true;
          m.paragraphs.push_back(x.name + " — " + mail::url(x.path));
          for (const auto& change : it->second) {
            const std::string what = change.stage ? t->tr(coalitions::stage_msgid(change.what)) : change.what;
            std::string line =
                change.revisions
                    ? fmt::format(fmt::runtime(t->trn("The booklet was revised once",
                                                      "The booklet was revised {} times", change.revisions)),
                                  change.revisions)
                : change.when ? fmt::format(fmt::runtime(t->tr(change.message)), what, t->datetime(*change.when))
                              : fmt::format(fmt::runtime(t->tr(change.message)), what);
            if (!change.path.empty()) line += " — " + mail::url(change.path);
            m.paragraphs.push_back("• " + line);
          }
        }
        if (!any) continue;  // nothing changed: nothing sent
        m.link_label = t->tr(N_("Choose what I follow and how often"));
        m.link = mail::url(notifications::urls::notifications());
        mail::enqueue(c, m, now);
        ++mails;
      }
      tx.commit();
    }
  }
  return mails;
}

}  // namespace fabrique::follows
