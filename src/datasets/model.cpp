// The lists a dataset's fields choose from, and its fields as revisions keep them.
#include "datasets/model.hpp"

#include <algorithm>

#include "common/text.hpp"
#include "datasets/use_cases.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::datasets {

using i18n::N_;

const Licence* licence(std::string_view id) {
  if (std::find(std::begin(kLicenceIds), std::end(kLicenceIds), id) == std::end(kLicenceIds)) return nullptr;
  return commons::licence(id);
}

const std::vector<Frequency> kFrequencies = {
    {"CONT", N_("Continuously updated")}, {"DAILY", N_("Daily")},         {"WEEKLY", N_("Weekly")},
    {"MONTHLY", N_("Monthly")},           {"QUARTERLY", N_("Quarterly")}, {"ANNUAL", N_("Annual")},
    {"IRREG", N_("Irregular")},           {"NEVER", N_("Never (final)")}, {"UNKNOWN", N_("Unknown")},
};

const Frequency* frequency(std::string_view code) {
  for (const auto& f : kFrequencies)
    if (f.code == code) return &f;
  return nullptr;
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto comma = s.find(',', start);
    std::string item = text::trim(s.substr(start, comma == std::string_view::npos ? s.npos : comma - start));
    if (!item.empty()) out.push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::vector<std::string> split_on(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

// A field's text without the characters that separate the written-out lists.
std::string flat(std::string_view s) {
  std::string out(s);
  std::replace_if(
      out.begin(), out.end(), [](char ch) { return ch == '\t' || ch == '\n' || ch == '\r'; }, ' ');
  return out;
}

}  // namespace

std::vector<std::string> keyword_list(std::string_view keywords) { return split_list(keywords); }

text::Fields as_fields(const DatasetInput& in) {
  std::string distributions;
  for (const auto& x : in.distributions)
    distributions += (distributions.empty() ? "" : "\n") + flat(x.access_url) + "\t" + flat(x.format) + "\t" +
                     flat(x.media_type) + "\t" + flat(x.byte_size);
  return {{"title", in.title},
          {"description", in.description},
          {"producer", in.producer},
          {"contact", in.contact},
          {"keywords", in.keywords},
          {"licence", in.licence},
          {"frequency", in.frequency},
          {"temporal_start", in.temporal_start},
          {"temporal_end", in.temporal_end},
          {"issued", in.issued},
          {"modified", in.modified},
          {"conforms_to", in.conforms_to},
          {"conforms_to_url", in.conforms_to_url},
          {"themes", joined(in.themes)},
          {"territoires", joined(in.territories)},
          {"distributions", distributions}};
}

DatasetInput input_of(const text::Fields& f, std::int64_t base_revision) {
  auto at = [&](const char* name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  DatasetInput in{.title = at("title"),
                  .description = at("description"),
                  .producer = at("producer"),
                  .contact = at("contact"),
                  .keywords = at("keywords"),
                  .licence = at("licence"),
                  .frequency = at("frequency"),
                  .temporal_start = at("temporal_start"),
                  .temporal_end = at("temporal_end"),
                  .issued = at("issued"),
                  .modified = at("modified"),
                  .conforms_to = at("conforms_to"),
                  .conforms_to_url = at("conforms_to_url"),
                  .themes = split_list(at("themes")),
                  .territories = split_list(at("territoires")),
                  .distributions = {},
                  .base_revision = base_revision,
                  .merge = {}};
  const std::string lines = at("distributions");
  if (!lines.empty())
    for (const auto& line : split_on(lines, '\n')) {
      auto cells = split_on(line, '\t');
      cells.resize(4);
      in.distributions.push_back({cells[0], cells[1], cells[2], cells[3]});
    }
  return in;
}

DatasetInput input_of(const Dataset& d, const std::vector<std::string>& territory_keys) {
  DatasetInput in{.title = d.title,
                  .description = d.description,
                  .producer = d.producer_slug,
                  .contact = d.contact,
                  .keywords = d.keywords,
                  .licence = d.licence,
                  .frequency = d.frequency,
                  .temporal_start = d.temporal_start,
                  .temporal_end = d.temporal_end,
                  .issued = d.issued,
                  .modified = d.modified,
                  .conforms_to = d.conforms_to,
                  .conforms_to_url = d.conforms_to_url,
                  .themes = {},
                  .territories = territory_keys,
                  .distributions = {},
                  .base_revision = d.revision,
                  .merge = {}};
  for (const auto& t : d.themes) in.themes.push_back(t.slug);
  for (const auto& x : d.distributions)
    in.distributions.push_back(
        {x.access_url, x.format, x.media_type, x.byte_size ? std::to_string(*x.byte_size) : std::string()});
  return in;
}

}  // namespace fabrique::datasets
