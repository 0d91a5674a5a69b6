// What the newsletters' pages show, loaded by pages.cpp and handed to templates/newsletters.html.
#pragma once
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "newsletters/model.hpp"
#include "newsletters/use_cases.hpp"
#include "views/forms.hpp"
#include "views/picker.hpp"

namespace fabrique::newsletters {

// /journal/lettres: the newsletters sent.
struct LettersPage {
  std::vector<Newsletter> letters;
  std::int64_t total = 0, page = 1, pages = 1;
  bool can_send = false;
};

// /journal/lettres/{id}: the web version.
struct LetterPage {
  Newsletter letter;
  bool just_sent = false;
};

// /journal/lettres/ecrire: the form, as typed; or the confirmation before sending.
struct ComposePage {
  NewsletterInput typed;
  FieldErrors errors;
  std::vector<fabrique::views::Choice> posts;  // recent published posts (key: slug; detail: date)
  std::vector<fabrique::views::Option> post_options;
  fabrique::views::Picker events;  // "only these events": upcoming within kMaxWeeks
  std::vector<fabrique::views::Option> weeks;
  fabrique::views::Picker coalitions;
  std::int64_t reach = 0;  // the people it reaches as typed
  std::string tested_to;   // after a test: the address it went to
  Newsletter letter;       // the confirmation: what will be sent
};

}  // namespace fabrique::newsletters
