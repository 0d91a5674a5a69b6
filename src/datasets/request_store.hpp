// SQL for data requests, their themes, their "me too" and who they concern.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "datasets/request_model.hpp"
#include "storage/database.hpp"

namespace fabrique::datasets::request_store {

using std::chrono::sys_seconds;
using storage::Connection;

// The list's filters; newest first, then id (stable for paging).
struct Filter {
  std::optional<std::int64_t> territory_id;  // placed on it or on a territory within it
  std::optional<std::int64_t> theme_id;
  std::string status;                    // a code; empty: any
  std::string words;                     // in the title or description (any case); empty: any
  std::optional<std::int64_t> for_user;  // only those about what this person's organisations produce
  std::int64_t limit = -1;               // -1: all
  std::int64_t offset = 0;
};
std::vector<DataRequest> list(Connection& c, const Filter& f);
std::int64_t count(Connection& c, const Filter& f);
std::optional<DataRequest> by_id(Connection& c, std::int64_t id);

std::int64_t insert(Connection& c, const DataRequest& r, std::int64_t requester, sys_seconds now);
void set_themes(Connection& c, std::int64_t id, const std::vector<std::int64_t>& theme_ids);
void answer(Connection& c, std::int64_t id, const std::string& status, const std::string& answer,
            std::optional<std::int64_t> dataset_id, std::int64_t by, std::optional<std::int64_t> for_organisation,
            sys_seconds now);

std::vector<Support> supports(Connection& c, std::int64_t id);  // oldest first
// Adds or edits the person's "me too"; removes it.
void support(Connection& c, std::int64_t id, std::int64_t user_id, const std::string& purpose, sys_seconds now);
void withdraw(Connection& c, std::int64_t id, std::int64_t user_id);

// The organisations (ids) that produce datasets in the request's themes or on its territories, or
// on territories within or around them; of those, the ones `user_id` belongs to; and their members.
std::vector<std::int64_t> producers_concerned(Connection& c, std::int64_t id);
std::vector<std::int64_t> producers_concerned(Connection& c, std::int64_t id, std::int64_t user_id);
std::vector<std::int64_t> members_concerned(Connection& c, std::int64_t id);

}  // namespace fabrique::datasets::request_store
