// What people do with reuses. Each use case is one transaction; permission checks live here.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "datasets/reuse_model.hpp"
#include "organisations/model.hpp"
#include "storage/database.hpp"

namespace fabrique::datasets {

using accounts::User;
using std::chrono::sys_seconds;

// A reuse as the form sends it: the datasets' slugs, the purposes' and audiences' codes, the
// territories' keys.
struct ReuseInput {
  std::string title, description, kind, purpose_text, url;
  std::vector<std::string> datasets, purposes, audiences, territories;
};

struct ReuseResult {
  FieldErrors errors;
  std::optional<Reuse> reuse;
};

// Its author, and animateurs.
bool can_edit_reuse(const User* actor, const Reuse& r);

// reuse_declare.cpp. Any signed-in person. Outcomes: declared, and the members of every producing
// organisation told (notification and mail) | field errors (no dataset or an unknown one, empty
// title or description, unknown kind, purpose or audience, a link that is not http(s), an unknown
// territory, too long), nothing written.
ReuseResult declare_reuse(storage::Connection& c, const User& actor, const ReuseInput& in, sys_seconds now);
// Its author or an animateur. Outcomes: saved | field errors | Forbidden | NotFound. The producers
// of datasets it did not use before are told.
ReuseResult update_reuse(storage::Connection& c, const User& actor, std::int64_t id, const ReuseInput& in,
                         sys_seconds now);

// reuse_answer.cpp. The producing organisations of the reuse's datasets for which `actor` may answer:
// those they belong to, or all of them for an animateur.
std::vector<organisations::Organisation> answering_for(storage::Connection& c, const User* actor, const Reuse& r);
// A member of a producing organisation (or an animateur) answers for it, publicly; a second answer
// replaces the first. The reuse's author is told. Outcomes: saved | field errors ("body": empty or
// too long; "organisation": not a producer of it) | Forbidden (not a member of that producer) | NotFound.
FieldErrors answer_reuse(storage::Connection& c, const User& actor, std::int64_t reuse_id,
                         const std::string& organisation_slug, const std::string& body, sys_seconds now);

}  // namespace fabrique::datasets
