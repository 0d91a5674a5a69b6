// What the account page shows, loaded in one place (pages.cpp: load_account) and drawn by
// templates/account.html.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "accounts/model.hpp"
#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "organisations/model.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/picker.hpp"

namespace fabrique::accounts {

struct AccountPage {
  User user;
  std::string name;  // the profile form: as saved, or as typed when it was refused
  bool show_name = false;
  bool saved = false;                                      // a change was just saved
  std::vector<organisations::Organisation> organisations;  // the person's
  views::Picker join;  // the picker of "organisation": those they may join, one at a time
  std::vector<std::pair<coalitions::Named, coalitions::Role>> coalitions;
  std::vector<coalitions::Declaration> declarations;
  FieldErrors profile_errors, password_errors, join_errors;
  // The sections other modules and files draw on this page.
  html::Html notifications, sessions, tokens;
};

// The access tokens' section of /compte (token_pages.cpp, templates/tokens.html): the person's
// tokens, and the form that makes one, as typed when it was refused.
struct TokensSection {
  std::vector<AccessToken> tokens;
  std::chrono::sys_seconds now{};  // to tell the expired tokens
  std::string name;
  bool read = true;
  bool write = false;
  std::string lifetime;
  std::vector<views::Option> lifetimes;
  FieldErrors errors;
};

// The page that shows a new token, once.
struct NewTokenPage {
  AccessToken made;
  std::string token;
  std::string example;  // a curl command using it
};

}  // namespace fabrique::accounts
