// The searchable picker: what the form sent, and the matches of its words.
#include "views/picker.hpp"

#include <algorithm>
#include <set>

#include "common/text.hpp"

namespace fabrique::views {

namespace {

// The words of a search, folded (lower case, no accents), split on spaces and punctuation.
std::vector<std::string> search_words(std::string_view query) {
  std::vector<std::string> out;
  std::string word;
  for (char ch : text::fold(query)) {
    const auto u = static_cast<unsigned char>(ch);
    if (u >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      word += ch;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// The first `kPickerQueryLength` characters of `typed`, without cutting a character in two.
std::string cut_query(std::string_view typed) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const auto u = static_cast<unsigned char>(typed[i]);
    if ((u & 0xC0) != 0x80 && ++chars > kPickerQueryLength) break;
    out += typed[i];
  }
  return out;
}

}  // namespace

PickerNames picker_names(std::string_view chosen) {
  const std::string name(chosen);
  return {name, name + "_q", name + "_chercher"};
}

Picker picker(PickerNames names, const PickerWords& words, std::vector<Choice> chosen, std::string_view query,
              const PickerSearch& search) {
  Picker p{
      .names = std::move(names), .words = words, .chosen = std::move(chosen), .query = cut_query(text::trim(query))};
  p.searched = !search_words(p.query).empty();
  if (!p.searched) return p;
  std::set<std::string> taken;
  for (const auto& c : p.chosen) taken.insert(c.key);
  // Asks for as many more as are chosen, so that the chosen ones left out still leave a full list.
  for (auto& c : search(p.query, kPickerMatches + taken.size()))
    if (!taken.count(c.key) && p.matches.size() < kPickerMatches) p.matches.push_back(std::move(c));
  return p;
}

std::vector<std::string> picked(std::vector<std::string> sent) {
  std::erase_if(sent, [](const std::string& key) { return key.empty(); });
  return sent;
}

void one_at_most(FieldErrors& errors, const std::string& name, std::vector<std::string> sent, const char* message) {
  if (picked(std::move(sent)).size() > 1) errors.add(name, message);
}

std::vector<Choice> matching(const std::vector<Choice>& all, std::string_view words, std::size_t limit) {
  const auto wanted = search_words(words);
  std::vector<Choice> out;
  if (wanted.empty()) return out;
  for (const auto& c : all) {
    if (out.size() >= limit) break;
    const std::string hay = text::fold(c.label + " " + c.detail);
    if (std::all_of(wanted.begin(), wanted.end(),
                    [&](const std::string& w) { return hay.find(w) != std::string::npos; }))
      out.push_back(c);
  }
  return out;
}

std::vector<Choice> named(const std::vector<Choice>& all, const std::vector<std::string>& keys) {
  std::vector<Choice> out;
  std::set<std::string> seen;
  for (const auto& key : keys) {
    if (!seen.insert(key).second) continue;
    auto it = std::find_if(all.begin(), all.end(), [&](const Choice& c) { return c.key == key; });
    if (it != all.end()) out.push_back(*it);
  }
  return out;
}

Picker picker_over(const std::vector<Choice>& all, PickerNames names, const PickerWords& words,
                   const std::vector<std::string>& keys, std::string_view query) {
  return picker(std::move(names), words, named(all, keys), query,
                [&](const std::string& w, std::size_t limit) { return matching(all, w, limit); });
}

}  // namespace fabrique::views
