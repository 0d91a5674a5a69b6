// Checks shared by the commons' use cases: sizes, characters, lists, and free slugs.
#include "commons/validation.hpp"

#include <algorithm>
#include <set>

#include "common/text.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "files/files.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

using i18n::N_;

void check_line(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max,
                bool required) {
  if (required && value.empty())
    errors.add(field, N_("This field is required."));
  else if (!text::valid_utf8(value, false))
    errors.add(field, N_("This field contains characters that are not allowed."));
  else if (text::length(value) > max)
    errors.add(field, N_("This field is too long."));
}

void check_text(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max) {
  if (!text::valid_utf8(value))
    errors.add(field, N_("This field contains characters that are not allowed."));
  else if (value.size() > max)
    errors.add(field, N_("This field is too long."));
}

std::string unique_slug(const std::string& title, const std::function<bool(const std::string&)>& taken) {
  std::string base = text::slugify(title);
  if (base.empty()) base = "sans-titre";
  if (base == "proposer" || base == "nouvelle") base += "-1";  // the addresses of the forms
  std::string slug = base;
  for (int n = 2; taken(slug); ++n) slug = base + "-" + std::to_string(n);
  return slug;
}

std::vector<CoalitionRef> coalitions_named(storage::Connection& c, const std::vector<std::string>& slugs,
                                           FieldErrors& errors, const std::string& field) {
  std::vector<CoalitionRef> out;
  if (slugs.empty()) return out;
  // Read by their slugs, not among every coalition; more than may be linked are not looked up.
  std::set<std::string_view> distinct;
  for (const auto& s : slugs)
    if (!s.empty()) distinct.insert(s);
  if (distinct.size() > kMaxLinkedCoalitions) {
    errors.add(field, N_("Link at most 20 coalitions."));
    return out;
  }
  const auto all = store::coalitions_with_slugs(c, {distinct.begin(), distinct.end()});
  for (const auto& s : slugs) {
    if (s.empty()) continue;
    auto it = std::find_if(all.begin(), all.end(), [&](const CoalitionRef& k) { return k.slug == s; });
    if (it == all.end()) {
      errors.add(field, N_("Choose coalitions from the list."));
      return {};
    }
    if (std::none_of(out.begin(), out.end(), [&](const CoalitionRef& k) { return k.id == it->id; })) out.push_back(*it);
  }
  return out;
}

Resource validate(storage::Connection& c, const ResourceInput& in, bool has_file, FieldErrors& errors,
                  std::optional<std::string>& file_type) {
  Resource r;
  r.title = text::trim(in.title);
  r.description = in.description;
  r.url = text::trim(in.url);
  const bool sent_file = in.file && !in.file->filename.empty();
  if (sent_file) file_type = files::check(*in.file, "file", errors);
  r.kind = in.kind;
  r.licence = in.licence.empty() ? kDefaultLicence : in.licence;
  r.creator = text::trim(in.creator);
  check_line(errors, "title", r.title, kMaxTitle, true);
  check_line(errors, "creator", r.creator, kMaxCreator, false);
  check_text(errors, "description", r.description, kMaxDescription);
  if (r.url.empty() && !sent_file && !has_file)
    errors.add("url", N_("Give the address of the resource, or attach a file."));
  else if (!r.url.empty() && (r.url.size() > kMaxUrl || !text::looks_like_web_address(r.url)))
    errors.add("url", N_("Enter a web address starting with https:// or http://."));
  if (!kind(r.kind)) errors.add("kind", N_("Choose a kind from the list."));
  if (!licence(r.licence)) errors.add("licence", N_("Choose a licence from the list."));
  // Tags: comma-separated, kept as slugs so that they make stable filter addresses.
  std::size_t start = 0;
  const std::string& tags = in.tags;
  if (tags.size() > kMaxTags * (kMaxTag + 2) || !text::valid_utf8(tags, false)) {
    errors.add("tags", N_("Give at most 10 tags of 40 characters, separated by commas."));
  } else {
    while (start <= tags.size()) {
      std::size_t comma = tags.find(',', start);
      if (comma == std::string::npos) comma = tags.size();
      std::string tag = text::slugify(text::trim(tags.substr(start, comma - start)));
      if (!tag.empty() && std::find(r.tags.begin(), r.tags.end(), tag) == r.tags.end()) r.tags.push_back(tag);
      start = comma + 1;
    }
    if (r.tags.size() > kMaxTags ||
        std::any_of(r.tags.begin(), r.tags.end(), [](const std::string& t) { return t.size() > kMaxTag; }))
      errors.add("tags", N_("Give at most 10 tags of 40 characters, separated by commas."));
    std::sort(r.tags.begin(), r.tags.end());
  }
  r.coalitions = coalitions_named(c, in.coalitions, errors, "coalitions");
  return r;
}

Card validate(storage::Connection& c, const CardInput& in, FieldErrors& errors) {
  Card k;
  k.title = text::trim(in.title);
  k.context = in.context;
  k.tried = in.tried;
  k.outcome = in.outcome;
  k.learned = in.learned;
  k.tensions = in.tensions;
  k.sources = in.sources;
  check_line(errors, "title", k.title, kMaxTitle, true);
  check_text(errors, "context", k.context, kMaxCardText);
  check_text(errors, "tried", k.tried, kMaxCardText);
  if (!outcome(k.outcome)) errors.add("outcome", N_("Say whether it worked, from the list."));
  check_text(errors, "learned", k.learned, kMaxCardText);
  check_text(errors, "tensions", k.tensions, kMaxCardText);
  check_text(errors, "sources", k.sources, kMaxCardText);
  if (text::trim(k.tried).empty() && errors.find("tried") == nullptr) errors.add("tried", N_("Say what was tried."));
  if (!in.coalition.empty()) {
    auto list = coalitions_named(c, {in.coalition}, errors, "coalition");
    if (!list.empty()) k.coalition = list.front();
  }
  return k;
}

std::vector<std::string> split_list(std::string_view list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string item = text::trim(std::string(list.substr(start, comma - start)));
    if (!item.empty()) out.push_back(std::move(item));
    start = comma + 1;
  }
  return out;
}

}  // namespace fabrique::commons
