// Interface languages: French by default, English second. Messages are written in English in the
// code and translated from gettext catalogues (po/*.po) compiled into the binary.
#pragma once
#include <chrono>
#include <string>
#include <string_view>

namespace fabrique::i18n {

enum class Lang { fr, en };

// Marks a message for extraction without translating it here (translated when displayed).
constexpr const char* N_(const char* message) { return message; }

std::string_view code(Lang lang);              // "fr", "en"
bool parse(std::string_view code, Lang& out);  // false if not a supported language

// Picks the language from an Accept-Language header; French when nothing supported is asked.
Lang negotiate(std::string_view accept_language);

// Translates messages into one language. Thread-safe; obtain with translator().
class Translator {
 public:
  virtual ~Translator() = default;
  virtual Lang lang() const = 0;
  // The translation of `message`, or `message` itself if the catalogue has none.
  virtual std::string tr(const char* message) const = 0;
  // Singular/plural by n.
  virtual std::string trn(const char* singular, const char* plural, long n) const = 0;

  // A date and time in Europe/Paris, e.g. "28 novembre 2026 à 16:05" / "28 November 2026, 16:05".
  std::string datetime(std::chrono::sys_seconds t) const;
  // A date in Europe/Paris, e.g. "28 novembre 2026".
  std::string date(std::chrono::sys_seconds t) const;
};

const Translator& translator(Lang lang);

}  // namespace fabrique::i18n
