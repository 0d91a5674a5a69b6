// Use cases of data requests: asking, "me too", and the producers' answer. One transaction each;
// the permissions are checked here.
#include <algorithm>

#include "common/text.hpp"
#include "datasets/request_model.hpp"
#include "datasets/request_store.hpp"
#include "datasets/store.hpp"
#include "datasets/urls.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/links.hpp"

namespace fabrique::datasets {

using i18n::N_;

const std::vector<RequestStatus> kRequestStatuses = {
    {kOpen, N_("Open")},
    {kInProgress, N_("In progress")},
    {kServed, N_("Served")},
    {kRefused, N_("Refused")},
};

const RequestStatus* request_status(std::string_view code) {
  for (const auto& s : kRequestStatuses)
    if (s.code == code) return &s;
  return nullptr;
}

const char* request_status_label(std::string_view code) {
  const RequestStatus* s = request_status(code);
  return s ? s->label : kRequestStatuses.front().label;
}

namespace {

// A text of at most `max` characters (one line unless `lines`): trimmed, or an error on `field` —
// `empty` when it is required and empty (nullptr: it may be empty).
std::string checked_text(FieldErrors& errors, const char* field, std::string_view in, std::size_t max, bool lines,
                         const char* empty, const char* too_long) {
  std::string s = text::trim(in);
  if (s.empty()) {
    if (empty) errors.add(field, empty);
  } else if (!text::valid_utf8(s, lines)) {
    errors.add(field, N_("This field contains characters that are not allowed."));
  } else if (text::length(s) > max) {
    errors.add(field, too_long);
  }
  return s;
}

}  // namespace

AskResult ask_for_data(storage::Connection& c, const accounts::User& actor, const RequestInput& in,
                       std::chrono::sys_seconds now) {
  AskResult out;
  auto& errors = out.errors;
  storage::Transaction tx(c, true);
  DataRequest r;
  r.title = checked_text(errors, "title", in.title, kMaxTitle, false, N_("Say in a few words which data you need."),
                         N_("The title is too long (200 characters at most)."));
  r.description = checked_text(errors, "description", in.description, kMaxDescription, true,
                               N_("Describe the data you need, and what is missing from what exists."),
                               N_("The description is too long (5000 characters at most)."));
  r.purpose =
      checked_text(errors, "purpose", in.purpose, kMaxRequestText, true, N_("Say what you would do with the data."),
                   N_("The purpose is too long (2000 characters at most)."));
  r.audience = checked_text(errors, "audience", in.audience, kMaxShort, false, nullptr,
                            N_("Too long (500 characters at most)."));
  r.link = text::trim(in.link);
  if (!r.link.empty() && (!text::looks_like_web_address(r.link) || r.link.size() > kMaxShort))
    errors.add("link", N_("Enter a web address starting with https:// or http://."));
  std::vector<std::int64_t> theme_ids;
  for (const auto& slug : in.themes) {
    auto theme = taxonomies::term(c, taxonomies::kDatasetThemes, slug);
    if (!theme) {
      errors.add("themes", N_("Choose themes from the list."));
      break;
    }
    if (std::find(theme_ids.begin(), theme_ids.end(), theme->id) == theme_ids.end()) theme_ids.push_back(theme->id);
  }
  auto places = territories::resolve_places(c, in.territories, errors, "territoires");
  if (places.empty() && !errors.find("territoires"))
    errors.add("territoires", N_("Choose at least one territory the data should cover."));
  if (!errors.empty()) return out;

  out.id = request_store::insert(c, r, actor.id, now);
  request_store::set_themes(c, out.id, theme_ids);
  territories::place(c, territories::subject::data_request, out.id, places);
  notifications::notify_each(c, request_store::members_concerned(c, out.id), actor.id, notifications::kDataRequests,
                             N_("A new data request is about your data: “{}”"), urls::request(out.id), now, r.title);
  tx.commit();
  return out;
}

FieldErrors support_request(storage::Connection& c, const accounts::User& actor, std::int64_t id,
                            const std::string& purpose, std::chrono::sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto r = request_store::by_id(c, id);
  if (!r) throw NotFound();
  if (r->requester_id == actor.id) throw Forbidden(N_("This is your own request: it already counts you."));
  const std::string text = checked_text(errors, "support_purpose", purpose, kMaxRequestText, true,
                                        N_("Say what you would do with the data."),
                                        N_("The purpose is too long (2000 characters at most)."));
  if (!errors.empty()) return errors;
  request_store::support(c, id, actor.id, text, now);
  tx.commit();
  return errors;
}

void withdraw_support(storage::Connection& c, const accounts::User& actor, std::int64_t id,
                      std::chrono::sys_seconds /*now*/) {
  storage::Transaction tx(c, true);
  if (!request_store::by_id(c, id)) throw NotFound();
  request_store::withdraw(c, id, actor.id);
  tx.commit();
}

bool can_answer(storage::Connection& c, const accounts::User* actor, std::int64_t request_id) {
  if (!actor) return false;
  return actor->is_animateur() || !request_store::producers_concerned(c, request_id, actor->id).empty();
}

FieldErrors answer_request(storage::Connection& c, const accounts::User& actor, std::int64_t id, const AnswerInput& in,
                           std::chrono::sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto r = request_store::by_id(c, id);
  if (!r) throw NotFound();
  const auto producers = request_store::producers_concerned(c, id, actor.id);
  if (!actor.is_animateur() && producers.empty())
    throw Forbidden(
        N_("Only the producers of data on its themes or territories, and the animateurs, can answer "
           "this request."));
  const RequestStatus* status = request_status(in.status);
  if (!status) errors.add("status", N_("Choose where the request stands."));
  const std::string answer =
      checked_text(errors, "answer", in.answer, kMaxRequestText, true,
                   status && status->code == kRefused ? N_("Say why the request is refused.") : nullptr,
                   N_("The answer is too long (2000 characters at most)."));
  std::optional<std::int64_t> dataset_id;
  const std::string slug = text::trim(in.dataset);
  if (!slug.empty()) {
    if (auto d = store::by_slug(c, slug))
      dataset_id = d->id;
    else
      errors.add("dataset", N_("Choose the dataset from the register."));
  } else if (status && status->code == kServed) {
    errors.add("dataset", N_("Choose the dataset that serves the request."));
  }
  if (!errors.empty()) return errors;
  request_store::answer(c, id, std::string(status->code), answer, dataset_id, actor.id,
                        producers.empty() ? std::nullopt : std::optional(producers.front()), now);
  std::vector<std::int64_t> told;
  if (r->requester_id) told.push_back(*r->requester_id);
  for (const auto& s : request_store::supports(c, id)) told.push_back(s.user_id);
  notifications::notify_each(c, told, actor.id, notifications::kDataRequests, N_("Your data request “{}” was answered"),
                             urls::request(id), now, r->title);
  tx.commit();
  return errors;
}

}  // namespace fabrique::datasets
