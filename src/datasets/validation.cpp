// Checks of dataset fields, slug allocation, and the one place where a checked entry is written.
#include "datasets/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>

#include "common/numbers.hpp"
#include "common/text.hpp"
#include "datasets/store.hpp"
#include "datasets/urls.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/links.hpp"

namespace fabrique::datasets {

using i18n::N_;

namespace {

// yyyy-mm-dd, a date of the calendar.
bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(5, 2))),
            d = std::stoi(std::string(s.substr(8, 2)));
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)).ok();
}

// A one-line text of at most `max` characters: trimmed, or an error on `field`.
std::string line(FieldErrors& errors, const char* field, std::string_view in, std::size_t max, const char* too_long) {
  std::string s = text::trim(in);
  if (!text::valid_utf8(s, false))
    errors.add(field, N_("This field contains characters that are not allowed."));
  else if (text::length(s) > max)
    errors.add(field, too_long);
  return s;
}

std::string date(FieldErrors& errors, const char* field, std::string_view in) {
  std::string s = text::trim(in);
  if (!s.empty() && !is_date(s)) errors.add(field, N_("Enter a date as year-month-day, for example 2024-03-31."));
  return s;
}

bool web_address(const std::string& s) { return text::looks_like_web_address(s) && s.size() <= kMaxShort; }

void check_distributions(const DatasetInput& in, FieldErrors& errors, std::vector<Distribution>& out) {
  for (std::size_t i = 0; i < in.distributions.size(); ++i) {
    const auto& x = in.distributions[i];
    const std::string n = std::to_string(i + 1);
    Distribution d{text::trim(x.access_url), text::trim(x.format), text::trim(x.media_type), std::nullopt};
    const std::string size = text::trim(x.byte_size);
    if (d.access_url.empty() && d.format.empty() && d.media_type.empty() && size.empty()) continue;
    if (!web_address(d.access_url))
      errors.add("dist-" + n + "-url", N_("Enter the address where the data is, starting with https:// or http://."));
    if (!text::valid_utf8(d.format, false) || text::length(d.format) > 100)
      errors.add("dist-" + n + "-format", N_("Enter the format in a few characters, for example CSV."));
    if (!d.media_type.empty() && (d.media_type.size() > 100 || d.media_type.find('/') == std::string::npos ||
                                  d.media_type.find(' ') != std::string::npos))
      errors.add("dist-" + n + "-media", N_("Enter a media type such as text/csv, or leave it empty."));
    if (!size.empty()) {
      d.byte_size = numbers::whole(size, 0, numbers::kMaxId);
      if (!d.byte_size) errors.add("dist-" + n + "-size", N_("Enter the size as a whole number of bytes."));
    }
    out.push_back(std::move(d));
  }
  if (out.empty() && !errors.find("dist-1-url"))
    errors.add("dist-1-url", N_("Give at least one address where the data can be had."));
  if (out.size() > kMaxDistributions) errors.add("dist-1-url", N_("Twenty distributions at most."));
}

}  // namespace

