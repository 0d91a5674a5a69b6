// Checks shared by the account use cases: names and new passwords.
#include "accounts/use_cases.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::accounts {

using i18n::N_;

void check_name(FieldErrors& errors, std::string_view field, std::string_view name) {
  if (name.empty()) {
    errors.add(std::string(field), N_("Enter your name."));
  } else if (!text::valid_utf8(name, false)) {
    errors.add(std::string(field), N_("The name contains characters that are not allowed."));
  } else if (text::length(name) > kMaxNameLength) {
    errors.add(std::string(field), N_("The name is too long (120 characters at most)."));
  }
}

void check_password(FieldErrors& errors, std::string_view field, std::string_view password,
                    std::string_view confirmation_field, std::string_view confirmation) {
  if (text::length(password) < kMinPasswordLength) {
    errors.add(std::string(field), N_("The password must have at least 10 characters."));
  } else if (password.size() > kMaxPasswordLength) {
    errors.add(std::string(field), N_("The password is too long (1024 characters at most)."));
  } else if (!text::valid_utf8(password, false)) {
    errors.add(std::string(field), N_("The password contains characters that are not allowed."));
  } else if (password != confirmation) {
    errors.add(std::string(confirmation_field), N_("The two passwords are different."));
  }
}

std::chrono::seconds sign_in_delay(std::int64_t failures, std::int64_t free_attempts) {
  if (failures < free_attempts) return std::chrono::seconds(0);
  // Doubles with each failure past the free ones, up to 15 minutes: slows guessing to a crawl
  // while a person who mistypes a few times barely notices.
  std::int64_t over = failures - free_attempts;
  std::int64_t delay = over >= 10 ? 900 : std::min<std::int64_t>(900, std::int64_t(1) << over);
  return std::chrono::seconds(delay);
}

}  // namespace fabrique::accounts
