// Data requests (issue #16): a member asks for data that does not exist or cannot be used as it is —
// what, where, on which themes, why and for whom; others add "me too" with their own purpose; the
// producers of data in its themes or on its territories answer it, or link the dataset that serves
// it. The use cases (request_use_cases.cpp) are one transaction each and check permissions.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "datasets/model.hpp"
#include "storage/database.hpp"

namespace fabrique::datasets {

// Where a request stands, as stored and as the ?statut= filter names it; `label` is an English msgid.
struct RequestStatus {
  std::string_view code;
  const char* label;
};
extern const std::vector<RequestStatus> kRequestStatuses;    // ouverte, en-cours, servie, refusee
const RequestStatus* request_status(std::string_view code);  // nullptr when unknown
const char* request_status_label(std::string_view code);     // its msgid ("Open" when unknown)
inline constexpr std::string_view kOpen = "ouverte", kInProgress = "en-cours", kServed = "servie", kRefused = "refusee";

// A "me too": someone else who wants the same data, and what for.
struct Support {
  std::int64_t user_id = 0;
  std::string name;  // shown only when the person chose to show it; empty otherwise
  std::string purpose;
  std::chrono::sys_seconds created_at{};
};

struct DataRequest {
  std::int64_t id = 0;
  std::string title, description, purpose, audience, link;
  std::optional<std::int64_t> requester_id;
  std::string requester_name;  // shown only when the person chose to show it
  std::string status{kOpen};
  std::string answer;                                // the public answer, a refusal's reason
  std::string dataset_slug, dataset_title;           // the dataset that serves it, if any
  std::string answered_for_slug, answered_for_name;  // the producer who answered (empty: an animateur)
  std::optional<std::chrono::sys_seconds> answered_at;
  std::vector<Theme> themes;  // filled by reads
  std::int64_t supports = 0;  // how many "me too", filled by reads
  std::chrono::sys_seconds created_at{}, updated_at{};
};

inline constexpr std::size_t kMaxRequestText = 2000;  // purpose, audience, answer, a "me too"'s purpose

// The request as the form sends it: themes' slugs and territories' keys.
struct RequestInput {
  std::string title, description, purpose, audience, link;
  std::vector<std::string> themes, territories;
};

struct AskResult {
  FieldErrors errors;
  std::int64_t id = 0;  // the new request, when there are no errors
};

// A signed-in member asks. Outcomes: written, and the members of the producers it is about are
// told | field errors (empty title, description or purpose, unknown theme or territory, no
// territory, a link that is not http(s), too long), nothing written.
AskResult ask_for_data(storage::Connection& c, const accounts::User& actor, const RequestInput& in,
                       std::chrono::sys_seconds now);

// "Me too" (again: the purpose is edited), or taken back (`remove`). Outcomes: saved | field error
// (empty or too long purpose) | Forbidden (one's own request) | NotFound.
FieldErrors support_request(storage::Connection& c, const accounts::User& actor, std::int64_t id,
                            const std::string& purpose, std::chrono::sys_seconds now);
void withdraw_support(storage::Connection& c, const accounts::User& actor, std::int64_t id,
                      std::chrono::sys_seconds now);

// Whether `actor` may answer the request: an animateur, or a member of an organisation that produces
// datasets in its themes or on its territories (or on territories within or around them).
bool can_answer(storage::Connection& c, const accounts::User* actor, std::int64_t request_id);

struct AnswerInput {
  std::string status;   // a code of kRequestStatuses
  std::string answer;   // public; required to refuse
  std::string dataset;  // a dataset's slug; required to say it is served
};
// A producer (or an animateur) answers: the requester and those who said "me too" are told.
// Outcomes: saved | field errors (unknown status, a refusal without its reason, served without a
// known dataset, too long) | Forbidden (can_answer is false) | NotFound.
FieldErrors answer_request(storage::Connection& c, const accounts::User& actor, std::int64_t id, const AnswerInput& in,
                           std::chrono::sys_seconds now);

}  // namespace fabrique::datasets