Checked validate(storage::Connection& c, const User* actor, const DatasetInput& in, FieldErrors& errors,
                 std::optional<std::int64_t> kept_producer) {
  Checked out;
  Dataset& d = out.dataset;
  d.title = line(errors, "title", in.title, kMaxTitle, N_("The title is too long (200 characters at most)."));
  if (d.title.empty() && !errors.find("title"))
    errors.add("title", N_("Enter the dataset's title."));
  else if (!d.title.empty() && text::slugify(d.title).empty() && !errors.find("title"))
    errors.add("title", N_("The title must contain letters or digits."));

  d.description = text::trim(in.description);
  if (d.description.empty())
    errors.add("description", N_("Describe what the data holds."));
  else if (!text::valid_utf8(d.description))
    errors.add("description", N_("The description contains characters that are not allowed."));
  else if (text::length(d.description) > kMaxDescription)
    errors.add("description", N_("The description is too long (5000 characters at most)."));

  auto producer = organisations::store::by_slug(c, text::trim(in.producer));
  if (!producer) {
    errors.add("producer", N_("Choose the organisation that produces the data."));
  } else if (actor && !actor->is_animateur() && producer->id != kept_producer &&
             !organisations::store::is_member(c, actor->id, producer->id)) {
    errors.add("producer", N_("Choose an organisation you belong to: its members keep its datasets."));
  } else {
    d.producer_id = producer->id;
    d.producer_slug = producer->slug;
    d.producer_name = producer->name;
  }

  d.contact = line(errors, "contact", in.contact, kMaxShort, N_("The contact is too long (500 characters at most)."));
  if (!d.contact.empty() && !errors.find("contact") && !text::looks_like_email(d.contact) &&
      !text::looks_like_web_address(d.contact))
    errors.add("contact", N_("Enter an e-mail address or a web address starting with https://."));
  d.keywords = line(errors, "keywords", in.keywords, kMaxShort, N_("Too many keywords (500 characters at most)."));

  d.licence = text::trim(in.licence);
  if (!licence(d.licence)) errors.add("licence", N_("Choose the licence the data is published under."));
  d.frequency = text::trim(in.frequency);
  if (!d.frequency.empty() && !frequency(d.frequency))
    errors.add("frequency", N_("Choose how often the data is updated."));

  d.temporal_start = date(errors, "temporal_start", in.temporal_start);
  d.temporal_end = date(errors, "temporal_end", in.temporal_end);
  if (!errors.find("temporal_start") && !errors.find("temporal_end") && !d.temporal_start.empty() &&
      !d.temporal_end.empty() && d.temporal_end < d.temporal_start)
    errors.add("temporal_end", N_("The end of the period comes before its start."));
  d.issued = date(errors, "issued", in.issued);
  d.modified = date(errors, "modified", in.modified);

  d.conforms_to = line(errors, "conforms_to", in.conforms_to, kMaxShort,
                       N_("The schema's name is too long (500 characters at most)."));
  d.conforms_to_url = text::trim(in.conforms_to_url);
  if (!d.conforms_to_url.empty() && !web_address(d.conforms_to_url))
    errors.add("conforms_to_url", N_("Enter a web address starting with https:// or http://."));

  for (const auto& slug : in.themes) {
    auto theme = taxonomies::term(c, taxonomies::kDatasetThemes, slug);
    if (!theme) {
      errors.add("themes", N_("Choose themes from the list."));
      break;
    }
    if (std::find(out.theme_ids.begin(), out.theme_ids.end(), theme->id) == out.theme_ids.end()) {
      out.theme_ids.push_back(theme->id);
      d.themes.push_back({theme->slug, theme->label});
    }
  }

  out.places = territories::resolve_places(c, in.territories, errors, "territoires");
  if (out.places.empty() && !errors.find("territoires"))
    errors.add("territoires", N_("Choose at least one territory the data covers."));

  check_distributions(in, errors, d.distributions);
  return out;
}

std::string unique_slug(storage::Connection& c, const std::string& title) {
  std::string base = text::slugify(title);
  if (base.empty()) base = "donnees";
  if (urls::reserved(base)) base += "-1";
  std::string slug = base;
  for (int n = 2; store::slug_taken(c, slug); ++n) slug = fmt::format("{}-{}", base, n);
  return slug;
}

std::string document_of(const text::Fields& f) {
  boost::json::object o;
  for (const auto& [k, v] : f) o[k] = v;
  return boost::json::serialize(o);
}

text::Fields fields_of(std::string_view document) {
  text::Fields out;
  boost::system::error_code ec;
  auto v = boost::json::parse(document, ec);
  if (ec || !v.is_object()) return out;
  for (const auto& [k, x] : v.as_object())
    if (x.is_string()) out[std::string(k)] = std::string(x.as_string());
  return out;
}

std::optional<Dataset> write_dataset(storage::Connection& c, const Dataset* existing, const Checked& checked,
                                     std::optional<std::int64_t> author, sys_seconds now,
                                     std::optional<std::int64_t> merged_with, const std::string& slug) {
  Dataset d = checked.dataset;
  if (existing) {
    d.id = existing->id;
    d.slug = existing->slug;  // the address stays when the title changes
    d.revision = existing->revision + 1;
    if (!store::update(c, d, now)) return std::nullopt;
  } else {
    d.slug = slug.empty() ? unique_slug(c, d.title) : slug;
    d.revision = 1;
    d.id = store::insert(c, d, author, now);
  }
  store::set_themes(c, d.id, checked.theme_ids);
  store::set_distributions(c, d.id, d.distributions);
  territories::place(c, territories::subject::dataset, d.id, checked.places);
  auto saved = store::by_slug(c, d.slug);
  std::vector<std::string> keys;
  for (const auto& t : territories::places(c, territories::subject::dataset, d.id)) keys.push_back(t.key);
  store::insert_revision(c, d.id, d.revision, author, now, merged_with, document_of(as_fields(input_of(*saved, keys))));
  index_dataset(c, *saved);
  return saved;
}

}  // namespace fabrique::datasets
