// Translation through Boost.Locale's gettext reader, fed with the catalogues embedded in the binary,
// and dates shown in Europe/Paris with Howard Hinnant's tz library.
#include "i18n/i18n.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <array>
#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>
#include <map>
#include <memory>
#include <shared_mutex>
#include <stdexcept>

#include "common/resources.hpp"

namespace fabrique::i18n {
namespace {

namespace bl = boost::locale;

// A folder that exists nowhere: Boost.Locale asks the callback below for the files under it.
constexpr std::string_view kEmbedded = "/embedded";

class GettextTranslator final : public Translator {
 public:
  explicit GettextTranslator(Lang lang) : lang_(lang) {
    bl::gnu_gettext::messages_info info;
    info.language = std::string(code(lang));
    info.encoding = "UTF-8";
    info.domains.emplace_back("fabrique");
    info.paths.emplace_back(kEmbedded);
    // Boost.Locale asks for "<path>/<lang>/LC_MESSAGES/<domain>.mo"; answer from the embedded catalogues
    // so the binary needs no locale files or system locales installed.
    info.callback = [](const std::string& file, const std::string&) -> std::vector<char> {
      for (const auto& r : resources::catalogues()) {
        std::string lang(r.name.substr(0, r.name.find('.')));
        if (file == std::string(kEmbedded) + "/" + lang + "/LC_MESSAGES/fabrique.mo")
          return {r.bytes.begin(), r.bytes.end()};
      }
      return {};
    };
    locale_ = std::locale(std::locale::classic(), bl::gnu_gettext::create_messages_facet<char>(info));
  }

  Lang lang() const override { return lang_; }
  std::string tr(const char* message) const override {
    // Boost.Locale looks the message up and builds a string on every call; pages ask for the
    // same few hundred messages over and over, so keep each answer once looked up.
    {
      std::shared_lock lock(mutex_);
      if (auto it = memo_.find(std::string_view(message)); it != memo_.end()) return it->second;
    }
    std::string translated = bl::translate(message).str(locale_);
    std::unique_lock lock(mutex_);
    memo_.emplace(message, translated);
    return translated;
  }
  std::string trn(const char* singular, const char* plural, long n) const override {
    return bl::translate(singular, plural, n).str(locale_);
  }

 private:
  Lang lang_;
  std::locale locale_;
  mutable std::shared_mutex mutex_;
  mutable std::map<std::string, std::string, std::less<>> memo_;
};

constexpr std::array<const char*, 12> kMonthsFr = {"janvier",   "février", "mars",     "avril",
                                                   "mai",       "juin",    "juillet",  "août",
                                                   "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<const char*, 12> kMonthsEn = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};

}  // namespace

std::string_view code(Lang lang) { return lang == Lang::fr ? "fr" : "en"; }

bool parse(std::string_view c, Lang& out) {
  if (c == "fr") {
    out = Lang::fr;
    return true;
  }
  if (c == "en") {
    out = Lang::en;
    return true;
  }
  return false;
}

Lang negotiate(std::string_view header) {
  // Entries like "en-GB,en;q=0.9,fr;q=0.8": the supported language with the highest q wins.
  double best_q = -1;
  Lang best = Lang::fr;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    double q = 1.0;
    if (auto semi = item.find(';'); semi != std::string_view::npos) {
      auto params = item.substr(semi + 1);
      item = item.substr(0, semi);
      if (auto qpos = params.find("q="); qpos != std::string_view::npos) {
        try {
          q = std::stod(std::string(params.substr(qpos + 2)));
        } catch (const std::exception&) {
          q = 0;
        }
      }
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    std::string primary(item.substr(0, item.find('-')));
    for (auto& ch : primary) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    Lang lang;
    if (q > 0 && parse(primary, lang) && q > best_q) {
      best_q = q;
      best = lang;
    }
  }
  return best;
}

const Translator& translator(Lang lang) {
  static const GettextTranslator kFr(Lang::fr);
  static const GettextTranslator kEn(Lang::en);
  return lang == Lang::fr ? kFr : kEn;
}

namespace {
date::local_seconds paris(std::chrono::sys_seconds t) {
  static const date::time_zone* kParis = date::locate_zone("Europe/Paris");
  return date::make_zoned(kParis, t).get_local_time();
}
}  // namespace

std::string Translator::date(std::chrono::sys_seconds t) const {
  auto local = paris(t);
  auto ymd = date::year_month_day(date::floor<date::days>(local));
  unsigned m = static_cast<unsigned>(ymd.month()) - 1;
  int y = static_cast<int>(ymd.year());
  unsigned d = static_cast<unsigned>(ymd.day());
  if (lang() == Lang::fr) return fmt::format("{}{} {} {}", d, d == 1 ? "er" : "", kMonthsFr[m], y);
  return fmt::format("{} {} {}", d, kMonthsEn[m], y);
}

std::string Translator::datetime(std::chrono::sys_seconds t) const {
  auto local = paris(t);
  auto time = date::make_time(local - date::floor<date::days>(local));
  auto hm = fmt::format("{:02}:{:02}", time.hours().count(), time.minutes().count());
  if (lang() == Lang::fr) return fmt::format("{} à {}", date(t), hm);
  return fmt::format("{}, {}", date(t), hm);
}

}  // namespace fabrique::i18n
