// SQL of follows and of the digest frequency, and the use cases people have on them.
#include "follows/follows.hpp"

#include <map>

#include "follows/urls.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::follows {

using storage::secs;

std::string_view key(Subject s) {
  switch (s) {
    case Subject::coalition:
      return "coalition";
    case Subject::series:
      return "series";
    case Subject::organisation:
      return "organisation";
  }
  return "";
}

std::string_view key(Frequency f) {
  switch (f) {
    case Frequency::daily:
      return "daily";
    case Frequency::weekly:
      return "weekly";
    case Frequency::never:
      return "never";
  }
  return "";
}

std::optional<Frequency> frequency(std::string_view k) {
  for (auto f : {Frequency::daily, Frequency::weekly, Frequency::never})
    if (key(f) == k) return f;
  return std::nullopt;
}

void follow(storage::Connection& c, std::int64_t user_id, Subject s, std::int64_t id, sys_seconds now) {
  c.execute(
      "INSERT INTO follows (user_id, subject, subject_id, created_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (user_id, subject, subject_id) DO NOTHING",
      {user_id, std::string(key(s)), id, secs(now)});
}

void set_following(storage::Connection& c, const User& actor, Subject s, std::int64_t id, bool yes, sys_seconds now) {
  storage::Transaction tx(c, true);
  if (yes)
    follow(c, actor.id, s, id, now);
  else
    c.execute("DELETE FROM follows WHERE user_id = ? AND subject = ? AND subject_id = ?",
              {actor.id, std::string(key(s)), id});
  tx.commit();
}

bool is_following(storage::Connection& c, std::int64_t user_id, Subject s, std::int64_t id) {
  return c
      .query_one("SELECT 1 FROM follows WHERE user_id = ? AND subject = ? AND subject_id = ?",
                 {user_id, std::string(key(s)), id})
      .has_value();
}

std::map<std::int64_t, std::vector<Followed>> followed_by(storage::Connection& c,
                                                          const std::vector<std::int64_t>& people) {
  std::map<std::int64_t, std::vector<Followed>> out;
  if (people.empty()) return out;
  std::string in;
  storage::Params params;
  for (auto id : people) {
    in += in.empty() ? "?" : ", ?";
    params.push_back(id);
  }
  // A series has no page of its own: it is reached through its latest event.
  for (const auto& r : c.query("SELECT f.user_id, f.subject, f.subject_id, "
                               "CASE f.subject WHEN 'coalition' THEN 'Coalition ' || k.number || ' — ' || k.title "
                               "WHEN 'series' THEN s.title ELSE o.name END, "
                               "CASE f.subject WHEN 'coalition' THEN k.slug "
                               "WHEN 'series' THEN (SELECT e.slug FROM events e WHERE e.series_id = s.id "
                               "ORDER BY e.starts_at DESC LIMIT 1) ELSE o.slug END "
                               "FROM follows f "
                               "LEFT JOIN coalitions k ON f.subject = 'coalition' AND k.id = f.subject_id "
                               "LEFT JOIN event_series s ON f.subject = 'series' AND s.id = f.subject_id "
                               "LEFT JOIN organisations o ON f.subject = 'organisation' AND o.id = f.subject_id "
                               "WHERE f.user_id IN (" +
                                   in + ") ORDER BY f.user_id, f.subject, 4",
                               params)) {
    if (r.is_null(3) || r.is_null(4)) continue;  // what it named is gone
    Followed x;
    const std::string subject = r.text(1);
    x.subject = subject == "coalition" ? Subject::coalition
                : subject == "series"  ? Subject::series
                                       : Subject::organisation;
    x.id = r.integer(2);
    x.name = r.text(3);
    x.path = urls::subject(x.subject, r.text(4));
    x.unfollow_path = urls::follow(x.subject, r.text(4));
    out[r.integer(0)].push_back(std::move(x));
  }
  return out;
}

std::vector<Followed> followed_by(storage::Connection& c, std::int64_t user_id) {
  auto all = followed_by(c, std::vector<std::int64_t>{user_id});
  return all.empty() ? std::vector<Followed>{} : std::move(all.begin()->second);
}

Frequency digest_frequency(storage::Connection& c, std::int64_t user_id) {
  // A digest unsubscribed by its mail's one-click link is a digest never sent.
  if (!notifications::mail_enabled(c, user_id, notifications::kDigest.key)) return Frequency::never;
  auto r = c.query_one("SELECT digest FROM users WHERE id = ?", {user_id});
  return r ? frequency(r->text(0)).value_or(Frequency::weekly) : Frequency::weekly;
}

void set_digest_frequency(storage::Connection& c, const User& actor, Frequency f, sys_seconds now) {
  storage::Transaction tx(c, true);
  c.execute("UPDATE users SET digest = ? WHERE id = ?", {std::string(key(f)), actor.id});
  notifications::set_mail_enabled(c, actor.id, notifications::kDigest.key, f != Frequency::never, now);
  tx.commit();
}

}  // namespace fabrique::follows
