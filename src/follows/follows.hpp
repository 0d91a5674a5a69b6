// Follows and digests: a person follows a coalition, an event series or an organisation (any module
// may add a subject through the same table), and receives a digest of what changed there — booklet
// revisions, stage changes, new actions, events and minutes, resources — daily, weekly or never.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/model.hpp"
#include "storage/database.hpp"

namespace fabrique::follows {

using accounts::User;
using std::chrono::sys_seconds;

enum class Subject { coalition, series, organisation };
std::string_view key(Subject s);  // as stored: coalition | series | organisation

enum class Frequency { daily, weekly, never };
std::string_view key(Frequency f);  // daily | weekly | never
std::optional<Frequency> frequency(std::string_view key);

// Use case (one transaction): `actor` starts or stops following a subject; following twice is
// following once. The subject must exist (the caller found it).
void set_following(storage::Connection& c, const User& actor, Subject s, std::int64_t id, bool follow, sys_seconds now);
// Inside the caller's transaction: the person follows the subject (co-porteurs follow their coalitions).
void follow(storage::Connection& c, std::int64_t user_id, Subject s, std::int64_t id, sys_seconds now);
bool is_following(storage::Connection& c, std::int64_t user_id, Subject s, std::int64_t id);

// What a person follows, for their page: each with its name and address.
struct Followed {
  Subject subject = Subject::coalition;
  std::int64_t id = 0;
  std::string name, path, unfollow_path;
};
std::vector<Followed> followed_by(storage::Connection& c, std::int64_t user_id);
// The same for several people at once, in one query (the digest's batch): by person.
std::map<std::int64_t, std::vector<Followed>> followed_by(storage::Connection& c,
                                                          const std::vector<std::int64_t>& people);

Frequency digest_frequency(storage::Connection& c, std::int64_t user_id);
// Use case (one transaction).
void set_digest_frequency(storage::Connection& c, const User& actor, Frequency f, sys_seconds now);

// digest.cpp. A chore (src/chores/): for each frequency, the last period that ended (a day from
// midnight UTC, a week from Monday midnight UTC); for the people whose digest of that period is not
// written yet, `batch` people per write transaction: marks it written and mails what changed during
// it in what they follow — nothing when nothing changed. Only to confirmed addresses of people who
// follow something and did not turn digests off. Returns how many mails.
int write_digests(storage::Connection& c, sys_seconds now, int batch = 200);

}  // namespace fabrique::follows
